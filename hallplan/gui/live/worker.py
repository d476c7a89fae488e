"""The check worker: the heavy checks and the overlays, in a process of their own (no Qt).

The fast-marching and clear-width numerics hold the GIL, so a thread would still stall the editor;
a process does not. :class:`WorkerCore` is the worker's state and logic, usable in-process (tests,
benchmarks); :func:`worker_main` is the process loop around it and :class:`ProcessBackend` /
:class:`InlineBackend` the editor's two ways to reach it.

The core keeps its own copy of the plan, replayed from the editor's commands, and heavy engines over
it that keep their per-floor geometry caches between jobs, one per raster: the standard one (``CELL``)
for exact answers and ``DRAFT_CELL`` for the positions of a drag (answers marked ``draft``; on drop the
editor asks for the same revision without ``draft``, and the exact answer replaces them). While the
two rasters are equal (see ``DRAFT_CELL``) they share one engine and the drop's answer is immediate.

Each engine is told about what changed since it last ran (the union of the touched sets), so a job
for one engine does not cost the other anything until it is needed.

>>> from hallplan.model import HallLevel, Plan
>>> core = WorkerCore()
>>> core.handle(Job("s", 1, 0, 1, plan=Plan("某站", HallLevel.VILLAGE))).status
'ok'
"""

from __future__ import annotations

import os
import time
import traceback
from dataclasses import dataclass, field

from hallplan.geometry.cache import GeometryCache
from hallplan.geometry.floorgeom import CELL
from hallplan.model import EntityKind, Plan, Touched

from . import overlaydata
from .protocol import WORKER_OVERLAYS, Job, OverlayData, Result
from .split import PartEngine

# m: raster of the answers during a drag. Measured (county sample, one seat-row move): 0.4 m is no
# faster than the standard 0.25 m (the per-room marching and the clear-width erosion dominate, not the
# raster), so drafts use the exact engine and the drop costs nothing; a coarser value gives drafts an
# engine of their own.
DRAFT_CELL = CELL


# plan properties the overlays depend on (the rules' numbers, the heat map's limit, the route width)
OVERLAY_PROPS = frozenset({"level", "profile", "sprinklers", "fire_grade", "crowded", "high_rise"})


@dataclass
class _Side:
    """One heavy engine with what happened since it last ran and the overlays it drew."""

    engine: PartEngine
    pending: Touched | None = None  # changes not yet told to the engine (None: nothing)
    fresh: bool = True  # no run yet: a full run is due
    overlays: dict[tuple[str, str], tuple[int, OverlayData]] = field(default_factory=dict)  # (name, floor) -> (step, data)
    floor_step: dict[str, int] = field(default_factory=dict)  # floor id -> step of its last change
    all_step: int = 0  # step of the last change that concerns every floor


def _engine(plan: Plan, cell: float, rules) -> PartEngine:
    eng = PartEngine(plan, "heavy", rules)
    # the route checks find their geometry cache under this name (checks_routes.geometry)
    # (as checks_routes.geometry makes it, but with the side's raster)
    eng.ctx.persistent("route_geometry", lambda: GeometryCache(plan, cell=cell, sync_once=True))
    return eng


