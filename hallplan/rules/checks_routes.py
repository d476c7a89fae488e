"""Route-analysis checks: evacuation distances, exits, widths, accessible routes, front/back-office
separation, sight from the entrance and CCTV coverage.

The geometry comes from :mod:`hallplan.geometry` through one :class:`~hallplan.geometry.cache.GeometryCache`
kept in the check context for the engine's life (told about every command, so a moved counter only
re-marches the room it stands in). Every number comes from the rule's parameters; a rule whose number
is marked M (from memory) in ``national-codes.md`` has ``confirmed = false`` and its findings are
capped at warnings that say the number awaits confirmation against the official text.

The checks that take their number from a national code are used by ``packs/national.toml`` (one rule
per NC number of ``national-codes.md``). The document checks at the end (``staff_separation``,
``cctv_coverage``, ``entrance_sight``, and ``evacuation_blocked`` for 畅通疏散通道) are used by the
documents' own packs: ``YZ.back-office-separated``, ``YZ.guide-desk-visible``,
``YZ.self-service-visible``, ``YZ.cctv-coverage``, ``YZ.evacuation-routes-clear``,
``LH.cctv-coverage``, ``LH.info-desk-visible``, ``LH.escape-routes``, ``JZ.back-office-separated``,
``JZ.guide-map-visible``. :func:`route_summary` gives reporters the worst evacuation paths and the
pinch points.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import shapely

from hallplan.geometry import clearwidth, egress, evacuation, separation, sight
from hallplan.geometry.cache import GeometryCache
from hallplan.geometry.clearwidth import RouteTarget
from hallplan.geometry.floorgeom import ALL_KINDS as GEOMETRY_KINDS
from hallplan.geometry.floorgeom import FloorGeometry, RoomKind
from hallplan.i18n import label
from hallplan.model import (
    STAFF_ONLY_ZONES,
    DoorKind,
    EntityKind,
    Floor,
    FurnitureKind,
    WindowKind,
    ZoneKind,
)

from .finding import Shape
from .geo import is_public_floor
from .registry import Hit, L, Param, check

ALL = tuple(k for k in EntityKind if k != EntityKind.PLAN)
FIRE_PROPS = ("sprinklers", "fire_grade", "crowded", "high_rise", "staff_count")

UNCONFIRMED = L("(该数值源自记忆(M),待与标准正式文本核对)",
                " (number from memory (M), awaiting confirmation against the official text)")
NO_NOTE = L("", "")
CROWDED_NOTE = L("(仅当大厅属于人员密集的公共场所时适用;政务服务大厅是否属于,见 national-codes.md 待定问题 4)",
                 " (applies only if the hall is a crowded public place; whether a service hall is one is open question 4 of national-codes.md)")
MEASURE_LABEL = {
    evacuation.Measure.STRAIGHT: L("直线距离(绕墙体和固定隔墙,不绕家具)",
                                   "straight-line distance (around walls and fixed partitions, not furniture)"),
    evacuation.Measure.WALKING: L("步行距离(绕柜台、座椅和家具)", "walking distance (around counters, seats and furniture)"),
}

CONFIRMED = Param("bool", required=False, default=True,
                  help="false for a number marked M in national-codes.md: findings are warnings that say so")


# --- shared helpers ---------------------------------------------------------------------------------
def geometry(ctx, floor: Floor) -> FloorGeometry:
    """The floor's derived geometry, from the cache kept in the check context."""
    # the engine tells the cache about every command: each floor is synced once per update
    fg = ctx.persistent("route_geometry", lambda: GeometryCache(ctx.plan, sync_once=True)).floor(floor.id)
    fg.prefetch_standing()  # the walking-distance checks need it: built meanwhile in a thread
    return fg


def public_geometries(ctx):
    """Each floor the public uses, with its derived geometry."""
    for floor in ctx.plan.floors:
        if is_public_floor(floor):
            yield floor, geometry(ctx, floor)


def _floor_hits(fg: FloorGeometry, rule, build, *key) -> tuple:
    """The hits of ``rule`` on one floor, kept in the floor's geometry until anything on the floor
    changes (a command on another floor leaves them alone). Only for checks whose result depends on
    the floor's own entities, the rule's parameters and the plan properties passed in ``key``."""
    return fg.memo(("hits", rule.id, rule.params, *key), GEOMETRY_KINDS, lambda: tuple(build()))


def _note(rule) -> L:
    return NO_NOTE if rule.p.get("confirmed", True) else UNCONFIRMED


def _cap(rule) -> str:
    return "" if rule.p.get("confirmed", True) else "warning"


def _poly_shapes(geom, floor_id: str, limit: int = 8) -> list[Shape]:
    out = []
    for g in shapely.get_parts(geom):
        if g.geom_type == "Polygon" and not g.is_empty:
            out.append(Shape.polygon(g.exterior.coords[:-1], floor_id))
        if len(out) >= limit:
            break
    return out


def _line_shape(line, floor_id: str) -> Shape:
    return Shape.line(list(line.coords), floor_id)


