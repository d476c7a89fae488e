"""Front/back-office separation (YZ-3.0, YZ-3.2, JZ-3): can the public walk into staff-only space?

The public starts at the main entrance(s) (and the exterior door of a 24 h self-service zone) and walks
wherever a person fits with every staff door shut. This is worked out in the space of a person's centre:
the free space with staff doors closed, eroded by the person's radius (exact, vector), the parts
touching a start. Any staff-only zone this space enters is a leak; the leaking opening is the open
stretch of the zone's edge where it is crossed from public space (a gap beside the counter row, an
ordinary door into the back office …), measured wall to wall. Gaps narrower than a person (0.40 m
between counters) do not leak.

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

from hallplan.model import STAFF_ONLY_ZONES, DoorKind, EntityKind, ZoneKind

from .floorgeom import ALL_KINDS, OBSTACLE_KINDS, FloorGeometry


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
    public_space: shapely.Geometry  # where a visitor's centre can be (staff doors shut)
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
            s = 1 if d.back.outside else -1
            tip = (d.centre[0] + s * d.normal[0] * (d.thickness / 2 + 1.0), d.centre[1] + s * d.normal[1] * (d.thickness / 2 + 1.0))
            out.append((d.id, shapely.LineString([d.centre, tip]).buffer(d.width / 2, cap_style="flat")))
    return out


def separation(fg: FloorGeometry, min_area: float = 0.05) -> SeparationResult:
    """Leaks from public into staff-only space, and public routes through it (cached). ``min_area``:
    the least area (m², of centre positions) inside a zone that counts as entering it."""
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
    sel = parts[np.unique(idx)]
    return shapely.multipolygons(list(sel)) if len(sel) > 1 else sel[0]


def _clip(geom, g):
    c = shapely.clip_by_rect(geom, *g.bounds)
    if abs(shapely.area(g) - shapely.area(shapely.box(*g.bounds))) < 1e-9:  # an axis-aligned rectangle
        return c
    return shapely.intersection(c, g)


_EDGE_DEPS = frozenset({EntityKind.FLOOR, EntityKind.WALL, EntityKind.DOOR, EntityKind.ZONE}) | OBSTACLE_KINDS


def _open_edge(fg: FloorGeometry, g) -> list:
    """The stretches of a zone's edge with nothing standing on them (walls, counters, furniture, the
    outline), as lines."""
    rim = g.boundary.buffer(0.02)
    on_edge = [fg.obstacle_geoms[i] for i in fg.obstacle_tree.query(rim, predicate="intersects")]
    x0, y0, x1, y1 = rim.bounds
    walls = shapely.clip_by_rect(fg.walls_open(False), x0, y0, x1, y1)  # ordinary doors open
    if not walls.is_empty:
        on_edge.append(walls)
    outline_edge = fg.outline.boundary.buffer(1e-4, quad_segs=1)
    blocked = shapely.union_all([outline_edge] + [x.buffer(1e-4, quad_segs=1) for x in on_edge])
    edge_free = shapely.difference(g.boundary, blocked)
    merged = shapely.line_merge(edge_free) if edge_free.geom_type == "MultiLineString" else edge_free
    return [e for e in shapely.get_parts(merged) if e.length > 1e-6]


def _separation(fg: FloorGeometry, min_area: float) -> SeparationResult:
    starts = public_starts(fg)
    r = fg.person_radius
    space = _reach(fg, "nostaff", starts)  # centres, staff doors shut
    pub = _reach(fg, "public", starts)  # centres, staff-only zones excluded
    ids, kinds, geoms = fg.zones
    doors = fg.doors
    staff = [(zid, g) for zid, k, g in zip(ids, kinds, geoms, strict=True) if k in STAFF_ONLY_ZONES]
    leaks = []
    reached = []
    shapely.prepare(space)
    for zid, g in staff:
        if not space.intersects(g):
            continue
        inside = _clip(space, g)
        if inside.area < min_area:
            continue
        reached.append(zid)
        # centres crossing the zone's edge next to public (non-staff) space
        x0, y0, x1, y1 = g.bounds
        crossing = shapely.intersection(g.boundary, shapely.clip_by_rect(space, x0 - 0.1, y0 - 0.1, x1 + 0.1, y1 + 0.1))
        parts = [q for q in shapely.get_parts(crossing) if not q.is_empty and shapely.dwithin(q, pub, r + 0.05)]
        if not parts:
            continue
        edge_parts = fg.memo(("zone_open_edge", zid), _EDGE_DEPS, lambda g=g: _open_edge(fg, g), region=g.bounds)
        seen = set()
        for q in parts:
            # the open stretch of the zone's edge around the crossing, wall to wall: what must be closed
            k, span = next(((k, e) for k, e in enumerate(edge_parts) if e.distance(q) < 1e-3), (None, q))
            if k in seen or span.length < 2 * r - 1e-6:
                continue
            seen.add(k)
            ends = span.boundary.buffer(0.05) if not span.boundary.is_empty else span.buffer(0.05)
            near = set(fg.query_obstacles(ends)) | fg.walls_touching(ends)
            dids = tuple(sorted(d.id for d in doors if d.kind != DoorKind.STAFF_DOOR and d.rect.intersects(span.buffer(0.1))))
            leaks.append(Leak((zid,), span, float(span.length), inside, dids, tuple(sorted(near))))
    # public zones reachable only through staff-only space
    routes = []
    if reached:
        shapely.prepare(pub)
        for zid, k, g in zip(ids, kinds, geoms, strict=True):
            if k in STAFF_ONLY_ZONES or k == ZoneKind.CIRCULATION or pub.intersects(g):
                continue
            if _clip(space, g).area >= min_area:
                routes.append(ThroughRoute(zid, tuple(reached), g))
    return SeparationResult(fg.floor_id, tuple(leaks), tuple(routes), space, tuple(i for i, _ in starts), tuple(reached))
