"""Live checking without Qt: the light rules on the editor's thread after every command, the heavy
ones through a worker backend, and the bookkeeping that keeps old answers from passing as current.

:class:`LiveChecker` subscribes to the editor's :class:`~hallplan.model.History`:

* every command re-runs the light rules it could affect (``PartEngine("light").handle``: a few ms on
  the county sample) and goes to the worker as an operation (``("do", cmd)`` …); the worker replays
  it on its own copy of the plan, folds operations that queue up and analyses only the latest state;
* a heavy result is *current* only when its revision is the editor's revision; otherwise it is shown
  as *stale* (dimmed) until the answer for the current state arrives; results of another session
  (a plan opened since) are dropped;
* during a drag (``is_dragging()``) jobs are drafts (coarser raster); on drop :meth:`drop` asks for
  the exact analysis of the final position.

Acknowledgements are plan properties (``Plan.acknowledgements``), set through a command, so they are
undoable and saved with the plan.
"""

from __future__ import annotations

import datetime as _dt
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from hallplan.io.acks import is_acknowledged
from hallplan.model import Acknowledgement, Action, ChangeEvent, History, SetPlanProperties
from hallplan.rules.engine import STRUCTURAL_PROPS
from hallplan.rules.finding import Finding, Severity
from hallplan.rules.packs import get_profile, load_packs

from ..tools.base import Signal
from .protocol import Job, OverlayData, Result
from .split import PartEngine

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True)
class Shown:
    """A finding as the editor shows it."""

    finding: Finding
    heavy: bool = False  # from the worker
    stale: bool = False  # from an older plan state: dimmed until the current answer arrives
    draft: bool = False  # from the coarse raster during a drag
    ack: Acknowledgement | None = None

    @property
    def key(self) -> tuple:
        return finding_key(self.finding)


def finding_key(f: Finding) -> tuple:
    return (f.rule_id, f.floor_id, f.entity_ids, f.message_zh)


