"""File ▸ Export ▸ signs… / report…: the option dialogs, wired through the io menu registry."""

from __future__ import annotations

import pytest

pytest.importorskip("PyQt6")

from hallplan.gui import export_dialogs as ed  # noqa: E402
from hallplan.gui import io_menu  # noqa: E402
from hallplan.gui.main_window import MainWindow  # noqa: E402
from hallplan.io.signs import SIGN_TYPES  # noqa: E402
from tests.conftest import PLANS  # noqa: E402
from tests.signs.pdfcheck import needs_poppler, text  # noqa: E402


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.setattr(ed, "_last_signs", None)
    monkeypatch.setattr(ed, "_last_report", None)
    monkeypatch.setattr(ed, "_last_report_profile", None)


def _town_window(qtbot):
    w = MainWindow()
    w.ask_unsaved = lambda: "discard"
    qtbot.addWidget(w)
    assert w.open_path(str(PLANS / "town_centre.hallplan"))
    return w


def test_menu_registers_the_dialogs():
    io_menu.discover()
    assert io_menu.EXPORTERS["signs"].fn is ed.export_signs and io_menu.EXPORTERS["signs"].folder
    assert io_menu.EXPORTERS["report"].fn is ed.export_report and io_menu.EXPORTERS["report"].suffix == ".pdf"


def test_sign_dialog_options(qtbot, town, tmp_path):
    dlg = ed.SignExportDialog(town, str(tmp_path))
    qtbot.addWidget(dlg)
    assert set(dlg.kind_boxes) == set(SIGN_TYPES)
    assert dlg.options().kinds is None and dlg.paper.currentData() == "A2"
    dlg._set_all(False)
    assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
    dlg.kind_boxes["led"].setChecked(True)
    dlg.kind_boxes["layout_map"].setChecked(True)
    dlg.paper.setCurrentIndex(ed.PAPERS.index("A3"))
    dlg.crop.setChecked(True)
    o = dlg.options()
    assert o.kinds == ("led", "layout_map") and o.paper == "A3" and o.crop_marks and o.bleed
    assert not dlg.bleed.isEnabled()  # crop marks imply bleed
    assert dlg.target() == str(tmp_path)


def test_report_dialog_options(qtbot, town, tmp_path):
    dlg = ed.ReportExportDialog(town, str(tmp_path / "r"))
    qtbot.addWidget(dlg)
    assert dlg.target().endswith("r.pdf")
    assert dlg.profile_id() is None and dlg.profile.count() > 1
    dlg.lang.setCurrentIndex(1)
    dlg.figures.setChecked(False)
    o = dlg.options()
    assert o.lang == "en" and not o.plan_figures


@needs_poppler
def test_export_signs_from_the_menu(qtbot, tmp_path, monkeypatch):
    w = _town_window(qtbot)

    def accept(dlg):
        if isinstance(dlg, ed.SignExportDialog):
            dlg._set_all(False)
            dlg.kind_boxes["led"].setChecked(True)
            dlg.kind_boxes["pause"].setChecked(True)
        return True

    monkeypatch.setattr(ed, "_exec", accept)
    io_menu.discover()
    out = tmp_path / "signs"
    assert w.run_export(io_menu.EXPORTERS["signs"], str(out))
    assert sorted(p.name for p in out.iterdir()) == ["pause.pdf", "window-led.pdf"]
    assert "暂停服务" in text(out / "pause.pdf")
    assert ed._last_signs.kinds == ("led", "pause")  # remembered for the next export


def test_cancel_writes_nothing(qtbot, tmp_path, monkeypatch):
    w = _town_window(qtbot)
    monkeypatch.setattr(ed, "_exec", lambda dlg: False)
    io_menu.discover()
    out = tmp_path / "out"
    out.mkdir()
    assert ed.export_signs(w.plan, str(out / "s")) is None
    assert ed.export_report(w.plan, str(out / "r.pdf")) is None
    assert not any(out.iterdir())


@needs_poppler
def test_export_report_from_the_menu(qtbot, tmp_path, monkeypatch):
    w = _town_window(qtbot)

    def accept(dlg):
        if isinstance(dlg, ed.ReportExportDialog):
            dlg.lang.setCurrentIndex(1)
            dlg.figures.setChecked(False)
        return True

    monkeypatch.setattr(ed, "_exec", accept)
    io_menu.discover()
    target = tmp_path / "report.pdf"
    assert w.run_export(io_menu.EXPORTERS["report"], str(target))
    t = text(target)
    assert "compliance report" in t and w.plan.name in t


def test_font_error_reaches_the_user(qtbot, town, tmp_path, monkeypatch):
    def accept(dlg):
        dlg.font_row.edit.setText(str(tmp_path / "missing.ttf"))
        return True

    monkeypatch.setattr(ed, "_exec", accept)
    from hallplan.io.fonts import FontNotFoundError

    with pytest.raises(FontNotFoundError, match="apt install"):
        ed.export_signs(town, str(tmp_path / "s"))
