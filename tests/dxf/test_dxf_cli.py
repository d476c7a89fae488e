"""``hallplan export-dxf`` / ``hallplan import-dxf`` from the command line."""

from __future__ import annotations

import ezdxf

from hallplan.cli import main
from tests.conftest import PLANS


def test_export_dxf_verb(tmp_path, capsys, monkeypatch):
    from hallplan.rules.engine import Engine
    from hallplan.rules.finding import Citation, Finding, Severity, Shape

    plan_file = PLANS / "village_station.hallplan"
    fid = "floor-1"
    fake = [Finding("T-1", "R-1", Severity.ERROR, "疏散距离 41.2 m > 30.0 m", "exit distance 41.2 m > 30.0 m",
                    Citation("YZ", "标题", "title", "一", "条文"),
                    geometry=(Shape.polygon([(1, 1), (3, 1), (3, 2)], fid), Shape.point((2, 2), fid)), floor_id=fid)]
    monkeypatch.setattr(Engine, "__init__", lambda self, *a, **k: None)  # no packs to load: a fake finding
    monkeypatch.setattr(Engine, "run", lambda self, *a, **k: fake)
    import hallplan.io.dxf_export as dx

    fonts = []  # the LibreCAD font itself is tested in test_dxf_export (it takes seconds on the CJK TTF)
    monkeypatch.setattr(dx, "write_librecad_font", lambda chars, directory=None: fonts.append((chars, directory))
                        or tmp_path / "fonts" / "hp-cjk.lff")
    out = tmp_path / "sub" / "village.dxf"
    rc = main(["export-dxf", str(plan_file), "-o", str(out), "--date", "2025-01-01",
               "--lang", "en", "--findings", "--librecad-font", str(tmp_path / "fonts")])
    assert rc == 0
    text = capsys.readouterr().out
    assert "wrote" in text and "audit: no errors" in text
    doc = ezdxf.readfile(out)
    assert not doc.audit().has_errors
    assert doc.header["$INSUNITS"] == 4
    assert fonts and fonts[0][1] == str(tmp_path / "fonts") and "城" not in fonts[0][0] and "站" in fonts[0][0]
    on = doc.modelspace().query('*[layer=="HP-FINDINGS"]')  # findings drawn on their (hidden) layer
    assert len(on.query("LWPOLYLINE")) == 1 and len(on.query("CIRCLE")) == 1
    assert any("41.2" in t.dxf.text for t in on.query("TEXT"))


def test_export_dxf_verb_errors(tmp_path, capsys):
    bad = tmp_path / "bad.hallplan"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["export-dxf", str(bad), "-o", str(tmp_path / "x.dxf")]) == 1
    err = capsys.readouterr().err
    assert "error:" in err and "不是有效的 JSON" in err  # in the verb's language (--lang zh by default)
    assert main(["export-dxf", str(bad), "-o", str(tmp_path / "x.dxf"), "--lang", "en"]) == 1
    assert "not valid JSON" in capsys.readouterr().err
    assert main(["export-dxf", str(PLANS / "village_station.hallplan"), "-o", str(tmp_path / "x.dxf"),
                 "--floors", "nope"]) == 1
    assert "nope" in capsys.readouterr().err
    assert not (tmp_path / "x.dxf").exists()
