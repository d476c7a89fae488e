"""Zone legend with areas: colour, kind, area on this floor and in the whole plan.
Double-click a row to select those zones."""

from __future__ import annotations

from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from hallplan.i18n import label, tr
from hallplan.model import ZoneKind

from ..icons import zone_icon
from ..tools import Editor


class LegendPanel(QWidget):
    def __init__(self, editor: Editor, parent=None) -> None:
        super().__init__(parent)
        self.ed = editor
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(3)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        h = self.tree.header()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        h.setStretchLastSection(False)
        self.tree.itemDoubleClicked.connect(self._select_kind)
        self.total = QLabel()
        self.total.setStyleSheet("color: #444; padding: 3px 2px;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.total)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh)
        self._offs = [
            editor.history.subscribe(self._on_change),
            editor.floor_changed.connect(lambda _f: self.refresh()),
        ]
        self.refresh()

    def detach(self) -> None:
        for off in self._offs:
            off()

    def _on_change(self, ev) -> None:
        kinds = {k.value for k in ev.touched.kinds}
        if ev.action.value == "reset":
            self.refresh()
        elif kinds & {"zone", "floor"}:
            self._timer.start()

    def count(self) -> int:
        return self.tree.topLevelItemCount()

    def retranslate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.tree.setHeaderLabels([tr("legend.kind"), tr("legend.floor_area"), tr("legend.plan_area")])
        here: dict[ZoneKind, float] = {}
        total: dict[ZoneKind, float] = {}
        f = self.ed.floor
        for fl in self.ed.plan.floors:
            for z in fl.zones.values():
                total[z.kind] = total.get(z.kind, 0.0) + z.area
                if f is not None and fl.id == f.id:
                    here[z.kind] = here.get(z.kind, 0.0) + z.area
        self.tree.clear()
        order = list(ZoneKind)
        for k in sorted(total, key=order.index):
            it = QTreeWidgetItem([label(k), f"{here.get(k, 0.0):,.1f}" if k in here else "—", f"{total[k]:,.1f}"])
            it.setIcon(0, zone_icon(k))
            it.setData(0, Qt.ItemDataRole.UserRole, k.value)
            for c in (1, 2):
                it.setTextAlignment(c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(it)
        gross = f.area if f is not None and len(f.outline.exterior) >= 3 else 0.0
        self.total.setText(tr("legend.total", zones=f"{sum(here.values()):,.1f}", gross=f"{gross:,.1f}"))

    def _select_kind(self, it: QTreeWidgetItem, _col: int) -> None:
        f = self.ed.floor
        if f is None:
            return
        k = it.data(0, Qt.ItemDataRole.UserRole)
        self.ed.select([z.id for z in f.zones.values() if z.kind.value == k])
