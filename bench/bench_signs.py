"""Time to produce all signs (and the compliance report) for the samples and the 200-window hall.

Run: ``uv run python bench/bench_signs.py [--repeat N]``. For each plan: windows, pages, PDF sizes,
and the median wall time over N runs of :func:`hallplan.io.signs.generate_signs` (all sign types,
written to a temporary folder), then per sign type, then the report.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.make_plans import make_municipal  # noqa: E402
from hallplan.io.fonts import load_font  # noqa: E402
from hallplan.io.planfile import load  # noqa: E402
from hallplan.io.report import ReportOptions, write_report  # noqa: E402
from hallplan.io.signs import SIGN_TYPES, SignOptions, generate_signs  # noqa: E402


def _median(fn, n: int) -> tuple[float, object]:
    ts, out = [], None
    for _ in range(n):
        t0 = time.perf_counter()
        out = fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--per-type", action="store_true", help="also time each sign type alone")
    args = ap.parse_args()
    load_font()  # font registration is a one-off per process; not part of the figures
    plans = [(p.stem, load(p)) for p in sorted((ROOT / "plans").glob("*.hallplan"))]
    plans.append(("municipal_20000 (synthetic)", make_municipal(1)))
    print(f"{'plan':30} {'windows':>7} {'pages':>6} {'MiB':>6} {'signs':>8} {'report':>8}")
    with tempfile.TemporaryDirectory() as d:
        for name, plan in plans:
            out = Path(d) / name.split()[0]
            t_signs, res = _median(lambda out=out, plan=plan: generate_signs(plan, out, SignOptions()), args.repeat)
            size = sum(f.stat().st_size for f in res.files) / 2**20
            t_rep, _ = _median(lambda out=out, plan=plan: write_report(plan, out / "report.pdf", None,
                                                                        options=ReportOptions(date="2025-01-01")),
                               max(1, args.repeat // 2))
            print(f"{name:30} {len(plan.all_windows()):7d} {res.page_count:6d} {size:6.1f} {t_signs:7.2f}s {t_rep:7.2f}s")
            if args.per_type:
                for key in SIGN_TYPES:
                    t, r = _median(lambda key=key, out=out, plan=plan: generate_signs(plan, out / key, SignOptions(kinds=(key,))),
                                   args.repeat)
                    print(f"    {key:26} {'':7} {r.page_count:6d} {'':6} {t:7.2f}s")


if __name__ == "__main__":
    main()
