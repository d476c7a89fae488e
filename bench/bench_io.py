"""Plan-file load and save times for the samples and the 20,000 m² synthetic hall.

Run: ``uv run python bench/bench_io.py``. Prints median and p95 over repeated runs.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.make_plans import make_municipal  # noqa: E402
from hallplan.io.planfile import dumps, load, save  # noqa: E402


def _time(fn, n):
    ts = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t0) * 1000)
    ts.sort()
    return statistics.median(ts), ts[min(len(ts) - 1, int(0.95 * len(ts)))]


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        big = save(make_municipal(1), Path(d) / "municipal_20000.hallplan", keep_backup=False)
        files = sorted((ROOT / "plans").glob("*.hallplan")) + [big]
        print(f"{'file':32} {'KiB':>7} {'load med':>9} {'load p95':>9} {'save med':>9}")
        for f in files:
            plan = load(f)
            n = 20 if f.stat().st_size < 500_000 else 5
            lm, lp = _time(lambda f=f: load(f), n)
            sm, _ = _time(lambda plan=plan: save(plan, Path(d) / "x.hallplan"), n)
            print(f"{f.name:32} {f.stat().st_size / 1024:7.0f} {lm:8.1f}ms {lp:8.1f}ms {sm:8.1f}ms")
        _ = dumps


if __name__ == "__main__":
    main()
