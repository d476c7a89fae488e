"""Exits, their spacing and widths, room doors, and the occupant load of a floor.

These helpers measure; the limits (5 m spacing, 0.90 m doors, widths per 100 persons, densities)
live in the rule pack and are passed in or compared by the rules.

>>> from hallplan.model import Door, DoorKind, Floor, HallLevel, Plan, Polygon
>>> f = Floor("f1", 1, Polygon.rect(0, 0, 20, 10))
>>> f.doors["a"] = Door("a", DoorKind.EXIT, 1.0, 0.0, 0.0, 1.2, to_outside=True)
>>> f.doors["b"] = Door("b", DoorKind.EXIT, 5.0, 0.0, 0.0, 1.2, to_outside=True)
>>> fg = FloorGeometry(Plan("t", HallLevel.TOWN, floors=[f]), "f1")
>>> [e.id for e in exits(fg)]
['a', 'b']
>>> round(spacing(fg, [e.id for e in exits(fg)])[0].distance, 2)
2.8
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import shapely

from hallplan.model import DoorKind, EntityKind, FurnitureKind, Plan, ZoneKind
from hallplan.model.kinds import StrEnum

from .floorgeom import HALL_ZONES, FloorGeometry, Room

PUBLIC_LOAD_ZONES = HALL_ZONES | {ZoneKind.COMPLAINT, ZoneKind.CIRCULATION}


@dataclass(frozen=True)
class Exit:
    """An exit of a floor (安全出口): a door leading outside, or an enclosed stair off the discharge floor."""

    id: str
    kind: str  # "door" or "stair"
    width: float  # clear width of the door, or the stair's width
    geometry: shapely.Geometry  # the door line, or the stair footprint
    room: int | None
    door_kind: DoorKind | None = None


EXIT_DEPS = frozenset({EntityKind.FLOOR, EntityKind.WALL, EntityKind.DOOR, EntityKind.ZONE, EntityKind.STAIR})
"""What exits, rooms and their doors depend on (a moved counter or seat row changes none of them)."""


def exits(fg: FloorGeometry) -> tuple[Exit, ...]:
    """The floor's exits (cached until walls, doors, zones or stairs change)."""
    return fg.memo("exits", EXIT_DEPS, lambda: _exits(fg))


def _exits(fg: FloorGeometry) -> tuple[Exit, ...]:
    out = [Exit(d.id, "door", d.width, d.segment, d.back.room if d.front.outside else d.front.room, d.kind)
           for d in fg.doors if d.exterior]
    if not fg.is_ground:
        rooms = {s: r.index for r in fg.rooms for s in r.stair_ids}
        out += [Exit(s.id, "stair", s.width, shapely.Polygon(s.footprint()), rooms.get(s.id))
                for s in sorted(fg.floor.stairs.values(), key=lambda s: s.id) if s.enclosed]
    return tuple(out)


@dataclass(frozen=True)
class Spacing:
    """Edge-to-edge distance between two openings, with the line to draw."""

    a: str
    b: str
    distance: float
    line: shapely.LineString


def spacing(fg: FloorGeometry, ids) -> tuple[Spacing, ...]:
    """Pairwise nearest-edge distances between exits/doors ``ids`` (closest pair first)."""
    geoms = {e.id: e.geometry for e in exits(fg)}
    geoms.update({d.id: d.segment for d in fg.doors})
    ids = [i for i in ids if i in geoms]
    out = []
    for a, b in combinations(sorted(ids), 2):
        ga, gb = geoms[a], geoms[b]
        out.append(Spacing(a, b, float(shapely.distance(ga, gb)), shapely.shortest_line(ga, gb)))
    out.sort(key=lambda s: s.distance)
    return tuple(out)


@dataclass(frozen=True)
class RoomDoors:
    """A room's doors (the openings out of it) for the door-count and door-spacing rules."""

    room: Room
    door_ids: tuple[str, ...]
    widths: tuple[float, ...]
    closest: Spacing | None

    @property
    def count(self) -> int:
        return len(self.door_ids)


def room_doors(fg: FloorGeometry) -> tuple[RoomDoors, ...]:
    """Each room's doors with the closest pair (cached until walls, doors, zones or stairs change)."""
    return fg.memo("room_doors", EXIT_DEPS, lambda: _room_doors(fg))


def _room_doors(fg: FloorGeometry) -> tuple[RoomDoors, ...]:
    doors = {d.id: d for d in fg.doors}
    out = []
    for r in fg.rooms:
        ids = tuple(i for i in r.door_ids if doors[i].kind != DoorKind.STAFF_DOOR or r.kind.value == "staff")
        sp = spacing(fg, ids)
        out.append(RoomDoors(r, ids, tuple(doors[i].width for i in ids), sp[0] if sp else None))
    return tuple(out)


