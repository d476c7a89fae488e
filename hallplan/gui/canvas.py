"""The plan view: forwards pointer and key events to the editor in model units, pans (middle
button or Space+drag), zooms at the cursor, draws the grid, a scale bar and reports the cursor."""

from __future__ import annotations

import math

from PyQt6.QtCore import QEvent, QPointF, QRectF, Qt, pyqtSignal
from PyQt6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PyQt6.QtWidgets import QGraphicsView, QWidget

from . import theme
from .scene import PlanScene
from .tools import ToolEvent

KEY_NAMES = {
    Qt.Key.Key_Escape: "Escape",
    Qt.Key.Key_Return: "Return",
    Qt.Key.Key_Enter: "Enter",
    Qt.Key.Key_Backspace: "Backspace",
    Qt.Key.Key_Delete: "Delete",
    Qt.Key.Key_Tab: "Tab",
    Qt.Key.Key_Left: "Left",
    Qt.Key.Key_Right: "Right",
    Qt.Key.Key_Up: "Up",
    Qt.Key.Key_Down: "Down",
    Qt.Key.Key_Space: "Space",
}
TYPED_START = set("0123456789.-@+")
MIN_SCALE, MAX_SCALE = 0.5, 3000.0  # pixels per metre


def key_name(ev: QKeyEvent) -> str:
    k = ev.key()
    if k in KEY_NAMES:
        return KEY_NAMES[k]
    if Qt.Key.Key_A.value <= k <= Qt.Key.Key_Z.value:
        return chr(k)
    return ev.text()


