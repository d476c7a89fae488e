"""How each entity looks: painter paths built from the model, cached and shared.

Placed entities (windows, doors, furniture, columns, stairs, lifts) are drawn in their local frame
(x along their width, y towards their front, already flipped for the scene) and positioned by the
item's transform, so identical items share one cached :class:`Drawing`. Zones, walls and the
outline are drawn in plan coordinates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from PyQt6.QtCore import QPointF, QRectF, Qt
from PyQt6.QtGui import QBrush, QFont, QFontMetricsF, QPainterPath, QPainterPathStroker, QPen

from hallplan.model import (
    Column,
    Door,
    Floor,
    Furniture,
    FurnitureKind,
    Hinge,
    Lift,
    ServiceWindow,
    Stair,
    Wall,
    WallKind,
    Zone,
)
from hallplan.render.style import (
    DOOR_COLOUR,
    FURNITURE_COLOUR,
    LOW_COUNTER_COLOUR,
    WALL_COLOUR,
    WINDOW_COLOUR,
    ZONE_COLOURS,
)

from . import theme
from .qtutil import NO_BRUSH, NO_PEN, brush, cpen, polygon_path, ring_path

OUTLINE_WALL = 0.3  # drawn thickness of the hall's outer wall band (m)
FONT_PX = 100.0


@dataclass
class Text:
    pos: QPointF
    text: str
    height: float  # metres
    rgb: tuple = theme.TEXT
    bold: bool = False
    upright: bool = True  # keep readable when the item is rotated


@dataclass
class Drawing:
    layers: list[tuple[QPainterPath, QPen, QBrush]] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    bounds: QRectF = field(default_factory=QRectF)
    coarse: QRectF = field(default_factory=QRectF)  # the first layer's box: drawn alone when tiny

    def add(self, path: QPainterPath, pen: QPen = NO_PEN, br: QBrush = NO_BRUSH) -> None:
        self.layers.append((path, pen, br))

    def finish(self, margin: float = 0.05) -> Drawing:
        r = QRectF()
        for path, _, _ in self.layers:
            r = r.united(path.boundingRect())
        for t in self.texts:
            w = text_width(t.text, t.bold) * t.height / FONT_PX
            r = r.united(QRectF(t.pos.x() - w / 2, t.pos.y() - t.height, w, t.height * 2))
        self.bounds = r.adjusted(-margin, -margin, margin, margin)
        self.coarse = self.layers[0][0].boundingRect() if self.layers else QRectF()
        return self


_font_family = ""


def set_font_family(name: str) -> None:
    global _font_family
    _font_family = name
    text_width.cache_clear()
    label_font.cache_clear()


@lru_cache(maxsize=4)
def label_font(bold: bool = False) -> QFont:
    f = QFont(_font_family) if _font_family else QFont()
    f.setPixelSize(int(FONT_PX))
    f.setBold(bold)
    return f


@lru_cache(maxsize=8192)
def text_width(text: str, bold: bool = False) -> float:
    """Width of ``text`` in font pixels at :data:`FONT_PX` (max over lines)."""
    fm = QFontMetricsF(label_font(bold))
    return max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0.0)


# --- local-frame helpers (local y flipped to scene orientation) ------------------------------

def _rect(path: QPainterPath, x0, y0, x1, y1) -> QPainterPath:
    path.addRect(QRectF(QPointF(x0, -y1), QPointF(x1, -y0)))
    return path


def _poly(path: QPainterPath, pts, close=True) -> QPainterPath:
    return ring_path(pts, path, close)


def _circle(path: QPainterPath, cx, cy, r) -> QPainterPath:
    path.addEllipse(QPointF(cx, -cy), r, r)
    return path


def _arc_pts(cx, cy, r, a0, a1, n=12):
    return [(cx + r * math.cos(math.radians(a0 + (a1 - a0) * k / n)), cy + r * math.sin(math.radians(a0 + (a1 - a0) * k / n))) for k in range(n + 1)]


# --- placed entities -------------------------------------------------------------------------

@lru_cache(maxsize=2048)
def window_drawing(length: float, depth: float, staff_side: int, low: bool, number: str) -> Drawing:
    d = Drawing()
    col = LOW_COUNTER_COLOUR if low else WINDOW_COLOUR
    fill = tuple(int(c + (255 - c) * 0.55) for c in col)
    hl, hd = length / 2, depth / 2
    counter = _rect(QPainterPath(), -hl, -hd, hl, hd)
    d.add(counter, cpen(col, 1.2), brush(fill))
    # staff chair behind the counter, the public's one-metre line in front
    chair = QPainterPath()
    cy = staff_side * (hd + 0.35)
    _circle(chair, 0.0, cy, 0.2)
    d.add(chair, cpen(theme.TEXT_MUTED, 1.0), brush((250, 250, 250)))
    line = QPainterPath()
    fy = -staff_side * (hd + 1.0)
    line.moveTo(-hl * 0.9, -fy)
    line.lineTo(hl * 0.9, -fy)
    d.add(line, cpen(col, 1.0, "dash", 150))
    h = min(depth * 0.62, 0.42, length / max(len(number), 1) * 0.9)
    d.texts.append(Text(QPointF(0, 0), number, h, theme.TEXT, True))
    return d.finish()


@lru_cache(maxsize=512)
def door_drawing(width: float, hinge: Hinge, swing: int, gap: float, kind_rgb: tuple = DOOR_COLOUR) -> Drawing:
    d = Drawing()
    w = width
    h = w / 2
    g = gap / 2
    opening = _rect(QPainterPath(), -h, -g, h, g)
    d.add(opening, NO_PEN, brush(theme.FLOOR_FILL))
    jambs = QPainterPath()
    for x in (-h, h):
        jambs.moveTo(x, g)
        jambs.lineTo(x, -g)
    d.add(jambs, cpen(WALL_COLOUR, 1.5))
    leaf = QPainterPath()
    arc = QPainterPath()
    s = swing
    if hinge == Hinge.SLIDING:
        for k, off in ((0, -0.03), (1, 0.03)):
            x0 = -h if k == 0 else -h * 0.05
            x1 = h * 0.05 if k == 0 else h
            _rect(leaf, x0, off - 0.025, x1, off + 0.025)
        d.add(leaf, cpen(kind_rgb, 1.5), brush((255, 255, 255)))
        return d.finish()
    if hinge == Hinge.DOUBLE:
        leaves = ((-h, 1, h), (h, -1, h))
    elif hinge == Hinge.LEFT:
        leaves = ((-h, 1, w),)
    else:
        leaves = ((h, -1, w),)
    for hx, direction, r in leaves:
        tip = (hx, s * r)
        leaf.moveTo(hx, -0.0)
        leaf.lineTo(tip[0], -tip[1])
        a_closed = 0.0 if direction > 0 else 180.0
        a_open = 90.0 * s if direction > 0 else 180.0 - 90.0 * s
        pts = _arc_pts(hx, 0.0, r, a_closed, a_open)
        _poly(arc, pts, close=False)
    d.add(arc, cpen(kind_rgb, 1.0, "solid", 200))
    d.add(leaf, cpen(kind_rgb, 2.0))
    return d.finish()


@lru_cache(maxsize=256)
def column_drawing(width: float, depth: float, round_: bool) -> Drawing:
    d = Drawing()
    p = QPainterPath()
    if round_:
        p.addEllipse(QPointF(0, 0), width / 2, width / 2)
    else:
        _rect(p, -width / 2, -depth / 2, width / 2, depth / 2)
    d.add(p, cpen(WALL_COLOUR, 1.0), brush(WALL_COLOUR))
    return d.finish()


@lru_cache(maxsize=256)
def stair_drawing(width: float, depth: float, enclosed: bool) -> Drawing:
    d = Drawing()
    hw, hd = width / 2, depth / 2
    box = _rect(QPainterPath(), -hw, -hd, hw, hd)
    d.add(box, cpen(WALL_COLOUR, 1.4), brush(theme.STAIR_FILL))
    treads = QPainterPath()
    n = max(2, int(depth / 0.28))
    for k in range(1, n):
        y = -hd + depth * k / n
        treads.moveTo(-hw, -y)
        treads.lineTo(hw, -y)
    d.add(treads, cpen(theme.TEXT_MUTED, 0.8))
    arrow = QPainterPath()
    arrow.moveTo(0, hd * 0.85)
    arrow.lineTo(0, -hd * 0.85)
    arrow.moveTo(-min(hw, 0.4) * 0.6, -hd * 0.85 + 0.4)
    arrow.lineTo(0, -hd * 0.85)
    arrow.lineTo(min(hw, 0.4) * 0.6, -hd * 0.85 + 0.4)
    d.add(arrow, cpen(theme.TEXT, 1.2))
    return d.finish()


@lru_cache(maxsize=256)
def lift_drawing(width: float, depth: float, car_w: float, car_d: float, accessible: bool) -> Drawing:
    d = Drawing()
    hw, hd = width / 2, depth / 2
    box = _rect(QPainterPath(), -hw, -hd, hw, hd)
    d.add(box, cpen(WALL_COLOUR, 1.4), brush(theme.LIFT_FILL))
    car = QPainterPath()
    cw, cd = min(car_w, width - 0.1) / 2, min(car_d, depth - 0.1) / 2
    _rect(car, -cw, -cd, cw, cd)
    car.moveTo(-cw, cd)
    car.lineTo(cw, -cd)
    car.moveTo(-cw, -cd)
    car.lineTo(cw, cd)
    d.add(car, cpen(theme.TEXT_MUTED, 1.0))
    if accessible:
        d.texts.append(Text(QPointF(0, hd * 0.6), "♿", min(width, depth) * 0.22, (0, 90, 170), True))
    return d.finish()


@lru_cache(maxsize=4096)
def furniture_drawing(kind: FurnitureKind, width: float, depth: float, seats: int, fov: float, rng: float,
                      wedge: bool = False) -> Drawing:
    d = Drawing()
    hw, hd = width / 2, depth / 2
    ink = cpen(FURNITURE_COLOUR, 1.0)
    light = brush((246, 240, 230))
    K = FurnitureKind
    if kind == K.SEAT_ROW:
        n = max(seats, 1)
        body = QPainterPath()
        seat_w = width / n
        for k in range(n):
            x0 = -hw + k * seat_w
            body.addRoundedRect(QRectF(x0 + 0.03, -hd * 0.6, seat_w - 0.06, hd * 1.6 - 0.04), 0.06, 0.06)
        d.add(body, ink, light)
        back = _rect(QPainterPath(), -hw, -hd, hw, -hd + 0.12)
        d.add(back, ink, brush((205, 190, 170)))
    elif kind == K.CCTV_CAMERA:
        if wedge and fov > 0 and rng > 0:
            wp = QPainterPath()
            pts = [(0.0, 0.0)] + _arc_pts(0.0, 0.0, rng, 90 - fov / 2, 90 + fov / 2, 16)
            _poly(wp, pts)
            d.add(wp, cpen(theme.SELECTION, 0.8, "dash", 90), brush(theme.CAMERA_FOV[:3], theme.CAMERA_FOV[3]))
        body = QPainterPath()
        body.addEllipse(QPointF(0, 0), max(hw, 0.1), max(hd, 0.1))
        body.moveTo(0, 0)
        body.lineTo(0, -max(hd, 0.1) * 1.6)
        d.add(body, cpen((20, 60, 140), 1.4), brush((200, 220, 255)))
    elif kind == K.FIRE_EXTINGUISHER:
        p = QPainterPath()
        p.addEllipse(QPointF(0, 0), hw, hd)
        d.add(p, cpen((140, 0, 0), 1.0), brush(theme.EXTINGUISHER))
    elif kind == K.DISPLAY_SCREEN:
        p = _rect(QPainterPath(), -hw, -hd, hw, hd)
        d.add(p, cpen((20, 20, 20), 1.0), brush((40, 44, 52)))
        v = QPainterPath()
        v.moveTo(-hw * 0.5, -hd)
        v.lineTo(0, -hd - min(width * 0.25, 0.6))
        v.lineTo(hw * 0.5, -hd)
        d.add(v, cpen((90, 90, 90), 0.8, "dot"))
    elif kind == K.WATER_DISPENSER:
        p = _rect(QPainterPath(), -hw, -hd, hw, hd)
        d.add(p, ink, light)
        c = QPainterPath()
        c.addEllipse(QPointF(0, 0), hw * 0.6, hd * 0.6)
        d.add(c, cpen((40, 120, 200), 1.0), brush((180, 215, 245)))
    elif kind == K.PLANT:
        p = QPainterPath()
        p.addEllipse(QPointF(0, 0), hw, hd)
        d.add(p, cpen((40, 110, 40), 1.0), brush((150, 205, 140)))
        leaves = QPainterPath()
        for a in range(0, 360, 60):
            leaves.moveTo(0, 0)
            leaves.lineTo(hw * 0.8 * math.cos(math.radians(a)), hd * 0.8 * math.sin(math.radians(a)))
        d.add(leaves, cpen((40, 110, 40), 0.8))
    elif kind in (K.QUEUE_MACHINE, K.SELF_SERVICE_TERMINAL, K.EVALUATOR, K.CHARGING_STATION):
        p = _rect(QPainterPath(), -hw, -hd, hw, hd)
        d.add(p, cpen((50, 70, 100), 1.0), brush((225, 232, 242)))
        screen = _rect(QPainterPath(), -hw * 0.7, hd * 0.1, hw * 0.7, hd * 0.75)
        d.add(screen, NO_PEN, brush((60, 90, 140)))
        if kind == K.CHARGING_STATION:
            bolt = QPainterPath()
            _poly(bolt, [(0.05 * width, -hd * 0.8), (-0.12 * width, -hd * 0.1), (0.02 * width, -hd * 0.1), (-0.05 * width, hd * 0.05)], close=False)
            d.add(bolt, cpen((240, 180, 0), 1.2))
    elif kind == K.LAYOUT_MAP:
        p = _rect(QPainterPath(), -hw, -hd, hw, hd)
        d.add(p, cpen((60, 60, 60), 1.0), brush((250, 230, 150)))
    elif kind == K.WORKSTATION:
        p = _rect(QPainterPath(), -hw, -hd, hw, hd)
        d.add(p, ink, light)
        ch = QPainterPath()
        ch.addEllipse(QPointF(0, hd + 0.3), 0.22, 0.22)
        d.add(ch, cpen(theme.TEXT_MUTED, 1.0), brush((250, 250, 250)))
        mon = _rect(QPainterPath(), -0.25, -hd + 0.05, 0.25, -hd + 0.12)
        d.add(mon, NO_PEN, brush((60, 60, 60)))
    elif kind == K.GUIDE_DESK:
        p = QPainterPath()
        p.addRoundedRect(QRectF(-hw, -hd, width, depth), min(hd, 0.3), min(hd, 0.3))
        d.add(p, cpen((150, 100, 20), 1.2), brush((255, 224, 160)))
        ch = QPainterPath()
        ch.addEllipse(QPointF(0, hd + 0.3), 0.22, 0.22)
        d.add(ch, cpen(theme.TEXT_MUTED, 1.0), brush((250, 250, 250)))
    elif kind == K.CABINET:
        p = _rect(QPainterPath(), -hw, -hd, hw, hd)
        p.moveTo(-hw, hd)
        p.lineTo(hw, -hd)
        d.add(p, ink, light)
    elif kind == K.SUGGESTION_BOX:
        p = _rect(QPainterPath(), -hw, -hd, hw, hd)
        slot = _rect(QPainterPath(), -hw * 0.6, -0.02, hw * 0.6, 0.02)
        d.add(p, ink, brush((220, 235, 220)))
        d.add(slot, NO_PEN, brush((60, 60, 60)))
    else:  # table, form desk, anything else
        p = _rect(QPainterPath(), -hw, -hd, hw, hd)
        d.add(p, ink, light)
        if kind == K.FORM_DESK:
            ln = QPainterPath()
            ln.moveTo(-hw, 0)
            ln.lineTo(hw, 0)
            d.add(ln, cpen(FURNITURE_COLOUR, 0.8, "dot"))
    return d.finish()


def placed_drawing(e, floor: Floor | None = None) -> Drawing:
    if isinstance(e, ServiceWindow):
        return window_drawing(e.length, e.depth, e.staff_side, e.low_counter, e.number)
    if isinstance(e, Door):
        gap = OUTLINE_WALL
        if e.host and floor is not None:
            w = floor.walls.get(e.host)
            if w is not None:
                gap = w.thickness
        return door_drawing(e.width, e.hinge, e.swing_side, round(gap + 0.04, 3))
    if isinstance(e, Furniture):
        return furniture_drawing(e.kind, e.width, e.depth, e.seats, e.fov, e.range)
    if isinstance(e, Column):
        return column_drawing(e.width, e.depth, e.round)
    if isinstance(e, Stair):
        return stair_drawing(e.width, e.depth, e.enclosed)
    if isinstance(e, Lift):
        return lift_drawing(e.width, e.depth, e.car_width, e.car_depth, e.accessible)
    raise TypeError(type(e).__name__)


# --- world-frame entities ---------------------------------------------------------------------

def zone_drawing(z: Zone) -> Drawing:
    d = Drawing()
    path = polygon_path(z.polygon)
    rgb = ZONE_COLOURS.get(z.kind, (200, 200, 200))
    edge = tuple(int(c * 0.62) for c in rgb)
    d.add(path, cpen(edge, 1.0), brush(rgb, 120))
    if z.kind.is_staff_only:
        d.add(path, NO_PEN, brush(edge, 70, "bdiag"))
    return d.finish(0.0)


def wall_path(points, thickness: float, closed: bool = False) -> QPainterPath:
    centre = ring_path(points, close=closed)
    st = QPainterPathStroker()
    st.setWidth(thickness)
    st.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    st.setCapStyle(Qt.PenCapStyle.FlatCap if not closed else Qt.PenCapStyle.SquareCap)
    return st.createStroke(centre).simplified()


def wall_drawing(w: Wall) -> Drawing:
    d = Drawing()
    closed = len(w.points) > 3 and w.points[0] == w.points[-1]
    path = wall_path(w.points[:-1] if closed else w.points, w.thickness, closed)
    if w.kind == WallKind.GLASS:
        d.add(path, cpen((70, 130, 180), 1.0), brush((190, 220, 240)))
    elif w.kind == WallKind.LOW:
        d.add(path, cpen(WALL_COLOUR, 1.0), brush(WALL_COLOUR, 160, "bdiag"))
    elif w.kind == WallKind.EXTERIOR:
        d.add(path, cpen(WALL_COLOUR, 1.0), brush((40, 40, 40)))
    else:
        d.add(path, cpen(WALL_COLOUR, 1.0), brush((95, 95, 95)))
    return d.finish(0.0)


def outline_fill(floor: Floor) -> Drawing:
    d = Drawing()
    path = polygon_path(floor.outline)
    d.add(path, NO_PEN, brush(theme.FLOOR_FILL))
    return d.finish(0.0)


def outline_band(floor: Floor) -> Drawing:
    d = Drawing()
    path = QPainterPath()
    for ring in (floor.outline.exterior, *floor.outline.holes):
        if len(ring) >= 3:
            path = path.united(wall_path(ring, OUTLINE_WALL, closed=True)) if not path.isEmpty() else wall_path(ring, OUTLINE_WALL, True)
    d.add(path, cpen(WALL_COLOUR, 1.0), brush((45, 45, 48)))
    return d.finish(0.0)


def ghost_floor(floor: Floor) -> Drawing:
    d = Drawing()
    path = QPainterPath()
    ring_path(floor.outline.exterior, path)
    for w in floor.walls.values():
        ring_path(w.points, path, close=False)
    for z in floor.zones.values():
        ring_path(z.polygon.exterior, path)
    for c in list(floor.columns.values()) + list(floor.stairs.values()) + list(floor.lifts.values()):
        ring_path(c.footprint(), path)
    d.add(path, cpen(theme.GHOST_FLOOR, 1.0, "dash", 150))
    return d.finish(0.0)


def zone_label_text(z: Zone, name: str) -> tuple[str, str]:
    area = z.area
    return name, (f"{area:.1f} m²" if area < 100 else f"{area:,.0f} m²")


def camera_view(f: Furniture, floor: Floor | None) -> Drawing:
    """A camera's field of view in plan coordinates, cut to the floor outline."""
    d = Drawing()
    if f.fov <= 0 or f.range <= 0:
        return d
    from hallplan.model.geom import local_to_world

    pts = [(f.x, f.y)] + [local_to_world(f.x, f.y, f.rotation, lx, ly)
                          for lx, ly in _arc_pts(0.0, 0.0, f.range, 90 - f.fov / 2, 90 + f.fov / 2, 24)]
    rings = [pts]
    if floor is not None and len(floor.outline.exterior) >= 3:
        try:
            import shapely

            g = shapely.Polygon(pts).intersection(shapely.Polygon(floor.outline.exterior, [list(h) for h in floor.outline.holes]))
            rings = [list(p.exterior.coords) for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and not p.is_empty]
        except Exception:  # noqa: BLE001 - fall back to the uncut wedge
            pass
    path = QPainterPath()
    for r in rings:
        ring_path(r, path)
    d.add(path, cpen(theme.SELECTION, 0.8, "dash", 90), brush(theme.CAMERA_FOV[:3], theme.CAMERA_FOV[3]))
    return d.finish(0.0)
