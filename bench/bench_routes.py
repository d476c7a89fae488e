"""Route-analysis benchmark (issue 5): the route rules of a plan's profile (the national pack and the
documents' separation, sight, CCTV and evacuation rules) on the county sample and the 20,000 m²
synthetic hall.

Wall-clock times, and CPU time of the process (the machine is shared: CPU time is what one frame
would take on an idle core).

* ``full``: ``Engine.run()`` from scratch (geometry cache, rasters, fast marching, erosions built
  anew), median and p95 over ``--repeat`` runs, with the slowest rules;
* ``incremental``: the engine attached to the history, one counter moved by ±0.5 m per command
  (``--moves``, ≥ 50), the time of ``History.push`` (command + incremental re-check), median and p95,
  with the slowest rules per move; and the same moves on the live worker's draft raster (0.4 m).

Goals (issue 5): incremental re-check of the county hall p95 ≤ 16.7 ms (one 60 Hz frame); full check
of the 20,000 m² hall ≤ 250 ms. Run ``uv run python bench/bench_routes.py [--repeat N] [--moves N]
[--profile P]``; ``--markdown`` prints the table for ``bench/results-routes.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._util import attached, move_counter  # noqa: E402
from bench.bench_rules import p95  # noqa: E402
from hallplan.geometry.cache import GeometryCache  # noqa: E402
from hallplan.io.planfile import load  # noqa: E402
from hallplan.rules import (  # noqa: E402
    CHECKS,
    Engine,
    checks_routes,  # noqa: E402
)
from hallplan.rules import engine as engine_mod  # noqa: E402
from hallplan.rules.packs import get_profile, load_packs  # noqa: E402

ROUTES = "hallplan.rules.checks_routes"


def plans() -> list[tuple[str, object]]:
    out = [("county_centre", load(ROOT / "plans" / "county_centre.hallplan"))]
    big = ROOT / "bench" / "out" / "municipal_20000.hallplan"
    if big.exists():
        out.append(("municipal_20000", load(big)))
    else:
        from bench.make_plans import make_municipal

        out.append(("municipal_20000 (generated)", make_municipal(1)))
    return out


def route_rules(profile: str):
    return [r for r in get_profile(profile).rules(load_packs()) if CHECKS[r.check].fn.__module__ == ROUTES]


class RuleTimer:
    """CPU time of ``Engine._run_rule`` per rule id while active."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = defaultdict(list)
        self._orig = engine_mod.Engine._run_rule

    def __enter__(self):
        orig, times = self._orig, self.times

        def run_rule(eng, rule, floors=None):
            t = time.process_time()
            orig(eng, rule, floors)
            times[rule.id].append((time.process_time() - t) * 1000.0)
        engine_mod.Engine._run_rule = run_rule
        return self

    def __exit__(self, *exc):
        engine_mod.Engine._run_rule = self._orig

    def top(self, n: int, per: int) -> str:
        tot = sorted(((sum(v) / per, k) for k, v in self.times.items()), reverse=True)[:n]
        return ", ".join(f"{k} {t:.1f}" for t, k in tot)


DRAFT_CELL = 0.4  # m: hallplan.gui.live.worker.DRAFT_CELL (not imported: the bench stays Qt-free)


@contextlib.contextmanager
def draft_raster(cell: float):
    """Route checks on a coarser raster (the live worker's drafts while dragging)."""
    orig = checks_routes.GeometryCache
    checks_routes.GeometryCache = functools.partial(GeometryCache, cell=cell)
    try:
        yield
    finally:
        checks_routes.GeometryCache = orig


def bench(name: str, plan, profile: str, repeat: int, moves: int) -> dict:
    rules = route_rules(profile)
    applicable = [r for r in rules if r.applies_to(plan.level)]
    Engine(plan, rules=rules).run()  # warm-up (imports, numba-free first calls)
    full, full_cpu = [], []
    with RuleTimer() as rt_full:
        for _ in range(repeat):
            eng = Engine(plan, rules=rules)
            t, c = time.perf_counter(), time.process_time()
            fs = eng.run()
            full.append((time.perf_counter() - t) * 1000.0)
            full_cpu.append((time.process_time() - c) * 1000.0)
    work, h, wid = attached(plan, rules)
    with RuleTimer() as rt_inc:
        timings = move_counter(work, h, wid, moves)
    inc, inc_cpu = [t for t, _ in timings], [c for _, c in timings]
    # the live editor's drafts during a drag: the same checks on the worker's coarser raster
    with draft_raster(DRAFT_CELL):
        draft_cpu = [c for _, c in move_counter(*attached(plan, rules), moves)]
    return {
        "draft_cpu_med": statistics.median(draft_cpu), "draft_cpu_p95": p95(draft_cpu),
        "plan": name, "profile": profile, "rules": len(applicable), "findings": len(fs),
        "full_med": statistics.median(full), "full_p95": p95(full),
        "inc_med": statistics.median(inc), "inc_p95": p95(inc), "moves": moves, "window": wid,
        "full_cpu_med": statistics.median(full_cpu), "full_cpu_p95": p95(full_cpu),
        "inc_cpu_med": statistics.median(inc_cpu), "inc_cpu_p95": p95(inc_cpu),
        "full_top": rt_full.top(5, repeat), "inc_top": rt_inc.top(5, moves),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--moves", type=int, default=60)
    ap.add_argument("--profile", default=None, help="profile (default: each plan's own)")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args(argv)
    rows = [bench(name, plan, args.profile or plan.profile, args.repeat, args.moves) for name, plan in plans()]
    if args.markdown:
        print("| plan | profile | route rules | findings | full med ms (CPU) | full p95 ms (CPU) |"
              " incr. med ms (CPU) | incr. p95 ms (CPU) | draft incr. CPU med / p95 |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['plan']} | {r['profile']} | {r['rules']} | {r['findings']} | {r['full_med']:.1f} ({r['full_cpu_med']:.1f}) | "
                  f"{r['full_p95']:.1f} ({r['full_cpu_p95']:.1f}) | {r['inc_med']:.1f} ({r['inc_cpu_med']:.1f}) | "
                  f"{r['inc_p95']:.1f} ({r['inc_cpu_p95']:.1f}) | {r['draft_cpu_med']:.1f} / {r['draft_cpu_p95']:.1f} |")
        print()
        for r in rows:
            print(f"- {r['plan']}: slowest rules, full (ms/run): {r['full_top']}")
            print(f"- {r['plan']}: slowest rules, incremental (ms/move, {r['moves']} moves of {r['window']}): {r['inc_top']}")
        return 0
    print(f"{'plan':28} {'profile':9} {'rules':>5} {'find.':>5} {'full med':>9} {'full p95':>9} {'incr med':>9} {'incr p95':>9}")
    for r in rows:
        print(f"{r['plan']:28} {r['profile']:9} {r['rules']:5d} {r['findings']:5d} {r['full_med']:9.1f} {r['full_p95']:9.1f}"
              f" {r['inc_med']:9.2f} {r['inc_p95']:9.2f}   CPU: full {r['full_cpu_med']:.1f}/{r['full_cpu_p95']:.1f}"
              f" incr {r['inc_cpu_med']:.2f}/{r['inc_cpu_p95']:.2f} draft incr {r['draft_cpu_med']:.2f}/{r['draft_cpu_p95']:.2f}")
        print(f"    full top: {r['full_top']}")
        print(f"    incr top: {r['inc_top']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
