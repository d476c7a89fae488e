"""Grid and object snapping (endpoint, midpoint, perpendicular, edge) and Shift-orthogonal, in
model units. The snapper asks the editor's spatial index for what lies near the cursor only, so
it stays cheap on a plan with thousands of items.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from .geom2d import Point, dist, foot_on_line, project_on_segment

if TYPE_CHECKING:  # pragma: no cover
    from .editor import Editor


class SnapKind(StrEnum):
    NONE = "none"
    GRID = "grid"
    ENDPOINT = "endpoint"
    MIDPOINT = "midpoint"
    PERPENDICULAR = "perpendicular"
    EDGE = "edge"


# Within the tolerance, a nearer candidate wins unless a preferred kind is almost as near:
# score = distance + PREFERENCE × tolerance.
PREFERENCE = {
    SnapKind.ENDPOINT: 0.0,
    SnapKind.MIDPOINT: 0.15,
    SnapKind.PERPENDICULAR: 0.25,
    SnapKind.EDGE: 0.6,
}


@dataclass(frozen=True)
class SnapResult:
    point: Point
    kind: SnapKind = SnapKind.NONE
    ortho: bool = False
    ref: Point | None = None
    source: str = ""  # id of the entity snapped to


@dataclass
class SnapSettings:
    grid: float = 0.1  # snap step in metres
    grid_on: bool = True
    objects_on: bool = True
    ortho_lock: bool = False  # F8: orthogonal without holding Shift
    endpoint: bool = True
    midpoint: bool = True
    perpendicular: bool = True
    edge: bool = True
    tolerance_px: float = 10.0


class Snapper:
    def __init__(self, editor: Editor) -> None:
        self.ed = editor
        self.settings = SnapSettings()

    def tolerance(self) -> float:
        return self.settings.tolerance_px / max(self.ed.scale, 1e-6)

    def grid_point(self, p: Point) -> Point:
        g = self.settings.grid
        if not self.settings.grid_on or g <= 0:
            return p
        return (round(p[0] / g) * g, round(p[1] / g) * g)

    def _grid1(self, v: float) -> float:
        g = self.settings.grid
        if not self.settings.grid_on or g <= 0:
            return v
        return round(v / g) * g

    def snap(self, p: Point, *, ref: Point | None = None, shift: bool = False,
             exclude: frozenset[str] = frozenset()) -> SnapResult:
        s = self.settings
        tol = self.tolerance()
        ortho = ref is not None and (shift != s.ortho_lock)
        if ortho:
            assert ref is not None
            horizontal = abs(p[0] - ref[0]) >= abs(p[1] - ref[1])
            q = (p[0], ref[1]) if horizontal else (ref[0], p[1])
            # object tracking: align the free coordinate with a nearby endpoint/midpoint
            if s.objects_on:
                best = None
                for kind, c, src in self._candidates(q, tol, None, exclude, points_only=True):
                    d = abs(c[0] - q[0]) if horizontal else abs(c[1] - q[1])
                    if d <= tol and (best is None or d < best[0]):
                        best = (d, kind, c, src)
                if best is not None:
                    _, kind, c, src = best
                    pt = (c[0], ref[1]) if horizontal else (ref[0], c[1])
                    return SnapResult(pt, kind, True, ref, src)
            pt = (self._grid1(q[0]), ref[1]) if horizontal else (ref[0], self._grid1(q[1]))
            return SnapResult(pt, SnapKind.GRID if s.grid_on else SnapKind.NONE, True, ref)
        if s.objects_on:
            best = None
            for kind, c, src in self._candidates(p, tol, ref, exclude):
                d = dist(p, c)
                if d <= tol:
                    score = d + PREFERENCE[kind] * tol
                    if best is None or score < best[0]:
                        best = (score, kind, c, src)
            if best is not None:
                _, kind, c, src = best
                return SnapResult(c, kind, False, ref, src)
        if s.grid_on and s.grid > 0:
            return SnapResult(self.grid_point(p), SnapKind.GRID, False, ref)
        return SnapResult(p, SnapKind.NONE, False, ref)

    def _on_edge(self, p: Point, a: Point, b: Point) -> Point:
        """The point of segment ``ab`` nearest ``p``; with the grid on, at a whole number of grid
        steps from the nearer end (so a door on a wall lands on round distances)."""
        q, t = project_on_segment(p, a, b)
        g = self.settings.grid
        L = dist(a, b)
        if not self.settings.grid_on or g <= 0 or L <= 2 * g:
            return q
        end, sign = (a, 1.0) if t <= 0.5 else (b, -1.0)
        along = round(dist(end, q) / g) * g
        along = min(max(along, 0.0), L)
        ux, uy = (b[0] - a[0]) / L * sign, (b[1] - a[1]) / L * sign
        return (end[0] + ux * along, end[1] + uy * along)

    def _candidates(self, p: Point, tol: float, ref: Point | None, exclude: frozenset[str], points_only: bool = False):
        s = self.settings
        for key, verts, segs in self.ed.geometry_near(p, tol, exclude):
            if s.endpoint:
                for v in verts:
                    yield SnapKind.ENDPOINT, v, key
            for a, b in segs:
                if s.midpoint:
                    yield SnapKind.MIDPOINT, ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), key
                if points_only:
                    continue
                if s.edge:
                    yield SnapKind.EDGE, self._on_edge(p, a, b), key
                if s.perpendicular and ref is not None:
                    f, t = foot_on_line(ref, a, b)
                    if -1e-9 <= t <= 1 + 1e-9 and dist(f, ref) > 1e-6:
                        yield SnapKind.PERPENDICULAR, f, key


def ortho_constrain(p: Point, ref: Point) -> Point:
    """Constrain ``p`` to the horizontal or vertical through ``ref``.

    >>> ortho_constrain((5, 1), (0, 0))
    (5, 0)
    """
    return (p[0], ref[1]) if abs(p[0] - ref[0]) >= abs(p[1] - ref[1]) else (ref[0], p[1])


def polar(ref: Point, length: float, angle_deg: float) -> Point:
    a = math.radians(angle_deg)
    return (ref[0] + length * math.cos(a), ref[1] + length * math.sin(a))
