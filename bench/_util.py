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
