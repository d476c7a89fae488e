"""``hallplan check`` and ``hallplan rules`` on the samples."""

import json

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
