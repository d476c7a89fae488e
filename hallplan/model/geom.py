"""Tiny stdlib-only planar helpers the model needs (footprints, transforms, areas).

Heavy geometry (unions, routes, distance fields) lives in :mod:`hallplan.geometry`; this module only
knows points and rings so that entities can describe their own outlines.

>>> rect_ring(0, 0, 4, 2, 0)
((-2.0, -1.0), (2.0, -1.0), (2.0, 1.0), (-2.0, 1.0))
>>> round(ring_area(((0, 0), (4, 0), (4, 3), (0, 3))), 6)
12.0
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

Point = tuple[float, float]
Ring = tuple[Point, ...]


def rotate_point(p: Point, angle_deg: float, about: Point = (0.0, 0.0)) -> Point:
    """Rotate ``p`` counter-clockwise by ``angle_deg`` around ``about``.

    >>> tuple(round(v, 9) for v in rotate_point((1, 0), 90))
    (0.0, 1.0)
    """
    a = math.radians(angle_deg)
    c, s = math.cos(a), math.sin(a)
    x, y = p[0] - about[0], p[1] - about[1]
    return (about[0] + c * x - s * y, about[1] + s * x + c * y)


def local_to_world(cx: float, cy: float, angle_deg: float, lx: float, ly: float) -> Point:
    """Map a point in an entity's local frame (origin at its centre) to plan coordinates."""
    a = math.radians(angle_deg)
    c, s = math.cos(a), math.sin(a)
    return (cx + c * lx - s * ly, cy + s * lx + c * ly)


def rect_ring(cx: float, cy: float, width: float, depth: float, angle_deg: float) -> Ring:
    """The four corners (counter-clockwise) of a ``width`` × ``depth`` rectangle centred at (cx, cy)."""
    hw, hd = width / 2.0, depth / 2.0
    return tuple(
        local_to_world(cx, cy, angle_deg, lx, ly)
        for lx, ly in ((-hw, -hd), (hw, -hd), (hw, hd), (-hw, hd))
    )


def ring_area(ring: Sequence[Point]) -> float:
    """Signed-free area of a ring by the shoelace formula (closing point optional)."""
    n = len(ring)
    if n < 3:
        return 0.0
    s = 0.0
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2.0


def ring_centroid(ring: Sequence[Point]) -> Point:
    """Area centroid of a simple ring (falls back to the vertex mean for degenerate rings)."""
    n = len(ring)
    a = cx = cy = 0.0
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(a) < 1e-12:
        return (sum(p[0] for p in ring) / max(n, 1), sum(p[1] for p in ring) / max(n, 1))
    return (cx / (3 * a), cy / (3 * a))


def translate_ring(ring: Iterable[Point], dx: float, dy: float) -> Ring:
    return tuple((x + dx, y + dy) for x, y in ring)


def rotate_ring(ring: Iterable[Point], angle_deg: float, about: Point) -> Ring:
    return tuple(rotate_point(p, angle_deg, about) for p in ring)


def bounds(points: Iterable[Point]) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        return (0.0, 0.0, 0.0, 0.0)
    return (min(xs), min(ys), max(xs), max(ys))


def point_in_ring(p: Point, ring: Sequence[Point]) -> bool:
    """Even-odd rule; a point on the boundary may fall either way.

    >>> point_in_ring((1, 1), ((0, 0), (2, 0), (2, 2), (0, 2)))
    True
    """
    x, y = p
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < xi + (y - yi) * (xj - xi) / (yj - yi):
            inside = not inside
        j = i
    return inside
