"""The editor through Qt: qtbot mouse and keys on the real canvas, the scene, panels, menus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PyQt6.QtCore import QPoint, Qt
from PyQt6.QtTest import QTest

from hallplan.gui.main_window import MainWindow, QtDialogs
from hallplan.gui.tools.options import WindowRowParams
from hallplan.io.planfile import dumps, load
from hallplan.model import DoorKind, Entity, FurnitureKind, History, ZoneKind, edits
from tests.conftest import PLANS

GUI = Path(__file__).resolve().parents[2] / "hallplan" / "gui"


@pytest.fixture
def win(qtbot, monkeypatch):
    monkeypatch.setattr(QtDialogs, "window_row", lambda self, p: p)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    qtbot.waitExposed(w)
    return w


def vp(w: MainWindow, x: float, y: float) -> QPoint:
    return w.canvas.view_point(x, y)


def click(w, x, y, mods=Qt.KeyboardModifier.NoModifier):
    p = vp(w, x, y)
    QTest.mouseMove(w.canvas.viewport(), p)
    QTest.mouseClick(w.canvas.viewport(), Qt.MouseButton.LeftButton, mods, p)


def key(w, k, mods=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(w.canvas, k, mods)


def test_draw_a_small_hall_on_the_canvas_then_undo_and_redo_all(win, qtbot):
    w = win
    w.new()
    assert w.plan.floors == [] and w.editor.tool.name == "outline_rect"
    qtbot.wait(10)  # let the docks settle (the tool options page changed) before fixing the view
    w.canvas.zoom_to((-2, -2, 24, 14))
    start = dumps(w.plan)
    click(w, 0, 0)
    click(w, 20, 12)
    assert w.editor.floor is not None and w.editor.floor.outline.area == pytest.approx(240)
    key(w, Qt.Key.Key_Z)  # zone tool
    assert w.editor.tool.name == "zone_rect"
    for kind, a, b in ((ZoneKind.BACK_OFFICE, (0, 8), (20, 12)), (ZoneKind.WINDOW_SERVICE, (0, 5), (20, 8)),
                       (ZoneKind.WAITING, (0, 0), (20, 5))):
        w.options_panel.zone_list.setCurrentRow(list(ZoneKind).index(kind))
        w.canvas.setFocus()
        click(w, *a)
        click(w, *b)
    key(w, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)  # window row
    assert w.editor.tool.name == "window_row"
    w.options_panel.win_count.setValue(6)
    click(w, 2, 7.6)
    click(w, 14, 7.6)
    key(w, Qt.Key.Key_D)
    w.options_panel.door_list.setCurrentRow(list(DoorKind).index(DoorKind.MAIN_ENTRANCE))
    w.canvas.setFocus()
    click(w, 6, 0.0)
    w.options_panel.door_list.setCurrentRow(list(DoorKind).index(DoorKind.EXIT))
    w.canvas.setFocus()
    click(w, 20, 3)
    w.canvas.setFocus()
    key(w, Qt.Key.Key_F)
    assert w.editor.tool.name == "furniture" and w.editor.options.furniture_kind == FurnitureKind.SEAT_ROW
    click(w, 10, 3)
    click(w, 10, 1.8)
    f = w.editor.floor
    assert len(f.zones) == 3 and len(f.windows) == 6 and len(f.doors) == 2 and len(f.furniture) == 2
    assert {d.kind for d in f.doors.values()} == {DoorKind.MAIN_ENTRANCE, DoorKind.EXIT}
    # the scene shows one item per entity, keyed by id
    ids = {e.id for e in f.entities()}
    assert set(w.plan_scene.items_by_id) == ids
    end = dumps(w.plan)
    n = len(w.history.undo_stack)
    assert n == 9
    for _ in range(n):
        QTest.keyClick(w.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dumps(w.plan) == start
    assert w.plan_scene.items_by_id == {}
    for _ in range(n):
        QTest.keyClick(w.canvas, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert dumps(w.plan) == end
    assert set(w.plan_scene.items_by_id) == ids


def test_scene_updates_incrementally_and_items_hold_no_model_state(win, qtbot):
    w = win
    assert w.open_path(str(PLANS / "county_centre.hallplan"))
    sc = w.plan_scene
    rebuilds = sc.rebuilds
    items = dict(sc.items_by_id)
    for it in sc.items():
        assert not any(isinstance(v, Entity) for v in vars(it).values()) if hasattr(it, "__dict__") else True
    seat = next(f for f in w.editor.floor.furniture.values() if f.kind == FurnitureKind.SEAT_ROW)
    w.canvas.zoom_to((seat.x - 5, seat.y - 5, seat.x + 5, seat.y + 5))
    updates = sc.updates
    p0 = vp(w, seat.x, seat.y)
    vpw = w.canvas.viewport()
    QTest.mousePress(vpw, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0)
    for k in range(1, 11):
        QTest.mouseMove(vpw, p0 + QPoint(6 * k, 0))
    QTest.mouseRelease(vpw, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0 + QPoint(60, 0))
    moved = w.editor.entity(seat.id)
    assert moved.x > seat.x + 0.5
    assert sc.rebuilds == rebuilds  # no full redraw
    assert sc.updates - updates <= 12  # one item update per drag step
    assert sc.items_by_id[seat.id] is items[seat.id]  # the same item, moved
    assert sc.items_by_id[seat.id].pos().x() == pytest.approx(moved.x)
    w.editor.delete_selection()
    assert seat.id not in sc.items_by_id
    assert items[seat.id].scene() is None
    w.editor.undo()
    assert seat.id in sc.items_by_id
    # switching floors rebuilds for that floor only
    other = [f for f in w.plan.floors if f.id != w.editor.floor_id][0]
    w.editor.set_floor(other.id)
    assert set(sc.items_by_id) == {e.id for e in other.entities()}


def test_static_layer_batches_furniture_and_lets_a_dragged_item_out(win, qtbot):
    w = win
    assert w.open_path(str(PLANS / "county_centre.hallplan"))
    sc = w.plan_scene
    from hallplan.model import EntityKind

    layer = sc.static[EntityKind.FURNITURE]
    furn = [it for it in sc.items_by_id.values() if it.kind == layer.kind]
    assert len(furn) >= 40 and all(it.batched and not it.isVisible() for it in furn)
    assert set(layer.members) == {it.eid for it in furn}
    seat = next(f for f in w.editor.floor.furniture.values() if f.kind == FurnitureKind.SEAT_ROW)
    w.canvas.zoom_to((seat.x - 5, seat.y - 5, seat.x + 5, seat.y + 5))
    p0 = vp(w, seat.x, seat.y)
    vpw = w.canvas.viewport()
    QTest.mousePress(vpw, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0)
    it = sc.items_by_id[seat.id]
    assert not it.batched and it.isVisible() and seat.id not in layer.members  # selected: drawn alone
    records = layer.records
    for k in range(1, 11):
        QTest.mouseMove(vpw, p0 + QPoint(6 * k, 0))
    QTest.mouseRelease(vpw, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0 + QPoint(60, 0))
    assert layer.records == records  # the drag never re-records the layer
    w.editor.clear_selection()
    sc.rebatch()  # what the idle timer does
    assert it.batched and not it.isVisible() and seat.id in layer.members
    assert layer.records <= records + 6  # only the squares the seat left and entered (three levels)
    # hiding the kind hides the layer; the items stay hidden
    w.layers_panel.boxes["furniture"].setChecked(False)
    assert not layer.isVisible() and not any(i.isVisible() for i in furn)
    w.layers_panel.boxes["furniture"].setChecked(True)
    assert layer.isVisible() and not it.isVisible()


def test_keyboard_nudge_rotate_delete_copy_paste(win):
    w = win
    w.open_path(str(PLANS / "town_centre.hallplan"))
    f = w.editor.floor
    seat = next(x for x in f.furniture.values() if x.kind == FurnitureKind.SEAT_ROW)
    n0 = len(f.furniture)
    w.editor.select([seat.id])
    w.canvas.setFocus()
    key(w, Qt.Key.Key_Right)
    key(w, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert w.editor.entity(seat.id).x == pytest.approx(seat.x + 1.1)
    key(w, Qt.Key.Key_R)
    assert w.editor.entity(seat.id).rotation == pytest.approx(15)
    QTest.keyClick(w.canvas, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(w.editor.floor.furniture) == n0 + 1
    key(w, Qt.Key.Key_Delete)
    assert len(w.editor.floor.furniture) == n0
    # typed offset through the coordinate box
    w.editor.select([seat.id])
    w.canvas.setFocus()
    QTest.keyClicks(w.canvas, "@")
    assert w.coord_input.isVisible() and w.coord_input.text() == "@"  # the typed key opens the box and lands in it
    QTest.keyClicks(w.coord_input, "0,2")
    QTest.keyClick(w.coord_input, Qt.Key.Key_Return)
    assert w.editor.entity(seat.id).y == pytest.approx(seat.y + 2)


def test_bad_typed_coordinates_give_a_message_and_escape_keeps_a_wall(win, qtbot):
    w = win
    w.open_path(str(PLANS / "town_centre.hallplan"))
    w.set_tool("wall")
    n = len(w.editor.floor.walls)
    w.canvas.setFocus()
    QTest.keyClicks(w.canvas, "1")
    QTest.keyClicks(w.coord_input, ",1x")
    QTest.keyClick(w.coord_input, Qt.Key.Key_Return)
    assert "1,1x" in w.statusBar().currentMessage()  # the message names what was typed
    for text in ("1,1", "@4,0", "3<90"):
        w.canvas.setFocus()
        QTest.keyClicks(w.canvas, text[0])
        QTest.keyClicks(w.coord_input, text[1:])
        QTest.keyClick(w.coord_input, Qt.Key.Key_Return)
    key(w, Qt.Key.Key_Escape)  # as in CAD: Escape ends the polyline and keeps it
    wall = w.editor.entity(w.editor.selection[0])
    assert len(w.editor.floor.walls) == n + 1
    assert [c for p in wall.points for c in p] == pytest.approx([1, 1, 5, 1, 5, 4])


def test_placement_tools_take_r_and_x_before_the_menu(win):
    w = win
    w.open_path(str(PLANS / "town_centre.hallplan"))
    w.set_tool("window")
    w.canvas.setFocus()
    key(w, Qt.Key.Key_R)
    key(w, Qt.Key.Key_X)
    assert w.editor.tool.rotation == pytest.approx(195)
    key(w, Qt.Key.Key_Escape)
    assert w.editor.tool.name == "select"


def test_properties_panel_edits_are_commands(win, qtbot):
    w = win
    w.open_path(str(PLANS / "town_centre.hallplan"))
    win1 = min(w.editor.floor.windows.values(), key=lambda x: x.x)
    w.editor.select([win1.id])
    w.properties_panel.rebuild()
    box = w.properties_panel.widgets["length"]
    box.setValue(1.9)
    box.editingFinished.emit()
    assert w.editor.entity(win1.id).length == pytest.approx(1.9)
    num = w.properties_panel.widgets["number"]
    num.setText("2")
    num.editingFinished.emit()
    assert w.editor.entity(win1.id).number == win1.number
    assert w.properties_panel.error.isVisibleTo(w.properties_panel)
    w.editor.undo()
    assert w.editor.entity(win1.id).length == win1.length


def test_properties_panel_refuses_absurd_sizes_and_positions(win, qtbot):
    """A 400 m door or a counter moved to x = 99,999 m (a typing slip) used to be accepted."""
    w = win
    w.open_path(str(PLANS / "town_centre.hallplan"))
    f = w.editor.floor
    door = next(iter(f.doors.values()))
    w.editor.select([door.id])
    w.properties_panel.rebuild()
    box = w.properties_panel.widgets["width"]
    assert box.maximum() <= 20.0
    box.setValue(400.0)
    box.editingFinished.emit()
    assert w.editor.entity(door.id).width <= 20.0
    win1 = next(iter(f.windows.values()))
    w.editor.select([win1.id])
    w.properties_panel.rebuild()
    xmax = max(p[0] for p in f.outline.exterior)
    assert w.properties_panel.widgets["x"].maximum() <= xmax + 100.0
    assert w.properties_panel.widgets["length"].maximum() <= 20.0


def test_properties_show_a_newly_pressed_item_during_its_drag(win, qtbot):
    """The edits of a drag restarted the panel's timer: the pressed item showed only after the drop."""
    w = win
    w.open_path(str(PLANS / "town_centre.hallplan"))
    win1 = next(iter(w.editor.floor.windows.values()))
    w.properties_panel.rebuild()
    w.editor.select([win1.id])
    for _ in range(12):  # a drag: an edit every 20 ms for a quarter of a second
        w.editor.move_selection(0.01, 0.0, merge=True)
        qtbot.wait(20)
    assert "number" in w.properties_panel.widgets


