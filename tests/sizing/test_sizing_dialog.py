"""The sizing dialog: table, chart, and the button that adds the recommended windows (undoable)."""

from PyQt6.QtGui import QImage

from hallplan.gui.main_window import MainWindow
from hallplan.gui.sizing_dialog import open_sizing_dialog
from tests.conftest import PLANS


def _window(qtbot):
    w = MainWindow()
    w.ask_unsaved = lambda: "discard"  # never a modal "save changes?" prompt at teardown
    qtbot.addWidget(w)
    return w


def test_dialog_shows_sizing_and_adds_windows_as_one_undo_step(qtbot):
    w = _window(qtbot)
    assert w.open_path(str(PLANS / "town_centre.hallplan"))
    dlg = open_sizing_dialog(w)
    qtbot.addWidget(dlg)
    n0 = len(w.history.plan.all_windows())  # the town sample draws fewer than the 9 windows needed
    assert dlg.table.rowCount() == 1
    assert dlg.table.item(0, 3).text() == str(n0) and dlg.table.item(0, 4).text() == "9"
    assert [q.windows for q in dlg.chart.curve][0] == n0 and 9 in [q.windows for q in dlg.chart.curve]
    assert dlg.add_button.isEnabled() and str(9 - n0) in dlg.add_button.text()
    text = dlg.findings.text()
    # the rule engine's findings of every document: rule, requirement, and a note on JZ's rule, which
    # the town's Lu'an profile does not apply; the clauses the packs quote in the tooltip
    assert "JZ.queue-wait [JZ-8]" in text and "LA.windows-from-demand [LA-4.1.1]" in text
    assert "规则配置 luan 未采用此条规则" in text
    tip = dlg.findings.toolTip()
    assert "二、(四)1“" in tip and "群众排队等待时间尽量控制在半个小时" in tip and "4.1.1“" in tip
    img = QImage(dlg.chart.size(), QImage.Format.Format_ARGB32)
    dlg.chart.render(img)  # paints without error
    assert not img.isNull()

    dlg.add_button.click()
    assert len(w.history.plan.all_windows()) == 9
    assert dlg.table.item(0, 3).text() == "9" and not dlg.add_button.isEnabled()
    assert "JZ.queue-wait" not in dlg.findings.text() and "LA.windows-from-demand" not in dlg.findings.text()
    w.history.undo()
    assert len(w.history.plan.all_windows()) == n0
    assert dlg.add_button.isEnabled()
    dlg.close()
    n = len(w.history._listeners)
    w.history.redo()  # the closed dialog no longer listens
    assert len(w.history._listeners) == n
    w.history.mark_clean()


def test_dialog_without_demand(qtbot):
    w = _window(qtbot)
    assert w.open_path(str(PLANS / "village_station.hallplan"))
    dlg = open_sizing_dialog(w)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 0 and not dlg.add_button.isEnabled()
    img = QImage(dlg.chart.size(), QImage.Format.Format_ARGB32)
    dlg.chart.render(img)
    dlg.close()
