from hallplan.gui.main_window import MainWindow
from hallplan.model import edits
from tests.conftest import PLANS


def test_window_opens_sample_and_undo_updates(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(str(PLANS / "town_centre.hallplan"))
    n_items = len(w.canvas.scene().items())
    assert n_items > 50
    assert w.legend.count() == 10
    wid = w.plan.all_windows()[0].id
    w.history.push(edits.delete(w.plan, [wid]))
    assert w.undo_act.isEnabled()
    assert len(w.canvas.scene().items()) < n_items
    w.undo_act.trigger()
    assert len(w.canvas.scene().items()) == n_items


def test_broken_file_gives_message_not_crash(qtbot, tmp_path, monkeypatch):
    from PyQt6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "x.hallplan"
    bad.write_text("{broken", encoding="utf-8")
    w = MainWindow()
    qtbot.addWidget(w)
    assert not w.open_path(str(bad))
    assert "第 1 行第 2 列" in shown[0] and "不是有效的 JSON" in shown[0]  # located, in the UI language


def test_an_error_in_a_slot_is_logged_and_reported_not_fatal(qtbot, tmp_path, monkeypatch):
    import sys

    from PyQt6.QtCore import QTimer
    from PyQt6.QtWidgets import QMessageBox

    from hallplan.gui.app import install_excepthook
    from hallplan.gui.settings import data_dir

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(str(PLANS / "village_station.hallplan"))
    w.history.push(edits.delete(w.plan, [w.plan.all_windows()[0].id]))
    install_excepthook(w)

    def broken_slot():
        raise RuntimeError("boom")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(shown), timeout=2000)
    assert "RuntimeError: boom" in shown[0] and "Traceback" not in shown[0]
    assert "broken_slot" in (data_dir() / "errors.log").read_text(encoding="utf-8")
    assert w.autosaver.plan_file.exists()  # the edit is safe


def test_a_damaged_autosave_is_reported_and_kept(qtbot, monkeypatch):
    import json

    from hallplan.gui import app
    from hallplan.gui.autosave import autosave_dir

    d = autosave_dir()
    d.mkdir(parents=True, exist_ok=True)
    (d / "dead-1.hallplan").write_text("{broken", encoding="utf-8")
    (d / "dead-1.json").write_text(json.dumps({"pid": 2**22 + 12345, "name": "x", "time": 1.0}), encoding="utf-8")
    monkeypatch.setattr(app, "ask_recover", lambda parent, rec: True)
    w = MainWindow()
    qtbot.addWidget(w)
    assert not app.offer_recovery(w)
    assert "dead-1.hallplan" in w.statusBar().currentMessage()  # said, not silently skipped
    assert (d / "dead-1.hallplan").exists()


def test_no_display_is_a_plain_message_not_a_qt_abort():
    from hallplan.gui.app import display_problem

    assert "xvfb-run" in display_problem({}, find_library=lambda name: "lib")
    assert "libxcb-cursor0" in display_problem({"DISPLAY": ":0"}, find_library=lambda name: None)
    assert display_problem({"DISPLAY": ":0"}, find_library=lambda name: "libxcb-cursor.so.0") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
