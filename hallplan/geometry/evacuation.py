"""Evacuation distances by fast marching (scikit-fmm) on the floor raster.

Two measures, and every result says which one it is (:class:`Measure`):

* ``straight`` — GB 50016 5.5.17 speaks of 直线距离: measured inside the room around walls, fixed
  partitions, columns, stairs and lifts, but straight through movable counters and furniture. This is
  the binding measure.
* ``walking`` — the walking distance around counters, seats and every other item, for a person of
  :data:`~hallplan.geometry.floorgeom.PERSON_RADIUS` (gaps narrower than a person are closed). Stricter;
  reported as a warning and drawn as the heat map. Areas no one can walk out of are returned as
  ``unreachable`` (a counter row blocking the only way out).

Per room (:class:`~hallplan.geometry.floorgeom.Room`) the targets are: for an open hall, the doors
leading outside, into a corridor, and (above or below the discharge floor) the stairs; for a
corridor, the outside doors, the stairs and doors into a hall; for any other room, its own doors.
Each room is marched on its own window of the grid, so a moved counter re-marches only its room.

The raster is 0.25 m; first-order marching overestimates by up to 0.5 m on 40 m, second order (used
here) stays within ~0.1 m. The worst point is refined to the room's corners: each corner takes the
best value of a nearby reached cell plus the straight step from it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import shapely
import skfmm
from scipy import ndimage

from hallplan.model import EntityKind
from hallplan.model.kinds import StrEnum

from .floorgeom import OBSTACLE_KINDS, FloorGeometry, Room, RoomKind
from .grid import Grid, rasterize_polygon, runs_to_geometry
from .shapes import ObstacleClass


class Measure(StrEnum):
    STRAIGHT = "straight"  # 直线距离 inside the room: around walls and structure, not furniture
    WALKING = "walking"  # walking distance around counters, seats and furniture


@dataclass(frozen=True)
class Target:
    """Where a room's occupants leave it: a door opening (line) or a stair footprint."""

    id: str
    kind: str  # "door" or "stair"
    geometry: shapely.Geometry


@dataclass(frozen=True)
class RoomEvacuation:
    """Distance from every point of one room to its nearest target, by one measure.

    ``max_distance`` is ``None`` when the room has no target at all. ``path`` runs from
    ``worst_point`` to ``target_id``. ``unreachable`` is the free area (beyond ``min_area``) from which
    no target can be reached by this measure.
    """

    floor_id: str
    room: int
    room_kind: RoomKind
    zone_ids: tuple[str, ...]
    measure: Measure
    targets: tuple[Target, ...]
    max_distance: float | None
    worst_point: shapely.Point | None
    unreachable: shapely.Geometry
    unreachable_area: float
    polygon: shapely.Polygon
    _trace: Callable[[], tuple[shapely.LineString, str]] | None = field(default=None, repr=False, compare=False)

    @property
    def target_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.targets)

    @cached_property
    def _path(self) -> tuple[shapely.LineString | None, str | None]:
        return self._trace() if self._trace is not None else (None, None)

    @property
    def path(self) -> shapely.LineString | None:
        """The way out from :attr:`worst_point` (traced on first access, by steepest descent)."""
        return self._path[0]

    @property
    def target_id(self) -> str | None:
        """The door or stair :attr:`path` ends at."""
        return self._path[1]


@dataclass(frozen=True)
class EvacuationResult:
    floor_id: str
    measure: Measure
    rooms: tuple[RoomEvacuation, ...]

    @property
    def worst(self) -> RoomEvacuation | None:
        cand = [r for r in self.rooms if r.max_distance is not None]
        return max(cand, key=lambda r: r.max_distance) if cand else None


@dataclass(frozen=True)
class DistanceField:
    """A grid of distances (m) to the nearest exit; NaN where nothing is measured. For heat maps:
    ``values[j, i]`` belongs to the cell centred at ``grid.centre(j, i)``."""

    floor_id: str
    measure: Measure
    grid: Grid
    values: np.ndarray
    target_ids: tuple[str, ...]

    def at(self, x: float, y: float) -> float:
        j, i = self.grid.row(y), self.grid.col(x)
        if 0 <= j < self.grid.ny and 0 <= i < self.grid.nx:
            return float(self.values[j, i])
        return math.nan

    @property
    def max(self) -> float:
        v = self.values[np.isfinite(self.values)]
        return float(v.max()) if v.size else math.nan


