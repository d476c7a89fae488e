"""Small geometric helpers the layout checks share (shapely 2), with per-entity caching.

Route analysis (free space, distance fields, sight lines) lives in :mod:`hallplan.geometry`; this is
only what presence/adjacency/placement checks need: entity shapes, polygon gaps, points in zones.
"""

from __future__ import annotations

import math

import shapely
from shapely.geometry import Point as SPoint
from shapely.geometry import Polygon as SPolygon
from shapely.geometry import box

from hallplan.model import (
    Door,
    DoorKind,
    EntityKind,
    Floor,
    Furniture,
    ServiceWindow,
    Zone,
    ZoneKind,
)
from hallplan.model.geom import local_to_world

from .context import CheckContext
from .registry import derived

PUBLIC_ZONES = frozenset(k for k in ZoneKind if not k.is_staff_only)


def poly(p) -> SPolygon:
    g = SPolygon(p.exterior, list(p.holes))
    return g if g.is_valid else g.buffer(0)


def zone_shape(ctx: CheckContext, z: Zone) -> SPolygon:
    return ctx.shape(z, lambda e: poly(e.polygon))


def footprint_shape(ctx: CheckContext, e) -> SPolygon:
    return ctx.shape(e, lambda x: SPolygon(x.footprint()))


def zones_of(floor: Floor, kinds) -> list[Zone]:
    kinds = set(kinds)
    return [z for z in floor.zones.values() if z.kind in kinds]


def is_public_floor(floor: Floor) -> bool:
    """A floor the public uses: it has service windows or a zone that is not staff-only."""
    return bool(floor.windows) or any(z.kind in PUBLIC_ZONES for z in floor.zones.values())


def entrances(floor: Floor) -> list[Door]:
    return [d for d in floor.doors.values() if d.kind == DoorKind.MAIN_ENTRANCE]


def dist(a, b) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


@derived("zone_index", reads=(EntityKind.ZONE,))
def zone_index(ctx: CheckContext, floor: Floor):
    """The zones of a floor in an STRtree: ``(tree, zones, geometries)`` (zones sorted by id)."""
    zones = sorted(floor.zones.values(), key=lambda z: z.id)
    geoms = [zone_shape(ctx, z) for z in zones]
    return shapely.STRtree(geoms), zones, geoms


def zone_at(ctx: CheckContext, floor: Floor, xy) -> Zone | None:
    """The zone containing the point (the smallest one if zones overlap, then the lowest id)."""
    tree, zones, geoms = ctx.derived("zone_index", floor)
    hits = tree.query(SPoint(xy), predicate="covered_by")
    if len(hits) == 0:
        return None
    i = min(hits, key=lambda k: (geoms[k].area, zones[k].id))
    return zones[i]


def queue_rect(w: ServiceWindow, depth: float, margin: float = 0.0):
    """The rectangle in front of a counter from its front edge out to ``depth`` metres (a ring).

    ``margin`` shrinks it sideways and away from the counter edge so that touching is not overlap.
    """
    s = -w.staff_side
    half = w.length / 2.0 - margin
    d0 = s * (w.depth / 2.0 + margin)
    d1 = s * (w.depth / 2.0 + depth)
    return tuple(local_to_world(w.x, w.y, w.rotation, lx, ly) for lx, ly in ((-half, d0), (half, d0), (half, d1), (-half, d1)))


@derived("obstacles", reads=(EntityKind.FURNITURE, EntityKind.COLUMN, EntityKind.WALL, EntityKind.WINDOW,
                             EntityKind.STAIR, EntityKind.LIFT))
def obstacles(ctx: CheckContext, floor: Floor):
    """Footprints of everything on a floor that blocks standing or walking, with their ids:
    ``(STRtree, geometries, ids)``. Walls are buffered by half their thickness; low walls count."""
    geoms, ids = [], []
    for f in floor.furniture.values():
        if f.kind.is_obstacle:
            geoms.append(SPolygon(f.footprint()))
            ids.append(f.id)
    for c in floor.columns.values():
        geoms.append(SPolygon(c.footprint()))
        ids.append(c.id)
    for coll in (floor.windows, floor.stairs, floor.lifts):
        for e in coll.values():
            geoms.append(SPolygon(e.footprint()))
            ids.append(e.id)
    for w in floor.walls.values():
        if len(w.points) >= 2:
            geoms.append(shapely.LineString(w.points).buffer(w.thickness / 2.0, cap_style="flat"))
            ids.append(w.id)
    return shapely.STRtree(geoms), geoms, ids


@derived("floor_outline", reads=())
def floor_outline(ctx: CheckContext, floor: Floor):
    """The floor outline as a shapely polygon (rebuilt when the floor itself is touched)."""
    return poly(floor.outline)


def blocking(ctx: CheckContext, floor: Floor, ring, skip: set[str] = frozenset()) -> list[str]:
    """Ids of obstacles overlapping the ring (area overlap > 1 cm²), excluding ``skip``."""
    tree, geoms, ids = ctx.derived("obstacles", floor)
    q = SPolygon(ring)
    out = []
    for i in tree.query(q, predicate="intersects"):
        if ids[i] in skip:
            continue
        if geoms[i].intersection(q).area > 1e-4:
            out.append(ids[i])
    return sorted(out)


def door_on_boundary(ctx: CheckContext, z: Zone, d: Door, tol: float = 0.3) -> bool:
    return zone_shape(ctx, z).exterior.distance(SPoint(d.x, d.y)) <= tol


__all__ = [
    "PUBLIC_ZONES", "blocking", "box", "dist", "door_on_boundary", "entrances", "floor_outline",
    "footprint_shape", "is_public_floor", "obstacles", "poly", "queue_rect", "zone_at", "zone_shape", "zones_of",
    "Furniture",
]