def test_a_long_window_number_is_not_cut_by_the_properties_field(win, qtbot):
    w = win
    w.open_path(str(PLANS / "town_centre.hallplan"))
    win1 = next(iter(w.editor.floor.windows.values()))
    assert w.editor.set_props([win1.id], number="综合窗口-A-0001-X")  # 15 characters (a file or a long prefix)
    w.editor.select([win1.id])
    w.properties_panel.rebuild()
    w.properties_panel.widgets["number"].editingFinished.emit()  # focus in and out
    assert w.editor.entity(win1.id).number == "综合窗口-A-0001-X"
    # nor is a position or angle rounded to the field's decimals by focusing in and out
    assert w.editor.set_props([win1.id], x=win1.x + 0.00012345, rotation=0.04321)
    w.properties_panel.rebuild()
    revision = w.history.revision
    for name in ("x", "rotation"):
        w.properties_panel.widgets[name].editingFinished.emit()
    assert w.history.revision == revision
    assert w.editor.entity(win1.id).rotation == pytest.approx(0.04321)
    assert w.editor.set_floor_props(height=5.43219)
    w.editor.select([])
    w.properties_panel.rebuild()
    revision = w.history.revision
    w.properties_panel.widgets["floor_height"].editingFinished.emit()
    assert w.history.revision == revision and w.editor.floor.height == pytest.approx(5.43219)


