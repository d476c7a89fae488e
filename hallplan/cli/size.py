"""``hallplan size FILE``: windows, waiting seats and staff from the plan's demand inputs.

Prints, per demand group, the design peak, the window count needed for the mean wait limit (JZ-8,
LA-4.1.1), the wait at the drawn and needed counts, a day simulation as a check, the wait against the
number of windows, the seats (YZ-3.3) and staff (LA-4.4.1.2) totals, and the findings: those of the
sizing rules of every pack (:func:`hallplan.rules.checks_sizing.sizing_findings`), each marked when the
plan's profile does not apply its rule (so ``hallplan check`` does not list it).
"""

from __future__ import annotations

import json
import math
import unicodedata

from hallplan.cli._args import int_range, load_plan
from hallplan.i18n import label, set_language, tr
from hallplan.rules.checks_sizing import profile_rule_ids, sizing_findings, sizing_rules
from hallplan.rules.report import finding_to_dict
from hallplan.rules.sizing import Sizing, size_plan, wait_curve


def register(sub) -> None:
    p = sub.add_parser("size", help="windows, waiting seats and staff from demand (JZ-8, LA-4.1.1, YZ-3.3)")
    p.add_argument("file")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--days", type=int_range(2, 10_000), default=200, help="simulated days (default 200)")
    p.add_argument("--seed", type=int, default=20240619)
    p.add_argument("--no-sim", action="store_true", help="formulas only, no simulation")
    p.set_defaults(func=_size)


# --- text table helpers ------------------------------------------------------------------------
def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in s)


def _table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    right = right if right is not None else set(range(1, len(headers)))
    cols = list(zip(*([headers] + rows), strict=True))
    widths = [max(_width(c) for c in col) for col in cols]

    def line(cells):
        out = []
        for i, c in enumerate(cells):
            pad = " " * (widths[i] - _width(c))
            out.append(pad + c if i in right else c + pad)
        return "  ".join(out).rstrip()

    sep = "  ".join("─" * w for w in widths)
    return "\n".join([line(headers), sep] + [line(r) for r in rows])


def _min(m: float) -> str:
    return "∞" if math.isinf(m) else f"{m:.1f}"


def _pct(p: float) -> str:
    return f"{p * 100:.1f}%"


# --- the verb ----------------------------------------------------------------------------------
def _size(args) -> int:
    set_language(args.lang)  # main() puts the previous language back
    plan = load_plan(args.file, args.lang)
    if plan is None:
        return 1
    s = size_plan(plan, simulate=not args.no_sim, days=max(2, args.days), seed=args.seed)
    findings = sizing_findings(plan)
    if args.format == "json":
        print(json.dumps(_as_json(plan, s, findings), ensure_ascii=False, indent=2))
        return 0
    print(render_text(plan, s, findings, args.lang))
    return 0


def _basis(check: str) -> str:
    """The requirements of every pack's rules that ``check`` serves (the table's "basis" column)."""
    return ", ".join(sorted({r.requirement for r in sizing_rules() if r.check == check}))


