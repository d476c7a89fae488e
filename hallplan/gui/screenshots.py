"""The README's editor screenshots, made by driving the real editor on the county sample.

Run under a display (or ``xvfb-run``)::

    xvfb-run -a -s "-screen 0 1920x1200x24" uv run python -m hallplan.gui.screenshots docs

writes ``screenshot-county.png`` (the whole hall, a window selected), ``screenshot-detail.png``
(counters and seating zoomed in, a zone being drawn with live dimensions and the snap marker) and
``screenshot-window-row.png`` (the window-row dialog on an arc). Settings and autosaves go to a
temporary folder, never the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def _spin(seconds: float) -> None:
    from PyQt6.QtWidgets import QApplication

    end = time.time() + seconds
    while time.time() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def main(out: str = "docs", findings: bool = False) -> list[Path]:
    tmp = tempfile.mkdtemp(prefix="hallplan-shots-")
    os.environ["HALLPLAN_CONFIG_DIR"] = os.path.join(tmp, "config")
    os.environ["HALLPLAN_DATA_DIR"] = os.path.join(tmp, "data")
    from PyQt6.QtCore import Qt
    from PyQt6.QtTest import QTest

    from hallplan.model import WindowKind

    from . import app
    from .dialogs.window_row import WindowRowDialog
    from .tools.options import WindowRowParams

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    app.ask_recover = lambda *_a: False
    win = app.start(str(app.PLANS / "county_centre.hallplan"))
    win.resize(1600, 1000)
    win.activateWindow()
    _spin(0.6)
    live = getattr(win, "live", None)
    if live is not None and hasattr(live, "dock") and not findings:
        live.dock.hide()  # the editor's own screenshots show the plan large
    _spin(0.3)
    ed, c = win.editor, win.canvas
    vp = c.viewport()
    c.fit()
    f = ed.floor
    assert f is not None
    ed.select([sorted(f.windows.values(), key=lambda w: w.x)[5].id])
    QTest.mouseMove(vp, c.view_point(30.0, 12.0))
    _spin(0.3)
    written = [folder / "screenshot-county.png"]
    win.grab().save(str(written[-1]))

    c.zoom_to((9, 13, 31, 31))
    ed.select([])
    win.set_tool("zone_rect")
    a = c.view_point(20.0, 19.0)
    QTest.mouseMove(vp, a)
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(vp, c.view_point(25.0, 16.0))
    _spin(0.3)
    written.append(folder / "screenshot-detail.png")
    win.grab().save(str(written[-1]))
    ed.escape()
    ed.escape()

    params = WindowRowParams(start=(4.0, 14.0), end=(20.0, 14.0), count=8, first_number=25, arc_bulge=1.5,
                             kind=WindowKind.UNIVERSAL)
    dlg = WindowRowDialog(params, win)
    dlg.show()
    _spin(0.4)
    written.append(folder / "screenshot-window-row.png")
    dlg.grab().save(str(written[-1]))
    dlg.close()
    win.force_dirty = False
    win.history.mark_clean()
    win.close()
    return written


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    for p in main(args[0] if args else "docs", "--findings" in sys.argv):
        print(p)
