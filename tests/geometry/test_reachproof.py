"""The reach proof (hallplan.geometry.reachproof) never changes a route-width answer: on random halls
(walls with gaps and doors, counters, seat rows, staff zones and staff doors), ``route_width`` with
the proof (``with_network=False``) gives the same reached / passable / enclosed / pinch answer for
every target as the exact analysis on the eroded free space. And on the hand-built cases it does
prove what is plainly reachable (so the fast path is actually taken)."""

from unittest import mock

import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hallplan.geometry import clearwidth
from hallplan.geometry.clearwidth import RouteTarget, entrance_sources, route_width
from hallplan.geometry.floorgeom import FloorGeometry
from hallplan.geometry.reachproof import prove_reach
from hallplan.model import Door, DoorKind, FurnitureKind, ZoneKind

from .build import counter, exit_door, geometry, hall, item, wall, zone


def _proof_always():
    """The proof is tried only on floors with many obstacles: these small halls too."""
    return mock.patch.object(clearwidth, "PROOF_MIN_OBSTACLES", 0)


def _answers(res):
    return [(t.target.id, t.reached, t.passable, t.enclosed, t.pinches) for t in res.targets]


items = st.lists(st.tuples(st.sampled_from(["counter", "seats", "wall", "staff"]),
                           st.floats(1, 29), st.floats(1, 14), st.sampled_from([0.0, 90.0, 30.0]),
                           st.floats(0.4, 2.5)), max_size=9)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items, st.sampled_from([(1.2, "public"), (1.8, "public"), (1.1, "all")]), st.sampled_from([None, 0.9]))
def test_proof_gives_the_exact_answer(things, case, door_width):
    width, which = case
    p, f = hall(30, 15)
    exit_door(f, "e", 2.0, 0.0, width=1.8, kind=DoorKind.MAIN_ENTRANCE)
    for k, (kind, x, y, rot, size) in enumerate(things):
        if kind == "counter":
            counter(f, f"c{k}", x, y, length=size + 1.0, rotation=rot)
        elif kind == "seats":
            item(f, f"s{k}", FurnitureKind.SEAT_ROW, x, y, size + 1.5, 0.6, rot)
        elif kind == "wall":  # a wall across the hall with a door in a gap of ``size``
            wall(f, f"w{k}a", (x, 0), (x, max(y - size / 2, 0.1)))
            wall(f, f"w{k}b", (x, min(y + size / 2, 14.9)), (x, 15))
            if size > 0.8:
                dk = DoorKind.STAFF_DOOR if k % 3 == 0 else DoorKind.INTERNAL
                f.doors[f"d{k}"] = Door(f"d{k}", dk, x, y, 90.0, size - 0.1, host=f"w{k}a")
        else:
            zone(f, f"z{k}", ZoneKind.BACK_OFFICE, x, y, x + size + 2, y + size + 1)
    zone(f, "wait", ZoneKind.WAITING, 22, 8, 28, 13)
    targets = [RouteTarget("far", "zone", shapely.box(25, 0, 30, 15)), RouteTarget("wait", "zone", shapely.box(22, 8, 28, 13)),
               RouteTarget("mid", "window", shapely.Point(15, 7.5).buffer(0.75))]
    exact, fast = FloorGeometry(p, "f1"), FloorGeometry(p, "f1")
    a = route_width(exact, width, entrance_sources(exact, width), targets, door_width=door_width, which=which)
    with _proof_always():
        b = route_width(fast, width, entrance_sources(fast, width), targets, door_width=door_width, which=which,
                        with_network=False)
    assert _answers(b) == _answers(a)
    # a target the building cuts off is decided without the pinch search: check that the search
    # agrees that no person passes there
    cut = [t.target for t in a.targets if t.enclosed]
    if cut:
        finder = clearwidth._PinchFinder(exact, width, which, door_width, a.network)
        assert not any(finder(t)[0] for t in cut)


def test_few_obstacles_take_the_exact_path():
    # the county hall has ~130 obstacles a floor: building the eroded space is cheaper than the search
    p, f = hall(30, 15)
    exit_door(f, "e", 2.0, 0.0, width=1.8, kind=DoorKind.MAIN_ENTRANCE)
    fg = geometry(p)
    res = route_width(fg, 1.2, entrance_sources(fg, 1.2), [RouteTarget("far", "zone", shapely.box(25, 0, 30, 15))],
                      with_network=False)
    assert res.targets[0].reached and res.network is not None


def test_open_hall_is_proven_without_the_eroded_space():
    p, f = hall(30, 15)
    exit_door(f, "e", 2.0, 0.0, width=1.8, kind=DoorKind.MAIN_ENTRANCE)
    counter(f, "c1", 15, 7.5, length=6.0, rotation=90.0)
    fg = geometry(p)
    with _proof_always():
        res = route_width(fg, 1.2, entrance_sources(fg, 1.2), [RouteTarget("far", "zone", shapely.box(25, 0, 30, 15))],
                          with_network=False)
    assert res.targets[0].reached and res.network is None  # proven: the eroded space was never built
    assert not fg.erosion_at_hand(0.6 - 1e-6, "public")


def test_a_wall_with_a_narrow_gap_is_not_proven():
    # a 1.0 m gap where 1.2 m is needed: no witness exists, the exact analysis answers (with the pinch)
    p, f = hall(20, 10)
    exit_door(f, "e", 2.0, 0.0, width=1.8, kind=DoorKind.MAIN_ENTRANCE)
    wall(f, "w1", (10, 0), (10, 4.5))
    wall(f, "w2", (10, 5.5), (10, 10))
    fg = geometry(p)
    east = [RouteTarget("east", "zone", shapely.box(12, 0, 20, 10))]
    src = entrance_sources(fg, 1.2)
    assert not prove_reach(fg, 0.6 - 1e-6, "public", None, src, east).any()
    with _proof_always():
        t = route_width(fg, 1.2, src, east, with_network=False).targets[0]
    assert not t.reached and t.passable and len(t.pinches) == 1


def test_a_door_plug_is_a_witness_through_a_narrow_door():
    # a 0.9 m door in a wall across the hall: a 1.2 m route passes it when doors need only 0.9 m
    p, f = hall(20, 10)
    exit_door(f, "e", 2.0, 0.0, width=1.8, kind=DoorKind.MAIN_ENTRANCE)
    wall(f, "w1", (10, 0), (10, 4.5))
    wall(f, "w2", (10, 5.5), (10, 10))
    f.doors["d"] = Door("d", DoorKind.INTERNAL, 10, 5, 90.0, 0.9, host="w1")
    fg = geometry(p)
    east = [RouteTarget("east", "zone", shapely.box(12, 0, 20, 10))]
    src = entrance_sources(fg, 1.2)
    plugs = clearwidth._door_plugs(fg, 1.2, 0.9, True)
    assert prove_reach(fg, 0.6 - 1e-6, "public", plugs, src, east).all()
