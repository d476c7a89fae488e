"""Helpers shared by the bench scripts."""

from __future__ import annotations

import statistics
import time


def median_time(fn, n: int, best: dict[float, float] | None = None) -> tuple[float, object]:
    """Run ``fn`` ``n`` times: (median wall time, last result); ``best[median] = best run`` if given."""
    ts, out = [], None
    for _ in range(n):
        t0 = time.perf_counter()
        out = fn()
        ts.append(time.perf_counter() - t0)
    med = statistics.median(ts)
    if best is not None:
        best[med] = min(ts)
    return med, out


def attached(plan, rules):
    """A copy of ``plan`` with a history and an engine (``rules``) attached after a first full run, and
    the id of its middle counter by id (None when it has none): the set-up of the re-check benches."""
    from hallplan.model import History
    from hallplan.rules import Engine

    work = plan.copy()
    history = History(work)
    engine = Engine(work, rules=rules)
    engine.run()
    engine.attach(history)
    ws = sorted(work.all_windows(), key=lambda w: w.id)
    return work, history, (ws[len(ws) // 2].id if ws else None)


def move_counter(work, history, window_id: str, moves: int) -> list[tuple[float, float]]:
    """Move the counter by ±0.5 m ``moves`` times through ``history`` (the attached engine re-checks
    after each): (wall ms, CPU ms) per move."""
    from hallplan.model import edits

    out = []
    for k in range(moves):
        t, c = time.perf_counter(), time.process_time()
        history.push(edits.move(work, [window_id], 0.5 if k % 2 == 0 else -0.5, 0.0))
        out.append(((time.perf_counter() - t) * 1000.0, (time.process_time() - c) * 1000.0))
    return out
