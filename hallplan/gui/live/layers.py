"""Canvas layers of live checking: offending items outlined in their severity colour, the focused
finding's geometry, and the analysis overlays (heat map, accessible route, separation, CCTV, queue
spaces). Each layer is one item that draws cached painter paths; nothing here holds model objects.
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QPointF, QRectF, Qt
from PyQt6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen
from PyQt6.QtWidgets import QGraphicsItem

from hallplan.render.style import SEVERITY_COLOURS

from ..qtutil import NO_BRUSH, brush, cpen, ring_path
from .protocol import Heat, Prim

Z_HEAT = -8.0  # over the zones, under furniture and counters
Z_OVERLAY = 24.0
Z_FINDINGS = 26.0
Z_FOCUS = 27.0
STALE_ALPHA = 0.35
ACK_RGB = (130, 130, 130)

# (stroke rgb, stroke px, fill rgb or None, fill alpha, dash, point radius px)
STYLES: dict[str, tuple] = {
    "beyond": ((200, 30, 30), 0.0, (200, 30, 30), 40, "", 0),
    "limit": ((190, 20, 20), 2.2, None, 0, "dash", 0),
    "worst_path": ((25, 25, 25), 2.6, None, 0, "", 0),
    "worst_point": ((190, 20, 20), 1.5, (255, 255, 255), 255, "", 6),
    "trapped": ((150, 0, 120), 1.5, (150, 0, 120), 90, "", 0),
    "network": ((0, 120, 90), 1.0, (0, 160, 120), 70, "", 0),
    "source": ((0, 90, 60), 2.0, (0, 90, 60), 120, "", 0),
    "unreached": ((200, 40, 40), 1.8, (220, 60, 60), 60, "dash", 0),
    "pinch_line": ((200, 30, 30), 3.0, None, 0, "", 0),
    "pinch": ((200, 30, 30), 2.0, (255, 255, 255), 255, "", 5),
    "public": ((70, 140, 210), 0.0, (70, 140, 210), 45, "", 0),
    "staff": ((200, 140, 60), 0.0, (200, 140, 60), 60, "", 0),
    "leak_area": ((200, 30, 30), 1.2, (220, 40, 40), 70, "", 0),
    "leak": ((200, 20, 20), 4.0, None, 0, "", 0),
    "through": ((160, 0, 160), 1.5, (160, 0, 160), 60, "dash", 0),
    "seen": ((0, 130, 200), 0.8, (0, 150, 220), 55, "", 0),
    "blind": ((200, 60, 0), 1.4, (230, 90, 20), 95, "", 0),
    "camera": ((0, 90, 160), 1.5, (0, 120, 215), 255, "", 4),
    "queue": ((90, 90, 200), 1.0, (110, 110, 220), 40, "dash", 0),
    "one_metre": ((230, 170, 0), 2.4, None, 0, "", 0),
}
LABELLED = {"worst_point": "{:.1f} m", "pinch": "{:.2f} m", "leak": "{:.2f} m"}


def shapes_path(shapes, floor_id: str | None = None) -> tuple[QPainterPath, QPainterPath, list[tuple[float, float]]]:
    """Finding geometry (``Shape``) as (area path, line path, points)."""
    area, line, pts = QPainterPath(), QPainterPath(), []
    for s in shapes:
        if floor_id is not None and s.floor_id and s.floor_id != floor_id:
            continue
        if s.kind == "polygon" and len(s.points) >= 3:
            ring_path(s.points, area)
        elif s.kind == "line" and len(s.points) >= 2:
            ring_path(s.points, line, close=False)
        elif s.kind == "point" and s.points:
            pts.append(s.points[0])
    return area, line, pts


def _draw_label(painter: QPainter, at: QPointF, text: str, rgb=(25, 25, 25), dx: float = 9, dy: float = -9) -> None:
    """A text with a white backdrop at a fixed pixel size next to the scene point ``at``."""
    painter.save()
    dev = painter.worldTransform().map(at)
    painter.resetTransform()
    f = QFont(painter.font())
    f.setPixelSize(12)
    f.setBold(True)
    painter.setFont(f)
    fm = painter.fontMetrics()
    w = fm.horizontalAdvance(text) + 8
    r = QRectF(dev.x() + dx, dev.y() + dy - 16, w, 18)
    painter.setPen(cpen(rgb, 1.0))
    painter.setBrush(brush((255, 255, 255), 235))
    painter.drawRoundedRect(r, 3, 3)
    painter.setPen(QPen(QColor(*rgb)))
    painter.drawText(r, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def _dots(painter: QPainter, pts, radius_px: float, stroke, fill) -> None:
    lod = max(painter.worldTransform().m11(), 1e-9)
    r = radius_px / lod
    painter.setPen(stroke)
    painter.setBrush(fill)
    for x, y in pts:
        painter.drawEllipse(QPointF(x, -y), r, r)


# --- heat map ----------------------------------------------------------------------------------------
# colour stops as fractions of the limit: green near the exits, yellow half way, red at the limit
HEAT_STOPS = np.array([0.0, 0.35, 0.7, 1.0, 1.5])
HEAT_RGB = np.array([(26, 152, 80), (145, 207, 96), (254, 224, 139), (244, 109, 67), (165, 0, 38)], dtype=np.float32)


def heat_image(h: Heat, alpha: int = 150) -> QImage:
    """The distance grid as an image (row 0 at the top, i.e. the largest y)."""
    v = np.asarray(h.values, dtype=np.float32)[::-1]
    ref = h.limit if h.limit else max(h.vmax, 1e-6)
    t = np.clip(np.nan_to_num(v / ref, nan=0.0), 0.0, HEAT_STOPS[-1])
    rgba = np.empty(v.shape + (4,), dtype=np.uint8)
    for c in range(3):
        rgba[..., c] = np.interp(t, HEAT_STOPS, HEAT_RGB[:, c]).astype(np.uint8)
    rgba[..., 3] = np.where(np.isfinite(v), alpha, 0).astype(np.uint8)
    rgba = np.ascontiguousarray(rgba)
    ny, nx = v.shape
    img = QImage(rgba.data, nx, ny, nx * 4, QImage.Format.Format_RGBA8888)
    return img.copy()  # own the pixels (the numpy buffer goes away)


class HeatItem(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_HEAT)
        self._img: QImage | None = None
        self._rect = QRectF()
        self.dim = False

    def set_heat(self, h: Heat | None) -> None:
        self.prepareGeometryChange()
        if h is None or np.asarray(h.values).size == 0:
            self._img, self._rect = None, QRectF()
        else:
            ny, nx = np.asarray(h.values).shape
            c = h.cell
            self._img = heat_image(h)
            self._rect = QRectF(h.x0 - c / 2, -(h.y0 + (ny - 1) * c + c / 2), nx * c, ny * c)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._img is None:
            return
        painter.save()
        painter.setOpacity(STALE_ALPHA + 0.25 if self.dim else 1.0)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(self._rect, self._img)
        painter.restore()


# --- primitives ---------------------------------------------------------------------------------------
class PrimsItem(QGraphicsItem):
    """Draws an overlay's primitives grouped by role (one path per role)."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_OVERLAY)
        self._paths: list[tuple[str, QPainterPath, list, list]] = []  # role, path, points, labels
        self._bounds = QRectF()
        self.dim = False

    def set_prims(self, prims: tuple[Prim, ...] | list[Prim]) -> None:
        self.prepareGeometryChange()
        by_role: dict[str, tuple[QPainterPath, list, list]] = {}
        order: list[str] = []
        for p in prims:
            if p.role not in by_role:
                by_role[p.role] = (QPainterPath(), [], [])
                order.append(p.role)
            path, pts, labels = by_role[p.role]
            if p.kind == "polygon":
                path.setFillRule(Qt.FillRule.OddEvenFill)
                for ring in p.rings:
                    if len(ring) >= 3:
                        ring_path([(float(x), float(y)) for x, y in ring], path)
            elif p.kind == "line":
                for ring in p.rings:
                    if len(ring) >= 2:
                        ring_path([(float(x), float(y)) for x, y in ring], path, close=False)
            elif p.kind == "point":
                for ring in p.rings:
                    for x, y in ring:
                        pts.append((float(x), float(y)))
                        if p.role in LABELLED and p.value is not None:
                            labels.append(((float(x), float(y)), LABELLED[p.role].format(p.value)))
        # fills first, then lines, then points: a stable, readable stacking
        order.sort(key=lambda r: (STYLES.get(r, STYLES["seen"])[5] > 0, STYLES.get(r, STYLES["seen"])[2] is None))
        self._paths = [(r, *by_role[r]) for r in order]
        b = QRectF()
        for _, path, pts, _ in self._paths:
            b = b.united(path.boundingRect())
            for x, y in pts:
                b = b.united(QRectF(x - 0.5, -y - 0.5, 1, 1))
        self._bounds = b.adjusted(-2, -2, 2, 2) if not b.isEmpty() else QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self._paths:
            return
        painter.save()
        painter.setOpacity(STALE_ALPHA + 0.25 if self.dim else 1.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        labels = []
        for role, path, pts, lab in self._paths:
            stroke, px, fill, falpha, dash, rad = STYLES.get(role, STYLES["seen"])
            if not path.isEmpty():
                painter.setPen(cpen(stroke, px, dash) if px > 0 else QPen(Qt.PenStyle.NoPen))
                painter.setBrush(brush(fill, falpha) if fill is not None else NO_BRUSH)
                painter.drawPath(path)
            if pts:
                _dots(painter, pts, rad or 4, cpen(stroke, px or 1.0), brush(fill or stroke, falpha or 255))
            labels += [(xy, t, stroke) for xy, t in lab]
        for (x, y), t, rgb in labels[:40]:
            _draw_label(painter, QPointF(x, -y), t, rgb)
        painter.restore()


# --- findings --------------------------------------------------------------------------------------------
class FindingsItem(QGraphicsItem):
    """Offending items outlined in their severity colour (worst severity per item; acknowledged ones in
    grey, stale ones faint) and, for the focused finding, its own geometry with a halo."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_FINDINGS)
        self._layers: list[tuple] = []  # (rgb, alpha, path, area)
        self._bounds = QRectF()

    def set_outlines(self, groups: list[tuple]) -> None:
        """``groups``: (rgb, stale, rings[, area]) in drawing order (least severe first); ``area``
        rings (whole zones) get a dashed outline and no tint."""
        self.prepareGeometryChange()
        self._layers = []
        b = QRectF()
        for rgb, stale, rings, *rest in groups:
            if not rings:
                continue
            path = QPainterPath()
            for r in rings:
                ring_path(r, path)
            self._layers.append((rgb, STALE_ALPHA if stale else 1.0, path, bool(rest and rest[0])))
            b = b.united(path.boundingRect())
        self._bounds = b.adjusted(-1, -1, 1, 1) if not b.isEmpty() else QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for rgb, alpha, path, area in self._layers:
            painter.setOpacity(alpha)
            if area:
                painter.setPen(cpen(rgb, 1.6, "dash"))
                painter.setBrush(NO_BRUSH)
            else:
                painter.setPen(cpen(rgb, 2.4))
                painter.setBrush(brush(rgb, 60))
            painter.drawPath(path)
        painter.restore()


class FocusItem(QGraphicsItem):
    """The geometry of the finding clicked in the panel: a halo, then the shape in its colour."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_FOCUS)
        self._area = QPainterPath()
        self._line = QPainterPath()
        self._ents = QPainterPath()
        self._pts: list = []
        self._rgb = SEVERITY_COLOURS["error"]
        self._bounds = QRectF()
        self.label = ""

    def set_focus(self, shapes, rings, rgb, floor_id: str | None, label: str = "") -> None:
        self.prepareGeometryChange()
        self._area, self._line, self._pts = shapes_path(shapes, floor_id)
        self._ents = QPainterPath()
        for r in rings:
            ring_path(r, self._ents)
        self._rgb = tuple(rgb)
        self.label = label
        b = self._area.boundingRect().united(self._line.boundingRect()).united(self._ents.boundingRect())
        for x, y in self._pts:
            b = b.united(QRectF(x - 1, -y - 1, 2, 2))
        self._bounds = b.adjusted(-3, -3, 3, 3) if not b.isEmpty() else QRectF()
        self.setVisible(not b.isEmpty())
        self.update()

    def clear(self) -> None:
        self.set_focus((), (), self._rgb, None)

    @property
    def empty(self) -> bool:
        return self._bounds.isEmpty()

    def plan_bounds(self) -> tuple[float, float, float, float] | None:
        b = self._bounds.adjusted(3, 3, -3, -3)
        if b.isEmpty() and not self._pts:
            return None
        return (b.left(), -b.bottom(), b.right(), -b.top())

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        halo = cpen((255, 255, 255), 7.0, "solid", 220)
        col = cpen(self._rgb, 3.0)
        for path, fill in ((self._ents, 40), (self._area, 70)):
            if not path.isEmpty():
                painter.setPen(halo)
                painter.setBrush(NO_BRUSH)
                painter.drawPath(path)
                painter.setPen(col)
                painter.setBrush(brush(self._rgb, fill))
                painter.drawPath(path)
        if not self._line.isEmpty():
            painter.setBrush(NO_BRUSH)
            painter.setPen(halo)
            painter.drawPath(self._line)
            painter.setPen(cpen(self._rgb, 3.0, "dash"))
            painter.drawPath(self._line)
        if self._pts:
            _dots(painter, self._pts, 9, cpen((255, 255, 255), 3.0), brush(self._rgb, 255))
            _dots(painter, self._pts, 3, cpen((255, 255, 255), 1.0), brush((255, 255, 255), 255))
        painter.restore()
