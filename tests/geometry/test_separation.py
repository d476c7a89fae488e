"""Front/back-office separation on hand-built halls."""

import pytest

from hallplan.geometry.separation import separation
from hallplan.model import DoorKind, ZoneKind

from .build import counter, door, exit_door, geometry, hall, wall, zone


def _office(door_kind=None, gaps=None):
    # 20 × 10 m hall; back office y 7..10 behind a partition on y = 7; main entrance on the south wall
    p, f = hall(20, 10)
    exit_door(f, "e", 10.0, 0.0, width=1.8, kind=DoorKind.MAIN_ENTRANCE)
    zone(f, "hall", ZoneKind.WAITING, 0, 0, 20, 7)
    zone(f, "bo", ZoneKind.BACK_OFFICE, 0, 7, 20, 10)
    if gaps is None:
        wall(f, "w", (0, 7), (20, 7))
        if door_kind is not None:
            door(f, "d", 10.0, 7.0, 1.0, kind=door_kind, host="w")
    return p, f


def test_back_office_with_a_public_door_leaks_through_it():
    p, _ = _office(DoorKind.INTERNAL)
    s = separation(geometry(p))
    (leak,) = s.leaks
    assert leak.zone_ids == ("bo",) and leak.door_ids == ("d",)
    assert leak.width == pytest.approx(1.0, abs=0.01)  # the door opening, wall face to wall face
    assert s.reached_zone_ids == ("bo",)


def test_staff_door_does_not_leak():
    p, _ = _office(DoorKind.STAFF_DOOR)
    assert separation(geometry(p)).ok


def test_closed_partition_does_not_leak():
    p, _ = _office()
    assert separation(geometry(p)).ok


def test_counter_row_with_narrow_gaps_holds_but_an_end_gap_leaks():
    # nine counters 1.6 m long every 2.0 m along y = 7 (0.40 m gaps: nobody passes) from x = 0.2 to
    # 17.8, leaving 2.2 m open at the east wall (x 17.8..20): that end gap is the leak.
    p, f = _office(gaps=True)
    for k in range(9):
        counter(f, f"c{k}", 1.0 + 2.0 * k, 7.0 - 0.325, length=1.6)
    s = separation(geometry(p))
    assert [lk.zone_ids for lk in s.leaks] == [("bo",)]
    (leak,) = s.leaks
    assert leak.width == pytest.approx(2.2, abs=0.06)  # from the last counter's end to the outline
    assert leak.door_ids == ()
    assert "c8" in leak.entity_ids
    (x0, _), (x1, _) = leak.opening.coords[0], leak.opening.coords[-1]
    assert sorted((x0, x1)) == pytest.approx([17.8, 20.0], abs=0.06)


def test_public_route_through_the_back_office():
    # a complaint room reachable only through the back office (its only door opens into it)
    p, f = _office(DoorKind.STAFF_DOOR)
    wall(f, "w2", (15, 7), (15, 10))
    zone(f, "bo", ZoneKind.BACK_OFFICE, 0, 7, 15, 10)
    zone(f, "cr", ZoneKind.COMPLAINT, 15, 7, 20, 10)
    door(f, "d2", 15.0, 8.5, 1.0, rotation=90.0, host="w2")
    f.doors["d"] = f.doors["d"].__class__(**{**f.doors["d"].__dict__, "kind": DoorKind.INTERNAL})
    s = separation(geometry(p))
    assert [lk.zone_ids for lk in s.leaks] == [("bo",)]
    assert [t.zone_id for t in s.through_routes] == ["cr"]
