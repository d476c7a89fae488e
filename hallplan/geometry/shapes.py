"""Model entities as shapely geometry, built as arrays (one vectorised call per kind, no loop over
thousands of shapely objects).

Obstacles are described by plain numpy box parameters (centre, half width, half depth, rotation) so
the same data feeds the raster (:func:`hallplan.geometry.grid.rasterize_boxes`) and the vector side
(:func:`boxes`).

>>> import numpy as np
>>> b = boxes(np.array([1.0]), np.array([1.0]), np.array([1.0]), np.array([0.5]), np.array([0.0]))
>>> b[0].bounds
(0.5, 0.75, 1.5, 1.25)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import shapely

from hallplan.model import Floor, FurnitureKind, Polygon, WallKind


class ObstacleClass(IntEnum):
    """What an obstacle is, which decides the analyses it takes part in."""

    STRUCTURE = 0  # columns, stairs, lifts: fixed; block walking, straight-line measure and sight
    COUNTER = 1  # service counters: block walking only (a camera sees over them)
    FURNITURE = 2  # movable furniture that blocks walking
    TALL = 3  # tall furniture (cabinets): blocks walking and sight


SIGHT_BLOCKING_FURNITURE = frozenset({FurnitureKind.CABINET})
MOVABLE_CLASSES = (ObstacleClass.COUNTER, ObstacleClass.FURNITURE, ObstacleClass.TALL)
FURNITURE_CLASS: dict[FurnitureKind, ObstacleClass | None] = {
    k: None if not k.is_obstacle else ObstacleClass.TALL if k in SIGHT_BLOCKING_FURNITURE else ObstacleClass.FURNITURE
    for k in FurnitureKind
}
"""The obstacle class of each kind of furniture (None: it blocks nothing, e.g. a wall-mounted camera)."""


def polygon(p: Polygon) -> shapely.Polygon:
    """A model :class:`~hallplan.model.Polygon` as a shapely polygon."""
    return shapely.Polygon(p.exterior, p.holes)


@dataclass(frozen=True)
class BoxArray:
    """Obstacles as parallel arrays: ids, class, centre, half sizes, rotation (radians), round flag."""

    ids: np.ndarray  # object array of str
    cls: np.ndarray  # int8 ObstacleClass
    cx: np.ndarray
    cy: np.ndarray
    hw: np.ndarray
    hd: np.ndarray
    rot: np.ndarray
    round: np.ndarray  # bool (round columns: a circle of radius hw)

    def __len__(self) -> int:
        return len(self.ids)

    def take(self, sel) -> BoxArray:
        return BoxArray(*(getattr(self, f)[sel] for f in ("ids", "cls", "cx", "cy", "hw", "hd", "rot", "round")))

    def geometries(self) -> np.ndarray:
        g = boxes(self.cx, self.cy, 2 * self.hw, 2 * self.hd, self.rot)
        if self.round.any():
            r = np.nonzero(self.round)[0]
            g[r] = shapely.buffer(shapely.points(self.cx[r], self.cy[r]), self.hw[r], quad_segs=4)
        return g

    def bounds(self) -> np.ndarray:
        """(n, 4) axis-aligned bounds."""
        c, s = np.abs(np.cos(self.rot)), np.abs(np.sin(self.rot))
        ex = self.hw * c + self.hd * s
        ey = self.hw * s + self.hd * c
        return np.column_stack([self.cx - ex, self.cy - ey, self.cx + ex, self.cy + ey])


def boxes(cx, cy, width, depth, rot) -> np.ndarray:
    """Rotated rectangles as an array of shapely polygons (rotation in radians)."""
    cx, cy, width, depth, rot = (np.atleast_1d(np.asarray(a, dtype=float)) for a in (cx, cy, width, depth, rot))
    c, s = np.cos(rot), np.sin(rot)
    lx = np.array([-0.5, 0.5, 0.5, -0.5, -0.5])[None, :] * width[:, None]
    ly = np.array([-0.5, -0.5, 0.5, 0.5, -0.5])[None, :] * depth[:, None]
    x = cx[:, None] + c[:, None] * lx - s[:, None] * ly
    y = cy[:, None] + s[:, None] * lx + c[:, None] * ly
    return shapely.polygons(np.stack([x, y], axis=-1))


def obstacle_boxes(floor: Floor) -> BoxArray:
    """Every obstacle on a floor: columns, stairs, lifts, counters and blocking furniture."""
    st, ctr = int(ObstacleClass.STRUCTURE), int(ObstacleClass.COUNTER)
    # one tuple per item (a 20,000 m² hall has thousands: no per-item calls)
    rows = [(c.id, st, c.x, c.y, c.width, c.width if c.round else c.depth, c.rotation, c.round)
            for c in floor.columns.values()]
    rows += [(s.id, st, s.x, s.y, s.width, s.depth, s.rotation, False) for s in floor.stairs.values()]
    rows += [(x.id, st, x.x, x.y, x.width, x.depth, x.rotation, False) for x in floor.lifts.values()]
    rows += [(w.id, ctr, w.x, w.y, w.length, w.depth, w.rotation, False) for w in floor.windows.values()]
    rows += [(f.id, int(c), f.x, f.y, f.width, f.depth, f.rotation, False)
             for f in floor.furniture.values() if (c := FURNITURE_CLASS[f.kind]) is not None]
    if not rows:
        e = np.zeros(0)
        return BoxArray(np.array([], dtype=object), np.zeros(0, np.int8), e, e.copy(), e.copy(), e.copy(), e.copy(),
                        np.zeros(0, bool))
    ids, cls, cx, cy, w, d, rot, rnd = zip(*rows, strict=True)
    return BoxArray(
        np.array(ids, dtype=object), np.array(cls, dtype=np.int8), np.array(cx, dtype=float), np.array(cy, dtype=float),
        np.array(w, dtype=float) / 2.0, np.array(d, dtype=float) / 2.0, np.radians(np.array(rot, dtype=float)),
        np.array(rnd, dtype=bool),
    )


def obstacle_class(entity) -> ObstacleClass | None:
    """The obstacle class of a counter or furniture item (None when it is no obstacle)."""
    from hallplan.model import Furniture, ServiceWindow

    if isinstance(entity, ServiceWindow):
        return ObstacleClass.COUNTER
    if isinstance(entity, Furniture):
        return FURNITURE_CLASS[entity.kind]
    return None


def movable_box(entity) -> tuple[float, float, float, float, float] | None:
    """Box parameters (cx, cy, hw, hd, rot) of a counter or blocking furniture item, else None."""
    from hallplan.model import Furniture, ServiceWindow

    if isinstance(entity, ServiceWindow):
        return (entity.x, entity.y, entity.length / 2, entity.depth / 2, math.radians(entity.rotation))
    if isinstance(entity, Furniture) and entity.kind.is_obstacle:
        return (entity.x, entity.y, entity.width / 2, entity.depth / 2, math.radians(entity.rotation))
    return None


@dataclass(frozen=True)
class WallArray:
    ids: np.ndarray
    kinds: tuple[WallKind, ...]
    thickness: np.ndarray
    lines: np.ndarray  # shapely LineStrings (centre lines)

    def polygons(self, min_thickness: float = 0.0) -> np.ndarray:
        """Wall bodies (flat ends, mitred joints), at least ``min_thickness`` thick."""
        if len(self.ids) == 0:
            return np.array([], dtype=object)
        t = np.maximum(self.thickness, min_thickness)
        return shapely.buffer(self.lines, t / 2.0, cap_style="flat", join_style="mitre")


def wall_array(floor: Floor) -> WallArray:
    walls = [w for w in floor.walls.values() if len(w.points) >= 2]
    if not walls:
        return WallArray(np.array([], dtype=object), (), np.zeros(0), np.array([], dtype=object))
    coords = np.array([p for w in walls for p in w.points], dtype=float)
    idx = np.repeat(np.arange(len(walls)), [len(w.points) for w in walls])
    lines = shapely.linestrings(coords, indices=idx)
    return WallArray(
        np.array([w.id for w in walls], dtype=object), tuple(w.kind for w in walls),
        np.array([w.thickness for w in walls], dtype=float), lines,
    )