# --------------------------------------------------------------------------------------------
def room_targets(fg: FloorGeometry, room: Room) -> tuple[Target, ...]:
    """The doors and stairs by which the occupants of ``room`` leave it (see the module docstring)."""
    rooms = fg.rooms
    out = []
    for d in fg.doors:
        s = d.side_of(room.index)
        if not s:
            continue
        other = d.other(room.index)
        if other is None:
            continue
        if other.outside:
            ok = True
        elif room.kind == RoomKind.HALL:
            ok = rooms[other.room].kind == RoomKind.CORRIDOR
        elif room.kind == RoomKind.CORRIDOR:
            ok = rooms[other.room].kind == RoomKind.HALL
        else:
            ok = other.room != room.index
        if ok:
            out.append(Target(d.id, "door", d.segment))
    if not fg.is_ground:
        for s in fg.floor.stairs.values():
            if s.id in room.stair_ids and s.enclosed:
                out.append(Target(s.id, "stair", shapely.Polygon(s.footprint())))
    return tuple(out)


def standing_cells(fg: FloorGeometry, sub: Grid) -> np.ndarray:
    """Cells (over the window grid ``sub``, on the floor grid's lattice) where the centre of a walking
    person can be: the window of :meth:`FloorGeometry.standing_mask`, so a 0.60 m gap between desks
    stays a chain of cells while a 0.40 m gap between counters has none."""
    g = fg.grid
    i0 = int(round((sub.x0 - g.x0) / g.cell))
    j0 = int(round((sub.y0 - g.y0) / g.cell))
    return fg.standing_mask()[j0:j0 + sub.ny, i0:i0 + sub.nx]


def _march(phi: np.ndarray, domain: np.ndarray, h: float) -> np.ndarray:
    """Second-order fast marching from the zero contour of ``phi`` over ``domain``; NaN elsewhere."""
    try:
        d = skfmm.distance(np.ma.MaskedArray(phi, ~domain), dx=h, order=2)
        return np.ma.filled(d.astype(float), np.nan)
    except ValueError:  # no zero contour inside the domain: nothing reaches a target
        return np.full(phi.shape, np.nan)


