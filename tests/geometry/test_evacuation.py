"""Evacuation distances on hand-built halls, against answers worked out by hand.

Tolerances: the binding straight-line measure marches at 0.25 m (second order) and is within 0.15 m of
the exact distance. The walking measure moves a person's centre (0.25 m radius) on the same raster: on
open floor within 0.35 m of the straight line; around obstacles it is longer than the shortest line for
a point by the body's clearance (≈ 0.25 m × the angle turned at each corner, plus 0.35 m at each end),
so it is checked between the point's shortest path and that plus 2 m.
"""

import math

import pytest
import shapely

from hallplan.geometry.evacuation import Measure, distance_field, evacuation
from hallplan.model import DoorKind

from .build import counter, door, exit_door, geometry, hall, wall

STRAIGHT_TOL = 0.15
WALK_TOL = 0.35


def test_corner_exit_max_is_the_diagonal():
    # 40 × 20 m hall, one 1.2 m exit in the bottom-left corner (x 0..1.2 on the south wall): every
    # point sees the door, so the farthest point is the far corner (40, 20) and its distance is the
    # straight line to the door's near end (1.2, 0): √(38.8² + 20²) = 43.651 m (the full diagonal, to
    # the corner itself, is 44.72 m; the door's width takes 1.07 m off it).
    p, f = hall()
    exit_door(f, "x", 0.6, 0.0)
    fg = geometry(p)
    exact = math.hypot(38.8, 20.0)
    r = evacuation(fg, Measure.STRAIGHT).rooms[0]
    assert r.max_distance == pytest.approx(exact, abs=STRAIGHT_TOL)
    assert r.worst_point.distance(shapely.Point(40, 20)) < 0.3
    assert r.target_id == "x"
    # the path runs from the worst point to the door, about as long as the distance
    assert r.path.coords[0] == pytest.approx((r.worst_point.x, r.worst_point.y))
    assert shapely.Point(r.path.coords[-1]).distance(shapely.LineString([(0, 0), (1.2, 0)])) < 1e-6
    assert r.path.length == pytest.approx(exact, abs=0.5)
    w = evacuation(fg, Measure.WALKING).rooms[0]
    assert w.max_distance == pytest.approx(exact, abs=WALK_TOL)
    assert w.unreachable_area == 0


def test_door_in_the_middle_of_the_long_side():
    # exit 2 m wide centred on the south wall at x = 20: the farthest points are the two far corners,
    # √(19² + 20²) = 27.586 m from the door's ends.
    p, f = hall()
    exit_door(f, "x", 20.0, 0.0, width=2.0)
    r = evacuation(geometry(p)).rooms[0]
    assert r.max_distance == pytest.approx(math.hypot(19, 20), abs=STRAIGHT_TOL)


def counter_row_hall(n: int):
    """The 40 × 20 m hall with a 1.2 m exit in the south-west corner and a row of ``n`` 2 m counters
    along y = 10 from x = 0 (20 of them close the hall off)."""
    p, f = hall()
    exit_door(f, "x", 0.6, 0.0)
    for k in range(n):
        counter(f, f"c{k}", 1.0 + 2.0 * k, 10.0)
    return geometry(p)


def test_counter_row_blocking_the_only_path():
    # a row of twenty 2 m counters across the whole hall at y = 10 (9.675..10.325): nobody north of it
    # can walk out. The straight-line measure (through furniture) is unchanged; the walking measure
    # finds the north part unreachable: 40 × (20 − 10.325) = 387 m² (± one raster row, 10 m²).
    fg = counter_row_hall(20)
    s = evacuation(fg, Measure.STRAIGHT).rooms[0]
    assert s.max_distance == pytest.approx(math.hypot(38.8, 20.0), abs=STRAIGHT_TOL)
    w = evacuation(fg, Measure.WALKING).rooms[0]
    assert w.unreachable_area == pytest.approx(40 * (20 - 10.325), abs=10)
    assert w.unreachable.contains(shapely.Point(20, 15))
    # the south half still gets out: its far corner (40, 9.675) is √(38.8² + 9.675²) = 39.99 m away
    assert w.max_distance == pytest.approx(math.hypot(38.8, 9.675), abs=WALK_TOL)


