"""Sizing of plans and the findings when a plan has fewer windows, seats or staff than needed."""

import json

import pytest

from hallplan.cli import main
from hallplan.io.planfile import load
from hallplan.model import (
    AddFloor,
    Demand,
    DemandGroup,
    Domain,
    Floor,
    Furniture,
    FurnitureKind,
    HallLevel,
    History,
    Plan,
    Polygon,
    WindowKind,
    Zone,
    ZoneKind,
    edits,
)
from hallplan.rules import Engine, Severity
from hallplan.rules.checks_sizing import (
    SIZING_CHECKS,
    profile_rule_ids,
    sizing_findings,
    sizing_rules,
)
from hallplan.rules.packs import all_rules
from hallplan.rules.sizing import seats_in_plan, size_plan, windows_for_group
from tests.conftest import PLANS


def small_plan(windows=3, seats=12, staff=4, shifts=1, rate=20.0, mean=10.0, cv=1.0, profile="default"):
    """A 12 × 8 m hall: window zone along the top, waiting below, ``windows`` universal windows."""
    g = DemandGroup("universal", "无差别综合窗口", (WindowKind.UNIVERSAL,), peak_arrivals_per_hour=rate,
                    mean_handling_min=mean, handling_cv=cv)
    p = Plan("测试镇便民服务中心", HallLevel.TOWN, profile=profile, staff_count=staff,
             demand=Demand(groups=(g,), shifts=shifts))
    h = History(p)
    h.push(AddFloor(Floor("floor-1", 1, Polygon.rect(0, 0, 12, 8))))
    h.push(edits.add(p, "floor-1",
                     Zone("zone-1", ZoneKind.WINDOW_SERVICE, Polygon.rect(0, 5, 12, 8)),
                     Zone("zone-2", ZoneKind.WAITING, Polygon.rect(0, 0, 12, 5)),
                     Zone("zone-3", ZoneKind.BACK_OFFICE, Polygon.rect(0, 7, 12, 8))))
    if windows:
        h.push(edits.window_row(p, "floor-1", (1, 6), (11, 6), windows, public_side=-1))
    if seats:
        h.push(edits.add(p, "floor-1", Furniture("furn-1", FurnitureKind.SEAT_ROW, 6, 2, seats=seats)))
    return p


def ids(findings):
    return sorted(f.rule_id for f in findings)


def by_rule(findings):
    out = {f.rule_id: f for f in findings}
    assert len(out) == len(findings), "one finding per rule expected here"
    return out


def test_sizing_rules_are_the_packs_rules_with_a_sizing_check():
    every = all_rules()
    rules = sizing_rules()
    assert {r.id for r in rules} == {r.id for r in every.values() if r.check in SIZING_CHECKS}
    assert {"JZ.queue-wait", "LA.windows-from-demand", "YZ.waiting-seats", "LA.ab-posts"} <= {r.id for r in rules}
    assert all(r is every[r.id] for r in rules)  # the pack's own rule objects, not copies
    # a profile picks its own: Lu'an has LA's windows rule, not JZ's; Yuanzhou borrows JZ's half hour
    assert {r.id for r in sizing_rules("luan")} >= {"LA.windows-from-demand", "LA.ab-posts", "YZ.waiting-seats"}
    assert "JZ.queue-wait" not in {r.id for r in sizing_rules("luan")}
    assert "JZ.queue-wait" in {r.id for r in sizing_rules("yuanzhou")}


def test_the_sizing_module_keeps_no_findings_tables():
    from hallplan.rules import sizing

    for name in ("CITATIONS", "RULE_IDS", "SizingFinding", "sizing_findings", "windows_findings"):
        assert not hasattr(sizing, name), name


def test_over_provisioned_plan_has_no_findings():
    p = small_plan()  # 20/h × 10 min = 3.33 erlangs -> 4 windows (c=4: Wq ≈ 3.9 min)
    g = size_plan(p).groups[0]
    assert g.windows_needed == 4
    for profile in ("default", "luan", "yuanzhou"):
        rich = small_plan(windows=6, seats=g.seats_needed + 10, staff=12, shifts=2, profile=profile)
        s = size_plan(rich)
        assert s.groups[0].windows_in_plan > s.groups[0].windows_needed and s.seats > s.seats_needed
        assert sizing_findings(rich) == []
        assert sizing_findings(rich, profile) == []
    exact = small_plan(windows=4, seats=g.seats_needed, staff=4)  # just enough is enough
    assert sizing_findings(exact) == []


