"""Clear-width routes and pinch points on hand-built halls (exact: vector erosion, tolerance 1 cm)."""

import pytest
import shapely

from hallplan.geometry.clearwidth import RouteTarget, entrance_sources, local_width, route_width
from hallplan.model import DoorKind, edits

from .build import counter, door, exit_door, geometry, hall, wall

TOL = 0.01


def _split_hall(gap: float):
    # 20 × 10 m hall, a 0.2 m wall across at x = 10 with a gap of ``gap`` metres centred at y = 5;
    # the main entrance (1.8 m) in the west half, the target zone in the east half.
    p, f = hall(20, 10)
    exit_door(f, "e", 2.0, 0.0, width=1.8, kind=DoorKind.MAIN_ENTRANCE)
    wall(f, "w1", (10, 0), (10, 5 - gap / 2))
    wall(f, "w2", (10, 5 + gap / 2), (10, 10))
    return p, f


EAST = RouteTarget("east", "zone", shapely.box(12, 0, 20, 10))


def test_one_metre_gap_where_one_point_two_is_needed():
    p, _ = _split_hall(1.0)
    fg = geometry(p)
    r = route_width(fg, 1.2, entrance_sources(fg, 1.2), [EAST])
    t = r.targets[0]
    assert not t.reached and t.passable
    (pinch,) = t.pinches
    assert pinch.width == pytest.approx(1.0, abs=TOL)
    # the pinch line spans the gap between the two wall ends
    (x0, y0), (x1, y1) = pinch.line.coords
    assert 9.85 <= x0 <= 10.15 and 9.85 <= x1 <= 10.15
    assert sorted((y0, y1)) == pytest.approx([4.5, 5.5], abs=TOL)
    assert set(pinch.entity_ids) == {"w1", "w2"}


@pytest.mark.parametrize("need", [0.9, 1.0])
def test_one_metre_gap_is_enough_for_one_metre(need):
    p, _ = _split_hall(1.0)
    fg = geometry(p)
    assert route_width(fg, need, entrance_sources(fg, need), [EAST]).targets[0].reached


def test_gap_too_narrow_for_anyone():
    # 0.4 m: not even a person passes; no route and no pinch to widen
    p, _ = _split_hall(0.4)
    fg = geometry(p)
    t = route_width(fg, 1.2, entrance_sources(fg, 1.2), [EAST]).targets[0]
    assert not t.reached and not t.passable


def test_gap_between_two_counters():
    # two 4 m counters end to end across a 10 m wide corridor-like hall, 1.0 m apart at x 9.5..10.5
    p, f = hall(20, 10)
    exit_door(f, "e", 10.0, 0.0, width=1.8, kind=DoorKind.MAIN_ENTRANCE)
    wall(f, "w1", (0, 5), (5.5, 5))
    counter(f, "c1", 7.5, 5.0, length=4.0)
    counter(f, "c2", 12.5, 5.0, length=4.0)
    wall(f, "w2", (14.5, 5), (20, 5))
    fg = geometry(p)
    north = RouteTarget("north", "zone", shapely.box(0, 7, 20, 10))
    t = route_width(fg, 1.2, entrance_sources(fg, 1.2), [north]).targets[0]
    assert not t.reached
    assert t.pinches[0].width == pytest.approx(1.0, abs=TOL)
    assert set(t.pinches[0].entity_ids) == {"c1", "c2"}
    # drag c2 0.2 m east: the gap is 1.2 m and the route opens (incremental = full)
    from hallplan.model import History

    h = History(p)
    from hallplan.geometry.cache import GeometryCache

    cache = GeometryCache(p)
    cache.attach(h)
    fg = cache.floor("f1")
    route_width(fg, 1.2, entrance_sources(fg, 1.2), [north])
    h.push(edits.move(p, ["c2"], 0.2, 0.0), merge=True)
    fg = cache.floor("f1")
    assert route_width(fg, 1.2, entrance_sources(fg, 1.2), [north]).targets[0].reached
    h.push(edits.move(p, ["c2"], -0.1, 0.0), merge=True)  # same drag: 1.1 m
    t = route_width(cache.floor("f1"), 1.2, entrance_sources(fg, 1.2), [north]).targets[0]
    assert not t.reached and t.pinches[0].width == pytest.approx(1.1, abs=TOL)
    fresh = geometry(p)
    assert not route_width(fresh, 1.2, entrance_sources(fresh, 1.2), [north]).targets[0].reached


def test_doors_need_their_own_width_only():
    # a partition with a 0.9 m door: a 1.2 m route passes when doors need 0.9 m, not when they need 1.0
    p, f = hall(20, 10)
    exit_door(f, "e", 2.0, 0.0, width=1.8, kind=DoorKind.MAIN_ENTRANCE)
    wall(f, "w", (10, 0), (10, 10))
    door(f, "d", 10.0, 5.0, 0.9, rotation=90.0, host="w")
    fg = geometry(p)
    src = entrance_sources(fg, 1.2)
    assert route_width(fg, 1.2, src, [EAST], door_width=0.9).targets[0].reached
    t = route_width(fg, 1.2, src, [EAST], door_width=1.0).targets[0]
    assert not t.reached and t.pinches[0].width == pytest.approx(0.9, abs=TOL)


def test_local_width_between_parallel_walls():
    p, f = hall(20, 10)
    wall(f, "a", (0, 4.1), (20, 4.1))
    wall(f, "b", (0, 5.9), (20, 5.9))
    w, line, ids = local_width(geometry(p), shapely.Point(10, 5.3), "all")
    assert w == pytest.approx(1.6, abs=TOL)  # 4.2 .. 5.8
    assert set(ids) == {"a", "b"}
