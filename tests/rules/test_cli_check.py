"""``hallplan check`` and ``hallplan rules`` on the samples."""

import json
from pathlib import Path

from hallplan.cli import main
from hallplan.rules.packs import all_rules
from tests.conftest import PLANS

COUNTY = str(PLANS / "county_centre.hallplan")
TOWN = str(PLANS / "town_centre.hallplan")


def test_check_county_text_zh_and_en(capsys):
    rc = main(["check", COUNTY])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "依据:" in out and "合计:错误 0 个" in out
    main(["check", COUNTY, "--lang", "en"])
    out = capsys.readouterr().out
    assert "Source:" in out and "Total: 0 error(s)" in out


def test_check_json_and_severity_filter(capsys):
    rc = main(["check", TOWN, "--profile", "all", "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert rc == 1 and doc["summary"]["error"] > 0
    f = doc["findings"][0]
    assert {"rule", "requirement", "severity", "message", "citation", "entities", "geometry", "values"} <= set(f)
    assert f["citation"]["clause"] and f["message"]["zh"] and f["message"]["en"]
    rc = main(["check", TOWN, "--profile", "all", "--format", "json", "--severity", "error"])
    doc = json.loads(capsys.readouterr().out)
    assert {x["severity"] for x in doc["findings"]} == {"error"}


def test_conflicting_documents_are_both_shown(capsys):
    main(["check", TOWN, "--profile", "all"])
    out = capsys.readouterr().out
    assert "LH.counter-width" in out and "⇄" in out


def test_unknown_profile_is_a_clear_error(capsys):
    assert main(["check", TOWN, "--profile", "atlantis"]) == 2
    assert "unknown profile 'atlantis'" in capsys.readouterr().err


def test_rules_lists_every_rule(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for rid in all_rules():
        assert rid in out
    assert main(["rules", "--pack", "LA", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "LA.one-metre-line" in out and "YZ." not in out and "one-metre line" in out
    assert main(["rules", "--format", "json", "--pack", "BJ"]) == 0
    assert {r["pack"] for r in json.loads(capsys.readouterr().out)} == {"BJ"}
    assert main(["rules", "--coverage"]) == 0
    assert "已实现" in capsys.readouterr().out
    assert main(["rules", "--profiles"]) == 0
    assert "yuanzhou" in capsys.readouterr().out


def test_check_json_has_the_worst_evacuation_paths_and_pinch_points(capsys, tmp_path):
    from hallplan.io.planfile import save
    from tests.rules.casefile import load_case

    assert main(["check", COUNTY, "--format", "json"]) == 0
    routes = json.loads(capsys.readouterr().out)["routes"]
    assert [f["floor"] for f in routes["floors"]] == ["floor-1", "floor-2"]
    for fl in routes["floors"]:
        straight, walking = fl["evacuation"]["straight"], fl["evacuation"]["walking"]
        # sprinklered county hall: 30 m × 1.25; walking is never shorter than straight
        assert 0 < straight["distance_m"] <= 37.5 and walking["distance_m"] >= straight["distance_m"] - 0.2
        assert len(straight["path"]) >= 2 and straight["path"][0] == straight["worst_point"] and straight["exit"]
    assert routes["pinches"] == []
    # a table leaves a 1.0 m strip in front of two rooms: the pinch is reported with its line
    bad = tmp_path / "pinch.hallplan"
    save(load_case(Path(__file__).parent / "national.accessible-route" / "bad.toml"), bad)
    main(["check", str(bad), "--format", "json", "--profile", "all"])
    pins = json.loads(capsys.readouterr().out)["routes"]["pinches"]
    acc = [p for p in pins if p["rule"] == "national.accessible-route"]
    assert acc and abs(acc[0]["width_m"] - 1.0) < 0.05 and acc[0]["required_m"] == 1.2
    assert acc[0]["targets"] == ["z-complaint", "z-wc-a"] and len(acc[0]["line"]) == 2
    assert {p["rule"] for p in pins} >= {"national.route-width"}