def test_counter_row_with_a_gap_at_the_far_end():
    # the same row, 38 m long, leaving a 2 m gap against the east wall: from the north-west corner
    # (0, 20) one walks to the row's end (38, 10.325), round it to (38, 9.675) and back to the door
    # end (1.2, 0): √(38² + 9.675²) + 0.65 + √(36.8² + 9.675²) = 39.21 + 0.65 + 38.05 = 77.91 m.
    # A person's centre keeps 0.25 m off the row's end and the walls: up to ~2 m more.
    fg = counter_row_hall(19)
    w = evacuation(fg, Measure.WALKING).rooms[0]
    expected = math.hypot(38, 9.675) + 0.65 + math.hypot(36.8, 9.675)
    assert w.unreachable_area == 0
    assert expected <= w.max_distance <= expected + 2.0
    assert w.worst_point.distance(shapely.Point(0, 20)) < 0.5
    # the binding measure goes straight through the counters
    assert evacuation(fg, Measure.STRAIGHT).rooms[0].max_distance == pytest.approx(math.hypot(38.8, 20), abs=STRAIGHT_TOL)


def test_room_measured_to_its_own_door():
    # a 6 × 5 m office in the corner of the hall, walls 0.2 m thick on x = 6 and y = 5, door 0.9 m
    # centred at (3, 5): the office's far corners (0, 0) and (6, 0) are √(2.55² + 4.9²) = 5.524 m from
    # the door's ends, measured to the wall face on the room side (y = 4.9).
    p, f = hall()
    exit_door(f, "x", 39.0, 0.0)
    wall(f, "w1", (0, 5), (6, 5), (6, 0))
    door(f, "d", 3.0, 5.0, 0.9, host="w1")
    fg = geometry(p)
    office = next(r for r in fg.rooms if r.polygon.area < 40)
    r = evacuation(fg).rooms[office.index]
    assert r.target_ids == ("d",)
    assert r.max_distance == pytest.approx(math.hypot(3 - 0.45, 4.9), abs=STRAIGHT_TOL)


def test_room_without_a_door_has_no_distance():
    p, f = hall()
    exit_door(f, "x", 39.0, 0.0)
    wall(f, "w1", (0, 5), (6, 5), (6, 0))
    fg = geometry(p)
    office = next(r for r in fg.rooms if r.polygon.area < 40)
    r = evacuation(fg).rooms[office.index]
    assert r.max_distance is None and r.targets == ()


def test_upper_floor_leaves_by_the_stairs():
    # storey 2 above a ground floor: a 4 × 6 m enclosed stair at x 0..4, y 0..6 is the exit; the far
    # corner (40, 20) is √(36² + 14²) = 38.626 m from the stair's corner (4, 6).
    from hallplan.model import Floor, Polygon, Stair

    p, f = hall(storey=2)
    p.floors.insert(0, Floor("f0", 1, Polygon.rect(0, 0, 40, 20)))
    f.stairs["s"] = Stair("s", 2.0, 3.0, 0.0, 4.0, 6.0)
    r = evacuation(geometry(p)).rooms[0]
    assert r.target_ids == ("s",)
    assert r.max_distance == pytest.approx(math.hypot(36, 14), abs=STRAIGHT_TOL)


def test_heat_map_covers_the_floor():
    p, f = hall()
    exit_door(f, "x", 0.6, 0.0)
    df = distance_field(geometry(p))
    assert df.at(0.5, 0.5) < 1.0
    assert df.at(39.9, 19.9) == pytest.approx(math.hypot(38.8, 20), abs=WALK_TOL + 0.2)
    assert df.target_ids == ("x",)


def test_exit_kinds_open_hall_targets():
    # an open hall's targets are its doors to the outside, not the door of a room inside it
    p, f = hall()
    exit_door(f, "main", 20.0, 0.0, width=3.0, kind=DoorKind.MAIN_ENTRANCE)
    wall(f, "w1", (34, 20), (34, 14), (40, 14))
    door(f, "d", 37.0, 14.0, 0.9, host="w1")
    from hallplan.model import ZoneKind

    from .build import zone

    zone(f, "z", ZoneKind.WAITING, 0, 0, 34, 20)
    fg = geometry(p)
    main = next(r for r in fg.rooms if r.polygon.area > 300)
    assert main.kind.value == "hall"
    assert evacuation(fg).rooms[main.index].target_ids == ("main",)
