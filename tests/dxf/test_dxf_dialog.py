"""File ▸ Export/Import ▸ DXF…: the dialogs, wired through the io menu registry (offscreen Qt)."""

from __future__ import annotations

import ezdxf
import pytest

pytest.importorskip("PyQt6")
pytest.importorskip("pytestqt")

from hallplan.gui import dxf_dialog as dd  # noqa: E402
from hallplan.gui import io_menu  # noqa: E402
from hallplan.io.dxf_import import ImportOptions, open_dxf  # noqa: E402
from hallplan.io.dxf_synth import Synth, architect_bytes  # noqa: E402
from hallplan.io.planfile import load  # noqa: E402
from hallplan.model import History  # noqa: E402
from tests.conftest import PLANS  # noqa: E402


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.setattr(dd, "_last_export", None)
    monkeypatch.setattr(dd, "_last_findings", False)


def test_menu_registers_the_dialogs():
    io_menu.discover()
    assert io_menu.EXPORTERS["dxf"].fn is dd.export_dxf
    assert io_menu.IMPORTERS["dxf"].fn is dd.import_dxf


def test_export_dialog(qtbot, tmp_path, monkeypatch):
    plan = load(PLANS / "town_centre.hallplan")
    dlg = dd.DxfExportDialog(plan, str(tmp_path / "t"))
    qtbot.addWidget(dlg)
    assert dlg.target().endswith("t.dxf") and dlg.floor_ids() == [f.id for f in plan.floors]
    dlg.paper.setCurrentIndex(dlg.paper.findData("A2"))
    dlg.scale.setCurrentIndex(dlg.scale.findData(200))
    dlg.lang.setCurrentIndex(1)
    o = dlg.options()
    assert (o.paper, o.scale, o.lang) == ("A2", 200, "en")
    # through the registry entry: the dialog is "accepted" as it is
    monkeypatch.setattr(dd, "_exec", lambda d: True)
    rep = dd.export_dxf(plan, str(tmp_path / "out.dxf"))
    assert rep is not None and rep.path.exists()
    assert not ezdxf.readfile(rep.path).audit().has_errors
    monkeypatch.setattr(dd, "_exec", lambda d: False)
    assert dd.export_dxf(plan, str(tmp_path / "no.dxf")) is None
    assert not (tmp_path / "no.dxf").exists()


def test_import_dialog_suggests_and_builds(qtbot, tmp_path):
    opened = open_dxf(architect_bytes(Synth(nx=2, ny=2, insunits=0)))
    insp = opened.inspect()
    dlg = dd.DxfImportDialog(opened, insp)
    qtbot.addWidget(dlg)
    assert dlg.roles() == {"墙体": "wall", "柱": "column"}
    assert dlg.units.currentData() == "mm" and "mm" in dlg.units_note.text()  # guessed, to confirm
    ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
    dlg.set_role("墙体", "")
    assert not ok.isEnabled()  # neither outline nor walls
    dlg.set_role("墙体", "wall")
    assert ok.isEnabled()
    o = dlg.options()
    assert o.units == "mm" and o.wall_layers == ("墙体",) and o.column_layers == ("柱",)


def test_import_through_the_menu_new_plan_and_added_floors(qtbot, tmp_path, monkeypatch):
    src = tmp_path / "arch.dxf"
    src.write_bytes(architect_bytes(Synth(nx=2, ny=1)))
    monkeypatch.setattr(dd, "_exec", lambda d: True)
    res = dd.import_dxf(str(src))
    assert res is not None and res.plan.floors[0].walls and res.plan.name == "arch"

    # "add floors" mode onto an open plan's history: one undoable command, nothing returned
    from PyQt6.QtWidgets import QWidget

    win = QWidget()
    qtbot.addWidget(win)
    win.history = History(load(PLANS / "village_station.hallplan"))
    monkeypatch.setattr(dd, "_parent", lambda: win)
    n = len(win.history.plan.floors)

    def accept_add(d):
        if isinstance(d, dd.DxfImportDialog):
            d.add_floors.setChecked(True)
        return True

    monkeypatch.setattr(dd, "_exec", accept_add)
    assert dd.import_dxf(str(src)) is None
    assert len(win.history.plan.floors) == n + 1
    win.history.undo()
    assert len(win.history.plan.floors) == n


def test_import_garbage_raises_for_the_main_window(tmp_path):
    bad = tmp_path / "bad.dxf"
    bad.write_bytes(b"not a drawing at all\n")
    from hallplan.io.dxf_import import DxfImportError

    with pytest.raises(DxfImportError):
        dd.import_dxf(str(bad))
    assert ImportOptions().units is None


def test_main_window_file_import_and_export(qtbot, tmp_path, monkeypatch):
    """Through the main window's own File ▸ Import/Export handlers."""
    from hallplan.gui.main_window import MainWindow

    w = MainWindow()
    w.ask_unsaved = lambda: "discard"
    qtbot.addWidget(w)
    io_menu.discover()
    src = tmp_path / "arch.dxf"
    src.write_bytes(architect_bytes(Synth(nx=3, ny=2, outline_layer="外轮廓")))
    monkeypatch.setattr(dd, "_exec", lambda d: True)
    assert w.run_import(io_menu.IMPORTERS["dxf"], str(src))
    assert w.plan.name == "arch" and w.plan.floors[0].walls and w.plan.floors[0].columns
    out = tmp_path / "back.dxf"
    assert w.run_export(io_menu.EXPORTERS["dxf"], str(out))
    assert out.exists() and not ezdxf.readfile(out).audit().has_errors
