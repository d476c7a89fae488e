"""Layout map: entrance and exit tags sit outside the walls (side walls: set vertically), inside the
map area, and never under a zone label."""

from __future__ import annotations

import io

import pytest
import shapely
from reportlab.pdfgen.canvas import Canvas

from hallplan.io.fonts import load_font
from hallplan.io.planfile import load
from hallplan.io.signs import MapView, Painter, SignContext, SignOptions, _vertical_tag, load_styles
from hallplan.model import DoorKind
from tests.conftest import PLANS


def test_vertical_tags_only_on_side_walls_and_in_chinese():
    assert _vertical_tag("安全出口", 1.0, 0.0) and _vertical_tag("东侧安全出口", -1.0, 0.1)
    assert not _vertical_tag("安全出口", 0.0, 1.0)  # top or bottom wall: one horizontal line
    assert not _vertical_tag("Exit", 1.0, 0.0) and not _vertical_tag("口", 1.0, 0.0)


@pytest.mark.parametrize("angle", [0.0, 90.0, 180.0])
def test_door_tags_outside_the_hall_and_inside_the_map(angle):
    plan = load(PLANS / "county_centre.hallplan")
    floor = min(plan.floors, key=lambda f: f.storey)
    st = load_styles()["layout_map"]
    font = load_font()
    view = MapView(floor, angle)
    pad = view.tag_pad("zh", 1.4)
    view.fit(15, 15, 420, 330, st["scales"], pad_mm=pad)
    c = Canvas(io.BytesIO())
    ctx = SignContext(plan, load_styles(), SignOptions(), [])
    view.draw(Painter(c, font, ctx, "test", 594, 420), st, "zh", text_k=1.4)
    exterior = [d for d in floor.doors.values() if d.kind in (DoorKind.MAIN_ENTRANCE, DoorKind.EXIT) and d.to_outside]
    assert exterior and len(view.tags) >= len(exterior)
    hall = shapely.Polygon(view.ring(floor.outline.exterior))
    bx0, by0, bx1, by1 = view.box
    for x0, y0, x1, y1 in view.tags:
        assert bx0 - 1e-6 <= x0 and x1 <= bx1 + 1e-6 and by0 - 1e-6 <= y0 and y1 <= by1 + 1e-6
    outside = [shapely.box(*t).intersection(hall).area / shapely.box(*t).area for t in view.tags]
    # the tags of exterior doors are (almost) entirely outside the walls
    assert sum(1 for share in outside if share < 0.05) >= len(exterior)
    # side-wall tags are narrow: the padding left and right stays small
    assert pad[0] < 16.0  # a horizontal "东侧安全出口" would need about 34 mm


def test_accessible_route_has_a_line_to_every_reached_place():
    """Rooms reached through their door (accessible toilets) get a line too, on every floor."""
    from hallplan.io.signs import accessible_route
    from hallplan.model import ZoneKind

    plan = load(PLANS / "county_centre.hallplan")
    for floor in plan.floors:
        toilets = [z for z in floor.zones.values() if z.kind == ZoneKind.TOILET_ACCESSIBLE]
        route = accessible_route(plan, floor)
        assert not route.unreached
        ends = [shapely.Point(path[-1]) for path in route.paths]
        for z in toilets:
            room = shapely.Polygon(z.polygon.exterior)
            assert any(room.distance(e) < 1.5 for e in ends), (floor.id, z.id)
