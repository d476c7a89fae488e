"""The plan scene: one item per model id, updated incrementally from change events.

Items hold an id and what they draw; the scene looks entities up in the plan by id whenever a
command touched them, so a stale item can never reach into a deleted entity. Only the touched ids
are rebuilt (a drag repaints the moved items, not the plan).

On a floor with many furniture items, columns or windows, those items are hidden and drawn by one
:class:`~hallplan.gui.items.StaticLayer` per kind (recorded pictures, see there); an item leaves its
layer while it is selected or just changed and goes back when things are quiet (``REBATCH_MS``).
"""

from __future__ import annotations

from PyQt6.QtCore import QRectF, QTimer
from PyQt6.QtWidgets import QGraphicsScene

from hallplan.i18n import label
from hallplan.model import Action, ChangeEvent, Entity, EntityKind, Floor, Furniture, Wall, Zone
from hallplan.model.geom import ring_centroid

from . import drawing as D
from .items import (
    DrawingItem,
    PreviewItem,
    SelectionItem,
    SnapMarkerItem,
    StaticLayer,
    ZoneLabelItem,
)
from .tools import OUTLINE_ID, Editor
from .tools import shapes as S
from .tools.geom2d import bbox_of, point_in_ring

Z = {
    "outline_fill": -20,
    "ghost": -15,  # the other floor, faint, over this floor's white fill and under its zones
    EntityKind.ZONE: -10,
    "view": -5,
    EntityKind.STAIR: 2,
    EntityKind.LIFT: 2,
    EntityKind.FURNITURE: 4,
    EntityKind.WALL: 10,
    "outline_band": 11,
    EntityKind.COLUMN: 12,
    EntityKind.WINDOW: 14,
    EntityKind.DOOR: 16,
    "zone_label": 30,
}


# Kinds drawn as one static layer when a floor has many of them (furniture on a big hall); items
# of these kinds that are selected or were just changed are drawn on their own.
BATCH_KINDS = (EntityKind.FURNITURE, EntityKind.COLUMN, EntityKind.WINDOW)
BATCH_MIN = 40
REBATCH_MS = 700


