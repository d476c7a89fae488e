"""Placing tools: columns, furniture and devices, stairs, lifts, single windows (ghost follows the
cursor, R / Shift+R turn it by 15°, X flips a window's public side), doors on an outline or wall
edge (X flips the swing, H the hinge), and rows/arcs of windows (two clicks, then the dialog).
"""

from __future__ import annotations

from dataclasses import replace

from hallplan.model import (
    Column,
    Door,
    DoorKind,
    Entity,
    Furniture,
    Hinge,
    Lift,
    ServiceWindow,
    Stair,
    edits,
)
from hallplan.model.commands import CommandError

from .base import PLabel, Preview, PShape, Tool, ToolEvent
from .coords import CoordError, parse_point
from .editor import register
from .geom2d import Point, angle_deg, dist, fmt_len, norm_deg, point_in_ring, project_on_segment
from .options import FURNITURE_DEFAULTS, SEAT_PITCH, WindowRowParams

ROTATE_STEP = 15.0


class PlaceTool(Tool):
    draws = True
    label = "cmd.add"

    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.rotation = 0.0

    def make(self, p: Point, eid: str) -> Entity:  # pragma: no cover - abstract
        raise NotImplementedError

    prefix = "furn"

    def ghost(self) -> Entity | None:
        if self.cursor is None:
            return None
        return self.make(self.cursor, "@ghost")

    def press(self, ev: ToolEvent) -> None:
        if ev.button != "left":
            return
        p = self.snapped(ev)
        self.place(p)

    def place(self, p: Point) -> bool:
        f = self.ed.require_floor()
        if f is None:
            return False
        e = self.make(p, self.ed.plan.new_id(self.prefix))
        return self.ed.push_added(replace(edits.add(self.ed.plan, f.id, e), label=self.label))

    def move(self, ev: ToolEvent) -> None:
        self.cursor = self.snapped(ev)

    def wants_key(self, key: str) -> bool:
        return key in ("R", "Escape")

    def key(self, key: str, shift: bool = False, ctrl: bool = False) -> bool:
        if key == "R":
            self.rotation = norm_deg(self.rotation + (-ROTATE_STEP if shift else ROTATE_STEP))
            return True
        return False

    def typed(self, text: str) -> bool:
        try:
            p = parse_point(text, self.cursor, self.cursor)
        except CoordError:
            return False
        return self.place(p)

    def preview(self) -> Preview:
        pv = Preview(snap=self.snap_result)
        g = self.ghost()
        if g is not None:
            pv.ghosts.append(g)
        return pv


@register
class ColumnTool(PlaceTool):
    name = "column"
    prefix = "col"
    label = "edit.add_column"

    def make(self, p, eid):
        o = self.ed.options
        return Column(eid, p[0], p[1], o.column_size, o.column_size, self.rotation, o.column_round)


@register
class FurnitureTool(PlaceTool):
    name = "furniture"
    prefix = "furn"
    label = "edit.add_furniture"

    def make(self, p, eid):
        o = self.ed.options
        w, d, extra = FURNITURE_DEFAULTS[o.furniture_kind]
        extra = dict(extra)
        if "seats" in extra:
            extra["seats"] = max(1, o.seats)
            w = extra["seats"] * SEAT_PITCH
        return Furniture(eid, o.furniture_kind, p[0], p[1], self.rotation, w, d, **extra)


@register
class StairTool(PlaceTool):
    name = "stair"
    prefix = "stair"
    label = "edit.add_stair"

    def make(self, p, eid):
        return Stair(eid, p[0], p[1], self.rotation)


@register
class LiftTool(PlaceTool):
    name = "lift"
    prefix = "lift"
    label = "edit.add_lift"

    def make(self, p, eid):
        return Lift(eid, p[0], p[1], self.rotation)


@register
class WindowTool(PlaceTool):
    name = "window"
    prefix = "win"
    label = "edit.add_window"

    def wants_key(self, key: str) -> bool:
        return key in ("R", "X", "Escape")

    def key(self, key: str, shift: bool = False, ctrl: bool = False) -> bool:
        if key == "X":
            self.rotation = norm_deg(self.rotation + 180.0)
            return True
        return super().key(key, shift, ctrl)

    def make(self, p, eid):
        o = self.ed.options
        number = str(self.ed.next_window_number()) if eid != "@ghost" else "?"
        return ServiceWindow(eid, number, o.window_kind, p[0], p[1], self.rotation, o.window_length,
                             o.window_depth, domain=o.domain)


# --- doors ---------------------------------------------------------------------------------

