"""Line of sight and CCTV coverage.

Sight is blocked by the outline, walls and partitions (not glass walls, not low railings), columns,
stairs, lifts and tall furniture (cabinets); counters, seats and desks are below eye level and a
ceiling camera looks over them. A view from a point is a fan of rays (one every 0.5° by default) cut at
the first blocker, intersected analytically against the blockers' edges (numpy, no per-ray shapely
call), so a 20 m, 90° camera costs ~1 ms.

>>> from hallplan.model import Floor, HallLevel, Plan, Polygon, Column
>>> f = Floor("f1", 1, Polygon.rect(0, 0, 20, 10))
>>> f.columns["c"] = Column("c", 10.0, 5.0, 1.0, 1.0)
>>> fg = FloorGeometry(Plan("t", HallLevel.TOWN, floors=[f]), "f1")
>>> line_of_sight(fg, (2, 5), (18, 5)), line_of_sight(fg, (2, 1), (18, 1))
(False, True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely

from hallplan.model import EntityKind, Furniture, FurnitureKind, WallKind

from .floorgeom import SIGHT_FURNITURE, FloorGeometry
from .shapes import ObstacleClass

BLOCKER_KINDS = frozenset({EntityKind.FLOOR, EntityKind.WALL, EntityKind.COLUMN, EntityKind.STAIR, EntityKind.LIFT})
"""Entity kinds whose change can change what is seen (besides cameras and tall furniture, the
pseudo-dependency ``SIGHT_FURNITURE``); counters and zones cannot."""
_SIGHT_DEPS = BLOCKER_KINDS | {SIGHT_FURNITURE}


def blockers(fg: FloorGeometry) -> shapely.Geometry:
    """Union of everything that blocks sight (see the module docstring) plus the outside."""
    def build():
        w = fg.walls
        parts = []
        if len(w.ids):
            sel = np.array([k not in (WallKind.GLASS, WallKind.LOW) for k in w.kinds])
            if sel.any():
                parts.append(shapely.union_all(w.polygons()[sel]))
        parts.append(fg.obstacle_union([ObstacleClass.STRUCTURE, ObstacleClass.TALL]))
        minx, miny, maxx, maxy = fg.outline.bounds
        frame = shapely.box(minx - 1, miny - 1, maxx + 1, maxy + 1).difference(fg.outline)
        parts.append(frame)
        return shapely.union_all(parts)
    return fg.memo("sight_blockers", _SIGHT_DEPS, build)


def _segments(fg: FloorGeometry) -> tuple[np.ndarray, shapely.STRtree]:
    def build():
        b = blockers(fg)
        parts = shapely.get_parts(b)
        parts = parts[shapely.get_type_id(parts) == 3]
        rings = shapely.get_rings(parts)
        coords, idx = shapely.get_coordinates(rings, return_index=True)
        same = idx[1:] == idx[:-1]
        seg = np.hstack([coords[:-1][same], coords[1:][same]])
        tree = shapely.STRtree(shapely.linestrings(seg.reshape(-1, 2, 2)))
        return seg, tree
    return fg.memo("sight_segments", _SIGHT_DEPS, build)


def ray_lengths(fg: FloorGeometry, origin, angles: np.ndarray, max_range: float, skip: float = 0.05) -> np.ndarray:
    """Distance along each ray from ``origin`` (angles in radians) to the first blocker, capped at
    ``max_range``. Hits closer than ``skip`` are ignored (a camera mounted on a wall)."""
    seg, tree = _segments(fg)
    ox, oy = origin
    dx, dy = np.cos(angles), np.sin(angles)
    out = np.full(len(angles), float(max_range))
    if len(seg) == 0 or len(angles) == 0:
        return out
    rays = shapely.linestrings(np.stack([np.column_stack([np.full_like(dx, ox), np.full_like(dy, oy)]),
                                         np.column_stack([ox + dx * max_range, oy + dy * max_range])], axis=1))
    ri, si = tree.query(rays)
    if len(ri) == 0:
        return out
    ax, ay, bx, by = seg[si, 0], seg[si, 1], seg[si, 2], seg[si, 3]
    ex, ey = bx - ax, by - ay
    rdx, rdy = dx[ri], dy[ri]
    den = rdx * ey - rdy * ex
    ok = np.abs(den) > 1e-12
    den = np.where(ok, den, 1.0)
    wx, wy = ax - ox, ay - oy
    t = (wx * ey - wy * ex) / den  # along the ray (metres, the direction is a unit vector)
    u = (wx * rdy - wy * rdx) / den  # along the segment (0..1)
    hit = ok & (t >= skip) & (t <= max_range) & (u >= -1e-9) & (u <= 1 + 1e-9)
    np.minimum.at(out, ri[hit], t[hit])
    return out


def view(fg: FloorGeometry, origin, max_range: float, direction: float | None = None, fov: float = 360.0,
         step_deg: float = 0.5) -> shapely.Polygon:
    """What can be seen from ``origin`` within ``max_range``: a fan polygon. ``direction`` (degrees) and
    ``fov`` (degrees) restrict it to a sector."""
    fov = min(max(fov, 0.0), 360.0)
    n = max(int(math.ceil(fov / step_deg)), 3)
    c = direction or 0.0
    if fov >= 360.0:
        ang = np.radians(np.linspace(0.0, 360.0, n, endpoint=False))
    else:
        ang = np.radians(np.linspace(c - fov / 2, c + fov / 2, n + 1))
    # plus a ray just either side of every blocker corner in range: the silhouette edges come out exact
    seg, _ = _segments(fg)
    if len(seg):
        v = np.unique(seg[:, :2], axis=0)
        dx, dy = v[:, 0] - origin[0], v[:, 1] - origin[1]
        dist = np.hypot(dx, dy)
        a = np.arctan2(dy, dx)
        keep = (dist <= max_range) & (dist > 1e-6)
        if fov < 360.0:
            rel = (np.degrees(a) - (c - fov / 2)) % 360.0
            keep &= rel <= fov
        a = a[keep]
        extra = np.concatenate([a - 1e-5, a + 1e-5])
        if fov < 360.0:
            lo = math.radians(c - fov / 2)
            extra = lo + np.clip((extra - lo) % (2 * math.pi), 0.0, math.radians(fov))
            ang = np.sort(np.concatenate([ang, extra]))
        else:
            ang = np.sort(np.concatenate([ang, extra % (2 * math.pi)]))
    r = ray_lengths(fg, origin, ang, max_range)
    pts = np.column_stack([origin[0] + r * np.cos(ang), origin[1] + r * np.sin(ang)])
    if fov < 360.0:
        pts = np.vstack([[origin], pts])
    poly = shapely.make_valid(shapely.Polygon(pts))
    if poly.geom_type != "Polygon":
        polys = [g for g in shapely.get_parts(poly) if g.geom_type == "Polygon"]
        poly = shapely.union_all(polys) if polys else shapely.Polygon()
    return poly


def line_of_sight(fg: FloorGeometry, a, b) -> bool:
    """True when nothing blocks the straight line from ``a`` to ``b``."""
    d = math.dist(a, b)
    if d < 1e-9:
        return True
    ang = np.array([math.atan2(b[1] - a[1], b[0] - a[0])])
    return bool(ray_lengths(fg, a, ang, d, skip=1e-6)[0] >= d - 1e-6)


@dataclass(frozen=True)
class Sighting:
    """Whether a target is seen from an origin within a distance, and how."""

    origin: tuple[float, float]
    target_id: str
    distance: float  # to the nearest point of the target
    visible: bool  # some part of the target is in view within the distance
    visible_part: shapely.Geometry
    line: shapely.LineString  # origin to the nearest visible point (or nearest point if none)


def sighting(fg: FloorGeometry, origin, target_id: str, target: shapely.Geometry, max_range: float) -> Sighting:
    """Is any part of ``target`` visible from ``origin`` within ``max_range``?"""
    o = shapely.Point(origin)
    key = ("view", round(origin[0], 6), round(origin[1], 6), round(max_range, 6))
    fan = fg.memo(key, _SIGHT_DEPS, lambda: view(fg, origin, max_range))  # one fan per entrance and range
    part = shapely.intersection(fan, target) if not fan.is_empty else shapely.Polygon()
    vis = not part.is_empty and part.area > 1e-4
    line = shapely.shortest_line(o, part if vis else target)
    return Sighting(tuple(origin), target_id, float(o.distance(target)), vis, part, line)


def entrance_point(fg: FloorGeometry, door_id: str, inset: float = 0.5) -> tuple[float, float]:
    """A standing point just inside a door (``inset`` m from its wall face)."""
    d = next(x for x in fg.doors if x.id == door_id)
    s = 1 if d.back.outside else -1
    off = d.thickness / 2 + inset
    return (d.centre[0] + s * d.normal[0] * off, d.centre[1] + s * d.normal[1] * off)


@dataclass(frozen=True)
class CameraView:
    id: str
    origin: tuple[float, float]
    polygon: shapely.Polygon


@dataclass(frozen=True)
class Coverage:
    """CCTV coverage of an area: share covered, blind spots (unseen parts a whole person fits in, of at
    least ``min_blind`` m²)."""

    floor_id: str
    area: float
    covered: float
    blind_spots: tuple[shapely.Polygon, ...]
    cameras: tuple[CameraView, ...]

    @property
    def share(self) -> float:
        return self.covered / self.area if self.area > 0 else 1.0


def cameras(fg: FloorGeometry) -> list[Furniture]:
    return sorted((f for f in fg.floor.furniture.values() if f.kind == FurnitureKind.CCTV_CAMERA), key=lambda f: f.id)


def coverage(fg: FloorGeometry, min_blind: float = 0.5, which: str = "public", exclude=frozenset()) -> Coverage:
    """Coverage of the public area (floor area outside staff-only zones, minus walls, structure and
    tall furniture) by the floor's cameras (position, facing, field of view, range). Zones of the kinds
    in ``exclude`` (toilets, mother-and-baby room: places no camera may look into) are left out."""
    exclude = frozenset(exclude)

    def build():
        area = fg.region(which).difference(fg.obstacle_union([ObstacleClass.STRUCTURE, ObstacleClass.TALL]))
        if exclude:
            _, kinds, geoms = fg.zones
            private = [g for k, g in zip(kinds, geoms, strict=True) if k in exclude]
            if private:
                area = area.difference(shapely.union_all(private))
        views = []
        for c in cameras(fg):
            fov = c.fov if c.fov > 0 else 90.0
            rng = c.range if c.range > 0 else 10.0
            facing = math.degrees(math.atan2(c.facing[1], c.facing[0]))
            views.append(CameraView(c.id, (c.x, c.y), view(fg, (c.x, c.y), rng, facing, fov)))
        seen = shapely.union_all([v.polygon for v in views]) if views else shapely.Polygon()
        # unseen is where a whole person fits unseen: strips thinner than a person (along the wall behind
        # a camera) are dropped by an opening with the person's radius, as a person there is in view
        r = fg.person_radius
        blind = shapely.difference(area, seen).buffer(-r, quad_segs=2).buffer(r, quad_segs=2)
        blind = shapely.intersection(blind, area)
        covered = float(area.area) - float(blind.area)
        spots = tuple(sorted((g for g in shapely.get_parts(blind) if g.geom_type == "Polygon" and g.area >= min_blind),
                             key=lambda g: -g.area))
        return Coverage(fg.floor_id, float(area.area), covered, spots, tuple(views))
    return fg.memo(("coverage", min_blind, which, tuple(sorted(exclude))), _SIGHT_DEPS | {EntityKind.ZONE, EntityKind.DOOR}, build)