def _zone_names(fg: FloorGeometry, zone_ids: Iterable[str]) -> L:
    floor = fg.floor
    names_zh, names_en = [], []
    for zid in zone_ids:
        z = floor.zones.get(zid)
        if z is None:
            continue
        names_zh.append(z.name or label(z.kind, "zh"))
        names_en.append(z.name or label(z.kind, "en"))
    if not names_zh:
        return L("该房间", "the room")
    return L("、".join(dict.fromkeys(names_zh)), ", ".join(dict.fromkeys(names_en)))


def _room_name(fg: FloorGeometry, room) -> L:
    if room.zone_ids:
        return _zone_names(fg, room.zone_ids[:3])
    return L(f"房间 {room.index + 1}", f"room {room.index + 1}")


def _door_name(fg: FloorGeometry, did: str) -> L:
    """A door's, stair's or lift's name (its id when unnamed)."""
    f = fg.floor
    d = f.doors.get(did) or f.stairs.get(did)
    if d is not None:
        return L(d.name or did)
    lf = f.lifts.get(did)
    if lf is not None:
        return L(lf.name or f"无障碍电梯 {did}", lf.name or f"accessible lift {did}")
    return L(did)


def _density(rule, storey: int) -> float:
    p = rule.p
    if storey <= 0:
        return p["density_basement"]
    if storey <= 2:
        return p["density_1_2"]
    if storey == 3:
        return p["density_3"]
    return p["density_4_up"]


LOAD_PARAMS = {
    "density_1_2": Param("positive", required=False, default=0.60, help="persons/m² of public area, storeys 1–2"),
    "density_3": Param("positive", required=False, default=0.54, help="persons/m², storey 3"),
    "density_4_up": Param("positive", required=False, default=0.42, help="persons/m², storey 4 and above"),
    "density_basement": Param("positive", required=False, default=0.60, help="persons/m², basement"),
    "area_per_staff": Param("positive", required=False, default=6.0, help="m² of staff zone per person"),
}


def _load(ctx, rule, fg: FloorGeometry) -> egress.OccupantLoad:
    return egress.occupant_load(ctx.plan, fg, _density(rule, fg.storey), rule.p["area_per_staff"])


def _load_text(load: egress.OccupantLoad) -> L:
    return L(load.describe("zh"), load.describe("en"))


# --- evacuation distance ------------------------------------------------------------------------------
@check("evacuation_distance", reads=ALL, plan_props=FIRE_PROPS, late=lambda p: p.get("measure") == "walking", params={
    "measure": Param("str", required=False, default="straight", help="straight (binding, GB 50016 5.5.17) or walking (warning)"),
    "room_kinds": Param("str_list", help="room kinds measured: hall, corridor, room, toilet, staff"),
    "limit": Param("positive", help="m, without sprinklers"),
    "sprinkler_factor": Param("positive", required=False, default=1.0, help="× limit when the building is sprinklered"),
    "fire_grades": Param("str_list", required=False, default=("1-2", "3", "4"), help="fire-resistance grades it applies to"),
    "confirmed": CONFIRMED,
})
def evacuation_distance(ctx, rule):
    """The farthest point of each room of the given kinds from its nearest exit/door, by the straight
    (binding) or walking measure, against ``limit`` (× ``sprinkler_factor`` when sprinklered). Also
    rooms with no way out at all. The walking measure is always at most a warning."""
    p = rule.p
    plan = ctx.plan
    if plan.fire_grade.value not in p["fire_grades"]:
        return
    measure = evacuation.Measure(p["measure"])
    kinds = {RoomKind(k) for k in p["room_kinds"]}
    limit = p["limit"] * (p["sprinkler_factor"] if plan.sprinklers else 1.0)
    basis = L(f"(设自动喷水灭火系统,{p['limit']:g} m × {p['sprinkler_factor']:g})",
              f" (sprinklered: {p['limit']:g} m × {p['sprinkler_factor']:g})") if plan.sprinklers and p["sprinkler_factor"] != 1 else NO_NOTE
    cap = "warning" if measure == evacuation.Measure.WALKING else _cap(rule)
    for floor in plan.floors:
        fg = geometry(ctx, floor)
        res = evacuation.evacuation(fg, measure)
        for r in res.rooms:
            if r.room_kind not in kinds:
                continue
            name = _room_name(fg, fg.rooms[r.room])
            if r.max_distance is None:
                if measure == evacuation.Measure.STRAIGHT:
                    yield Hit.of("route_no_exit", entities=r.zone_ids, floor_id=floor.id, cap=cap,
                                 geometry=_poly_shapes(r.polygon, floor.id), room=name, area=r.polygon.area,
                                 values={"area_m2": r.polygon.area})
                continue
            if r.max_distance > limit + 1e-9:
                geo = [Shape.point((r.worst_point.x, r.worst_point.y), floor.id)]
                if r.path is not None:
                    geo.append(_line_shape(r.path, floor.id))
                yield Hit.of("route_evac_distance", entities=tuple(r.zone_ids) + ((r.target_id,) if r.target_id else ()),
                             floor_id=floor.id, cap=cap, geometry=geo, room=name, measure=MEASURE_LABEL[measure],
                             distance=r.max_distance, limit=limit, basis=basis, note=_note(rule),
                             target=_door_name(fg, r.target_id) if r.target_id else L("—", "—"),
                             values={"distance_m": r.max_distance, "limit_m": limit, "measure": measure.value,
                                     "worst_point": (r.worst_point.x, r.worst_point.y)})