def test_properties_of_several_set_the_first_ones_value_on_all(win, qtbot):
    """Three counters 1.6, 1.8, 1.8 m: typing 1.6 (the first one's value) changed nothing."""
    w = win
    w.open_path(str(PLANS / "town_centre.hallplan"))
    wins = sorted(w.editor.floor.windows.values(), key=lambda x: x.x)[:3]
    w.editor.set_props([x.id for x in wins[1:]], length=1.8)
    w.editor.select([x.id for x in wins])
    w.properties_panel.rebuild()
    first = w.editor.entity(w.editor.selected_entities()[0].id).length
    box = w.properties_panel.widgets["length"]
    box.setValue(first)
    box.editingFinished.emit()
    assert all(w.editor.entity(x.id).length == pytest.approx(first) for x in wins)


def test_floors_panel_add_rename_reorder_switch_with_the_other_floor_faint(win, qtbot):
    w = win
    w.open_path(str(PLANS / "county_centre.hallplan"))
    fp = w.floors_panel
    n = len(w.plan.floors)
    ground = w.editor.floor_id
    fp.buttons["add"].click()
    assert len(w.plan.floors) == n + 1 and w.editor.floor_id != ground
    new_id = w.editor.floor_id
    qtbot.waitUntil(lambda: fp.list.count() == n + 1)
    assert not w.plan_scene.ghost.boundingRect().isEmpty()  # the storey below, drawn faintly
    assert w.plan_scene.ghost.zValue() > w.plan_scene.outline_fill.zValue()  # over this floor's fill
    it = fp.list.item(fp.list.currentRow())
    it.setText("三层办事大厅")
    assert w.plan.floor(new_id).name == "三层办事大厅"
    fp.buttons["up"].click()
    assert w.plan.floor_index(new_id) == n - 1
    w.editor.undo()
    assert w.plan.floor_index(new_id) == n
    fp.list.setCurrentRow(0)
    assert w.editor.floor_id == w.plan.floors[0].id
    fp.ghost.setChecked(False)
    assert w.plan_scene.ghost.boundingRect().isEmpty()


