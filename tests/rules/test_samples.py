"""The samples check with the findings a planner would expect."""

from hallplan.io.planfile import load
from hallplan.rules import Engine, Severity
from tests.conftest import PLANS


def test_county_sample_is_compliant_under_its_profile():
    plan = load(PLANS / "county_centre.hallplan")
    eng = Engine(plan)
    fs = eng.run()
    # the national pack is installed and its route rules (and YZ's separation, sight and CCTV rules) run
    assert not eng.profile.missing
    ran = {r.id for r in eng.rules}
    assert {"national.evac-hall", "national.accessible-route", "national.exit-width-total",
            "YZ.back-office-separated", "YZ.cctv-coverage", "YZ.guide-desk-visible"} <= ran
    # One warning, explained: the enterprise-service group has 5 windows where its demand (14 cases
    # an hour, 20 min each) needs 6 to keep the mean wait within JZ-8's half hour (50 min with 5).
    soft = [f for f in fs if f.severity != Severity.INFO]
    assert [f.rule_id for f in soft] == ["JZ.queue-wait"], [f.message_zh for f in soft]
    assert soft[0].severity == Severity.WARNING
    assert soft[0].value("windows") == 5 and soft[0].value("windows_needed") == 6
    # What remains is information: equipment not recorded in the sample, optional window kinds,
    # supporting zones present, the undifferentiated share.
    mine = {f.rule_id for f in fs if f.rule_id in {"YZ.evaluator", "YZ.other-windows", "YZ.supporting-zones",
                                                      "YZ.universal-share"}}
    assert mine == {"YZ.evaluator", "YZ.other-windows", "YZ.supporting-zones", "YZ.universal-share"}
    share = next(f for f in fs if f.rule_id == "YZ.universal-share")
    assert share.value("universal") == 11 and share.value("total") == 31


def test_town_sample_under_luan():
    fs = Engine(load(PLANS / "town_centre.hallplan")).run()
    ids = {f.rule_id for f in fs if f.severity != Severity.INFO}
    # the sample has no help-and-agency, "cannot get it done" or cross-region window (LA 宜 clauses)
    assert {"LA.help-windows", "LA.cross-region"} <= ids
    # routes, exits, separation: nothing to report (a crowded hall: 1.80 m accessible routes, 1.40 m exits)
    assert not [f for f in fs if f.rule_id.startswith("national.") or f.rule_id == "YZ.back-office-separated"]
    assert not [f for f in fs if f.severity == Severity.ERROR and not f.rule_id.startswith(("LA.windows", "YZ.waiting-seats"))]


def test_village_sample_under_yuanzhou():
    plan = load(PLANS / "village_station.hallplan")
    assert not plan.crowded  # a 40 m² station is not a crowded public place
    fs = Engine(plan).run()
    assert not [f for f in fs if f.rule_id.startswith("national.") and f.severity != Severity.INFO]
    assert not [f for f in fs if f.severity != Severity.INFO and f.rule_id.split(".")[0] in ("YZ", "JZ")
                and not f.rule_id.startswith("YZ.waiting-seats")]