@check("evacuation_blocked", reads=ALL, late=True, params={
    "min_area": Param("positive", required=False, default=1.0, help="m²: smaller pockets are ignored"),
    "confirmed": CONFIRMED,
})
def evacuation_blocked(ctx, rule):
    """Floor area from which no exit can be walked to: counters, seats or furniture close the way
    (evacuation routes kept free of obstructions)."""
    for floor in ctx.plan.floors:
        fg = geometry(ctx, floor)
        for r in evacuation.evacuation(fg, evacuation.Measure.WALKING, rule.p["min_area"]).rooms:
            if r.unreachable_area >= rule.p["min_area"] and r.max_distance is not None:
                near = fg.query_obstacles(r.unreachable.buffer(0.3), classes=None)
                yield Hit.of("route_evac_trapped", entities=tuple(near[:12]), floor_id=floor.id, cap=_cap(rule),
                             geometry=_poly_shapes(r.unreachable, floor.id), room=_room_name(fg, fg.rooms[r.room]),
                             area=r.unreachable_area, note=_note(rule), values={"area_m2": r.unreachable_area})


# --- exits ------------------------------------------------------------------------------------------
@check("exit_count", reads=ALL, plan_props=FIRE_PROPS, params={
    "min_exits": Param("int", required=False, default=2),
    "single_exit_area": Param("positive", required=False, default=200.0, help="m²: one exit allowed up to this floor area"),
    "single_exit_persons": Param("int", required=False, default=50, help="… and up to this many persons"),
    "confirmed": CONFIRMED,
    **LOAD_PARAMS,
})
def exit_count(ctx, rule):
    """Each public floor has at least ``min_exits`` exits (doors to the outside; enclosed stairs above
    or below the discharge floor) unless it is small enough for one."""
    p = rule.p
    for floor, fg in public_geometries(ctx):
        ex = egress.exits(fg)
        if len(ex) >= p["min_exits"]:
            continue
        load = _load(ctx, rule, fg)
        area = fg.outline.area
        if len(ex) >= 1 and area <= p["single_exit_area"] and load.persons <= p["single_exit_persons"]:
            continue
        yield Hit.of("route_exit_count", entities=tuple(e.id for e in ex), floor_id=floor.id, cap=_cap(rule),
                     floor=L(floor.name or floor.id), count=len(ex), need=p["min_exits"], area=area,
                     area_limit=p["single_exit_area"], persons=load.persons, persons_limit=p["single_exit_persons"],
                     load=_load_text(load), note=_note(rule),
                     values={"exits": len(ex), "need": p["min_exits"], "area_m2": area, "persons": load.persons,
                             "load_method": load.method.value})


@check("exit_spacing", reads=egress.EXIT_DEPS, params={
    "min_distance": Param("positive", help="m between the nearest edges of two exits / two doors of a room"),
    "rooms": Param("bool", required=False, default=True, help="also the doors of rooms with two or more doors"),
    "room_min_area": Param("float", required=False, default=120.0,
                           help="m²: only rooms larger than this (smaller rooms need no second door)"),
    "confirmed": CONFIRMED,
})
def exit_spacing(ctx, rule):
    """Adjacent exits of a floor, and adjacent doors of one room, at least ``min_distance`` apart
    (edge to edge)."""
    p = rule.p
    for floor in ctx.plan.floors:
        fg = geometry(ctx, floor)
        groups = [[e.id for e in egress.exits(fg)]]
        if p["rooms"]:
            groups += [list(r.door_ids) for r in egress.room_doors(fg)
                       if r.count >= 2 and r.room.kind != RoomKind.HALL and r.room.area > p["room_min_area"]]
        seen = set()
        for ids in groups:
            for s in egress.spacing(fg, ids):
                if s.distance < p["min_distance"] - 1e-9 and (s.a, s.b) not in seen:
                    seen.add((s.a, s.b))
                    yield Hit.of("route_exit_spacing", entities=(s.a, s.b), floor_id=floor.id, cap=_cap(rule),
                                 geometry=[_line_shape(s.line, floor.id)], a=_door_name(fg, s.a), b=_door_name(fg, s.b),
                                 distance=s.distance, limit=p["min_distance"], note=_note(rule),
                                 values={"distance_m": s.distance, "limit_m": p["min_distance"]})


