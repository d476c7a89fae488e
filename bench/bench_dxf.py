"""DXF export and import times (issue 8).

Run: ``uv run python bench/bench_dxf.py [--repeat N] [--write]``.

- Export (build, audit, atomic write) of each sample and of the 20,000 m² synthetic municipal hall
  (``bench/make_plans.py make_municipal``); goal ≤ 2 s for the big hall. The longest way out drawn on
  ``HP-EVAC`` (the CLI's default, ``--no-evac-path`` to leave it out) is timed on its own.
- Import of an architect's drawing of about 1 MB (:mod:`hallplan.io.dxf_synth`: double-line walls
  broken at every junction and door, nested column blocks, axes, texts) through the generic path
  (layers, joining, wall pairing, columns, rooms), and read-back of the exports (XDATA path).

Median and best wall time over N runs (the machine may be shared: the best run is the one least
disturbed). ``--write`` stores the table in ``bench/results-dxf.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._util import median_time  # noqa: E402
from bench.make_plans import make_municipal  # noqa: E402
from hallplan.io.dxf_export import ExportOptions, evacuation_routes, export_plan  # noqa: E402
from hallplan.io.dxf_import import ImportOptions, import_dxf  # noqa: E402
from hallplan.io.dxf_synth import Synth, architect_bytes  # noqa: E402
from hallplan.io.planfile import load  # noqa: E402

BEST: dict[float, float] = {}  # median -> best run, for the table


def _median(fn, n: int):
    return median_time(fn, n, BEST)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--write", action="store_true", help="write bench/results-dxf.md")
    args = ap.parse_args()
    plans = [(p.stem, load(p)) for p in sorted((ROOT / "plans").glob("*.hallplan"))]
    plans.append(("municipal_20000 (synthetic)", make_municipal(1)))
    rows = []
    opts = ExportOptions(date="2025-01-01")
    # warm-up: module imports and font tables are one-offs per process
    with tempfile.TemporaryDirectory() as d:
        export_plan(plans[0][1], Path(d) / "w.dxf", opts)
        import_dxf(Path(d) / "w.dxf")
    with tempfile.TemporaryDirectory() as d:
        for name, plan in plans:
            out = Path(d) / f"{name.split()[0]}.dxf"
            t_exp, rep = _median(lambda out=out, plan=plan: export_plan(plan, out, opts), args.repeat)
            size = out.stat().st_size / 2**20
            t_imp, res = _median(lambda out=out: import_dxf(out), args.repeat)
            area = sum(f.area for f in plan.floors)
            rows.append((f"export {name}", f"{area:,.0f} m², {len(plan.all_windows())} windows, {rep.entities:,} entities",
                         f"{size:.2f} MiB", t_exp))
            t_route, routes = _median(lambda plan=plan: evacuation_routes(plan), 1)
            rows.append((f"longest way out {name} (HP-EVAC, optional)",
                         "; ".join(r.text for r in routes), "", t_route))
            rows.append((f"read back {name} (XDATA)",
                         f"{res.report.counts['zones']} zones, {res.report.counts['furniture']} furniture",
                         f"{size:.2f} MiB", t_imp))
            print(f"{name:32} export {t_exp:6.2f} s  read back {t_imp:6.2f} s  {size:6.2f} MiB", flush=True)
        for nx, ny in ((36, 28),):
            data = architect_bytes(Synth(nx=nx, ny=ny, outline_layer="外轮廓"))
            path = Path(d) / "architect.dxf"
            path.write_bytes(data)
            t_imp, res = _median(lambda path=path: import_dxf(path, ImportOptions()), args.repeat)
            f = res.plan.floors[0]
            rows.append((f"import architect drawing {nx}×{ny} rooms",
                         f"{len(f.walls)} walls, {len(f.columns)} columns, {len(f.zones)} rooms found",
                         f"{len(data) / 2**20:.2f} MiB", t_imp))
            print(f"architect {nx}x{ny} ({len(data) / 2**20:.2f} MiB): import {t_imp:.2f} s, "
                  f"{len(f.walls)} walls, {len(f.columns)} columns, {len(f.zones)} zones", flush=True)
    if args.write:
        lines = ["# DXF export / import times", "",
                 f"`uv run python bench/bench_dxf.py --repeat {args.repeat} --write` — median and best of {args.repeat} runs, "
                 f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, load average "
                 f"{os.getloadavg()[0]:.1f} at the end (other sessions were running tests), "
                 f"{time.strftime('%Y-%m-%d')}.", "",
                 "Export = build the document, ezdxf audit (no errors), atomic write. Read back = import of that "
                 "export (the XDATA path). The architect's drawing is imported through layers (joining, wall "
                 "pairing, columns, rooms between walls). Goal: export of the 20,000 m² hall ≤ 2 s.", "",
                 "| what | content | file | median | best |", "|---|---|---:|---:|---:|"]
        lines += [f"| {a} | {b} | {c} | {t:.2f} s | {BEST.get(t, t):.2f} s |" for a, b, c, t in rows]
        (ROOT / "bench" / "results-dxf.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print("wrote bench/results-dxf.md")


if __name__ == "__main__":
    main()
