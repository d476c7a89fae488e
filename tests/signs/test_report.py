"""The compliance report PDF: findings with clauses, acknowledgements, marked plans, page numbers."""

from __future__ import annotations

import dataclasses
import re

import pytest

from hallplan.cli import main
from hallplan.io.fonts import MissingGlyphsError
from hallplan.io.report import ReportOptions, is_acknowledged, marks_for_floor, write_report
from hallplan.model import Acknowledgement
from hallplan.rules import Citation, Engine, Finding, Severity, Shape
from tests.conftest import PLANS
from tests.signs.pdfcheck import boxes, fonts, needs_poppler, text

pytestmark = needs_poppler

CITE = Citation("YZ", "原州区通知", "Yuanzhou notice", "三、(二)", "后台审批服务区域应与窗口前台适度分离", "kept apart")


def _flat(pdf) -> str:
    return text(pdf).replace("\n", "").replace(" ", "")


def _finding(rule_id="T.one", sev=Severity.ERROR, ents=(), geometry=(), floor_id="", msg="测试问题 41.2 m > 30.0 m"):
    return Finding(rule_id, "YZ-3.2", sev, msg, "test finding 41.2 m > 30.0 m", CITE, tuple(ents), tuple(geometry), floor_id)


def test_report_from_the_engine(town, tmp_path):
    findings = Engine(town).run()
    assert findings, "the town sample should have findings"
    res = write_report(town, tmp_path / "r.pdf", findings, options=ReportOptions(date="2025-01-01"))
    pdf = res.path
    assert res.pages == len(boxes(pdf)) >= 5
    for page in boxes(pdf):
        assert page["MediaBox"].size_mm == pytest.approx((210.0, 297.0), abs=0.05)
    assert all(r["emb"] == "yes" for r in fonts(pdf))
    t = _flat(pdf)
    assert town.name in t and "合规检查报告" in t
    assert f"第1页/共{res.pages}页" in t
    for f in findings:
        assert f.rule_id in t and f.requirement in t
        assert f.citation.clause.replace(" ", "")[:12] in t
    assert "等候休息区" in t  # zone areas table and the plan
    assert "2025-01-01" in t
    assert "规则依据与版本" in t and "LA" in t
    assert re.search(r"LA.*[0-9a-f]{12}", t), "pack version (content hash) missing"


def test_acknowledged_findings_listed_with_reason(town, tmp_path):
    f1 = _finding("T.one", ents=("win-2",))
    f2 = _finding("T.two", Severity.WARNING, msg="第二个问题")
    town.acknowledgements = (Acknowledgement("T.one", ("win-2",), "现场条件限制，已报上级同意", "李工", "2025-03-01"),)
    assert is_acknowledged(f1, town.acknowledgements) and not is_acknowledged(f2, town.acknowledgements)
    res = write_report(town, tmp_path / "r.pdf", [f1, f2])
    assert res.open_findings == 1 and res.acknowledged == 1 and res.counts == {"warning": 1}
    t = _flat(res.path)
    assert "已确认的问题" in t and "现场条件限制，已报上级同意" in t and "李工" in t
    assert "2号窗口(1F)" in t  # the entity named as the user knows it


def test_findings_marked_on_the_plan(town):
    floor = town.floors[0]
    pt = Shape.point((5.0, 5.0), floor.id)
    f_geo = _finding("T.geo", geometry=(pt,), floor_id=floor.id)
    f_ent = _finding("T.ent", ents=("win-3",))
    f_wide = _finding("T.wide")
    marks = marks_for_floor(town, floor, [(1, f_geo, False), (2, f_ent, False), (3, f_wide, False)])
    assert [m.number for m in marks] == [1, 2]
    assert marks[0].at == (5.0, 5.0)
    w3 = floor.windows["win-3"]
    assert marks[1].at == pytest.approx((w3.x, w3.y))


def test_english_report(town, tmp_path):
    res = write_report(town, tmp_path / "en.pdf", [_finding()], options=ReportOptions(lang="en"))
    t = text(res.path)
    assert "compliance report" in t and "Page 1 of" in t and "test finding 41.2 m > 30.0 m" in t
    assert "kept apart" in t


def test_missing_glyph_in_a_reason_is_named_and_nothing_written(town, tmp_path):
    town.acknowledgements = (Acknowledgement("T.one", (), "张\U00020bb7同意"),)
    out = tmp_path / "r.pdf"
    with pytest.raises(MissingGlyphsError) as ei:
        write_report(town, out, [_finding("T.one")])
    assert "U+20BB7" in str(ei.value) and "张\U00020bb7同意" in str(ei.value)
    assert not out.exists() and not list(tmp_path.iterdir())


def test_report_verb(tmp_path, capsys):
    out = tmp_path / "county.pdf"
    assert main(["report", str(PLANS / "county_centre.hallplan"), "-o", str(out)]) == 0
    assert out.is_file() and "page(s)" in capsys.readouterr().out
    assert main(["report", str(PLANS / "county_centre.hallplan"), "-o", str(out), "--profile", "nope"]) == 1
    assert "unknown profile" in capsys.readouterr().err


def test_multi_floor_plan_has_a_plan_page_per_floor(tmp_path):
    from hallplan.io.planfile import load

    plan = load(PLANS / "county_centre.hallplan")
    res = write_report(plan, tmp_path / "c.pdf", [])
    t = _flat(res.path)
    assert "平面图：1F" in t and "平面图：2F" in t
    assert dataclasses.is_dataclass(res) and res.open_findings == 0


def test_rule_sources_name_the_packs_of_included_rules(town):
    from hallplan.io.report import rule_sources

    prof, packs = rule_sources(town, "luan")  # LA + national, and single YZ rules (include = ["YZ-3.*", …])
    assert prof.id == "luan" and [p.id for p in packs] == ["LA", "national", "YZ"]
    assert all(re.fullmatch(r"[0-9a-f]{12}", p.version) and p.rules > 0 for p in packs)