def test_too_few_windows_seats_and_staff():
    p = small_plan(windows=3, seats=2, staff=3, shifts=2)
    s = size_plan(p)
    assert (s.groups[0].windows_in_plan, s.groups[0].windows_needed) == (3, 4)
    assert s.seats == 2 and s.seats_needed > 2
    assert s.staff_needed == 4 * 2
    fs = sizing_findings(p)
    # every document's sizing rule for a town centre speaks
    assert ids(fs) == ["JZ.queue-wait", "LA.ab-posts", "LA.windows-from-demand", "YZ.waiting-seats"]
    every = all_rules()
    for f in fs:  # rule, requirement and citation are the pack's
        rule = every[f.rule_id]
        assert f.requirement == rule.requirement and f.citation == rule.citation
    f = by_rule(fs)
    # severities: the pack's, capped at warning where the count is a model estimate (max_severity)
    assert f["JZ.queue-wait"].severity == Severity.WARNING  # 尽量
    assert every["LA.windows-from-demand"].severity == Severity.ERROR
    assert f["LA.windows-from-demand"].severity == Severity.WARNING
    assert f["YZ.waiting-seats"].severity == Severity.WARNING
    assert f["LA.ab-posts"].severity == Severity.ERROR  # 应: staff numbers are not an estimate
    assert [x.rule_id for x in fs][0] == "LA.ab-posts"  # most severe first, as `hallplan check` sorts

    w = f["JZ.queue-wait"]
    assert w.requirement == "JZ-8" and w.citation.document == "JZ" and w.citation.clause_ref == "二、(四)1"
    assert "群众排队等待时间尽量控制在半个小时" in w.citation.clause
    assert len(w.entity_ids) == 3 and set(w.entity_ids) == {x.id for x in p.all_windows()}
    assert (w.value("windows"), w.value("windows_needed"), w.value("limit_min")) == (3, 4, 30.0)
    assert w.value("mean_wait_min_needed") == round(s.groups[0].at_need.mean_wait, 2)
    assert "现有窗口 3 个" in w.message_zh and "少于按办件量测算所需的 4 个" in w.message_zh
    assert "fewer than the 4" in w.message_en and "limit 30 min" in w.message_en
    la = f["LA.windows-from-demand"]
    assert la.citation.clause_ref == "4.1.1" and "办件量、办理时长" in la.citation.clause
    assert la.entity_ids == w.entity_ids and la.message_en == w.message_en  # the same check, its own citation

    st = f["LA.ab-posts"]
    assert st.requirement == "LA-4.4.1.2" and "AB岗" in st.citation.clause
    # the pack rule's need: windows drawn × shifts × per_window (1.0)
    assert "工作人员 3 人" in st.message_zh and "3 个窗口 × 2 班" in st.message_zh and "6 人" in st.message_zh
    seat = f["YZ.waiting-seats"]
    assert seat.requirement == "YZ-3.3" and seat.citation.clause_ref == "三、(三)"
    assert seat.entity_ids == ("furn-1",)
    assert (seat.value("seats"), seat.value("seats_needed")) == (2, s.seats_needed)
    assert f"少于测算所需的 {s.seats_needed} 个" in seat.message_zh


def test_the_findings_are_the_rule_engines():
    """Under a profile, the sizing view's findings are exactly what the engine gives for those rules."""
    for profile in ("luan", "yuanzhou", "all"):
        p = small_plan(windows=2, seats=1, staff=1, profile=profile)
        engine = [f for f in Engine(p).run() if all_rules()[f.rule_id].check in SIZING_CHECKS]
        assert engine and sizing_findings(p, profile) == engine


def test_lu_an_profile_cites_la_4_1_1_and_marks_jz_8_as_another_documents():
    p = small_plan(windows=2, profile="luan")
    fs = by_rule(sizing_findings(p))
    assert {"JZ.queue-wait", "LA.windows-from-demand"} <= set(fs)
    applied = profile_rule_ids(p)
    assert "LA.windows-from-demand" in applied and "JZ.queue-wait" not in applied
    assert fs["LA.windows-from-demand"].citation.title_zh.startswith("六安市 DB 3415/T 91")
    assert fs["JZ.queue-wait"].citation.title_zh.startswith("焦作市")
    # the profile's own view: LA-4.1.1 only
    assert "JZ.queue-wait" not in ids(sizing_findings(p, "luan"))
    assert "LA.windows-from-demand" in ids(sizing_findings(p, "luan"))


def test_rules_for_other_levels_do_not_speak():
    """LA (town centres) says nothing about a county hall; JZ's half hour and YZ's seats do."""
    p = small_plan(windows=2, seats=1, staff=1)
    p.level = HallLevel.COUNTY
    got = ids(sizing_findings(p))
    assert got == ["JZ.queue-wait", "YZ.waiting-seats"]


