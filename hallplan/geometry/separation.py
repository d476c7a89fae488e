"""Front/back-office separation (YZ-3.0, YZ-3.2, JZ-3): can the public walk into staff-only space?

The public starts at the main entrance(s) (and the exterior door of a 24 h self-service zone) and walks
wherever a person fits with every staff door shut: the free space with staff doors closed, eroded by
the person's radius, the parts touching a start, grown back by the radius. Any staff-only zone this
space enters is a leak; the leaking opening is where it crosses the zone's edge (a gap beside the
counter row, an ordinary door into the back office …). Gaps narrower than a person (0.40 m between
counters) do not leak.

Also reported: public zones the public reaches only through staff-only space (a public route through
the back office).

>>> from hallplan.model import Door, DoorKind, Floor, HallLevel, Plan, Polygon, Wall, Zone, ZoneKind
>>> f = Floor("f1", 1, Polygon.rect(0, 0, 20, 10))
>>> f.zones["bo"] = Zone("bo", ZoneKind.BACK_OFFICE, Polygon.rect(0, 7, 20, 10))
>>> f.walls["w"] = Wall("w", ((0, 7), (20, 7)), 0.2)
>>> f.doors["e"] = Door("e", DoorKind.MAIN_ENTRANCE, 2.0, 0.0, 0.0, 1.8, to_outside=True)
>>> f.doors["x"] = Door("x", DoorKind.INTERNAL, 10.0, 7.0, 0.0, 1.0, host="w")
>>> fg = FloorGeometry(Plan("t", HallLevel.TOWN, floors=[f]), "f1")
>>> s = separation(fg)
>>> [(lk.zone_ids, lk.door_ids) for lk in s.leaks]
[(('bo',), ('x',))]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from hallplan.model import STAFF_ONLY_ZONES, DoorKind, ZoneKind

from .floorgeom import ALL_KINDS, FloorGeometry


@dataclass(frozen=True)
class Leak:
    """Public space entering a staff-only zone: the opening (lines on the zone's edge, or the door)."""

    zone_ids: tuple[str, ...]
    opening: shapely.Geometry
    width: float  # length of the opening
    reached: shapely.Geometry  # the part of the zone the public can walk into
    door_ids: tuple[str, ...]  # non-staff doors in the opening
    entity_ids: tuple[str, ...]  # items/walls beside the opening


@dataclass(frozen=True)
class ThroughRoute:
    """A public zone the public reaches only through staff-only space."""

    zone_id: str
    via_zone_ids: tuple[str, ...]
    geometry: shapely.Geometry


@dataclass(frozen=True)
class SeparationResult:
    floor_id: str
    leaks: tuple[Leak, ...]
    through_routes: tuple[ThroughRoute, ...]
    public_space: shapely.Geometry  # where the public can walk (staff doors shut)
    starts: tuple[str, ...]  # ids of the doors the public comes in by

    @property
    def ok(self) -> bool:
        return not self.leaks and not self.through_routes


def public_starts(fg: FloorGeometry) -> list[tuple[str, shapely.Geometry]]:
    """(door id, small area just inside) for each public way in: main entrances, and exterior doors
    of a 24 h self-service zone."""
    out = []
    for d in fg.doors:
        inside = d.back if d.front.outside else d.front if d.back.outside else None
        if inside is None:
            continue
        ids, kinds, _ = fg.zones
        zk = {i: k for i, k in zip(ids, kinds, strict=False)}
        is24 = any(zk.get(z) == ZoneKind.SELF_SERVICE_24H for z in inside.zone_ids)
        if d.kind == DoorKind.MAIN_ENTRANCE or (is24 and d.kind != DoorKind.STAFF_DOOR):
            out.append((d.id, shapely.Point(inside.point).buffer(0.3)))
    return out


def separation(fg: FloorGeometry, min_area: float = 0.25) -> SeparationResult:
    """Leaks from public into staff-only space, and public routes through it (cached)."""
    return fg.memo(("separation", min_area), ALL_KINDS, lambda: _separation(fg, min_area))


def _reach(fg: FloorGeometry, which: str, starts) -> shapely.Geometry:
    r = fg.person_radius
    e = fg.eroded(r, which)
    parts = shapely.get_parts(e)
    parts = parts[shapely.get_type_id(parts) == 3]
    if len(parts) == 0 or not starts:
        return shapely.Polygon()
    tree = shapely.STRtree(parts)
    _, idx = tree.query(np.array([g for _, g in starts], dtype=object), predicate="intersects")
    if len(idx) == 0:
        return shapely.Polygon()
    return shapely.buffer(shapely.union_all(parts[np.unique(idx)]), r, quad_segs=4)


def _separation(fg: FloorGeometry, min_area: float) -> SeparationResult:
    starts = public_starts(fg)
    space = _reach(fg, "nostaff", starts)
    ids, kinds, geoms = fg.zones
    leaks = []
    doors = fg.doors
    for zid, k, g in zip(ids, kinds, geoms, strict=False):
        if k not in STAFF_ONLY_ZONES:
            continue
        inside = shapely.intersection(space, g)
        if inside.area < min_area:
            continue
        opening = shapely.intersection(g.boundary, space)
        opening = shapely.line_merge(opening) if opening.geom_type in ("MultiLineString", "LineString") else opening
        dids = tuple(sorted(d.id for d in doors if d.kind != DoorKind.STAFF_DOOR and not d.exterior
                            and d.rect.intersects(g.boundary) and d.rect.intersects(space)))
        ext = tuple(sorted(d.id for d in doors if d.exterior and d.kind == DoorKind.MAIN_ENTRANCE
                           and g.intersects(shapely.Point(d.centre).buffer(d.thickness / 2 + 0.35))))
        ends = opening.boundary.buffer(0.05) if not opening.is_empty else shapely.Polygon()
        near = set(fg.query_obstacles(ends)) if not ends.is_empty else set()
        w = fg.walls
        if len(w.ids) and not ends.is_empty:
            near |= {str(i) for i in w.ids[shapely.intersects(w.polygons(), ends)]}
        leaks.append(Leak((zid,), opening, float(opening.length), inside, tuple(sorted(set(dids) | set(ext))),
                          tuple(sorted(near))))
    # public zones reachable only through staff-only space
    routes = []
    pub_space = _reach(fg, "public", starts)
    staff = [(zid, g) for zid, k, g in zip(ids, kinds, geoms, strict=False) if k in STAFF_ONLY_ZONES]
    for zid, k, g in zip(ids, kinds, geoms, strict=False):
        if k in STAFF_ONLY_ZONES or k == ZoneKind.CIRCULATION:
            continue
        if shapely.intersection(space, g).area >= min_area and shapely.intersection(pub_space, g).area < min_area:
            via = tuple(sorted(s for s, sg in staff if sg.intersects(space)))
            routes.append(ThroughRoute(zid, via, g))
    return SeparationResult(fg.floor_id, tuple(leaks), tuple(routes), space, tuple(i for i, _ in starts))
