"""Properties of the selection: editable fields with units, validated, one command per edit.

With nothing (or the outline) selected it shows the current floor. Several entities of one type
are edited together; a mix shows a count per kind.
"""

from __future__ import annotations

import dataclasses
import typing
from enum import Enum

from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hallplan.i18n import label, tr
from hallplan.model import Column, Door, Entity, Furniture, Lift, ServiceWindow, Stair, Wall, Zone
from hallplan.model.geom import ring_area

from ..qtutil import dspin
from ..tools import OUTLINE_ID, Editor
from ..tools.geom2d import dist, ring_segments

HIDDEN = {"points", "polygon", "equipment", "id"}
READONLY = {"host"}
ANGLES = {"rotation", "fov"}
SIDES = {"swing_side", "outside_side", "staff_side"}
# field -> (minimum, maximum, decimals, unit)
RANGES = {
    "x": (-1e5, 1e5, 3, "m"), "y": (-1e5, 1e5, 3, "m"),
    "width": (0.01, 500.0, 3, "m"), "depth": (0.01, 500.0, 3, "m"), "length": (0.05, 500.0, 3, "m"),
    "height": (0.05, 50.0, 3, "m"), "thickness": (0.01, 5.0, 3, "m"), "range": (0.0, 200.0, 2, "m"),
    "car_width": (0.5, 10.0, 2, "m"), "car_depth": (0.5, 10.0, 2, "m"),
    "rotation": (-360.0, 360.0, 1, "°"), "fov": (0.0, 360.0, 1, "°"),
}
# tighter limits per kind of entity (a 400 m door or a 300 m counter is a typing slip)
KIND_RANGES = {
    (Door, "width"): (0.5, 20.0, 3, "m"),
    (ServiceWindow, "length"): (0.3, 20.0, 3, "m"), (ServiceWindow, "depth"): (0.1, 5.0, 3, "m"),
    (ServiceWindow, "height"): (0.3, 3.0, 3, "m"),
    (Column, "width"): (0.05, 5.0, 3, "m"), (Column, "depth"): (0.05, 5.0, 3, "m"),
    (Stair, "width"): (0.5, 30.0, 3, "m"), (Stair, "depth"): (0.5, 50.0, 3, "m"),
    (Lift, "width"): (0.5, 10.0, 3, "m"), (Lift, "depth"): (0.5, 10.0, 3, "m"),
    (Furniture, "width"): (0.05, 100.0, 3, "m"), (Furniture, "depth"): (0.05, 50.0, 3, "m"),
}
XY_MARGIN = 100.0  # metres: x and y stay within the floor outline's box widened by this


def _hints(cls) -> dict:
    try:
        return typing.get_type_hints(cls)
    except Exception:  # pragma: no cover - defensive
        return {}


