"""Layers: show or hide entity kinds, zone labels, the grid and the faint other floor."""

from __future__ import annotations

from PyQt6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from hallplan.i18n import tr
from hallplan.model import EntityKind

LAYERS = (
    EntityKind.FLOOR, EntityKind.WALL, EntityKind.COLUMN, EntityKind.ZONE, EntityKind.WINDOW,
    EntityKind.DOOR, EntityKind.FURNITURE, EntityKind.STAIR, EntityKind.LIFT,
)


class LayersPanel(QWidget):
    def __init__(self, scene, canvas, parent=None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.canvas = canvas
        self.boxes: dict[str, QCheckBox] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.setSpacing(2)
        for k in LAYERS:
            b = QCheckBox()
            b.setChecked(k not in scene.ed.hidden)
            b.toggled.connect(lambda on, k=k: scene.set_kind_visible(k, on))
            self.boxes[k.value] = b
            lay.addWidget(b)
        extra = (
            ("labels", scene.show_labels, scene.set_labels_visible),
            ("views", scene.show_views, scene.set_views_visible),
            ("grid", canvas.show_grid, self._grid),
        )
        for key, on, fn in extra:
            b = QCheckBox()
            b.setChecked(on)
            b.toggled.connect(fn)
            self.boxes[key] = b
            lay.addWidget(b)
        lay.addStretch(1)
        self.retranslate()

    def _grid(self, on: bool) -> None:
        self.canvas.show_grid = on
        self.canvas.viewport().update()

    def retranslate(self) -> None:
        for key, b in self.boxes.items():
            b.setText(tr(f"layer.{key}"))
