"""Editor frame times: dragging items on the samples and on the 20,000 m² synthetic hall.

Each step sends a real mouse-move event to the canvas and then lets Qt process it and repaint the
dirty region (``processEvents``), the way a drag runs in the editor: tool → command → model →
change event → scene items → paint. Prints median / p95 / max per scenario, plus the time of a full
repaint of the view at "zoom to fit" (what a pan or zoom costs).

Also: a wheel-zoom step, a 12-pixel pan and the idle re-batch of the static layers after an edit.

Run: ``uv run python bench/bench_editor.py [--quick] [--md bench/results-editor.md [--append]]``
(offscreen unless ``QT_QPA_PLATFORM`` is set; ``HALLPLAN_LIVE_WORKER=off`` measures the editor
without live checking).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_tmp = tempfile.mkdtemp(prefix="hallplan-bench-")
os.environ.setdefault("HALLPLAN_CONFIG_DIR", os.path.join(_tmp, "config"))
os.environ.setdefault("HALLPLAN_DATA_DIR", os.path.join(_tmp, "data"))

from PyQt6.QtCore import QEvent, QPoint, QPointF, Qt  # noqa: E402
from PyQt6.QtGui import QMouseEvent  # noqa: E402
from PyQt6.QtWidgets import QApplication  # noqa: E402

from hallplan.gui import app as gui_app  # noqa: E402
from hallplan.gui.main_window import MainWindow  # noqa: E402
from hallplan.io.planfile import load  # noqa: E402
from hallplan.model import FurnitureKind, Plan  # noqa: E402

try:
    from bench.make_plans import make_municipal  # noqa: E402
except ImportError:  # pragma: no cover - the generator ships with the repo
    make_municipal = None


def _mouse(kind, pos: QPoint, buttons) -> QMouseEvent:
    p = QPointF(pos)
    btn = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    return QMouseEvent(kind, p, p, btn, buttons, Qt.KeyboardModifier.NoModifier)


def drag_times(win: MainWindow, start_xy, steps: int, dx_px: float = 3.0) -> list[float]:
    """Press at the plan point ``start_xy``, move ``steps`` times, release; ms per move step."""
    vp = win.canvas.viewport()
    p0 = win.canvas.view_point(*start_xy)
    L = Qt.MouseButton.LeftButton
    QApplication.sendEvent(vp, _mouse(QEvent.Type.MouseButtonPress, p0, L))
    QApplication.processEvents()
    times = []
    for k in range(1, steps + 1):
        p = p0 + QPoint(int(round(k * dx_px)), int(round(k * dx_px * 0.35)))
        t0 = time.perf_counter()
        QApplication.sendEvent(vp, _mouse(QEvent.Type.MouseMove, p, L))
        QApplication.processEvents()  # paints the dirty region
        times.append((time.perf_counter() - t0) * 1000)
    QApplication.sendEvent(vp, _mouse(QEvent.Type.MouseButtonRelease, p, L))
    QApplication.processEvents()
    return times


def full_repaint(win: MainWindow, n: int = 5) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        win.canvas.viewport().repaint()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def zoom_steps(win: MainWindow, n: int = 12) -> list[float]:
    """One wheel notch in or out at the cursor, then the repaint: ms per step (zoomed from fit to
    ~3x and back)."""
    out = []
    for k in range(n):
        f = 1.2 if k < n // 2 else 1 / 1.2
        t0 = time.perf_counter()
        win.canvas.zoom_by(f)
        win.canvas.viewport().repaint()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def pan_steps(win: MainWindow, n: int = 40, px: int = 12) -> list[float]:
    """A pan by ``px`` pixels (as a middle-button drag does), then the repaint."""
    h = win.canvas.horizontalScrollBar()
    out = []
    for k in range(n):
        t0 = time.perf_counter()
        h.setValue(h.value() + (px if (k // 10) % 2 == 0 else -px))
        QApplication.processEvents()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def rebatch_after_edit(win: MainWindow) -> float:
    """What the idle timer pays after an edit: the moved item goes back into its static layer."""
    sc = win.plan_scene
    f = win.editor.floor
    seat = next((x for x in f.furniture.values() if x.kind == FurnitureKind.SEAT_ROW), None)
    if seat is None:
        return 0.0
    win.editor.select([seat.id])
    win.editor.nudge(0.5, 0.0)
    win.editor.clear_selection()
    t0 = time.perf_counter()
    sc.rebatch()
    ms = (time.perf_counter() - t0) * 1000
    win.editor.undo()
    sc.rebatch()
    return ms


def stats(ts: list[float]) -> str:
    s = sorted(ts)
    return f"median {statistics.median(s):6.2f}  p95 {s[int(0.95 * (len(s) - 1))]:6.2f}  max {s[-1]:6.2f} ms"


def scenarios(plan: Plan):
    """(label, plan point to grab, zoom rect or None for fit)."""
    f = plan.floors[0]
    seat = next((x for x in f.furniture.values() if x.kind == FurnitureKind.SEAT_ROW), None)
    out = []
    if seat is not None:
        out.append(("seat row, whole floor", (seat.x, seat.y), None))
        out.append(("seat row, zoomed 20 m", (seat.x, seat.y), (seat.x - 10, seat.y - 6, seat.x + 10, seat.y + 6)))
    big = max(f.zones.values(), key=lambda z: z.area, default=None)
    if big is not None:
        from hallplan.model.geom import ring_centroid

        c = ring_centroid(big.polygon.exterior)
        out.append((f"zone {big.area:,.0f} m², whole floor", c, None))
    return out


ROWS: list[tuple[str, str, str, list[float]]] = []  # (plan, entities, what, ms samples)


def report(name: str, ents: str, what: str, ts: list[float], note: str = "") -> None:
    ROWS.append((name, ents, what, ts))
    print(f"  {what:34s} {stats(ts)}{note}")


def run(plan: Plan, name: str, steps: int) -> None:
    win = MainWindow()
    win.resize(1600, 1000)
    win.show()
    QApplication.processEvents()
    t0 = time.perf_counter()
    win.set_plan(plan, None)
    QApplication.processEvents()
    open_ms = (time.perf_counter() - t0) * 1000
    n_items = len(win.plan_scene.items())
    ents = f"{sum(1 for _ in plan.floors[0].entities()):,}"
    print(f"\n{name}: {ents} entities on floor 1, {n_items} scene items")
    report(name, ents, "open (scene built, drawn once)", [open_ms])
    for label, at, zoom in scenarios(plan):
        if zoom is None:
            win.canvas.fit()
        else:
            win.canvas.zoom_to(zoom)
        QApplication.processEvents()
        f = win.editor.floor
        eid, _ = win.editor.pick(at)
        if label.startswith("zone"):
            win.editor.select([eid])  # a selected zone moves when dragged from inside
        ts = drag_times(win, at, steps)
        moved = eid is not None and f.get(eid) is not None
        report(name, ents, f"drag {label}", ts, "" if moved else "  (nothing grabbed!)")
        win.editor.undo()
        win.editor.clear_selection()
    win.plan_scene.rebatch()
    win.canvas.fit()
    QApplication.processEvents()
    report(name, ents, "full repaint at zoom-to-fit", full_repaint(win))
    report(name, ents, "wheel zoom step + repaint", zoom_steps(win))
    win.canvas.fit()
    win.canvas.zoom_by(2.0)
    QApplication.processEvents()
    report(name, ents, "pan 12 px + repaint (zoom 2x)", pan_steps(win))
    report(name, ents, "re-batch after an edit (idle)", [rebatch_after_edit(win)])
    win.force_dirty = False
    win.history.mark_clean()
    win.close()
    win.deleteLater()
    QApplication.processEvents()


def write_markdown(path: Path, steps: int, append: bool = False) -> None:
    import platform

    live = os.environ.get("HALLPLAN_LIVE_WORKER", "process")
    head = [
        "# Editor frame times",
        "",
        "A drag step is one real mouse-move event on the canvas followed by the repaint it causes (tool →"
        " command → model → change event → scene item → paint). 60 Hz leaves 16.7 ms per frame.",
        "",
    ]
    lines = [
        f"## Live checking: {'off' if live == 'off' else 'on (worker ' + live + ')'}",
        "",
        f"`{'HALLPLAN_LIVE_WORKER=off ' if live == 'off' else ''}uv run python bench/bench_editor.py --md"
        f" {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}{' --append' if append else ''}`"
        f" — {steps} drag steps per scenario, window 1600 × 1000, Qt offscreen raster, Python"
        f" {platform.python_version()}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end"
        f" (other sessions share the machine), {time.strftime('%Y-%m-%d %H:%M')}.",
        "",
        "| plan | entities | what | median ms | p95 ms | max ms |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for name, ents, what, ts in ROWS:
        s = sorted(ts)
        lines.append(f"| {name} | {ents} | {what} | {statistics.median(s):.1f} | {s[int(0.95 * (len(s) - 1))]:.1f}"
                     f" | {s[-1]:.1f} |")
    if append and path.exists():
        text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    else:
        text = "\n".join(head + lines) + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    steps = 30 if "--quick" in sys.argv else 120
    gui_app.create_app([])
    for path in sorted((ROOT / "plans").glob("*.hallplan"), key=lambda p: p.stat().st_size):
        run(load(path), path.stem, steps)
    if make_municipal is not None:
        run(make_municipal(1), "municipal 20,000 m² (synthetic)", steps)
    if "--md" in sys.argv:
        i = sys.argv.index("--md")
        out = Path(sys.argv[i + 1]) if i + 1 < len(sys.argv) else ROOT / "bench" / "results-editor.md"
        write_markdown(out.resolve(), steps, "--append" in sys.argv)
        print(f"\nwritten {out}")


if __name__ == "__main__":
    main()