@check("door_width", reads=egress.EXIT_DEPS, plan_props=("crowded",), params={
    "min_width": Param("positive", help="m clear width"),
    "doors": Param("str", required=False, default="evacuation",
                   help="evacuation (every door but staff doors), exits, public_exits (exits not from staff space), public"),
    "only_crowded": Param("bool", required=False, default=False, help="only when the plan is classed 人员密集"),
    "crowded_confirmed": Param("bool", required=False, default=False,
                               help="false: with only_crowded, findings are warnings (open question 4)"),
    "confirmed": CONFIRMED,
})
def door_width(ctx, rule):
    """Clear width of exit / evacuation / public doors at least ``min_width``."""
    p = rule.p
    if p["only_crowded"] and not ctx.plan.crowded:
        return
    soft = p["only_crowded"] and not p["crowded_confirmed"]
    note = L(_note(rule).zh + CROWDED_NOTE.zh, _note(rule).en + CROWDED_NOTE.en) if soft else _note(rule)
    for floor in ctx.plan.floors:
        fg = geometry(ctx, floor)
        for d in fg.doors:
            if p["doors"] in ("exits", "public_exits") and not d.exterior:
                continue
            if p["doors"] == "public_exits" and (d.front.staff or d.back.staff):
                continue
            if p["doors"] in ("evacuation", "public") and d.kind == DoorKind.STAFF_DOOR and not d.exterior:
                continue
            if p["doors"] == "public" and (d.front.staff or d.back.staff):
                continue
            if d.width < p["min_width"] - 1e-9:
                yield Hit.of("route_door_width", entities=(d.id,), floor_id=floor.id, cap="warning" if soft else _cap(rule),
                             geometry=[_line_shape(d.segment, floor.id)], door=_door_name(fg, d.id),
                             kind=d.kind, width=d.width, limit=p["min_width"], note=note,
                             values={"width_m": d.width, "limit_m": p["min_width"]})


@check("exit_width_total", reads=ALL, plan_props=FIRE_PROPS, params={
    "per_100_1_2": Param("positive", help="m per 100 persons, storeys 1–2"),
    "per_100_3": Param("positive", help="storey 3"),
    "per_100_4_up": Param("positive", help="storey 4 and above"),
    "per_100_basement": Param("positive", required=False, default=0.75, help="basement (ΔH ≤ 10 m)"),
    "confirmed": CONFIRMED,
    **LOAD_PARAMS,
})
def exit_width_total(ctx, rule):
    """Σ clear widths of a floor's exits ≥ occupants / 100 × the width per 100 persons for its storey;
    the finding states the occupant-load method (density × public area, or seats + 2 × windows + staff,
    the larger)."""
    p = rule.p
    for floor, fg in public_geometries(ctx):
        s = fg.storey
        per = p["per_100_basement"] if s <= 0 else p["per_100_1_2"] if s <= 2 else p["per_100_3"] if s == 3 else p["per_100_4_up"]
        ew = egress.exit_width(ctx.plan, fg, _density(rule, s), per, p["area_per_staff"])
        if ew.total < ew.required - 1e-9:
            yield Hit.of("route_exit_width_total", entities=ew.exit_ids, floor_id=floor.id, cap=_cap(rule),
                         floor=L(floor.name or floor.id), total=ew.total, required=ew.required, per100=per,
                         persons=ew.load.persons, load=_load_text(ew.load), note=_note(rule),
                         values={"total_m": ew.total, "required_m": ew.required, "persons": ew.load.persons,
                                 "load_method": ew.load.method.value, "per_100_m": per})


@check("room_doors", reads=egress.EXIT_DEPS, params={
    "single_door_area": Param("positive", help="m²: a room larger than this needs two doors"),
    "room_kinds": Param("str_list", required=False, default=("room", "staff", "toilet"), help="room kinds checked"),
    "confirmed": CONFIRMED,
})
def room_doors(ctx, rule):
    """Enclosed rooms above ``single_door_area`` have at least two doors."""
    p = rule.p
    kinds = {RoomKind(k) for k in p["room_kinds"]}
    for floor in ctx.plan.floors:
        fg = geometry(ctx, floor)
        for rd in egress.room_doors(fg):
            if rd.room.kind in kinds and rd.count < 2 and rd.room.area > p["single_door_area"] + 1e-9:
                yield Hit.of("route_room_doors", entities=rd.room.zone_ids + rd.door_ids, floor_id=floor.id,
                             cap=_cap(rule), geometry=_poly_shapes(rd.room.polygon, floor.id),
                             room=_room_name(fg, rd.room), area=rd.room.area, count=rd.count,
                             limit=p["single_door_area"], note=_note(rule),
                             values={"area_m2": rd.room.area, "doors": rd.count, "limit_m2": p["single_door_area"]})


