"""A fast, exact proof that a route of clear width reaches a target, without building the eroded
free space.

:func:`~hallplan.geometry.clearwidth.route_width` decides reachability on the free space eroded by
the half width (``E``: the region eroded by ``r`` minus every obstacle grown by ``r``). Growing and
uniting a big hall's thousands of obstacles costs ~100 ms per radius; most targets of a sound plan
are reached, and for those a *witness* is enough: a polyline from a source to the target every
segment of which lies in ``E``. Such a polyline lies in one connected part of ``E`` that meets both
the source and the target, which is exactly what "reached" means there.

How a witness is found and checked:

1. **Candidate cells** (a raster guess, never trusted): cells whose centre lies in the eroded region
   and whose distance to the nearest obstacle cell is at least ``r`` plus a cell.
2. **Paths**: breadth-first search over 4-neighbouring candidate cells from the cells inside the
   sources, with jumps along the door plugs (a door at least the door width joins the spaces on
   its two sides, as in the route network); one path per target, back along the predecessors.
3. **Exact check** of every segment of the paths: no obstacle within ``r`` (the grown obstacles are
   polygons inscribed in the true ``r``-neighbourhood, so this is sufficient), no point of the eroded
   region's boundary within 1 µm (so the segment lies inside it), the first point inside a source
   and the last inside the target (exact point-in-polygon).

A target whose witness fails the check, or that has no path, is *unproven*, never "not reached":
the caller then decides it exactly (see ``route_width``). So findings are the same as without the
proof; only the time differs.

>>> from hallplan.model import Door, DoorKind, Floor, HallLevel, Plan, Polygon
>>> from .clearwidth import RouteTarget, entrance_sources
>>> f = Floor("f1", 1, Polygon.rect(0, 0, 20, 10))
>>> f.doors["e"] = Door("e", DoorKind.MAIN_ENTRANCE, 2.0, 0.0, 0.0, 1.8, to_outside=True)
>>> fg = FloorGeometry(Plan("t", HallLevel.TOWN, floors=[f]), "f1")
>>> src = entrance_sources(fg, 1.2)
>>> prove_reach(fg, 0.6, "public", None, src, [RouteTarget("far", "zone", shapely.box(15, 0, 20, 10))]).tolist()
[True]
"""

from __future__ import annotations

import numpy as np
import shapely
from scipy import ndimage
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import breadth_first_order

from .floorgeom import LAYOUT_KINDS, OBSTACLE_KINDS, FloorGeometry
from .grid import rasterize_polygon, ring_edges

MARGIN = 1.0
"""Cells of clearance beyond ``r`` a candidate cell's centre needs (raster estimate): a path through
cells that just clear ``r`` on the raster would often fail the exact check."""
EPS = 1e-6  # m: a witness segment keeps this far from the eroded region's boundary
ROUNDS = 4  # searches at most (each after dropping the cells of failing segments)


def _base_mask(fg: FloorGeometry, r: float, which: str) -> np.ndarray:
    return fg.memo(("proof_base", which, round(r, 6)), LAYOUT_KINDS,
                   lambda: rasterize_polygon(fg.grid, fg.eroded_region(r, which)))


def _base_edges(fg: FloorGeometry, r: float, which: str) -> shapely.STRtree:
    """STRtree of the edges of the eroded region's boundary (one segment each)."""
    def build():
        e = ring_edges(fg.eroded_region(r, which))
        return shapely.STRtree(shapely.linestrings(e.reshape(-1, 2, 2)) if len(e) else np.array([], dtype=object))
    return fg.memo(("proof_edges", which, round(r, 6)), LAYOUT_KINDS, build)


def _clearance(fg: FloorGeometry) -> np.ndarray:
    """Distance (m) from each cell centre to the nearest cell centre covered by an obstacle."""
    def build():
        blocked = (fg.movable_counts > 0) | fg.structure_mask
        return ndimage.distance_transform_edt(~blocked) * fg.grid.cell
    return fg.memo("proof_clearance", OBSTACLE_KINDS, build)


