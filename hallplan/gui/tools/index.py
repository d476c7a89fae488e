"""A uniform-grid spatial index over one floor, updated incrementally (stdlib only).

A bucket grid suits an editor: inserting, removing and moving one item costs a handful of dict
operations (no tree rebalancing while dragging), and a query near the cursor touches a few cells.

>>> ix = SpatialIndex(cell=2.0)
>>> ix.insert("a", (0, 0, 1, 1)); ix.insert("b", (5, 5, 6, 6))
>>> sorted(ix.query((0.5, 0.5, 0.6, 0.6)))
['a']
>>> ix.remove("a"); sorted(ix.query((0, 0, 10, 10)))
['b']
"""

from __future__ import annotations

import math

from .geom2d import BBox, bbox_intersects


class SpatialIndex:
    def __init__(self, cell: float = 4.0, max_cells: int = 4096) -> None:
        self.cell = cell
        self.max_cells = max_cells
        self._cells: dict[tuple[int, int], set[str]] = {}
        self._boxes: dict[str, BBox] = {}
        self._keys: dict[str, list[tuple[int, int]]] = {}
        self._big: set[str] = set()  # items spanning too many cells: always candidates

    def __len__(self) -> int:
        return len(self._boxes)

    def __contains__(self, key: str) -> bool:
        return key in self._boxes

    def bbox(self, key: str) -> BBox | None:
        return self._boxes.get(key)

    def _range(self, b: BBox) -> tuple[int, int, int, int]:
        c = self.cell
        return (math.floor(b[0] / c), math.floor(b[1] / c), math.floor(b[2] / c), math.floor(b[3] / c))

    def insert(self, key: str, b: BBox) -> None:
        if key in self._boxes:
            self.remove(key)
        self._boxes[key] = b
        i0, j0, i1, j1 = self._range(b)
        if (i1 - i0 + 1) * (j1 - j0 + 1) > self.max_cells:
            self._big.add(key)
            self._keys[key] = []
            return
        keys = []
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                self._cells.setdefault((i, j), set()).add(key)
                keys.append((i, j))
        self._keys[key] = keys

    def remove(self, key: str) -> None:
        if key not in self._boxes:
            return
        del self._boxes[key]
        self._big.discard(key)
        for k in self._keys.pop(key, ()):
            s = self._cells.get(k)
            if s is not None:
                s.discard(key)
                if not s:
                    del self._cells[k]

    def query(self, b: BBox) -> set[str]:
        """Keys whose boxes intersect ``b``."""
        out: set[str] = set()
        i0, j0, i1, j1 = self._range(b)
        if (i1 - i0 + 1) * (j1 - j0 + 1) > len(self._cells):
            cand = set(self._boxes)
        else:
            cand = set(self._big)
            for i in range(i0, i1 + 1):
                for j in range(j0, j1 + 1):
                    s = self._cells.get((i, j))
                    if s:
                        cand |= s
        boxes = self._boxes
        for k in cand:
            if bbox_intersects(boxes[k], b):
                out.add(k)
        return out

    def clear(self) -> None:
        self._cells.clear()
        self._boxes.clear()
        self._keys.clear()
        self._big.clear()