@check("door_swing", reads=ALL, plan_props=FIRE_PROPS, params={
    "min_persons": Param("int", help="exits serving more persons must open in the direction of escape"),
    "confirmed": CONFIRMED,
    **LOAD_PARAMS,
})
def door_swing(ctx, rule):
    """Exits of a floor whose occupant load exceeds ``min_persons`` open outwards (sliding doors do not
    count as opening in the direction of escape)."""
    p = rule.p
    for floor, fg in public_geometries(ctx):
        load = _load(ctx, rule, fg)
        if load.persons <= p["min_persons"]:
            continue
        for d in fg.doors:
            if not d.exterior:
                continue
            door = floor.doors[d.id]
            if not door.opens_outward:
                yield Hit.of("route_door_swing", entities=(d.id,), floor_id=floor.id, cap=_cap(rule),
                             geometry=[_line_shape(d.segment, floor.id)], door=_door_name(fg, d.id),
                             persons=load.persons, limit=p["min_persons"], hinge=door.hinge, note=_note(rule),
                             values={"persons": load.persons})


# --- clear-width routes -----------------------------------------------------------------------------
def _route_hits(fg: FloorGeometry, floor: Floor, res, rule, key_pinch: str, key_blocked: str, extra_fmt: dict,
                skip_enclosed: bool = False):
    """Findings for unreached targets, one per pinch (targets cut off at the same spot together).
    ``skip_enclosed``: leave out targets the building itself closes off (behind staff doors)."""
    groups: dict = {}
    for t in res.failed:
        if t.enclosed and skip_enclosed:
            continue
        if t.pinches and t.passable:
            pin = t.pinches[0]
            k = ("pinch", round(pin.point.x, 1), round(pin.point.y, 1))
        else:
            pin = None
            k = ("blocked", t.target.id)
        groups.setdefault(k, (pin, [], t.pinches if not t.passable else ()))[1].append(t.target)
    src = L("、".join(_door_name(fg, s.id).zh for s in res.sources) or "—",
            ", ".join(_door_name(fg, s.id).en for s in res.sources) or "—")
    for _, (pin, targets, blockers) in sorted(groups.items(), key=lambda kv: str(kv[0])):
        names_zh, names_en = [], []
        for t in targets:
            nm = _target_name(fg, t)
            names_zh.append(nm.zh)
            names_en.append(nm.en)
        tname = L("、".join(names_zh), ", ".join(names_en))
        ids = tuple(t.id for t in targets)
        if pin is not None:
            geo = [Shape.point((pin.point.x, pin.point.y), floor.id), _line_shape(pin.line, floor.id)]
            yield Hit.of(key_pinch, entities=ids + pin.entity_ids, floor_id=floor.id, cap=_cap(rule), geometry=geo,
                         source=src, target=tname, width=res.width, pinch=pin.width, note=_note(rule), **extra_fmt,
                         values={"width_m": res.width, "pinch_m": pin.width, "pinch_point": (pin.point.x, pin.point.y),
                                 "targets": ids})
        else:
            geo = [g for t in targets for g in _poly_shapes(t.geometry, floor.id, 2)]
            closing = ()
            if blockers:
                b = blockers[0]
                geo = [Shape.point((b.point.x, b.point.y), floor.id), _line_shape(b.line, floor.id)] + geo
                closing = b.entity_ids
            yield Hit.of(key_blocked, entities=ids + closing, floor_id=floor.id, cap=_cap(rule), geometry=geo,
                         source=src, target=tname, width=res.width, note=_note(rule),
                         by=L("、".join(closing) or "墙体", ", ".join(closing) or "walls"), **extra_fmt,
                         values={"width_m": res.width, "targets": ids})


def _target_name(fg: FloorGeometry, t: RouteTarget) -> L:
    if t.kind in ("zone", "toilet"):
        return _zone_names(fg, [t.id])
    if t.kind == "window":
        w = fg.floor.windows.get(t.id)
        n = w.number if w is not None else t.id
        return L(f"{n} 号窗口", f"window {n}")
    if t.kind == "lift":
        return L(f"无障碍电梯 {t.id}", f"accessible lift {t.id}")
    return L(t.id)


def _zone_targets(fg: FloorGeometry, kinds=None) -> list[RouteTarget]:
    ids, zk, geoms = fg.zones
    return [RouteTarget(i, "toilet" if k == ZoneKind.TOILET_ACCESSIBLE else "zone", g)
            for i, k, g in zip(ids, zk, geoms, strict=True) if (kinds is None and k not in STAFF_ONLY_ZONES) or
            (kinds is not None and k in kinds)]


def accessible_windows(floor: Floor):
    return sorted((w for w in floor.windows.values() if w.kind == WindowKind.ACCESSIBLE or w.low_counter),
                  key=lambda w: w.id)


def accessible_route_targets(fg: FloorGeometry, width: float, sources) -> list[RouteTarget]:
    """What the accessible route must reach on ``fg``'s floor from ``sources`` at ``width``: the public
    zones (the accessible toilet as such), the accessible windows and, from the entrance, the accessible
    lifts. The check and the live overlay both use it, so overlay and finding agree."""
    floor = fg.floor
    targets = _zone_targets(fg)
    for w in accessible_windows(floor):
        targets.append(RouteTarget(w.id, "window", shapely.Point(w.front_point(0.75)).buffer(0.75)))
    if any(s.kind == "entrance" for s in sources):
        for lf in sorted(floor.lifts.values(), key=lambda x: x.id):
            if lf.accessible:
                targets.append(RouteTarget(lf.id, "lift", shapely.Polygon(lf.footprint()).buffer(0.3 + width / 2)))
    return targets


