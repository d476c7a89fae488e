"""Main window: assembles canvas, panels, menus and status bar around one :class:`Editor`.

The window itself holds no editing logic: tools and edit actions live in the Qt-free editor,
drawing in the scene, panels in ``panels/``. This module wires them to menus and shortcuts, and
owns file handling, autosave and language switching.
"""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QByteArray, QSize, Qt, QTimer
from PyQt6.QtGui import QAction, QActionGroup, QKeySequence
from PyQt6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
)

from hallplan.i18n import language, set_language, tr
from hallplan.io.planfile import PlanFileError, load, save
from hallplan.model import Action, HallLevel, History, Plan

from . import io_menu
from .actions import ACTION_SPECS, NUDGE, TOOL_SPECS, Spec
from .autosave import Autosaver
from .canvas import Canvas
from .icons import app_icon, tool_icon
from .live.controller import install as install_live
from .panels.floors import FloorsPanel
from .panels.layers import LayersPanel
from .panels.legend import LegendPanel
from .panels.properties import PropertiesPanel
from .panels.tool_options import ToolOptionsPanel
from .scene import PlanScene
from .settings import Settings
from .tools import Dialogs, Editor, WindowRowParams

# Single-key shortcuts only act while the canvas has focus (so typing in a panel is never eaten).
CANVAS_ONLY = {"delete", "rotate_ccw", "rotate_cw", "flip", "fit"} | {f"nudge_{d}{s}" for d in ("left", "right", "up", "down") for s in NUDGE}


class QtDialogs(Dialogs):
    """The editor's questions answered with real dialogs."""

    def __init__(self, win: MainWindow) -> None:
        self.win = win

    def window_row(self, params: WindowRowParams) -> WindowRowParams | None:
        from .dialogs.window_row import WindowRowDialog

        dlg = WindowRowDialog(params, self.win)
        return dlg.params() if dlg.exec() else None

    def renumber(self, first: int, prefix: str) -> tuple[int, str] | None:
        from .dialogs.simple import RenumberDialog

        dlg = RenumberDialog(first, prefix, self.win)
        return dlg.value() if dlg.exec() else None


def interactive() -> bool:
    """False on Qt's offscreen/minimal platforms, where a modal dialog could never be answered."""
    from PyQt6.QtGui import QGuiApplication

    return QGuiApplication.platformName() not in ("offscreen", "minimal")