def test_unknown_profile_lists_the_findings_without_the_note():
    p = small_plan(windows=2, profile="nowhere")
    assert profile_rule_ids(p) is None
    assert "JZ.queue-wait" in ids(sizing_findings(p))


def test_staff_not_stated_is_an_info_not_a_shortfall():
    fs = [f for f in sizing_findings(small_plan(staff=0)) if f.rule_id == "LA.ab-posts"]
    assert len(fs) == 1 and fs[0].severity == Severity.INFO
    assert "未填写工作人员数量" in fs[0].message_zh


def test_seats_in_staff_only_zones_do_not_count():
    p = small_plan(seats=10)
    p.floors[0].furniture["furn-9"] = Furniture("furn-9", FurnitureKind.SEAT_ROW, 6, 7.5, seats=6)
    assert seats_in_plan(p) == (10, ("furn-1",))


def test_windows_assigned_to_the_most_specific_group():
    p = small_plan(windows=4)
    ws = sorted(p.all_windows(), key=lambda w: w.number)
    floor = p.floors[0]
    from dataclasses import replace

    floor.windows[ws[3].id] = replace(ws[3], kind=WindowKind.DOMAIN, domain=Domain.SOCIAL_AFFAIRS)
    groups = (
        DemandGroup("universal", "无差别", (WindowKind.UNIVERSAL, WindowKind.DOMAIN), peak_arrivals_per_hour=10),
        DemandGroup("social", "社会事务", (WindowKind.DOMAIN,), domain="social_affairs", peak_arrivals_per_hour=3),
    )
    p.demand = Demand(groups=groups)
    per = windows_for_group(p)
    assert [w.number for w in per["universal"]] == ["1", "2", "3"]
    assert [w.number for w in per["social"]] == ["4"]


def test_town_sample_needs_two_more_windows():
    plan = load(PLANS / "town_centre.hallplan")
    s = size_plan(plan)
    (g,) = s.groups
    assert g.peak_rate == 40 and g.at_need.offered_load == 8.0
    # 8 erlangs: 9 windows keep the mean wait within 30 min (the sample draws fewer: 7)
    assert g.windows_needed == 9 and g.windows_in_plan == len(plan.all_windows()) < 9
    assert g.at_need.mean_wait <= 30 < g.at_plan.mean_wait
    fs = sizing_findings(plan)
    # the town sample is on the Lu'an profile: JZ-8 and LA-4.1.1 both ask for the windows
    assert {"JZ.queue-wait", "LA.windows-from-demand"} <= set(ids(fs))
    w = by_rule(fs)["LA.windows-from-demand"]
    assert (w.value("windows"), w.value("windows_needed")) == (g.windows_in_plan, 9)
    assert set(w.entity_ids) == set(g.window_ids)
    assert ("YZ.waiting-seats" in ids(fs)) == (s.seats < s.seats_needed)
    assert s.staff_needed == 9 * s.shifts


def test_village_sample_has_no_demand_and_no_findings():
    plan = load(PLANS / "village_station.hallplan")
    s = size_plan(plan)
    assert s.groups == () and s.staff_needed == 2
    assert sizing_findings(plan) == []


def test_cli_size_table(capsys):
    assert main(["size", str(PLANS / "town_centre.hallplan"), "--days", "30"]) == 0
    out = capsys.readouterr().out
    assert "无差别综合窗口" in out and "所需窗口" in out and "仿真校核（30 天" in out
    # each finding as `hallplan check` words and cites it: rule, requirement, the pack's clause
    assert "[警告] JZ.queue-wait [JZ-8]: 无差别综合窗口:现有窗口 7 个" in out
    assert "依据:焦作市《关于规范全市实体政务大厅建设管理的通知》(2018) 二、(四)1“" in out
    assert "群众排队等待时间尽量控制在半个小时;”" in out
    assert "[警告] LA.windows-from-demand [LA-4.1.1]" in out and " 4.1.1“根据本区域实际情况" in out
    # JZ's rule is shown, with why `hallplan check` on the Lu'an profile does not list it
    assert out.count("规则配置 luan 未采用此条规则") == 1
    assert "窗口人员（A/B岗）" in out and "LA-4.4.1.2" in out and "JZ-8, LA-4.1.1" in out
    assert main(["size", str(PLANS / "town_centre.hallplan"), "--lang", "en", "--no-sim"]) == 0
    out = capsys.readouterr().out
    assert "Needed" in out and "Simulation check" not in out and "Waiting seats" in out
    assert "[Warning] JZ.queue-wait [JZ-8]" in out and "Source: Jiaozuo" in out
    assert "(Halls shall arrange working hours around people's needs" in out
    assert "the luan profile does not apply this rule" in out
    from hallplan.i18n import language

    assert language() == "zh"  # the verb restores the language it found