@check("accessible_route", reads=ALL, plan_props=("crowded",), params={
    "width": Param("positive", help="m clear width of the accessible route"),
    "crowded_width": Param("positive", required=False, default=0.0, help="m when the hall is classed 人员密集 (0: same)"),
    "door_width": Param("positive", help="m clear width a door on the route needs"),
    "crowded_confirmed": Param("bool", required=False, default=False,
                               help="false: a route wide enough for ``width`` but not for ``crowded_width`` is a warning"),
    "confirmed": CONFIRMED,
})
def accessible_route(ctx, rule):
    """A route of clear ``width`` (``crowded_width`` in a 人员密集 hall) from the main entrance (on
    other floors: the accessible lift) to every public zone, the accessible window, the accessible toilet
    and the accessible lift; doors need ``door_width``. Findings show where the route pinches. Places
    the building closes off behind staff doors are not public and left to the separation check.

    While the 人员密集 classification of service halls is open, a route that is only narrower than the
    crowded width (but wide enough for ``width``) is a warning that says so."""
    p = rule.p
    crowded = ctx.plan.crowded and p["crowded_width"] > p["width"]
    for floor, fg in public_geometries(ctx):
        yield from _floor_hits(fg, rule, lambda fg=fg, floor=floor: _accessible_route_floor(rule, fg, floor, crowded), crowded)


def _accessible_route_floor(rule, fg: FloorGeometry, floor: Floor, crowded: bool):
    p = rule.p
    widths = [p["width"]] + ([p["crowded_width"]] if crowded else [])
    failed_base: set[str] = set()
    for width in widths:
        is_crowded = width != p["width"]
        sources = clearwidth.entrance_sources(fg, width)
        if not sources:
            break
        targets = accessible_route_targets(fg, width, sources)
        if is_crowded:  # what already fails at the basic width is reported once, as such
            targets = [t for t in targets if t.id not in failed_base]
        res = clearwidth.route_width(fg, width, sources, targets, door_width=p["door_width"], which="public",
                                      with_network=False)
        if not is_crowded:
            failed_base = {t.target.id for t in res.failed}
        why = L("(人员密集的公共场所)", " (crowded public place)") if is_crowded else NO_NOTE
        cap = "warning" if is_crowded and not p["crowded_confirmed"] else ""
        for h in _route_hits(fg, floor, res, rule, "route_access_pinch", "route_access_blocked",
                             {"why": why, "crowded": CROWDED_NOTE if cap else NO_NOTE}, skip_enclosed=True):
            yield replace(h, cap=cap or h.cap)


@check("evacuation_route_width", reads=ALL, params={
    "width": Param("positive", help="m clear width of evacuation routes"),
    "door_width": Param("positive", help="m: doors on the way need this (their own rule checks them)"),
    "zones": Param("str", required=False, default="public", help="public (zones the public uses) or all"),
    "confirmed": CONFIRMED,
})
def evacuation_route_width(ctx, rule):
    """From every public zone (or every zone) a route of clear ``width`` to an exit (counters, seats
    and furniture narrow it); findings show the narrowest spot."""
    for floor in ctx.plan.floors:
        fg = geometry(ctx, floor)
        yield from _floor_hits(fg, rule, lambda fg=fg, floor=floor: _evacuation_route_width_floor(rule, fg, floor))


def _evacuation_route_width_floor(rule, fg: FloorGeometry, floor: Floor):
    p = rule.p
    ex = egress.exits(fg)
    if not ex:
        return
    sources = []
    for e in ex:
        if e.kind == "door":
            d = next(x for x in fg.doors if x.id == e.id)
            s = 1 if d.back.outside else -1
            tip = (d.centre[0] + s * d.normal[0] * (d.thickness / 2 + p["width"] / 2 + 0.3),
                   d.centre[1] + s * d.normal[1] * (d.thickness / 2 + p["width"] / 2 + 0.3))
            sources.append(RouteTarget(e.id, "exit", shapely.LineString([d.centre, tip]).buffer(d.width / 2, cap_style="flat")))
        else:
            sources.append(RouteTarget(e.id, "exit", e.geometry.buffer(0.3 + p["width"] / 2)))
    targets = _zone_targets(fg, kinds=None if p["zones"] == "public" else set(ZoneKind))
    # one route width network for all exits: a zone is fine if any exit is reached
    res = clearwidth.route_width(fg, p["width"], sources, targets, door_width=p["door_width"], which="all",
                                  with_network=False)
    yield from _route_hits(fg, floor, res, rule, "route_evac_pinch", "route_evac_cut_off", {})


