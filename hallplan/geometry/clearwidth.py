"""Clear-width routes: can a body of a given width get from the sources to each target, and where
does the way pinch?

A route of clear width ``w`` exists between two places exactly when they lie in one connected part of
the free space eroded by ``w / 2`` (the set of centres of discs of diameter ``w`` that fit). The
erosion is exact (vector, :meth:`~hallplan.geometry.floorgeom.FloorGeometry.eroded`) and incremental
while an item is dragged. Doors on the route need their own, smaller width (0.90 m against a 1.20 m
passage): a door at least ``door_width`` wide is bridged; a narrower one blocks like any gap.

When a target is cut off, the first pinch on the way is found where the part reachable with the full
width meets the narrow space a person can still pass (free space eroded by the person's radius); the
clear width there is measured between the nearest boundary points on opposite sides, so a 1.00 m gap
between two counters measures 1.00 m.

>>> from hallplan.model import Door, DoorKind, Floor, HallLevel, Plan, Polygon, Wall
>>> f = Floor("f1", 1, Polygon.rect(0, 0, 20, 10))
>>> f.walls["w"] = Wall("w", ((10, 0), (10, 4.5)), 0.2)
>>> f.walls["v"] = Wall("v", ((10, 5.5), (10, 10)), 0.2)
>>> f.doors["e"] = Door("e", DoorKind.MAIN_ENTRANCE, 2.0, 0.0, 0.0, 1.8, to_outside=True)
>>> fg = FloorGeometry(Plan("t", HallLevel.TOWN, floors=[f]), "f1")
>>> src = entrance_sources(fg, 1.2)
>>> r = route_width(fg, 1.2, src, [RouteTarget("far", "zone", shapely.box(15, 0, 20, 10))])
>>> r.targets[0].reached, round(r.targets[0].pinches[0].width, 2)
(False, 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from hallplan.model import DoorKind

from .floorgeom import ALL_KINDS, LAYOUT_KINDS, FloorGeometry
from .reachproof import prove_reach

MOUTH_MIN = 1e-3  # m: shorter pieces of a pinch mouth are numerical specks (see _PinchFinder)
ROUND = 6  # decimals (1 µm) the pinch search rounds its input to (see _rounded)
PROOF_MIN_OBSTACLES = 400
"""Obstacles on a floor from which :func:`route_width` tries witnesses first: with fewer, growing and
uniting them is cheaper than the search (county hall, 135: ~5 ms a radius against ~10 ms)."""


def _rounded(geom):
    """``geom`` with coordinates rounded to 1 µm. An eroded space patched while dragging differs from a
    fresh one by ~1e-16 m, and GEOS buffers a near-degenerate corner differently for such a difference
    (up to 1.5 cm apart): rounding first makes the pinch found independent of how the space was built."""
    out = shapely.transform(geom, lambda c: np.round(c, ROUND))
    return out if shapely.is_valid(out) else shapely.make_valid(out)


@dataclass(frozen=True)
class RouteTarget:
    """A place a route must reach (or start from): an id, what it is, and its geometry."""

    id: str
    kind: str  # "entrance", "lift", "zone", "window", "toilet", "exit" …
    geometry: shapely.Geometry


@dataclass(frozen=True)
class Pinch:
    """A narrow spot: the point, the clear width there and the line across the gap."""

    point: shapely.Point
    width: float
    line: shapely.LineString
    entity_ids: tuple[str, ...]  # obstacles/walls/doors on either side, when known


@dataclass(frozen=True)
class TargetReach:
    target: RouteTarget
    reached: bool
    passable: bool  # reachable at all by a person (if not reached at the full width)
    pinches: tuple[Pinch, ...]
    enclosed: bool = False  # cut off by the building itself (walls, shut staff doors), not by furniture


@dataclass(frozen=True)
class RouteWidthResult:
    floor_id: str
    width: float
    door_width: float | None
    sources: tuple[RouteTarget, ...]
    targets: tuple[TargetReach, ...]
    network: shapely.Geometry | None  # the centre-space reachable from the sources at the full width
    # (None when route_width(with_network=False) proved every target without building it)

    @property
    def failed(self) -> tuple[TargetReach, ...]:
        return tuple(t for t in self.targets if not t.reached)


def entrance_sources(fg: FloorGeometry, width: float) -> tuple[RouteTarget, ...]:
    """Where the public starts on this floor: inside the main entrance(s); on a floor without one,
    in front of the accessible lifts."""
    out = []
    for d in fg.doors:
        if d.kind == DoorKind.MAIN_ENTRANCE:
            s = 1 if d.back.outside else -1
            reach = d.thickness / 2 + width / 2 + 0.3
            a = np.array(d.centre)
            b = a + s * np.array(d.normal) * reach
            out.append(RouteTarget(d.id, "entrance", shapely.LineString([a, b]).buffer(d.width / 2, cap_style="flat")))
    if not out:
        for lf in sorted(fg.floor.lifts.values(), key=lambda x: x.id):
            if lf.accessible:
                out.append(RouteTarget(lf.id, "lift", shapely.Polygon(lf.footprint()).buffer(width / 2 + 0.3)))
    return tuple(out)


def _door_plugs(fg: FloorGeometry, width: float, door_width: float, public: bool) -> np.ndarray:
    """Thin bridges through doors at least ``door_width`` wide, long enough to join the eroded space
    on both sides (cached until doors or walls change)."""
    return _door_approaches(fg, width, door_width, public)[1]


def _door_approaches(fg: FloorGeometry, width: float, door_width: float, public: bool):
    """(door rectangles, plugs, tree of the rectangles) of the doors :func:`_door_plugs` bridges."""
    def build():
        rects, plugs = [], []
        for d in fg.doors:
            if d.exterior or d.width + 1e-9 < door_width or (public and d.kind == DoorKind.STAFF_DOOR):
                continue
            reach = d.thickness / 2 + width / 2 + 0.05
            c, n = np.array(d.centre), np.array(d.normal)
            rects.append(d.rect)
            plugs.append(shapely.LineString([c - n * reach, c + n * reach]))
        rects = np.array(rects, dtype=object)
        return rects, np.array(plugs, dtype=object), shapely.STRtree(rects)
    return fg.memo(("door_approaches", round(width, 6), door_width, public), LAYOUT_KINDS, build)


def with_door_approaches(fg: FloorGeometry, targets, width: float, door_width: float | None, which: str = "public"):
    """Room targets (kinds ``zone``, ``toilet``) extended by the approach to each door into them that
    is at least ``door_width`` wide: reaching the door counts as reaching the room, so a door on the
    route is judged by the door width, not by the corridor width (a 0.90 m door into a 1.6 m wide
    toilet does not fail a 1.80 m route).

    >>> from hallplan.model import Door, DoorKind, Floor, HallLevel, Plan, Polygon, Wall
    >>> f = Floor("f1", 1, Polygon.rect(0, 0, 20, 10))
    >>> for i, pts in enumerate((((10, 7), (11.6, 7)), ((10, 7), (10, 10)), ((11.6, 7), (11.6, 10)))):
    ...     f.walls[f"w{i}"] = Wall(f"w{i}", pts, 0.2)
    >>> f.doors["d"] = Door("d", DoorKind.INTERNAL, 10.8, 7.0, 0.0, 0.9, host="w0")
    >>> fg = FloorGeometry(Plan("t", HallLevel.TOWN, floors=[f]), "f1")
    >>> t = with_door_approaches(fg, [RouteTarget("wc", "zone", shapely.box(10, 7, 11.6, 10))], 1.8, 0.9)[0]
    >>> round(t.geometry.bounds[1], 2)  # reaches out of the room in front of the door
    5.95
    """
    targets = tuple(targets)
    if door_width is None or not any(t.kind in ("zone", "toilet") for t in targets):
        return targets
    public = which == "public"
    rects, plugs, tree = _door_approaches(fg, width, door_width, public)
    if not len(rects):
        return targets

    def extend(t: RouteTarget) -> RouteTarget:
        hit = tree.query(t.geometry, predicate="intersects")
        return RouteTarget(t.id, t.kind, shapely.union_all([t.geometry, *plugs[hit]])) if len(hit) else t

    # a room target's geometry is its zone's: cached with the layout, so a drag does not redo the unions
    return tuple(fg.memo(("door_approach", t.id, t.kind, round(width, 6), door_width, public), LAYOUT_KINDS,
                         lambda t=t: extend(t)) if t.kind in ("zone", "toilet") else t for t in targets)


def _first_vertex(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x and y of the first exterior vertex of each (multi)polygon (NaN for an empty one)."""
    p = shapely.get_point(shapely.get_exterior_ring(shapely.get_geometry(geoms, 0)), 0)
    return shapely.get_x(p), shapely.get_y(p)


