"""The select tool: click, Shift-click, rubber band (left→right: inside; right→left: crossing),
drag to move (snapped, Shift for orthogonal, one undo step per drag), vertex handles (drag;
double-click an edge to insert, a vertex to remove), typed ``@dx,dy`` to move by an exact offset.
"""

from __future__ import annotations

from dataclasses import replace

from hallplan.model import Polygon, ReplaceEntities, SetFloorProperties, Wall, Zone, edits
from hallplan.model.geom import ring_area

from .base import PLabel, Preview, PShape, Tool, ToolEvent
from .coords import CoordError, parse_offset
from .editor import register
from .geom2d import (
    Point,
    dist,
    fmt_area,
    fmt_len,
    project_on_segment,
    ring_self_intersects,
)
from .shapes import OUTLINE_ID

DRAG_PX = 4.0
HANDLE_PX = 8.0


@register
class SelectTool(Tool):
    name = "select"

    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.state = "idle"
        self.press_pt: Point | None = None
        self.base: Point = (0.0, 0.0)
        self.applied: Point = (0.0, 0.0)
        self.click_id: str | None = None
        self.shift = False
        self.vertex: tuple[str, int] | None = None
        self.vertex_bad = False

    @property
    def busy(self) -> bool:
        return self.state != "idle"

    def cancel(self) -> None:
        if self.state in ("moving", "vertex"):
            self.ed.history.seal()
        self.state = "idle"
        self.snap_result = None

    # --- editable vertices of a single selection ------------------------------------------
    def editable(self) -> tuple[str, tuple[Point, ...], bool] | None:
        """(id, vertices, closed) of the single selected zone, wall or outline."""
        sel = self.ed.selection
        if len(sel) != 1:
            return None
        f = self.ed.floor
        if f is None:
            return None
        if sel[0] == OUTLINE_ID:
            return OUTLINE_ID, tuple(f.outline.exterior), True
        e = f.get(sel[0])
        if isinstance(e, Zone):
            return e.id, tuple(e.polygon.exterior), True
        if isinstance(e, Wall):
            return e.id, tuple(e.points), False
        return None

    def _handle_at(self, p: Point) -> tuple[str, int] | None:
        ed = self.editable()
        if ed is None:
            return None
        eid, verts, _ = ed
        tol = self.ed.tolerance(HANDLE_PX)
        best = None
        for i, v in enumerate(verts):
            d = dist(p, v)
            if d <= tol and (best is None or d < best[0]):
                best = (d, i)
        return (eid, best[1]) if best else None

    # --- input -----------------------------------------------------------------------------
    def press(self, ev: ToolEvent) -> None:
        if ev.button != "left":
            return
        self.press_pt = ev.pos
        self.shift = ev.shift
        h = self._handle_at(ev.pos) if not ev.shift else None
        if h is not None:
            self.state = "vertex_pending"
            self.vertex = h
            return
        eid, on_edge = self.ed.pick(ev.pos)
        self.click_id = eid
        if eid is None:
            self.state = "bg"
            return
        kind = self.ed.kind_of(eid)
        background = kind is not None and kind.value in ("zone", "floor") and not on_edge
        if ev.shift:
            self.state = "bg"  # shift-click toggles on release; shift-drag adds a band
            return
        if background and eid not in self.ed.selection:
            self.state = "bg"
            return
        if eid not in self.ed.selection:
            self.ed.select([eid])
        self.state = "pending"
        self.base = self._grab_base(eid, ev.pos)
        self.applied = (0.0, 0.0)

    def _grab_base(self, eid: str, p: Point) -> Point:
        verts, _ = self.ed.geometry(eid)
        if not verts:
            return p
        return min(verts, key=lambda v: dist(v, p))

    def move(self, ev: ToolEvent) -> None:
        self.cursor = ev.pos
        if self.state == "idle" or self.press_pt is None:
            return
        far = dist(ev.pos, self.press_pt) > self.ed.tolerance(DRAG_PX)
        if self.state == "pending" and far:
            self.ed.history.seal()
            self.state = "moving"
        elif self.state == "bg" and far:
            self.state = "band"
        elif self.state == "vertex_pending" and far:
            self.ed.history.seal()
            self.state = "vertex"
        if self.state == "moving":
            self._drag_to(ev)
        elif self.state == "vertex":
            self._drag_vertex(ev)

    def _drag_to(self, ev: ToolEvent) -> None:
        assert self.press_pt is not None
        target = (self.base[0] + ev.x - self.press_pt[0], self.base[1] + ev.y - self.press_pt[1])
        exclude = frozenset(self.ed.selection)
        r = self.ed.snapper.snap(target, ref=self.base if ev.shift else None, shift=ev.shift, exclude=exclude)
        self.snap_result = r
        delta = (r.point[0] - self.base[0], r.point[1] - self.base[1])
        step = (delta[0] - self.applied[0], delta[1] - self.applied[1])
        if abs(step[0]) > 1e-9 or abs(step[1]) > 1e-9:
            if self.ed.move_selection(step[0], step[1], merge=True):
                self.applied = delta

    def _drag_vertex(self, ev: ToolEvent) -> None:
        assert self.vertex is not None
        eid, i = self.vertex
        info = self.editable()
        if info is None or info[0] != eid:
            self.state = "idle"
            return
        _, verts, closed = info
        n = len(verts)
        ref = verts[i - 1] if (i > 0 or closed) else (verts[1] if n > 1 else None)
        exclude = frozenset({eid})
        r = self.ed.snapper.snap(ev.pos, ref=ref if ev.shift else None, shift=ev.shift, exclude=exclude)
        self.snap_result = r
        p = r.point
        if dist(p, verts[i]) < 1e-9:
            return
        new = list(verts)
        new[i] = p
        if closed and ring_self_intersects(new):
            self.vertex_bad = True
            return
        self.vertex_bad = False
        self.ed.push(self._vertex_command(eid, i, p, tuple(new)), merge=True)

    def _vertex_command(self, eid: str, i: int, p: Point, new: tuple[Point, ...]):
        plan = self.ed.plan
        f = self.ed.floor
        if eid == OUTLINE_ID:
            return SetFloorProperties.of(plan, f.id, merge_tag=f"outline_v{i}", outline=Polygon(new, f.outline.holes))
        e = f.get(eid)
        if isinstance(e, Zone):
            return edits.set_vertex(plan, eid, i, p)
        assert isinstance(e, Wall)
        return ReplaceEntities(((f.id, e, replace(e, points=new)),), "cmd.reshape", merge_tag=f"wallpt{i}")

    def release(self, ev: ToolEvent) -> None:
        if ev.button not in ("left", ""):
            return
        st = self.state
        self.state = "idle"
        self.snap_result = None
        if st in ("moving", "vertex"):
            self.ed.history.seal()
        elif st == "band" and self.press_pt is not None:
            a, b = self.press_pt, ev.pos
            box = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
            ids = self.ed.in_box(box, crossing=b[0] < a[0])
            self.ed.select(ids, add=ev.shift or self.shift)
        elif st == "bg":
            if self.click_id is None:
                if not (ev.shift or self.shift):
                    self.ed.clear_selection()
            elif ev.shift or self.shift:
                self.ed.select([self.click_id], toggle=True)
            else:
                self.ed.select([self.click_id])
        elif st == "vertex_pending":
            pass
        self.press_pt = None
        self.vertex = None

    def double_click(self, ev: ToolEvent) -> None:
        info = self.editable()
        if info is None:
            eid, _ = self.ed.pick(ev.pos)
            if eid is not None:
                self.ed.select([eid])
            return
        eid, verts, closed = info
        h = self._handle_at(ev.pos)
        if h is not None:
            i = h[1]
            if len(verts) <= (3 if closed else 2):
                return
            new = verts[:i] + verts[i + 1:]
            if closed and ring_self_intersects(new):
                return
            self.ed.push(self._reshape(eid, new, "edit.vertex_remove"))
            return
        tol = self.ed.tolerance(HANDLE_PX)
        segs = [(verts[k], verts[(k + 1) % len(verts)], k) for k in range(len(verts) if closed else len(verts) - 1)]
        best = None
        for a, b, k in segs:
            q, t = project_on_segment(ev.pos, a, b)
            d = dist(q, ev.pos)
            if d <= tol and 0 < t < 1 and (best is None or d < best[0]):
                best = (d, q, k)
        if best is None:
            return
        _, q, k = best
        q = self.ed.snapper.grid_point(q) if dist(self.ed.snapper.grid_point(q), q) < tol / 2 else q
        new = verts[: k + 1] + (q,) + verts[k + 1:]
        self.ed.push(self._reshape(eid, new, "edit.vertex_insert"))

    def _reshape(self, eid: str, new: tuple[Point, ...], label: str):
        plan = self.ed.plan
        f = self.ed.floor
        if eid == OUTLINE_ID:
            c = SetFloorProperties.of(plan, f.id, outline=Polygon(new, f.outline.holes))
            return replace(c, label=label)
        e = f.get(eid)
        if isinstance(e, Zone):
            new_e = replace(e, polygon=Polygon(new, e.polygon.holes))
        else:
            new_e = replace(e, points=new)
        return ReplaceEntities(((f.id, e, new_e),), label)

    def typed(self, text: str) -> bool:
        try:
            dx, dy = parse_offset(text)
        except CoordError:
            return False
        if not self.ed.selection:
            return False
        return self.ed.move_selection(dx, dy)

    # --- output ----------------------------------------------------------------------------
    def preview(self) -> Preview:
        pv = Preview(snap=self.snap_result if self.state in ("moving", "vertex") else None)
        if self.state == "band" and self.press_pt is not None and self.cursor is not None:
            a, b = self.press_pt, self.cursor
            ring = (a, (b[0], a[1]), b, (a[0], b[1]))
            pv.shapes.append(PShape(ring, True, "crossing" if b[0] < a[0] else "band"))
        info = self.editable()
        if info is not None:
            pv.handles = list(info[1])
            if self.state == "vertex" and self.vertex is not None:
                eid, i = self.vertex
                verts, closed = info[1], info[2]
                n = len(verts)
                for j in (i - 1, i + 1):
                    if closed or 0 <= j < n:
                        a, b = verts[i], verts[j % n]
                        pv.labels.append(PLabel(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), fmt_len(dist(a, b))))
                if closed:
                    c = self.cursor or verts[i]
                    pv.labels.append(PLabel((c[0], c[1]), fmt_area(ring_area(verts)), "area"))
                if self.vertex_bad:
                    pv.shapes.append(PShape(verts, closed, "error"))
        if self.state == "moving" and self.cursor is not None:
            pv.labels.append(PLabel(self.cursor, f"Δx {self.applied[0]:+.2f}  Δy {self.applied[1]:+.2f} m", "dim"))
        return pv
