"""The rule engine: runs the applicable rules of a profile on a plan, fully or incrementally.

>>> from hallplan.model import HallLevel, Plan
>>> eng = Engine(Plan("某村便民服务站", HallLevel.VILLAGE), profile="yuanzhou")
>>> isinstance(eng.run(), list)
True

Incremental checking: :meth:`Engine.update` takes the :class:`~hallplan.model.Touched` set of a command
and re-runs only the checks whose declared reads (entity kinds, plan properties, derived structures)
intersect it; floor-scoped checks re-run only on the touched floors. The result always equals a full
run (``tests/rules/test_incremental.py`` checks that over random edit sequences).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from enum import Enum

from hallplan.i18n import label, tr
from hallplan.model import ChangeEvent, EntityKind, Floor, History, Plan, Touched
from hallplan.model.history import Action

from .context import CheckContext
from .finding import Finding, Severity
from .packs import Profile, Rule, get_profile, load_packs
from .registry import ALL_KINDS, CHECKS, Hit, L, load_checks

# Plan properties that change which rules apply: a change re-runs everything.
STRUCTURAL_PROPS = frozenset({"level", "profile"})


def _fmt_value(v, lang: str):
    if isinstance(v, Enum):
        return label(v, lang)
    if isinstance(v, L):
        return v.en if lang == "en" else v.zh
    if isinstance(v, tuple | list):
        sep = ", " if lang == "en" else "、"
        return sep.join(str(_fmt_value(x, lang)) for x in v) if v else ("—")
    return v


def to_finding(rule: Rule, hit: Hit, severity: Severity, softened: bool,
               conflicts: tuple[tuple[str, str, str, str], ...] = ()) -> Finding:
    msgs = {}
    for lang in ("zh", "en"):
        fmt = {k: _fmt_value(v, lang) for k, v in hit.fmt}
        msgs[lang] = tr(f"rules.msg.{hit.key}", lang, **fmt)
    if hit.cap and Severity(hit.cap).rank > severity.rank:
        severity = Severity(hit.cap)
    cit = rule.citation
    if softened and rule.soften is not None:
        s = rule.soften
        cit = replace(cit, clause_ref=f"{cit.clause_ref}; {s.clause_ref}", clause=f"{cit.clause} …… {s.clause}",
                      clause_en=f"{cit.clause_en} … {s.clause_en}".strip(" …"))
    return Finding(rule.id, rule.requirement, severity, msgs["zh"], msgs["en"], cit, hit.entity_ids,
                   hit.geometry, hit.floor_id, hit.values, softened, conflicts)


class Engine:
    """Checks one plan against a set of rules and keeps the findings per (rule, floor).

    ``profile``: a profile id or :class:`Profile`; ``None`` follows ``plan.profile`` (and re-selects
    the rules when that property changes). ``rules`` overrides the profile with an explicit list.
    """

    def __init__(self, plan: Plan, profile: str | Profile | None = None, rules: Sequence[Rule] | None = None) -> None:
        load_checks()
        self.plan = plan
        self._profile_arg = profile
        self._explicit_rules = tuple(rules) if rules is not None else None
        self.ctx = CheckContext(plan)
        self._results: dict[tuple[str, str], tuple[Finding, ...]] = {}
        self.calls = 0  # check invocations in the last run/update (for tests and benchmarks)
        self.profile: Profile | None = None
        self.rules: tuple[Rule, ...] = ()
        self._active: dict[str, Rule] = {}
        self._select_rules()

    # --- rule selection ----------------------------------------------------------------------
    def _select_rules(self) -> None:
        if self._explicit_rules is not None:
            self.profile = None
            self.rules = self._explicit_rules
            return
        prof = self._profile_arg if self._profile_arg is not None else self.plan.profile
        self.profile = prof if isinstance(prof, Profile) else get_profile(prof)
        self.rules = self.profile.rules(load_packs())

    def applicable(self) -> list[Rule]:
        return [r for r in self.rules if r.applies_to(self.plan.level)]

    def _refresh_active(self) -> list[Rule]:
        rules = self.applicable()
        self._active = {r.id: r for r in rules}
        return rules

    # --- running -----------------------------------------------------------------------------
    def _run_rule(self, rule: Rule, floors: Iterable[Floor] | None = None) -> None:
        spec = CHECKS[rule.check]
        sev, soft = rule.severity_for(self.plan.level)
        conf = tuple((c.id, c.requirement, c.title_zh, c.title_en)
                     for c in (self._active.get(cid) for cid in rule.conflicts) if c is not None)
        if spec.scope == "plan":
            self.calls += 1
            hits = spec.fn(self.ctx, rule) or ()
            self._results[(rule.id, "")] = tuple(to_finding(rule, h, sev, soft, conf) for h in hits)
            return
        for f in self.plan.floors if floors is None else floors:
            self.calls += 1
            hits = spec.fn(self.ctx, rule, f) or ()
            self._results[(rule.id, f.id)] = tuple(
                to_finding(rule, h if h.floor_id else replace(h, floor_id=f.id), sev, soft, conf) for h in hits)

    def run(self) -> list[Finding]:
        """A full check from scratch."""
        self.calls = 0
        self.ctx.clear()
        self._results.clear()
        self._select_rules()
        # checks marked late (the walking distances) run last: the first route checks start building
        # what they need in a worker thread, and the others run meanwhile (findings are sorted anyway)
        for rule in sorted(self._refresh_active(), key=lambda r: CHECKS[r.check].runs_late(r.p)):
            self._run_rule(rule)
        return self.findings

    def update(self, touched: Touched) -> list[Finding]:
        """Re-run what ``touched`` could have changed; returns all current findings."""
        self.calls = 0
        if touched.plan_props & STRUCTURAL_PROPS:
            return self.run()
        kinds = ALL_KINDS if EntityKind.FLOOR in touched.kinds else touched.kinds
        self.ctx.invalidate(touched, kinds)
        live = {f.id: f for f in self.plan.floors}
        for key in [k for k in self._results if k[1] and k[1] not in live]:
            del self._results[key]
        for rule in self._refresh_active():
            spec = CHECKS[rule.check]
            by_props = bool(spec.plan_props & touched.plan_props) or (
                EntityKind.PLAN in spec.reads and bool(touched.plan_props))
            by_kinds = bool(spec.all_reads() & kinds)
            if not (by_props or by_kinds):
                continue
            if spec.scope == "plan" or by_props:
                self._run_rule(rule)
            else:
                self._run_rule(rule, [live[fid] for fid in sorted(touched.floor_ids) if fid in live])
        return self.findings

    def handle(self, event: ChangeEvent, plan: Plan | None = None) -> list[Finding]:
        """Listener for :class:`~hallplan.model.history.History` change events."""
        if event.action == Action.RESET or (plan is not None and plan is not self.plan):
            if plan is not None:
                self.plan = plan
                self.ctx = CheckContext(plan)
            return self.run()
        return self.update(event.touched)

    def attach(self, history: History):
        """Subscribe to ``history``; returns the unsubscribe function."""
        return history.subscribe(lambda ev: self.handle(ev, history.plan))

    @property
    def findings(self) -> list[Finding]:
        out = [f for fs in self._results.values() for f in fs]
        out.sort(key=lambda f: f.sort_key)
        return out


def check_plan(plan: Plan, profile: str | Profile | None = None, rules: Sequence[Rule] | None = None) -> list[Finding]:
    """Convenience: a full check of ``plan``."""
    return Engine(plan, profile, rules).run()