@check("turning_circle", reads=ALL, params={
    "diameter": Param("positive", help="m: free circle in front of the accessible window"),
    "confirmed": CONFIRMED,
})
def turning_circle(ctx, rule):
    """A free wheelchair turning circle of ``diameter`` in front of each accessible (low) window."""
    d = rule.p["diameter"]
    for floor in ctx.plan.floors:
        ws = accessible_windows(floor)
        if not ws:
            continue
        fg = geometry(ctx, floor)
        free = fg.free("all")
        for w in ws:
            c = w.front_point(d / 2)
            disc = shapely.Point(c).buffer(d / 2 - 1e-3, quad_segs=16)
            lost = shapely.difference(disc, free)
            if lost.area > 1e-3:
                who = [i for i in fg.query_obstacles(disc) if i != w.id]
                who += sorted(fg.walls_touching(disc))
                names = L("、".join(who) or "墙体或轮廓", ", ".join(who) or "walls or the outline")
                yield Hit.of("route_turning_circle", entities=(w.id, *who), floor_id=floor.id, cap=_cap(rule),
                             geometry=[Shape.polygon(disc.exterior.coords[:-1], floor.id)], number=w.number,
                             diameter=d, blockers=names, note=_note(rule),
                             values={"diameter_m": d, "blocked_m2": lost.area})


@check("low_counter", reads=(EntityKind.WINDOW,), params={
    "height": Param("range", help="m: top of the low counter"),
    "confirmed": CONFIRMED,
})
def low_counter(ctx, rule):
    """Accessible (low) windows have a counter top within the ``height`` range."""
    lo, hi = rule.p["height"]
    for floor in ctx.plan.floors:
        for w in accessible_windows(floor):
            if not (lo - 1e-9 <= w.height <= hi + 1e-9):
                yield Hit.of("route_low_counter", entities=(w.id,), floor_id=floor.id, cap=_cap(rule),
                             number=w.number, height=w.height, lo=lo, hi=hi, note=_note(rule),
                             values={"height_m": w.height})


@check("accessible_toilet", reads=(EntityKind.ZONE, EntityKind.WINDOW, EntityKind.FLOOR), params={
    "min_area": Param("positive", help="m² of an accessible toilet"),
    "per_floor": Param("bool", required=False, default=False, help="every public floor needs one"),
    "confirmed": CONFIRMED,
})
def accessible_toilet(ctx, rule):
    """Accessible toilets of at least ``min_area``; with ``per_floor``, one on every public floor."""
    p = rule.p
    for floor in ctx.plan.floors:
        toilets = sorted((z for z in floor.zones.values() if z.kind == ZoneKind.TOILET_ACCESSIBLE), key=lambda z: z.id)
        if p["per_floor"]:
            if is_public_floor(floor) and not any(z.area >= p["min_area"] - 1e-9 for z in toilets):
                yield Hit.of("route_toilet_floor", floor_id=floor.id, cap=_cap(rule), floor=L(floor.name or floor.id),
                             limit=p["min_area"], area=max((z.area for z in toilets), default=0.0), note=_note(rule))
            continue
        for z in toilets:
            if z.area < p["min_area"] - 1e-9:
                yield Hit.of("route_toilet_area", entities=(z.id,), floor_id=floor.id, cap=_cap(rule),
                             geometry=[Shape.polygon(z.polygon.exterior, floor.id)], zone=L(z.name or z.id),
                             area=z.area, limit=p["min_area"], note=_note(rule), values={"area_m2": z.area})


# --- document checks: separation, CCTV, sight -----------------------------------------------------------
@check("staff_separation", reads=ALL, params={"confirmed": CONFIRMED})
def staff_separation(ctx, rule):
    """Staff-only zones (back office, archive, staff rooms) reached from public space only through staff
    doors; no public route through them. Findings show the leaking opening."""
    for floor in ctx.plan.floors:
        fg = geometry(ctx, floor)
        yield from _floor_hits(fg, rule, lambda fg=fg, floor=floor: _staff_separation_floor(rule, fg, floor))


def _staff_separation_floor(rule, fg: FloorGeometry, floor: Floor):
    s = separation.separation(fg)
    for lk in s.leaks:
        door = L(f",经普通门 {'、'.join(lk.door_ids)}", f", through the ordinary door {', '.join(lk.door_ids)}") if lk.door_ids else NO_NOTE
        yield Hit.of("route_leak", entities=lk.zone_ids + lk.door_ids + lk.entity_ids, floor_id=floor.id, cap=_cap(rule),
                     geometry=[_line_shape(lk.opening, floor.id)] if lk.opening.geom_type == "LineString" else [],
                     zone=_zone_names(fg, lk.zone_ids), width=lk.width, door=door, note=_note(rule),
                     values={"width_m": lk.width, "opening": tuple(lk.opening.coords) if lk.opening.geom_type == "LineString" else ()})
    for t in s.through_routes:
        yield Hit.of("route_through_staff", entities=(t.zone_id,) + t.via_zone_ids, floor_id=floor.id, cap=_cap(rule),
                     geometry=_poly_shapes(t.geometry, floor.id, 2), zone=_zone_names(fg, [t.zone_id]),
                     via=_zone_names(fg, t.via_zone_ids), note=_note(rule))


