"""Checks on furniture and devices: presence, placement near the main entrance, placement in zones."""

from __future__ import annotations

from hallplan.i18n import label
from hallplan.model import EntityKind

from .checks_zones import alternatives
from .finding import Shape
from .geo import dist, entrances, is_public_floor, zone_at
from .registry import Hit, L, Param, check


def _counts(ctx, fl, kinds, zones) -> dict:
    n = {k: 0 for k in kinds}
    for it in fl.furniture.values():
        if it.kind in n:
            if zones:
                z = zone_at(ctx, fl, (it.x, it.y))
                if z is None or z.kind not in zones:
                    continue
            n[it.kind] += 1
    return n


@check("furniture_required", reads=(EntityKind.FURNITURE, EntityKind.ZONE), derived=("zone_index",), params={
    "kinds": Param("furniture_kinds", help="every one of these kinds is needed"),
    "min_count": Param("int", required=False, default=1, help="items needed of each kind"),
    "in_zones": Param("zone_kinds", required=False, default=(), help="only items inside these zone kinds count"),
})
def furniture_required(ctx, rule):
    """At least ``min_count`` items of each kind in the plan (optionally only items standing in the
    given zone kinds count)."""
    p = rule.p
    zones = set(p["in_zones"])
    total = {k: 0 for k in p["kinds"]}
    for fl in ctx.plan.floors:
        for k, n in _counts(ctx, fl, p["kinds"], zones).items():
            total[k] += n
    where = alternatives(p["in_zones"]) if zones else L("", "")
    for k, n in total.items():
        if n < p["min_count"]:
            yield Hit.of("furniture_missing_in" if zones else "furniture_missing", kind=k, count=n,
                         limit=p["min_count"], where=where)


@check("furniture_per_floor", scope="floor", reads=(EntityKind.FURNITURE, EntityKind.ZONE, EntityKind.WINDOW),
       params={
           "kinds": Param("furniture_kinds", help="every one of these kinds is needed on each public floor"),
           "min_count": Param("int", required=False, default=1, help="items needed of each kind per floor"),
       })
def furniture_per_floor(ctx, rule, floor):
    """At least ``min_count`` items of each kind on every public floor (a floor with windows or a
    zone the public uses)."""
    p = rule.p
    if not is_public_floor(floor):
        return
    for k, n in _counts(ctx, floor, p["kinds"], ()).items():
        if n < p["min_count"]:
            yield Hit.of("furniture_missing_floor", floor=floor.name or floor.id, kind=k, count=n, limit=p["min_count"])


@check("furniture_near_entrance", reads=(EntityKind.FURNITURE, EntityKind.DOOR), params={
    "kind": Param("furniture_kind", help="the item"),
    "max_distance": Param("positive", help="straight-line distance from a main entrance, m"),
})
def furniture_near_entrance(ctx, rule):
    """An item of the kind stands within ``max_distance`` (straight line, centre to door centre) of a
    main entrance on the same floor. Whether it is also visible from the entrance is a sight-line
    check of the route analysis."""
    p = rule.p
    plan = ctx.plan
    kind, dmax = p["kind"], p["max_distance"]
    items = [(it, fl) for fl in plan.floors for it in fl.furniture.values() if it.kind == kind]
    doors = [(d, fl) for fl in plan.floors for d in entrances(fl)]
    if not items:
        yield Hit.of("furniture_missing", kind=kind, count=0, limit=1, where=L("", ""))
        return
    if not doors:
        yield Hit.of("no_main_entrance", kind=kind)
        return
    best = None
    for it, fl in items:
        for d, dfl in doors:
            if fl.id != dfl.id:
                continue
            dd = dist((it.x, it.y), (d.x, d.y))
            if best is None or (dd, it.id, d.id) < (best[0], best[1].id, best[2].id):
                best = (dd, it, d, fl)
    if best is None:
        ids = tuple(sorted(it.id for it, _ in items))
        yield Hit.of("furniture_not_on_entrance_floor", entities=ids, kind=kind)
        return
    dd, it, d, fl = best
    if dd > dmax + 1e-9:
        yield Hit.of("furniture_far_from_entrance", entities=(it.id, d.id), floor_id=fl.id,
                     geometry=(Shape.line(((d.x, d.y), (it.x, it.y)), fl.id),), kind=kind,
                     distance=round(dd, 1), limit=dmax)


@check("furniture_in_zones", scope="floor", reads=(EntityKind.FURNITURE, EntityKind.ZONE), derived=("zone_index",),
       params={
    "kind": Param("furniture_kind", help="the item"),
    "zones": Param("zone_kinds", help="zone kinds it must stand in"),
})
def furniture_in_zones(ctx, rule, floor):
    """Every item of the kind stands inside a zone of the allowed kinds."""
    p = rule.p
    for it in sorted(floor.furniture.values(), key=lambda i: i.id):
        if it.kind != p["kind"]:
            continue
        z = zone_at(ctx, floor, (it.x, it.y))
        if z is None or z.kind not in p["zones"]:
            here = L(label(z.kind, "zh"), label(z.kind, "en")) if z else L("任何功能区之外", "outside every zone")
            yield Hit.of("furniture_wrong_zone", entities=(it.id,), geometry=(Shape.polygon(it.footprint(), floor.id),),
                         kind=p["kind"], here=here, zones=alternatives(p["zones"]))