@dataclass(frozen=True)
class _Network:
    """The parts of an eroded free space, an STRtree over them and a component label per part
    (parts joined through bridged doors share a label)."""

    parts: np.ndarray
    tree: shapely.STRtree
    label: np.ndarray

    def labels_touching(self, geoms) -> set[int]:
        """Labels of the parts that ``geoms`` intersect. A vertex of one inside (or on) the other proves
        a pair meets without the full predicate, which between a whole hall's network and the space of
        the next radius costs ~10 ms; only the pairs left unproven get it."""
        if len(self.parts) == 0:
            return set()
        g = np.atleast_1d(np.array(geoms, dtype=object))
        gi, pi = self.tree.query(g)
        if len(gi) == 0:
            return set()
        a, b = g[gi], self.parts[pi]
        hit = np.zeros(len(gi), bool)
        poly = shapely.get_type_id(a) >= 3  # (multi)polygons: sample their first exterior vertex
        hit[poly] = shapely.intersects_xy(b[poly], *_first_vertex(a[poly]))
        rest = ~hit
        hit[rest] = shapely.intersects_xy(a[rest], *_first_vertex(b[rest]))
        rest = ~hit
        hit[rest] = shapely.intersects(a[rest], b[rest])
        return {int(x) for x in self.label[pi[hit]]}

    def geometry(self, labels: set[int]):
        sel = self.parts[np.isin(self.label, list(labels))]
        return shapely.multipolygons(list(sel)) if len(sel) > 1 else (sel[0] if len(sel) else shapely.Polygon())


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Component labels of ``n`` nodes joined by the edges ``a[k]``–``b[k]``, numbered in the order of
    each component's lowest node, as ``scipy.sparse.csgraph.connected_components`` numbers them (a
    union–find over the few plug edges: the sparse-matrix set-up cost ~0.5 ms a call, four calls a
    frame)."""
    if n > 5000 or len(a) > 5000:
        g = coo_matrix((np.ones(len(a) + n), (np.r_[a, np.arange(n)], np.r_[b, np.arange(n)])), shape=(n, n))
        return connected_components(g, directed=False)[1]
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in zip(a.tolist(), b.tolist(), strict=True):
        rx, ry = find(x), find(y)
        if rx != ry:  # the lower index stays the root: a root is its component's lowest node
            parent[max(rx, ry)] = min(rx, ry)
    seen: dict[int, int] = {}
    return np.array([seen.setdefault(find(i), len(seen)) for i in range(n)], dtype=np.int32)


def _network(fg: FloorGeometry, radius: float, which: str, door_width: float | None, width: float,
             obstacles: bool = True) -> _Network:
    """Parts of the free space eroded by ``radius`` joined through bridged doors; without
    ``obstacles`` only walls, doors and zones count (what the building itself connects)."""
    key = ("route_network", which, round(radius, 6), door_width, round(width, 6), obstacles)
    m = fg._memo.get(key)
    if m is not None:
        return m.value
    e = fg.eroded(radius, which) if obstacles else fg.eroded_region(radius, which)
    # canonical part order and ring starts: an eroded space patched while dragging equals the one built
    # from scratch only as a point set, and the pinch found must not depend on how it was built
    parts = shapely.get_parts(shapely.normalize(e))
    parts = parts[shapely.get_type_id(parts) == 3]
    tree = shapely.STRtree(parts)
    n = len(parts)
    label = np.arange(n)
    if door_width is not None and n > 1:
        plugs = _door_plugs(fg, width, door_width, which == "public")
        if len(plugs):
            pi, qi = tree.query(plugs, predicate="intersects")
            if len(pi):
                # parts touched by one plug are one component
                first = np.full(len(plugs), -1)
                first[pi[::-1]] = qi[::-1]
                label = _components(n, first[pi], qi)
    return fg.memo(key, ALL_KINDS if obstacles else LAYOUT_KINDS, lambda: _Network(parts, tree, np.asarray(label)))


def local_width(fg: FloorGeometry, p: shapely.Point, which: str = "public", reach: float = 3.0):
    """Clear width at ``p``: distance between the nearest free-space boundary point and the nearest one
    on the opposite side. Returns (width, line across, ids of entities on either side)."""
    x, y = p.x, p.y
    box = (x - reach, y - reach, x + reach, y + reach)
    free = shapely.clip_by_rect(fg.free(which), *box)
    frame = shapely.box(*box).boundary.buffer(1e-6)
    bnd = shapely.difference(free.boundary, frame) if not free.is_empty else shapely.box(*box).boundary
    if bnd.is_empty:
        return 2 * reach, shapely.LineString([(x, y), (x, y)]), ()
    q1 = shapely.shortest_line(p, bnd).coords[-1]
    vx, vy = q1[0] - x, q1[1] - y
    if abs(vx) + abs(vy) < 1e-9:  # p on the boundary: look across from the side of the free space
        vx, vy = 0.0, 0.0
        half = shapely.box(*box)
    else:
        # half-plane on the far side of p from q1
        big = 4 * reach
        nx, ny = -vy, vx
        h = shapely.Polygon([(x + nx * big, y + ny * big), (x - nx * big, y - ny * big),
                             (x - nx * big - vx * big, y - ny * big - vy * big),
                             (x + nx * big - vx * big, y + ny * big - vy * big)])
        half = h
    far = shapely.intersection(bnd, half)
    if far.is_empty:
        return 2 * reach, shapely.LineString([q1, q1]), ()
    q2 = shapely.shortest_line(p, far).coords[-1]
    line = shapely.LineString([q1, q2])
    ends = line.boundary.buffer(0.02)
    ids = tuple(sorted(set(fg.query_obstacles(ends)) | fg.walls_touching(ends)))
    return float(line.length), line, ids


class _PinchFinder:
    """Finds the first pinch towards a target; what does not depend on the target is built once."""

    def __init__(self, fg: FloorGeometry, width: float, which: str, door_width, src_geom) -> None:
        self.fg, self.width, self.which = fg, width, which
        self.r_lo = fg.person_radius
        self.lo = _network(fg, self.r_lo, which, door_width, 2 * self.r_lo)
        self.labels = self.lo.labels_touching([src_geom])
        self.src_geom = src_geom
        self._rest = None
        self._by_pin: dict = {}

    def _local(self, p) -> Pinch:
        w, line, ids = local_width(self.fg, p, self.which, reach=max(3.0, 2 * self.width))
        return Pinch(p, w, line, ids)

    def rest(self):
        """(body around the sources, parts of the person-passable space beyond it, their tree)."""
        if self._rest is None:
            lo_comp = _rounded(self.lo.geometry(self.labels))
            body = _rounded(self.src_geom).buffer(self.width / 2 - self.r_lo + 1e-3, quad_segs=4)
            parts = shapely.get_parts(shapely.normalize(shapely.difference(lo_comp, body)))
            parts = parts[shapely.get_type_id(parts) == 3]
            self._rest = (body, parts, shapely.STRtree(parts))
        return self._rest

    def __call__(self, target: RouteTarget):
        """(passable by a person, pinches). When not even a person passes, the pinch is where the part
        a person reaches from the sources comes closest to the target's part (what closes the way)."""
        if not self.labels:
            return False, ()
        t_labels = self.lo.labels_touching([target.geometry])
        if not (self.labels & t_labels):
            if not t_labels:
                return False, ()
            line = shapely.shortest_line(self.lo.geometry(self.labels), self.lo.geometry(t_labels))
            pin = self._local(line.interpolate(0.5, normalized=True))
            return False, (Pinch(pin.point, min(pin.width, float(line.length) + 2 * self.r_lo), pin.line, pin.entity_ids),)
        body, parts, tree = self.rest()
        hit = tree.query(target.geometry, predicate="intersects")
        if len(hit) == 0:
            return True, ()
        k = int(np.min(hit))
        if k not in self._by_pin:
            q = parts[k]
            mouth = shapely.intersection(q.boundary, body.buffer(1e-2).boundary.buffer(2e-2))
            if mouth.geom_type in ("LineString", "MultiLineString"):
                mouth = shapely.line_merge(mouth)
            mouth = shapely.normalize(mouth)
            if mouth.is_empty:
                mouth = shapely.shortest_line(body, q)
            pins = []
            parts = [m for m in shapely.get_parts(mouth) if not m.is_empty]
            # an eroded space patched while dragging differs from a fresh one by ~1e-16 m; where the
            # band grazes the boundary that leaves or removes specks of mouth: only real stretches count
            real = [m for m in parts if m.geom_type == "LineString" and m.length >= MOUTH_MIN]
            for m in real or parts:
                p = m.interpolate(0.5, normalized=True) if m.geom_type == "LineString" else m.centroid
                pins.append(self._local(p))
            pins.sort(key=lambda x: x.width)
            self._by_pin[k] = tuple(pins[:1])
        return True, self._by_pin[k]