@check("cctv_coverage", reads=ALL, params={
    "min_share": Param("positive", help="% of the public area the cameras must see"),
    "min_blind": Param("positive", required=False, default=0.5, help="m²: smaller blind spots are not listed"),
    "exclude": Param("zone_kinds", required=False, default=(),
                     help="zone kinds left out of the area (toilets, mother-and-baby room: no camera may look in)"),
    "confirmed": CONFIRMED,
})
def cctv_coverage(ctx, rule):
    """Share of the public area seen by the cameras (position, facing, field of view, range; walls,
    columns and tall furniture block the view), with the blind spots."""
    p = rule.p
    for floor, fg in public_geometries(ctx):
        c = sight.coverage(fg, p["min_blind"], exclude=p["exclude"])
        share = 100.0 * c.share
        if share < p["min_share"] - 1e-9:
            blind = sum(g.area for g in c.blind_spots)
            geo = [Shape.polygon(g.exterior.coords[:-1], floor.id) for g in c.blind_spots[:20]]
            yield Hit.of("route_coverage", entities=tuple(v.id for v in c.cameras), floor_id=floor.id, cap=_cap(rule),
                         geometry=geo, floor=L(floor.name or floor.id), share=share, limit=p["min_share"],
                         count=len(c.blind_spots), blind=blind, note=_note(rule),
                         values={"share_pct": share, "limit_pct": p["min_share"], "blind_m2": blind})


# what sight depends on: what blocks it (not counters, not zones), the entrances and the items looked for
SIGHT_READS = sight.BLOCKER_KINDS | {EntityKind.DOOR, EntityKind.FURNITURE}


@check("entrance_sight", reads=SIGHT_READS, params={
    "kinds": Param("furniture_kinds", help="items that must be seen from a main entrance"),
    "max_distance": Param("positive", help="m: seen within this distance"),
    "confirmed": CONFIRMED,
})
def entrance_sight(ctx, rule):
    """Items of the given kinds (guide desk, queue machine, self-service terminals) visible from a main
    entrance within ``max_distance``: at least one item of each kind, from some main entrance."""
    p = rule.p
    best: dict[FurnitureKind, tuple] = {}
    entrances = 0
    for floor in ctx.plan.floors:
        fg = geometry(ctx, floor)
        mains = [d for d in fg.doors if d.kind == DoorKind.MAIN_ENTRANCE and d.exterior]
        entrances += len(mains)
        for d in mains:
            o = sight.entrance_point(fg, d.id)
            for it in sorted(floor.furniture.values(), key=lambda x: x.id):
                if it.kind not in p["kinds"]:
                    continue
                s = sight.sighting(fg, o, it.id, shapely.Polygon(it.footprint()), p["max_distance"])
                score = (s.visible and s.distance <= p["max_distance"], -s.distance)
                if it.kind not in best or score > best[it.kind][0]:
                    best[it.kind] = (score, s, floor.id, d.id)
    if not entrances:
        return
    for k in p["kinds"]:
        if k not in best:
            continue  # presence is another rule's business
        (ok, _), s, fid, did = best[k]
        if not ok:
            yield Hit.of("route_not_seen", entities=(s.target_id, did), floor_id=fid, cap=_cap(rule),
                         geometry=[_line_shape(s.line, fid)], kind=k, distance=s.distance, limit=p["max_distance"],
                         note=_note(rule), values={"distance_m": s.distance, "visible": s.visible})


# --- summary for reporters ---------------------------------------------------------------------------
def route_summary(ctx, findings=()) -> dict:
    """The route analysis behind the findings, for the JSON report: per floor the worst evacuation
    point by each measure (distance, room, point, the path to its exit), and every pinch point the
    findings name (where a route of the required width narrows). Uses the check context's geometry
    cache, so after a run it costs next to nothing."""
    floors = []
    for floor in ctx.plan.floors:
        fg = geometry(ctx, floor)
        evac = {}
        for measure in evacuation.Measure:
            w = evacuation.evacuation(fg, measure).worst
            if w is None:
                continue
            path = w.path
            evac[measure.value] = {
                "distance_m": round(w.max_distance, 3), "room_kind": w.room_kind.value, "zones": list(w.zone_ids),
                "worst_point": [round(w.worst_point.x, 3), round(w.worst_point.y, 3)], "exit": w.target_id,
                "path": [] if path is None else [[round(x, 3), round(y, 3)] for x, y in path.coords]}
        floors.append({"floor": floor.id, "evacuation": evac})
    pinches = []
    for f in findings:
        v = dict(f.values)
        if "pinch_point" in v:
            pinches.append({"rule": f.rule_id, "floor": f.floor_id, "point": list(v["pinch_point"]),
                            "width_m": v["pinch_m"], "required_m": v["width_m"], "targets": list(v.get("targets", ())),
                            "line": next(([list(p) for p in g.points] for g in f.geometry if g.kind == "line"), [])})
    return {"floors": floors, "pinches": pinches}
