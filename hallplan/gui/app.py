"""Application start: fonts, language, main window, crash recovery."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[2] / "assets"
PLANS = Path(__file__).resolve().parents[2] / "plans"
_APP = None


def default_plan() -> str | None:
    cands = sorted(PLANS.glob("*county*.hallplan")) or sorted(PLANS.glob("town*.hallplan")) or sorted(PLANS.glob("*.hallplan"))
    return str(cands[0]) if cands else None


_QT_TRANSLATOR = None


def install_qt_translations(lang: str) -> None:
    """Qt's own strings (OK/Cancel, file dialogs, context menus) in the editor's language."""
    from PyQt6.QtCore import QLibraryInfo, QTranslator
    from PyQt6.QtWidgets import QApplication

    global _QT_TRANSLATOR
    app = QApplication.instance()
    if app is None:
        return
    if _QT_TRANSLATOR is not None:
        app.removeTranslator(_QT_TRANSLATOR)
        _QT_TRANSLATOR = None
    if lang != "zh":
        return
    tr_ = QTranslator(app)
    if tr_.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(tr_)
        _QT_TRANSLATOR = tr_


def create_app(argv: list[str] | None = None):
    """The QApplication with the bundled CJK font and the remembered language."""
    from PyQt6.QtGui import QFont, QFontDatabase
    from PyQt6.QtWidgets import QApplication

    from hallplan.i18n import set_language

    from . import drawing
    from .settings import Settings

    global _APP
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    _APP = app  # keep a reference: the QApplication must outlive every window
    app.setApplicationName("hallplan")
    fid = QFontDatabase.addApplicationFont(str(ASSETS / "fonts" / "wqy-microhei.ttf"))
    if fid >= 0:
        fams = QFontDatabase.applicationFontFamilies(fid)
        if fams:
            app.setFont(QFont(fams[0], 10))
            drawing.set_font_family(fams[0])
    lang = Settings.load().language
    set_language(lang)
    install_qt_translations(lang)
    return app


def ask_recover(parent, rec) -> bool:
    """Ask whether to restore an autosaved session (tests replace this)."""
    from PyQt6.QtWidgets import QMessageBox

    from hallplan.i18n import tr

    when = datetime.fromtimestamp(rec.saved_at).strftime("%Y-%m-%d %H:%M:%S")
    B = QMessageBox.StandardButton
    r = QMessageBox.question(parent, tr("dlg.recover.title"),
                             tr("dlg.recover.text", name=rec.name or "—", time=when, source=rec.source or tr("plan.untitled")),
                             B.Yes | B.No, B.Yes)
    return r == B.Yes


def offer_recovery(win) -> bool:
    """Offer every autosave left by an editor that did not exit cleanly; restore the newest the user
    accepts into ``win``. Returns True when something was restored."""
    from .autosave import find_recoverable

    restored = False
    for rec in find_recoverable():
        if not restored and ask_recover(win, rec):
            try:
                plan = rec.load()
            except Exception as exc:  # noqa: BLE001 - a damaged snapshot is reported and kept
                win._message("msg.recover_damaged", {"path": str(rec.plan_file), "error": str(exc)})
                continue
            win.set_plan(plan, Path(rec.source) if rec.source else None, dirty=True)
            win.autosave_now()
            rec.discard()
            restored = True
        elif not restored:
            rec.discard()
    return restored


def start(path: str | None = None, recover: bool = True):
    """Create the window (and the app if needed), open ``path`` or the sample, offer recovery."""
    create_app()
    from .main_window import MainWindow

    win = MainWindow()
    win.show()
    restored = offer_recovery(win) if recover else False
    if not restored:
        path = path if path is not None else default_plan()
        if path:
            win.open_path(path)
        else:
            win.canvas.fit()
    return win


def install_excepthook(win) -> None:
    """An unexpected error inside the editor never kills it (PyQt aborts on an exception escaping a
    slot) and never shows a traceback: it is logged to the user data folder, the plan is autosaved
    and the user gets one plain message."""
    import traceback

    from .settings import data_dir

    log = data_dir() / "errors.log"
    busy = []

    def hook(etype, value, tb) -> None:
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
                fh.write("".join(traceback.format_exception(etype, value, tb)))
        except OSError:
            pass
        if busy:  # an error while reporting an error: logged only
            return
        busy.append(1)
        try:
            try:
                win.autosave_now()
            except Exception:  # noqa: BLE001 - the message matters more
                pass
            from PyQt6.QtWidgets import QMessageBox

            from hallplan.i18n import tr

            QMessageBox.warning(win, tr("dlg.internal_error.title"),
                                tr("dlg.internal_error.text", error=f"{etype.__name__}: {value}", log=str(log)))
        finally:
            busy.clear()

    sys.excepthook = hook


def display_problem(env=None, find_library=None) -> str | None:
    """Why the editor cannot open a window here, in one plain sentence (None: it can). Qt itself only
    aborts with a plugin message, which tells a planner nothing."""
    import os

    env = os.environ if env is None else env
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        from hallplan.i18n import tr

        return tr("msg.no_display")
    if env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        if find_library is None:
            from ctypes.util import find_library
        if find_library("xcb-cursor") is None:
            from hallplan.i18n import tr

            return tr("msg.no_xcb_cursor")
    return None


def run(path: str | None = None) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app = create_app()
    win = start(path)
    install_excepthook(win)
    win.raise_()
    return app.exec()