def test_language_switch_is_remembered(win, qtbot):
    w = win
    assert w.menuBar().actions()[0].text().startswith("文件")
    w.set_language("en")
    assert w.menuBar().actions()[0].text() == "&File"
    assert w.tool_actions["zone_rect"].text() == "Zone (rectangle)"
    w2 = MainWindow()
    qtbot.addWidget(w2)
    from hallplan.i18n import language

    assert w2.settings.language == "en" and language() == "en"
    assert w2.menuBar().actions()[0].text() == "&File"


def test_unsaved_prompt_recent_files_and_save(win, tmp_path, monkeypatch):
    w = win
    src = tmp_path / "t.hallplan"
    src.write_text((PLANS / "village_station.hallplan").read_text(encoding="utf-8"), encoding="utf-8")
    assert w.open_path(str(src))
    assert str(src.resolve()) == w.settings.recent[0]
    asked = []
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: asked.append(1) or "cancel")
    assert w.maybe_save()  # clean: no question
    fid = next(iter(w.editor.floor.furniture))
    x0 = w.plan.find(fid)[1].x
    w.editor.push(edits.move(w.plan, [fid], 1, 0))
    assert w.is_dirty and "*" in (w.refresh_title() or w.windowTitle())
    assert not w.maybe_save() and asked
    assert w.save() and not w.is_dirty
    assert load(src).find(fid)[1].x == pytest.approx(x0 + 1)  # the move is in the saved file


