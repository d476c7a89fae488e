"""Floors: switch, add, rename (double-click), reorder, remove; the faint other floor toggle."""

from __future__ import annotations

from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hallplan.i18n import tr
from hallplan.model import SetFloorProperties

from ..tools import Editor


class FloorsPanel(QWidget):
    def __init__(self, editor: Editor, scene, parent=None) -> None:
        super().__init__(parent)
        self.ed = editor
        self.scene = scene
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._switch)
        self.list.itemChanged.connect(self._renamed)
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        for key, fn in (("add", self.ed.add_floor), ("remove", self.ed.remove_floor),
                        ("up", lambda: self.ed.move_floor(-1)), ("down", lambda: self.ed.move_floor(1))):
            b = QToolButton()
            b.clicked.connect(lambda _=False, fn=fn: fn())
            self.buttons[key] = b
            row.addWidget(b)
        row.addStretch(1)
        self.ghost = QCheckBox()
        self.ghost.setChecked(scene.show_ghost)
        self.ghost.toggled.connect(scene.set_ghost_visible)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.list, 1)
        lay.addLayout(row)
        lay.addWidget(self.ghost)
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self.refresh)
        self._offs = [
            editor.floor_changed.connect(lambda _f: self.refresh()),
            editor.history.subscribe(self._on_change),
        ]
        self.retranslate()

    def detach(self) -> None:
        for off in self._offs:
            off()

    def _on_change(self, ev) -> None:
        if ev.action.value == "reset" or "floor" in {k.value for k in ev.touched.kinds}:
            self._timer.start()

    def retranslate(self) -> None:
        for key, b in self.buttons.items():
            b.setText(tr(f"floors.{key}"))
            b.setToolTip(tr(f"floors.{key}.tip"))
        self.ghost.setText(tr("floors.ghost"))
        self.refresh()

    def refresh(self) -> None:
        self._busy = True
        self.list.clear()
        cur = -1
        for i, f in enumerate(self.ed.plan.floors):
            it = QListWidgetItem(f.name or f"{f.storey}F")
            it.setData(Qt.ItemDataRole.UserRole, f.id)
            it.setToolTip(tr("floors.item_tip", storey=f.storey, area=f"{f.area:,.0f}"))
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(it)
            if f.id == self.ed.floor_id:
                cur = i
        self.list.setCurrentRow(cur)
        self.buttons["remove"].setEnabled(len(self.ed.plan.floors) > 1)
        self._busy = False

    def _switch(self, row: int) -> None:
        if self._busy or row < 0:
            return
        it = self.list.item(row)
        if it is not None:
            self.ed.set_floor(it.data(Qt.ItemDataRole.UserRole))

    def _renamed(self, it: QListWidgetItem) -> None:
        if self._busy:
            return
        fid = it.data(Qt.ItemDataRole.UserRole)
        name = it.text().strip()
        try:
            f = self.ed.plan.floor(fid)
        except KeyError:
            return
        if name and name != f.name:
            self.ed.push(SetFloorProperties.of(self.ed.plan, fid, name=name))
        else:
            self._timer.start()