def _cells_in(fg: FloorGeometry, geom, cand_idx: np.ndarray) -> np.ndarray:
    """Candidate node numbers of the cells whose centre lies in ``geom``."""
    grid = fg.grid
    win = grid.window(shapely.bounds(geom), pad=1)
    if win[0].stop <= win[0].start or win[1].stop <= win[1].start:
        return np.zeros(0, np.int64)
    m = rasterize_polygon(grid.sub(win), geom)
    n = cand_idx[win][m]
    return n[n >= 0]


def prove_reach(fg: FloorGeometry, r: float, which: str, plugs, sources, targets) -> np.ndarray:
    """For each target, True when a witness proves it reachable from the sources at half width ``r``
    (see the module docstring); False means unproven. ``plugs``: the door plugs (line strings) that
    join the spaces on both sides of their doors, or ``None``.

    A path whose check fails loses the cells of its failing segments and the search runs again for
    the targets still unproven (a few rounds: the raster guess errs near obstacles and walls)."""
    targets = tuple(targets)
    out = np.zeros(len(targets), bool)
    if not targets or not sources:
        return out
    grid = fg.grid
    cand = _base_mask(fg, r, which) & (_clearance(fg) >= r + MARGIN * grid.cell)
    ends = None
    if plugs is not None and len(plugs):
        ends = shapely.get_coordinates(shapely.boundary(np.asarray(plugs, dtype=object))).reshape(-1, 2, 2)
    src_union = shapely.union_all([s.geometry for s in sources])
    for _ in range(ROUNDS):
        pending = np.nonzero(~out)[0]
        proven, bad = _attempt(fg, r, which, cand, ends, sources, src_union, [targets[k] for k in pending])
        out[pending[proven]] = True
        if out.all() or not len(bad[0]):
            break
        cand = cand.copy()
        cand[bad] = False
    return out