class LiveChecker:
    """Findings that follow the plan as it is edited (see the module docstring).

    ``backend``: an object with ``send(job)``, ``poll() -> [Result]``, ``close()`` (a
    :class:`~hallplan.gui.live.worker.ProcessBackend` in the editor, an ``InlineBackend`` in tests);
    ``None`` runs the light rules only. ``rules``: an explicit rule list instead of the profile's.
    """

    def __init__(self, history: History, backend=None, rules=None,
                 is_dragging: Callable[[], bool] = lambda: False) -> None:
        self.history = history
        self.backend = backend
        self.rules = tuple(rules) if rules is not None else None
        self.is_dragging = is_dragging
        self.session = ""
        self.seq = 0
        self.sent_seq = 0  # last job sent
        self.done_seq = 0  # last job answered
        self.sent_rev: int | None = None  # the worker's revision after the last job sent
        self.last_draft = False
        self.light = PartEngine(history.plan, "light", self.rules)
        self.light_findings: tuple[Finding, ...] = tuple(self.light.run())
        self.heavy: tuple[Finding, ...] = ()
        self.heavy_rev: int | None = None
        self.heavy_draft = False
        self.heavy_rules = 0
        self.error = ""
        self.last_result: Result | None = None
        self.floor_id: str | None = None
        self.wanted: frozenset[str] = frozenset()
        self.overlays: dict[str, OverlayData] = {}
        self.overlay_rev: int | None = None
        self.overlay_draft = False
        self.changed = Signal()  # findings or their status changed
        self.overlays_changed = Signal()
        self.results = 0
        self.light_ms = 0.0
        self.light_error = ""  # a light check that failed (shown in the status line)
        self.analysis_ms = 0.0  # the worker's last real analysis (check + overlays)
        self._unsub = history.subscribe(self._on_change)
        self._start_session()

    # --- state -----------------------------------------------------------------------------------
    @property
    def revision(self) -> int:
        return self.history.revision

    @property
    def busy(self) -> bool:
        """The worker has a job whose answer has not come back."""
        return self.backend is not None and self.done_seq < self.sent_seq

    @property
    def heavy_current(self) -> bool:
        return self.heavy_rev == self.revision

    @property
    def overlays_current(self) -> bool:
        return self.overlay_rev == self.revision

    def shown(self) -> list[Shown]:
        acks = self.history.plan.acknowledgements
        stale = not self.heavy_current
        out = [Shown(f, False, False, False, is_acknowledged(f, acks)) for f in self.light_findings]
        out += [Shown(f, True, stale, self.heavy_draft, is_acknowledged(f, acks)) for f in self.heavy]
        out.sort(key=lambda s: s.finding.sort_key)
        return out

    def counts(self, shown: list[Shown] | None = None) -> dict[Severity, int]:
        """Open (not acknowledged) findings per severity."""
        c = {s: 0 for s in SEVERITIES}
        for s in shown if shown is not None else self.shown():
            if s.ack is None:
                c[s.finding.severity] += 1
        return c

    # --- talking to the worker ----------------------------------------------------------------------
    def _send(self, **kw) -> None:
        if self.backend is None:
            return
        self.seq += 1
        job = Job(self.session, self.seq, floor_id=self.floor_id, overlays=self.wanted, **kw)
        self.sent_seq = self.seq
        self.sent_rev = job.target
        self.last_draft = job.draft
        self.backend.send(job)

    def _start_session(self) -> None:
        """Send the whole plan (start, open, or the worker lost track)."""
        self.session = uuid.uuid4().hex
        self.heavy, self.heavy_rev = (), None
        self.overlays, self.overlay_rev = {}, None
        rev = self.revision
        self._send(base=rev, target=rev, plan=self.history.plan.copy(), rules=self.rules, draft=self.is_dragging())

    def set_view(self, floor_id: str | None, overlays) -> None:
        """The floor shown and the overlays wanted: asks the worker for what is missing."""
        overlays = frozenset(overlays)
        if floor_id == self.floor_id and overlays == self.wanted:
            return
        if floor_id != self.floor_id:
            self.overlays = {}
            self.overlays_changed.emit()
        self.floor_id, self.wanted = floor_id, overlays
        if self.sent_rev is not None:
            self._send(base=self.sent_rev, target=self.sent_rev, draft=self.last_draft)

    def drop(self) -> None:
        """A drag ended: the exact analysis of the final position replaces the drafts."""
        if self.last_draft and self.sent_rev is not None:
            self._send(base=self.sent_rev, target=self.sent_rev, draft=False)

    def recheck(self) -> None:
        """Everything from scratch (menu: re-check all)."""
        self.light_findings = tuple(self.light.run())
        self._start_session()
        self.changed.emit()

    def _on_change(self, ev: ChangeEvent) -> None:
        t0 = time.perf_counter()
        plan = self.history.plan
        if ev.action == Action.RESET:
            self.light = PartEngine(plan, "light", self.rules)
            self.light_findings = tuple(self.light.run())
            self._start_session()
        else:
            try:
                self.light_findings = tuple(self.light.handle(ev, plan))
                self.light_error = ""
            except Exception as exc:  # noqa: BLE001 - a failing check must never break an edit
                self.light_error = f"{type(exc).__name__}: {exc}"
                self.light = PartEngine(plan, "light", self.rules)  # start clean next time
                try:
                    self.light_findings = tuple(self.light.run())
                except Exception:  # noqa: BLE001
                    self.light_findings = ()
            if ev.touched.plan_props & STRUCTURAL_PROPS and self.heavy:
                # a new profile or level: heavy findings of rules that no longer apply go at once
                # (the worker's answer for the new rule set follows)
                keep = self._applicable_ids()
                self.heavy = tuple(f for f in self.heavy if f.rule_id in keep)
            if self.backend is not None and ev.command is not None:
                if self.sent_rev is None:
                    self._start_session()
                else:
                    self._send(base=self.sent_rev, target=ev.revision, ops=((ev.action.value, ev.command),),
                               draft=self.is_dragging())
        self.light_ms = (time.perf_counter() - t0) * 1e3  # light rules + handing the edit to the worker
        self.changed.emit()

    def _applicable_ids(self) -> set[str]:
        plan = self.history.plan
        if self.rules is not None:
            rules = self.rules
        else:
            try:
                rules = get_profile(plan.profile).rules(load_packs())
            except Exception:  # noqa: BLE001 - an unknown profile runs no rules (the light engine says why)
                rules = ()
        return {r.id for r in rules if r.applies_to(plan.level)}

    def restart(self, backend) -> None:
        """A new worker (the old one died): start it with the whole plan."""
        if self.backend is not None:
            self.backend.close()
        self.backend = backend
        self.done_seq = self.sent_seq
        self._start_session()

    def poll(self) -> int:
        """Take the worker's answers; returns how many were used."""
        if self.backend is None:
            return 0
        used = 0
        for r in self.backend.poll():
            used += self.accept(r)
        return used

    def accept(self, r: Result) -> int:
        if r.session != self.session:
            return 0  # from a plan that is no longer open
        self.done_seq = max(self.done_seq, r.seq)
        self.results += 1
        self.last_result = r
        if r.status == "resync":
            self._start_session()
            return 0
        if r.status != "ok":
            self.error = r.error
            self.changed.emit()
            return 0
        self.error = r.error
        work = r.time("check") + r.time("overlays")
        if work > 0.5:
            self.analysis_ms = work
        self.heavy, self.heavy_rev, self.heavy_draft, self.heavy_rules = r.findings, r.target, r.draft, r.rules
        if r.overlay_floor == self.floor_id:
            ov = {k: v for k, v in self.overlays.items() if k in r.valid_overlays}
            ov.update(r.overlays)
            changed = bool(r.overlays) or set(ov) != set(self.overlays) or self.overlay_rev != r.target
            self.overlays, self.overlay_rev, self.overlay_draft = ov, r.target, r.draft
            if changed:
                self.overlays_changed.emit()
        self.changed.emit()
        return 1

    # --- acknowledgements -----------------------------------------------------------------------------
    def acknowledge_command(self, f: Finding, reason: str, author: str = "") -> SetPlanProperties:
        plan = self.history.plan
        acks = tuple(a for a in plan.acknowledgements if not (a.rule_id == f.rule_id and tuple(a.entity_ids) == tuple(f.entity_ids)))
        ack = Acknowledgement(f.rule_id, tuple(f.entity_ids), reason.strip(), author, _dt.date.today().isoformat())
        return SetPlanProperties.of(plan, acknowledgements=acks + (ack,))

    def unacknowledge_command(self, f: Finding) -> SetPlanProperties | None:
        plan = self.history.plan
        a = is_acknowledged(f, plan.acknowledgements)
        if a is None:
            return None
        return SetPlanProperties.of(plan, acknowledgements=tuple(x for x in plan.acknowledgements if x is not a))

    def close(self) -> None:
        self._unsub()
        if self.backend is not None:
            self.backend.close()
