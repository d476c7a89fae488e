"""Checks on function zones: presence per level and document, adjacency, own exterior door."""

from __future__ import annotations

from hallplan.i18n import label
from hallplan.model import EntityKind

from .finding import Shape
from .geo import door_on_boundary, footprint_shape, zone_shape, zones_of
from .registry import Hit, L, Param, check


def alternatives(kinds) -> L:
    """"A或B" / "A or B" for a group of alternative kinds."""
    return L("或".join(label(k, "zh") for k in kinds), " or ".join(label(k, "en") for k in kinds))


def _present_kinds(plan):
    return {z.kind for f in plan.floors for z in f.zones.values()}


@check("zones_required", reads=(EntityKind.ZONE,), params={
    "groups": Param("zone_groups", help='zone kinds required; "a|b" accepts either'),
})
def zones_required(ctx, rule):
    """Every group of zone kinds is present somewhere in the plan (a group: any one of its kinds)."""
    present = _present_kinds(ctx.plan)
    for group in rule.param("groups"):
        if not present.intersection(group):
            yield Hit.of("zone_missing", kinds=alternatives(group), values={"missing": tuple(k.value for k in group)})


@check("zones_report", reads=(EntityKind.ZONE,), params={
    "kinds": Param("zone_kinds", help="optional zone kinds whose presence is reported"),
})
def zones_report(ctx, rule):
    """Reports which of the optional zone kinds the plan has (always one info finding)."""
    present = _present_kinds(ctx.plan)
    have = tuple(k for k in rule.param("kinds") if k in present)
    lack = tuple(k for k in rule.param("kinds") if k not in present)
    yield Hit.of("zones_report", have=have, lack=lack,
                 values={"present": tuple(k.value for k in have), "absent": tuple(k.value for k in lack)})


@check("zones_adjacent", scope="floor", reads=(EntityKind.ZONE, EntityKind.WINDOW), params={
    "zone": Param("zone_kind", help="each group of touching zones of this kind …"),
    "near": Param("zone_kinds", help="… lies within max_gap of a zone of one of these kinds on its floor"),
    "max_gap": Param("float", help="largest gap in metres (0: touching)"),
    "with_counters": Param("bool", required=False, default=False,
                           help="counters standing on the edge of a near zone count as part of it"),
})
def zones_adjacent(ctx, rule, floor):
    """Each group of touching zones of kind ``zone`` touches, or lies within ``max_gap`` of, a zone of
    the ``near`` kinds on the same floor (edge-to-edge distance of the zone polygons). Zones of the kind
    that touch each other count as one (a back office in two drawn parts). With ``with_counters`` the
    counters on the edge of a near zone belong to it, so a back office directly behind the counter row
    is adjacent to the window zone."""
    p = rule.p
    near = zones_of(floor, p["near"])
    groups = _touching_groups(ctx, zones_of(floor, [p["zone"]]))
    if not groups:
        return
    near_geoms = [(n, zone_shape(ctx, n)) for n in near]
    counters = []
    if p["with_counters"] and near_geoms:
        for w in floor.windows.values():
            g = footprint_shape(ctx, w)
            host = min(near_geoms, key=lambda ng: (g.distance(ng[1]), ng[0].id))
            if g.distance(host[1]) <= 0.05:
                counters.append((host[0], g))
    for group in groups:
        first = group[0]
        zname = L(first.name or label(first.kind, "zh"), first.name or label(first.kind, "en"))
        shapes = tuple(Shape.polygon(z.polygon.exterior) for z in group)
        ids = tuple(z.id for z in group)
        if not near:
            yield Hit.of("zone_no_neighbour", entities=ids, geometry=shapes, zone=zname, near=alternatives(p["near"]))
            continue
        gs = [zone_shape(ctx, z) for z in group]
        cands = [(min(g.distance(ng) for g in gs), n.id, n) for n, ng in near_geoms]
        cands += [(min(g.distance(cg) for g in gs), n.id, n) for n, cg in counters]
        gap, _, best = min(cands, key=lambda c: (c[0], c[1]))
        if gap > p["max_gap"] + 1e-9:
            yield Hit.of("zone_too_far", entities=(*ids, best.id), geometry=(*shapes, Shape.polygon(best.polygon.exterior)),
                         zone=zname, near=alternatives(p["near"]), gap=round(gap, 2), limit=p["max_gap"])


def _touching_groups(ctx, zones, tol: float = 0.05):
    """Zones grouped into sets that touch (within ``tol``), each sorted by id, groups by first id."""
    zones = sorted(zones, key=lambda z: z.id)
    parent = list(range(len(zones)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(zones)):
        for j in range(i + 1, len(zones)):
            if zone_shape(ctx, zones[i]).distance(zone_shape(ctx, zones[j])) <= tol:
                parent[find(j)] = find(i)
    groups: dict[int, list] = {}
    for i, z in enumerate(zones):
        groups.setdefault(find(i), []).append(z)
    return sorted(groups.values(), key=lambda g: g[0].id)


@check("zone_exterior_door", scope="floor", reads=(EntityKind.ZONE, EntityKind.DOOR), params={
    "zone": Param("zone_kind", help="zone kind that needs its own door to the outside"),
    "tolerance": Param("float", required=False, default=0.3, help="door centre to zone edge, metres"),
})
def zone_exterior_door(ctx, rule, floor):
    """Each zone of the kind has a door to the outside on its own boundary (it can open separately)."""
    p = rule.p
    outside = [d for d in floor.doors.values() if d.to_outside]
    for z in zones_of(floor, [p["zone"]]):
        if not any(door_on_boundary(ctx, z, d, p["tolerance"]) for d in outside):
            yield Hit.of("zone_no_exterior_door", entities=(z.id,), geometry=(Shape.polygon(z.polygon.exterior),),
                         zone=L(z.name or label(z.kind, "zh"), z.name or label(z.kind, "en")))