def test_broken_or_vanished_files_do_not_replace_the_plan_and_leave_the_recent_list(win, tmp_path, monkeypatch):
    from PyQt6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    w = win
    src = tmp_path / "gone.hallplan"
    src.write_text((PLANS / "village_station.hallplan").read_text(encoding="utf-8"), encoding="utf-8")
    assert w.open_path(str(src))
    name = w.plan.name
    for bad, text in (("broken", "{not json"), ("empty", ""), ("other", '{"floors": 5}')):
        p = tmp_path / f"{bad}.hallplan"
        p.write_text(text, encoding="utf-8")
        assert not w.open_path(str(p))
        assert w.plan.name == name and w.path == src
    assert len(warned) == 3
    src.unlink()
    assert str(src.resolve()) in w.settings.recent
    assert not w.open_path(str(src))  # a recent file deleted since: off the list
    assert str(src.resolve()) not in w.settings.recent


def test_export_import_registry(win, tmp_path):
    from hallplan.gui import io_menu

    got = []
    io_menu.register_export("test", "menu.io.export_dxf", "menu.io.filter_dxf", ".txt",
                            lambda plan, path: got.append((plan.name, path)))
    try:
        w = win
        w.open_path(str(PLANS / "village_station.hallplan"))
        w._fill_io_menus()
        texts = [a.text() for a in w.export_menu.actions()]
        assert texts and all(t for t in texts)
        assert w.run_export(io_menu.EXPORTERS["test"], str(tmp_path / "x.txt"))
        assert got == [(w.plan.name, str(tmp_path / "x.txt"))]
    finally:
        io_menu.EXPORTERS.pop("test", None)


def test_window_row_dialog_round_trip(qtbot):
    from hallplan.gui.dialogs.window_row import WindowRowDialog

    d = WindowRowDialog(WindowRowParams(start=(0, 0), end=(9.6, 0), count=6))
    qtbot.addWidget(d)
    assert d.spacing.value() == pytest.approx(1.6)
    d.count.setValue(8)
    assert d.spacing.value() == pytest.approx(1.2)
    d.spacing.setValue(2.0)
    p = d.params()
    assert p.count == 8 and p.end[0] == pytest.approx(16.0)
    d.side_right.setChecked(True)
    assert d.params().public_side == -1


def test_plan_settings_dialog_validates_and_makes_one_command(qtbot):
    from PyQt6.QtWidgets import QTableWidgetItem

    from hallplan.gui.dialogs.plan_settings import PlanSettingsDialog
    from hallplan.io.planfile import load

    plan = load(PLANS / "county_centre.hallplan")
    d = PlanSettingsDialog(plan)
    qtbot.addWidget(d)
    assert d.profile.currentData() == plan.profile and "(" in d.profile.currentText()  # shown by title
    d.hours.setRowCount(0)
    d._add_hours_row("周六", "9:00", "8:30")
    d.accept()
    assert d.result() == 0 and "结束时间" in d.error.text() and d.tabs.currentIndex() == 2
    d.hours.setItem(0, 2, QTableWidgetItem("25:00"))
    d.accept()
    assert d.result() == 0 and "25:00" in d.error.text()
    d.hours.setItem(0, 2, QTableWidgetItem("24:30"))  # was accepted
    d.accept()
    assert d.result() == 0 and "24:30" in d.error.text()
    d.hours.setItem(0, 2, QTableWidgetItem("12:00"))
    d.max_wait.setValue(15)
    d.accept()
    assert d.result() == 1
    cmd = d.command()
    assert cmd is not None and cmd.label
    h = History(plan)
    h.push(cmd)
    assert h.plan.demand.max_wait_min == 15 and h.plan.service_hours[0].end == "12:00"
    h.undo()
    assert h.plan == plan


