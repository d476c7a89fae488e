"""Exits, spacing, room doors and occupant load, by hand."""

import math

import pytest

from hallplan.geometry.egress import (
    LoadMethod,
    exit_width,
    exits,
    occupant_load,
    room_doors,
    spacing,
)
from hallplan.model import FurnitureKind, ZoneKind

from .build import counter, door, exit_door, geometry, hall, item, wall, zone


def test_exits_and_edge_to_edge_spacing():
    # two 1.2 m exits on the south wall centred at x = 5 and x = 12: edges 5.6 .. 11.4 → 5.8 m apart;
    # a third on the east wall at y = 10 (x = 40, 9.4..10.6) is √((40 − 12.6)² + 9.4²) = 28.97 m from the second
    p, f = hall()
    exit_door(f, "a", 5.0, 0.0)
    exit_door(f, "b", 12.0, 0.0)
    exit_door(f, "c", 40.0, 10.0, rotation=90.0, outside_side=-1)
    fg = geometry(p)
    assert [e.id for e in exits(fg)] == ["a", "b", "c"]
    sp = spacing(fg, ["a", "b", "c"])
    assert (sp[0].a, sp[0].b) == ("a", "b")
    assert sp[0].distance == pytest.approx(5.8)
    bc = next(s for s in sp if (s.a, s.b) == ("b", "c"))
    assert bc.distance == pytest.approx(math.hypot(40 - 12.6, 9.4))


def test_room_doors_and_their_spacing():
    # a 10 × 8 m room with two 1.0 m doors on its east wall at y = 2 and y = 6: 3.0 m edge to edge
    p, f = hall()
    exit_door(f, "x", 30.0, 0.0)
    wall(f, "w", (0, 8), (10, 8), (10, 0))
    door(f, "d1", 10.0, 2.0, 1.0, rotation=90.0, host="w")
    door(f, "d2", 10.0, 6.0, 1.0, rotation=90.0, host="w")
    fg = geometry(p)
    room = next(r for r in room_doors(fg) if r.room.area < 100)
    assert room.count == 2 and room.door_ids == ("d1", "d2")
    assert room.closest.distance == pytest.approx(3.0)
    assert room.room.area == pytest.approx(9.9 * 7.9)  # inside the 0.2 m walls


def test_occupant_load_takes_the_larger_method():
    # public zones 30 × 20 = 600 m² at 0.60 /m² = 360, back office 10 × 20 = 200 m² / 6 = 34 (4
    # workstations < 34) → 394 by density; seats 48 + 2 × 6 windows + staff max(6 + 4, 10) = 70 by count
    p, f = hall()
    p.staff_count = 10
    zone(f, "w", ZoneKind.WAITING, 0, 0, 20, 20)
    zone(f, "s", ZoneKind.WINDOW_SERVICE, 20, 0, 30, 20)
    zone(f, "b", ZoneKind.BACK_OFFICE, 30, 0, 40, 20)
    for k in range(6):
        counter(f, f"c{k}", 29.0, 2.0 + 3 * k, rotation=90)
    for k in range(6):
        item(f, f"s{k}", FurnitureKind.SEAT_ROW, 10.0, 3.0 + 2 * k, 5.0, 0.6, seats=8)
    for k in range(4):
        item(f, f"ws{k}", FurnitureKind.WORKSTATION, 35.0, 3.0 + 4 * k, 1.4, 0.7)
    exit_door(f, "x", 5.0, 0.0)
    fg = geometry(p)
    load = occupant_load(p, fg, density=0.60)
    assert load.public_area == pytest.approx(600)
    assert load.back_office_persons == 34
    assert load.density_persons == 394
    assert (load.seats, load.windows, load.staff, load.count_persons) == (48, 6, 10, 70)
    assert load.persons == 394 and load.method == LoadMethod.DENSITY
    assert "0.60" in load.describe("zh") and "394" in load.describe("en")
    # 394 persons at 0.65 m per 100 → 2.561 m needed; one 1.2 m exit
    ew = exit_width(p, fg, 0.60, 0.65)
    assert ew.required == pytest.approx(3.94 * 0.65) and ew.total == pytest.approx(1.2)


def test_occupant_load_by_count_when_the_hall_is_full_of_seats():
    p, f = hall(10, 10)
    zone(f, "w", ZoneKind.WAITING, 0, 0, 10, 10)
    for k in range(10):
        item(f, f"s{k}", FurnitureKind.SEAT_ROW, 5.0, 0.5 + k, 8.0, 0.5, seats=16)
    fg = geometry(p)
    load = occupant_load(p, fg, density=0.60)
    assert load.density_persons == 60 and load.count_persons == 160
    assert load.persons == 160 and load.method == LoadMethod.COUNT