@register
class DoorTool(Tool):
    """Hover an outline or wall edge: the door slides along it; click to place."""

    name = "door"
    draws = True

    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.flip = False
        self.hinge_flip = False
        self.candidate: Door | None = None

    def wants_key(self, key: str) -> bool:
        return key in ("X", "H", "Escape")

    def key(self, key: str, shift: bool = False, ctrl: bool = False) -> bool:
        if key == "X":
            self.flip = not self.flip
        elif key == "H":
            self.hinge_flip = not self.hinge_flip
        else:
            return False
        if self.cursor is not None:
            self.candidate = self.door_at(self.cursor)
        return True

    def door_at(self, p: Point) -> Door | None:
        """The door the tool would place for cursor ``p`` (on the nearest edge), or None."""
        f = self.ed.floor
        if f is None:
            return None
        o = self.ed.options
        width = o.door_width
        reach = max(self.ed.tolerance(18.0), 0.6)
        best = None
        for key, _verts, segs in self.ed.geometry_near(p, reach):
            k = self.ed.kind_of(key)
            if k is None or k.value not in ("wall", "floor"):
                continue
            for a, b in segs:
                q, t = project_on_segment(p, a, b)
                d = dist(p, q)
                if d <= reach and (best is None or d < best[0]):
                    best = (d, key, a, b)
        if best is None:
            return None
        _, host, a, b = best
        L = dist(a, b)
        if L < width + 0.02:
            return None
        ux, uy = (b[0] - a[0]) / L, (b[1] - a[1]) / L
        s = (p[0] - a[0]) * ux + (p[1] - a[1]) * uy
        g = self.ed.snapper.settings.grid if self.ed.snapper.settings.grid_on else 0.0
        if g > 0:
            s = round(s / g) * g
        s = min(max(s, width / 2 + 0.01), L - width / 2 - 0.01)
        cx, cy = a[0] + ux * s, a[1] + uy * s
        rot = norm_deg(angle_deg(a, b))
        outline = host == "@outline"
        outside_side = -1
        if outline:
            probe = (cx - uy * 0.05, cy + ux * 0.05)  # local +y (left of the edge)
            inside_left = point_in_ring(probe, f.outline.exterior) and not any(point_in_ring(probe, h) for h in f.outline.holes)
            outside_side = -1 if inside_left else 1
        kind = o.door_kind
        if outline:
            swing = outside_side if kind in (DoorKind.EXIT, DoorKind.MAIN_ENTRANCE) else -outside_side
        else:
            swing = 1
        if self.flip:
            swing = -swing
        hinge = o.door_hinge
        if self.hinge_flip and hinge in (Hinge.LEFT, Hinge.RIGHT):
            hinge = Hinge.RIGHT if hinge == Hinge.LEFT else Hinge.LEFT
        return Door("@ghost", kind, cx, cy, rot, width, hinge, swing, outline, outside_side,
                    host="" if outline else host)

    def move(self, ev: ToolEvent) -> None:
        self.cursor = ev.pos
        self.candidate = self.door_at(ev.pos)
        self.snap_result = None

    def press(self, ev: ToolEvent) -> None:
        if ev.button != "left":
            return
        f = self.ed.require_floor()
        if f is None:
            return
        d = self.door_at(ev.pos)
        if d is None:
            self.ed.message.emit("msg.door_needs_edge", {})
            return
        d = replace(d, id=self.ed.plan.new_id("door"))
        self.ed.push_added(replace(edits.add(self.ed.plan, f.id, d), label="edit.add_door"))

    def typed(self, text: str) -> bool:
        try:
            p = parse_point(text, None, None)
        except CoordError:
            return False
        self.cursor = p
        self.press(ToolEvent(p[0], p[1]))
        return True

    def preview(self) -> Preview:
        pv = Preview()
        if self.candidate is not None:
            pv.ghosts.append(self.candidate)
            pv.labels.append(PLabel((self.candidate.x, self.candidate.y), fmt_len(self.candidate.width)))
        return pv


# --- window rows ----------------------------------------------------------------------------

