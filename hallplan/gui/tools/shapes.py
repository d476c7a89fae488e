"""Per-entity geometry the tools need: outlines for hit testing and selection, snap points and
snap segments, bounding boxes. Model units, stdlib only.
"""

from __future__ import annotations

import math

from hallplan.model import (
    Column,
    Door,
    Entity,
    EntityKind,
    Floor,
    Furniture,
    Hinge,
    Lift,
    ServiceWindow,
    Stair,
    Wall,
    Zone,
)
from hallplan.model.geom import local_to_world, rect_ring

from .geom2d import BBox, Point, bbox_of, dist_to_segment, point_in_ring, ring_segments

OUTLINE_ID = "@outline"
"""Pseudo id of the current floor's outline in the selection and the spatial index."""

# Hit-test priority (lower wins): small things sit on top of large ones.
PRIORITY: dict[EntityKind, int] = {
    EntityKind.DOOR: 0,
    EntityKind.WINDOW: 1,
    EntityKind.FURNITURE: 2,
    EntityKind.COLUMN: 3,
    EntityKind.LIFT: 4,
    EntityKind.STAIR: 5,
    EntityKind.WALL: 6,
    EntityKind.ZONE: 7,
    EntityKind.FLOOR: 8,
}

DOOR_DEPTH = 0.25


def door_ring(d: Door) -> tuple[Point, ...]:
    return rect_ring(d.x, d.y, d.width, DOOR_DEPTH, d.rotation)


def door_swing_bbox(d: Door) -> BBox:
    """Bounding box of the door and its swing area."""
    h = d.width / 2.0
    s = d.swing_side if d.hinge != Hinge.SLIDING else 0
    reach = d.width if d.hinge != Hinge.DOUBLE else h
    pts = [local_to_world(d.x, d.y, d.rotation, lx, ly) for lx in (-h, h) for ly in (-DOOR_DEPTH / 2, DOOR_DEPTH / 2, s * reach)]
    return bbox_of(pts)


def rings(e: Entity) -> list[tuple[Point, ...]]:
    """Closed outlines used for selection display and inside tests (walls: their band)."""
    if isinstance(e, Zone):
        return [e.polygon.exterior]
    if isinstance(e, Wall):
        return [wall_band(e)]
    if isinstance(e, Door):
        return [door_ring(e)]
    if isinstance(e, (Column, ServiceWindow, Furniture, Stair, Lift)):
        return [e.footprint()]
    return []


def wall_band(w: Wall) -> tuple[Point, ...]:
    """A simple closed outline around a wall polyline (per-segment offset, good for display)."""
    pts = w.points
    if len(pts) < 2:
        return tuple(pts)
    h = w.thickness / 2.0
    left, right = [], []
    for i, p in enumerate(pts):
        if i == 0:
            a, b = pts[0], pts[1]
        elif i == len(pts) - 1:
            a, b = pts[-2], pts[-1]
        else:
            a, b = pts[i - 1], pts[i + 1]
        dx, dy = b[0] - a[0], b[1] - a[1]
        L = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / L * h, dx / L * h
        left.append((p[0] + nx, p[1] + ny))
        right.append((p[0] - nx, p[1] - ny))
    return tuple(left + right[::-1])


def bbox(e: Entity) -> BBox:
    if isinstance(e, Zone):
        return bbox_of(e.polygon.exterior)
    if isinstance(e, Wall):
        x0, y0, x1, y1 = bbox_of(e.points)
        h = e.thickness / 2.0
        return (x0 - h, y0 - h, x1 + h, y1 + h)
    if isinstance(e, Door):
        return door_swing_bbox(e)
    if isinstance(e, Furniture) and e.fov > 0 and e.range > 0:
        return bbox_of(e.footprint())  # the view wedge is not part of the item
    r = rings(e)
    return bbox_of(r[0]) if r else (0.0, 0.0, 0.0, 0.0)


def vertices(e: Entity) -> tuple[Point, ...]:
    """Editable vertices (zones, walls) or footprint corners (snap endpoints)."""
    if isinstance(e, Zone):
        return e.polygon.exterior
    if isinstance(e, Wall):
        return e.points
    if isinstance(e, Door):
        return e.endpoints()
    r = rings(e)
    return r[0] if r else ()


def segments(e: Entity) -> list[tuple[Point, Point]]:
    if isinstance(e, Zone):
        segs = ring_segments(e.polygon.exterior)
        for h in e.polygon.holes:
            segs += ring_segments(h)
        return segs
    if isinstance(e, Wall):
        return ring_segments(e.points, closed=False)
    if isinstance(e, Door):
        a, b = e.endpoints()
        return [(a, b)]
    r = rings(e)
    return ring_segments(r[0]) if r else []


def outline_segments(floor: Floor) -> list[tuple[Point, Point]]:
    segs = ring_segments(floor.outline.exterior)
    for h in floor.outline.holes:
        segs += ring_segments(h)
    return segs


def outline_vertices(floor: Floor) -> tuple[Point, ...]:
    v = tuple(floor.outline.exterior)
    for h in floor.outline.holes:
        v += tuple(h)
    return v


def hit(e: Entity, p: Point, tol: float) -> tuple[bool, bool]:
    """(hit, on_edge): whether ``p`` picks ``e``; ``on_edge`` when it is within ``tol`` of an edge."""
    if isinstance(e, Wall):
        h = e.thickness / 2.0 + tol
        for a, b in ring_segments(e.points, closed=False):
            if dist_to_segment(p, a, b) <= h:
                return True, True
        return False, False
    if isinstance(e, Door):
        ring = door_ring(e)
        if point_in_ring(p, ring):
            return True, True
        a, b = e.endpoints()
        return (dist_to_segment(p, a, b) <= tol + DOOR_DEPTH / 2, True)
    on_edge = any(dist_to_segment(p, a, b) <= tol for a, b in segments(e))
    if on_edge:
        return True, True
    for r in rings(e):
        if len(r) >= 3 and point_in_ring(p, r):
            if isinstance(e, Zone) and any(point_in_ring(p, h) for h in e.polygon.holes):
                return False, False
            return True, False
    return False, False


def area_of_bbox(b: BBox) -> float:
    return max(b[2] - b[0], 0.0) * max(b[3] - b[1], 0.0)


def anchor(e: Entity) -> Point:
    return e.anchor
