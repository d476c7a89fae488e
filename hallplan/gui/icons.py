"""Icons drawn with QPainter (no image files): tools, furniture symbols, zone swatches."""

from __future__ import annotations

from functools import lru_cache

from PyQt6.QtCore import QPointF, QRectF, Qt
from PyQt6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from hallplan.model import DoorKind, FurnitureKind, Hinge, ZoneKind
from hallplan.render.style import DOOR_COLOUR, WINDOW_COLOUR, ZONE_COLOURS

from . import drawing as D
from .items import draw_drawing
from .tools.options import FURNITURE_DEFAULTS, SEAT_PITCH

INK = QColor(45, 52, 64)
ACCENT = QColor(0, 120, 215)


def _pm(size: int = 32) -> tuple[QPixmap, QPainter]:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pm, p


def _pen(c: QColor = INK, w: float = 2.0, dash: bool = False) -> QPen:
    pen = QPen(c, w)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    if dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _pts(*xy: tuple[float, float]) -> list[QPointF]:
    return [QPointF(x, y) for x, y in xy]


@lru_cache(maxsize=64)
def tool_icon(name: str) -> QIcon:
    pm, p = _pm()
    p.setPen(_pen())
    p.setBrush(Qt.BrushStyle.NoBrush)
    if name == "select":
        p.setBrush(QColor(255, 255, 255))
        p.drawPolygon(_pts((8, 4), (8, 26), (13, 21), (17, 29), (20, 27.5), (16, 19.5), (23, 19.5)))
    elif name == "outline_rect":
        p.setPen(_pen(INK, 4))
        p.drawRect(QRectF(5, 7, 22, 18))
    elif name == "outline_poly":
        p.setPen(_pen(INK, 4))
        p.drawPolygon([QPointF(5, 26), QPointF(5, 6), QPointF(18, 6), QPointF(18, 14), QPointF(27, 14), QPointF(27, 26)])
    elif name == "wall":
        p.setPen(_pen(INK, 4))
        p.drawPolyline([QPointF(5, 26), QPointF(5, 10), QPointF(20, 10), QPointF(20, 20), QPointF(28, 20)])
    elif name == "wall_rect":
        p.setPen(_pen(INK, 3))
        p.drawRect(QRectF(6, 8, 20, 16))
        p.setPen(_pen(ACCENT, 1.5, True))
        p.drawRect(QRectF(10, 12, 12, 8))
    elif name == "column":
        p.setBrush(INK)
        for x, y in ((6, 6), (20, 6), (6, 20), (20, 20)):
            p.drawRect(QRectF(x, y, 6, 6))
    elif name in ("zone_rect", "zone_poly"):
        p.setBrush(QColor(*ZONE_COLOURS[ZoneKind.WAITING]))
        p.setPen(_pen(QColor(60, 120, 60), 1.5))
        if name == "zone_rect":
            p.drawRect(QRectF(4, 7, 24, 18))
        else:
            p.drawPolygon([QPointF(4, 26), QPointF(6, 8), QPointF(18, 4), QPointF(28, 14), QPointF(22, 27)])
    elif name == "window":
        p.setBrush(QColor(*WINDOW_COLOUR).lighter(170))
        p.setPen(_pen(QColor(*WINDOW_COLOUR), 1.5))
        p.drawRect(QRectF(8, 11, 16, 8))
        p.setPen(_pen(QColor(*WINDOW_COLOUR), 1, True))
        p.drawLine(QPointF(8, 25), QPointF(24, 25))
    elif name == "window_row":
        p.setBrush(QColor(*WINDOW_COLOUR).lighter(170))
        p.setPen(_pen(QColor(*WINDOW_COLOUR), 1.2))
        for k in range(4):
            p.drawRect(QRectF(2 + k * 7.2, 12, 6.4, 7))
    elif name == "door":
        p.setPen(_pen(INK, 4))
        p.drawLine(QPointF(2, 26), QPointF(8, 26))
        p.drawLine(QPointF(26, 26), QPointF(30, 26))
        p.setPen(_pen(QColor(*DOOR_COLOUR), 2))
        p.drawLine(QPointF(8, 26), QPointF(8, 8))
        p.setPen(_pen(QColor(*DOOR_COLOUR), 1))
        p.drawArc(QRectF(-10, 8, 36, 36), 0, 90 * 16)
    elif name == "furniture":
        p.setBrush(QColor(246, 240, 230))
        p.setPen(_pen(QColor(110, 90, 70), 1.5))
        for k in range(3):
            p.drawRoundedRect(QRectF(3 + k * 9, 12, 8, 10), 2, 2)
        p.drawRect(QRectF(3, 22, 26, 3))
    elif name == "stair":
        p.setPen(_pen(INK, 1.5))
        p.drawRect(QRectF(8, 3, 16, 26))
        for k in range(1, 7):
            p.drawLine(QPointF(8, 3 + k * 26 / 7), QPointF(24, 3 + k * 26 / 7))
    elif name == "lift":
        p.setPen(_pen(INK, 1.5))
        p.drawRect(QRectF(5, 5, 22, 22))
        p.drawLine(QPointF(5, 5), QPointF(27, 27))
        p.drawLine(QPointF(27, 5), QPointF(5, 27))
    elif not _action_icon(p, name):
        p.drawEllipse(QRectF(8, 8, 16, 16))
    p.end()
    return QIcon(pm)


