"""Main window: canvas, legend, file and edit menus."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QPointF, Qt
from PyQt6.QtGui import QAction, QBrush, QColor, QKeySequence, QPainter, QPainterPath, QPen, QPolygonF
from PyQt6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QGraphicsScene,
    QGraphicsView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
)

from hallplan.i18n import label, tr
from hallplan.io.planfile import PlanFileError, load, save
from hallplan.model import History, HallLevel, Plan
from hallplan.render.style import DOOR_COLOUR, FURNITURE_COLOUR, LOW_COUNTER_COLOUR, WALL_COLOUR, WINDOW_COLOUR, ZONE_COLOURS


def _qpoly(ring) -> QPolygonF:
    return QPolygonF([QPointF(x, -y) for x, y in ring])


class Canvas(QGraphicsView):
    """The plan view (scene units: metres, y flipped so the plan's y points up)."""

    def __init__(self) -> None:
        super().__init__()
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor(250, 250, 247))

    def wheelEvent(self, event) -> None:
        f = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.scale(f, f)

    def fit(self) -> None:
        r = self.scene().itemsBoundingRect()
        if not r.isEmpty():
            self.fitInView(r.adjusted(-2, -2, 2, 2), Qt.AspectRatioMode.KeepAspectRatio)

    def show_plan(self, plan: Plan, floor_index: int = 0) -> None:
        sc = self.scene()
        sc.clear()
        if not plan.floors:
            return
        floor = plan.floors[min(floor_index, len(plan.floors) - 1)]
        thin = QPen(QColor(*WALL_COLOUR), 0)
        sc.addPolygon(_qpoly(floor.outline.exterior), QPen(QColor(*WALL_COLOUR), 0.3), QBrush(QColor(255, 255, 255)))
        for z in floor.zones.values():
            c = QColor(*ZONE_COLOURS[z.kind])
            c.setAlpha(150)
            sc.addPolygon(_qpoly(z.polygon.exterior), QPen(c.darker(150), 0), QBrush(c))
            cx = sum(p[0] for p in z.polygon.exterior) / len(z.polygon.exterior)
            cy = sum(p[1] for p in z.polygon.exterior) / len(z.polygon.exterior)
            t = sc.addSimpleText(f"{z.name or label(z.kind)}\n{z.area:.0f} m²")
            t.setScale(0.035)
            br = t.boundingRect()
            t.setPos(cx - br.width() * 0.0175, -cy - br.height() * 0.0175)
        for w in floor.walls.values():
            path = QPainterPath(QPointF(w.points[0][0], -w.points[0][1]))
            for x, y in w.points[1:]:
                path.lineTo(x, -y)
            sc.addPath(path, QPen(QColor(*WALL_COLOUR), w.thickness))
        for c in floor.columns.values():
            sc.addPolygon(_qpoly(c.footprint()), thin, QBrush(QColor(*WALL_COLOUR)))
        for s in list(floor.stairs.values()) + list(floor.lifts.values()):
            sc.addPolygon(_qpoly(s.footprint()), thin, QBrush(QColor(220, 220, 220)))
        for f in floor.furniture.values():
            sc.addPolygon(_qpoly(f.footprint()), QPen(QColor(*FURNITURE_COLOUR), 0), QBrush(QColor(235, 225, 210)))
        for w in floor.windows.values():
            col = QColor(*(LOW_COUNTER_COLOUR if w.low_counter else WINDOW_COLOUR))
            sc.addPolygon(_qpoly(w.footprint()), QPen(col, 0), QBrush(col.lighter(160)))
            t = sc.addSimpleText(w.number)
            t.setScale(0.03)
            br = t.boundingRect()
            t.setPos(w.x - br.width() * 0.015, -w.y - br.height() * 0.015)
        for d in floor.doors.values():
            a, b = d.endpoints()
            sc.addLine(a[0], -a[1], b[0], -b[1], QPen(QColor(250, 250, 247), 0.35))
            sc.addLine(a[0], -a[1], b[0], -b[1], QPen(QColor(*DOOR_COLOUR), 0.08))
        self.fit()


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.history = History(Plan("", HallLevel.TOWN))
        self.path: Path | None = None
        self.canvas = Canvas()
        self.setCentralWidget(self.canvas)
        self.legend = QListWidget()
        dock = QDockWidget(tr("panel.legend"), self)
        dock.setWidget(self.legend)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self._build_menus()
        self.history.subscribe(lambda ev: self.refresh())
        self.resize(1400, 900)
        self.refresh()

    @property
    def plan(self) -> Plan:
        return self.history.plan

    def _build_menus(self) -> None:
        m = self.menuBar().addMenu(tr("menu.file"))
        for key, seq, fn in (
            ("act.open", QKeySequence.StandardKey.Open, self.open_dialog),
            ("act.save", QKeySequence.StandardKey.Save, self.save),
            ("act.save_as", QKeySequence.StandardKey.SaveAs, self.save_as),
            ("act.quit", QKeySequence.StandardKey.Quit, self.close),
        ):
            a = QAction(tr(key), self)
            a.setShortcut(seq)
            a.triggered.connect(fn)
            m.addAction(a)
        e = self.menuBar().addMenu(tr("menu.edit"))
        self.undo_act = QAction(self)
        self.undo_act.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_act.triggered.connect(self.history.undo)
        self.redo_act = QAction(self)
        self.redo_act.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_act.triggered.connect(self.history.redo)
        e.addAction(self.undo_act)
        e.addAction(self.redo_act)
        v = self.menuBar().addMenu(tr("menu.view"))
        a = QAction(tr("act.fit"), self)
        a.triggered.connect(self.canvas.fit)
        v.addAction(a)

    def refresh(self) -> None:
        self.setWindowTitle(f"{self.plan.name or '—'} — {tr('app.title')}")
        self.undo_act.setText(tr("act.undo", label=tr(self.history.undo_label) if self.history.undo_label else ""))
        self.undo_act.setEnabled(self.history.can_undo)
        self.redo_act.setText(tr("act.redo", label=tr(self.history.redo_label) if self.history.redo_label else ""))
        self.redo_act.setEnabled(self.history.can_redo)
        self.canvas.show_plan(self.plan)
        self.legend.clear()
        kinds = {}
        for f in self.plan.floors:
            for z in f.zones.values():
                kinds[z.kind] = kinds.get(z.kind, 0.0) + z.area
        for k, a in kinds.items():
            it = QListWidgetItem(f"{label(k)}  {a:,.0f} m²")
            it.setBackground(QColor(*ZONE_COLOURS[k]))
            self.legend.addItem(it)

    def open_path(self, path: str) -> bool:
        try:
            plan = load(path)
        except PlanFileError as exc:
            QMessageBox.warning(self, tr("dlg.open_error"), str(exc))
            return False
        self.path = Path(path)
        self.history.reset(plan)
        return True

    def open_dialog(self) -> None:
        fn, _ = QFileDialog.getOpenFileName(self, tr("act.open"), "", tr("dlg.filter"))
        if fn:
            self.open_path(fn)

    def save(self) -> None:
        if self.path is None:
            self.save_as()
            return
        try:
            save(self.plan, self.path)
            self.history.mark_clean()
        except OSError as exc:
            QMessageBox.warning(self, tr("dlg.save_error"), f"{self.path}: {exc}")

    def save_as(self) -> None:
        fn, _ = QFileDialog.getSaveFileName(self, tr("act.save_as"), "", tr("dlg.filter"))
        if fn:
            self.path = Path(fn if fn.endswith(".hallplan") else fn + ".hallplan")
            self.save()
