"""Application start: fonts, language, main window."""

from __future__ import annotations

import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[2] / "assets"
PLANS = Path(__file__).resolve().parents[2] / "plans"


def run(path: str | None = None) -> int:
    from PyQt6.QtGui import QFont, QFontDatabase
    from PyQt6.QtWidgets import QApplication

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    fid = QFontDatabase.addApplicationFont(str(ASSETS / "fonts" / "wqy-microhei.ttf"))
    if fid >= 0:
        fams = QFontDatabase.applicationFontFamilies(fid)
        if fams:
            app.setFont(QFont(fams[0], 10))
    win = MainWindow()
    if path is None:
        cands = sorted(PLANS.glob("*county*.hallplan")) or sorted(PLANS.glob("*.hallplan"))
        path = str(cands[0]) if cands else None
    if path:
        win.open_path(path)
    win.show()
    return app.exec()
