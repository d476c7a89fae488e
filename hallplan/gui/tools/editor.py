"""The editor state without Qt: current floor, selection, active tool, spatial index, clipboard and
the edit actions (delete, copy/paste, nudge, rotate, align, renumber, …).

The Qt window owns one :class:`Editor` and forwards pointer events in model units; tests drive it
directly. Every change goes through ``history.push`` as a command.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from hallplan.model import (
    Action,
    ChangeEvent,
    Command,
    CommandError,
    Compound,
    Door,
    Entity,
    EntityKind,
    Floor,
    History,
    Plan,
    Polygon,
    ReplaceEntities,
    ServiceWindow,
    SetFloorProperties,
    edits,
)
from hallplan.model.commands import AddEntities

from . import shapes
from .base import Preview, Signal, Tool, ToolEvent
from .geom2d import BBox, Point, bbox_contains, bbox_intersects, bbox_of, bbox_union
from .index import SpatialIndex
from .options import ToolOptions, WindowRowParams
from .shapes import OUTLINE_ID
from .snapping import Snapper

ID_PREFIX: dict[EntityKind, str] = {
    EntityKind.WALL: "wall",
    EntityKind.COLUMN: "col",
    EntityKind.ZONE: "zone",
    EntityKind.WINDOW: "win",
    EntityKind.DOOR: "door",
    EntityKind.FURNITURE: "furn",
    EntityKind.STAIR: "stair",
    EntityKind.LIFT: "lift",
}


class Dialogs:
    """Questions a tool may need answered. The Qt window installs real dialogs; headless, the
    defaults are accepted as proposed."""

    def window_row(self, params: WindowRowParams) -> WindowRowParams | None:
        return params

    def renumber(self, first: int, prefix: str) -> tuple[int, str] | None:
        return first, prefix


class Editor:
    def __init__(self, history: History, dialogs: Dialogs | None = None) -> None:
        self.history = history
        self.dialogs = dialogs or Dialogs()
        self.options = ToolOptions()
        self.snapper = Snapper(self)
        self.scale = 40.0  # pixels per metre of the view (tolerances in pixels → metres)
        self.selection: list[str] = []
        self.hidden: set[EntityKind] = set()
        self.clipboard: list[Entity] = []
        self._paste_count = 0
        self._clip_floor: str | None = None
        self.floor_id: str | None = None
        self._storey: int | None = None  # the shown floor's storey (to land near it when it is removed)
        self.index = SpatialIndex(cell=4.0)
        self._geo: dict[str, tuple[tuple[Point, ...], list[tuple[Point, Point]]]] = {}
        self.selection_changed = Signal()
        self.floor_changed = Signal()
        self.tool_changed = Signal()
        self.preview_changed = Signal()
        self.message = Signal()  # (catalogue key, format dict)
        self._unsub = history.subscribe(self._on_change)
        self._reset_floor()
        self.tool: Tool = TOOLS["select"](self)

    def close(self) -> None:
        self._unsub()

    # ---------------------------------------------------------------- plan and floor access
    @property
    def plan(self) -> Plan:
        return self.history.plan

    @property
    def floor(self) -> Floor | None:
        if self.floor_id is None:
            return None
        for f in self.plan.floors:
            if f.id == self.floor_id:
                return f
        return None

    def require_floor(self) -> Floor | None:
        f = self.floor
        if f is None:
            self.message.emit("msg.need_outline", {})
        return f

    def entity(self, eid: str) -> Entity | None:
        f = self.floor
        return f.get(eid) if f is not None else None

    def kind_of(self, eid: str) -> EntityKind | None:
        if eid == OUTLINE_ID:
            return EntityKind.FLOOR
        e = self.entity(eid)
        return e.KIND if e is not None else None

    def set_floor(self, floor_id: str | None) -> None:
        if floor_id == self.floor_id and floor_id is not None:
            return
        self.tool.cancel()
        self.floor_id = floor_id
        self._rebuild_index()
        self._remember_storey()
        self._set_selection([])
        self.floor_changed.emit(floor_id)
        self.preview_changed.emit()

    def _reset_floor(self, near_storey: int | None = None) -> None:
        """A floor to show when the shown one is gone: the nearest storey to ``near_storey`` (the
        removed floor's; the lower one on a tie), else the ground floor."""
        ids = [f.id for f in self.plan.floors]
        if self.floor_id not in ids:
            if near_storey is not None and self.plan.floors:
                g = min(self.plan.floors, key=lambda f: (abs(f.storey - near_storey), f.storey))
            else:
                g = self.plan.ground_floor()
            self.floor_id = g.id if g is not None else None
        self._rebuild_index()
        self._remember_storey()

    def _remember_storey(self) -> None:
        f = self.floor
        self._storey = f.storey if f is not None else None

    def _rebuild_index(self) -> None:
        self.index.clear()
        self._geo.clear()
        f = self.floor
        if f is None:
            return
        for e in f.entities():
            self.index.insert(e.id, shapes.bbox(e))
        self._index_outline(f)

    def _index_outline(self, f: Floor) -> None:
        if len(f.outline.exterior) >= 3:
            self.index.insert(OUTLINE_ID, bbox_of(f.outline.exterior))
        else:
            self.index.remove(OUTLINE_ID)

    def _reindex(self, eid: str) -> None:
        self._geo.pop(eid, None)
        f = self.floor
        if f is None:
            return
        if eid == OUTLINE_ID:
            self._index_outline(f)
            return
        e = f.get(eid)
        if e is None:
            self.index.remove(eid)
        else:
            self.index.insert(eid, shapes.bbox(e))

    def _on_change(self, ev: ChangeEvent) -> None:
        floors = [f.id for f in self.plan.floors]
        t = ev.touched
        if ev.action in (Action.UNDO, Action.REDO) and self.floor_id in floors:
            # undo/redo of an edit on another floor (or a floor put back): show that floor, so the
            # planner sees what changed
            there = [fid for fid in t.floor_ids if fid in floors]
            if len(there) == 1 and there[0] != self.floor_id:
                self.set_floor(there[0])
        if ev.action == Action.RESET or self.floor_id not in floors:
            old = self.floor_id
            near = self._storey if ev.action != Action.RESET else None
            self.tool.cancel()
            self.floor_id = None
            self._reset_floor(near)
            self.selection = []
            self.selection_changed.emit()
            if old != self.floor_id or ev.action == Action.RESET:
                self.floor_changed.emit(self.floor_id)
            self.preview_changed.emit()
            return
        if self.floor_id in t.floor_ids:
            self._remember_storey()
            for eid in t.entity_ids:
                self._reindex(eid)
            if EntityKind.FLOOR in t.kinds:
                self._reindex(OUTLINE_ID)
        before = list(self.selection)
        sel = [i for i in self.selection if self._exists(i)]
        if ev.action in (Action.UNDO, Action.REDO) and self.floor_id in t.floor_ids:
            touched = [i for i in sorted(t.entity_ids) if self._exists(i)]
            if touched:
                sel = touched
        if sel != before:
            self.selection = sel
            self.selection_changed.emit()

    def _exists(self, eid: str) -> bool:
        f = self.floor
        if f is None:
            return False
        if eid == OUTLINE_ID:
            return len(f.outline.exterior) >= 3
        return f.get(eid) is not None

    # ---------------------------------------------------------------- geometry queries
    def tolerance(self, px: float = 6.0) -> float:
        return px / max(self.scale, 1e-6)

    def geometry(self, eid: str) -> tuple[tuple[Point, ...], list[tuple[Point, Point]]]:
        g = self._geo.get(eid)
        if g is None:
            f = self.floor
            if eid == OUTLINE_ID:
                g = (shapes.outline_vertices(f), shapes.outline_segments(f)) if f else ((), [])
            else:
                e = f.get(eid) if f else None
                g = (shapes.vertices(e), shapes.segments(e)) if e is not None else ((), [])
            self._geo[eid] = g
        return g

    def geometry_near(self, p: Point, tol: float, exclude: frozenset[str] = frozenset()) -> Iterator:
        box = (p[0] - tol, p[1] - tol, p[0] + tol, p[1] + tol)
        for key in self.index.query(box):
            if key in exclude:
                continue
            k = self.kind_of(key)
            if k is None or k in self.hidden:
                continue
            verts, segs = self.geometry(key)
            yield key, verts, segs

    def pick(self, p: Point, tol: float | None = None) -> tuple[str | None, bool]:
        """The entity under ``p`` (doors and windows over furniture over zones …) and whether the
        point is on its edge. The outline is picked only near its edges."""
        f = self.floor
        if f is None:
            return None, False
        tol = self.tolerance() if tol is None else tol
        best = None
        for key in self.index.query((p[0] - tol, p[1] - tol, p[0] + tol, p[1] + tol)):
            if key == OUTLINE_ID:
                if EntityKind.FLOOR in self.hidden:
                    continue
                from .geom2d import dist_to_segment, point_in_ring

                if any(dist_to_segment(p, a, b) <= tol + 0.15 for a, b in shapes.outline_segments(f)):
                    # on the outer half of the wall band the outline wins over what lies inside
                    outside = not point_in_ring(p, f.outline.exterior) or any(point_in_ring(p, h) for h in f.outline.holes)
                    cand = (-1 if outside else shapes.PRIORITY[EntityKind.FLOOR], 1e18, key, True)
                    if best is None or cand[:2] < best[:2]:
                        best = cand
                continue
            e = f.get(key)
            if e is None or e.KIND in self.hidden:
                continue
            ok, edge = shapes.hit(e, p, tol)
            if ok:
                b = self.index.bbox(key) or (0, 0, 0, 0)
                cand = (shapes.PRIORITY[e.KIND], shapes.area_of_bbox(b), key, edge)
                if best is None or cand[:2] < best[:2]:
                    best = cand
        if best is None:
            return None, False
        return best[2], best[3]

    def in_box(self, box: BBox, crossing: bool = False) -> list[str]:
        """Entities inside ``box`` (or touching it when ``crossing``), outline excluded."""
        out = []
        for key in self.index.query(box):
            if key == OUTLINE_ID:
                continue
            k = self.kind_of(key)
            if k is None or k in self.hidden:
                continue
            b = self.index.bbox(key)
            if b is not None and (bbox_intersects(box, b) if crossing else bbox_contains(box, b)):
                out.append(key)
        return sorted(out)

    def selection_bbox(self, ids: Iterable[str] | None = None) -> BBox | None:
        b = None
        for i in self.selection if ids is None else ids:
            bb = self.index.bbox(i)
            if bb is not None:
                b = bbox_union(b, bb)
        return b

    # ---------------------------------------------------------------- selection
    def _set_selection(self, ids: Sequence[str]) -> None:
        ids = list(dict.fromkeys(ids))
        if ids != self.selection:
            self.selection = ids
            self.history.seal()
            self.selection_changed.emit()

    def select(self, ids: Iterable[str], add: bool = False, toggle: bool = False) -> None:
        ids = [i for i in ids if self._exists(i)]
        if toggle:
            sel = list(self.selection)
            for i in ids:
                if i in sel:
                    sel.remove(i)
                elif i != OUTLINE_ID:
                    sel.append(i)
            sel = [i for i in sel if i != OUTLINE_ID] if len(sel) > 1 else sel
            self._set_selection(sel)
        elif add:
            sel = [i for i in self.selection if i != OUTLINE_ID] + [i for i in ids if i != OUTLINE_ID]
            self._set_selection(sel)
        else:
            if OUTLINE_ID in ids and len(ids) > 1:
                ids = [i for i in ids if i != OUTLINE_ID]
            self._set_selection(ids)

    def clear_selection(self) -> None:
        self._set_selection([])

    def select_all(self) -> None:
        f = self.floor
        if f is None:
            return
        self._set_selection(sorted(e.id for e in f.entities() if e.KIND not in self.hidden))

    def selected_entities(self) -> list[Entity]:
        f = self.floor
        if f is None:
            return []
        return [e for e in (f.get(i) for i in self.selection if i != OUTLINE_ID) if e is not None]

    # ---------------------------------------------------------------- tools
    def set_tool(self, name: str) -> None:
        if name not in TOOLS:
            raise KeyError(name)
        self.tool.deactivate()
        self.tool = TOOLS[name](self)
        self.tool.activate()
        self.tool_changed.emit(name)
        self.preview_changed.emit()

    def press(self, ev: ToolEvent) -> None:
        self.tool.press(ev)
        self.preview_changed.emit()

    def move(self, ev: ToolEvent) -> None:
        self.tool.move(ev)
        self.preview_changed.emit()

    def release(self, ev: ToolEvent) -> None:
        self.tool.release(ev)
        self.preview_changed.emit()

    def double_click(self, ev: ToolEvent) -> None:
        self.tool.double_click(ev)
        self.preview_changed.emit()

    def key(self, key: str, shift: bool = False, ctrl: bool = False) -> bool:
        ok = self.tool.key(key, shift, ctrl)
        if ok:
            self.preview_changed.emit()
        return ok

    def typed(self, text: str) -> bool:
        ok = self.tool.typed(text)
        if not ok:
            self.message.emit("msg.bad_coordinate", {"text": text})
        self.preview_changed.emit()
        return ok

    def escape(self) -> None:
        if self.tool.busy:
            self.tool.escape()
        elif self.tool.name != "select":
            self.set_tool("select")
        else:
            self.clear_selection()
        self.preview_changed.emit()

    def preview(self) -> Preview:
        return self.tool.preview()

    # ---------------------------------------------------------------- edits
    def push(self, cmd: Command, merge: bool = False) -> bool:
        try:
            self.history.push(cmd, merge=merge)
        except (CommandError, KeyError, ValueError) as exc:
            self.message.emit("msg.command_failed", {"error": str(exc)})
            return False
        return True

    def push_added(self, cmd: AddEntities) -> bool:
        """Push a command that adds entities and select them."""
        if self.push(cmd):
            self.select([e.id for _, e in cmd.items])
            return True
        return False

    def undo(self) -> None:
        self.tool.cancel()
        self.history.undo()
        self.preview_changed.emit()

    def redo(self) -> None:
        self.tool.cancel()
        self.history.redo()
        self.preview_changed.emit()

    def _entity_ids(self) -> list[str]:
        return [i for i in self.selection if i != OUTLINE_ID and self.entity(i) is not None]

    def delete_selection(self) -> bool:
        ids = self._entity_ids()
        if not ids:
            return False
        return self.push(edits.delete(self.plan, ids))

    def move_selection(self, dx: float, dy: float, merge: bool = False) -> bool:
        if abs(dx) < 1e-12 and abs(dy) < 1e-12:
            return False
        if not (math.isfinite(dx) and math.isfinite(dy)):  # a NaN got into the plan, then the index raised
            return False
        if self.selection == [OUTLINE_ID]:
            f = self.floor
            assert f is not None
            cmd = SetFloorProperties.of(self.plan, f.id, merge_tag="outline_move" if merge else "",
                                        outline=f.outline.translated(dx, dy))
            return self.push(cmd, merge=merge)
        ids = self._entity_ids()
        if not ids:
            return False
        return self.push(edits.move(self.plan, ids, dx, dy), merge=merge)

    def nudge(self, dx: float, dy: float) -> bool:
        return self.move_selection(dx, dy, merge=True)

    def selection_centre(self) -> Point | None:
        b = self.selection_bbox()
        if b is None:
            return None
        return ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)

    def rotate_selection(self, angle: float, about: Point | None = None) -> bool:
        c = about or self.selection_centre()
        if c is None or not math.isfinite(angle):
            return False
        if self.selection == [OUTLINE_ID]:
            f = self.floor
            assert f is not None
            return self.push(SetFloorProperties.of(self.plan, f.id, outline=f.outline.rotated(angle, c)))
        ids = self._entity_ids()
        if not ids:
            return False
        cmd = edits.rotate(self.plan, ids, angle, c)
        return self.push(ReplaceEntities(cmd.changes, "cmd.rotate"))

    def flip_selection(self) -> bool:
        """Doors: swing to the other side; windows: turn the counter round (public side)."""
        f = self.floor
        changes = []
        for e in self.selected_entities():
            if isinstance(e, Door):
                changes.append((f.id, e, replace(e, swing_side=-e.swing_side)))
            elif isinstance(e, ServiceWindow):
                changes.append((f.id, e, e.rotated(180.0, (e.x, e.y))))
        if not changes:
            return False
        return self.push(ReplaceEntities(tuple(changes), "edit.flip"))

    def set_props(self, ids: Iterable[str], **changes) -> bool:
        ids = [i for i in ids if i != OUTLINE_ID]
        if not ids:
            return False
        try:
            cmds = [edits.set_props(self.plan, i, **changes) for i in ids]
        except (CommandError, KeyError, TypeError) as exc:
            self.message.emit("msg.command_failed", {"error": str(exc)})
            return False
        changes_ = tuple(ch for c in cmds for ch in c.changes)
        if all(old == new for _, old, new in changes_):
            return False
        if "number" in changes:
            numbers = {w.number for w in self.plan.all_windows() if w.id not in ids}
            if str(changes["number"]) in numbers or len(ids) > 1:
                self.message.emit("msg.number_taken", {"number": changes["number"]})
                return False
        return self.push(ReplaceEntities(changes_, "cmd.set_property"))

    def set_floor_props(self, **changes) -> bool:
        f = self.floor
        if f is None:
            return False
        if "storey" in changes and any(o.storey == changes["storey"] and o.id != f.id for o in self.plan.floors):
            self.message.emit("msg.storey_taken", {"storey": changes["storey"]})
            return False
        return self.push(SetFloorProperties.of(self.plan, f.id, **changes))

    # clipboard
    def copy(self) -> int:
        ents = self.selected_entities()
        if ents:
            self.clipboard = ents
            self._paste_count = 0
            self._clip_floor = self.floor_id
        return len(ents)

    def cut(self) -> bool:
        return self.copy() > 0 and self.delete_selection()

    def paste(self) -> bool:
        f = self.require_floor()
        if f is None or not self.clipboard:
            return False
        if self._clip_floor == f.id:
            self._paste_count += 1
        off = 1.0 * self._paste_count
        return self.push_added(self._copies(self.clipboard, off, -off, "cmd.paste"))

    def duplicate(self) -> bool:
        ents = self.selected_entities()
        if not ents:
            return False
        return self.push_added(self._copies(ents, 1.0, -1.0, "cmd.duplicate"))

    def _copies(self, ents: Sequence[Entity], dx: float, dy: float, label: str) -> AddEntities:
        f = self.floor
        assert f is not None
        by_prefix: dict[str, list[Entity]] = {}
        for e in ents:
            by_prefix.setdefault(ID_PREFIX[e.KIND], []).append(e)
        numbers = {w.number for w in self.plan.all_windows()}
        items = []
        for prefix, group in by_prefix.items():
            ids = self.plan.new_ids(prefix, len(group))
            for new_id, e in zip(ids, group, strict=True):
                c = replace(e.translated(dx, dy), id=new_id)
                if isinstance(c, ServiceWindow):
                    num = c.number if c.number not in numbers else next_free_number(numbers)
                    numbers.add(num)
                    c = replace(c, number=num)
                if isinstance(c, Door):
                    c = replace(c, host=c.host if f.get(c.host) is not None else "")
                items.append((f.id, c))
        return AddEntities(tuple(items), label)

    # arrangement
    def align(self, edge: str) -> bool:
        ids = self._entity_ids()
        if len(ids) < 2:
            return False
        boxes = {i: self.index.bbox(i) for i in ids}
        target = {
            "left": min(b[0] for b in boxes.values()),
            "right": max(b[2] for b in boxes.values()),
            "bottom": min(b[1] for b in boxes.values()),
            "top": max(b[3] for b in boxes.values()),
            "hcenter": sum((b[0] + b[2]) / 2 for b in boxes.values()) / len(boxes),
            "vcenter": sum((b[1] + b[3]) / 2 for b in boxes.values()) / len(boxes),
        }[edge]
        f = self.floor
        changes = []
        for i in ids:
            b, e = boxes[i], self.entity(i)
            if edge == "left":
                d = (target - b[0], 0.0)
            elif edge == "right":
                d = (target - b[2], 0.0)
            elif edge == "hcenter":
                d = (target - (b[0] + b[2]) / 2, 0.0)
            elif edge == "bottom":
                d = (0.0, target - b[1])
            elif edge == "top":
                d = (0.0, target - b[3])
            else:
                d = (0.0, target - (b[1] + b[3]) / 2)
            if abs(d[0]) > 1e-9 or abs(d[1]) > 1e-9:
                changes.append((f.id, e, e.translated(*d)))
        if not changes:
            return False
        return self.push(ReplaceEntities(tuple(changes), "cmd.align"))

    def distribute(self, axis: str = "x") -> bool:
        """Equal gaps between the bounding boxes along ``axis`` (outermost two stay)."""
        ids = self._entity_ids()
        if len(ids) < 3:
            return False
        k = 0 if axis == "x" else 1
        boxes = sorted(((self.index.bbox(i), i) for i in ids), key=lambda t: (t[0][k] + t[0][k + 2]) / 2)
        total = sum(b[k + 2] - b[k] for b, _ in boxes)
        lo, hi = boxes[0][0][k], boxes[-1][0][k + 2]
        gap = (hi - lo - total) / (len(boxes) - 1)
        pos = lo
        f = self.floor
        changes = []
        for b, i in boxes:
            d = pos - b[k]
            pos += (b[k + 2] - b[k]) + gap
            if abs(d) > 1e-9:
                e = self.entity(i)
                changes.append((f.id, e, e.translated(d, 0.0) if k == 0 else e.translated(0.0, d)))
        if not changes:
            return False
        return self.push(ReplaceEntities(tuple(changes), "cmd.distribute"))

    def selected_windows_in_order(self) -> list[ServiceWindow]:
        wins = [e for e in self.selected_entities() if isinstance(e, ServiceWindow)]
        if not wins:
            return []
        if len(wins) == 1:
            return wins
        # order along the row's principal direction
        xs = [w.x for w in wins]
        ys = [w.y for w in wins]
        if max(xs) - min(xs) >= max(ys) - min(ys):
            return sorted(wins, key=lambda w: (w.x, -w.y))
        return sorted(wins, key=lambda w: (-w.y, w.x))

    def renumber(self, first: int | None = None, prefix: str | None = None) -> bool:
        wins = self.selected_windows_in_order()
        if not wins:
            self.message.emit("msg.select_windows", {})
            return False
        if first is None or prefix is None:
            ans = self.dialogs.renumber(1 if first is None else first, "" if prefix is None else prefix)
            if ans is None:
                return False
            first, prefix = ans
        try:
            cmd = edits.renumber_windows(self.plan, [w.id for w in wins], first, prefix)
        except CommandError as exc:
            self.message.emit("msg.command_failed", {"error": str(exc)})
            return False
        return self.push(cmd)

    def next_window_number(self) -> int:
        used = {w.number for w in self.plan.all_windows()}
        return int(next_free_number(used))

    # floors
    def add_floor(self) -> bool:
        from hallplan.model import AddFloor

        storeys = [f.storey for f in self.plan.floors]
        storey = max(storeys) + 1 if storeys else 1
        cur = self.floor
        outline = cur.outline if cur is not None else Polygon.rect(0, 0, 30, 20)
        fid = self.plan.new_id("floor")
        from hallplan.i18n import tr

        ok = self.push(AddFloor(Floor(fid, storey, outline, tr("floor.default_name", n=storey))))
        if ok:
            self.set_floor(fid)
        return ok

    def remove_floor(self) -> bool:
        from hallplan.model import RemoveFloor

        f = self.floor
        if f is None or len(self.plan.floors) < 2:
            return False
        return self.push(RemoveFloor.of(self.plan, f.id))

    def move_floor(self, delta: int) -> bool:
        from hallplan.model import MoveFloor

        f = self.floor
        if f is None:
            return False
        i = self.plan.floor_index(f.id)
        j = i + delta
        if not 0 <= j < len(self.plan.floors):
            return False
        return self.push(MoveFloor(f.id, i, j))

    def ghost_floor(self) -> Floor | None:
        """The floor shown faintly under the current one (the storey below, else the one above)."""
        f = self.floor
        if f is None:
            return None
        others = [o for o in self.plan.floors if o.id != f.id]
        below = [o for o in others if o.storey < f.storey]
        if below:
            return max(below, key=lambda o: o.storey)
        above = [o for o in others if o.storey > f.storey]
        return min(above, key=lambda o: o.storey) if above else None


def next_free_number(taken: set[str]) -> str:
    n = 1
    while str(n) in taken:
        n += 1
    return str(n)


def compound(label: str, *cmds: Command) -> Command:
    return cmds[0] if len(cmds) == 1 else Compound(tuple(cmds), label)


def unit(a: Point, b: Point) -> Point:
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy) or 1.0
    return (dx / n, dy / n)


TOOLS: dict[str, type[Tool]] = {}


def register(cls: type[Tool]) -> type[Tool]:
    TOOLS[cls.name] = cls
    return cls


from . import draw, place, select  # noqa: E402,F401  (registers the tools)
