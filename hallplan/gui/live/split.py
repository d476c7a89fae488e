"""Which rules run where: the light ones on the UI thread after every command, the heavy ones (the
route analysis: fast marching, clear-width networks, sight; the queueing model) in the worker process.

The split is by the check's module (``HEAVY_MODULES``), so a new route check lands in the worker
without a list to keep up to date. Both halves follow the plan's profile and level: a change of
either re-selects the rules at once (without dropping the geometry caches).
"""

from __future__ import annotations

from hallplan.model import Plan, Touched
from hallplan.rules.engine import STRUCTURAL_PROPS, Engine
from hallplan.rules.registry import CHECKS

# the route analysis (fast marching, clear-width networks, sight) and the queueing model behind the
# sizing checks (a simulation per window group: ~7 ms on the county sample, on every counter or seat move)
HEAVY_MODULES = ("hallplan.rules.checks_routes", "hallplan.rules.checks_sizing")
PARTS = ("light", "heavy", "all")


def is_heavy(rule) -> bool:
    spec = CHECKS.get(rule.check)
    return spec is not None and spec.fn.__module__.startswith(HEAVY_MODULES)


class PartEngine(Engine):
    """An :class:`~hallplan.rules.engine.Engine` over one part of the profile's rules.

    ``error`` holds the reason when the profile cannot be loaded (unknown id, broken pack): the
    engine then runs no rules instead of failing the editor.
    """

    def __init__(self, plan: Plan, part: str = "all", rules=None) -> None:
        if part not in PARTS:
            raise ValueError(f"part must be one of {PARTS}")
        self.part = part
        self.error = ""
        super().__init__(plan, rules=rules)

    def _select_rules(self) -> None:
        self.error = ""
        try:
            super()._select_rules()
        except Exception as exc:  # noqa: BLE001 - an unknown profile or a broken pack is shown, not raised
            self.profile = None
            self.rules = ()
            self.error = str(exc)
            return
        if self.part != "all":
            heavy = self.part == "heavy"
            self.rules = tuple(r for r in self.rules if is_heavy(r) == heavy)

    def update(self, touched: Touched):
        """As :meth:`Engine.update`, but a change of profile or level keeps the geometry caches: only
        the rule selection and the findings are redone."""
        if touched.plan_props & STRUCTURAL_PROPS:
            self.calls = 0
            self.ctx.invalidate(touched, touched.kinds)
            self._results.clear()
            self._select_rules()
            for rule in self._refresh_active():
                self._run_rule(rule)
            return self.findings
        return super().update(touched)
