"""Scene items. They hold what they draw (a cached :class:`Drawing`) and the model id they stand
for, never model objects: the scene rebuilds their drawing from the plan on each change."""

from __future__ import annotations

import math

from PyQt6.QtCore import QPointF, QRectF, Qt
from PyQt6.QtGui import QColor, QPainter, QPainterPath, QPen, QPicture
from PyQt6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from . import theme
from .drawing import FONT_PX, Drawing, Text, label_font, placed_drawing, text_width
from .qtutil import NO_BRUSH, brush, colour, cpen, ring_path

MIN_TEXT_PX = 4.5
COARSE_PX = 16.0  # items smaller than this on screen are drawn as their footprint box


def draw_texts(painter: QPainter, texts: list[Text], lod: float, flip: bool = False) -> None:
    for t in texts:
        if t.height * lod < MIN_TEXT_PX:
            continue
        painter.save()
        painter.translate(t.pos)
        if flip and t.upright:
            painter.rotate(180)
        k = t.height / FONT_PX
        painter.scale(k, k)
        painter.setFont(label_font(t.bold))
        painter.setPen(colour(t.rgb))
        lines = t.text.split("\n")
        n = len(lines)
        for i, line in enumerate(lines):
            w = text_width(line, t.bold)
            y = (i - (n - 1) / 2) * FONT_PX * 1.15 + FONT_PX * 0.36
            painter.drawText(QPointF(-w / 2, y), line)
        painter.restore()


def upside_down(rotation: float) -> bool:
    """Whether upright texts of a drawing turned by ``rotation`` degrees are flipped to stay readable."""
    return 90.0 < rotation % 360.0 <= 270.0


def draw_drawing(painter: QPainter, d: Drawing, lod: float, flip: bool = False) -> None:
    """Paint a :class:`Drawing` in the painter's current frame: its layers, then its texts."""
    for path, pen, br in d.layers:
        painter.setPen(pen)
        painter.setBrush(br)
        painter.drawPath(path)
    draw_texts(painter, d.texts, lod, flip)


def draw_placed(painter: QPainter, d: Drawing, x: float, y: float, rotation: float, lod: float) -> None:
    """Paint a :class:`Drawing` of an entity at plan position (x, y) turned by ``rotation``."""
    painter.save()
    painter.translate(x, -y)
    painter.rotate(-rotation)
    draw_drawing(painter, d, lod, upside_down(rotation))
    painter.restore()


class DrawingItem(QGraphicsItem):
    """Draws a :class:`Drawing`; ``eid`` names the model entity (lookup key only)."""

    def __init__(self, eid: str, kind) -> None:
        super().__init__()
        self.eid = eid
        self.kind = kind
        self._d = Drawing()
        self._flip = False
        self.batched = False  # drawn by the scene's StaticLayer for its kind (and hidden itself)
        # zones, walls, the outline and overlays are always drawn in full
        self.coarse_ok = getattr(kind, "value", "") in ("furniture", "column", "window", "door", "stair", "lift")
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, False)

    def set_drawing(self, d: Drawing, pos: tuple[float, float] | None = None, rotation: float = 0.0) -> None:
        if d is not self._d:
            self.prepareGeometryChange()
            self._d = d
        if pos is not None:
            self.setPos(pos[0], -pos[1])
            self.setRotation(-rotation)
            self._flip = upside_down(rotation)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._d.bounds

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addRect(self._d.bounds)
        return p

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        d = self._d
        if not d.layers and not d.texts:
            return
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        b = d.bounds
        if self.coarse_ok and d.layers and max(b.width(), b.height()) * lod < COARSE_PX:
            # level of detail: a small item (furniture on a zoomed-out 20,000 m² hall) is drawn as
            # its footprint box, one cheap rectangle instead of several curved paths and texts
            _, pen, br = d.layers[0]
            painter.setPen(pen)
            painter.setBrush(br)
            painter.drawRect(d.coarse)
            return
        draw_drawing(painter, d, lod, self._flip)


class _Group(QGraphicsItem):
    """An invisible parent: hiding it hides its squares."""

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pass


class _Chunk(QGraphicsItem):
    """The members of one square (in one size class) as a child item, so Qt culls squares against
    the exposed region itself. ``small`` is the smallest member's size (m): the square switches
    to full detail when even that one is big enough on screen."""

    def __init__(self, parent, ids, full, coarse, bounds, small) -> None:
        super().__init__(parent)
        self.ids, self.full, self.coarse, self.bounds, self.small = ids, full, coarse, bounds, small

    def boundingRect(self) -> QRectF:
        return self.bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.drawPicture(0, 0, self.coarse if self.small * lod < COARSE_PX else self.full)