class LoadMethod(StrEnum):
    DENSITY = "density"  # density × public area (+ back office)
    COUNT = "count"  # waiting seats + 2 × windows + staff


@dataclass(frozen=True)
class OccupantLoad:
    """Persons to evacuate from one floor, by both methods; ``persons`` is the larger (``method``).

    ``density_persons`` = ``density`` × ``public_area`` + ``back_office_persons`` (1 per workstation or
    ``area_per_staff`` m² of staff zone, the larger); ``count_persons`` = ``seats`` + 2 × ``windows`` +
    ``staff``.
    """

    floor_id: str
    persons: int
    method: LoadMethod
    density: float
    public_area: float
    back_office_persons: int
    density_persons: int
    seats: int
    windows: int
    staff: int
    count_persons: int

    def describe(self, lang: str = "zh") -> str:
        if lang == "zh":
            return (f"人数 {self.persons} 人（取大值：密度 {self.density:.2f} 人/m² × 公共区 {self.public_area:.0f} m²"
                    f" + 后台 {self.back_office_persons} 人 = {self.density_persons}；座位 {self.seats} + 2×窗口 "
                    f"{self.windows} + 工作人员 {self.staff} = {self.count_persons}）")
        return (f"{self.persons} persons (larger of: density {self.density:.2f}/m² × public area "
                f"{self.public_area:.0f} m² + back office {self.back_office_persons} = {self.density_persons}; "
                f"seats {self.seats} + 2 × windows {self.windows} + staff {self.staff} = {self.count_persons})")


def public_area(fg: FloorGeometry) -> float:
    """Area (m²) of the public hall zones (consultation, windows, waiting, self-service …) on the floor,
    overlaps counted once, clipped to the outline."""
    def build():
        _, kinds, geoms = fg.zones
        sel = [g for k, g in zip(kinds, geoms, strict=False) if k in PUBLIC_LOAD_ZONES]
        return float(shapely.union_all(sel).intersection(fg.outline).area) if sel else 0.0
    return fg.memo("public_area", {EntityKind.ZONE, EntityKind.FLOOR}, build)


def _load_counts(fg: FloorGeometry) -> tuple[float, int, int]:
    """(staff zone area, workstations in staff zones, waiting seats), vectorised over the items."""
    staff_zones = fg.staff_zones
    items = list(fg.floor.furniture.values())
    ws = [f for f in items if f.kind == FurnitureKind.WORKSTATION]
    if ws and not staff_zones.is_empty:
        xy = np.array([(f.x, f.y) for f in ws])
        n_ws = int(np.count_nonzero(shapely.intersects_xy(staff_zones, xy[:, 0], xy[:, 1])))
    else:
        n_ws = len(ws)
    seats = sum(f.seats for f in items if f.kind == FurnitureKind.SEAT_ROW)
    return float(staff_zones.intersection(fg.outline).area), n_ws, seats


def occupant_load(plan: Plan, fg: FloorGeometry, density: float, area_per_staff: float = 6.0) -> OccupantLoad:
    """The floor's occupant load by both methods (see :class:`OccupantLoad`)."""
    floor = fg.floor
    pa = public_area(fg)
    staff_area, n_ws, seats = fg.memo("load_counts", {EntityKind.FLOOR, EntityKind.ZONE, EntityKind.FURNITURE},
                                      lambda: _load_counts(fg))
    back = max(n_ws, math.ceil(staff_area / area_per_staff - 1e-9) if area_per_staff > 0 else 0)
    dens = math.ceil(density * pa + back - 1e-9)
    nwin = len(floor.windows)
    all_win = len(plan.all_windows())
    share = nwin / all_win if all_win else (1.0 / len(plan.floors) if plan.floors else 1.0)
    staff = max(nwin + n_ws, round(plan.staff_count * share))
    count = seats + 2 * nwin + staff
    method = LoadMethod.DENSITY if dens >= count else LoadMethod.COUNT
    return OccupantLoad(fg.floor_id, max(dens, count), method, density, pa, back, dens, seats, nwin, staff, count)


@dataclass(frozen=True)
class ExitWidth:
    """Total clear exit width of a floor against the width its occupants need."""

    floor_id: str
    total: float
    required: float
    per_100: float
    load: OccupantLoad
    exit_ids: tuple[str, ...]


def exit_width(plan: Plan, fg: FloorGeometry, density: float, per_100: float, area_per_staff: float = 6.0) -> ExitWidth:
    """Σ exit widths vs occupants / 100 × ``per_100`` (m per 100 persons)."""
    ex = exits(fg)
    load = occupant_load(plan, fg, density, area_per_staff)
    return ExitWidth(fg.floor_id, sum(e.width for e in ex), load.persons / 100.0 * per_100, per_100, load,
                     tuple(e.id for e in ex))
