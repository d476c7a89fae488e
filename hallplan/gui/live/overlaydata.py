"""Overlay data for the canvas, worked out in the check worker from the same geometry cache as the
route checks (so a heat map after a drag costs only the re-march of the touched room).

Each builder takes the heavy :class:`~hallplan.gui.live.split.PartEngine` (for the active rules'
numbers) and a :class:`~hallplan.geometry.floorgeom.FloorGeometry` and returns an
:class:`~hallplan.gui.live.protocol.OverlayData` of neutral primitives. No Qt here.

* ``heat``: walking distance to the nearest exit (the field the planner sees), the worst path of the
  floor and the area beyond the open-hall limit (its edge is the limit contour).
* ``access``: where a route of the accessible width runs from the entrance, the targets it misses and
  the pinch points with their clear width.
* ``separation``: public and staff space tinted, the leaking openings and the staff space the public
  can walk into.
* ``cctv``: what the cameras see, and the blind spots.
"""

from __future__ import annotations

import math

import numpy as np
import shapely

from hallplan.geometry import clearwidth, evacuation, separation, sight
from hallplan.geometry.cache import GeometryCache
from hallplan.geometry.grid import runs_to_geometry

from .protocol import Heat, OverlayData, Prim

SIMPLIFY = 0.02  # m: drawing precision
DEFAULT_WIDTH = 1.2
DEFAULT_DOOR_WIDTH = 0.9


def geometry_cache(engine) -> GeometryCache:
    """The route checks' cache in the engine's context (created if no route check ran yet)."""
    return engine.ctx.persistent("route_geometry", lambda: GeometryCache(engine.ctx.plan))


def active_rules(engine, check: str) -> list:
    return [r for r in engine.applicable() if r.check == check]


# --- shapely → primitives ---------------------------------------------------------------------------
def _coords(g) -> np.ndarray:
    return np.asarray(shapely.get_coordinates(g), dtype=np.float32)


def prims(geom, role: str, value: float | None = None, simplify: float = SIMPLIFY, limit: int = 4000) -> list[Prim]:
    """Primitives of any shapely geometry (parts flattened; polygons keep their holes)."""
    out: list[Prim] = []
    if geom is None or geom.is_empty:
        return out
    if simplify > 0 and geom.geom_type != "Point":
        geom = shapely.simplify(geom, simplify, preserve_topology=True)
    for g in shapely.get_parts(geom):
        if len(out) >= limit:
            break
        t = g.geom_type
        if t == "Polygon":
            if g.is_empty:
                continue
            rings = (_coords(g.exterior)[:-1],) + tuple(_coords(h)[:-1] for h in g.interiors)
            out.append(Prim(role, "polygon", rings, value))
        elif t == "LineString":
            if not g.is_empty:
                out.append(Prim(role, "line", (_coords(g),), value))
        elif t == "Point":
            if not g.is_empty:
                out.append(Prim(role, "point", (_coords(g),), value))
        elif t in ("LinearRing",):
            out.append(Prim(role, "line", (_coords(g),), value))
        else:  # nested collections
            out.extend(prims(g, role, value, 0.0, limit - len(out)))
    return out


# --- heat map --------------------------------------------------------------------------------------
def hall_limit(engine) -> float | None:
    """The open-hall evacuation limit (m) of the active rules, sprinklers included; the walking
    measure's rule first (that is the field drawn), else the straight one; the strictest if several."""
    plan = engine.ctx.plan
    best: dict[str, float] = {}
    for r in active_rules(engine, "evacuation_distance"):
        p = r.p
        if "hall" not in tuple(p.get("room_kinds", ())):
            continue
        if plan.fire_grade.value not in tuple(p.get("fire_grades", ("1-2", "3", "4"))):
            continue
        lim = p["limit"] * (p.get("sprinkler_factor", 1.0) if plan.sprinklers else 1.0)
        m = str(p.get("measure", "straight"))
        best[m] = min(best.get(m, math.inf), lim)
    for m in ("walking", "straight"):
        if m in best:
            return best[m]
    return None


def heat(engine, fg) -> OverlayData:
    field = evacuation.distance_field(fg, evacuation.Measure.WALKING)
    vals = np.asarray(field.values, dtype=np.float32)
    limit = hall_limit(engine)
    finite = vals[np.isfinite(vals)]
    vmax = float(finite.max()) if finite.size else 0.0
    out: list[Prim] = []
    values: dict = {"max_m": vmax}
    if limit is not None and finite.size:
        beyond = np.isfinite(vals) & (vals > limit)
        if beyond.any():
            g = runs_to_geometry(field.grid, beyond)
            out += prims(g, "beyond", limit, simplify=field.grid.cell * 0.5)
            out += prims(shapely.boundary(shapely.simplify(g, field.grid.cell * 0.5)), "limit", limit, 0.0)
            values["beyond_m2"] = float(beyond.sum()) * field.grid.cell ** 2
    res = evacuation.evacuation(fg, evacuation.Measure.WALKING)
    worst = res.worst
    if worst is not None and worst.max_distance is not None:
        values["worst_m"] = float(worst.max_distance)
        if worst.path is not None:
            out += prims(worst.path, "worst_path", worst.max_distance, 0.0)
        if worst.worst_point is not None:
            out += prims(worst.worst_point, "worst_point", worst.max_distance, 0.0)
    for r in res.rooms:
        if r.unreachable_area > 0 and not r.unreachable.is_empty:
            out += prims(r.unreachable, "trapped", r.unreachable_area)
    g = field.grid
    return OverlayData("heat", fg.floor_id, tuple(out),
                       Heat(g.x0, g.y0, g.cell, vals, limit, max(vmax, limit or 0.0)),
                       tuple(sorted(values.items())))


