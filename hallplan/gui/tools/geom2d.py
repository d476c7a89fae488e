"""Small planar helpers for the tools (stdlib only, model units: metres, y up).

>>> project_on_segment((1, 1), (0, 0), (2, 0))
((1.0, 0.0), 0.5)
>>> point_in_ring((1, 1), ((0, 0), (2, 0), (2, 2), (0, 2)))
True
>>> ring_self_intersects(((0, 0), (2, 2), (2, 0), (0, 2)))
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from hallplan.model.geom import bounds, point_in_ring, ring_area  # noqa: F401 (point_in_ring: re-exported for the tools)

Point = tuple[float, float]
BBox = tuple[float, float, float, float]


def dist(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def _line_param(p: Point, a: Point, b: Point) -> float | None:
    """Parameter t of the foot of the perpendicular from ``p`` on line a–b (None when a == b)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    L2 = dx * dx + dy * dy
    if L2 <= 1e-18:
        return None
    return ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L2


def _at(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def project_on_segment(p: Point, a: Point, b: Point) -> tuple[Point, float]:
    """The point of segment a–b nearest to ``p`` and its parameter t in [0, 1]."""
    t = _line_param(p, a, b)
    if t is None:
        return (float(a[0]), float(a[1])), 0.0
    t = 0.0 if t < 0 else 1.0 if t > 1 else t
    return _at(a, b, t), t


def foot_on_line(p: Point, a: Point, b: Point) -> tuple[Point, float]:
    """The foot of the perpendicular from ``p`` to the infinite line a–b and its parameter t."""
    t = _line_param(p, a, b)
    if t is None:
        return (float(a[0]), float(a[1])), 0.0
    return _at(a, b, t), t


def dist_to_segment(p: Point, a: Point, b: Point) -> float:
    q, _ = project_on_segment(p, a, b)
    return dist(p, q)


def ring_segments(ring: Sequence[Point], closed: bool = True) -> list[tuple[Point, Point]]:
    n = len(ring)
    if n < 2:
        return []
    segs = [(ring[i], ring[i + 1]) for i in range(n - 1)]
    if closed and n > 2:
        segs.append((ring[-1], ring[0]))
    return segs


def bbox_of(points: Iterable[Point]) -> BBox:
    return bounds(points)


def bbox_union(a: BBox | None, b: BBox) -> BBox:
    if a is None:
        return b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def bbox_intersects(a: BBox, b: BBox) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def bbox_contains(outer: BBox, inner: BBox) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def _orient(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Proper or touching intersection of segments a–b and c–d."""
    d1, d2 = _orient(c, d, a), _orient(c, d, b)
    d3, d4 = _orient(a, b, c), _orient(a, b, d)
    if ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4)):
        return True

    def on(p, q, r):  # r on segment p-q (collinear assumed)
        return min(p[0], q[0]) - 1e-12 <= r[0] <= max(p[0], q[0]) + 1e-12 and min(p[1], q[1]) - 1e-12 <= r[1] <= max(p[1], q[1]) + 1e-12

    eps = 1e-12
    if abs(d1) < eps and on(c, d, a):
        return True
    if abs(d2) < eps and on(c, d, b):
        return True
    if abs(d3) < eps and on(a, b, c):
        return True
    if abs(d4) < eps and on(a, b, d):
        return True
    return False


def ring_self_intersects(ring: Sequence[Point]) -> bool:
    """True when a closed ring is not simple (non-adjacent edges touch or cross) or is degenerate."""
    n = len(ring)
    if n < 3 or ring_area(ring) < 1e-9:
        return True
    for i in range(n):
        if dist(ring[i], ring[(i + 1) % n]) < 1e-9:
            return True
    segs = ring_segments(ring, True)
    m = len(segs)
    if m > 400:  # large rings: trust the caller (the file reader validates with shapely)
        return False
    for i in range(m):
        a, b = segs[i]
        for j in range(i + 1, m):
            if j == i + 1 or (i == 0 and j == m - 1):
                continue
            c, d = segs[j]
            if segments_cross(a, b, c, d):
                return True
    return False


def angle_deg(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def norm_deg(a: float) -> float:
    a = math.fmod(a, 360.0)
    if a < 0:
        a += 360.0
    if abs(a - 360.0) < 1e-9:
        a = 0.0
    return a


def fmt_len(m: float) -> str:
    return f"{m:.2f} m"


def fmt_area(a: float) -> str:
    return f"{a:.1f} m²" if a < 100 else f"{a:,.0f} m²"
