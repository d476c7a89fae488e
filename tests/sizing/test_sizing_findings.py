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
from hallplan.rules.sizing import seats_in_plan, size_plan, sizing_findings, windows_for_group
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


def test_good_small_plan_has_no_findings():
    p = small_plan()  # 20/h × 10 min = 3.33 erlangs -> 4 windows (c=4: Wq ≈ 3.9 min)
    s = size_plan(p)
    g = s.groups[0]
    assert g.windows_needed == 4
    p = small_plan(windows=4, seats=g.seats_needed, staff=4)
    assert sizing_findings(p) == []


def test_too_few_windows_seats_and_staff():
    p = small_plan(windows=3, seats=2, staff=3, shifts=2)
    s = size_plan(p)
    assert (s.groups[0].windows_in_plan, s.groups[0].windows_needed) == (3, 4)
    assert s.seats == 2 and s.seats_needed > 2
    assert s.staff_needed == 4 * 2
    fs = sizing_findings(p, s)
    assert ids(fs) == ["JZ.queue-wait", "LA.ab-posts", "YZ.waiting-seats"]
    assert all(f.severity == "warning" for f in fs)
    w = next(f for f in fs if f.rule_id == "JZ.queue-wait")
    assert w.requirement_id == "JZ-8" and "半个小时" in w.citation
    assert len(w.entity_ids) == 3 and (w.measured, w.limit) == (3.0, 4.0)
    assert "现有窗口 3 个" in w.message["zh"]
    assert "fewer than the 4" in w.message["en"]
    st = next(f for f in fs if f.rule_id == "LA.ab-posts")
    assert "AB岗" in st.citation and "4 个窗口 × 2 班" in st.message["zh"]
    seat = next(f for f in fs if f.rule_id == "YZ.waiting-seats")
    assert seat.entity_ids == ("furn-1",)


def test_lu_an_profile_also_cites_la_4_1_1():
    fs = sizing_findings(small_plan(windows=2, profile="luan"))
    assert {"JZ.queue-wait", "LA.windows-from-demand"} <= set(ids(fs))


def test_staff_not_stated_gives_no_finding():
    assert "LA.ab-posts" not in ids(sizing_findings(small_plan(staff=0)))


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
    fs = sizing_findings(plan, s)
    # the town sample is on the Lu'an profile: JZ-8 and LA-4.1.1 both ask for the windows
    assert {"JZ.queue-wait", "LA.windows-from-demand"} <= set(ids(fs))
    assert ("YZ.waiting-seats" in ids(fs)) == (s.seats < s.seats_needed)
    assert s.staff_needed == 9 * s.shifts


def test_village_sample_has_no_demand_and_no_findings():
    plan = load(PLANS / "village_station.hallplan")
    s = size_plan(plan)
    assert s.groups == () and s.staff_needed == 2
    assert sizing_findings(plan, s) == []


def test_cli_size_table(capsys):
    assert main(["size", str(PLANS / "town_centre.hallplan"), "--days", "30"]) == 0
    out = capsys.readouterr().out
    assert "无差别综合窗口" in out and "所需窗口" in out and "仿真校核（30 天" in out
    assert "JZ.queue-wait" in out and "“群众排队等待时间尽量控制在半个小时”" in out
    assert main(["size", str(PLANS / "town_centre.hallplan"), "--lang", "en", "--no-sim"]) == 0
    out = capsys.readouterr().out
    assert "Needed" in out and "Simulation check" not in out and "Waiting seats" in out
    from hallplan.i18n import language

    assert language() == "zh"  # the verb restores the language it found


def test_cli_size_json(capsys):
    assert main(["size", str(PLANS / "town_centre.hallplan"), "--format", "json", "--days", "20"]) == 0
    d = json.loads(capsys.readouterr().out)
    (g,) = d["groups"]
    assert g["windows_needed"] == 9 and g["windows_in_plan"] < 9
    assert g["at_plan"]["mean_wait"] is None and g["at_plan"]["peak_waiting"] is None  # unbounded
    assert g["simulation"]["days"] == 20
    assert {"JZ.queue-wait", "LA.windows-from-demand"} <= {f["rule_id"] for f in d["findings"]}
    # the town's Lu'an profile applies LA.windows-from-demand (so `hallplan check` lists it), not JZ's rule
    in_profile = {f["rule_id"]: f["in_profile"] for f in d["findings"]}
    assert in_profile["LA.windows-from-demand"] is True and in_profile["JZ.queue-wait"] is False


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
    the rules that profile applies: same rule ids, requirements and entities."""
    from hallplan.rules import Engine
    from hallplan.rules.packs import rules_for
    from hallplan.rules.sizing import RULE_IDS

    plan = load(PLANS / f"{sample}.hallplan")
    in_profile = {r.id for r in rules_for(plan.profile)} & set(RULE_IDS.values())
    engine = sorted((f.rule_id, f.requirement, tuple(sorted(f.entity_ids)))
                    for f in Engine(plan).run() if f.rule_id in set(RULE_IDS.values()))
    verb = sorted((f.rule_id, f.requirement_id, tuple(sorted(f.entity_ids)))
                  for f in sizing_findings(plan) if f.rule_id in in_profile)
    assert engine == verb
