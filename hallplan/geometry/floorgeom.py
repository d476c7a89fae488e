"""Per-floor derived geometry, built lazily from the model and cached until a command touches it.

:class:`FloorGeometry` holds, for one floor of a plan:

* the outline, wall bodies (closed, and with door openings cut), rooms (the parts of the floor that
  fixed walls enclose) with the zones and doors of each, and door openings with what lies on each side;
* obstacles (columns, stairs, lifts, counters, furniture) as box arrays with an ``STRtree`` whose
  results map back to entity ids;
* the public free space, the staff space and the walkable space (vector), the same eroded by a
  radius (where the centre of a disc of that radius fits), and rasters over a common grid.

Every structure is memoised with the entity kinds it depends on. :meth:`FloorGeometry.invalidate`
drops only what a command's touched kinds could change. Moving counters or furniture is the drag
path and is incremental: the movable-obstacle raster is patched in place (old box out, new box in),
analyses memoised with a region (a room's box) survive when the change lies elsewhere, and the
eroded free space is rebuilt from a cached "everything but the dragged items" part.

Pure queries on this object (:mod:`~hallplan.geometry.evacuation`, :mod:`~hallplan.geometry.clearwidth`
…) return frozen dataclasses; nothing here mutates the plan.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

from hallplan.model import (
    COLLECTIONS,
    STAFF_ONLY_ZONES,
    Door,
    DoorKind,
    EntityKind,
    Floor,
    Furniture,
    FurnitureKind,
    Plan,
    WallKind,
    ZoneKind,
)
from hallplan.model.kinds import StrEnum

from .grid import Grid, box_cells, rasterize_boxes, rasterize_edges, rasterize_polygon
from .shapes import (
    MOVABLE_CLASSES,
    SIGHT_BLOCKING_FURNITURE,
    BoxArray,
    ObstacleClass,
    boxes,
    movable_box,
    obstacle_boxes,
    obstacle_class,
    polygon,
    wall_array,
)

CELL = 0.25
"""Raster cell (m). Fast marching at 0.25 m is within ~0.1 m of the exact distance (see bench/README)."""
MAX_CELLS = 120_000
"""Raster size cap per floor: above it the cell grows (a 20,000 m² floor gets 0.45 m cells)."""
SPLIT_CELLS = 60_000
"""Grids at least this big build their first standing mask in two halves (see ``_first_windows``)."""
PERSON_RADIUS = 0.25
"""Half the shoulder width of a walking person: gaps narrower than 0.50 m do not let anyone through."""

HALL_ZONES = frozenset(
    {
        ZoneKind.CONSULTATION, ZoneKind.WINDOW_SERVICE, ZoneKind.WAITING, ZoneKind.ENTERPRISE_SERVICE,
        ZoneKind.SELF_SERVICE, ZoneKind.SELF_SERVICE_24H, ZoneKind.BUSINESS_SERVICE, ZoneKind.CONVENIENCE,
        ZoneKind.PUBLICITY, ZoneKind.CERTIFICATE_ISSUE, ZoneKind.CHILDREN_PLAY,
    }
)
MOVABLE_KINDS = frozenset({EntityKind.WINDOW, EntityKind.FURNITURE})
STRUCTURE_KINDS = frozenset({EntityKind.COLUMN, EntityKind.STAIR, EntityKind.LIFT})
OBSTACLE_KINDS = MOVABLE_KINDS | STRUCTURE_KINDS
LAYOUT_KINDS = frozenset({EntityKind.FLOOR, EntityKind.WALL, EntityKind.DOOR, EntityKind.ZONE})
ALL_KINDS = frozenset(EntityKind) - {EntityKind.PLAN}
SIGHT_FURNITURE = "sight_furniture"
"""Pseudo-dependency: cameras and tall furniture (a moved seat row does not change what is seen)."""


class RoomKind(StrEnum):
    """What a room (a part of the floor enclosed by fixed walls) is used as, from its zones."""

    HALL = "hall"  # open public hall (营业厅-type space, GB 50016 5.5.17-4)
    CORRIDOR = "corridor"
    ROOM = "room"  # an enclosed public room (complaint, meeting …)
    TOILET = "toilet"
    STAFF = "staff"  # back office, archive, staff rooms


@dataclass(frozen=True)
class Room:
    """A part of the floor enclosed by fixed walls (doors closed); movable items do not split rooms."""

    index: int
    polygon: shapely.Polygon
    kind: RoomKind
    zone_ids: tuple[str, ...]
    door_ids: tuple[str, ...]
    stair_ids: tuple[str, ...]

    @property
    def area(self) -> float:
        return float(self.polygon.area)


@dataclass(frozen=True)
class DoorSide:
    """One side of a door: the room there (``None`` outside the floor) and the zones it stands in."""

    point: tuple[float, float]
    room: int | None
    zone_ids: tuple[str, ...]
    staff: bool

    @property
    def outside(self) -> bool:
        return self.room is None


@dataclass(frozen=True)
class DoorOpening:
    """A door as an opening: its line, the rectangle it cuts through its wall, and both sides.

    ``front`` is the side of the door's local +y (``normal``), ``back`` the other one.
    """

    id: str
    kind: DoorKind
    width: float
    centre: tuple[float, float]
    direction: tuple[float, float]
    normal: tuple[float, float]
    thickness: float
    host: str
    segment: shapely.LineString
    rect: shapely.Polygon
    front: DoorSide
    back: DoorSide

    @property
    def exterior(self) -> bool:
        """Leads out of the floor (an exit door in the outline)."""
        return self.front.outside or self.back.outside

    def side_of(self, room: int) -> int:
        """+1 if ``room`` is on the front side, -1 on the back, 0 if neither."""
        if self.front.room == room:
            return 1
        if self.back.room == room:
            return -1
        return 0

    def other(self, room: int) -> DoorSide | None:
        s = self.side_of(room)
        return self.back if s > 0 else self.front if s < 0 else None


@dataclass
class _Memo:
    deps: frozenset
    value: Any
    region: tuple[float, float, float, float] | None = None


class _MovableRaster:
    """Cell counts of the movable obstacles, patched per moved item (old box out, new box in)."""

    def __init__(self, grid: Grid, boxes: BoxArray, min_half: float) -> None:
        self.grid = grid
        self.min_half = min_half
        sel = np.isin(boxes.cls, [int(c) for c in MOVABLE_CLASSES])
        b = boxes.take(sel)
        self.counts = rasterize_boxes(grid, b.cx, b.cy, b.hw, b.hd, b.rot, min_half)
        self.snap: dict[str, tuple[float, ...]] = {
            i: (x, y, w, d, r) for i, x, y, w, d, r in zip(b.ids, b.cx, b.cy, b.hw, b.hd, b.rot, strict=False)
        }

    def _patch(self, params: tuple[float, ...], sign: int) -> tuple[float, float, float, float]:
        cx, cy, hw, hd, rot = params
        hw, hd = max(hw, self.min_half), max(hd, self.min_half)
        _, jj, ii = box_cells(self.grid, [cx], [cy], [hw], [hd], [rot])
        np.add.at(self.counts, (jj, ii), sign)
        e = abs(hw * math.cos(rot)) + abs(hd * math.sin(rot)), abs(hw * math.sin(rot)) + abs(hd * math.cos(rot))
        return (cx - e[0], cy - e[1], cx + e[0], cy + e[1])

    def update(self, floor: Floor, ids: Iterable[str]) -> list[tuple[float, float, float, float]]:
        changed = []
        for i in ids:
            old = self.snap.pop(i, None)
            e = floor.get(i)
            new = movable_box(e) if e is not None else None
            if old == new:
                if new is not None:
                    self.snap[i] = new
                continue
            if old is not None:
                changed.append(self._patch(old, -1))
            if new is not None:
                changed.append(self._patch(new, +1))
                self.snap[i] = new
        return changed


def _intersects(a: tuple[float, ...], b: tuple[float, ...], pad: float) -> bool:
    return not (a[2] + pad < b[0] or b[2] + pad < a[0] or a[3] + pad < b[1] or b[3] + pad < a[1])


def merge_overlapping(geoms: np.ndarray) -> np.ndarray:
    """The union of polygons as an array of disjoint polygons, each group of overlapping ones merged on
    its own (GEOS's disjoint-subset union: separate items are left as they are). Several times faster
    than one ``union_all`` over thousands of mostly separate items.

    >>> parts = merge_overlapping(np.array([shapely.box(0, 0, 2, 1), shapely.box(1, 0, 3, 1), shapely.box(5, 0, 6, 1)]))
    >>> sorted(round(p.area, 6) for p in parts)
    [1.0, 3.0]
    """
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) < 2:
        return geoms
    parts = shapely.get_parts(shapely.disjoint_subset_union_all(geoms))
    return parts[shapely.get_type_id(parts) == 3]


def dilate(geoms: np.ndarray, radius: float, merged: np.ndarray | None = None):
    """Union of geometries grown by ``radius`` (Minkowski sum with a disc, 4 segments a quarter) as a
    valid (multi)polygon. ``merged``: ``merge_overlapping(geoms)`` if already known (it does not depend
    on the radius, so one merge serves every radius)."""
    if len(geoms) == 0:
        return shapely.Polygon()
    parts = merge_overlapping(geoms) if merged is None else merged
    if radius > 0:
        parts = merge_overlapping(shapely.buffer(parts, radius, quad_segs=4))
    return shapely.multipolygons(list(parts)) if len(parts) > 1 else parts[0]


LOCAL_CUT_MIN = 5000
"""Vertices below which :func:`subtract_local` simply calls ``difference`` (a county hall: no gain)."""


def subtract_local(geom, cut):
    """``geom - cut`` for a small ``cut`` (a dragged item grown by a radius): only the parts of ``geom``
    whose box meets the cut's, and of those only the shell and the holes near the cut, go through the
    overlay; the far holes are put back as they were. Same point set as ``geom.difference(cut)``
    without re-noding a hall's thousands of holes each frame.

    >>> g = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(1, 1), (2, 1), (2, 2), (1, 2)], [(7, 7), (8, 7), (8, 8), (7, 8)]])
    >>> out = subtract_local(g, shapely.box(6.5, 6.5, 7.5, 7.5))  # a small polygon: plain difference
    >>> bool(shapely.equals(out, g.difference(shapely.box(6.5, 6.5, 7.5, 7.5)))), len(out.interiors)
    (True, 2)
    """
    if shapely.is_empty(cut) or shapely.get_num_coordinates(geom) < LOCAL_CUT_MIN:
        return shapely.difference(geom, cut)
    cx0, cy0, cx1, cy1 = shapely.bounds(cut)
    parts = shapely.get_parts(geom)
    b = shapely.bounds(parts)
    near = (b[:, 0] <= cx1) & (cx0 <= b[:, 2]) & (b[:, 1] <= cy1) & (cy0 <= b[:, 3])
    if not near.any():
        return geom
    if shapely.get_type_id(geom) != 3 or len(parts) != 1:
        out = list(parts[~near])
        for p in parts[near]:
            out.extend(shapely.get_parts(subtract_local(p, cut)))
        out = [p for p in out if not p.is_empty]
        return shapely.multipolygons(out) if len(out) > 1 else (out[0] if out else shapely.Polygon())
    n = shapely.get_num_interior_rings(geom)
    if n < 8 or shapely.get_num_coordinates(geom) < LOCAL_CUT_MIN:
        return shapely.difference(geom, cut)
    holes = shapely.get_interior_ring(geom, np.arange(n))
    hb = shapely.bounds(holes)
    hn = (hb[:, 0] <= cx1) & (cx0 <= hb[:, 2]) & (hb[:, 1] <= cy1) & (cy0 <= hb[:, 3])
    far = holes[~hn]
    q = shapely.get_parts(shapely.difference(shapely.polygons(shapely.get_exterior_ring(geom), holes[hn]), cut))
    q = q[shapely.get_type_id(q) == 3]
    if len(q) == 0:
        return shapely.difference(geom, cut)
    # each far hole goes back into the part whose shell is the smallest one around it (a part can lie
    # in another's hole)
    shells = shapely.polygons(shapely.get_exterior_ring(q))
    pts = shapely.point_on_surface(shapely.polygons(far))
    x, y = shapely.get_x(pts), shapely.get_y(pts)
    inside = np.array([shapely.contains_xy(sh, x, y) for sh in shells]).reshape(len(q), len(far))
    if not inside.any(axis=0).all():
        return shapely.difference(geom, cut)
    area = np.where(inside, shapely.area(shells)[:, None], np.inf)
    owner = np.argmin(area, axis=0)
    out = []
    for k, part in enumerate(q):
        inner = shapely.get_interior_ring(part, np.arange(shapely.get_num_interior_rings(part)))
        out.append(shapely.polygons(shapely.get_exterior_ring(part), np.concatenate([inner, far[owner == k]])))
    return out[0] if len(out) == 1 else shapely.multipolygons(out)


class FloorGeometry:
    """Lazily built, cached derived geometry of one floor (see the module docstring).

    >>> from hallplan.model import HallLevel, Plan, Floor, Polygon
    >>> p = Plan("t", HallLevel.TOWN, floors=[Floor("f1", 1, Polygon.rect(0, 0, 10, 5))])
    >>> fg = FloorGeometry(p, "f1")
    >>> round(fg.public_free.area, 6)
    50.0
    >>> [r.kind.value for r in fg.rooms]
    ['room']
    """

    def __init__(self, plan: Plan, floor_id: str, cell: float = CELL, person_radius: float = PERSON_RADIUS) -> None:
        self.plan = plan
        self.floor_id = floor_id
        self.cell = cell
        self.person_radius = person_radius
        self._memo: dict[Any, _Memo] = {}
        self._movable: _MovableRaster | None = None
        self._obstacle_index: tuple | None = None  # (ids array, id → row) of the obstacle arrays
        self._standing: np.ndarray | None = None  # standing_mask(), patched around moved items
        self._standing_dirty: list[tuple[float, float, float, float]] = []  # boxes moved since
        self._standing_job = None  # prefetch_standing()'s future
        self._drag_ids: frozenset[str] | None = None
        self._drag_rest: dict[Any, Any] = {}
        self.builds = 0  # number of memo misses (tests and bench read it)
        self.outlines: dict[Any, tuple] = {}  # last outline of cells per key (evacuation._outline): by mask, never stale
        self._snap: dict | None = self._take_snapshot()
        self._sight_seen = frozenset(f.id for f in plan.floor(floor_id).furniture.values() if f.kind in _SIGHT_KINDS)

    # --- memo -------------------------------------------------------------------------------
    @property
    def floor(self) -> Floor:
        return self.plan.floor(self.floor_id)

    def memo(self, key: Any, deps: Iterable[EntityKind], fn: Callable[[], Any],
             region: tuple[float, float, float, float] | None = None) -> Any:
        """The cached value of ``key``, computing it with ``fn`` on a miss. ``deps``: the entity kinds
        whose change invalidates it; ``region``: bounds outside which a moved counter or furniture item
        cannot change it."""
        m = self._memo.get(key)
        if m is not None:
            return m.value
        self.builds += 1
        v = fn()
        self._memo[key] = _Memo(frozenset(deps), v, region)
        return v

    # --- keeping up with the plan --------------------------------------------------------------
    def _take_snapshot(self) -> dict:
        f = self.floor
        snap = {attr: dict(getattr(f, attr)) for attr in COLLECTIONS.values()}
        snap["_floor"] = (f.outline, f.storey, tuple((x.id, x.storey) for x in self.plan.floors))
        return snap

    def sync(self) -> None:
        """Catch up with edits made without telling this object: compare the floor's entities with
        the ones last seen (by identity: entities are immutable) and invalidate what changed. Cheap
        (one dictionary pass per collection); the rule engine calls it through the cache."""
        if self._snap is None:
            self.invalidate({EntityKind.FLOOR})
            return
        f = self.floor
        head = (f.outline, f.storey, tuple((x.id, x.storey) for x in self.plan.floors))
        old_head = self._snap["_floor"]
        if head[0] is not old_head[0] or head[1:] != old_head[1:]:
            self.invalidate({EntityKind.FLOOR})
            return
        kinds: set[EntityKind] = set()
        ids: set[str] = set()
        for cls, attr in COLLECTIONS.items():
            cur = getattr(f, attr)
            old = self._snap[attr]
            if len(cur) == len(old) and all(old.get(k) is v for k, v in cur.items()):
                continue
            changed = {k for k, v in cur.items() if old.get(k) is not v} | (old.keys() - cur.keys())
            if changed:
                kinds.add(cls.KIND)
                ids |= changed
        if kinds:
            self.invalidate(kinds, ids)

    def invalidate(self, kinds: Iterable[EntityKind], entity_ids: Iterable[str] | None = None) -> None:
        """Drop what a change of ``kinds`` (entities ``entity_ids`` if known) could have changed."""
        kinds = frozenset(kinds)
        self._standing_job = None  # built from what may now be stale: let it finish unseen
        if EntityKind.FLOOR in kinds:
            self._memo.clear()
            self._movable = None
            self._standing = None
            self._standing_dirty = []
            self._drag_ids, self._drag_rest = None, {}
            try:
                self._snap = self._take_snapshot()
            except KeyError:  # the floor is gone
                self._snap = None
            return
        ids = frozenset(entity_ids) if entity_ids is not None else None
        self._refresh_snapshot(kinds, ids)
        changed: list | None = None
        patched = False
        if kinds and kinds <= MOVABLE_KINDS and ids:
            patched = self._patch_obstacles(ids)
            if self._movable is not None:
                changed = self._movable.update(self.floor, ids)
            if ids != self._drag_ids:
                self._drag_ids, self._drag_rest = ids, {}
        else:
            self._drag_ids, self._drag_rest = None, {}
            if kinds & MOVABLE_KINDS:
                self._movable = None
        if EntityKind.FURNITURE in kinds and (ids is None or self._sight_relevant(ids)):
            kinds = kinds | {SIGHT_FURNITURE}
        pad = self.person_radius + 2 * self.grid.cell
        for key in [k for k, m in self._memo.items() if m.deps & kinds]:
            if patched and key in ("obstacles", "obstacle_geoms"):
                continue
            m = self._memo[key]
            if changed is not None and m.region is not None and not any(_intersects(m.region, c, pad) for c in changed):
                continue
            del self._memo[key]
        if self._standing is not None and kinds & (LAYOUT_KINDS | OBSTACLE_KINDS):
            if changed is not None and kinds <= MOVABLE_KINDS:
                # only the cells near the moved items' old and new boxes can change: redone when next asked
                self._standing_dirty.extend(changed)
            else:
                self._standing = None
                self._standing_dirty = []

    def _patch_obstacles(self, ids: frozenset[str]) -> bool:
        """Rewrite the rows of the moved or resized items in the obstacle arrays (a drag frame) instead
        of rebuilding them from every entity of the floor. False (rebuild) when an item was added or
        removed, or stopped or started being an obstacle, or changed its class."""
        m = self._memo.get("obstacles")
        if m is None:
            return False
        arr: BoxArray = m.value
        if self._obstacle_index is None or self._obstacle_index[0] is not arr.ids:
            self._obstacle_index = (arr.ids, {str(x): k for k, x in enumerate(arr.ids)})
        index = self._obstacle_index[1]
        floor = self.floor
        rows, new = [], []
        for i in ids:
            e = floor.get(i)
            k = index.get(i)
            b = movable_box(e) if e is not None else None
            if (k is None) != (b is None):
                return False
            if k is None:
                continue
            if arr.cls[k] != int(obstacle_class(e)) or arr.round[k]:
                return False
            rows.append(k)
            new.append(b)
        if not rows:
            return True
        rows_a = np.array(rows)
        nb = np.array(new, dtype=float)
        cols = [a.copy() for a in (arr.cx, arr.cy, arr.hw, arr.hd, arr.rot)]
        for c, a in enumerate(cols):
            a[rows_a] = nb[:, c]
        patched = BoxArray(arr.ids, arr.cls, *cols, arr.round)
        self._memo["obstacles"] = _Memo(m.deps, patched, m.region)
        g = self._memo.get("obstacle_geoms")
        if g is not None:
            geoms = g.value.copy()
            geoms[rows_a] = boxes(nb[:, 0], nb[:, 1], 2 * nb[:, 2], 2 * nb[:, 3], nb[:, 4])
            self._memo["obstacle_geoms"] = _Memo(g.deps, geoms, g.region)
        return True

    def _refresh_snapshot(self, kinds: frozenset, ids: frozenset[str] | None) -> None:
        if self._snap is None:
            return
        f = self.floor
        for cls, attr in COLLECTIONS.items():
            if cls.KIND not in kinds:
                continue
            cur = getattr(f, attr)
            if ids is None:
                self._snap[attr] = dict(cur)
                continue
            snap = self._snap[attr]
            for i in ids:
                e = cur.get(i)
                if e is None:
                    snap.pop(i, None)
                else:
                    snap[i] = e

    def _sight_relevant(self, ids: frozenset[str]) -> bool:
        """Whether any of ``ids`` is or was a camera or a tall item (only those change what is seen);
        keeps the set of such ids up to date."""
        floor = self.floor
        hit = bool(ids & self._sight_seen)
        seen = set(self._sight_seen)
        for i in ids:
            e = floor.get(i)
            if _is_sight_item(e):
                hit = True
                seen.add(i)
            else:
                seen.discard(i)
        self._sight_seen = frozenset(seen)
        return hit

    # --- basic structures --------------------------------------------------------------------
    @property
    def storey(self) -> int:
        return self.floor.storey

    @property
    def is_ground(self) -> bool:
        """The discharge floor (lowest storey ≥ 1): stairs there lead up, they are not exits."""
        g = self.plan.ground_floor()
        return g is not None and g.id == self.floor_id

    @property
    def outline(self) -> shapely.Polygon:
        return self.memo("outline", {EntityKind.FLOOR}, lambda: shapely.make_valid(polygon(self.floor.outline)))

    @property
    def grid(self) -> Grid:
        def build():
            # keep the raster under MAX_CELLS: 0.25 m up to ~7,500 m² a floor, coarser above
            h = max(self.cell, math.ceil(math.sqrt(self.outline.area / MAX_CELLS) / 0.05 - 1e-9) * 0.05)
            return Grid.covering(self.outline.bounds, h, margin=3)
        return self.memo("grid", {EntityKind.FLOOR}, build)

    @property
    def walls(self):
        return self.memo("walls", {EntityKind.WALL}, lambda: wall_array(self.floor))

    @property
    def wall_polygons(self) -> np.ndarray:
        """Wall bodies (true thickness), parallel to ``walls.ids``."""
        return self.memo("wall_polygons", {EntityKind.WALL}, lambda: self.walls.polygons())

    def walls_touching(self, geom) -> set[str]:
        """Ids of the walls whose body meets ``geom``."""
        w = self.walls
        if len(w.ids) == 0:
            return set()
        return {str(i) for i in w.ids[shapely.intersects(self.wall_polygons, geom)]}

    def _wall_union(self, exclude_low: bool, min_thickness: float = 0.0):
        w = self.walls
        if len(w.ids) == 0:
            return shapely.Polygon()
        sel = np.array([not (exclude_low and k == WallKind.LOW) for k in w.kinds])
        return shapely.union_all(w.polygons(min_thickness)[sel])

    @property
    def walls_closed(self):
        """Fixed walls and partitions (low railings excluded) with every door shut: rooms' boundaries."""
        return self.memo("walls_closed", {EntityKind.WALL}, lambda: self._wall_union(True))

    def door_rects(self, kinds: Iterable[DoorKind] | None = None):
        """Union of door opening rectangles (width × host thickness + margin) of the given kinds."""
        sel = None if kinds is None else frozenset(kinds)
        ops = [d for d in self.doors if sel is None or d.kind in sel]
        return shapely.union_all([d.rect for d in ops]) if ops else shapely.Polygon()

    def walls_open(self, staff_doors_open: bool = True):
        """All walls (low railings included) with door openings cut; staff doors shut if asked."""
        def build():
            walls = self._wall_union(False)
            kinds = None if staff_doors_open else [k for k in DoorKind if k != DoorKind.STAFF_DOOR]
            return walls.difference(self.door_rects(kinds))
        return self.memo(("walls_open", staff_doors_open), {EntityKind.WALL, EntityKind.DOOR}, build)

    @property
    def interior(self):
        """The outline minus the wall bodies (doors shut)."""
        return self.memo("interior", {EntityKind.WALL}, lambda: self.outline.difference(self.walls_closed))

    @property
    def zones(self) -> tuple[list[str], list[ZoneKind], np.ndarray]:
        """Zone ids, kinds and shapely polygons (valid), in a stable order."""
        def build():
            zs = sorted(self.floor.zones.values(), key=lambda z: z.id)
            geoms = np.array([shapely.make_valid(polygon(z.polygon)) for z in zs], dtype=object)
            return [z.id for z in zs], [z.kind for z in zs], geoms
        return self.memo("zones", {EntityKind.ZONE}, build)

    @property
    def staff_zones(self):
        """Union of the staff-only zones (back office, archive, staff rooms …)."""
        def build():
            _, kinds, geoms = self.zones
            sel = [g for k, g in zip(kinds, geoms, strict=False) if k in STAFF_ONLY_ZONES]
            return shapely.union_all(sel) if sel else shapely.Polygon()
        return self.memo("staff_zones", {EntityKind.ZONE}, build)

    def zones_at(self, points: np.ndarray) -> list[tuple[str, ...]]:
        """For each (x, y) point, the ids of the zones containing it."""
        ids, _, geoms = self.zones
        out: list[list[str]] = [[] for _ in range(len(points))]
        if len(ids) == 0 or len(points) == 0:
            return [()] * len(points)
        tree = self.memo("zone_tree", {EntityKind.ZONE}, lambda: shapely.STRtree(geoms))
        pi, zi = tree.query(shapely.points(points), predicate="intersects")
        for p, z in zip(pi, zi, strict=False):
            out[p].append(ids[z])
        return [tuple(sorted(o)) for o in out]

    # --- obstacles ---------------------------------------------------------------------------
    @property
    def obstacles(self) -> BoxArray:
        """Every obstacle as boxes (ids map back to entities)."""
        return self.memo("obstacles", OBSTACLE_KINDS, lambda: obstacle_boxes(self.floor))

    @property
    def obstacle_geoms(self) -> np.ndarray:
        return self.memo("obstacle_geoms", OBSTACLE_KINDS, lambda: self.obstacles.geometries())

    @property
    def obstacle_tree(self) -> shapely.STRtree:
        """STRtree over :attr:`obstacle_geoms`; map result indices to ids with :meth:`obstacle_ids`."""
        return self.memo("obstacle_tree", OBSTACLE_KINDS, lambda: shapely.STRtree(self.obstacle_geoms))

    def obstacle_ids(self, indices) -> list[str]:
        return [str(i) for i in self.obstacles.ids[np.asarray(indices, dtype=np.int64)]]

    def query_obstacles(self, geom, predicate: str | None = "intersects",
                        classes: Iterable[ObstacleClass] | None = None) -> list[str]:
        """Ids of the obstacles meeting ``geom`` (optionally only of some classes)."""
        idx = self.obstacle_tree.query(geom, predicate=predicate)
        if classes is not None:
            allowed = np.isin(self.obstacles.cls[idx], [int(c) for c in classes])
            idx = idx[allowed]
        return self.obstacle_ids(np.sort(idx))

    def obstacle_union(self, classes: Iterable[ObstacleClass]):
        cl = tuple(sorted(int(c) for c in classes))
        deps = STRUCTURE_KINDS if cl == (int(ObstacleClass.STRUCTURE),) else OBSTACLE_KINDS

        def build():
            sel = np.isin(self.obstacles.cls, cl)
            g = self.obstacle_geoms[sel]
            return dilate(g, 0.0) if len(g) else shapely.Polygon()
        return self.memo(("obstacle_union", cl), deps, build)

    # --- doors and rooms ---------------------------------------------------------------------
    @property
    def doors(self) -> tuple[DoorOpening, ...]:
        """Door openings with the room and zones on each side (sorted by id)."""
        return self.memo("doors", {EntityKind.DOOR, EntityKind.WALL, EntityKind.ZONE}, self._build_doors)

    def _host_thickness(self, d: Door) -> float:
        w = self.walls
        if d.host:
            hit = np.nonzero(w.ids == d.host)[0]
            if len(hit):
                return float(w.thickness[hit[0]])
        if len(w.ids):
            near = shapely.dwithin(w.lines, shapely.Point(d.x, d.y), w.thickness / 2 + 0.05)
            if near.any():
                return float(w.thickness[near].max())
        return 0.0

    def _build_doors(self) -> tuple[DoorOpening, ...]:
        ds = sorted(self.floor.doors.values(), key=lambda d: d.id)
        if not ds:
            return ()
        th = [self._host_thickness(d) for d in ds]
        a = np.radians([d.rotation for d in ds])
        u = np.column_stack([np.cos(a), np.sin(a)])
        n = np.column_stack([-np.sin(a), np.cos(a)])
        c = np.array([(d.x, d.y) for d in ds])
        off = np.array(th) / 2 + 0.3
        pf = c + n * off[:, None]
        pb = c - n * off[:, None]
        rooms_f, rooms_b = self.room_at(pf), self.room_at(pb)
        zf, zb = self.zones_at(pf), self.zones_at(pb)
        staff = self.staff_zones
        sf = shapely.intersects_xy(staff, pf[:, 0], pf[:, 1]) if not staff.is_empty else np.zeros(len(ds), bool)
        sb = shapely.intersects_xy(staff, pb[:, 0], pb[:, 1]) if not staff.is_empty else np.zeros(len(ds), bool)
        rect = boxes(c[:, 0], c[:, 1], np.array([d.width for d in ds]), np.array(th) + 0.1, a)
        out = []
        for k, d in enumerate(ds):
            e0, e1 = d.endpoints()
            front = DoorSide(tuple(pf[k]), rooms_f[k], zf[k], bool(sf[k]))
            back = DoorSide(tuple(pb[k]), rooms_b[k], zb[k], bool(sb[k]))
            if d.to_outside:  # the model says which side is outdoors; trust it over the sampled point
                if d.outside_side > 0:
                    front = DoorSide(front.point, None, (), False)
                else:
                    back = DoorSide(back.point, None, (), False)
            out.append(DoorOpening(
                d.id, d.kind, d.width, (d.x, d.y), tuple(u[k]), tuple(n[k]), th[k], d.host,
                shapely.LineString([e0, e1]), rect[k], front, back,
            ))
        return tuple(out)

    @property
    def room_polygons(self) -> np.ndarray:
        """Parts of the floor enclosed by fixed walls, largest first."""
        def build():
            parts = shapely.get_parts(shapely.make_valid(self.interior))
            parts = [p for p in parts if isinstance(p, shapely.Polygon) and p.area >= 0.5]
            parts.sort(key=lambda p: (-round(p.area, 3), p.bounds))
            return np.array(parts, dtype=object)
        return self.memo("room_polygons", {EntityKind.WALL}, build)

    def room_at(self, points: np.ndarray) -> list[int | None]:
        """Room index containing each (x, y) point (``None`` outside every room)."""
        polys = self.room_polygons
        out: list[int | None] = [None] * len(points)
        if len(polys) == 0 or len(points) == 0:
            return out
        tree = self.memo("room_tree", {EntityKind.WALL}, lambda: shapely.STRtree(polys))
        pi, ri = tree.query(shapely.points(np.asarray(points)), predicate="intersects")
        for p, r in zip(pi, ri, strict=False):
            if out[p] is None or r < out[p]:
                out[p] = int(r)
        return out

    @property
    def rooms(self) -> tuple[Room, ...]:
        """Rooms with their kind (from their zones), zones, doors and stairs."""
        return self.memo("rooms", {EntityKind.WALL, EntityKind.ZONE, EntityKind.DOOR, EntityKind.STAIR},
                         self._build_rooms)

    def _build_rooms(self) -> tuple[Room, ...]:
        polys = self.room_polygons
        zids, zkinds, zgeoms = self.zones
        doors = self.doors
        stairs = sorted(self.floor.stairs.values(), key=lambda s: s.id)
        stair_room = self.room_at(np.array([(s.x, s.y) for s in stairs])) if stairs else []
        rooms = []
        for i, poly in enumerate(polys):
            by_kind: dict[ZoneKind, float] = {}
            zin = []
            if len(zids):
                inter = shapely.area(shapely.intersection(zgeoms, poly))
                for zid, k, a, g in zip(zids, zkinds, inter, zgeoms, strict=False):
                    if a >= min(1.0, 0.5 * g.area) and a > 1e-6:
                        zin.append(zid)
                        by_kind[k] = by_kind.get(k, 0.0) + a
            dids = tuple(d.id for d in doors if d.side_of(i))
            main = any(d.kind == DoorKind.MAIN_ENTRANCE and d.side_of(i) for d in doors)
            rooms.append(Room(i, poly, _room_kind(by_kind, poly.area, main), tuple(zin), dids,
                              tuple(s.id for s, r in zip(stairs, stair_room, strict=False) if r == i)))
        return tuple(rooms)

    # --- vector free space -------------------------------------------------------------------
    def region(self, which: str = "public"):
        """Space before obstacles: ``public`` (outline − walls with staff doors shut − staff zones),
        ``staff`` (staff zones − walls), ``all`` (outline − walls, every door open) or ``nostaff``
        (outline − walls, staff doors shut: where someone without a staff key can walk)."""
        def build():
            if which == "public":
                return self.outline.difference(self.walls_open(False)).difference(self.staff_zones)
            if which == "staff":
                return self.outline.intersection(self.staff_zones).difference(self.walls_open(True))
            if which == "all":
                return self.outline.difference(self.walls_open(True))
            if which == "nostaff":
                return self.outline.difference(self.walls_open(False))
            raise ValueError(f"unknown region {which!r}")
        return self.memo(("region", which), LAYOUT_KINDS, build)

    @property
    def public_free(self):
        """Public free space: outline minus walls, columns, counters, furniture, partitions and
        staff-only zones (staff doors shut)."""
        return self.free("public")

    def free(self, which: str = "public"):
        return self.eroded(0.0, which)

    def eroded_region(self, radius: float, which: str = "public"):
        r = round(radius, 6)
        if r <= 0:
            return self.region(which)
        return self.memo(("eroded_region", which, r), LAYOUT_KINDS,
                         lambda: shapely.buffer(self.region(which), -r, quad_segs=4))

    def dilated(self, radius: float):
        """All obstacles grown by ``radius`` (drag-aware: see :meth:`eroded`)."""
        r = round(radius, 6)
        if r == round(self.person_radius, 6):
            self._take_whole_floor_job()
        return self.memo(("dilated", r), OBSTACLE_KINDS, lambda: dilate(self.obstacle_geoms, r, self._merged()))

    def _merged(self) -> np.ndarray:
        """The obstacles merged into disjoint polygons (shared by every radius of :meth:`dilated`)."""
        self._take_whole_floor_job()
        return self.memo("merged_obstacles", OBSTACLE_KINDS, lambda: merge_overlapping(self.obstacle_geoms))

    def eroded(self, radius: float, which: str = "public"):
        """Free space eroded by ``radius``: the set of centres of discs of that radius that fit.

        Exact via (A − B) ⊖ D = (A ⊖ D) − (B ⊕ D). While one set of items is being dragged, the part
        without them is kept and each frame only subtracts the dragged items grown by the radius.
        """
        r = round(radius, 6)
        key = ("eroded", which, r)
        m = self._memo.get(key)
        if m is not None:
            return m.value
        base = self.eroded_region(r, which)
        boxes = self.obstacles
        S = self._drag_ids
        if S and len(boxes):
            ins = np.isin(boxes.ids, list(S))
            rest = self._drag_rest.get(key)
            if rest is None:
                rkey = ("dilated_rest", r)
                drest = self._drag_rest.get(rkey)
                if drest is None:
                    merged = self._drag_rest.get("merged_rest")
                    if merged is None:
                        merged = self._drag_rest["merged_rest"] = merge_overlapping(self.obstacle_geoms[~ins])
                    drest = self._drag_rest[rkey] = dilate(self.obstacle_geoms[~ins], r, merged)
                rest = self._drag_rest[key] = base.difference(drest)
            moving = self.obstacle_geoms[ins]
            val = subtract_local(rest, dilate(moving, r)) if len(moving) else rest
        else:
            val = base.difference(self.dilated(r)) if len(boxes) else base
        return self.memo(key, ALL_KINDS, lambda: val)

    def erosion_at_hand(self, radius: float, which: str = "public") -> bool:
        """True when :meth:`eroded` is cheap to ask: already built, or patched per frame while a drag
        is in progress (its part without the dragged items is kept)."""
        return ("eroded", which, round(radius, 6)) in self._memo or self._drag_ids is not None

    def standing_mask(self) -> np.ndarray:
        """Cells of the floor's grid where the centre of a walking person can be: the free space (public
        and staff) eroded by the person's radius, exact and vector, rasterised conservatively (cells
        the eroded space's edges touch count), so a 0.60 m gap between desks stays a chain of cells
        while a 0.40 m gap between counters has none. A moved counter or item re-rasterises only the
        cells around its old and new place."""
        if self._standing is None:
            if not self._take_standing_job():
                self.builds += 1
                st = np.zeros(self.grid.shape, bool)
                for win in self._first_windows():
                    st[win] = self._standing_cells(self.grid.sub(win))
                self._standing, self._standing_dirty = st, []
        elif self._standing_dirty:
            b = np.array(self._standing_dirty)
            self._standing_dirty = []
            pad = self.person_radius + 2 * self.grid.cell
            # one window over all the changed boxes (a drag step moves an item less than its size)
            win = self.grid.window((b[:, 0].min() - pad, b[:, 1].min() - pad, b[:, 2].max() + pad, b[:, 3].max() + pad), pad=1)
            self._standing[win] = self._standing_cells(self.grid.sub(win))
        return self._standing

    def _first_windows(self) -> list[tuple[slice, slice]]:
        """The windows of a first build of :meth:`standing_mask`: the whole grid, or its two halves on
        a big floor (each half grows only the obstacles near it: two smaller unions, which
        :meth:`prefetch_standing` runs side by side). Fixed by the grid, so the mask does not depend
        on whether it was prefetched."""
        g = self.grid
        if g.nx * g.ny < SPLIT_CELLS or g.nx < 8:
            return [(slice(0, g.ny), slice(0, g.nx))]
        m = g.nx // 2
        return [(slice(0, g.ny), slice(0, m)), (slice(0, g.ny), slice(m, g.nx))]

    def prefetch_standing(self) -> None:
        """Start the first build of :meth:`standing_mask` (with the obstacles merged and grown by the
        person's radius, which it needs) in worker threads, one per window of :meth:`_first_windows`.
        GEOS releases the GIL, so on a big hall this ~100 ms overlaps with the checks the caller runs
        meanwhile; the first :meth:`standing_mask` (or :meth:`dilated` at that radius) takes the
        result. A change to the floor before then drops it."""
        r = round(self.person_radius, 6)
        if self._standing is not None or self._standing_job is not None or ("dilated", r) in self._memo:
            return
        jobs = []
        try:
            for win in self._first_windows():
                sub = self.grid.sub(win)
                e, near = self._standing_inputs(sub)
                geoms = self.obstacle_geoms if near is None else self.obstacle_geoms[near]
                jobs.append((win, _pool().submit(_standing_job, sub, e, geoms, r, near is None)))
        except Exception:  # noqa: BLE001 - only a head start: the mask, built when asked, reports the error there
            return
        self._standing_job = jobs

    def _take_standing_job(self) -> bool:
        """Install the result of :meth:`prefetch_standing` if one is pending (waiting for it)."""
        jobs, self._standing_job = self._standing_job, None
        if jobs is None:
            return False
        st = np.zeros(self.grid.shape, bool)
        r = round(self.person_radius, 6)
        for win, job in jobs:
            merged, grown, st[win] = job.result()
            if merged is not None:
                self._memo.setdefault("merged_obstacles", _Memo(OBSTACLE_KINDS, merged))
                self._memo.setdefault(("dilated", r), _Memo(OBSTACLE_KINDS, grown))
        self.builds += 1
        self._standing, self._standing_dirty = st, []
        return True

    def _standing_inputs(self, sub: Grid):
        """(free space eroded by the person's radius clipped to the window ``sub`` plus a cell, indices
        of the obstacles near it: ``None`` when that is every obstacle, empty when none counts)."""
        h, r = sub.cell, self.person_radius
        box = (sub.x0 - h, sub.y0 - h, sub.x0 + sub.nx * h, sub.y0 + sub.ny * h)
        e = shapely.clip_by_rect(self.eroded_region(r, "all"), *box)
        if e.is_empty or not len(self.obstacles):
            return e, np.zeros(0, np.int64)
        near = self.obstacle_tree.query(shapely.box(box[0] - 2 * r, box[1] - 2 * r, box[2] + 2 * r, box[3] + 2 * r))
        return e, (None if len(near) == len(self.obstacles) else np.sort(near))

    def _take_whole_floor_job(self) -> None:
        """Wait for a pending one-window prefetch: it brings the merged obstacles and their growth by
        the person's radius (a floor built in halves brings neither: nothing to wait for)."""
        if self._standing_job is not None and len(self._standing_job) == 1:
            self._take_standing_job()

    def _standing_cells(self, sub: Grid) -> np.ndarray:
        """:meth:`standing_mask` over the window ``sub``, from the obstacles near it only."""
        e, near = self._standing_inputs(sub)
        if near is None:  # the whole floor: the memoised dilation
            return _cut_and_rasterize(sub, e, self.dilated(self.person_radius))
        return _cut_and_rasterize(sub, e, dilate(self.obstacle_geoms[near], self.person_radius) if len(near) else None)

    # --- rasters -----------------------------------------------------------------------------
    @property
    def inside_mask(self) -> np.ndarray:
        return self.memo("inside_mask", {EntityKind.FLOOR}, lambda: rasterize_polygon(self.grid, self.outline))

    @property
    def room_labels(self) -> np.ndarray:
        """Raster of room indices (-1 outside every room)."""
        def build():
            lab = np.full(self.grid.shape, -1, dtype=np.int32)
            for i, p in enumerate(self.room_polygons):
                lab[rasterize_polygon(self.grid, p)] = i
            return lab
        return self.memo("room_labels", {EntityKind.WALL}, build)

    @property
    def wall_mask(self) -> np.ndarray:
        """Walls with door openings cut, at least one cell thick so that no path leaks through."""
        def build():
            w = self.walls
            if len(w.ids) == 0:
                return np.zeros(self.grid.shape, bool)
            thick = shapely.union_all(w.polygons(self.grid.cell * 1.05)).difference(self.door_rects())
            return rasterize_polygon(self.grid, thick)
        return self.memo("wall_mask", {EntityKind.WALL, EntityKind.DOOR}, build)

    @property
    def structure_mask(self) -> np.ndarray:
        """Cells covered by columns, stairs and lifts."""
        def build():
            b = self.obstacles
            s = b.take(b.cls == int(ObstacleClass.STRUCTURE))
            return rasterize_boxes(self.grid, s.cx, s.cy, s.hw, s.hd, s.rot, self.grid.cell * 0.51) > 0
        return self.memo("structure_mask", STRUCTURE_KINDS, build)

    @property
    def movable_counts(self) -> np.ndarray:
        """Per-cell count of counters and blocking furniture (patched in place on moves)."""
        if self._movable is None:
            self.builds += 1
            self._movable = _MovableRaster(self.grid, self.obstacles, self.grid.cell * 0.51)
        return self._movable.counts