class PlanScene(QGraphicsScene):
    def __init__(self, editor: Editor, parent=None) -> None:
        super().__init__(parent)
        self.ed = editor
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.items_by_id: dict[str, DrawingItem] = {}
        self.labels_by_id: dict[str, ZoneLabelItem] = {}
        self.views_by_id: dict[str, DrawingItem] = {}  # camera fields of view
        self.show_labels = True
        self.show_ghost = True
        self.show_views = False  # camera fields of view (always shown for a selected camera)
        self.rebuilds = 0  # full rebuilds (tests check that edits do not trigger them)
        self.updates = 0  # per-id item updates
        self.outline_fill = DrawingItem(OUTLINE_ID, EntityKind.FLOOR)
        self.outline_band = DrawingItem(OUTLINE_ID, EntityKind.FLOOR)
        self.ghost = DrawingItem("@ghost", None)
        self.preview = PreviewItem()
        self.selection = SelectionItem()
        self.marker = SnapMarkerItem()
        for it, z in ((self.outline_fill, Z["outline_fill"]), (self.outline_band, Z["outline_band"]), (self.ghost, Z["ghost"])):
            it.setZValue(z)
            self.addItem(it)
        for it in (self.preview, self.selection, self.marker):
            self.addItem(it)
        self.static: dict[EntityKind, StaticLayer] = {}
        for k in BATCH_KINDS:
            layer = StaticLayer(k)
            layer.setZValue(Z[k])
            self.addItem(layer)
            self.static[k] = layer
        self._live: set[str] = set()  # batch-kind ids changed since the last re-batch
        self._batch_timer = QTimer(self)
        self._batch_timer.setSingleShot(True)
        self._batch_timer.setInterval(REBATCH_MS)
        self._batch_timer.timeout.connect(self.rebatch)
        self._unsubs = [
            editor.history.subscribe(self._on_change),
            editor.floor_changed.connect(lambda _fid: self.rebuild()),
            editor.selection_changed.connect(self.update_selection),
            editor.preview_changed.connect(self.update_preview),
        ]
        self.rebuild()

    def detach(self) -> None:
        for off in self._unsubs:
            off()
        self._unsubs = []

    # ---------------------------------------------------------------- full rebuild (open, floor switch)
    def rebuild(self) -> None:
        self.rebuilds += 1
        for it in list(self.items_by_id.values()) + list(self.labels_by_id.values()) + list(self.views_by_id.values()):
            self.removeItem(it)
        self.items_by_id.clear()
        self.labels_by_id.clear()
        self.views_by_id.clear()
        f = self.ed.floor
        self._update_outline(f)
        self._update_ghost()
        if f is not None:
            for e in f.entities():
                self._put(f, e)
        self._live.clear()
        for layer in self.static.values():
            layer.clear()  # new items: record afresh
        self.rebatch()
        self.update_selection()
        self.update_preview()
        self.fit_scene_rect()

    def fit_scene_rect(self) -> None:
        f = self.ed.floor
        pts = []
        for fl in self.ed.plan.floors:
            pts.extend(fl.outline.exterior)
        if f is not None:
            for e in f.entities():
                b = self.ed.index.bbox(e.id)
                if b:
                    pts.extend([(b[0], b[1]), (b[2], b[3])])
        x0, y0, x1, y1 = bbox_of(pts) if pts else (0, 0, 40, 25)
        m = max(x1 - x0, y1 - y0, 40) * 2
        self.setSceneRect(QRectF(x0 - m, -y1 - m, (x1 - x0) + 2 * m, (y1 - y0) + 2 * m))

    # ---------------------------------------------------------------- incremental
    def _on_change(self, ev: ChangeEvent) -> None:
        if ev.action == Action.RESET:
            return  # the editor's floor_changed triggers the rebuild
        f = self.ed.floor
        t = ev.touched
        g = self.ed.ghost_floor()
        if g is not None and g.id in t.floor_ids and self.show_ghost:
            self._update_ghost()
        if f is None or f.id not in t.floor_ids:
            if EntityKind.FLOOR in t.kinds:
                self._update_ghost()
            return
        for eid in t.entity_ids:
            e = f.get(eid)
            if e is None:
                self._drop(eid)
            else:
                self._put(f, e)
        if EntityKind.FLOOR in t.kinds:
            self._update_outline(f)
            self._update_ghost()
            for eid in list(self.views_by_id):
                e = f.get(eid)
                if e is not None:
                    self._put(f, e)
        if EntityKind.WALL in t.kinds:
            # doors in a wall take their opening depth from the wall
            for d in f.doors.values():
                if d.host and d.host in t.entity_ids:
                    self._put(f, d)
        if t.entity_ids & set(self.ed.selection) or EntityKind.FLOOR in t.kinds:
            self.update_selection()

    def _drop(self, eid: str) -> None:
        it = self.items_by_id.pop(eid, None)
        if it is not None:
            self.removeItem(it)
            self._live.discard(eid)
            if it.batched:
                self._record(it.kind)
        lb = self.labels_by_id.pop(eid, None)
        if lb is not None:
            self.removeItem(lb)
        v = self.views_by_id.pop(eid, None)
        if v is not None:
            self.removeItem(v)

    def _put(self, f: Floor, e: Entity) -> None:
        self.updates += 1
        it = self.items_by_id.get(e.id)
        if it is None:
            it = DrawingItem(e.id, e.KIND)
            it.setZValue(Z[e.KIND])
            it.setVisible(e.KIND not in self.ed.hidden)
            self.addItem(it)
            self.items_by_id[e.id] = it
        if e.KIND in self.static:
            self._live.add(e.id)
            self._batch_timer.start()
        if isinstance(e, Zone):
            it.set_drawing(D.zone_drawing(e))
            self._label(e)
        elif isinstance(e, Wall):
            it.set_drawing(D.wall_drawing(e))
        else:
            it.set_drawing(D.placed_drawing(e, f), (e.x, e.y), e.rotation)
            if isinstance(e, Furniture) and e.fov > 0 and e.range > 0:
                v = self.views_by_id.get(e.id)
                if v is None:
                    v = DrawingItem(e.id, e.KIND)
                    v.coarse_ok = False
                    v.setZValue(Z["view"])
                    v.setVisible(self._view_visible(e.id))
                    self.addItem(v)
                    self.views_by_id[e.id] = v
                v.set_drawing(D.camera_view(e, f))
            elif e.id in self.views_by_id:
                self.removeItem(self.views_by_id.pop(e.id))

        if it.batched:
            self._record(e.KIND)  # a batched item changed (undo, properties): draw it on its own

    # ---------------------------------------------------------------- static layers
    def rebatch(self) -> None:
        """Move every batch-kind item that is neither selected nor just changed into its kind's
        static layer (or all back out when the floor has few of them)."""
        self._batch_timer.stop()
        self._live.clear()
        for k in self.static:
            self._record(k)

    def set_view_scale(self, px_per_m: float) -> None:
        """The view's zoom: static layers switch between detail and overview squares."""
        for layer in self.static.values():
            layer.set_view_scale(px_per_m)

    def _record(self, kind: EntityKind) -> None:
        layer = self.static[kind]
        items = [it for it in self.items_by_id.values() if it.kind == kind]
        visible = kind not in self.ed.hidden
        if len(items) < BATCH_MIN:
            members = []
        else:
            sel = set(self.ed.selection)
            members = [it for it in items if it.eid not in sel and it.eid not in self._live]
        keep = {id(it) for it in members}
        for it in items:
            b = id(it) in keep
            if it.batched != b or it.isVisible() != (visible and not b):
                it.batched = b
                it.setVisible(visible and not b)
        if members:
            if len(members) != len(layer.members) or any(layer.members.get(it.eid) is not it for it in members):
                layer.record(members)  # (the same items as recorded: nothing to do, they did not change)
        elif layer.members:
            layer.clear()
        layer.setVisible(visible)

    def _label(self, z: Zone) -> None:
        lb = self.labels_by_id.get(z.id)
        if lb is None:
            lb = ZoneLabelItem(z.id)
            lb.setZValue(Z["zone_label"])
            lb.setVisible(self.show_labels and EntityKind.ZONE not in self.ed.hidden)
            self.addItem(lb)
            self.labels_by_id[z.id] = lb
        ring = z.polygon.exterior
        c = ring_centroid(ring)
        if not point_in_ring(c, ring):
            try:
                import shapely

                c = shapely.Polygon(ring).representative_point().coords[0]
            except Exception:  # pragma: no cover - degenerate ring
                pass
        x0, y0, x1, y1 = bbox_of(ring)
        name = z.name or label(z.kind)
        _, area = D.zone_label_text(z, name)
        h = max(0.18, min(0.7, (y1 - y0) / 7, (x1 - x0) / 8))
        tw = D.text_width(name, True) / D.FONT_PX
        if tw * h > (x1 - x0) * 0.92:
            h = max(0.12, (x1 - x0) * 0.92 / max(tw, 1e-6))
        lb.set_label(c, name, area, h)

    def _update_outline(self, f: Floor | None) -> None:
        if f is None or len(f.outline.exterior) < 3:
            self.outline_fill.set_drawing(D.Drawing())
            self.outline_band.set_drawing(D.Drawing())
            return
        self.outline_fill.set_drawing(D.outline_fill(f))
        self.outline_band.set_drawing(D.outline_band(f))
        self.outline_band.setVisible(EntityKind.FLOOR not in self.ed.hidden)

    def _update_ghost(self) -> None:
        g = self.ed.ghost_floor() if self.show_ghost else None
        self.ghost.set_drawing(D.ghost_floor(g) if g is not None else D.Drawing())

    # ---------------------------------------------------------------- overlays
    def _view_visible(self, eid: str) -> bool:
        return EntityKind.FURNITURE not in self.ed.hidden and (self.show_views or eid in self.ed.selection)

    def set_views_visible(self, visible: bool) -> None:
        self.show_views = visible
        for eid, v in self.views_by_id.items():
            v.setVisible(self._view_visible(eid))

    def update_selection(self) -> None:
        for k in {it.kind for i in self.ed.selection if (it := self.items_by_id.get(i)) is not None and it.batched}:
            self._record(k)  # selected items leave the static layer (they are about to move)
        if any(layer.members for layer in self.static.values()):
            self._batch_timer.start()  # deselected ones go back in when things are quiet
        for eid, v in self.views_by_id.items():
            vis = self._view_visible(eid)
            if v.isVisible() != vis:
                v.setVisible(vis)
        f = self.ed.floor
        rings = []
        if f is not None:
            for i in self.ed.selection:
                if i == OUTLINE_ID:
                    rings.append(tuple(f.outline.exterior))
                    continue
                e = f.get(i)
                if e is not None:
                    rings.extend(S.rings(e))
        self.selection.set_rings(rings)

    def update_preview(self) -> None:
        pv = self.ed.preview()
        self.preview.set_preview(pv if not pv.empty else None, self.ed.floor)
        snap = pv.snap
        if snap is not None and snap.kind.value != "none":
            self.marker.show_at(snap.point, snap.kind.value, snap.ortho)
        elif self.marker.isVisible():
            self.marker.setVisible(False)

    # ---------------------------------------------------------------- visibility
    def set_kind_visible(self, kind: EntityKind, visible: bool) -> None:
        if visible:
            self.ed.hidden.discard(kind)
        else:
            self.ed.hidden.add(kind)
        for it in self.items_by_id.values():
            if it.kind == kind:
                it.setVisible(visible and not it.batched)
        if kind in self.static:
            self.static[kind].setVisible(visible)
        for eid, v in self.views_by_id.items():
            v.setVisible(self._view_visible(eid))
        if kind == EntityKind.ZONE:
            for lb in self.labels_by_id.values():
                lb.setVisible(visible and self.show_labels)
        if kind == EntityKind.FLOOR:
            self.outline_band.setVisible(visible)
        self.ed.select([i for i in self.ed.selection if self.ed.kind_of(i) not in self.ed.hidden])

    def set_labels_visible(self, visible: bool) -> None:
        self.show_labels = visible
        for lb in self.labels_by_id.values():
            lb.setVisible(visible and EntityKind.ZONE not in self.ed.hidden)

    def set_ghost_visible(self, visible: bool) -> None:
        self.show_ghost = visible
        self._update_ghost()

    def item_for(self, eid: str) -> DrawingItem | None:
        return self.items_by_id.get(eid)
