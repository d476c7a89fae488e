"""Rule-engine benchmark: full-check time per sample and for the 20,000 m² synthetic hall, plus the
incremental re-check after moving one counter by 0.5 m.

Run ``uv run python bench/bench_rules.py [--repeat N]``. Times are medians (and p95 for the
incremental re-check) in milliseconds. "layout rules" are the rules of the seed packs without the
route-analysis and sizing checks (``checks_routes*``, ``checks_sizing``); "all rules" is everything
the profile selects. Goal (issue 4): full check of the county sample ≤ 50 ms without route rules.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._util import attached, move_counter  # noqa: E402
from hallplan.io.planfile import load  # noqa: E402
from hallplan.rules import CHECKS, Engine  # noqa: E402
from hallplan.rules.packs import get_profile, load_packs  # noqa: E402

HEAVY = ("hallplan.rules.checks_routes", "hallplan.rules.checks_sizing")


def plans() -> list[tuple[str, object]]:
    out = [(p.stem, load(p)) for p in sorted((ROOT / "plans").glob("*.hallplan"))]
    big = ROOT / "bench" / "out" / "municipal_20000.hallplan"
    if big.exists():
        out.append((big.stem, load(big)))
    else:
        try:
            from bench.make_plans import make_municipal

            out.append(("municipal_20000 (generated)", make_municipal(1)))
        except Exception as exc:  # pragma: no cover - bench only
            print(f"(no synthetic hall: {exc})")
    return out


def layout_rules(profile: str):
    return [r for r in get_profile(profile).rules(load_packs()) if not CHECKS[r.check].fn.__module__.startswith(HEAVY)]


def timed(fn, repeat: int) -> list[float]:
    ts = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t) * 1000.0)
    return ts


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--moves", type=int, default=50)
    args = ap.parse_args(argv)
    Engine(load(ROOT / "plans" / "town_centre.hallplan")).run()  # warm up imports and pack loading
    print(f"{'plan':32} {'profile':9} {'rules':>5} {'layout ms':>10} {'all-rules ms':>13} {'findings':>8}"
          f" {'incr. med':>10} {'incr. p95':>10}")
    for name, plan in plans():
        for prof in dict.fromkeys((plan.profile, "all")):
            lay = layout_rules(prof)
            e_lay = Engine(plan, rules=lay)
            t_lay = statistics.median(timed(e_lay.run, args.repeat))
            e_all = Engine(plan, prof)
            t_all = statistics.median(timed(e_all.run, max(3, args.repeat // 4)))
            n = len(e_all.run())
            # incremental: move one counter by ±0.5 m through the history, engine attached
            work, h, wid = attached(plan, lay)
            inc = [t for t, _ in move_counter(work, h, wid, args.moves)] if wid else []
            med = f"{statistics.median(inc):10.2f}" if inc else f"{'—':>10}"
            q95 = f"{p95(inc):10.2f}" if inc else f"{'—':>10}"
            n_app = sum(1 for r in lay if r.applies_to(plan.level))
            print(f"{name:32} {prof:9} {n_app:5d} {t_lay:10.2f} {t_all:13.2f} {n:8d} {med} {q95}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