def _walk(fg: FloorGeometry, sub: Grid, free: np.ndarray, phi: np.ndarray, tmask: np.ndarray,
          strip: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Walking distances: march over the cells a person's centre can occupy (plus the doorways), then
    give every free cell beside them the distance of the nearest one plus the step to it.
    Returns (distances on free cells, cells measured, floor cells one can stand on but not leave)."""
    h = sub.cell
    stand = standing_cells(fg, sub) & free
    d = _march(phi, stand | (strip & free) | tmask, h)
    core = np.isfinite(d) & (stand | (strip & free))
    if not core.any():
        return np.full(sub.shape, np.nan), np.zeros(sub.shape, bool), stand
    reach = fg.person_radius + 0.75 * h
    gap, (nj, ni) = ndimage.distance_transform_edt(~core, return_indices=True)
    near = free & (gap * h <= reach)
    out = np.where(near, d[nj, ni] + gap * h, np.nan)
    lost = stand & ~core
    if lost.any():  # the floor area around the trapped centre positions
        lost = free & ~near & ndimage.binary_dilation(lost, _disc(reach, h))
    return out, near, lost


def _outline(fg: FloorGeometry, key, sub: Grid, mask: np.ndarray):
    """``runs_to_geometry(sub, mask)``, reusing the last outline made under ``key`` when the mask and the
    window are the same (a drag rarely changes the unreachable cells far from the dragged item, and the
    union of their runs costs ~8 ms on a 20,000 m² hall)."""
    cache = fg.outlines
    where = (sub.x0, sub.y0, sub.cell, mask.shape)
    last = cache.get(key)
    if last is not None and last[0] == where and np.array_equal(last[1], mask):
        return last[2]
    geom = runs_to_geometry(sub, mask)
    cache[key] = (where, mask.copy(), geom)
    return geom


def _disc(reach: float, h: float) -> np.ndarray:
    """Cell offsets within ``reach`` of the centre cell: dilating by it marks exactly the cells whose
    Euclidean distance transform (in cells, times ``h``) is within ``reach``."""
    k = int(reach / h) + 1
    o = np.arange(-k, k + 1, dtype=float)
    return np.sqrt(o[:, None] ** 2 + o[None, :] ** 2) * h <= reach


def _target_phi(sub: Grid, fg: FloorGeometry, targets: tuple[Target, ...], side, pad: float = 1e-9):
    """Level-set function whose zero contour is each target's face on the side ``side(door)`` (±1)
    names: door strips (signed offset from the wall face, ``pad`` beyond the door's ends) and stair
    boxes (signed distance). Returns (phi, target cells, strips). Each target is evaluated only over
    the cells around it (a strip is a few cells wide)."""
    h = sub.cell
    xs, ys = sub.xs, sub.ys
    phi = np.ones(sub.shape)
    tmask = np.zeros(sub.shape, bool)
    doors = {d.id: d for d in fg.doors}
    band = 1.5 * h
    strips = np.zeros(sub.shape, bool)
    for t in targets:
        if t.kind == "door":
            d = doors[t.id]
            s = side(d)
            ux, uy = d.direction
            nx, ny = d.normal[0] * s, d.normal[1] * s
            ea, eb = d.width / 2 + pad, d.thickness / 2 + band  # half extents along the door and across
            reach = abs(ux) * ea + abs(nx) * eb, abs(uy) * ea + abs(ny) * eb
            win = sub.window((d.centre[0] - reach[0], d.centre[1] - reach[1], d.centre[0] + reach[0],
                              d.centre[1] + reach[1]), pad=2)
            X, Y = np.meshgrid(xs[win[1]], ys[win[0]])
            a = (X - d.centre[0]) * ux + (Y - d.centre[1]) * uy
            b = (X - d.centre[0]) * nx + (Y - d.centre[1]) * ny - d.thickness / 2
            strip = (np.abs(a) <= d.width / 2 + pad) & (np.abs(b) <= band)
        else:
            st = fg.floor.stairs[t.id]
            r = math.radians(st.rotation)
            c, sn = math.cos(r), math.sin(r)
            ext = math.hypot(st.width, st.depth) / 2 + band
            win = sub.window((st.x - ext, st.y - ext, st.x + ext, st.y + ext), pad=2)
            X, Y = np.meshgrid(xs[win[1]], ys[win[0]])
            lx = (X - st.x) * c + (Y - st.y) * sn
            ly = -(X - st.x) * sn + (Y - st.y) * c
            qx, qy = np.abs(lx) - st.width / 2, np.abs(ly) - st.depth / 2
            b = np.hypot(np.maximum(qx, 0), np.maximum(qy, 0)) + np.minimum(np.maximum(qx, qy), 0)
            strip = np.abs(b) <= band
        phi[win] = np.where(strip, np.minimum(phi[win], b), phi[win])
        tmask[win] |= strip & (b < 0)
        strips[win] |= strip
    return phi, tmask, strips


def _room_evacuation(fg: FloorGeometry, room: Room, measure: Measure, min_area: float) -> RoomEvacuation:
    grid = fg.grid
    h = grid.cell
    win = grid.window(room.polygon.bounds, pad=3)
    sub = grid.sub(win)
    dom = fg.room_labels[win] == room.index
    inner = [d.rect for d in fg.doors if d.front.room == room.index and d.back.room == room.index]
    if inner:  # doors within the room (a staff door between the back office and the hall it is open to)
        dom |= rasterize_polygon(sub, shapely.union_all(inner)) & (fg.room_labels[win] < 0)
    free = dom & ~fg.structure_mask[win]
    if measure == Measure.WALKING:
        free &= fg.movable_counts[win] == 0
    targets = room_targets(fg, room)
    empty = shapely.Polygon()

    def result(maxd=None, worst=None, trace=None, unreach=empty, ua=0.0):
        return RoomEvacuation(fg.floor_id, room.index, room.kind, room.zone_ids, measure, targets,
                              maxd, worst, unreach, ua, room.polygon, trace)

    if not targets:
        return result()
    phi, tmask, strip = fg.memo(("target_phi", room.index), _STRAIGHT_DEPS,
                                lambda: _target_phi(sub, fg, targets, lambda d: d.side_of(room.index)))
    if measure == Measure.WALKING:
        d, reached, lost = _walk(fg, sub, free, phi, tmask, strip)
    else:
        d = _march(phi, free | tmask, h)
        d[~free] = np.nan
        reached = np.isfinite(d)
        lost = free & ~reached
    ua = float(lost.sum()) * h * h
    unreach = empty
    if ua >= min_area:
        lab, n = ndimage.label(lost)
        sizes = ndimage.sum_labels(lost, lab, np.arange(1, n + 1)) * h * h
        keep = np.isin(lab, 1 + np.nonzero(sizes >= min_area)[0])
        unreach = _outline(fg, (room.index, measure), sub, keep)
        ua = float(keep.sum()) * h * h
    else:
        ua = 0.0
    if not reached.any():
        return result(unreach=unreach if not unreach.is_empty else room.polygon, ua=max(ua, room.area))
    # worst cell, then refine to the room's corners that lie in free space
    flat = np.nanargmax(d)
    wj, wi = np.unravel_index(flat, d.shape)
    best = float(d[wj, wi])
    wpt = sub.centre(wj, wi)
    start = (wj, wi)
    verts = shapely.get_coordinates(shapely.get_rings(room.polygon))
    if len(verts):
        pi, oi = fg.obstacle_tree.query(shapely.points(verts), predicate="intersects")
        if measure != Measure.WALKING:
            pi = pi[fg.obstacles.cls[oi] == int(ObstacleClass.STRUCTURE)]
        ok = np.ones(len(verts), bool)
        ok[pi] = False
        verts = verts[ok]
    if len(verts):
        cj = np.floor((verts[:, 1] - sub.y0) / h + 0.5).astype(int)
        ci = np.floor((verts[:, 0] - sub.x0) / h + 0.5).astype(int)
        off = np.arange(-2, 3)
        oj, oi = np.meshgrid(off, off, indexing="ij")
        jj = np.clip(cj[:, None] + oj.ravel()[None, :], 0, sub.ny - 1)
        ii = np.clip(ci[:, None] + oi.ravel()[None, :], 0, sub.nx - 1)
        cx, cy = sub.x0 + ii * h, sub.y0 + jj * h
        step = np.hypot(cx - verts[:, 0:1], cy - verts[:, 1:2])
        val = d[jj, ii] + step
        val[~np.isfinite(val) | (step > 2.5 * h)] = np.inf
        k = np.argmin(val, axis=1)
        vbest = val[np.arange(len(verts)), k]
        if np.isfinite(vbest).any():
            m = int(np.argmax(np.where(np.isfinite(vbest), vbest, -np.inf)))
            if vbest[m] > best:
                best = float(vbest[m])
                wpt = (float(verts[m, 0]), float(verts[m, 1]))
                start = (int(jj[m, k[m]]), int(ii[m, k[m]]))
    return result(best, shapely.Point(wpt), lambda: _descend(sub, d, start, wpt, targets), unreach, ua)


def _descend(sub: Grid, d: np.ndarray, start: tuple[int, int], wpt, targets: tuple[Target, ...]):
    """Follow the negative gradient of the field from ``start`` to a target; a simplified polyline."""
    h = sub.cell
    valid = np.isfinite(d)
    # outside the measured cells, continue the field by the distance to the nearest measured cell, so
    # that near walls and furniture the gradient runs along them instead of into them
    gap, (nj, ni) = ndimage.distance_transform_edt(~valid, return_indices=True)
    f = d[nj, ni] + gap * h
    gy, gx = np.gradient(f, h)
    x, y = sub.centre(*start)
    pts = [wpt, (x, y)]
    step = 0.5 * h
    limit = 4 * (np.nanmax(d) / step + 10) if valid.any() else 0
    for _ in range(int(limit)):
        j, i = int(round((y - sub.y0) / h)), int(round((x - sub.x0) / h))
        if not (0 <= j < sub.ny and 0 <= i < sub.nx) or (valid[j, i] and d[j, i] <= h):
            break
        g0, g1 = gx[j, i], gy[j, i]
        n = math.hypot(g0, g1)
        if n < 1e-9:
            break
        x, y = x - step * g0 / n, y - step * g1 / n
        pts.append((x, y))
    end = shapely.Point(pts[-1])
    dists = [t.geometry.distance(end) for t in targets]
    t = targets[int(np.argmin(dists))]
    geom = t.geometry.boundary if t.kind == "stair" else t.geometry
    pts.append(shapely.shortest_line(end, geom).coords[-1])
    return shapely.LineString(pts).simplify(h * 0.5, preserve_topology=False), t.id


# --------------------------------------------------------------------------------------------
_STRAIGHT_DEPS = frozenset({EntityKind.FLOOR, EntityKind.WALL, EntityKind.DOOR, EntityKind.ZONE}) | {
    EntityKind.COLUMN, EntityKind.STAIR, EntityKind.LIFT}
_WALKING_DEPS = _STRAIGHT_DEPS | OBSTACLE_KINDS


def room_evacuation(fg: FloorGeometry, room: int, measure: Measure | str = Measure.STRAIGHT,
                    min_area: float = 1.0) -> RoomEvacuation:
    """Distance analysis of one room (cached; a moved counter re-marches only the rooms it touches)."""
    measure = Measure(measure)
    key = ("evac", measure, room, min_area)
    hit = fg._memo.get(key)  # the common case (~150 asks a frame): skip the room lookup and its bounds
    if hit is not None:
        return hit.value
    r = fg.rooms[room]
    deps = _WALKING_DEPS if measure == Measure.WALKING else _STRAIGHT_DEPS
    return fg.memo(key, deps, lambda: _room_evacuation(fg, r, measure, min_area), region=r.polygon.bounds)


def evacuation(fg: FloorGeometry, measure: Measure | str = Measure.STRAIGHT, min_area: float = 1.0) -> EvacuationResult:
    """Distance from every point of every room of the floor to the room's nearest exit/door.

    >>> from hallplan.model import Door, DoorKind, Floor, HallLevel, Plan, Polygon
    >>> f = Floor("f1", 1, Polygon.rect(0, 0, 40, 20))
    >>> f.doors["d"] = Door("d", DoorKind.EXIT, 0.6, 0.0, 0.0, 1.2, to_outside=True)
    >>> fg = FloorGeometry(Plan("t", HallLevel.TOWN, floors=[f]), "f1")
    >>> r = evacuation(fg).rooms[0]
    >>> abs(r.max_distance - math.hypot(40 - 1.2, 20)) < 0.15
    True
    """
    measure = Measure(measure)
    return EvacuationResult(fg.floor_id, measure,
                            tuple(room_evacuation(fg, r.index, measure, min_area) for r in fg.rooms))


def exit_targets(fg: FloorGeometry) -> tuple[Target, ...]:
    """The floor's exits: doors leading outside, and enclosed stairs off the discharge floor."""
    out = [Target(d.id, "door", d.segment) for d in fg.doors if d.exterior]
    if not fg.is_ground:
        out += [Target(s.id, "stair", shapely.Polygon(s.footprint())) for s in fg.floor.stairs.values() if s.enclosed]
    return tuple(out)


def distance_field(fg: FloorGeometry, measure: Measure | str = Measure.WALKING) -> DistanceField:
    """Floor-wide distance to the nearest exit through every open door (the editor's heat map)."""
    measure = Measure(measure)

    def build() -> DistanceField:
        grid = fg.grid
        h = grid.cell
        free = fg.inside_mask & ~fg.wall_mask & ~fg.structure_mask
        if measure == Measure.WALKING:
            free &= fg.movable_counts == 0
        targets = exit_targets(fg)
        # the door strips on the inside of each exit
        phi, tmask, strips = _target_phi(grid, fg, targets, lambda d: 1 if d.back.outside else -1, pad=0.0)
        vals = np.full(grid.shape, np.nan)
        if targets:
            if measure == Measure.WALKING:
                vals, _, _ = _walk(fg, grid, free, phi, tmask, strips)
            else:
                vals = _march(phi, free | tmask, h)
                vals[~free] = np.nan
        return DistanceField(fg.floor_id, measure, grid, vals, tuple(t.id for t in targets))

    deps = _WALKING_DEPS if measure == Measure.WALKING else _STRAIGHT_DEPS
    return fg.memo(("field", measure), deps, build)