def render_text(plan, s: Sizing, findings, lang: str) -> str:
    out = [tr("sizing.cli.title", lang, name=plan.name or "—")]
    out.append(tr("sizing.cli.method", lang))
    out.append(tr("sizing.cli.targets", lang, limit=f"{s.max_wait_min:g}", margin=f"{s.seat_margin * 100:g}",
                  shifts=s.shifts))
    if not s.groups:
        out.append("")
        out.append(tr("sizing.cli.no_demand", lang))
    else:
        out.append("")
        lim = f"{s.max_wait_min:g}"
        headers = [tr(k, lang, limit=lim) for k in (
            "sizing.cli.col.group", "sizing.cli.col.peak", "sizing.cli.col.handling", "sizing.cli.col.load", "sizing.cli.col.have",
            "sizing.cli.col.need", "sizing.cli.col.mean_wait", "sizing.cli.col.p90", "sizing.cli.col.p_over", "sizing.cli.col.wait_have",
            "sizing.cli.col.seats")]
        rows = []
        for gs in s.groups:
            g, q = gs.group, gs.at_need
            rows.append([
                g.label or g.key, f"{gs.peak_rate:g}", f"{g.mean_handling_min:g} (cv {g.handling_cv:g})",
                f"{q.offered_load:.2f}", str(gs.windows_in_plan), str(gs.windows_needed), _min(q.mean_wait),
                _min(q.p90_wait), _pct(q.p_over_limit), _min(gs.at_plan.mean_wait), str(gs.seats_needed),
            ])
        out.append(_table(headers, rows))
        sims = [gs for gs in s.groups if gs.simulation is not None]
        if sims:
            out.append("")
            sim0 = sims[0].simulation
            out.append(tr("sizing.cli.sim_title", lang, days=sim0.days, seed=sim0.seed))
            headers = [tr(k, lang, limit=lim) for k in (
                "sizing.cli.col.group", "sizing.cli.col.windows", "sizing.cli.col.formula", "sizing.cli.col.sim_mean",
                "sizing.cli.col.p90", "sizing.cli.col.p_over", "sizing.cli.col.peak_queue")]
            rows = []
            for gs in sims:
                m = gs.simulation
                rows.append([
                    gs.group.label or gs.group.key, str(m.windows), _min(gs.at_need.mean_wait),
                    f"{m.mean_wait:.1f} ± {m.mean_wait_ci:.1f}", _min(m.p90_wait), _pct(m.p_over_limit),
                    f"{m.peak_queue_mean:.1f} / {m.peak_queue_p90:.0f}",
                ])
            out.append(_table(headers, rows))
            out.append(tr("sizing.cli.sim_note", lang))
        for gs in s.groups:
            g = gs.group
            if gs.windows_needed == 0:
                continue
            out.append("")
            out.append(tr("sizing.cli.curve_title", lang, group=g.label or g.key))
            start = min(gs.windows_in_plan, gs.windows_needed) if gs.windows_in_plan else None
            curve = wait_curve(gs.peak_rate, g.mean_handling_min, g.handling_cv, s.max_wait_min, extra=2,
                               start=start)
            headers = [tr(k, lang, limit=lim) for k in (
                "sizing.cli.col.windows", "sizing.cli.col.util", "sizing.cli.col.p_wait", "sizing.cli.col.mean_wait", "sizing.cli.col.p90",
                "sizing.cli.col.p_over", "sizing.cli.col.peak_waiting", "sizing.cli.col.note")]
            rows = []
            for q in curve:
                notes = []
                if q.windows == gs.windows_in_plan:
                    notes.append(tr("sizing.cli.note.plan", lang))
                if q.windows == gs.windows_needed:
                    notes.append(tr("sizing.cli.note.need", lang))
                rows.append([
                    str(q.windows), _pct(q.utilisation), _pct(q.p_wait), _min(q.mean_wait), _min(q.p90_wait),
                    _pct(q.p_over_limit), "∞" if not q.stable else str(q.peak_waiting), ", ".join(notes),
                ])
            out.append(_table(headers, rows, right=set(range(0, 7))))
    out.append("")
    staff = str(s.staff) if s.staff > 0 else tr("sizing.cli.not_stated", lang)
    # windows and seats are compared like for like: the windows of the groups that have demand inputs
    # (the others are not sized, and "0 needed" would read as "none needed")
    sized = sum(gs.windows_in_plan for gs in s.groups)
    unsized = s.windows_total - sized
    windows_drawn = str(s.windows_total) if not s.groups or not unsized else f"{sized} (+{unsized})"
    not_sized = tr("sizing.cli.not_sized", lang)
    out.append(_table(
        [tr("sizing.cli.col.item", lang), tr("sizing.cli.col.drawn", lang), tr("sizing.cli.col.needed", lang), tr("sizing.cli.col.basis", lang)],
        [
            [tr("sizing.cli.row.windows", lang), windows_drawn, str(s.windows_needed) if s.groups else not_sized,
             _basis("sizing_windows")],
            [tr("sizing.cli.row.seats", lang), str(s.seats), str(s.seats_needed) if s.groups else not_sized,
             _basis("sizing_seats")],
            [tr("sizing.cli.row.staff", lang), staff, str(s.staff_needed), _basis("staff_ab_posts")],
        ],
        right={1, 2},
    ))
    if s.groups and unsized:
        out.append(tr("sizing.cli.unsized_windows", lang, n=unsized))
    out.append("")
    if findings:
        out.append(tr("sizing.cli.findings", lang, n=len(findings)))
        applied = profile_rule_ids(plan)
        for f in findings:
            c = f.citation
            out.append(f"  [{label(f.severity, lang)}] {f.rule_id} [{f.requirement}]: {f.message(lang)}")
            out.append("      " + tr("rules.report.citation", lang, doc=c.title(lang), ref=c.clause_ref, clause=c.clause))
            if lang == "en" and c.clause_en:
                out.append(f"      ({c.clause_en})")
            if applied is not None and f.rule_id not in applied:  # why `hallplan check` does not list it
                out.append(f"      ({tr('sizing.cli.not_in_profile', lang, profile=plan.profile)})")
    elif not s.groups:
        out.append(tr("sizing.cli.no_findings_unsized", lang))
    else:
        out.append(tr("sizing.cli.no_findings", lang))
    return "\n".join(out)


def _num(x: float):
    return None if isinstance(x, float) and math.isinf(x) else x


def _as_json(plan, s: Sizing, findings) -> dict:
    def q(stats):
        d = {k: _num(v) for k, v in stats.__dict__.items()}
        if getattr(stats, "stable", True) is False:
            d["peak_waiting"] = None  # no steady state: the queue grows without bound
        return d

    applied = profile_rule_ids(plan)

    return {
        "plan": plan.name,
        "max_wait_min": s.max_wait_min,
        "seat_margin": s.seat_margin,
        "shifts": s.shifts,
        "groups": [
            {
                "key": gs.group.key, "label": gs.group.label, "peak_arrivals_per_hour": gs.peak_rate,
                "windows_in_plan": gs.windows_in_plan, "window_ids": list(gs.window_ids),
                "windows_needed": gs.windows_needed, "seats_needed": gs.seats_needed,
                "at_needed": q(gs.at_need), "at_plan": q(gs.at_plan),
                "simulation": None if gs.simulation is None else q(gs.simulation),
            }
            for gs in s.groups
        ],
        # null, not 0, when nothing could be sized (no demand inputs)
        "windows": {"drawn": s.windows_total, "needed": s.windows_needed if s.groups else None,
                    "drawn_in_sized_groups": sum(gs.windows_in_plan for gs in s.groups)},
        "seats": {"drawn": s.seats, "needed": s.seats_needed if s.groups else None},
        "staff": {"stated": s.staff, "needed": s.staff_needed},
        # as `hallplan check --format json` gives them, plus whether the plan's profile applies the rule
        "findings": [
            {**finding_to_dict(f), "in_profile": None if applied is None else f.rule_id in applied}
            for f in findings
        ],
    }