def new_plan() -> Plan:
    return Plan(tr("plan.untitled"), HallLevel.TOWN)


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, autosaver: Autosaver | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings.load()
        self.history = History(new_plan())
        self.editor = Editor(self.history, QtDialogs(self))
        self.plan_scene = PlanScene(self.editor, self)
        self.canvas = Canvas(self.plan_scene)
        self.setCentralWidget(self._canvas_with_strip())
        self.setWindowIcon(app_icon())
        self.path: Path | None = None
        self.force_dirty = False
        self.autosaver = autosaver or Autosaver()
        self._texts: list[tuple[object, str, str]] = []  # (object, setter, catalogue key)
        self.actions_by_name: dict[str, QAction] = {}
        self._apply_view_settings()
        self._build_actions()
        self._build_docks()
        self._build_menus()
        self._build_toolbars()
        self._build_status()
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(max(100, self.settings.autosave_ms))
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._title_timer = QTimer(self)
        self._title_timer.setSingleShot(True)
        self._title_timer.setInterval(30)
        self._title_timer.timeout.connect(self.refresh_title)
        self._offs = [
            self.history.subscribe(self._on_change),
            self.editor.message.connect(self._message),
            self.editor.tool_changed.connect(self._tool_changed),
            self.editor.selection_changed.connect(self._selection_changed),
            self.editor.floor_changed.connect(lambda _f: self._title_timer.start()),
        ]
        self.canvas.cursor_moved.connect(self._cursor_moved)
        self.canvas.typed_start.connect(self._start_typing)
        self.canvas.zoom_changed.connect(self._zoom_changed)
        self.resize(1480, 920)
        if self.settings.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.geometry.encode()))
        self.retranslate()
        self._selection_changed()
        self.live = install_live(self)  # findings panel, canvas highlights, overlays (gui/live)
        self.canvas.setFocus()

    def _canvas_with_strip(self):
        """The canvas with a thin strip under it holding the scale bar (outside the viewport, so
        panning stays a cheap scroll)."""
        from PyQt6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.canvas, 1)
        strip = QFrame()
        strip.setObjectName("canvas_strip")
        strip.setStyleSheet("#canvas_strip { background: #f7f8fa; border-top: 1px solid #d5d9e0; }")
        row = QHBoxLayout(strip)
        row.setContentsMargins(0, 0, 8, 0)
        row.addWidget(self.canvas.scalebar)
        row.addStretch(1)
        lay.addWidget(strip)
        return box

    # ------------------------------------------------------------------ properties
    @property
    def plan(self) -> Plan:
        return self.history.plan

    @property
    def legend(self) -> LegendPanel:
        return self.legend_panel

    @property
    def undo_act(self) -> QAction:
        return self.actions_by_name["undo"]

    @property
    def redo_act(self) -> QAction:
        return self.actions_by_name["redo"]

    @property
    def is_dirty(self) -> bool:
        return self.history.is_dirty or self.force_dirty

    # ------------------------------------------------------------------ building
    def _bind(self, obj, setter: str, key: str) -> None:
        self._texts.append((obj, setter, key))

    def _apply_view_settings(self) -> None:
        s = self.settings
        sn = self.editor.snapper.settings
        sn.grid_on = s.grid_snap
        sn.objects_on = s.object_snap
        sn.ortho_lock = s.ortho
        sn.grid = s.snap_step
        self.canvas.show_grid = s.grid_visible
        self.plan_scene.show_labels = s.show_labels
        self.plan_scene.show_ghost = s.show_ghost

    def _make(self, spec: Spec, key: str, fn) -> QAction:
        a = QAction(self)
        if spec.shortcuts:
            a.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
        if spec.name in CANVAS_ONLY or (key.startswith("tool.") and spec.shortcuts and "Ctrl" not in spec.shortcuts[0]):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.canvas.addAction(a)
        else:
            self.addAction(a)
        if spec.icon:
            a.setIcon(tool_icon(spec.icon))
        a.setCheckable(spec.checkable)
        a.triggered.connect(fn)
        self._bind(a, "setText", key)
        return a

    def _build_actions(self) -> None:
        ed = self.editor
        self.tool_group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        for spec in TOOL_SPECS:
            a = self._make(spec, f"tool.{spec.name}", lambda _=False, n=spec.name: self.set_tool(n))
            self.tool_group.addAction(a)
            self.tool_actions[spec.name] = a
        self.tool_actions["select"].setChecked(True)
        handlers = {
            "new": self.new, "open": self.open_dialog, "save": self.save, "save_as": self.save_as,
            "plan_settings": self.plan_settings, "quit": self.close,
            "undo": ed.undo, "redo": ed.redo, "cut": ed.cut, "copy": ed.copy, "paste": ed.paste,
            "duplicate": ed.duplicate, "delete": ed.delete_selection, "select_all": ed.select_all,
            "rotate_ccw": lambda: ed.rotate_selection(15.0), "rotate_cw": lambda: ed.rotate_selection(-15.0),
            "rotate_exact": self.rotate_exact, "move_exact": self.move_exact, "flip": ed.flip_selection,
            "renumber": lambda: ed.renumber(),
            "fit": self.canvas.fit, "zoom_in": lambda: self.canvas.zoom_by(1.25),
            "zoom_out": lambda: self.canvas.zoom_by(0.8),
            "grid": self._toggle_grid, "object_snap": self._toggle_osnap, "ortho": self._toggle_ortho,
            "grid_snap": self._toggle_gsnap, "floor_up": lambda: self._step_floor(1),
            "floor_down": lambda: self._step_floor(-1), "coordinates": lambda: self._start_typing(""),
            "lang_zh": lambda: self.set_language("zh"), "lang_en": lambda: self.set_language("en"),
            "sizing": self.open_sizing, "shortcuts": self.show_shortcuts, "about": self.about,
        }
        for edge in ("left", "right", "top", "bottom", "hcenter", "vcenter"):
            handlers[f"align_{edge}"] = lambda _=False, e=edge: ed.align(e)
        handlers["distribute_x"] = lambda: ed.distribute("x")
        handlers["distribute_y"] = lambda: ed.distribute("y")
        for d, (dx, dy) in {"left": (-1, 0), "right": (1, 0), "up": (0, 1), "down": (0, -1)}.items():
            for suffix, step in NUDGE.items():
                handlers[f"nudge_{d}{suffix}"] = lambda _=False, x=dx * step, y=dy * step: ed.nudge(x, y)
        for spec in ACTION_SPECS:
            fn = handlers[spec.name]
            self.actions_by_name[spec.name] = self._make(spec, f"act.{spec.name}", lambda _=False, fn=fn: fn())
        A = self.actions_by_name
        A["grid"].setChecked(self.canvas.show_grid)
        A["object_snap"].setChecked(self.editor.snapper.settings.objects_on)
        A["grid_snap"].setChecked(self.editor.snapper.settings.grid_on)
        A["ortho"].setChecked(self.editor.snapper.settings.ortho_lock)
        lang = QActionGroup(self)
        for k in ("lang_zh", "lang_en"):
            lang.addAction(A[k])
        A["lang_zh" if language() == "zh" else "lang_en"].setChecked(True)

    def _dock(self, key: str, widget, area) -> QDockWidget:
        d = QDockWidget(self)
        d.setObjectName(key)
        d.setWidget(widget)
        d.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
                      | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, d)
        self._bind(d, "setWindowTitle", key)
        return d

    def _build_docks(self) -> None:
        R, L = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea
        self.options_panel = ToolOptionsPanel(self.editor)
        self.properties_panel = PropertiesPanel(self.editor)
        self.legend_panel = LegendPanel(self.editor)
        self.floors_panel = FloorsPanel(self.editor, self.plan_scene)
        self.layers_panel = LayersPanel(self.plan_scene, self.canvas)
        self.docks = {
            "options": self._dock("panel.tool_options", self.options_panel, L),
            "properties": self._dock("panel.properties", self.properties_panel, R),
            "legend": self._dock("panel.legend", self.legend_panel, R),
            "floors": self._dock("panel.floors", self.floors_panel, R),
            "layers": self._dock("panel.layers", self.layers_panel, R),
        }
        self.tabifyDockWidget(self.docks["floors"], self.docks["layers"])
        self.docks["floors"].raise_()
        self.resizeDocks([self.docks["options"]], [230], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["properties"]], [290], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["properties"], self.docks["legend"], self.docks["floors"]], [380, 260, 170],
                         Qt.Orientation.Vertical)
        self.panels = [self.options_panel, self.properties_panel, self.legend_panel, self.floors_panel, self.layers_panel]
        # side panels run the full height; a bottom panel (findings) sits under the canvas only
        self.setCorner(Qt.Corner.BottomLeftCorner, L)
        self.setCorner(Qt.Corner.BottomRightCorner, R)
        self._docks_sized = False

    def showEvent(self, ev) -> None:
        super().showEvent(ev)
        if not self._docks_sized:
            # first start: sizes only apply once the window has its size
            self._docks_sized = True
            h = max(self.height() - 120, 400)
            self.resizeDocks([self.docks["options"]], [220], Qt.Orientation.Horizontal)
            self.resizeDocks([self.docks["properties"]], [300], Qt.Orientation.Horizontal)
            self.resizeDocks([self.docks["properties"], self.docks["legend"], self.docks["floors"]],
                             [int(h * 0.45), int(h * 0.35), int(h * 0.20)], Qt.Orientation.Vertical)

    def _menu(self, parent, key: str) -> QMenu:
        m = parent.addMenu("")
        self._bind(m, "setTitle", key)
        return m

    def _build_menus(self) -> None:
        A = self.actions_by_name
        mb = self.menuBar()
        f = self._menu(mb, "menu.file")
        for n in ("new", "open"):
            f.addAction(A[n])
        self.recent_menu = self._menu(f, "menu.recent")
        f.addSeparator()
        for n in ("save", "save_as"):
            f.addAction(A[n])
        f.addSeparator()
        self.import_menu = self._menu(f, "menu.import")
        self.export_menu = self._menu(f, "menu.export")
        self.import_menu.aboutToShow.connect(self._fill_io_menus)
        self.export_menu.aboutToShow.connect(self._fill_io_menus)
        f.addSeparator()
        f.addAction(A["plan_settings"])
        f.addSeparator()
        f.addAction(A["quit"])
        e = self._menu(mb, "menu.edit")
        for n in ("undo", "redo", None, "cut", "copy", "paste", "duplicate", "delete", None, "select_all"):
            e.addAction(A[n]) if n else e.addSeparator()
        d = self._menu(mb, "menu.draw")
        for spec in TOOL_SPECS:
            d.addAction(self.tool_actions[spec.name])
            if spec.name in ("select", "outline_poly", "wall_rect", "column", "zone_poly", "door"):
                d.addSeparator()
        a = self._menu(mb, "menu.arrange")
        for n in ("rotate_ccw", "rotate_cw", "rotate_exact", "move_exact", "flip"):
            a.addAction(A[n])
        a.addSeparator()
        al = self._menu(a, "menu.align")
        for n in ("align_left", "align_hcenter", "align_right", None, "align_top", "align_vcenter", "align_bottom"):
            al.addAction(A[n]) if n else al.addSeparator()
        di = self._menu(a, "menu.distribute")
        di.addAction(A["distribute_x"])
        di.addAction(A["distribute_y"])
        a.addAction(A["renumber"])
        a.addSeparator()
        nu = self._menu(a, "menu.nudge")
        for d_ in ("left", "right", "up", "down"):
            for s in NUDGE:
                nu.addAction(A[f"nudge_{d_}{s}"])
        v = self._menu(mb, "menu.view")
        for n in ("fit", "zoom_in", "zoom_out", None, "grid", "grid_snap", "object_snap", "ortho", None,
                  "floor_up", "floor_down", "coordinates"):
            v.addAction(A[n]) if n else v.addSeparator()
        v.addSeparator()
        pm = self._menu(v, "menu.panels")
        for dock in self.docks.values():
            pm.addAction(dock.toggleViewAction())
        lm = self._menu(v, "menu.language")
        lm.addAction(A["lang_zh"])
        lm.addAction(A["lang_en"])
        t = self._menu(mb, "menu.tools")
        t.addAction(A["sizing"])
        h = self._menu(mb, "menu.help")
        h.addAction(A["shortcuts"])
        h.addAction(A["about"])
        self._fill_recent()

    def _build_toolbars(self) -> None:
        A = self.actions_by_name
        top = QToolBar(self)
        top.setObjectName("toolbar.main")
        top.setIconSize(QSize(20, 20))
        top.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        top.setMovable(False)
        for n in ("new", "open", "save", None, "undo", "redo", None, "fit", "zoom_in", "zoom_out", None,
                  "grid", "grid_snap", "object_snap", "ortho", None, "plan_settings"):
            top.addAction(A[n]) if n else top.addSeparator()
        for n in ("undo", "redo", "zoom_in", "zoom_out"):  # long or obvious texts: icon and tooltip
            btn = top.widgetForAction(A[n])
            if btn is not None:
                btn.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, top)
        self._bind(top, "setWindowTitle", "toolbar.main")
        tools = QToolBar(self)
        tools.setObjectName("toolbar.tools")
        tools.setIconSize(QSize(26, 26))
        tools.setMovable(False)
        tools.setOrientation(Qt.Orientation.Vertical)
        for spec in TOOL_SPECS:
            tools.addAction(self.tool_actions[spec.name])
            if spec.name in ("select", "outline_poly", "wall_rect", "column", "zone_poly", "door"):
                tools.addSeparator()
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, tools)
        self._bind(tools, "setWindowTitle", "toolbar.tools")
        self.toolbars = [top, tools]

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.coord_input = QLineEdit()
        self.coord_input.setMaximumWidth(220)
        self.coord_input.hide()
        self.coord_input.returnPressed.connect(self._typed_done)
        self.coord_input.installEventFilter(self)
        self.snap_label = QLabel()
        self.snap_label.setMinimumWidth(80)
        self.coord_label = QLabel()
        self.coord_label.setMinimumWidth(170)
        self.scale_label = QLabel()
        self.scale_label.setMinimumWidth(70)
        self.floor_label = QLabel()
        sb.addPermanentWidget(self.coord_input)
        sb.addPermanentWidget(self.floor_label)
        sb.addPermanentWidget(self.snap_label)
        sb.addPermanentWidget(self.coord_label)
        sb.addPermanentWidget(self.scale_label)

    # ------------------------------------------------------------------ language
    def set_language(self, lang: str) -> None:
        from .app import install_qt_translations

        set_language(lang)
        install_qt_translations(lang)
        self.settings.language = lang
        self.settings.save()
        self.retranslate()

    def retranslate(self) -> None:
        for obj, setter, key in self._texts:
            getattr(obj, setter)(tr(key))
        for a in self.actions_by_name.values():
            a.setToolTip(self._tip(a))
        for n, a in self.tool_actions.items():
            a.setToolTip(f"{tr(f'tool.{n}')}  ({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})\n{tr(f'hint.{n}')}")
        for p in self.panels:
            p.retranslate()
        self.coord_input.setPlaceholderText(tr("coord.placeholder"))
        self.plan_scene.rebuild()
        self._fill_recent()
        self.refresh_title()
        self.statusBar().showMessage(tr(self.editor.tool.hint_key))

    @staticmethod
    def _tip(a: QAction) -> str:
        sc = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        return f"{a.text()}  ({sc})" if sc else a.text()

    # ------------------------------------------------------------------ reactions
    def _on_change(self, ev) -> None:
        self.undo_act.setEnabled(self.history.can_undo)
        self.redo_act.setEnabled(self.history.can_redo)
        self._title_timer.start()
        if ev.action != Action.RESET:
            self._autosave_timer.start()

    def refresh_title(self) -> None:
        name = self.plan.name or tr("plan.untitled")
        where = f" — {self.path.name}" if self.path else ""
        star = " *" if self.is_dirty else ""
        self.setWindowTitle(f"{name}{where}{star} — {tr('app.title')}")
        h = self.history
        self.undo_act.setText(tr("act.undo_label", label=tr(h.undo_label)) if h.undo_label else tr("act.undo"))
        self.redo_act.setText(tr("act.redo_label", label=tr(h.redo_label)) if h.redo_label else tr("act.redo"))
        self.undo_act.setEnabled(h.can_undo)
        self.redo_act.setEnabled(h.can_redo)
        self.undo_act.setToolTip(self._tip(self.undo_act))
        self.redo_act.setToolTip(self._tip(self.redo_act))
        f = self.editor.floor
        self.floor_label.setText(tr("status.floor", name=f.name or f.id) if f is not None else tr("status.no_floor"))

    def _message(self, key: str, fmt: dict) -> None:
        self.statusBar().showMessage(tr(key, **fmt), 6000)

    def _tool_changed(self, name: str) -> None:
        a = self.tool_actions.get(name)
        if a is not None and not a.isChecked():
            a.setChecked(True)
        self.statusBar().showMessage(tr(f"hint.{name}"))

    def _selection_changed(self) -> None:
        has = bool(self.editor.selection)
        many = len(self.editor.selected_entities()) >= 2
        for n in ("cut", "copy", "duplicate", "delete", "rotate_ccw", "rotate_cw", "rotate_exact", "move_exact", "flip"):
            self.actions_by_name[n].setEnabled(has)
        for n in ("align_left", "align_right", "align_top", "align_bottom", "align_hcenter", "align_vcenter"):
            self.actions_by_name[n].setEnabled(many)

    def _cursor_moved(self, x: float, y: float, snap: str) -> None:
        self.coord_label.setText(f"X {x:9.3f}   Y {y:9.3f} m")
        self.snap_label.setText(tr(f"snap.{snap}") if snap and snap != "none" else "")

    def _zoom_changed(self, px_per_m: float) -> None:
        dpi = self.logicalDpiX() or 96
        denom = 1000.0 * dpi / 25.4 / max(px_per_m, 1e-9)
        nice = min((10, 20, 25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 2500, 5000, 10000),
                   key=lambda n: abs(n - denom))
        self.scale_label.setText(f"≈ 1:{nice}")

    def set_tool(self, name: str) -> None:
        self.editor.set_tool(name)
        self.canvas.setFocus()

    # typed coordinates
    def _start_typing(self, first: str) -> None:
        self.coord_input.show()
        self.coord_input.setText(first)
        self.coord_input.setFocus()
        self.coord_input.end(False)

    def _typed_done(self) -> None:
        text = self.coord_input.text().strip()
        self.coord_input.clear()
        self.coord_input.hide()
        self.canvas.setFocus()
        if text:
            self.editor.typed(text)

    def eventFilter(self, obj, ev) -> bool:
        from PyQt6.QtCore import QEvent

        # Qt may deliver events while the window is being built or torn down: attributes may be missing
        if getattr(self, "canvas", None) is None or getattr(self, "coord_input", None) is None:
            return False
        if obj is self.coord_input and ev.type() == QEvent.Type.KeyPress and ev.key() == Qt.Key.Key_Escape:
            self.coord_input.clear()
            self.coord_input.hide()
            self.canvas.setFocus()
            return True
        return super().eventFilter(obj, ev)

    # view toggles
    def _toggle_grid(self) -> None:
        self.canvas.show_grid = self.actions_by_name["grid"].isChecked()
        self.settings.grid_visible = self.canvas.show_grid
        self.layers_panel.boxes["grid"].setChecked(self.canvas.show_grid)
        self.canvas.viewport().update()

    def _toggle_osnap(self) -> None:
        self.editor.snapper.settings.objects_on = self.settings.object_snap = self.actions_by_name["object_snap"].isChecked()

    def _toggle_gsnap(self) -> None:
        self.editor.snapper.settings.grid_on = self.settings.grid_snap = self.actions_by_name["grid_snap"].isChecked()

    def _toggle_ortho(self) -> None:
        self.editor.snapper.settings.ortho_lock = self.settings.ortho = self.actions_by_name["ortho"].isChecked()

    def _step_floor(self, delta: int) -> None:
        floors = sorted(self.plan.floors, key=lambda f: f.storey)
        ids = [f.id for f in floors]
        if self.editor.floor_id in ids:
            i = ids.index(self.editor.floor_id) + delta
            if 0 <= i < len(ids):
                self.editor.set_floor(ids[i])

    # ------------------------------------------------------------------ edit dialogs
    def rotate_exact(self) -> None:
        from .dialogs.simple import AngleDialog

        if not self.editor.selection:
            return
        dlg = AngleDialog(self)
        if dlg.exec():
            self.editor.rotate_selection(dlg.value())

    def move_exact(self) -> None:
        from .dialogs.simple import OffsetDialog

        if not self.editor.selection:
            return
        dlg = OffsetDialog(self)
        if dlg.exec():
            self.editor.move_selection(*dlg.value())

    def plan_settings(self) -> None:
        from .dialogs.plan_settings import PlanSettingsDialog

        dlg = PlanSettingsDialog(self.plan, self)
        if dlg.exec():
            cmd = dlg.command()
            if cmd is not None:
                self.editor.push(cmd)

    def open_sizing(self) -> None:
        try:
            from .sizing_dialog import open_sizing_dialog
        except Exception as exc:  # noqa: BLE001 - optional module
            self._message("msg.unavailable", {"what": str(exc)})
            return
        self._sizing = open_sizing_dialog(self)

    def show_shortcuts(self) -> None:
        from .dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def about(self) -> None:
        QMessageBox.about(self, tr("act.about"), tr("about.text"))

    # ------------------------------------------------------------------ files
    def ask_unsaved(self) -> str:
        """'save', 'discard' or 'cancel' (tests replace this). Without a screen nobody could answer,
        so an offscreen editor discards (its autosave is cleared only after this)."""
        if not interactive():
            return "discard"
        B = QMessageBox.StandardButton
        r = QMessageBox.question(self, tr("dlg.unsaved.title"), tr("dlg.unsaved.text", name=self.plan.name),
                                 B.Save | B.Discard | B.Cancel, B.Save)
        return {B.Save: "save", B.Discard: "discard"}.get(r, "cancel")

    def maybe_save(self) -> bool:
        if not self.is_dirty:
            return True
        ans = self.ask_unsaved()
        if ans == "save":
            return self.save()
        return ans == "discard"

    def set_plan(self, plan: Plan, path: Path | None, dirty: bool = False) -> None:
        self.path = path
        self.history.reset(plan)
        self.force_dirty = dirty
        self.canvas.fit()
        self.refresh_title()
        if dirty:
            self._autosave_timer.start()
        else:
            self.autosaver.clear()

    def new(self) -> None:
        if self.maybe_save():
            self.set_plan(new_plan(), None)
            self.set_tool("outline_rect")

    def open_path(self, path: str | Path) -> bool:
        try:
            plan = load(path)
        except (PlanFileError, OSError) as exc:
            text = exc.localized() if isinstance(exc, PlanFileError) else f"{path}: {exc.strerror or exc}"
            QMessageBox.warning(self, tr("dlg.open_error"), text)
            if not Path(path).exists():  # gone (moved, deleted): off the recent list
                gone = str(Path(path).resolve())
                if gone in self.settings.recent:
                    self.settings.recent = [r for r in self.settings.recent if r != gone]
                    self.settings.save()
                    self._fill_recent()
            return False
        self.set_plan(plan, Path(path))
        self.settings.add_recent(path)
        self.settings.save()
        self._fill_recent()
        return True

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.path.parent) if self.path else ""
        fn, _ = QFileDialog.getOpenFileName(self, tr("act.open"), start, tr("dlg.filter"))
        if fn:
            self.open_path(fn)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        try:
            save(self.plan, self.path)
        except OSError as exc:
            QMessageBox.warning(self, tr("dlg.save_error"), f"{self.path}: {exc.strerror or exc}")
            return False
        self.history.mark_clean()
        self.force_dirty = False
        self.autosaver.clear()
        self.settings.add_recent(self.path)
        self.settings.save()
        self._fill_recent()
        self.refresh_title()
        self._message("msg.saved", {"path": str(self.path)})
        return True

    def save_as(self) -> bool:
        start = str(self.path) if self.path else (self.plan.name or "hall") + ".hallplan"
        fn, _ = QFileDialog.getSaveFileName(self, tr("act.save_as"), start, tr("dlg.filter"))
        if not fn:
            return False
        self.path = Path(fn if fn.endswith(".hallplan") else fn + ".hallplan")
        return self.save()

    def _fill_recent(self) -> None:
        m = self.recent_menu
        m.clear()
        for p in self.settings.recent:
            a = m.addAction(Path(p).name)
            a.setToolTip(p)
            a.triggered.connect(lambda _=False, p=p: self.maybe_save() and self.open_path(p))
        if not self.settings.recent:
            a = m.addAction(tr("menu.recent.empty"))
            a.setEnabled(False)

    def _fill_io_menus(self) -> None:
        io_menu.discover()
        for menu, reg, run in ((self.export_menu, io_menu.EXPORTERS, self.run_export),
                               (self.import_menu, io_menu.IMPORTERS, self.run_import)):
            menu.clear()
            for entry in reg.values():
                a = menu.addAction(tr(entry.label_key))
                a.triggered.connect(lambda _=False, e=entry, run=run: run(e))
            if not reg:
                a = menu.addAction(tr("menu.io.none"))
                a.setEnabled(False)

    def run_export(self, entry: io_menu.IOEntry, path: str | None = None) -> bool:
        if path is None:
            base = (self.path.with_suffix(entry.suffix) if self.path else Path((self.plan.name or "hall") + entry.suffix))
            if entry.folder:
                path = QFileDialog.getExistingDirectory(self, tr(entry.label_key), str(base.parent))
            else:
                path, _ = QFileDialog.getSaveFileName(self, tr(entry.label_key), str(base), tr(entry.filter_key))
            if not path:
                return False
        try:
            entry.fn(self.plan, path)
        except Exception as exc:  # noqa: BLE001 - show any exporter failure to the user
            QMessageBox.warning(self, tr("dlg.export_error"), f"{path}: {exc}")
            return False
        self._message("msg.exported", {"path": str(path)})
        return True

    def run_import(self, entry: io_menu.IOEntry, path: str | None = None) -> bool:
        """Run an importer. It returns a new plan (asked to replace the open one, after the usual
        unsaved-changes question), or None when it was cancelled or added to the open plan itself
        (as an undoable command)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr(entry.label_key), "", tr(entry.filter_key))
            if not path:
                return False
        try:
            result = entry.fn(path)
        except Exception as exc:  # noqa: BLE001 - show any importer failure to the user
            QMessageBox.warning(self, tr("dlg.import_error"), f"{path}: {exc}")
            return False
        if result is None:  # cancelled, or added to the open plan through the history
            return False
        plan = result if isinstance(result, Plan) else getattr(result, "plan", None)
        if not isinstance(plan, Plan):
            QMessageBox.warning(self, tr("dlg.import_error"), f"{path}: {tr('msg.import_no_plan')}")
            return False
        if not self.maybe_save():
            return False
        self.set_plan(plan, None, dirty=True)
        return True

    # ------------------------------------------------------------------ autosave and close
    def autosave_now(self) -> bool:
        if self.canvas.buttons_down or self.editor.tool.busy and self.editor.tool.name == "select":
            self._autosave_timer.start(250)
            return False
        if not self.is_dirty:
            self.autosaver.clear()
            return False
        try:
            self.autosaver.write(self.plan, self.path, self.history.revision)
        except OSError as exc:
            self._message("msg.autosave_failed", {"error": exc.strerror or str(exc)})
            return False
        return True

    def closeEvent(self, ev) -> None:
        if not self.maybe_save():
            ev.ignore()
            return
        self._autosave_timer.stop()
        self.autosaver.clear()
        self.settings.geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.settings.save()
        for p in self.panels:
            if hasattr(p, "detach"):
                p.detach()
        for off in self._offs:
            off()
        ev.accept()