SIZE_CLASSES = (2.0,)  # metres: small and large members are recorded apart (detail switches per class)


def _size(it: DrawingItem) -> float:
    b = it._d.bounds
    return max(b.width(), b.height())


class StaticLayer(QGraphicsItem):
    """Many items of one kind drawn as one, in two levels of :class:`QPicture` squares replayed by
    Qt without a Python call per item:

    * detail (zoomed in): squares of 8 m per size class, each with a full and a footprint picture
      (small squares: a pan or a drag replays only what it exposes);
    * overview (zoomed out): squares of 48 m of footprint boxes only (every item is a box at that
      scale, and a few big squares replay faster than hundreds of small ones).

    Only squares whose members changed are recorded again. The scene keeps member items hidden
    while they are batched and takes an item out (showing it again) as soon as it is selected or
    changed, so a drag never re-records."""

    # (square size in m, footprints only, shown from this many px per metre up to the next level's)
    # measured on the 20,000 m² hall; a middle level of 24 m squares measured no faster for zooming
    LEVELS = ((48.0, True, 0.0), (8.0, False, 6.0))

    def __init__(self, kind) -> None:
        super().__init__()
        self.kind = kind
        self.members: dict[str, DrawingItem] = {}
        self._chunks: dict[tuple, _Chunk] = {}
        self._groups = [_Group(self) for _ in self.LEVELS]
        self._level = -1
        self.set_view_scale(40.0)
        self.records = 0  # squares recorded (tests and benches)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

    def set_view_scale(self, px_per_m: float) -> None:
        level = max(i for i, (_c, _f, lo) in enumerate(self.LEVELS) if px_per_m >= lo or i == 0)
        if level != self._level:
            self._level = level
            for i, g in enumerate(self._groups):
                g.setVisible(i == level)

    def record(self, items: list[DrawingItem]) -> None:
        cells: dict[tuple, list[DrawingItem]] = {}
        for it in items:
            p = it.pos()
            size = _size(it)
            cls = sum(1 for c in SIZE_CLASSES if size >= c)
            for lv, (cell, boxes, _lo) in enumerate(self.LEVELS):
                key = (lv, math.floor(p.x() / cell), math.floor(p.y() / cell), 0 if boxes else cls)
                cells.setdefault(key, []).append(it)
        self.members = {it.eid: it for it in items}
        for key in [k for k in self._chunks if k not in cells]:
            self._drop(self._chunks.pop(key))
        for key, its in cells.items():
            ids = frozenset(it.eid for it in its)
            old = self._chunks.get(key)
            if old is None or old.ids != ids:
                if old is not None:
                    self._drop(old)
                self._chunks[key] = self._record_chunk(ids, its, key[0])

    def _drop(self, c: _Chunk) -> None:
        sc = c.scene()
        if sc is not None:
            sc.removeItem(c)
        else:
            c.setParentItem(None)

    def _record_chunk(self, ids, items: list[DrawingItem], level: int) -> _Chunk:
        overview = self.LEVELS[level][1]
        self.records += 1
        full, coarse = QPicture(), QPicture()
        r = QRectF()
        pf, pc = QPainter(full), QPainter(coarse)
        # pens and brushes are shared (cached) objects: record a change only when it is one
        state = {id(pf): [None, None], id(pc): [None, None]}

        def use(p: QPainter, pen, br) -> None:
            st = state[id(p)]
            if st[0] is not pen:
                p.setPen(pen)
                st[0] = pen
            if st[1] is not br:
                p.setBrush(br)
                st[1] = br

        for it in items:
            d = it._d
            if not d.layers:
                continue
            t = it.sceneTransform()
            if not overview:
                pf.setTransform(t)
                for path, pen, br in d.layers:
                    use(pf, pen, br)
                    pf.drawPath(path)
                if d.texts:
                    draw_texts(pf, d.texts, 1e6, it._flip)
                    state[id(pf)] = [None, None]  # draw_texts sets its own pen
            pc.setTransform(t)
            _, pen, br = d.layers[0]
            use(pc, pen, br)
            pc.drawRect(d.coarse)
            r = r.united(t.mapRect(d.bounds))
        pf.end()
        pc.end()
        if overview:
            return _Chunk(self._groups[level], ids, coarse, coarse, r, 0.0)
        return _Chunk(self._groups[level], ids, full, coarse, r, min((_size(it) for it in items), default=1.0))

    def clear(self) -> None:
        self.members = {}
        for c in self._chunks.values():
            self._drop(c)
        self._chunks = {}

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pass  # the squares (child items) draw


