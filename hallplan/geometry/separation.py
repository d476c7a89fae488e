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
    """Public space entering a staff-only zone from non-staff space: the opening (the lines on the
    zone's edge the public crosses; ``door_ids`` when they are ordinary doors)."""

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
    reached_zone_ids: tuple[str, ...] = ()  # every staff-only zone the public can walk into

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
    doors = fg.doors
    staff = [(zid, g) for zid, k, g in zip(ids, kinds, geoms, strict=True) if k in STAFF_ONLY_ZONES]
    outline_edge = fg.outline.boundary.buffer(0.05)
    pub_space = _reach(fg, "public", starts)  # reachable without entering staff-only zones
    outside = pub_space.buffer(0.02, quad_segs=2)
    w = fg.walls
    leaks = []
    for zid, g in staff:
        inside = shapely.intersection(space, g)
        if inside.area < min_area:
            continue
        # where the public crosses the zone's edge from non-staff space: public space on both sides
        opening = shapely.intersection(g.boundary, outside)
        opening = shapely.intersection(opening, inside.buffer(0.02, quad_segs=2))
        opening = shapely.difference(opening, outline_edge)
        if opening.is_empty:
            continue
        parts = [q for q in shapely.get_parts(shapely.line_merge(opening) if opening.geom_type == "MultiLineString"
                                             else opening) if q.length > 1e-6]
        # the zone's edge minus what stands on it (walls, counters, furniture) and the outline
        rim = g.boundary.buffer(0.02)
        on_edge = [fg.obstacle_geoms[i] for i in fg.obstacle_tree.query(rim, predicate="intersects")]
        if len(w.ids):
            wp = w.polygons()
            on_edge += list(wp[shapely.intersects(wp, rim)])
        blocked = shapely.union_all([outline_edge] + [x.buffer(1e-4, quad_segs=1) for x in on_edge])
        edge_free = shapely.difference(g.boundary, blocked)
        edge_parts = [e for e in shapely.get_parts(shapely.line_merge(edge_free) if edge_free.geom_type == "MultiLineString"
                                                   else edge_free) if e.length > 1e-6]
        for q in parts:
            # the open stretch of the zone's edge around the crossing, wall to wall: what must be closed
            mid = q.interpolate(0.5, normalized=True)
            span = next((e for e in edge_parts if e.distance(mid) < 1e-3), q)
            if span.length < 2 * fg.person_radius - 1e-6:
                continue
            ends = span.boundary.buffer(0.05) if not span.boundary.is_empty else span.buffer(0.05)
            near = set(fg.query_obstacles(ends))
            if len(w.ids):
                near |= {str(i) for i in w.ids[shapely.intersects(w.polygons(), ends)]}
            dids = tuple(sorted(d.id for d in doors if d.kind != DoorKind.STAFF_DOOR and d.rect.intersects(span.buffer(0.1))))
            leaks.append(Leak((zid,), span, float(span.length), inside, dids, tuple(sorted(near))))
    reached = tuple(sorted(zid for zid, g in staff if shapely.intersection(space, g).area >= min_area))
    # public zones reachable only through staff-only space
    routes = []
    for zid, k, g in zip(ids, kinds, geoms, strict=True):
        if k in STAFF_ONLY_ZONES or k == ZoneKind.CIRCULATION:
            continue
        if shapely.intersection(space, g).area >= min_area and shapely.intersection(pub_space, g).area < min_area:
            routes.append(ThroughRoute(zid, reached, g))
    return SeparationResult(fg.floor_id, tuple(leaks), tuple(routes), space, tuple(i for i, _ in starts), reached)