@register
class WindowRowTool(Tool):
    """Click the start and the end of the counter line; the dialog sets count, numbering, kind,
    domain and arc; the whole row is one undo step. X flips the public side while drawing."""

    name = "window_row"
    draws = True

    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.start: Point | None = None
        self.side: int | None = None  # None: chosen automatically (the public away from staff zones)

    @property
    def busy(self) -> bool:
        return self.start is not None

    def cancel(self) -> None:
        self.start = None
        self.snap_result = None

    def wants_key(self, key: str) -> bool:
        return key in ("X", "Escape")

    def key(self, key: str, shift: bool = False, ctrl: bool = False) -> bool:
        if key == "X":
            a = self.start or (0.0, 0.0)
            b = self.cursor or (a[0] + 1.0, a[1])
            self.side = -self.side_for(a, b)
            return True
        return False

    def side_for(self, a: Point, b: Point) -> int:
        """+1 puts the public on the left of a→b. Unless flipped, the public faces away from
        staff-only zones (back office behind the counters)."""
        if self.side is not None:
            return self.side
        f = self.ed.floor
        L = dist(a, b)
        if f is None or L < 1e-6:
            return 1
        nx, ny = -(b[1] - a[1]) / L, (b[0] - a[0]) / L
        m = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)

        ring = f.outline.exterior

        def staff(p):
            """Behind the counter: a staff-only zone, or outside the hall (a row along a wall)."""
            if len(ring) >= 3 and not point_in_ring(p, ring):
                return True
            return any(z.kind.is_staff_only and point_in_ring(p, z.polygon.exterior) for z in f.zones.values())

        left, right = (m[0] + nx * 1.5, m[1] + ny * 1.5), (m[0] - nx * 1.5, m[1] - ny * 1.5)
        return -1 if staff(left) and not staff(right) else 1

    def press(self, ev: ToolEvent) -> None:
        if ev.button != "left":
            return
        if self.ed.require_floor() is None:
            return
        p = self.snapped(ev, ref=self.start)
        self.click(p)

    def click(self, p: Point) -> None:
        if self.start is None:
            self.start = p
            return
        if dist(p, self.start) < 0.1:
            return
        a = self.start
        self.start = None
        self.snap_result = None
        self.commit(a, p)

    def params_for(self, a: Point, b: Point) -> WindowRowParams:
        o = self.ed.options
        base = o.row
        L = dist(a, b)
        count = base.count if base.count >= 1 else max(1, int(L // max(o.window_length, 0.5)))
        return replace(base, start=a, end=b, count=count, first_number=self.ed.next_window_number(),
                       kind=o.window_kind, domain=o.domain, length=o.window_length, depth=o.window_depth,
                       public_side=self.side_for(a, b))

    def commit(self, a: Point, b: Point) -> bool:
        f = self.ed.require_floor()
        if f is None:
            return False
        params = self.ed.dialogs.window_row(self.params_for(a, b))
        if params is None:
            return False
        self.ed.options.row = replace(params)
        self.ed.options.window_kind = params.kind
        self.ed.options.domain = params.domain
        try:
            cmd = row_command(self.ed.plan, f.id, params)
        except CommandError as exc:
            self.ed.message.emit("msg.command_failed", {"error": str(exc)})
            return False
        return self.ed.push_added(cmd)

    def move(self, ev: ToolEvent) -> None:
        self.cursor = self.snapped(ev, ref=self.start)

    def typed(self, text: str) -> bool:
        try:
            p = parse_point(text, self.start, self.cursor)
        except CoordError:
            return False
        if self.ed.require_floor() is None:
            return False
        self.click(p)
        return True

    def preview(self) -> Preview:
        pv = Preview(snap=self.snap_result)
        if self.start is not None and self.cursor is not None and dist(self.start, self.cursor) > 0.1:
            a, b = self.start, self.cursor
            pv.shapes.append(PShape((a, b), False, "guide"))
            pv.labels.append(PLabel(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), fmt_len(dist(a, b))))
            p = self.params_for(a, b)
            pv.ghosts.extend(row_windows(p))
        return pv


def row_command(plan, floor_id: str, p: WindowRowParams):
    return edits.window_row(
        plan, floor_id, p.start, p.end, p.count, first_number=p.first_number, kind=p.kind, domain=p.domain,
        length=p.length, depth=p.depth, height=p.height, public_side=p.public_side,
        number_prefix=p.number_prefix, name=p.name, arc_bulge=p.arc_bulge,
    )


def row_windows(p: WindowRowParams) -> list[ServiceWindow]:
    """The windows a row would create (for previews), without touching a plan."""
    from hallplan.model import HallLevel, Plan
    from hallplan.model.entities import Polygon
    from hallplan.model.plan import Floor

    tmp = Plan("", HallLevel.TOWN, [Floor("f", 1, Polygon(((0, 0), (1, 0), (1, 1))))])
    try:
        cmd = row_command(tmp, "f", p)
    except CommandError:
        return []
    return [e for _, e in cmd.items]


