"""Checks on hall-level data: names, floors, gross area, service hours, staffing."""

from __future__ import annotations

import re

from hallplan.model import EntityKind, ZoneKind

from .geo import PUBLIC_ZONES
from .registry import Hit, Param, check

_PUBLIC_FOR_FLOORS = PUBLIC_ZONES - {ZoneKind.CIRCULATION}


@check("name_pattern", plan_props=("name", "level", "branch"), params={
    "patterns": Param("level_regexes", help="level = regular expression the name must match"),
    "formats": Param("level_strs", help="level = the pattern as the document writes it"),
    "branch": Param("bool", required=False, default=False,
                    help="true: the rule is about branch halls (分厅) only; false: main halls only"),
})
def name_pattern(ctx, rule):
    """The venue name matches the document's pattern for the hall level (and branch flag)."""
    plan = ctx.plan
    p = rule.p
    if plan.branch != p["branch"]:
        return
    patterns = dict(p["patterns"])
    if plan.level not in patterns:
        return
    name = plan.name.strip()
    if not re.fullmatch(patterns[plan.level], name):
        fmt = dict(p["formats"]).get(plan.level, patterns[plan.level])
        yield Hit.of("name_pattern", name=name or "—", level=plan.level, expected=fmt)


def _public_floors(plan):
    out = []
    for f in plan.floors:
        if f.windows or any(z.kind in _PUBLIC_FOR_FLOORS for z in f.zones.values()):
            out.append(f)
    return out


@check("public_floor_max_storey", reads=(EntityKind.FLOOR, EntityKind.ZONE, EntityKind.WINDOW), params={
    "max_storey": Param("int", help="highest storey for public hall floors"),
})
def public_floor_max_storey(ctx, rule):
    """Public hall floors (with windows or public zones) are on a low storey."""
    limit = rule.param("max_storey")
    for f in _public_floors(ctx.plan):
        if f.storey > limit:
            yield Hit.of("public_floor_storey", floor_id=f.id, floor=f.name or f.id, storey=f.storey, limit=limit)


@check("lift_for_upper_floors", reads=(EntityKind.FLOOR, EntityKind.ZONE, EntityKind.WINDOW, EntityKind.LIFT))
def lift_for_upper_floors(ctx, rule):
    """A public floor above (or below) the ground floor is served by an accessible lift."""
    for f in _public_floors(ctx.plan):
        if f.storey == 1:
            continue
        if not any(lift.accessible for lift in f.lifts.values()):
            yield Hit.of("lift_missing", floor_id=f.id, floor=f.name or f.id, storey=f.storey)


@check("min_gross_area", reads=(EntityKind.FLOOR,), plan_props=("level",), params={
    "min_area": Param("level_floats", help="level = minimum 建筑面积 in m²"),
})
def min_gross_area(ctx, rule):
    """Gross floor area (建筑面积: sum of the floor outlines, drawn to the outside face of the
    exterior walls) is at least the minimum for the level."""
    plan = ctx.plan
    limits = dict(rule.param("min_area"))
    if plan.level not in limits:
        return
    area = sum(f.area for f in plan.floors)
    limit = limits[plan.level]
    if area < limit:
        yield Hit.of("min_gross_area", area=round(area, 1), limit=limit, level=plan.level, floors=len(plan.floors),
                     values={"gross_area_m2": round(area, 1), "limit_m2": limit, "area_basis": "gross"})


@check("service_hours_present", plan_props=("service_hours",))
def service_hours_present(ctx, rule):
    """The plan states the service hours (对外服务时间) for the notice at the main entrance."""
    if not ctx.plan.service_hours:
        yield Hit.of("service_hours_missing")


@check("staff_ab_posts", reads=(EntityKind.WINDOW,), plan_props=("staff_count", "demand"), params={
    "per_window": Param("positive", help="staff needed per window and shift"),
})
def staff_ab_posts(ctx, rule):
    """Staff numbers cover every window in every shift (A/B posts: service never stops)."""
    plan = ctx.plan
    n = len(plan.all_windows())
    if n == 0:
        return
    shifts = max(1, plan.demand.shifts)
    need = n * shifts * rule.param("per_window")
    if plan.staff_count <= 0:
        yield Hit.of("staff_not_given", windows=n, need=need, cap="info")
    elif plan.staff_count < need:
        yield Hit.of("staff_short", staff=plan.staff_count, windows=n, shifts=shifts, need=need)
