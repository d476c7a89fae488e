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
    assert "line 1" in shown[0]
