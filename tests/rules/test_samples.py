"""The samples check with the findings a planner would expect."""

from hallplan.io.planfile import load
from hallplan.rules import Engine, Severity
from tests.conftest import PLANS


def test_county_sample_is_compliant_under_its_profile():
    plan = load(PLANS / "county_centre.hallplan")
    fs = Engine(plan).run()
    assert not [f for f in fs if f.severity == Severity.ERROR], [f.message_zh for f in fs]
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
    assert not [f for f in fs if f.severity == Severity.ERROR and not f.rule_id.startswith(("LA.windows", "YZ.waiting-seats"))]


def test_village_sample_under_yuanzhou():
    fs = Engine(load(PLANS / "village_station.hallplan")).run()
    assert not [f for f in fs if f.severity != Severity.INFO and f.rule_id.split(".")[0] in ("YZ", "JZ")
                and not f.rule_id.startswith("YZ.waiting-seats")]