class ScaleBar(QWidget):
    """A scale bar with round lengths. It lives in a strip under the canvas, not over it: a widget
    overlapping the viewport would turn every pan into a full repaint."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.px_per_m = 40.0
        self.setFixedHeight(24)
        self.setMinimumWidth(220)

    def set_scale(self, px_per_m: float) -> None:
        self.px_per_m = px_per_m
        self.update()

    def nice_length(self) -> float:
        target = 140.0 / max(self.px_per_m, 1e-9)
        e = 10 ** math.floor(math.log10(target))
        best = e
        for m in (1, 2, 5, 10):
            if m * e <= target:
                best = m * e
        return best

    def paintEvent(self, _ev) -> None:
        L = self.nice_length()
        w = L * self.px_per_m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        x0, y0 = 14.0, 10.0
        seg = w / 4
        for k in range(4):
            p.setBrush(QColor(40, 40, 40) if k % 2 == 0 else QColor(255, 255, 255))
            p.setPen(QPen(QColor(40, 40, 40), 1))
            p.drawRect(QRectF(x0 + k * seg, y0, seg, 5))
        f = p.font()
        f.setPixelSize(11)
        p.setFont(f)
        p.setPen(QColor(30, 30, 30))
        unit = f"{L:g} m" if L >= 1 else f"{L * 100:g} cm"
        p.drawText(QPointF(x0 + w + 6, y0 + 6), unit)
        p.end()


class Canvas(QGraphicsView):
    """Scene units are metres with y flipped (the plan's y points up)."""

    cursor_moved = pyqtSignal(float, float, str)  # x, y (m), snap kind
    typed_start = pyqtSignal(str)  # the first character of typed coordinates
    zoom_changed = pyqtSignal(float)

    def __init__(self, scene: PlanScene) -> None:
        super().__init__(scene)
        self.ed = scene.ed
        self.plan_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)  # the grid: drawn once per view
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, False)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self._show_grid = True
        self._pan: QPointF | None = None
        self._space = False
        self.buttons_down = 0
        self.scalebar = ScaleBar()
        self.scale(40, 40)
        self._scale_changed()
        self.ed.tool_changed.connect(lambda _n: self._update_cursor())
        self._update_cursor()

    @property
    def show_grid(self) -> bool:
        return self._show_grid

    @show_grid.setter
    def show_grid(self, on: bool) -> None:
        self._show_grid = bool(on)
        self.resetCachedContent()  # the background (grid) is cached
        self.viewport().update()

    # ---------------------------------------------------------------- coordinates
    def plan_point(self, pos) -> tuple[float, float]:
        q = self.mapToScene(pos.toPoint() if isinstance(pos, QPointF) else pos)
        return (q.x(), -q.y())

    def view_point(self, x: float, y: float):
        return self.mapFromScene(QPointF(x, -y))

    @property
    def px_per_m(self) -> float:
        return self.transform().m11()

    def _scale_changed(self) -> None:
        s = self.px_per_m
        self.ed.scale = s
        self.plan_scene.preview.set_scale(s)
        self.plan_scene.set_view_scale(s)
        self.scalebar.set_scale(s)
        self.zoom_changed.emit(s)


    def fit(self) -> None:
        f = self.ed.floor
        r = QRectF()
        if f is not None and len(f.outline.exterior) >= 3:
            xs = [p[0] for p in f.outline.exterior]
            ys = [-p[1] for p in f.outline.exterior]
            r = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))
        if f is not None:
            for eid in self.plan_scene.items_by_id:
                b = self.ed.index.bbox(eid)
                if b is not None:
                    r = r.united(QRectF(QPointF(b[0], -b[3]), QPointF(b[2], -b[1])))
        if r.isEmpty():
            r = QRectF(-2, -22, 34, 24)
        m = max(r.width(), r.height()) * 0.04 + 1
        self.fitInView(r.adjusted(-m, -m, m, m), Qt.AspectRatioMode.KeepAspectRatio)
        self._scale_changed()

    def zoom_by(self, f: float) -> None:
        s = self.px_per_m
        f = max(MIN_SCALE / s, min(MAX_SCALE / s, f))
        self.scale(f, f)
        self._scale_changed()

    def zoom_to(self, rect_plan: tuple[float, float, float, float]) -> None:
        x0, y0, x1, y1 = rect_plan
        self.fitInView(QRectF(QPointF(x0, -y1), QPointF(x1, -y0)), Qt.AspectRatioMode.KeepAspectRatio)
        self._scale_changed()

    # ---------------------------------------------------------------- events
    def _tool_event(self, ev, button: str) -> ToolEvent:
        x, y = self.plan_point(ev.position())
        m = ev.modifiers()
        return ToolEvent(x, y, button,
                         bool(m & Qt.KeyboardModifier.ShiftModifier),
                         bool(m & Qt.KeyboardModifier.ControlModifier),
                         bool(m & Qt.KeyboardModifier.AltModifier))

    @staticmethod
    def _button(b) -> str:
        return {Qt.MouseButton.LeftButton: "left", Qt.MouseButton.RightButton: "right",
                Qt.MouseButton.MiddleButton: "middle"}.get(b, "")

    def mousePressEvent(self, ev) -> None:
        self.setFocus()
        if ev.button() == Qt.MouseButton.MiddleButton or (self._space and ev.button() == Qt.MouseButton.LeftButton):
            self._pan = ev.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        self.buttons_down += 1
        self.ed.press(self._tool_event(ev, self._button(ev.button())))

    def mouseMoveEvent(self, ev) -> None:
        if self._pan is not None:
            d = ev.position() - self._pan
            self._pan = ev.position()
            self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - d.x()))
            self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - d.y()))
            return
        te = self._tool_event(ev, "")
        self.ed.move(te)
        snap = self.ed.tool.snap_result
        p = snap.point if snap is not None and self.ed.tool.draws else te.pos
        self.cursor_moved.emit(p[0], p[1], snap.kind.value if snap is not None else "")

    def mouseReleaseEvent(self, ev) -> None:
        if self._pan is not None and ev.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan = None
            self._update_cursor()
            return
        self.buttons_down = max(0, self.buttons_down - 1)
        self.ed.release(self._tool_event(ev, self._button(ev.button())))

    def mouseDoubleClickEvent(self, ev) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            self.ed.double_click(self._tool_event(ev, "left"))

    def wheelEvent(self, ev) -> None:
        dy = ev.angleDelta().y()
        if dy == 0:
            return
        self.zoom_by(1.2 ** (dy / 120.0))

    def event(self, ev) -> bool:
        if ev.type() == QEvent.Type.ShortcutOverride:
            k = key_name(ev)
            if not (ev.modifiers() & Qt.KeyboardModifier.ControlModifier) and self.ed.tool.wants_key(k):
                ev.accept()
                return True
        return super().event(ev)

    def keyPressEvent(self, ev: QKeyEvent) -> None:
        k = key_name(ev)
        m = ev.modifiers()
        shift = bool(m & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(m & Qt.KeyboardModifier.ControlModifier)
        if k == "Space" and not ev.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if k == "Escape":
            self.ed.escape()
            return
        if self.ed.key(k, shift, ctrl):
            return
        t = ev.text()
        if t and t in TYPED_START and not ctrl and (self.ed.tool.draws or self.ed.selection):
            self.typed_start.emit(t)
            return
        super().keyPressEvent(ev)

    def keyReleaseEvent(self, ev: QKeyEvent) -> None:
        if key_name(ev) == "Space" and not ev.isAutoRepeat():
            self._space = False
            self._update_cursor()
            return
        super().keyReleaseEvent(ev)

    def leaveEvent(self, ev) -> None:
        self.plan_scene.marker.setVisible(False)
        super().leaveEvent(ev)

    def _update_cursor(self) -> None:
        shape = Qt.CursorShape.ArrowCursor if self.ed.tool.name == "select" else Qt.CursorShape.CrossCursor
        self.viewport().setCursor(shape)

    # ---------------------------------------------------------------- grid
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor(*theme.CANVAS_BG))
        if not self.show_grid:
            return
        s = self.px_per_m
        minor = None
        for g in (0.1, 0.5, 1.0, 5.0, 10.0, 50.0, 100.0):
            if g * s >= 9:
                minor = g
                break
        if minor is None:
            return
        major = minor * (5 if str(minor)[0] == "1" else 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for step, rgb in ((minor, theme.GRID_MINOR), (major, theme.GRID_MAJOR)):
            pen = QPen(QColor(*rgb), 0)
            painter.setPen(pen)
            x = math.floor(rect.left() / step) * step
            lines = []
            from PyQt6.QtCore import QLineF

            while x <= rect.right():
                lines.append(QLineF(x, rect.top(), x, rect.bottom()))
                x += step
            y = math.floor(rect.top() / step) * step
            while y <= rect.bottom():
                lines.append(QLineF(rect.left(), y, rect.right(), y))
                y += step
            if len(lines) < 4000:
                painter.drawLines(lines)
        pen = QPen(QColor(*theme.GRID_AXIS), 0)
        painter.setPen(pen)
        if rect.left() <= 0 <= rect.right():
            painter.drawLine(QPointF(0, rect.top()), QPointF(0, rect.bottom()))
        if rect.top() <= 0 <= rect.bottom():
            painter.drawLine(QPointF(rect.left(), 0), QPointF(rect.right(), 0))
        painter.restore()
