"""Tool options: the palette of what the active tool creates (zone kinds with their colours,
furniture with icons, door kinds, window kind and domain, wall thickness …) and a hint."""

from __future__ import annotations

from PyQt6.QtCore import QSize, Qt
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hallplan.i18n import label, tr
from hallplan.model import Domain, DoorKind, FurnitureKind, Hinge, WallKind, WindowKind, ZoneKind

from ..icons import door_icon, furniture_icon, zone_icon
from ..qtutil import dspin
from ..tools import Editor

PAGES = {
    "zone_rect": "zones", "zone_poly": "zones",
    "furniture": "furniture",
    "door": "doors",
    "window": "windows", "window_row": "windows",
    "wall": "walls", "wall_rect": "walls",
    "column": "columns",
}


def _kind_list(kinds, icon, current, icon_px: int = 28) -> QListWidget:
    """A list of every member of the enum ``kinds`` with its icon and label, ``current`` selected."""
    lst = QListWidget()
    lst.setIconSize(QSize(icon_px, icon_px))
    for k in kinds:
        it = QListWidgetItem(icon(k), label(k))
        it.setData(Qt.ItemDataRole.UserRole, k.value)
        lst.addItem(it)
    lst.setCurrentRow(list(kinds).index(current))
    return lst


class ToolOptionsPanel(QWidget):
    def __init__(self, editor: Editor, parent=None) -> None:
        super().__init__(parent)
        self.ed = editor
        o = editor.options
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600; font-size: 13px;")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.labels: list[tuple[QLabel, str]] = []
        self.stack.addWidget(QWidget())

        # zones
        self.zone_list = _kind_list(ZoneKind, zone_icon, o.zone_kind, 16)
        self.zone_list.currentRowChanged.connect(lambda r: setattr(o, "zone_kind", list(ZoneKind)[r]) if r >= 0 else None)
        self._page("zones", self.zone_list)

        # furniture
        self.furn_list = _kind_list(FurnitureKind, furniture_icon, o.furniture_kind)
        self.furn_list.currentRowChanged.connect(self._furniture_kind)
        self.furn_list.itemClicked.connect(lambda _it: self._furniture_kind(self.furn_list.currentRow()))
        self.seats = QSpinBox()
        self.seats.setRange(1, 40)
        self.seats.setValue(o.seats)
        self.seats.valueChanged.connect(lambda v: setattr(o, "seats", v))
        self._page("furniture", self.furn_list, (("opt.seats", self.seats),))

        # doors
        self.door_list = _kind_list(DoorKind, door_icon, o.door_kind)
        self.door_width = dspin(0.6, 6.0, o.door_width, step=0.05, suffix=" m")
        self.door_width.valueChanged.connect(lambda v: setattr(o, "door_width", v))
        self.hinge = QComboBox()
        for h in Hinge:
            self.hinge.addItem(label(h), h.value)
        self.hinge.setCurrentIndex(list(Hinge).index(o.door_hinge))
        self.hinge.activated.connect(lambda i: setattr(o, "door_hinge", list(Hinge)[i]))
        self.door_list.currentRowChanged.connect(self._door_kind)
        self._page("doors", self.door_list, (("opt.door_width", self.door_width), ("opt.hinge", self.hinge)))

        # windows
        self.win_kind = QComboBox()
        for k in WindowKind:
            self.win_kind.addItem(label(k), k.value)
        self.win_kind.setCurrentIndex(list(WindowKind).index(o.window_kind))
        self.win_kind.activated.connect(lambda i: setattr(o, "window_kind", list(WindowKind)[i]))
        self.domain = QComboBox()
        for d in Domain:
            self.domain.addItem(label(d), d.value)
        self.domain.activated.connect(lambda i: setattr(o, "domain", list(Domain)[i]))
        self.win_len = dspin(0.6, 4.0, o.window_length, step=0.05, suffix=" m")
        self.win_len.valueChanged.connect(lambda v: setattr(o, "window_length", v))
        self.win_depth = dspin(0.3, 2.0, o.window_depth, step=0.05, suffix=" m")
        self.win_depth.valueChanged.connect(lambda v: setattr(o, "window_depth", v))
        self.win_count = QSpinBox()
        self.win_count.setRange(1, 200)
        self.win_count.setValue(o.row.count)
        self.win_count.valueChanged.connect(lambda v: setattr(o.row, "count", v))
        self._page("windows", None, (("opt.window_kind", self.win_kind), ("opt.domain", self.domain),
                                     ("opt.window_length", self.win_len), ("opt.window_depth", self.win_depth),
                                     ("opt.window_count", self.win_count)))

        # walls
        self.wall_t = dspin(0.05, 1.0, o.wall_thickness, step=0.05, suffix=" m")
        self.wall_t.valueChanged.connect(lambda v: setattr(o, "wall_thickness", v))
        self.wall_kind = QComboBox()
        for k in WallKind:
            self.wall_kind.addItem(label(k), k.value)
        self.wall_kind.setCurrentIndex(list(WallKind).index(o.wall_kind))
        self.wall_kind.activated.connect(lambda i: setattr(o, "wall_kind", list(WallKind)[i]))
        self._page("walls", None, (("opt.wall_thickness", self.wall_t), ("opt.wall_kind", self.wall_kind)))

        # columns
        self.col_size = dspin(0.2, 3.0, o.column_size, step=0.05, suffix=" m")
        self.col_size.valueChanged.connect(lambda v: setattr(o, "column_size", v))
        self.col_round = QCheckBox()
        self.col_round.toggled.connect(lambda on: setattr(o, "column_round", on))
        self._page("columns", None, (("opt.column_size", self.col_size), ("opt.column_round", self.col_round)))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.addWidget(self.title)
        lay.addWidget(self.hint)
        lay.addWidget(self.stack, 1)
        self._off = editor.tool_changed.connect(self.on_tool)
        self.on_tool(editor.tool.name)

    def detach(self) -> None:
        self._off()

    def _page(self, key: str, lst: QWidget | None, rows=()) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 4, 0, 0)
        if lst is not None:
            v.addWidget(lst, 1)
        if rows:
            form = QFormLayout()
            for k, widget in rows:
                lb = QLabel(tr(k))
                self.labels.append((lb, k))
                form.addRow(lb, widget)
            v.addLayout(form)
        if lst is None:
            v.addStretch(1)
        self.pages[key] = w
        self.stack.addWidget(w)

    def _furniture_kind(self, row: int) -> None:
        if row >= 0:
            self.ed.options.furniture_kind = list(FurnitureKind)[row]
            if self.ed.tool.name != "furniture":
                self.ed.set_tool("furniture")

    def _door_kind(self, row: int) -> None:
        if row < 0:
            return
        o = self.ed.options
        o.set_door_kind(list(DoorKind)[row])
        self.door_width.blockSignals(True)
        self.door_width.setValue(o.door_width)
        self.door_width.blockSignals(False)
        self.hinge.setCurrentIndex(list(Hinge).index(o.door_hinge))

    def on_tool(self, name: str) -> None:
        self.title.setText(tr(f"tool.{name}"))
        self.hint.setText(tr(f"hint.{name}"))
        page = PAGES.get(name)
        self.stack.setCurrentWidget(self.pages[page] if page else self.stack.widget(0))
        self.win_count.setEnabled(name == "window_row")

    def retranslate(self) -> None:
        for lb, k in self.labels:
            lb.setText(tr(k))
        for lst, enum in ((self.zone_list, ZoneKind), (self.furn_list, FurnitureKind), (self.door_list, DoorKind)):
            for i, m in enumerate(enum):
                lst.item(i).setText(label(m))
        for combo, enum in ((self.win_kind, WindowKind), (self.domain, Domain), (self.hinge, Hinge), (self.wall_kind, WallKind)):
            for i, m in enumerate(enum):
                combo.setItemText(i, label(m))
        self.on_tool(self.ed.tool.name)