_POOL: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _POOL
    if _POOL is None:  # jobs never wait for other jobs: no deadlock however many are queued
        _POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="hallplan-geometry")
    return _POOL


def _cut_and_rasterize(sub: Grid, e, grown) -> np.ndarray:
    """Standing cells of the window ``sub``: ``e`` minus the grown obstacles, rasterised with the
    cells its edges touch."""
    if grown is not None and not e.is_empty:
        e = shapely.difference(e, grown)
    return rasterize_edges(sub, e, rasterize_polygon(sub, e))


def _standing_job(sub: Grid, e, geoms: np.ndarray, r: float, whole: bool):
    """One window of a prefetched :meth:`FloorGeometry.standing_mask`, as a pure function of its inputs
    (it runs in a worker thread): (merged obstacles, obstacles grown by ``r``, standing cells); the
    first two only when ``geoms`` are all of the floor's (``whole``), as the memo keeps them."""
    if whole:
        merged = merge_overlapping(geoms)
        grown = dilate(geoms, r, merged)
        return merged, grown, _cut_and_rasterize(sub, e, grown)
    return None, None, _cut_and_rasterize(sub, e, dilate(geoms, r) if len(geoms) else None)


_SIGHT_KINDS = frozenset({FurnitureKind.CCTV_CAMERA}) | SIGHT_BLOCKING_FURNITURE


def _is_sight_item(e) -> bool:
    return isinstance(e, Furniture) and e.kind in _SIGHT_KINDS


def _room_kind(by_kind: dict[ZoneKind, float], area: float, has_main_entrance: bool) -> RoomKind:
    hall = sum(a for k, a in by_kind.items() if k in HALL_ZONES)
    if hall >= min(5.0, 0.2 * area) or (has_main_entrance and not by_kind):
        return RoomKind.HALL
    if not by_kind:
        return RoomKind.ROOM
    top = max(by_kind, key=by_kind.get)
    if top == ZoneKind.CIRCULATION:
        return RoomKind.CORRIDOR
    if top.is_toilet:
        return RoomKind.TOILET
    if top in STAFF_ONLY_ZONES:
        return RoomKind.STAFF
    return RoomKind.ROOM