class ZoneLabelItem(QGraphicsItem):
    """Name and area of a zone, above furniture, fading out when too small to read."""

    def __init__(self, eid: str) -> None:
        super().__init__()
        self.eid = eid
        self._texts: list[Text] = []
        self._bounds = QRectF()

    def set_label(self, pos: tuple[float, float], name: str, area: str, height: float) -> None:
        self.prepareGeometryChange()
        p = QPointF(pos[0], -pos[1])
        self._texts = [
            Text(QPointF(p.x(), p.y() - height * 0.55), name, height, theme.TEXT, True),
            Text(QPointF(p.x(), p.y() + height * 0.6), area, height * 0.8, theme.TEXT_MUTED, False),
        ]
        w = max(text_width(name, True) * height, text_width(area) * height * 0.8) / FONT_PX
        self._bounds = QRectF(p.x() - w / 2 - 0.1, p.y() - height * 1.6, w + 0.2, height * 3.0)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        draw_texts(painter, self._texts, lod)


class PreviewItem(QGraphicsItem):
    """The active tool's preview: rubber lines, ghosts, handles, dimension labels."""

    ROLE_PENS = {
        "rubber": (theme.RUBBER, 1.5, "solid"),
        "band": (theme.SELECTION, 1.0, "solid"),
        "crossing": (theme.SELECTION, 1.0, "dash"),
        "guide": (theme.GUIDE, 1.0, "dash"),
        "error": (theme.ERROR, 2.0, "solid"),
        "fill": (theme.RUBBER, 1.5, "solid"),
    }

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(1000)
        self._pv = None
        self._bounds = QRectF()
        self._px = 0.05  # metres per pixel, for pixel-sized decorations
        self._floor = None

    def set_scale(self, px_per_m: float) -> None:
        self.prepareGeometryChange()
        self._px = 1.0 / max(px_per_m, 1e-6)
        self._recompute()

    def set_preview(self, pv, floor=None) -> None:
        self.prepareGeometryChange()
        self._pv = pv
        self._floor = floor
        self._ghosts = []
        if pv is not None:
            for g in pv.ghosts:
                try:
                    self._ghosts.append((g, placed_drawing(g, floor)))
                except TypeError:
                    pass
        self._recompute()
        self.update()

    def _recompute(self) -> None:
        pv = self._pv
        r = QRectF()
        if pv is not None:
            # tight bounds: the repaint of a drag is this rectangle (a generous margin made every
            # frame repaint a third of the view)
            px = self._px
            pts = []
            for s in pv.shapes:
                pts.extend(s.points)
            pts.extend(pv.handles)
            for g, d in getattr(self, "_ghosts", []):
                rad = math.hypot(d.bounds.width(), d.bounds.height())
                pts.extend([(g.x - rad, g.y - rad), (g.x + rad, g.y + rad)])
            if pts:
                xs = [p[0] for p in pts]
                ys = [-p[1] for p in pts]
                m = px * 8  # handles and pen widths
                r = QRectF(QPointF(min(xs) - m, min(ys) - m), QPointF(max(xs) + m, max(ys) + m))
            for lb in pv.labels:
                # a label box is drawn at a constant screen size around (or beside) its point
                n = len(lb.text)
                x0, x1 = lb.pos[0] - (n * 6 + 12) * px, lb.pos[0] + (n * 12 + 30) * px
                y0, y1 = -lb.pos[1] - 14 * px, -lb.pos[1] + 40 * px
                r = r.united(QRectF(QPointF(x0, y0), QPointF(x1, y1)))
        self._bounds = r

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pv = self._pv
        if pv is None:
            return
        from hallplan.render.style import ZONE_COLOURS

        for s in pv.shapes:
            rgb, w, style = self.ROLE_PENS.get(s.role, self.ROLE_PENS["rubber"])
            path = ring_path(s.points, close=s.closed)
            painter.setPen(cpen(rgb, w, style))
            if s.role == "fill" and s.closed:
                fill = ZONE_COLOURS.get(s.zone, theme.RUBBER) if s.zone is not None else theme.RUBBER
                painter.setBrush(brush(fill, 110))
            elif s.role in ("band", "crossing") and s.closed:
                painter.setBrush(brush(theme.SELECTION, 30 if s.role == "band" else 18))
            else:
                painter.setBrush(NO_BRUSH)
            painter.drawPath(path)
        if self._ghosts:
            painter.save()
            painter.setOpacity(theme.GHOST_OPACITY)
            lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
            for g, d in self._ghosts:
                draw_placed(painter, d, g.x, g.y, g.rotation, lod)
            painter.restore()
        # pixel-sized decorations
        t = painter.worldTransform()
        painter.save()
        painter.resetTransform()
        if pv.handles:
            painter.setPen(cpen(theme.SELECTION, 1.2))
            painter.setBrush(brush(theme.HANDLE_FILL))
            for h in pv.handles:
                q = t.map(QPointF(h[0], -h[1]))
                painter.drawRect(QRectF(q.x() - 4, q.y() - 4, 8, 8))
        if pv.labels:
            f = painter.font()
            f.setPixelSize(12)
            painter.setFont(f)
            fm = painter.fontMetrics()
            for lb in pv.labels:
                q = t.map(QPointF(lb.pos[0], -lb.pos[1]))
                w = fm.horizontalAdvance(lb.text) + 10
                h = fm.height() + 4
                if lb.role == "dim" and lb is pv.labels[-1] and len(pv.labels) == 1 and pv.shapes == [] and not pv.ghosts:
                    box = QRectF(q.x() + 14, q.y() + 14, w, h)
                else:
                    box = QRectF(q.x() - w / 2, q.y() - h / 2, w, h)
                painter.setPen(cpen(theme.GUIDE, 1.0))
                painter.setBrush(brush(theme.DIM_BG[:3], theme.DIM_BG[3]))
                painter.drawRoundedRect(box, 3, 3)
                painter.setPen(QPen(colour(theme.SELECTION if lb.role == "area" else theme.DIM_TEXT)))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, lb.text)
        painter.restore()