class PropertiesPanel(QWidget):
    def __init__(self, editor: Editor, parent=None) -> None:
        super().__init__(parent)
        self.ed = editor
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600; font-size: 13px; padding: 2px 0 6px 0;")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.body = QWidget()
        self.form = QFormLayout(self.body)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.addWidget(self.title)
        lay.addWidget(self.error)
        lay.addWidget(scroll, 1)
        self.widgets: dict[str, QWidget] = {}
        self._target_dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self.rebuild)
        self._offs = [
            editor.selection_changed.connect(self._new_target),
            editor.floor_changed.connect(lambda _f: self._new_target()),
            editor.history.subscribe(self._on_change),
            editor.message.connect(self._on_message),
        ]
        self.rebuild()

    def detach(self) -> None:
        for off in self._offs:
            off()

    def _on_change(self, ev) -> None:
        sel = set(self.ed.selection)
        if not sel or OUTLINE_ID in sel or ev.touched.entity_ids & sel or ev.action.value == "reset":
            self.schedule()

    def _on_message(self, key: str, fmt: dict) -> None:
        if key in ("msg.command_failed", "msg.number_taken", "msg.storey_taken"):
            self.error.setText(tr(key, **fmt))
            self.error.show()

    def _new_target(self) -> None:
        self.error.hide()  # an error belongs to the edit of what was shown before
        self.schedule()
        self._target_dirty = True

    def schedule(self, *_a) -> None:
        if self._timer.isActive() and (self._target_dirty or self.body.isAncestorOf(self.focusWidget() or self)):
            # a new target is shown on time: the edits of a drag (one every few ms) must not
            # keep postponing it until the drop
            return
        self._timer.start()

    def retranslate(self) -> None:
        self.rebuild()

    # ------------------------------------------------------------------ building
    def _clear(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets.clear()

    def rebuild(self) -> None:
        self._target_dirty = False
        focus = self.focusWidget()
        focused_field = next((k for k, w in self.widgets.items() if w is focus), None)
        self._clear()
        ents = self.ed.selected_entities()
        f = self.ed.floor
        if f is None:
            self.title.setText(tr("panel.properties.none"))
            return
        if not ents:
            self._floor_form()
        else:
            types = {type(e) for e in ents}
            if len(types) > 1:
                self.title.setText(tr("panel.properties.mixed", n=len(ents)))
                counts: dict = {}
                for e in ents:
                    counts[e.KIND] = counts.get(e.KIND, 0) + 1
                for k, n in sorted(counts.items(), key=lambda kv: kv[0].value):
                    self.form.addRow(label(k), QLabel(str(n)))
            else:
                self._entity_form(ents)
        if focused_field and focused_field in self.widgets:
            self.widgets[focused_field].setFocus()

    def _row(self, name: str, w: QWidget) -> None:
        self.widgets[name] = w
        self.form.addRow(tr(f"prop.{name}"), w)

    def _info(self, key: str, text: str) -> None:
        lb = QLabel(text)
        lb.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lb.setWordWrap(True)  # a long count line wraps instead of widening the dock
        self.form.addRow(tr(key), lb)

    def _floor_form(self) -> None:
        f = self.ed.floor
        self.title.setText(tr("panel.properties.floor", name=f.name or f.id))
        name = QLineEdit(f.name)
        name.editingFinished.connect(lambda: self._floor_set(name=name.text().strip()))
        self._row("floor_name", name)
        storey = QSpinBox()
        storey.setRange(-5, 100)
        storey.setValue(f.storey)
        storey.editingFinished.connect(lambda: self._floor_set(storey=storey.value()))
        self._row("storey", storey)
        height = self._spin("height", f.height)
        h0 = height.value()  # as shown: focus in and out is no edit
        height.editingFinished.connect(lambda: height.value() != h0 and self._floor_set(height=height.value()))
        self._row("floor_height", height)
        if len(f.outline.exterior) >= 3:
            self._info("prop.outline_area", f"{f.outline.area:,.1f} m²")
            per = sum(dist(a, b) for a, b in ring_segments(f.outline.exterior))
            self._info("prop.perimeter", f"{per:,.2f} m")
            self._info("prop.vertices", str(len(f.outline.exterior)))
        zones = sum(z.area for z in f.zones.values())
        self._info("prop.zones_area", f"{zones:,.1f} m²")
        self._info("prop.counts", tr("panel.properties.counts", windows=len(f.windows), doors=len(f.doors),
                                    furniture=len(f.furniture)))

    def _floor_set(self, **changes) -> None:
        f = self.ed.floor
        if f is None:
            return
        changes = {k: v for k, v in changes.items() if getattr(f, k) != v}
        if changes:
            self.error.hide()
            self.ed.set_floor_props(**changes)

    def _range(self, name: str, cls: type | None) -> tuple[float, float, int, str]:
        lo, hi, dec, unit = KIND_RANGES.get((cls, name)) or RANGES.get(name, (-1e6, 1e6, 3, ""))
        f = self.ed.floor
        if name in ("x", "y") and f is not None and len(f.outline.exterior) >= 3:
            vals = [p[0 if name == "x" else 1] for p in f.outline.exterior]
            lo, hi = max(lo, min(vals) - XY_MARGIN), min(hi, max(vals) + XY_MARGIN)
        return lo, hi, dec, unit

    def _spin(self, name: str, value: float, cls: type | None = None) -> QDoubleSpinBox:
        lo, hi, dec, unit = self._range(name, cls)
        lo, hi = min(lo, value), max(hi, value)  # a value already outside stays shown as it is
        step = 0.1 if unit == "m" else 15.0 if unit == "°" else 1.0
        s = dspin(lo, hi, value, dec, step, f" {unit}" if unit else "")
        s.setKeyboardTracking(False)
        return s

    def _entity_form(self, ents: list[Entity]) -> None:
        e0 = ents[0]
        ids = [e.id for e in ents]
        n = len(ents)
        kind_label = label(e0.KIND)
        if n == 1:
            title = getattr(e0, "number", "") or getattr(e0, "name", "") or e0.id
            self.title.setText(f"{kind_label} · {title}")
        else:
            self.title.setText(tr("panel.properties.many", kind=kind_label, n=n))
        hints = _hints(type(e0))
        for fld in dataclasses.fields(e0):
            name = fld.name
            if name in HIDDEN:
                continue
            if name == "number" and n > 1:
                continue
            v = getattr(e0, name)
            tp = hints.get(name, type(v))
            mixed = any(getattr(e, name) != v for e in ents[1:])
            w = self._editor_for(name, tp, v, ids, type(e0), mixed)
            if w is None:
                continue
            if name in READONLY:
                w.setEnabled(False)
            self._row(name, w)
        if n == 1:
            self._extra_info(e0)

    def _editor_for(self, name: str, tp, v, ids, cls: type | None = None, mixed: bool = False) -> QWidget | None:
        """The field editor for ``name`` (value ``v`` of the first entity). ``mixed``: the selected
        entities differ in it, so the first one's value is a change too (for the others)."""
        def commit(value):
            self.error.hide()
            self.ed.set_props(ids, **{name: value})

        if isinstance(tp, type) and issubclass(tp, Enum):
            c = QComboBox()
            for m in tp:
                c.addItem(label(m), m)
            c.setCurrentIndex(list(tp).index(v))
            c.activated.connect(lambda i: commit(c.itemData(i)))
            return c
        if tp is bool or isinstance(v, bool):
            c = QCheckBox()
            c.setChecked(bool(v))
            c.toggled.connect(lambda on: commit(bool(on)))
            return c
        if name in SIDES:
            c = QComboBox()
            c.addItem(tr("side.plus"), 1)
            c.addItem(tr("side.minus"), -1)
            c.setCurrentIndex(0 if v >= 0 else 1)
            c.activated.connect(lambda i: commit(int(c.itemData(i))))
            return c
        if tp is int or (isinstance(v, int) and not isinstance(v, bool)):
            s = QSpinBox()
            s.setRange(0, 10000)
            s.setValue(int(v))
            s.setKeyboardTracking(False)
            start = s.value()  # as shown (clamped to the range): leaving the field unchanged is no edit
            s.editingFinished.connect(lambda: (mixed or s.value() != start) and commit(s.value()))
            return s
        if tp is float or isinstance(v, float):
            s = self._spin(name, float(v), cls)
            start = s.value()  # as shown (rounded to the field's decimals): focus in and out is no edit
            s.editingFinished.connect(lambda: (mixed or abs(s.value() - start) > 1e-9) and commit(float(s.value())))
            return s
        if tp is str or isinstance(v, str):
            le = QLineEdit(v)
            if name == "number":
                le.setMaxLength(max(12, len(v)))  # never cut a longer number already there (it was saved cut)

            def done():
                t = le.text().strip()
                if t == v and not mixed:
                    return
                if name == "number" and not t:
                    self.error.setText(tr("msg.number_empty"))
                    self.error.show()
                    le.setText(v)
                    return
                commit(t)

            le.editingFinished.connect(done)
            return le
        return None

    def _extra_info(self, e: Entity) -> None:
        if isinstance(e, Zone):
            self._info("prop.area", f"{e.area:,.2f} m²")
            per = sum(dist(a, b) for a, b in ring_segments(e.polygon.exterior))
            self._info("prop.perimeter", f"{per:,.2f} m")
            self._info("prop.vertices", str(len(e.polygon.exterior)))
        elif isinstance(e, Wall):
            self._info("prop.wall_length", f"{e.length:,.2f} m")
        elif isinstance(e, Door):
            self._info("prop.opens_outward", tr("ui.yes") if e.opens_outward else tr("ui.no"))
        elif isinstance(e, Furniture) or isinstance(e, ServiceWindow):
            self._info("prop.footprint", f"{ring_area(e.footprint()):,.2f} m²")