class WorkerCore:
    """The worker's state: the plan at revision ``rev`` and its heavy engines (one per raster)."""

    def __init__(self, draft_cell: float = DRAFT_CELL) -> None:
        self.draft_cell = draft_cell
        self.plan: Plan | None = None
        self.rules = None
        self.rev: int | None = None
        self.session = ""
        self.sides: dict[float, _Side] = {}  # by raster cell
        self.step = 0  # counts applied jobs (revisions can go back on undo; this never does)
        self._sent: dict[tuple[str, str], tuple[int, int]] = {}  # what the editor has: (side, step)

    # --- plan state ------------------------------------------------------------------------------
    def _reset(self, job: Job) -> None:
        self.plan = job.plan
        self.rules = job.rules
        self.session = job.session
        self.rev = job.target
        self.sides = {}
        self._sent = {}
        self.step += 1

    def _side(self, draft: bool) -> _Side:
        cell = self.draft_cell if draft else CELL
        s = self.sides.get(cell)
        if s is None:
            s = self.sides[cell] = _Side(_engine(self.plan, cell, self.rules))
        return s

    def apply(self, job: Job) -> str:
        """Bring the plan to ``job.target``; "ok" or "resync" (the worker is not at ``job.base``)."""
        if job.plan is not None:
            self._reset(job)
            return "ok"
        if self.plan is None or job.session != self.session or self.rev != job.base:
            return "resync"
        touched = Touched()
        try:
            for op, cmd in job.ops:
                if op == "undo":
                    cmd.revert(self.plan)
                else:
                    cmd.apply(self.plan)
                touched = touched | cmd.touched
        except Exception:  # noqa: BLE001 - a plan that went out of step is sent again whole
            self.plan = None
            self.rev = None
            return "resync"
        self.rev = job.target
        self.step += 1
        everything = bool(touched.plan_props & OVERLAY_PROPS) or EntityKind.FLOOR in touched.kinds
        for s in self.sides.values():
            s.pending = touched if s.pending is None else s.pending | touched
            if everything:
                s.all_step = self.step
            for fid in touched.floor_ids:
                s.floor_step[fid] = self.step
        return "ok"

    # --- analysis --------------------------------------------------------------------------------
    def _findings(self, s: _Side) -> tuple:
        if s.fresh:
            s.fresh = False
            s.pending = None
            return tuple(s.engine.run())
        if s.pending is not None:
            t, s.pending = s.pending, None
            return tuple(s.engine.update(t))
        return tuple(s.engine.findings)

    def _overlays(self, s: _Side, job: Job) -> tuple[dict[str, OverlayData], frozenset[str]]:
        fid = job.floor_id
        if fid is None or self.plan is None or not any(f.id == fid for f in self.plan.floors):
            self._sent.clear()
            return {}, frozenset()
        wanted = job.overlays & set(WORKER_OVERLAYS)
        # the editor drops the overlays of other floors and those it no longer asks for: forget that
        # it had them, so they are sent again when asked for again
        for key in [k for k in self._sent if k[1] != fid or k[0] not in wanted]:
            del self._sent[key]
        out, valid = {}, set()
        changed = max(s.floor_step.get(fid, 0), s.all_step)
        for name in sorted(wanted):
            have = s.overlays.get((name, fid))
            if have is None or have[0] < changed:
                have = s.overlays[(name, fid)] = (self.step, overlaydata.build(name, s.engine, fid))
            stamp = (id(s), have[0])
            if self._sent.get((name, fid)) != stamp:  # the editor shows something else: send it
                self._sent[(name, fid)] = stamp
                out[name] = have[1]
            valid.add(name)
        return out, frozenset(valid)

    def handle(self, job: Job, skipped: int = 0) -> Result:
        """Apply ``job`` and analyse the plan at its target revision."""
        t0 = time.perf_counter()
        status = self.apply(job)
        if status != "ok":
            return Result(job.session, job.seq, job.target, status, skipped=skipped)
        t1 = time.perf_counter()
        try:
            s = self._side(job.draft)
            findings = self._findings(s)
            t2 = time.perf_counter()
            overlays, valid = self._overlays(s, job)
            t3 = time.perf_counter()
        except Exception as exc:  # noqa: BLE001 - report, never die
            return Result(job.session, job.seq, job.target, "error", error=f"{type(exc).__name__}: {exc}\n"
                          + traceback.format_exc(limit=4), skipped=skipped)
        times = (("apply", (t1 - t0) * 1e3), ("check", (t2 - t1) * 1e3), ("overlays", (t3 - t2) * 1e3))
        return Result(job.session, job.seq, job.target, "ok", findings, overlays, job.floor_id, valid,
                      len(s.engine.applicable()), s.engine.error, times, job.draft, skipped)

    def handle_batch(self, jobs: list[Job]) -> Result | None:
        """Fold queued jobs: apply all of them in order, analyse only the last."""
        if not jobs:
            return None
        for j in jobs[:-1]:
            self.apply(j)  # out of step ("resync"): the last job answers so, and the plan comes whole
        return self.handle(jobs[-1], skipped=len(jobs) - 1)


from .process import STOP, ProcessBackend  # noqa: E402,F401 - re-exported (the backend lives apart: the editor starts it without importing the analysis)


def worker_main(jobs, results) -> None:  # pragma: no cover - runs in the child process (tested via ProcessBackend)
    """The worker process: read jobs, fold what queued up, answer the latest. It runs at a lower
    priority: on a busy machine the editor's frames come first, the analysis waits."""
    try:
        os.nice(10)
    except (AttributeError, OSError):
        pass
    core = WorkerCore()
    while True:
        try:
            batch = [jobs.recv()]
            while jobs.poll():
                batch.append(jobs.recv())
        except (EOFError, OSError):
            return
        if any(m == STOP for m in batch):
            return
        res = core.handle_batch([m for m in batch if isinstance(m, Job)])
        if res is not None:
            try:
                results.send(res)
            except (BrokenPipeError, OSError):
                return


class InlineBackend:
    """The worker's core in the editor's own process, answering on :meth:`poll` (tests, benchmarks,
    and the fallback when no process can be started). ``lazy``: jobs queue until polled, like a
    busy worker, so folding can be observed."""

    def __init__(self, lazy: bool = True) -> None:
        self.core = WorkerCore()
        self.lazy = lazy
        self._queue: list[Job] = []
        self._out: list[Result] = []

    def send(self, job: Job) -> None:
        self._queue.append(job)
        if not self.lazy:
            self._run()

    def _run(self) -> None:
        if self._queue:
            batch, self._queue = self._queue, []
            res = self.core.handle_batch(batch)
            if res is not None:
                self._out.append(res)

    def poll(self) -> list[Result]:
        self._run()
        out, self._out = self._out, []
        return out

    def wait(self, timeout: float = 0.0) -> list[Result]:
        return self.poll()

    @property
    def alive(self) -> bool:
        return True

    def close(self) -> None:
        self._queue.clear()


