"""Time to produce all signs (and the compliance report) for the samples and the 200-window hall.

Run: ``uv run python bench/bench_signs.py [--repeat N] [--per-type] [--cold] [--markdown FILE]``. For each plan: windows, pages, PDF sizes,
and the median wall time over N runs of :func:`hallplan.io.signs.generate_signs` (all sign types,
written to a temporary folder), then per sign type, then the report.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._util import median_time as _median  # noqa: E402
from bench.make_plans import make_municipal  # noqa: E402
from hallplan.io.fonts import load_font  # noqa: E402
from hallplan.io.planfile import load, save  # noqa: E402
from hallplan.io.report import ReportOptions, write_report  # noqa: E402
from hallplan.io.signs import SIGN_TYPES, SignOptions, generate_signs  # noqa: E402


def _cold(argv: list[str]) -> float:
    """Wall time of a fresh ``hallplan`` process (imports, font registration and all)."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "hallplan", *argv], check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--per-type", action="store_true", help="also time each sign type alone")
    ap.add_argument("--cold", action="store_true", help="also time fresh `hallplan signs/report` processes")
    ap.add_argument("--markdown", help="also write the figures as a Markdown table to this file")
    args = ap.parse_args()
    load_font()  # font registration is a one-off per process; not part of the figures
    plans = [(p.stem, load(p)) for p in sorted((ROOT / "plans").glob("*.hallplan"))]
    plans.append(("municipal_20000 (synthetic)", make_municipal(1)))
    rows: list[tuple] = []
    per_type: dict[str, list[tuple[str, int, float]]] = {}
    print(f"{'plan':30} {'windows':>7} {'pages':>6} {'MiB':>6} {'signs':>8} {'report':>8}")
    with tempfile.TemporaryDirectory() as d:
        for name, plan in plans:
            out = Path(d) / name.split()[0]
            generate_signs(plan, out, SignOptions())  # warm the per-plan caches (geometry, text measures)
            t_signs, res = _median(lambda out=out, plan=plan: generate_signs(plan, out, SignOptions()), args.repeat)
            size = sum(f.stat().st_size for f in res.files) / 2**20
            t_rep, rep = _median(lambda out=out, plan=plan: write_report(plan, out / "report.pdf", None,
                                                                          options=ReportOptions(date="2025-01-01")),
                                 max(1, args.repeat // 2))
            print(f"{name:30} {len(plan.all_windows()):7d} {res.page_count:6d} {size:6.1f} {t_signs:7.2f}s {t_rep:7.2f}s")
            cold = ("", "")
            if args.cold:
                src = out / "plan.hallplan"
                save(plan, src, keep_backup=False)
                cold = (f"{_cold(['signs', str(src), '-o', str(out / 'cold')]):.1f} s",
                        f"{_cold(['report', str(src), '-o', str(out / 'cold.pdf')]):.1f} s")
                print(f"    cold processes: signs {cold[0]}, report {cold[1]}")
            rows.append((name, len(plan.all_windows()), res.page_count, size, t_signs, rep.pages, t_rep, *cold))
            if args.per_type:
                for key in SIGN_TYPES:
                    t, r = _median(lambda key=key, out=out, plan=plan: generate_signs(plan, out / key, SignOptions(kinds=(key,))),
                                   args.repeat)
                    per_type.setdefault(name, []).append((key, r.page_count, t))
                    print(f"    {key:26} {'':7} {r.page_count:6d} {'':6} {t:7.2f}s")
    if args.markdown:
        _write_markdown(Path(args.markdown), rows, per_type, args)


def _write_markdown(path: Path, rows, per_type, args) -> None:
    lines = [
        f"Median of {args.repeat} runs in one process (font registered, caches warm); "
        f"{os.cpu_count()} CPU(s), Python {sys.version.split()[0]}.",
        "",
        "| plan | windows | sign pages | PDF MiB | all signs | report pages | report |"
        + (" signs, cold process | report, cold process |" if args.cold else ""),
        "|---|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if args.cold else ""),
    ]
    for name, n, pages, size, ts, rpages, tr_, *cold in rows:
        line = f"| {name} | {n} | {pages} | {size:.1f} | {ts:.2f} s | {rpages} | {tr_:.2f} s |"
        if args.cold:
            line += f" {cold[0]} | {cold[1]} |"
        lines.append(line)
    if per_type:
        names = list(per_type)
        lines += ["", "Per sign type (pages, time):", "",
                  "| sign type | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
        for i, key in enumerate(SIGN_TYPES):
            cells = [f"{per_type[n][i][1]} p, {per_type[n][i][2]:.2f} s" for n in names]
            lines.append(f"| {key} | " + " | ".join(cells) + " |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