def route_width(fg: FloorGeometry, width: float, sources, targets, *, door_width: float | None = None,
                which: str = "public", with_network: bool = True) -> RouteWidthResult:
    """Which ``targets`` can be reached from ``sources`` by a route of clear ``width`` (see the module
    docstring). ``door_width``: doors at least this wide are bridged (None: doors must be ``width``).

    ``with_network=False`` (the rules: they report targets, not the network) lets a fresh check prove
    the reached targets with witnesses (:mod:`~hallplan.geometry.reachproof`) instead of building the
    eroded free space; the result is the same, except that ``network`` is ``None`` when the proof
    sufficed."""
    sources, targets = tuple(sources), with_door_approaches(fg, targets, width, door_width, which)
    r = width / 2 - 1e-6
    if not with_network and len(fg.obstacles) >= PROOF_MIN_OBSTACLES and not fg.erosion_at_hand(r, which):
        res = _route_width_by_proof(fg, width, r, which, door_width, sources, targets)
        if res is not None:
            return res
    net = _network(fg, r, which, door_width, width)
    src = net.labels_touching([x.geometry for x in sources]) if sources else set()
    # the wide network around the sources; if the full width does not even fit at the way in, the
    # pinch is looked for from the way in itself
    src_geom = net.geometry(src) if src else (shapely.union_all([x.geometry for x in sources]) if sources else shapely.Polygon())
    per_target: list[set[int]] = [set() for _ in targets]
    if targets and len(net.parts):
        ti, pi = net.tree.query(np.array([t.geometry for t in targets], dtype=object), predicate="intersects")
        for a, b in zip(ti, net.label[pi], strict=True):
            per_target[a].add(int(b))
    out = []
    finder = None
    for t, labs in zip(targets, per_target, strict=True):
        if src & labs:
            out.append(TargetReach(t, True, True, ()))
            continue
        if sources and _cut_off_by_building(fg, which, door_width, sources, t):
            # closed off by walls and shut staff doors: no person passes, no pinch to widen (asked
            # first: the obstacle-free network survives a drag, the pinch search does not)
            out.append(TargetReach(t, False, False, (), True))
            continue
        if finder is None and sources:
            finder = _PinchFinder(fg, width, which, door_width, src_geom)
        passable, pinches = finder(t) if finder is not None else (False, ())
        out.append(TargetReach(t, False, passable, pinches, False))
    return RouteWidthResult(fg.floor_id, width, door_width, sources, tuple(out), src_geom)