def test_cli_size_json(capsys):
    assert main(["size", str(PLANS / "town_centre.hallplan"), "--format", "json", "--days", "20"]) == 0
    d = json.loads(capsys.readouterr().out)
    (g,) = d["groups"]
    assert g["windows_needed"] == 9 and g["windows_in_plan"] < 9
    assert g["at_plan"]["mean_wait"] is None and g["at_plan"]["peak_waiting"] is None  # unbounded
    assert g["simulation"]["days"] == 20
    fs = {f["rule"]: f for f in d["findings"]}
    assert {"JZ.queue-wait", "LA.windows-from-demand"} <= set(fs)
    # the town's Lu'an profile applies LA.windows-from-demand (so `hallplan check` lists it), not JZ's rule
    assert fs["LA.windows-from-demand"]["in_profile"] is True and fs["JZ.queue-wait"]["in_profile"] is False
    # the finding as `hallplan check --format json` gives it: the pack's citation, the check's values
    la = fs["LA.windows-from-demand"]
    assert {k: la[k] for k in ("requirement", "severity")} == {"requirement": "LA-4.1.1", "severity": "warning"}
    cit = all_rules()["LA.windows-from-demand"].citation
    assert la["citation"]["clause_ref"] == cit.clause_ref == "4.1.1" and la["citation"]["clause"] == cit.clause
    assert la["values"]["windows_needed"] == 9 and len(la["entities"]) == g["windows_in_plan"]
    assert set(la["message"]) == {"zh", "en"} and "fewer than the 9" in la["message"]["en"]


def test_cli_size_bad_file(tmp_path, capsys):
    bad = tmp_path / "x.hallplan"
    bad.write_text("{", encoding="utf-8")
    assert main(["size", str(bad)]) == 1
    assert "error" in capsys.readouterr().err


def test_recommended_row_continues_the_existing_row():
    from hallplan.model import History
    from hallplan.rules.sizing import recommended_window_row

    plan = load(PLANS / "town_centre.hallplan")
    before = sorted(plan.all_windows(), key=lambda w: int(w.number))
    n0 = len(before)
    h = History(plan)
    cmd = recommended_window_row(plan, "universal")
    h.push(cmd)
    new = sorted((w for w in plan.all_windows() if int(w.number) > n0), key=lambda w: int(w.number))
    assert len(new) == 9 - n0
    # the row goes on: same rotation and spacing as the last two windows, numbered after them
    a, b = before[-2], before[-1]
    step = (b.x - a.x, b.y - a.y)
    for i, w in enumerate(new, start=1):
        assert (w.x, w.y) == pytest.approx((b.x + i * step[0], b.y + i * step[1]), abs=1e-3)
        assert w.rotation == b.rotation and w.height == b.height and not w.low_counter
    assert not [f for f in sizing_findings(plan) if f.rule_id in ("JZ.queue-wait", "LA.windows-from-demand")]
    assert recommended_window_row(plan, "universal") is None
    h.undo()
    assert len(plan.all_windows()) == n0


def test_recommended_row_in_an_empty_window_zone_faces_the_waiting_zone():
    from hallplan.model import History
    from hallplan.rules.sizing import recommended_window_row

    p = small_plan(windows=0)
    History(p).push(recommended_window_row(p, "universal"))
    ws = p.all_windows()
    assert len(ws) == 4 and sorted(w.number for w in ws) == ["1", "2", "3", "4"]
    for w in ws:
        assert 5 <= w.y <= 8 and w.front_normal[1] < -0.99  # the public side looks down, to the waiting zone


@pytest.mark.parametrize("sample", ["county_centre", "town_centre", "village_station"])
def test_engine_and_size_verb_agree_on_the_samples(sample):
    """The rule engine's sizing findings (under the plan's profile) are the size verb's findings for
    the rules that profile applies, field for field."""
    plan = load(PLANS / f"{sample}.hallplan")
    every = all_rules()
    engine = [f for f in Engine(plan).run() if every[f.rule_id].check in SIZING_CHECKS]
    applied = profile_rule_ids(plan)
    verb = [f for f in sizing_findings(plan) if f.rule_id in applied]
    assert verb == engine
    assert sizing_findings(plan, plan.profile) == engine