def _attempt(fg: FloorGeometry, r: float, which: str, cand: np.ndarray, ends, sources, src_union, targets):
    """One round of :func:`prove_reach`: (proven per target, (rows, cols) of the cells of failing
    segments)."""
    grid = fg.grid
    h = grid.cell
    none = (np.zeros(0, np.int64), np.zeros(0, np.int64))
    proven = np.zeros(len(targets), bool)
    n = int(cand.sum())
    if n == 0:
        return proven, none
    idx = np.full(grid.shape, -1, np.int64)
    idx[cand] = np.arange(n)
    horiz, vert = cand[:, :-1] & cand[:, 1:], cand[1:, :] & cand[:-1, :]
    a = [idx[:, :-1][horiz], idx[1:, :][vert]]
    b = [idx[:, 1:][horiz], idx[:-1, :][vert]]
    jumps: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
    if ends is not None:
        jj = np.floor((ends[:, :, 1] - grid.y0) / h + 0.5).astype(np.int64)
        ii = np.floor((ends[:, :, 0] - grid.x0) / h + 0.5).astype(np.int64)
        inside = ((jj >= 0) & (jj < grid.ny) & (ii >= 0) & (ii < grid.nx)).all(axis=1)
        for k in np.nonzero(inside)[0]:
            u, v = int(idx[jj[k, 0], ii[k, 0]]), int(idx[jj[k, 1], ii[k, 1]])
            if u >= 0 and v >= 0 and u != v:
                a.append(np.array([u]))
                b.append(np.array([v]))
                jumps[(u, v)] = (ends[k, 0], ends[k, 1])
                jumps[(v, u)] = (ends[k, 1], ends[k, 0])
    rows, cols = np.nonzero(cand)  # node k is the cell (rows[k], cols[k])
    xs, ys = grid.x0 + cols * h, grid.y0 + rows * h
    src_cells = np.unique(np.concatenate([_cells_in(fg, s.geometry, idx) for s in sources]))
    if len(src_cells):  # the rasteriser's even-odd rule may differ from GEOS on a boundary: ask GEOS
        src_cells = src_cells[shapely.intersects_xy(src_union, xs[src_cells], ys[src_cells])]
    if len(src_cells) == 0:
        return proven, none
    root = n
    a.append(np.full(len(src_cells), root))
    b.append(src_cells)
    ea, eb = np.concatenate(a), np.concatenate(b)
    g = csr_matrix((np.ones(2 * len(ea), np.int8), (np.r_[ea, eb], np.r_[eb, ea])), shape=(n + 1, n + 1))
    _, pred = breadth_first_order(g, root, directed=True, return_predecessors=True)
    # per target a reachable cell inside it; the paths back to the root form a tree: its nodes are
    # marked by walking all paths at once, and each node's edge to its predecessor is one segment
    # (two where the edge jumps through a door along its plug)
    end = np.full(len(targets), -1, np.int64)
    for k, t in enumerate(targets):
        c = _cells_in(fg, t.geometry, idx)
        c = c[pred[c] >= 0]
        for x in c[:8]:  # the rasteriser's even-odd rule may differ from GEOS on a boundary
            if shapely.intersects_xy(t.geometry, xs[x], ys[x]):
                end[k] = x
                break
    live = np.nonzero(end >= 0)[0]
    if not len(live):
        return proven, none
    on = _reach_from(n, pred, end[live], up=True)
    on[root] = False
    node = np.nonzero(on)[0]
    par = pred[node]
    par = np.where(par == root, node, par)  # a source cell: its own point (a zero-length segment)
    ax, ay, bx, by = xs[node], ys[node], xs[par], ys[par]
    jump = np.abs(rows[node] - rows[par]) + np.abs(cols[node] - cols[par]) > 1
    seg_node = node
    if jump.any():
        ja = np.array([jumps[(int(u), int(v))][0] for u, v in zip(node[jump], par[jump], strict=True)])
        jb = np.array([jumps[(int(u), int(v))][1] for u, v in zip(node[jump], par[jump], strict=True)])
        bx, by = bx.copy(), by.copy()
        bx[jump], by[jump] = ja[:, 0], ja[:, 1]
        ax, ay = np.r_[ax, jb[:, 0]], np.r_[ay, jb[:, 1]]
        bx, by = np.r_[bx, xs[par[jump]]], np.r_[by, ys[par[jump]]]
        seg_node = np.r_[node, node[jump]]
    segs = shapely.linestrings(np.stack([np.column_stack([ax, ay]), np.column_stack([bx, by])], axis=1))
    fail = np.zeros(len(segs), bool)
    si, _ = fg.obstacle_tree.query(segs, predicate="dwithin", distance=r + EPS)
    fail[si] = True
    tree = _base_edges(fg, r, which)
    if len(tree.geometries):
        si, _ = tree.query(segs, predicate="dwithin", distance=EPS)
        fail[si] = True
    bad = np.unique(seg_node[fail])
    # a path is good when no node on it is bad: the targets whose end lies below a bad node fail
    tainted = _reach_from(n, pred, bad, up=False) if len(bad) else np.zeros(n + 1, bool)
    proven[live] = ~tainted[end[live]]
    drop = np.unique(np.r_[bad, pred[bad][pred[bad] != root]])
    return proven, ((rows[drop], cols[drop]) if len(drop) else none)


def _reach_from(n: int, pred: np.ndarray, start: np.ndarray, up: bool) -> np.ndarray:
    """Nodes of the predecessor tree (``n`` nodes, the root numbered ``n``) reachable from ``start``:
    going up (towards the root: the nodes on the paths) or down (the subtrees below)."""
    v = np.nonzero(pred[:n] >= 0)[0]
    p = pred[v]
    keep = p != n
    v, p = v[keep], p[keep]
    src, dst = (v, p) if up else (p, v)
    virtual = n + 1
    src = np.r_[src, np.full(len(start), virtual)]
    dst = np.r_[dst, start]
    g = csr_matrix((np.ones(len(src), np.int8), (src, dst)), shape=(n + 2, n + 2))
    order = breadth_first_order(g, virtual, directed=True, return_predecessors=False)
    out = np.zeros(n + 1, bool)
    out[order[order <= n]] = True
    return out
