"""Runs the real editor in a child process for the crash-recovery test.

``edit PLAN``: start the editor on PLAN, draw a zone and place a window through the canvas, wait for
the autosave, print ``AUTOSAVED`` and keep running until killed.
``recover PLAN``: start the editor (answering "restore" to the recovery question), print what it
shows as JSON, close normally.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt6.QtCore import Qt  # noqa: E402
from PyQt6.QtTest import QTest  # noqa: E402
from PyQt6.QtWidgets import QApplication  # noqa: E402

from hallplan.gui import app  # noqa: E402


def spin(seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def main() -> int:
    mode, plan = sys.argv[1], sys.argv[2]
    if mode == "edit":
        app.ask_recover = lambda parent, rec: False
        win = app.start(plan)
        win.resize(1200, 800)
        spin(0.2)
        win.canvas.zoom_to((-1, -1, 9, 6))
        vp = win.canvas.viewport()
        win.set_tool("zone_rect")
        for x, y in ((5.0, 0.5), (7.5, 2.0)):
            p = win.canvas.view_point(x, y)
            QTest.mouseMove(vp, p)
            QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
        win.set_tool("window")
        p = win.canvas.view_point(4.0, 4.4)
        QTest.mouseMove(vp, p)
        QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
        writes = win.autosaver.writes
        deadline = time.time() + 20
        while win.autosaver.writes == writes and time.time() < deadline:
            spin(0.05)
        print("AUTOSAVED", len(win.plan.floors[0].zones), len(win.plan.all_windows()), flush=True)
        while True:  # until SIGKILL
            spin(0.5)
    else:
        app.ask_recover = lambda parent, rec: True
        win = app.start(plan)
        spin(0.2)
        out = {
            "zones": len(win.plan.floors[0].zones),
            "windows": len(win.plan.all_windows()),
            "path": str(win.path) if win.path else "",
            "dirty": win.is_dirty,
            "title": win.windowTitle(),
        }
        print(json.dumps(out, ensure_ascii=False), flush=True)
        win.close()
        spin(0.1)
        return 0


if __name__ == "__main__":
    sys.exit(main())