# --- accessible route ------------------------------------------------------------------------------
def access(engine, fg) -> OverlayData:
    from hallplan.rules import (
        checks_routes as cr,  # the check's own targets, so overlay and finding agree
    )

    plan = engine.ctx.plan
    rules = active_rules(engine, "accessible_route")
    if rules:
        p = rules[0].p
        # the check's rule: the crowded width applies when the hall is crowded and it is the wider one
        width = p["crowded_width"] if plan.crowded and p.get("crowded_width", 0) > p["width"] else p["width"]
        door_width = p["door_width"]
    else:
        width, door_width = DEFAULT_WIDTH, DEFAULT_DOOR_WIDTH
    sources = clearwidth.entrance_sources(fg, width)
    values = {"width_m": width, "door_width_m": door_width}
    if not sources:
        return OverlayData("access", fg.floor_id, (), None, tuple(sorted(values.items())))
    targets = cr.accessible_route_targets(fg, width, sources)
    res = clearwidth.route_width(fg, width, sources, targets, door_width=door_width, which="public")
    out: list[Prim] = []
    net = res.network
    if net is not None and not net.is_empty:
        # the network is where the route's centre line can run; grown by half the width it is the route
        out += prims(shapely.buffer(net, width / 2, quad_segs=2), "network", width, simplify=0.05)
    for s in sources:
        out += prims(s.geometry, "source")
    seen_pins = set()
    for t in res.failed:
        out += prims(t.target.geometry, "unreached", simplify=0.05)
        for pin in t.pinches[:1]:
            key = (round(pin.point.x, 2), round(pin.point.y, 2))
            if key in seen_pins:
                continue
            seen_pins.add(key)
            out += prims(pin.line, "pinch_line", pin.width, 0.0)
            out += prims(pin.point, "pinch", pin.width, 0.0)
    values["missed"] = len(res.failed)
    return OverlayData("access", fg.floor_id, tuple(out), None, tuple(sorted(values.items())))


# --- front / back office -----------------------------------------------------------------------------
def separation_overlay(engine, fg) -> OverlayData:
    s = separation.separation(fg)
    out = prims(fg.region("public"), "public", simplify=0.05)
    out += prims(fg.region("staff"), "staff", simplify=0.05)
    for lk in s.leaks:
        out += prims(lk.reached, "leak_area", lk.width, simplify=0.05)
        out += prims(lk.opening, "leak", lk.width, 0.0)
    for t in s.through_routes:
        out += prims(t.geometry, "through", simplify=0.05)
    values = {"leaks": len(s.leaks), "through": len(s.through_routes)}
    return OverlayData("separation", fg.floor_id, tuple(out), None, tuple(sorted(values.items())))


# --- CCTV ----------------------------------------------------------------------------------------------
def cctv(engine, fg) -> OverlayData:
    rules = active_rules(engine, "cctv_coverage")
    min_blind = rules[0].p.get("min_blind", 0.5) if rules else 0.5
    c = sight.coverage(fg, min_blind)
    out: list[Prim] = []
    if c.cameras:
        seen = shapely.union_all([v.polygon for v in c.cameras])
        out += prims(seen, "seen", simplify=0.05)
    for b in c.blind_spots:
        out += prims(b, "blind", b.area, simplify=0.05)
    for v in c.cameras:
        out.append(Prim("camera", "point", (np.asarray([v.origin], dtype=np.float32),)))
    values = {"share_pct": 100.0 * c.share, "blind_m2": float(sum(b.area for b in c.blind_spots)),
              "cameras": len(c.cameras)}
    return OverlayData("cctv", fg.floor_id, tuple(out), None, tuple(sorted(values.items())))


BUILDERS = {"heat": heat, "access": access, "separation": separation_overlay, "cctv": cctv}


def build(name: str, engine, floor_id: str) -> OverlayData:
    """One overlay of one floor; a failure becomes an overlay with ``error`` set (drawn as nothing)."""
    try:
        fg = geometry_cache(engine).floor(floor_id)
        return BUILDERS[name](engine, fg)
    except Exception as exc:  # noqa: BLE001 - an overlay must never take the worker down
        return OverlayData(name, floor_id, error=f"{type(exc).__name__}: {exc}")