def _arrow_head(p: QPainter, tip: QPointF, dx: float, dy: float, size: float = 5.0) -> None:
    """A filled arrow head at ``tip`` pointing along (dx, dy) (unit vector)."""
    nx, ny = -dy, dx
    back = QPointF(tip.x() - dx * size, tip.y() - dy * size)
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawPolygon([tip, QPointF(back.x() + nx * size * 0.7, back.y() + ny * size * 0.7),
                   QPointF(back.x() - nx * size * 0.7, back.y() - ny * size * 0.7)])
    p.restore()


def _action_icon(p: QPainter, name: str) -> bool:
    """Icons of the main toolbar's commands (file, undo, view and snap toggles)."""
    if name == "new":
        p.setBrush(QColor(255, 255, 255))
        p.setPen(_pen(INK, 1.6))
        p.drawPolygon(_pts((8, 3), (19, 3), (25, 9), (25, 29), (8, 29)))
        p.drawPolyline([QPointF(19, 3), QPointF(19, 9), QPointF(25, 9)])
        p.setPen(_pen(ACCENT, 2.2))
        p.drawLine(QPointF(12, 19), QPointF(21, 19))
        p.drawLine(QPointF(16.5, 14.5), QPointF(16.5, 23.5))
    elif name == "open":
        p.setPen(_pen(INK, 1.6))
        p.setBrush(QColor(250, 214, 120))
        p.drawPolygon([QPointF(3, 8), QPointF(12, 8), QPointF(14, 11), QPointF(27, 11), QPointF(27, 26), QPointF(3, 26)])
        p.setBrush(QColor(255, 232, 160))
        p.drawPolygon([QPointF(3, 26), QPointF(8, 15), QPointF(30, 15), QPointF(27, 26)])
    elif name in ("save", "save_as"):
        p.setPen(_pen(INK, 1.6))
        p.setBrush(ACCENT)
        p.drawRoundedRect(QRectF(4, 4, 24, 24), 3, 3)
        p.setBrush(QColor(255, 255, 255))
        p.drawRect(QRectF(9, 4, 14, 9))
        p.setBrush(QColor(220, 230, 240))
        p.drawRect(QRectF(8, 18, 16, 10))
    elif name in ("undo", "redo"):
        flip = name == "redo"
        p.save()
        if flip:
            p.translate(32, 0)
            p.scale(-1, 1)
        p.setPen(_pen(INK, 2.6))
        path = QPainterPath()
        path.moveTo(9, 13)
        path.lineTo(19, 13)
        path.cubicTo(29, 13, 29, 27, 19, 27)
        path.lineTo(12, 27)
        p.drawPath(path)
        _arrow_head(p, QPointF(4, 13), -1.0, 0.0, 7.0)
        p.restore()
    elif name == "fit":
        p.setPen(_pen(INK, 1.6))
        p.drawRect(QRectF(9, 10, 14, 12))
        p.setPen(_pen(ACCENT, 2.2))
        for cx, cy, sx, sy in ((3, 3, 1, 1), (29, 3, -1, 1), (3, 29, 1, -1), (29, 29, -1, -1)):
            p.drawPolyline([QPointF(cx + 6 * sx, cy), QPointF(cx, cy), QPointF(cx, cy + 6 * sy)])
    elif name in ("zoom_in", "zoom_out"):
        p.setPen(_pen(INK, 2.2))
        p.drawEllipse(QRectF(4, 4, 18, 18))
        p.setPen(_pen(INK, 4))
        p.drawLine(QPointF(20, 20), QPointF(28, 28))
        p.setPen(_pen(ACCENT, 2))
        p.drawLine(QPointF(8.5, 13), QPointF(17.5, 13))
        if name == "zoom_in":
            p.drawLine(QPointF(13, 8.5), QPointF(13, 17.5))
    elif name in ("grid", "grid_snap"):
        p.setPen(_pen(QColor(150, 160, 175), 1.2))
        for k in range(4):
            v = 5 + k * 7.3
            p.drawLine(QPointF(v, 3), QPointF(v, 29))
            p.drawLine(QPointF(3, v), QPointF(29, v))
        if name == "grid_snap":
            p.setPen(_pen(QColor(230, 120, 0), 2.4))
            p.drawLine(QPointF(12.3 - 5, 19.6), QPointF(12.3 + 5, 19.6))
            p.drawLine(QPointF(12.3, 19.6 - 5), QPointF(12.3, 19.6 + 5))
    elif name == "object_snap":
        p.setPen(_pen(INK, 3))
        p.drawPolyline([QPointF(4, 27), QPointF(16, 27), QPointF(16, 6)])
        p.setPen(_pen(QColor(230, 120, 0), 2.2))
        p.drawRect(QRectF(11, 22, 10, 10))
    elif name == "ortho":
        p.setPen(_pen(INK, 2.6))
        p.drawPolyline([QPointF(6, 5), QPointF(6, 26), QPointF(27, 26)])
        p.setPen(_pen(ACCENT, 1.4))
        p.drawRect(QRectF(6, 19, 7, 7))
    elif name == "plan_settings":
        p.setPen(_pen(INK, 1.6))
        p.setBrush(QColor(255, 255, 255))
        p.drawRect(QRectF(5, 4, 22, 25))
        p.setPen(_pen(ACCENT, 2))
        for k in range(4):
            p.drawLine(QPointF(9, 10 + k * 5), QPointF(23 - (k % 2) * 5, 10 + k * 5))
    else:
        return False
    return True


