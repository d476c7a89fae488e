"""Checks from demand sizing (JZ-8, LA-4.1.1, YZ-3.3): windows and waiting seats against the queue model.

Thin wrappers that register the sizing verdicts of :mod:`hallplan.rules.sizing` with the rule engine.
The numbers of the documents live in the packs (the half-hour limit of JZ-8, the seat margin and the
peak quantile); the demand itself is plan data (``plan.demand``). A shortfall is at most a warning
(``max_severity``): the window and seat counts are model estimates from the planner's demand inputs,
not numbers written in the clause. Staff for A/B posts (LA-4.4.1.2) is the ``staff_ab_posts`` check.

:func:`sizing_findings` is what ``hallplan size`` and the editor's sizing dialog list: the pack rules
whose check is one of :data:`SIZING_CHECKS`, run by the rule engine, so rule ids, requirements,
severities, citations and messages are the packs' and the catalogue's, the same as ``hallplan check``.
"""

from __future__ import annotations

import math

from hallplan.i18n import both
from hallplan.model import EntityKind, Plan

from .engine import Engine
from .finding import Finding
from .packs import Profile, Rule, load_packs, rules_for
from .registry import Hit, L, Param, check
from .sizing import size_plan

#: The checks that compare a plan with its sizing from demand: windows (JZ-8, LA-4.1.1), waiting
#: seats (YZ-3.3) and staff for A/B posts (LA-4.4.1.2, registered in ``checks_plan``).
SIZING_CHECKS = frozenset({"sizing_windows", "sizing_seats", "staff_ab_posts"})


def _wait(m: float) -> L:
    if math.isinf(m):
        return L(**both("sizing.wait_unbounded"))
    return L(**both("sizing.minutes", v=f"{m:.1f}"))


@check("sizing_windows", reads=(EntityKind.WINDOW,), plan_props=("demand",), params={
    "max_wait_min": Param("positive", required=False, default=None,
                          help="mean wait limit in minutes (absent: the plan's demand.max_wait_min)"),
    "max_severity": Param("str", required=False, default="warning",
                          help="findings are at most this severe (the count is a model estimate)"),
})
def sizing_windows(ctx, rule):
    """Each demand group has at least the windows whose mean queue wait (Erlang C with the
    Allen–Cunneen correction, M/G/c) stays within the limit at the design peak."""
    plan = ctx.plan
    if not plan.demand.groups:
        return
    limit = rule.p["max_wait_min"] or plan.demand.max_wait_min
    s = size_plan(plan, max_wait_min=limit)
    for gs in s.groups:
        if gs.windows_in_plan >= gs.windows_needed:
            continue
        g = gs.group
        yield Hit.of(
            "sizing_windows", entities=gs.window_ids, cap=rule.p["max_severity"],
            group=L(g.label or g.key), have=gs.windows_in_plan, need=gs.windows_needed, rate=gs.peak_rate,
            mean=g.mean_handling_min, wait_have=_wait(gs.at_plan.mean_wait), wait_need=_wait(gs.at_need.mean_wait),
            limit=limit,
            values={"windows": gs.windows_in_plan, "windows_needed": gs.windows_needed, "group": g.key,
                    "peak_arrivals_per_hour": gs.peak_rate, "mean_wait_min_needed": round(gs.at_need.mean_wait, 2),
                    "p90_wait_min_needed": round(gs.at_need.p90_wait, 2), "limit_min": limit},
        )


@check("sizing_seats", reads=(EntityKind.FURNITURE, EntityKind.ZONE, EntityKind.WINDOW), plan_props=("demand",),
       params={
           "margin": Param("float", required=False, default=None,
                           help="seat margin over the peak number waiting (absent: the plan's demand.seat_margin)"),
           "peak_quantile": Param("float", required=False, default=0.95,
                                  help="quantile of the stationary number waiting taken as the peak"),
           "max_severity": Param("str", required=False, default="warning",
                                 help="findings are at most this severe (the count is a model estimate)"),
       })
def sizing_seats(ctx, rule):
    """The public waiting seats drawn (seat rows outside staff-only zones) cover the peak number
    waiting at the recommended window counts, plus the margin."""
    plan = ctx.plan
    if not plan.demand.groups:
        return
    margin = rule.p["margin"]
    s = size_plan(plan, seat_margin=margin, peak_quantile=rule.p["peak_quantile"])
    if s.seats >= s.seats_needed:
        return
    peak = sum(gs.at_need.peak_waiting for gs in s.groups)
    yield Hit.of(
        "sizing_seats", entities=s.seat_ids, cap=rule.p["max_severity"], have=s.seats, need=s.seats_needed,
        peak=peak, margin=round(s.seat_margin * 100, 1),
        values={"seats": s.seats, "seats_needed": s.seats_needed, "peak_waiting": peak,
                "margin": s.seat_margin},
    )


# --- the sizing view (``hallplan size``, the sizing dialog) --------------------------------------
def sizing_rules(profile: str | Profile | None = None) -> tuple[Rule, ...]:
    """The pack rules whose check is a sizing check (:data:`SIZING_CHECKS`): those ``profile`` applies,
    or with ``None`` those of every pack (what every document asks, as the sizing views show)."""
    rules = rules_for(profile) if profile is not None else [r for p in load_packs().values() for r in p.rules]
    return tuple(r for r in rules if r.check in SIZING_CHECKS)


def sizing_findings(plan: Plan, profile: str | Profile | None = None) -> list[Finding]:
    """The findings of :func:`sizing_rules` on ``plan``, from the rule engine (only the rules for the
    plan's level run). With ``profile=None`` every document's rules run, including those the plan's
    profile does not apply (:func:`profile_rule_ids` tells them apart)."""
    return Engine(plan, rules=sizing_rules(profile)).run()


def profile_rule_ids(plan: Plan) -> frozenset[str] | None:
    """The ids of the rules the plan's profile applies (what ``hallplan check`` runs); ``None`` when
    the profile cannot be read (an unknown id, a broken pack)."""
    try:
        return frozenset(r.id for r in rules_for(plan.profile))
    except Exception:  # noqa: BLE001 - the sizing view then lists the findings without the note
        return None
