"""Editor frame times: dragging items on the samples and on the 20,000 m² synthetic hall.

Each step sends a real mouse-move event to the canvas and then lets Qt process it and repaint the
dirty region (``processEvents``), the way a drag runs in the editor: tool → command → model →
change event → scene items → paint. Prints median / p95 / max per scenario, plus the time of a full
repaint of the view at "zoom to fit" (what a pan or zoom costs).

Run: ``uv run python bench/bench_editor.py`` (offscreen unless ``QT_QPA_PLATFORM`` is set). With
``--quick`` it does fewer steps.
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


def run(plan: Plan, name: str, steps: int) -> None:
    win = MainWindow()
    win.resize(1600, 1000)
    win.show()
    QApplication.processEvents()
    win.set_plan(plan, None)
    QApplication.processEvents()
    n_items = len(win.plan_scene.items())
    print(f"\n{name}: {sum(1 for _ in plan.floors[0].entities())} entities on floor 1, {n_items} scene items")
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
        print(f"  drag {label:28s} {stats(ts)}{'' if moved else '  (nothing grabbed!)'}")
        win.editor.undo()
    win.canvas.fit()
    QApplication.processEvents()
    print(f"  full repaint at zoom-to-fit       {stats(full_repaint(win))}")
    win.force_dirty = False
    win.history.mark_clean()
    win.close()
    win.deleteLater()
    QApplication.processEvents()


def main() -> None:
    steps = 30 if "--quick" in sys.argv else 120
    gui_app.create_app([])
    for path in sorted((ROOT / "plans").glob("*.hallplan"), key=lambda p: p.stat().st_size):
        run(load(path), path.name, steps)
    if make_municipal is not None:
        run(make_municipal(1), "synthetic 20,000 m² municipal hall (bench/make_plans.py)", steps)


if __name__ == "__main__":
    main()
