"""Any random sequence of commands, undone completely, gives back the start; redone, the end."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hallplan.io.planfile import load
from hallplan.model import CommandError, History, edits
from tests.conftest import PLANS

BASE = load(PLANS / "town_centre.hallplan")

op = st.one_of(
    st.tuples(st.just("move"), st.integers(0, 500), st.floats(-3, 3), st.floats(-3, 3), st.booleans()),
    st.tuples(st.just("rotate"), st.integers(0, 500), st.sampled_from([15.0, 90.0, -45.0])),
    st.tuples(st.just("delete"), st.integers(0, 500)),
    st.tuples(st.just("row"), st.integers(1, 8)),
    st.tuples(st.just("dup"), st.integers(0, 500)),
    st.tuples(st.just("prop"), st.integers(0, 500), st.text(max_size=5)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("seal")),
)


def _pick(plan, k):
    ents = [e for _, e in plan.entities()]
    return ents[k % len(ents)].id if ents else None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(op, max_size=25))
def test_undo_all_gives_start_redo_all_gives_end(ops):
    plan = BASE.copy()
    start = plan.copy()
    h = History(plan)
    for o in ops:
        eid = _pick(plan, o[1]) if len(o) > 1 and o[0] not in ("row",) else None
        try:
            if o[0] == "move" and eid:
                h.push(edits.move(plan, [eid], o[2], o[3]), merge=o[4])
            elif o[0] == "rotate" and eid:
                h.push(edits.rotate(plan, [eid], o[2]))
            elif o[0] == "delete" and eid:
                h.push(edits.delete(plan, [eid]))
            elif o[0] == "row":
                h.push(edits.window_row(plan, "floor-1", (1, 1), (12, 1), o[1], first_number=100))
            elif o[0] == "dup" and eid:
                h.push(edits.duplicate(plan, [eid]))
            elif o[0] == "prop" and eid:
                _, e = plan.find(eid)
                if hasattr(e, "name"):
                    h.push(edits.set_props(plan, eid, name=o[2]))
            elif o[0] == "undo":
                h.undo()
            elif o[0] == "seal":
                h.seal()
        except CommandError:
            pass  # refused edits leave the plan untouched
    end = plan.copy()
    steps = len(h.undo_stack)
    while h.can_undo:
        h.undo()
    assert plan == start
    for _ in range(steps):
        h.redo()
    assert plan == end


def test_drag_merges_into_one_step():
    plan = BASE.copy()
    h = History(plan)
    wid = plan.all_windows()[0].id
    for _ in range(10):
        h.push(edits.move(plan, [wid], 0.1, 0.0), merge=True)
    h.seal()
    h.push(edits.move(plan, [wid], 0.1, 0.0), merge=True)
    assert len(h.undo_stack) == 2
    h.undo()
    h.undo()
    assert plan == BASE


def test_events_and_dirty_flag():
    plan = BASE.copy()
    h = History(plan)
    seen = []
    unsub = h.subscribe(seen.append)
    wid = plan.all_windows()[0].id
    h.push(edits.set_props(plan, wid, name="新名称"))
    assert h.is_dirty and seen[-1].touched.entity_ids == {wid}
    h.undo()
    assert not h.is_dirty
    h.redo()
    h.mark_clean()
    h.undo()
    h.redo()
    assert not h.is_dirty
    unsub()
    h.undo()
    assert len(seen) == 5
