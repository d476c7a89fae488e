"""Control characters in a plan's texts are refused where they are (they would reach signs, DXF, reports)."""

import json

import pytest

from hallplan.io.planfile import PlanFileError, loads
from tests.conftest import PLANS


def _doc():
    return json.loads((PLANS / "town_centre.hallplan").read_text(encoding="utf-8"))


@pytest.mark.parametrize("bad", ["中心\x00", "中\x07心", "\x1b[31m中心", "中心\x7f"])
def test_control_character_is_located(bad):
    d = _doc()
    d["floors"][0]["windows"][2]["name"] = bad
    with pytest.raises(PlanFileError, match=r"floors\[0\]\.windows\[2\]\.name: contains the control character U\+"):
        loads(json.dumps(d, ensure_ascii=False))


def test_tabs_newlines_and_escaped_backslashes_are_fine():
    d = _doc()
    d["floors"][0]["windows"][2]["services"] = "社保\t医保\n养老 \\b \\f \\u0000"
    plan = loads(json.dumps(d, ensure_ascii=False))
    assert any("\\u0000" in w.services for w in plan.all_windows())


def test_a_plan_with_a_control_character_saves_as_a_file_that_loads(tmp_path):
    """A vertical tab pasted from a word processor must not make the saved file unreadable."""
    import dataclasses

    from hallplan.io.planfile import load, save

    d = _doc()
    plan = loads(json.dumps(d, ensure_ascii=False))
    f = plan.floors[0]
    w = next(iter(f.windows.values()))
    f.windows[w.id] = dataclasses.replace(w, name="综合\x0b窗口")
    plan.name = "城关镇\x00中心"
    again = load(save(plan, tmp_path / "p.hallplan"))
    assert again.name == "城关镇 中心"
    assert again.floors[0].windows[w.id].name == "综合 窗口"
