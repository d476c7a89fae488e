"""`hallplan size` summary: like-for-like window counts, and no demand is "not sized", never "all met"."""

from hallplan.cli import main
from tests.conftest import PLANS


def test_no_demand_is_not_sized_not_satisfied(capsys):
    assert main(["size", "--no-sim", str(PLANS / "village_station.hallplan")]) == 0
    out = capsys.readouterr().out
    assert "未测算" in out and "均满足" not in out
    assert "窗口                  2       0" not in out


def test_windows_without_demand_are_kept_apart(capsys):
    assert main(["size", "--no-sim", "--lang", "en", str(PLANS / "county_centre.hallplan")]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("Windows ") and "JZ-8" in line)
    assert "32 (+18)" in row and row.split()[3] == "32"
    assert "18 windows in brackets" in out


def test_json_says_null_when_nothing_was_sized(capsys):
    import json

    assert main(["size", "--no-sim", "--format", "json", str(PLANS / "village_station.hallplan")]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["windows"]["needed"] is None and d["seats"]["needed"] is None
    assert main(["size", "--no-sim", "--format", "json", str(PLANS / "county_centre.hallplan")]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["windows"] == {"drawn": 50, "needed": 32, "drawn_in_sized_groups": 32}