def _render_drawing(d: D.Drawing, size: int, flip: bool = False) -> QPixmap:
    pm, p = _pm(size)
    b = d.bounds
    if b.isEmpty():
        p.end()
        return pm
    k = (size - 4) / max(b.width(), b.height())
    p.translate(size / 2, size / 2)
    p.scale(k, k)
    p.translate(-b.center())
    draw_drawing(p, d, k, flip)
    p.end()
    return pm


@lru_cache(maxsize=64)
def furniture_icon(kind: FurnitureKind, size: int = 32) -> QIcon:
    w, dpt, extra = FURNITURE_DEFAULTS[kind]
    seats = extra.get("seats", 0)
    if seats:
        seats, w = 3, 3 * SEAT_PITCH
    rng = 1.2 if extra.get("range") else 0.0
    d = D.furniture_drawing(kind, w, dpt, seats, extra.get("fov", 0.0), rng, wedge=True)
    return QIcon(_render_drawing(d, size))


@lru_cache(maxsize=16)
def door_icon(kind: DoorKind, size: int = 32) -> QIcon:
    from .tools.options import DOOR_WIDTHS

    w, hinge = DOOR_WIDTHS[kind]
    d = D.door_drawing(w, hinge if hinge != Hinge.SLIDING else Hinge.LEFT, 1, 0.34)
    return QIcon(_render_drawing(d, size))


@lru_cache(maxsize=64)
def swatch(rgb: tuple, size: int = 16) -> QIcon:
    pm, p = _pm(size)
    p.setPen(QPen(QColor(*rgb).darker(150), 1))
    p.setBrush(QColor(*rgb))
    p.drawRoundedRect(QRectF(1.5, 1.5, size - 3, size - 3), 3, 3)
    p.end()
    return QIcon(pm)


def zone_icon(kind: ZoneKind) -> QIcon:
    return swatch(ZONE_COLOURS.get(kind, (200, 200, 200)))


def app_icon() -> QIcon:
    pm, p = _pm(64)
    p.setBrush(QColor(0, 110, 200))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(2, 2, 60, 60), 12, 12)
    p.setPen(_pen(QColor(255, 255, 255), 4))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(13, 15, 38, 34))
    p.setBrush(QColor(255, 255, 255))
    for k in range(4):
        p.drawRect(QRectF(16 + k * 8.5, 20, 6, 4))
    p.end()
    return QIcon(pm)
