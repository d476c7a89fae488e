"""Incremental checking equals a full check, over random edit sequences (with undo/redo, drags,
plan settings and floor edits), for every profile's rules at once (profile "all")."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hallplan.io.planfile import load
from hallplan.model import (
    AddFloor,
    CommandError,
    Floor,
    Furniture,
    FurnitureKind,
    HallLevel,
    History,
    Polygon,
    RemoveFloor,
    ServicePeriod,
    SetFloorProperties,
    SetPlanProperties,
    WindowKind,
    Zone,
    ZoneKind,
    edits,
)
from hallplan.rules import Engine
from tests.conftest import PLANS

BASE = load(PLANS / "town_centre.hallplan")

op = st.one_of(
    st.tuples(st.just("move"), st.integers(0, 999), st.floats(-4, 4), st.floats(-4, 4), st.booleans()),
    st.tuples(st.just("delete"), st.integers(0, 999)),
    st.tuples(st.just("row"), st.integers(1, 4), st.sampled_from(list(WindowKind))),
    st.tuples(st.just("zone"), st.sampled_from(list(ZoneKind)), st.floats(0, 20), st.floats(0, 10)),
    st.tuples(st.just("furn"), st.sampled_from(list(FurnitureKind)), st.floats(0, 24), st.floats(0, 12)),
    st.tuples(st.just("win"), st.integers(0, 999), st.sampled_from(["kind", "height", "depth", "number", "name", "low"]),
              st.integers(0, 20)),
    st.tuples(st.just("plan"), st.sampled_from(["level", "name", "staff", "hours", "profile", "branch"]), st.integers(0, 4)),
    st.tuples(st.just("floor"), st.sampled_from(["add", "remove", "storey", "outline"]), st.integers(0, 3)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("redo")),
    st.tuples(st.just("seal")),
)

NAMES = ["城关镇便民服务中心", "原州区政务服务中心", "红旗村便民服务站", "罗湖区东门街道办事处行政服务大厅", "某某"]


def _pick(plan, k, kind=None):
    ents = [e for _, e in plan.entities() if kind is None or e.KIND.value == kind]
    return ents[k % len(ents)].id if ents else None


def _apply(h: History, o) -> None:
    plan = h.plan
    fid = plan.floors[0].id if plan.floors else None
    kind = o[0]
    if kind == "move" and (eid := _pick(plan, o[1])):
        h.push(edits.move(plan, [eid], o[2], o[3]), merge=o[4])
    elif kind == "delete" and (eid := _pick(plan, o[1])):
        h.push(edits.delete(plan, [eid]))
    elif kind == "row" and fid:
        n = 500 + len(plan.all_windows()) * 10
        h.push(edits.window_row(plan, fid, (2, 3), (14, 3), o[1], kind=o[2], first_number=n))
    elif kind == "zone" and fid:
        z = Zone(plan.new_id("zone"), o[1], Polygon.rect(o[2], o[3], o[2] + 3, o[3] + 2), "")
        h.push(edits.add(plan, fid, z))
    elif kind == "furn" and fid:
        h.push(edits.add(plan, fid, Furniture(plan.new_id("furn"), o[1], o[2], o[3])))
    elif kind == "win" and (eid := _pick(plan, o[1], "window")):
        _, w = plan.find(eid)
        val = {"kind": list(WindowKind)[o[3] % len(WindowKind)], "height": 0.7 + o[3] * 0.01,
               "depth": 0.6 + o[3] * 0.03, "number": str(o[3]), "name": ["", "综合窗口", "Window"][o[3] % 3],
               "low": o[3] % 2 == 0}[o[2]]
        key = "low_counter" if o[2] == "low" else o[2]
        h.push(edits.set_props(plan, eid, **{key: val}))
    elif kind == "plan":
        v = o[2]
        change = {
            "level": {"level": list(HallLevel)[v % 5]},
            "name": {"name": NAMES[v % len(NAMES)]},
            "staff": {"staff_count": v * 3},
            "hours": {"service_hours": () if v % 2 else (ServicePeriod("周一至周五", "09:00", "17:00"),)},
            "profile": {"profile": ["all", "luan", "yuanzhou", "luohu", "beijing"][v % 5]},
            "branch": {"branch": bool(v % 2)},
        }[o[1]]
        h.push(SetPlanProperties.of(plan, **change))
    elif kind == "floor":
        what, v = o[1], o[2]
        if what == "add":
            new = Floor(f"fl-x{len(plan.floors)}-{v}", v + 1, Polygon.rect(0, 0, 10 + v, 8), "新楼层")
            if any(f.id == new.id for f in plan.floors):
                return
            new.zones["zone-x" + new.id] = Zone("zone-x" + new.id, ZoneKind.WAITING, Polygon.rect(1, 1, 5, 5))
            if _exists(plan, "zone-x" + new.id):
                return
            h.push(AddFloor(new))
        elif what == "remove" and len(plan.floors) > 1:
            h.push(RemoveFloor.of(plan, plan.floors[v % len(plan.floors)].id))
        elif what == "storey" and fid:
            h.push(SetFloorProperties.of(plan, plan.floors[v % len(plan.floors)].id, storey=v + 1))
        elif what == "outline" and fid:
            h.push(SetFloorProperties.of(plan, fid, outline=Polygon.rect(0, 0, 5 + 10 * v, 12.5)))
    elif kind == "undo":
        h.undo()
    elif kind == "redo":
        h.redo()
    elif kind == "seal":
        h.seal()


def _exists(plan, eid):
    try:
        plan.find(eid)
        return True
    except KeyError:
        return False


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(op, min_size=1, max_size=14), st.sampled_from([None, "all"]))
def test_incremental_equals_full(ops, profile):
    plan = BASE.copy()
    h = History(plan)
    eng = Engine(plan, profile)
    eng.run()
    eng.attach(h)
    # a full check (route analysis included) costs ~50 ms: compare after every third command and at the end
    for i, o in enumerate(ops):
        try:
            _apply(h, o)
        except CommandError:
            continue
        if i % 3 == 2 or i == len(ops) - 1:
            full = Engine(plan.copy(), profile).run()
            assert eng.findings == full, f"after {ops[:i + 1]}"


def test_incremental_runs_fewer_checks():
    plan = BASE.copy()
    h = History(plan)
    eng = Engine(plan, "all")
    eng.run()
    full_calls = eng.calls
    eng.attach(h)
    h.push(SetPlanProperties.of(plan, staff_count=3))
    assert 0 < eng.calls < full_calls / 5
    w = plan.all_windows()[0]
    h.push(edits.move(plan, [w.id], 0.1, 0.0), merge=True)
    assert 0 < eng.calls < full_calls