def test_plan_settings_ok_does_not_round_untouched_demand_values(qtbot):
    from dataclasses import replace

    from hallplan.gui.dialogs.plan_settings import PlanSettingsDialog
    from hallplan.io.planfile import load

    plan = load(PLANS / "county_centre.hallplan")
    g = plan.demand.groups[0]
    plan.demand = replace(plan.demand, max_wait_min=22.5, groups=(replace(g, mean_handling_min=12.345),) + plan.demand.groups[1:])
    d = PlanSettingsDialog(plan)
    qtbot.addWidget(d)
    assert d.command() is None  # nothing changed
    d.name.setText(plan.name + " 新")
    cmd = d.command()
    h = History(plan)
    h.push(cmd)
    assert h.plan.demand.groups[0].mean_handling_min == 12.345 and h.plan.demand.max_wait_min == 22.5


def test_shortcuts_help_lists_every_tool_and_action(qtbot):
    from hallplan.gui.actions import ACTION_SPECS, TOOL_SPECS
    from hallplan.gui.dialogs.shortcuts import ShortcutsDialog, shortcut_rows

    rows = shortcut_rows()
    with_keys = [s for s in TOOL_SPECS + ACTION_SPECS if s.shortcuts]
    assert len([r for r in rows if r[0] != "tool_keys"]) == len(with_keys)
    assert all(s.shortcuts for s in TOOL_SPECS)
    seqs = [k for s in with_keys for k in s.shortcuts]
    assert len(seqs) == len(set(seqs)), "a shortcut is bound twice"
    d = ShortcutsDialog()
    qtbot.addWidget(d)
    assert d.table.rowCount() > len(rows)


def test_every_ui_string_is_in_the_catalogue_in_both_languages():
    from hallplan.gui.actions import ACTION_SPECS, TOOL_SPECS
    from hallplan.i18n import catalog

    cat = catalog()
    keys = set()
    for path in GUI.rglob("*.py"):
        if path.name == "sizing_dialog.py":
            continue
        keys |= set(re.findall(r'\btr\(\s*"([a-z_][a-z0-9_.]*)"', path.read_text(encoding="utf-8")))
        keys |= set(re.findall(r'"((?:msg|edit|menu\.io|cmd)\.[a-z0-9_.]+)"', path.read_text(encoding="utf-8")))
    keys |= {f"tool.{s.name}" for s in TOOL_SPECS} | {f"hint.{s.name}" for s in TOOL_SPECS}
    keys |= {f"act.{s.name}" for s in ACTION_SPECS}
    missing = sorted(k for k in keys if k not in cat)
    assert not missing
    ui = json.loads((GUI.parents[0] / "i18n" / "catalog" / "ui.json").read_text(encoding="utf-8"))
    assert all(v["zh"] != v["en"] or not re.search(r"[\u4e00-\u9fff]", v["zh"]) for v in ui.values())


def _strip_fields(text: str) -> str:
    prev = None
    while prev != text:
        prev, text = text, re.sub(r"\{[^{}]*\}", "", text)
    return re.sub(r"\\.", " ", text)


def test_no_string_literals_in_widget_text_calls():
    """Widgets get their text from the catalogue: no quoted words passed to setText & co (units and
    symbols such as m, X, Y, Δx are not words)."""
    bad = []
    pat = re.compile(r'\.(setText|setTitle|setWindowTitle|setToolTip|setPlaceholderText|addTab|addItem|addRow|showMessage)\(\s*f?"((?:[^"\\]|\\.)*)"')
    for path in GUI.rglob("*.py"):
        if path.name == "sizing_dialog.py":
            continue
        for m in pat.finditer(path.read_text(encoding="utf-8")):
            words = re.findall(r"[A-Za-z\u4e00-\u9fff]+", _strip_fields(m.group(2)))
            if [w for w in words if w not in {"m", "X", "Y", "x", "y"}]:
                bad.append(f"{path.name}: {m.group(0)}")
    assert not bad, bad
