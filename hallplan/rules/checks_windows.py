"""Checks on service windows: kinds, counts, numbering and signs, counters, equipment, queue space."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from hallplan.i18n import has, tr
from hallplan.model import Domain, EntityKind, FurnitureKind, ServiceWindow, WindowKind

from .checks_zones import alternatives
from .finding import Shape
from .geo import SPolygon, blocking, dist, queue_rect
from .registry import Hit, L, Param, check

_CJK = re.compile(r"[\u4e00-\u9fff]")


def equipment_names(items) -> L:
    """Equipment codes as display names in both languages (unknown codes shown as they are)."""
    def one(code: str, lang: str) -> str:
        key = f"rules.equipment.{code}"
        return tr(key, lang) if has(key) else code

    return L("、".join(one(i, "zh") for i in items), ", ".join(one(i, "en") for i in items))


def _natural(s: str):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]


def numbers(ws) -> str:
    """Window numbers as a short list ("1、2、5"), ids for windows without a number."""
    ws = sorted(ws, key=lambda w: (_natural(w.number), w.id))
    shown = [w.number or w.id for w in ws[:12]]
    return "、".join(shown) + ("…" if len(ws) > 12 else "")


def matches(w: ServiceWindow, kind: WindowKind) -> bool:
    """A window serves as ``kind``; a low counter counts as an accessible window (YZ-4.3)."""
    return w.kind == kind or (kind == WindowKind.ACCESSIBLE and w.low_counter)


@check("window_kinds_required", reads=(EntityKind.WINDOW,), params={
    "groups": Param("window_groups", help='window kinds required; "a|b" accepts either'),
    "min_count": Param("int", required=False, default=1, help="windows needed per group"),
})
def window_kinds_required(ctx, rule):
    """Every group of window kinds has at least ``min_count`` windows."""
    ws = ctx.plan.all_windows()
    n_min = rule.param("min_count")
    for group in rule.param("groups"):
        n = sum(1 for w in ws if any(matches(w, k) for k in group))
        if n < n_min:
            yield Hit.of("window_kind_missing", kinds=alternatives(group), count=n, limit=n_min)


@check("window_kinds_report", reads=(EntityKind.WINDOW,), params={
    "kinds": Param("window_kinds", help="optional window kinds whose presence is reported"),
})
def window_kinds_report(ctx, rule):
    """Reports which of the optional window kinds the plan has (always one info finding)."""
    ws = ctx.plan.all_windows()
    have = tuple(k for k in rule.param("kinds") if any(matches(w, k) for w in ws))
    lack = tuple(k for k in rule.param("kinds") if k not in have)
    yield Hit.of("window_kinds_report", have=have, lack=lack,
                 values={"present": tuple(k.value for k in have), "absent": tuple(k.value for k in lack)})


@check("window_count_min", reads=(EntityKind.WINDOW,), params={
    "kinds": Param("window_kinds", help="kinds that count"),
    "min_count": Param("int", help="minimum number of such windows"),
})
def window_count_min(ctx, rule):
    """At least ``min_count`` windows of the given kinds."""
    kinds = rule.param("kinds")
    n = sum(1 for w in ctx.plan.all_windows() if w.kind in kinds)
    if n < rule.param("min_count"):
        yield Hit.of("window_count_min", kinds=alternatives(kinds), count=n, limit=rule.param("min_count"))


@check("universal_share", reads=(EntityKind.WINDOW,))
def universal_share(ctx, rule):
    """Reports the share of undifferentiated windows among the comprehensive windows."""
    ws = [w for w in ctx.plan.all_windows() if w.kind.is_comprehensive]
    if not ws:
        return
    u = sum(1 for w in ws if w.kind == WindowKind.UNIVERSAL)
    yield Hit.of("universal_share", universal=u, total=len(ws), share=round(100.0 * u / len(ws), 1))


@check("all_comprehensive_universal", reads=(EntityKind.WINDOW,))
def all_comprehensive_universal(ctx, rule):
    """Every comprehensive window is undifferentiated (no by-domain windows)."""
    dom = [w for w in ctx.plan.all_windows() if w.kind == WindowKind.DOMAIN]
    if dom:
        yield Hit.of("domain_not_universal", entities=tuple(sorted(w.id for w in dom)), count=len(dom), numbers=numbers(dom))


@check("comprehensive_mode", reads=(EntityKind.WINDOW,), params={
    "domain_kinds": Param("range", help="[min, max] number of domains when by-domain windows are used"),
})
def comprehensive_mode(ctx, rule):
    """Comprehensive windows are undifferentiated, or by domain in ``domain_kinds`` domains."""
    ws = ctx.plan.all_windows()
    uni = [w for w in ws if w.kind == WindowKind.UNIVERSAL]
    dom = [w for w in ws if w.kind == WindowKind.DOMAIN]
    lo, hi = rule.param("domain_kinds")
    if not uni and not dom:
        yield Hit.of("no_comprehensive", count=len(ws))
        return
    if dom:
        domains = sorted({w.domain for w in dom if w.domain != Domain.NONE}, key=lambda d: d.value)
        if not lo <= len(domains) <= hi:
            yield Hit.of("domain_count", entities=tuple(sorted(w.id for w in dom)), count=len(domains),
                         domains=tuple(domains), lo=int(lo), hi=int(hi))


@check("domain_windows_have_domain", reads=(EntityKind.WINDOW,))
def domain_windows_have_domain(ctx, rule):
    """By-domain windows say which domain they serve."""
    bad = [w for w in ctx.plan.all_windows() if w.kind == WindowKind.DOMAIN and w.domain == Domain.NONE]
    if bad:
        yield Hit.of("domain_unset", entities=tuple(sorted(w.id for w in bad)), count=len(bad), numbers=numbers(bad))


_LABEL_ITEMS = ("number", "unique", "name", "cjk_name", "services")


@check("window_labels", reads=(EntityKind.WINDOW,), params={
    "require": Param("str_list", help=f"what every window sign needs, of: {', '.join(_LABEL_ITEMS)}"),
})
def window_labels(ctx, rule):
    """Every window has what its sign shows: number (unique), name (in Chinese), main services."""
    req = rule.param("require")
    bad_items = set(req) - set(_LABEL_ITEMS)
    if bad_items:  # pragma: no cover - packs are validated by tests
        raise ValueError(f"window_labels: unknown items {sorted(bad_items)}")
    ws = ctx.plan.all_windows()
    if "number" in req:
        miss = [w for w in ws if not w.number.strip()]
        if miss:
            yield Hit.of("window_no_number", entities=tuple(sorted(w.id for w in miss)), count=len(miss))
    if "unique" in req:
        by = defaultdict(list)
        for w in ws:
            if w.number.strip():
                by[w.number.strip()].append(w)
        for num, group in sorted(by.items()):
            if len(group) > 1:
                yield Hit.of("window_number_dup", entities=tuple(sorted(w.id for w in group)), number=num, count=len(group))
    if "name" in req:
        miss = [w for w in ws if not w.name.strip()]
        if miss:
            yield Hit.of("window_no_name", entities=tuple(sorted(w.id for w in miss)), count=len(miss), numbers=numbers(miss))
    if "cjk_name" in req:
        miss = [w for w in ws if w.name.strip() and not _CJK.search(w.name)]
        if miss:
            yield Hit.of("window_name_not_chinese", entities=tuple(sorted(w.id for w in miss)), count=len(miss), numbers=numbers(miss))
    if "services" in req:
        miss = [w for w in ws if not w.services.strip()]
        if miss:
            yield Hit.of("window_no_services", entities=tuple(sorted(w.id for w in miss)), count=len(miss), numbers=numbers(miss))


@check("window_equipment", reads=(EntityKind.WINDOW, EntityKind.FURNITURE), params={
    "items": Param("str_list", help="equipment codes every window needs (ServiceWindow.equipment)"),
    "evaluator_distance": Param("float", required=False, default=1.5,
                                help="an evaluator furniture item this close to a counter counts as its evaluator"),
})
def window_equipment(ctx, rule):
    """Every window lists the required equipment. An evaluator may also be drawn as furniture next to
    the counter. If the plan records no equipment at all, one finding says so (at most info)."""
    plan = ctx.plan
    items = rule.param("items")
    ws = plan.all_windows()
    if not ws:
        return
    evals = [(f, fl) for fl in plan.floors for f in fl.furniture.values() if f.kind == FurnitureKind.EVALUATOR]
    floor_of = {w.id: fl.id for fl in plan.floors for w in fl.windows.values()}
    dmax = rule.param("evaluator_distance")

    def has(w: ServiceWindow, item: str) -> bool:
        if item in w.equipment:
            return True
        return item == "evaluator" and any(fl.id == floor_of[w.id] and dist((f.x, f.y), (w.x, w.y)) <= dmax + w.length / 2
                                           for f, fl in evals)

    if not any(w.equipment for w in ws) and not evals:
        yield Hit.of("equipment_not_recorded", items=equipment_names(items), count=len(ws), cap="info")
        return
    missing = defaultdict(list)
    for w in ws:
        lack = tuple(i for i in items if not has(w, i))
        if lack:
            missing[lack].append(w)
    for lack, group in sorted(missing.items()):
        yield Hit.of("equipment_missing", entities=tuple(sorted(w.id for w in group)), count=len(group),
                     numbers=numbers(group), items=equipment_names(lack),
                     values={"missing": lack, "windows": len(group)})


_ATTR = {"height": L("台面高度", "counter height"), "depth": L("台面宽度(进深)", "counter width (depth)"),
         "length": L("台面长度", "counter length")}


@check("counter_dimensions", reads=(EntityKind.WINDOW,), params={
    "attribute": Param("str", help="height, depth (台面宽度, front to back) or length"),
    "range": Param("range", help="[min, max] in metres"),
    "exempt_low": Param("bool", required=False, default=True, help="low (accessible) counters are exempt"),
})
def counter_dimensions(ctx, rule):
    """A counter dimension lies within the document's range (one finding per distinct value)."""
    p = rule.p
    attr = p["attribute"]
    if attr not in _ATTR:  # pragma: no cover - packs are validated by tests
        raise ValueError(f"counter_dimensions: unknown attribute {attr!r}")
    lo, hi = p["range"]
    by = defaultdict(list)
    for w in ctx.plan.all_windows():
        if p["exempt_low"] and (w.low_counter or w.kind == WindowKind.ACCESSIBLE):
            continue
        v = round(getattr(w, attr), 3)
        if not lo - 1e-9 <= v <= hi + 1e-9:
            by[v].append(w)
    for v, group in sorted(by.items()):
        yield Hit.of("counter_dimension", entities=tuple(sorted(w.id for w in group)), what=_ATTR[attr],
                     count=len(group), numbers=numbers(group), value=v, lo=lo, hi=hi,
                     values={"value_m": v, "min_m": lo, "max_m": hi, "windows": len(group)})


