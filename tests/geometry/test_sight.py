"""Line of sight and CCTV coverage, by hand."""

import math

import pytest
import shapely

from hallplan.geometry.sight import coverage, entrance_point, line_of_sight, sighting, view
from hallplan.model import Column, DoorKind, FurnitureKind, WallKind, ZoneKind

from .build import counter, exit_door, geometry, hall, item, wall, zone


def test_walls_and_columns_block_sight_counters_and_glass_do_not():
    p, f = hall(20, 10)
    f.columns["col"] = Column("col", 10.0, 5.0, 1.0, 1.0)
    counter(f, "c", 10.0, 2.0)
    wall(f, "g", (15, 0), (15, 4))
    f.walls["g"] = f.walls["g"].__class__("g", ((15, 0), (15, 4)), 0.1, WallKind.GLASS)
    wall(f, "p", (15, 6), (15, 10))
    fg = geometry(p)
    assert not line_of_sight(fg, (2, 5), (18, 5))  # column
    assert line_of_sight(fg, (2, 2), (18, 2))  # over the counter, through the glass
    assert not line_of_sight(fg, (12, 8), (18, 8))  # partition
    assert line_of_sight(fg, (2, 9.5), (14, 9.5))


def test_view_is_cut_by_a_column_shadow():
    # from (0.5, 5) the 1 × 1 m column at x 9.5..10.5 hides the strip behind it
    p, f = hall(20, 10)
    f.columns["col"] = Column("col", 10.0, 5.0, 1.0, 1.0)
    fan = view(geometry(p), (0.5, 5.0), 30.0)
    assert not fan.contains(shapely.Point(15, 5))
    assert fan.contains(shapely.Point(15, 8))
    assert fan.contains(shapely.Point(9, 5))


def test_camera_coverage_share_and_blind_spot():
    # one camera 2 cm from the south-west corner looking north-east (90° fov, 30 m range) sees the
    # whole 20 × 10 m hall but for the 2 cm strips behind it along the two walls (0.6 m²), where no
    # person fits unseen, so they count as seen; then also the shadow of a 2 × 2 m column centred at (10, 5)
    p, f = hall(20, 10)
    zone(f, "w", ZoneKind.WAITING, 0, 0, 20, 10)
    item(f, "cam", FurnitureKind.CCTV_CAMERA, 0.02, 0.02, 0.2, 0.2, rotation=-45.0, fov=90.0, range=30.0)
    fg = geometry(p)
    c = coverage(fg)
    assert c.area == pytest.approx(200)
    assert c.share == pytest.approx(1.0)
    assert c.blind_spots == ()  # the strips are thinner than a blind spot worth reporting
    f.columns["col"] = Column("col", 10.0, 5.0, 2.0, 2.0)
    fg = geometry(p)
    c = coverage(fg)
    assert c.area == pytest.approx(196)
    # the shadow, by hand: the rays from the camera through the column's silhouette corners (9, 6) and
    # (11, 4) meet the far walls at y = 10 and x = 20; between them, behind the column, nothing is seen
    cx, cy = 0.02, 0.02
    top = (cx + (9 - cx) * (10 - cy) / (6 - cy), 10.0)  # ray through (9, 6) at y = 10
    right = (20.0, cy + (4 - cy) * (20 - cx) / (11 - cx))  # ray through (11, 4) at x = 20
    shadow = shapely.Polygon([(9, 6), top, (20, 10), right, (11, 4), (11, 6)])
    blind = shapely.union_all(c.blind_spots)
    assert blind.symmetric_difference(shadow).area < 0.02 * shadow.area
    assert blind.contains(shapely.Point(14, 7.5)) and not blind.contains(shapely.Point(5, 5))
    assert c.share == pytest.approx(1 - blind.area / 196, abs=0.002)


def test_guide_desk_seen_from_the_entrance():
    p, f = hall(20, 10)
    exit_door(f, "e", 10.0, 0.0, width=2.0, kind=DoorKind.MAIN_ENTRANCE)
    desk = item(f, "desk", FurnitureKind.GUIDE_DESK, 10.0, 4.0, 2.0, 0.8)
    fg = geometry(p)
    o = entrance_point(fg, "e")
    assert o == pytest.approx((10.0, 0.5))
    s = sighting(fg, o, "desk", shapely.Polygon(desk.footprint()), 15.0)
    assert s.visible and s.distance == pytest.approx(3.1)
    # a partition between the entrance and the desk hides it
    wall(f, "w", (6, 2), (14, 2))
    fg = geometry(p)
    s = sighting(fg, entrance_point(fg, "e"), "desk", shapely.Polygon(desk.footprint()), 15.0)
    assert not s.visible
    assert math.isclose(s.distance, 3.1)
