"""Drawing tools: hall outline (rectangle / polygon), walls and partitions (polyline / rectangle),
zones (rectangle / polygon, kind from the palette). Points are snapped; Shift constrains to
horizontal/vertical; coordinates and lengths can be typed (see :mod:`.coords`).
"""

from __future__ import annotations

from dataclasses import replace

from hallplan.i18n import tr
from hallplan.model import AddFloor, Floor, Polygon, SetFloorProperties, Wall, Zone, edits
from hallplan.model.geom import ring_area

from .base import PLabel, Preview, PShape, Tool, ToolEvent
from .coords import CoordError, parse_point
from .editor import register
from .geom2d import (
    Point,
    angle_deg,
    dist,
    fmt_area,
    fmt_len,
    norm_deg,
    ring_self_intersects,
)

CLOSE_PX = 10.0
DRAG_PX = 6.0


def _mid(a: Point, b: Point) -> Point:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _seg_label(a: Point, b: Point) -> PLabel:
    return PLabel(_mid(a, b), f"{fmt_len(dist(a, b))}  {norm_deg(angle_deg(a, b)):.0f}°")


class PointsTool(Tool):
    """Collects points one click at a time; Enter / double-click / right-click finishes, C closes,
    Backspace removes the last point, Escape cancels."""

    draws = True
    polygon = False  # the result is a closed ring
    needs_floor = True

    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.points: list[Point] = []

    @property
    def busy(self) -> bool:
        return bool(self.points)

    def cancel(self) -> None:
        self.points = []
        self.snap_result = None

    def escape(self) -> None:
        """As in CAD: Escape ends a polyline keeping the segments drawn so far; an unfinished
        polygon is dropped."""
        if not self.polygon and len(self.points) >= 2:
            self.finish()
        else:
            self.cancel()

    @property
    def last(self) -> Point | None:
        return self.points[-1] if self.points else None

    def press(self, ev: ToolEvent) -> None:
        if ev.button == "right":
            self.finish()
            return
        if ev.button != "left":
            return
        if self.needs_floor and self.ed.require_floor() is None:
            return
        p = self.snapped(ev, ref=self.last)
        self.add_point(p)

    def add_point(self, p: Point) -> None:
        if self.points and self.polygon and len(self.points) >= 3 and dist(p, self.points[0]) <= self.ed.tolerance(CLOSE_PX):
            self.finish(close=True)
            return
        if self.points and dist(p, self.points[-1]) < 1e-9:
            self.finish()
            return
        self.points.append(p)

    def move(self, ev: ToolEvent) -> None:
        self.cursor = self.snapped(ev, ref=self.last)

    def double_click(self, ev: ToolEvent) -> None:
        self.finish()

    def wants_key(self, key: str) -> bool:
        return key in ("Return", "Enter", "Backspace", "Escape") or (key == "C" and len(self.points) >= 2)

    def key(self, key: str, shift: bool = False, ctrl: bool = False) -> bool:
        if key in ("Return", "Enter"):
            self.finish()
            return True
        if key == "Backspace" and self.points:
            self.points.pop()
            return True
        if key == "C" and len(self.points) >= 2:
            self.finish(close=True)
            return True
        return False

    def typed(self, text: str) -> bool:
        try:
            p = parse_point(text, self.last, self.cursor)
        except CoordError:
            return False
        if self.needs_floor and self.ed.require_floor() is None:
            return False
        self.add_point(p)
        return True

    def finish(self, close: bool = False) -> None:
        pts = list(self.points)
        self.points = []
        self.snap_result = None
        if self.polygon:
            if len(pts) >= 2 and dist(pts[0], pts[-1]) < 1e-9:
                pts.pop()
            if len(pts) < 3:
                return
            if ring_self_intersects(pts):
                self.ed.message.emit("msg.invalid_polygon", {})
                return
        else:
            if close and len(pts) >= 3:
                pts.append(pts[0])
            if len(pts) < 2:
                return
        self.commit(tuple(pts))

    def commit(self, pts: tuple[Point, ...]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def preview(self) -> Preview:
        pv = Preview(snap=self.snap_result)
        pts = list(self.points)
        if self.cursor is not None:
            pts_c = pts + [self.cursor]
        else:
            pts_c = pts
        if len(pts_c) >= 2:
            pv.shapes.append(PShape(tuple(pts_c), False, "rubber", self.zone_kind()))
            pv.labels.append(_seg_label(pts_c[-2], pts_c[-1]))
        if self.polygon and len(pts_c) >= 3:
            pv.shapes.append(PShape((pts_c[-1], pts_c[0]), False, "guide"))
            pv.shapes.append(PShape(tuple(pts_c), True, "fill", self.zone_kind()))
            c = (sum(p[0] for p in pts_c) / len(pts_c), sum(p[1] for p in pts_c) / len(pts_c))
            pv.labels.append(PLabel(c, fmt_area(ring_area(pts_c)), "area"))
        return pv

    def zone_kind(self):
        return None


class RectTool(Tool):
    """Two corners: click–click or press–drag–release; typed ``x,y`` then ``@w,h``."""

    draws = True
    needs_floor = True

    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.a: Point | None = None
        self.pressed_at: Point | None = None

    @property
    def busy(self) -> bool:
        return self.a is not None

    def cancel(self) -> None:
        self.a = None
        self.pressed_at = None
        self.snap_result = None

    def press(self, ev: ToolEvent) -> None:
        if ev.button != "left":
            if ev.button == "right":
                self.cancel()
            return
        if self.needs_floor and self.ed.require_floor() is None:
            return
        p = self.snapped(ev)
        if self.a is None:
            self.a = p
            self.pressed_at = ev.pos
        else:
            self._finish(p)

    def move(self, ev: ToolEvent) -> None:
        self.cursor = self.snapped(ev)

    def release(self, ev: ToolEvent) -> None:
        if self.a is not None and self.pressed_at is not None:
            if dist(ev.pos, self.pressed_at) > self.ed.tolerance(DRAG_PX):
                self._finish(self.snapped(ev))
            self.pressed_at = None

    def typed(self, text: str) -> bool:
        try:
            p = parse_point(text, self.a, self.cursor)
        except CoordError:
            return False
        if self.needs_floor and self.ed.require_floor() is None:
            return False
        if self.a is None:
            self.a = p
        else:
            self._finish(p)
        return True

    def wants_key(self, key: str) -> bool:
        return key == "Escape"

    def _finish(self, b: Point) -> None:
        a = self.a
        self.a = None
        self.pressed_at = None
        self.snap_result = None
        if a is None or abs(a[0] - b[0]) < 1e-6 or abs(a[1] - b[1]) < 1e-6:
            return
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        self.commit(((x0, y0), (x1, y0), (x1, y1), (x0, y1)))

    def commit(self, ring: tuple[Point, ...]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def zone_kind(self):
        return None

    def preview(self) -> Preview:
        pv = Preview(snap=self.snap_result)
        if self.a is not None and self.cursor is not None:
            a, b = self.a, self.cursor
            ring = (a, (b[0], a[1]), b, (a[0], b[1]))
            pv.shapes.append(PShape(ring, True, "fill" if self.zone_kind() else "rubber", self.zone_kind()))
            w, h = abs(b[0] - a[0]), abs(b[1] - a[1])
            pv.labels.append(PLabel(((a[0] + b[0]) / 2, min(a[1], b[1])), fmt_len(w)))
            pv.labels.append(PLabel((max(a[0], b[0]), (a[1] + b[1]) / 2), fmt_len(h)))
            pv.labels.append(PLabel(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), fmt_area(w * h), "area"))
        return pv


# --- outline -----------------------------------------------------------------------------------

def commit_outline(ed, ring: tuple[Point, ...]) -> None:
    poly = Polygon(tuple(ring))
    f = ed.floor
    if f is None:
        plan = ed.plan
        fid = plan.new_id("floor")
        cmd = AddFloor(Floor(fid, 1, poly, tr("floor.default_name", n=1)))
        ed.push(replace(cmd, label="cmd.draw_outline"))
    else:
        cmd = SetFloorProperties.of(ed.plan, f.id, outline=Polygon(poly.exterior, ()))
        ed.push(replace(cmd, label="cmd.draw_outline"))


@register
class OutlineRectTool(RectTool):
    name = "outline_rect"
    needs_floor = False

    def commit(self, ring):
        commit_outline(self.ed, ring)


@register
class OutlinePolyTool(PointsTool):
    name = "outline_poly"
    polygon = True
    needs_floor = False

    def commit(self, pts):
        commit_outline(self.ed, pts)


# --- walls -------------------------------------------------------------------------------------

def commit_wall(ed, pts: tuple[Point, ...]) -> None:
    f = ed.require_floor()
    if f is None:
        return
    o = ed.options
    w = Wall(ed.plan.new_id("wall"), tuple(pts), o.wall_thickness, o.wall_kind)
    ed.push_added(replace(edits.add(ed.plan, f.id, w), label="edit.add_wall"))


@register
class WallTool(PointsTool):
    name = "wall"

    def commit(self, pts):
        commit_wall(self.ed, pts)


@register
class WallRectTool(RectTool):
    name = "wall_rect"

    def commit(self, ring):
        commit_wall(self.ed, tuple(ring) + (ring[0],))


# --- zones -------------------------------------------------------------------------------------

def commit_zone(ed, ring: tuple[Point, ...]) -> None:
    f = ed.require_floor()
    if f is None:
        return
    z = Zone(ed.plan.new_id("zone"), ed.options.zone_kind, Polygon(tuple(ring)))
    ed.push_added(replace(edits.add(ed.plan, f.id, z), label="edit.add_zone"))


@register
class ZoneRectTool(RectTool):
    name = "zone_rect"

    def commit(self, ring):
        commit_zone(self.ed, ring)

    def zone_kind(self):
        return self.ed.options.zone_kind


@register
class ZonePolyTool(PointsTool):
    name = "zone_poly"
    polygon = True

    def commit(self, pts):
        commit_zone(self.ed, pts)

    def zone_kind(self):
        return self.ed.options.zone_kind