def _cut_off_by_building(fg: FloorGeometry, which: str, door_width, sources, target: RouteTarget) -> bool:
    """Whether nothing connects ``target`` with the sources even without any obstacle, in the space a
    person's centre can take (doors of ``door_width`` bridged). Then no person passes with obstacles
    either: that space is a part of this one, with the same bridges."""
    shell = _network(fg, fg.person_radius, which, door_width, 2 * fg.person_radius, obstacles=False)
    return not (shell.labels_touching([x.geometry for x in sources]) & shell.labels_touching([target.geometry]))


def _route_width_by_proof(fg: FloorGeometry, width: float, r: float, which: str, door_width, sources,
                          targets) -> RouteWidthResult | None:
    """:func:`route_width` without the eroded free space when every target is either proven reached
    by a witness or cut off by the building itself; ``None`` when the exact analysis is needed.

    A target the building cuts off (no connection even in the obstacle-free space eroded by ``r``,
    nor in the one eroded by a person's radius) is not reached, not passable and enclosed, with no
    pinch: what the exact analysis says of it too (its space with obstacles is a subset of both)."""
    if not sources:
        return RouteWidthResult(fg.floor_id, width, door_width, sources,
                                tuple(TargetReach(t, False, False, ()) for t in targets), shapely.Polygon())
    plugs = _door_plugs(fg, width, door_width, which == "public") if door_width is not None else None
    ok = prove_reach(fg, r, which, plugs, sources, targets)
    if not ok.all():
        free = _network(fg, r, which, door_width, width, obstacles=False)
        src_free = free.labels_touching([x.geometry for x in sources])
        for t, o in zip(targets, ok, strict=True):
            if not o and (free.labels_touching([t.geometry]) & src_free
                          or not _cut_off_by_building(fg, which, door_width, sources, t)):
                return None
    out = tuple(TargetReach(t, True, True, ()) if o else TargetReach(t, False, False, (), True)
                for t, o in zip(targets, ok, strict=True))
    return RouteWidthResult(fg.floor_id, width, door_width, sources, out, None)