@check("counters_uniform", reads=(EntityKind.WINDOW,), params={
    "tolerance": Param("float", required=False, default=0.01, help="metres"),
})
def counters_uniform(ctx, rule):
    """All counters (low accessible counters aside) share one height and depth."""
    tol = rule.param("tolerance")
    ws = [w for w in ctx.plan.all_windows() if not (w.low_counter or w.kind == WindowKind.ACCESSIBLE)]
    if len(ws) < 2:
        return
    q = max(tol, 1e-3)
    sized = [(w, (round(w.height / q) * q, round(w.depth / q) * q)) for w in ws]
    sizes = Counter(hd for _, hd in sized)
    if len(sizes) > 1:
        (h0, d0), _ = sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        odd = [w for w, hd in sized if hd != (h0, d0)]
        yield Hit.of("counters_not_uniform", entities=tuple(sorted(w.id for w in odd)), variants=len(sizes),
                     count=len(odd), numbers=numbers(odd), height=round(h0, 3), depth=round(d0, 3))


@check("queue_space", scope="floor", reads=(EntityKind.WINDOW,), derived=("obstacles", "floor_outline"), params={
    "line_distance": Param("positive", help="one-metre line distance from the counter front, m"),
    "clear_depth": Param("positive", help="depth in front of the counter kept clear, m"),
})
def queue_space(ctx, rule, floor):
    """In front of every counter the one-metre line fits and the queue space (``clear_depth`` deep,
    counter wide) is free of furniture, columns, walls and other counters, inside the floor outline."""
    p = rule.p
    outline = ctx.derived("floor_outline", floor)
    for w in sorted(floor.windows.values(), key=lambda w: (_natural(w.number), w.id)):
        ring = queue_rect(w, p["clear_depth"], margin=0.02)
        line = w.front_line(p["line_distance"])
        geo = (Shape.polygon(ring, floor.id), Shape.line(line, floor.id))
        blockers = blocking(ctx, floor, ring, skip={w.id})
        outside = SPolygon(ring).difference(outline).area > 1e-3
        if blockers:
            yield Hit.of("queue_blocked", entities=(w.id, *blockers), geometry=geo, number=w.number or w.id,
                         depth=p["clear_depth"], blockers=L("、".join(blockers), ", ".join(blockers)))
        elif outside:
            yield Hit.of("queue_outside", entities=(w.id,), geometry=geo, number=w.number or w.id, depth=p["clear_depth"])
