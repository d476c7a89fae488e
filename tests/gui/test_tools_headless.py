"""The drawing and editing tools driven headless: plain Python objects, no Qt, no qtbot."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from hallplan.gui.tools import OUTLINE_ID, SnapKind, ToolEvent
from hallplan.gui.tools.geom2d import ring_self_intersects
from hallplan.io.planfile import dumps, loads
from hallplan.model import DoorKind, FurnitureKind, Polygon, ServiceWindow, ZoneKind, edits
from tests.gui.helpers import click, drag, new_editor


def test_tools_do_not_import_qt():
    code = "import sys, hallplan.gui.tools as t; t.Editor; print('PyQt6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def draw_small_hall(ed):
    """Outline, three zones, a row of 6 windows, two doors, seats — as a planner would click."""
    ed.set_tool("outline_rect")
    click(ed, 0, 0)
    click(ed, 20, 12)
    ed.set_tool("zone_rect")
    for kind, a, b in ((ZoneKind.BACK_OFFICE, (0, 8), (20, 12)), (ZoneKind.WINDOW_SERVICE, (0, 5), (20, 8)),
                       (ZoneKind.WAITING, (0, 0), (20, 5))):
        ed.options.zone_kind = kind
        click(ed, *a)
        click(ed, *b)
    ed.set_tool("window_row")
    ed.options.row.count = 6
    click(ed, 2, 7.6)
    click(ed, 14, 7.6)
    ed.set_tool("door")
    ed.options.set_door_kind(DoorKind.MAIN_ENTRANCE)
    click(ed, 6, 0.05)
    ed.options.set_door_kind(DoorKind.EXIT)
    click(ed, 19.95, 3)
    ed.set_tool("furniture")
    ed.options.furniture_kind = FurnitureKind.SEAT_ROW
    ed.options.seats = 8
    click(ed, 10, 3)
    click(ed, 10, 1.8)


def test_draw_small_hall_then_undo_and_redo_everything():
    ed = new_editor()
    start = dumps(ed.plan)
    draw_small_hall(ed)
    f = ed.floor
    assert f is not None and f.outline.area == pytest.approx(240)
    assert sorted(z.kind for z in f.zones.values()) == sorted([ZoneKind.BACK_OFFICE, ZoneKind.WINDOW_SERVICE, ZoneKind.WAITING])
    wins = sorted(f.windows.values(), key=lambda w: w.x)
    assert [w.number for w in wins] == ["1", "2", "3", "4", "5", "6"]
    # the public faces away from the back office (counters' front normal points down, into the hall)
    assert all(w.front_normal[1] < -0.99 for w in wins)
    doors = sorted(f.doors.values(), key=lambda d: d.kind.value)
    assert [d.kind for d in doors] == [DoorKind.EXIT, DoorKind.MAIN_ENTRANCE]
    assert all(d.to_outside and d.opens_outward for d in doors)
    assert (doors[0].x, doors[0].y, doors[0].rotation) == pytest.approx((20.0, 3.0, 90.0))
    seats = [x for x in f.furniture.values() if x.kind == FurnitureKind.SEAT_ROW]
    assert len(seats) == 2 and all(s.seats == 8 for s in seats)
    end = dumps(ed.plan)
    loads(end)  # a valid plan file
    steps = len(ed.history.undo_stack)
    assert steps == 1 + 3 + 1 + 2 + 2
    while ed.history.can_undo:
        ed.undo()
    assert dumps(ed.plan) == start
    assert ed.floor is None
    while ed.history.can_redo:
        ed.redo()
    assert dumps(ed.plan) == end


def hall():
    ed = new_editor()
    draw_small_hall(ed)
    ed.set_tool("select")
    return ed


def test_snapping_kinds():
    ed = hall()
    sn = ed.snapper
    tol = sn.tolerance()
    assert tol == pytest.approx(10 / 40)
    r = sn.snap((20.1, 12.08))
    assert r.kind == SnapKind.ENDPOINT and r.point == (20, 12)
    r = sn.snap((10.05, 12.1))
    assert r.kind == SnapKind.MIDPOINT and r.point == (10, 12)
    r = sn.snap((16.31, 8.04))
    assert r.kind == SnapKind.EDGE and r.point == pytest.approx((16.3, 8.0))  # on the edge, on the grid
    r = sn.snap((7.07, 11.97), ref=(7.0, 10.0))
    assert r.kind == SnapKind.PERPENDICULAR and r.point == pytest.approx((7.0, 12.0))
    sn.settings.objects_on = False
    r = sn.snap((3.04, 2.97))
    assert r.kind == SnapKind.GRID and r.point == pytest.approx((3.0, 3.0))
    r = sn.snap((5.0, 1.3), ref=(1.0, 1.0), shift=True)
    assert r.ortho and r.point == pytest.approx((5.0, 1.0))
    sn.settings.objects_on = True
    # ortho tracking: the free coordinate aligns with a nearby corner
    r = sn.snap((19.93, 6.5), ref=(15.0, 6.5), shift=True)
    assert r.ortho and r.point == pytest.approx((20.0, 6.5))


def test_typed_coordinates_draw_a_wall():
    ed = hall()
    ed.set_tool("wall")
    assert ed.typed("4，8")  # full-width comma
    assert ed.typed("@0,-2")
    ed.move(ToolEvent(8, 6, ""))
    assert ed.typed("3")  # direct distance along the cursor direction
    assert ed.typed("1.5<90")
    assert not ed.typed("abc")
    assert ed.key("Return")
    w = ed.entity(ed.selection[0])
    assert [pytest.approx(p) for p in w.points] == [(4, 8), (4, 6), (7, 6), (7, 7.5)]


def test_typed_nonsense_and_out_of_range_coordinates_are_refused():
    """1e999 parsed as inf and 1e308 overflowed the spatial index (OverflowError in the editor)."""
    ed = new_editor()
    ed.set_tool("outline_rect")
    for t in ("1e999,1e999", "-1e308,1e308", "1e20,0", "nan,1", "inf,3", "1,,2", "@5,5"):
        assert not ed.typed(t), t
    assert ed.typed("0,0") and not ed.typed("1e999,5") and ed.typed("30,20")
    assert ed.floor.outline.exterior == ((0, 0), (30, 0), (30, 20), (0, 20))
    ed.set_tool("wall")
    assert ed.typed("1,1") and not ed.typed("@1e300,0") and not ed.typed("1e6<0")
    ed.escape()
    ed.set_tool("column")
    click(ed, 3, 3)
    col = ed.selection[0]
    assert not ed.move_selection(float("nan"), 0.0) and not ed.rotate_selection(float("inf"))
    assert ed.entity(col).x == 3.0  # a NaN move used to land in the plan


def test_polygon_zone_closes_on_first_point_and_rejects_self_intersection():
    ed = hall()
    ed.set_tool("zone_poly")
    for p in ((1, 1), (4, 1), (4, 3), (1, 1)):
        click(ed, *p)
    z = ed.entity(ed.selection[0])
    assert z.polygon.exterior == ((1, 1), (4, 1), (4, 3))
    n = len(ed.floor.zones)
    for p in ((1, 1), (4, 4), (4, 1), (1, 4)):
        click(ed, *p)
    assert ed.key("C")
    assert len(ed.floor.zones) == n  # bow-tie refused


def test_click_shift_and_band_selection():
    ed = hall()
    f = ed.floor
    w1 = min(f.windows.values(), key=lambda w: w.x)
    click(ed, w1.x, w1.y)
    assert ed.selection == [w1.id]
    seat = min(f.furniture.values(), key=lambda s: s.y)
    click(ed, seat.x, seat.y, shift=True)
    assert ed.selection == [w1.id, seat.id]
    click(ed, seat.x, seat.y, shift=True)
    assert ed.selection == [w1.id]
    # clicking inside a zone selects it; an empty click outside the hall clears
    click(ed, 5, 2.5)
    assert ed.kind_of(ed.selection[0]).value == "zone"
    click(ed, 30, 30)
    assert ed.selection == []
    # window band (left → right) takes what is fully inside: the six windows
    drag(ed, (1.0, 7.0), (15.0, 8.2))
    assert sorted(ed.selection) == sorted(f.windows)
    # crossing band (right → left) also takes what it touches: windows and the zones they cross
    drag(ed, (15.0, 7.7), (13.5, 7.5))
    kinds = {ed.kind_of(i).value for i in ed.selection}
    assert kinds == {"window", "zone"}
    # the outline is picked on the outer half of its wall
    click(ed, -0.05, 6.0)
    assert ed.selection == [OUTLINE_ID]


def test_drag_moves_with_snapping_as_one_undo_step():
    ed = hall()
    seat = min(ed.floor.furniture.values(), key=lambda s: s.y)
    n = len(ed.history.undo_stack)
    drag(ed, (seat.x, seat.y), (seat.x + 1.234, seat.y + 0.011), steps=20)
    moved = ed.entity(seat.id)
    assert len(ed.history.undo_stack) == n + 1
    corner = min(moved.footprint(), key=lambda p: (p[0], p[1]))
    assert corner[0] * 10 == pytest.approx(round(corner[0] * 10), abs=1e-6)  # a corner on the 0.1 m grid
    assert moved.x - seat.x == pytest.approx(1.2, abs=0.06)
    ed.undo()
    assert ed.entity(seat.id) == seat
    # Shift keeps the move horizontal
    drag(ed, (seat.x, seat.y), (seat.x + 2.0, seat.y + 0.7), shift=True)
    assert ed.entity(seat.id).y == pytest.approx(seat.y)


def test_nudges_merge_and_exact_offset():
    ed = hall()
    seat = min(ed.floor.furniture.values(), key=lambda s: s.y)
    ed.select([seat.id])
    n = len(ed.history.undo_stack)
    for _ in range(5):
        ed.nudge(0.1, 0)
    assert ed.entity(seat.id).x == pytest.approx(seat.x + 0.5)
    assert len(ed.history.undo_stack) == n + 1
    assert ed.typed("@-0.5,2")
    assert ed.entity(seat.id).y == pytest.approx(seat.y + 2)
    assert len(ed.history.undo_stack) == n + 2


def test_vertex_editing_drag_insert_remove():
    ed = hall()
    click(ed, 5, 2.5)
    zid = ed.selection[0]
    z0 = ed.entity(zid)
    assert z0.kind == ZoneKind.WAITING
    n = len(ed.history.undo_stack)
    drag(ed, (20, 5), (21.0, 5.0))
    z1 = ed.entity(zid)
    assert (21.0, 5.0) in z1.polygon.exterior
    assert len(ed.history.undo_stack) == n + 1
    ed.double_click(ToolEvent(10, 0, "left"))
    assert len(ed.entity(zid).polygon.exterior) == 5
    ed.double_click(ToolEvent(10, 0, "left"))
    assert len(ed.entity(zid).polygon.exterior) == 4
    # a drag that would make the ring cross itself stops at the last valid position
    drag(ed, (0, 0), (10, 8))
    ring = ed.entity(zid).polygon.exterior
    assert not ring_self_intersects(ring)
    assert (10.0, 8.0) not in ring


def test_outline_vertex_drag():
    ed = hall()
    click(ed, -0.05, 6.0)
    assert ed.selection == [OUTLINE_ID]
    drag(ed, (20, 12), (22, 12))
    assert (22.0, 12.0) in ed.floor.outline.exterior
    ed.undo()
    assert (20.0, 12.0) in ed.floor.outline.exterior


def test_copy_paste_duplicate_delete_rotate():
    ed = hall()
    f = ed.floor
    wins = sorted(f.windows.values(), key=lambda w: w.x)
    ed.select([w.id for w in wins[:2]])
    assert ed.copy() == 2
    assert ed.paste()
    new = [ed.entity(i) for i in ed.selection]
    assert len(new) == 2 and all(isinstance(w, ServiceWindow) for w in new)
    assert {w.number for w in new} == {"7", "8"}
    assert new[0].x == pytest.approx(wins[0].x + 1)
    assert ed.duplicate()
    assert len(ed.floor.windows) == 10
    assert ed.delete_selection()
    assert len(ed.floor.windows) == 8
    seat = min(f.furniture.values(), key=lambda s: s.y)
    ed.select([seat.id])
    assert ed.rotate_selection(15)
    assert ed.entity(seat.id).rotation == pytest.approx(15)
    assert ed.rotate_selection(-15)
    assert ed.entity(seat.id).rotation == pytest.approx(0)
    ed.cut()
    assert ed.entity(seat.id) is None
    ed.paste()
    assert len(ed.selection) == 1


def test_align_distribute_renumber_flip():
    ed = hall()
    seats = sorted(ed.floor.furniture.values(), key=lambda s: s.y)
    ed.nudge(0, 0)
    ed.select([s.id for s in seats])
    ed.nudge(0, 0)
    ed.move_selection(0, 0)
    ed.select([seats[0].id])
    ed.nudge(1.3, 0)
    ed.select([s.id for s in seats])
    assert ed.align("left")
    a, b = (ed.entity(s.id) for s in seats)
    assert min(p[0] for p in a.footprint()) == pytest.approx(min(p[0] for p in b.footprint()))
    wins = sorted(ed.floor.windows.values(), key=lambda w: w.x)
    ed.select([w.id for w in wins])
    ed.move_selection(0, 0)
    ed.select([wins[1].id])
    ed.nudge(0.7, 0)
    ed.select([w.id for w in wins])
    assert ed.distribute("x")
    xs = [ed.entity(w.id).x for w in wins]
    gaps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
    assert max(gaps) - min(gaps) < 1e-9
    assert ed.renumber(101, "A")
    assert [ed.entity(w.id).number for w in wins] == [f"A{n}" for n in range(101, 107)]
    door = next(iter(ed.floor.doors.values()))
    ed.select([door.id])
    assert ed.flip_selection()
    assert ed.entity(door.id).swing_side == -door.swing_side


def test_window_row_on_an_arc_and_single_window_and_placements():
    ed = hall()
    ed.set_tool("window_row")
    ed.options.row.count = 5
    ed.options.row.arc_bulge = 1.5
    click(ed, 2, 3)
    click(ed, 12, 3)
    arc = [ed.entity(i) for i in ed.selection]
    assert len(arc) == 5
    ys = sorted(w.y for w in arc)
    assert ys[-1] - ys[0] > 0.8  # bent
    ed.set_tool("window")
    ed.key("R")
    click(ed, 16, 6.5)
    w = ed.entity(ed.selection[0])
    assert w.rotation == pytest.approx(15) and w.number == "12"
    for tool in ("column", "stair", "lift"):
        ed.set_tool(tool)
        click(ed, 18, 10)
        assert ed.kind_of(ed.selection[0]).value == tool


def test_door_needs_an_edge_and_inner_walls_host_doors():
    ed = hall()
    msgs = []
    ed.message.connect(lambda k, f: msgs.append(k))
    ed.set_tool("wall")
    click(ed, 10, 8)
    click(ed, 10, 12)
    ed.key("Return")
    wall = ed.entity(ed.selection[0])
    ed.set_tool("door")
    ed.options.set_door_kind(DoorKind.STAFF_DOOR)
    click(ed, 10.05, 10)
    d = ed.entity(ed.selection[0])
    assert d.host == wall.id and not d.to_outside and d.rotation == pytest.approx(90)
    click(ed, 5, 3)  # nowhere near an edge
    assert msgs[-1] == "msg.door_needs_edge"


def test_tools_need_an_outline_first_and_escape():
    ed = new_editor()
    msgs = []
    ed.message.connect(lambda k, f: msgs.append(k))
    ed.set_tool("zone_rect")
    click(ed, 1, 1)
    assert msgs == ["msg.need_outline"]
    ed.set_tool("outline_poly")
    for p in ((0, 0), (10, 0), (10, 6)):
        click(ed, *p)
    assert ed.tool.busy
    ed.escape()
    assert not ed.tool.busy
    ed.escape()
    assert ed.tool.name == "select"
    assert ed.floor is None


def test_properties_validation_and_floors():
    ed = hall()
    wins = sorted(ed.floor.windows.values(), key=lambda w: w.x)
    msgs = []
    ed.message.connect(lambda k, f: msgs.append(k))
    assert not ed.set_props([wins[0].id], number="2")
    assert msgs[-1] == "msg.number_taken"
    assert ed.set_props([wins[0].id], number="1A", low_counter=True)
    assert ed.entity(wins[0].id).low_counter
    assert ed.set_props([w.id for w in wins], length=1.8)
    assert all(ed.entity(w.id).length == 1.8 for w in wins)
    assert ed.add_floor()
    f2 = ed.floor
    assert f2.storey == 2 and len(ed.plan.floors) == 2
    assert ed.ghost_floor().storey == 1
    assert not ed.set_floor_props(storey=1)
    assert ed.move_floor(-1)
    assert ed.plan.floors[0].id == f2.id
    assert ed.remove_floor()
    assert len(ed.plan.floors) == 1 and ed.floor is not None


def test_floor_removal_lands_on_the_nearest_storey_and_undo_shows_what_came_back():
    ed = new_editor()
    ed.set_tool("outline_rect")
    click(ed, 0, 0)
    click(ed, 20, 12)
    assert not ed.remove_floor()  # the last floor stays
    ed.add_floor()
    ed.add_floor()
    f3 = ed.floor_id
    ed.set_tool("zone_rect")
    click(ed, 1, 1)
    click(ed, 5, 5)
    assert ed.remove_floor()
    assert ed.floor.storey == 2  # the neighbour, not the ground floor
    ed.undo()
    assert ed.floor_id == f3 and len(ed.floor.zones) == 1  # the floor put back is shown
    ed.set_floor(ed.plan.floors[0].id)
    ed.undo()  # the zone on floor 3: undo goes there
    assert ed.floor_id == f3 and not ed.floor.zones
    ed.set_floor(ed.plan.floors[0].id)
    ed.redo()
    assert ed.floor_id == f3 and len(ed.floor.zones) == 1 and ed.selection
    for _ in range(10):
        ed.undo()
    assert ed.plan.floors == [] and ed.floor is None
    for _ in range(10):
        ed.redo()
    assert [f.storey for f in ed.plan.floors] == [1, 2] and ed.floor is not None


def test_undo_selects_what_it_touched_and_prunes_deleted():
    ed = hall()
    seat = min(ed.floor.furniture.values(), key=lambda s: s.y)
    ed.select([seat.id])
    ed.delete_selection()
    assert ed.selection == []
    ed.undo()
    assert ed.selection == [seat.id]


def test_edits_are_valid_files_after_reshape():
    ed = hall()
    z = next(iter(ed.floor.zones.values()))
    ed.push(edits.reshape(ed.plan, z.id, Polygon(((0, 0), (3, 0), (3, 3)))))
    loads(dumps(ed.plan))
    assert math.isclose(ed.entity(z.id).area, 4.5)


def test_a_window_row_along_a_wall_faces_the_public_into_the_hall():
    ed = new_editor()
    ed.set_tool("outline_rect")
    click(ed, 0, 0)
    click(ed, 20, 12)
    ed.set_tool("window_row")
    ed.options.row.count = 4
    for a, b in (((2, 11.5), (12, 11.5)), ((12, 0.5), (2, 0.5))):  # along the north wall, then the south
        click(ed, *a)
        click(ed, *b)
        wins = [ed.entity(i) for i in ed.selection]
        for w in wins:  # the public (1 m line) side of every counter lies inside the hall
            px, py = w.front_point(1.0)
            assert 0 < px < 20 and 0 < py < 12, (w, px, py)