class SelectionItem(QGraphicsItem):
    """Outlines of the selected entities."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(900)
        self._path = QPainterPath()
        self._bounds = QRectF()

    def set_rings(self, rings) -> None:
        self.prepareGeometryChange()
        p = QPainterPath()
        for r in rings:
            if len(r) >= 2:
                ring_path(r, p, close=len(r) > 2)
        self._path = p
        self._bounds = p.boundingRect().adjusted(-0.5, -0.5, 0.5, 0.5)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._path.isEmpty():
            return
        painter.setPen(cpen(theme.SELECTION, 2.0))
        painter.setBrush(brush(theme.SELECTION_FILL[:3], theme.SELECTION_FILL[3]))
        painter.drawPath(self._path)


class SnapMarkerItem(QGraphicsItem):
    """The snap marker: square endpoint, triangle midpoint, ⊥ perpendicular, ⨯ edge, + grid."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(1100)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.kind = "none"
        self.ortho = False
        self.setVisible(False)

    def show_at(self, p, kind: str, ortho: bool) -> None:
        if kind != self.kind or ortho != self.ortho:
            self.kind = kind
            self.ortho = ortho
            self.update()
        self.setPos(p[0], -p[1])
        if not self.isVisible():
            self.setVisible(True)

    def boundingRect(self) -> QRectF:
        return QRectF(-10, -10, 20, 20)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(QColor(*theme.SNAP), 2.0)
        painter.setPen(pen)
        painter.setBrush(NO_BRUSH)
        k = self.kind
        if k == "endpoint":
            painter.drawRect(QRectF(-6, -6, 12, 12))
        elif k == "midpoint":
            painter.drawPolygon([QPointF(0, -7), QPointF(7, 6), QPointF(-7, 6)])
        elif k == "perpendicular":
            painter.drawLine(QPointF(-7, 6), QPointF(7, 6))
            painter.drawLine(QPointF(-7, 6), QPointF(-7, -7))
            painter.drawPolyline([QPointF(-7, 0), QPointF(-1, 0), QPointF(-1, 6)])
        elif k == "edge":
            painter.drawLine(QPointF(-6, -6), QPointF(6, 6))
            painter.drawLine(QPointF(-6, 6), QPointF(6, -6))
            painter.drawRect(QRectF(-6, -6, 12, 12))
        else:
            pen.setWidthF(1.2)
            painter.setPen(pen)
            painter.drawLine(QPointF(-6, 0), QPointF(6, 0))
            painter.drawLine(QPointF(0, -6), QPointF(0, 6))
        if self.ortho:
            painter.drawLine(QPointF(8, -8), QPointF(8, -2))
            painter.drawLine(QPointF(8, -2), QPointF(2, -2))
