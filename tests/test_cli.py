import json

from hallplan.cli import main
from tests.conftest import PLANS


def test_validate_ok_and_broken(tmp_path, capsys):
    assert main(["validate", str(PLANS / "town_centre.hallplan")]) == 0
    d = json.loads((PLANS / "town_centre.hallplan").read_text(encoding="utf-8"))
    d["floors"][0]["zones"][2]["polygon"]["exterior"] = [[0, 0], [4, 4], [4, 0], [0, 4]]
    bad = tmp_path / "bad.hallplan"
    bad.write_text(json.dumps(d), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "floors[0].zones[2].polygon.exterior: ring self-intersects near (2.00, 2.00)" in err


def test_info_lists_areas_and_windows(capsys):
    assert main(["info", str(PLANS / "town_centre.hallplan")]) == 0
    out = capsys.readouterr().out
    assert "300.0 m²" in out and "无差别综合窗口 (universal): 7" in out
