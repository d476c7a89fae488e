"""The window-row dialog: N windows along a line or an arc, spacing, numbering, kind and domain,
with a live preview of the row (numbers, public side)."""

from __future__ import annotations

import math
from dataclasses import replace

from PyQt6.QtCore import QPointF, QRectF, Qt
from PyQt6.QtGui import QColor, QPainter, QPen
from PyQt6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hallplan.i18n import label, tr
from hallplan.model import Domain, WindowKind
from hallplan.render.style import LOW_COUNTER_COLOUR, WINDOW_COLOUR

from .. import drawing as D
from ..items import draw_placed
from ..qtutil import dspin, ok_cancel
from ..tools.options import WindowRowParams
from ..tools.place import row_windows


class RowPreview(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.params: WindowRowParams | None = None
        self.setMinimumSize(360, 220)

    def set_params(self, p: WindowRowParams) -> None:
        self.params = p
        self.update()

    def paintEvent(self, _ev) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(250, 251, 253))
        p.setPen(QPen(QColor(210, 214, 220), 1))
        p.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        prm = self.params
        if prm is None:
            return
        wins = row_windows(prm)
        if not wins:
            p.setPen(QColor(200, 40, 40))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("dlg.row.invalid"))
            return
        pts = []
        for w in wins:
            pts.extend(w.footprint())
            pts.append(w.front_point(1.2))
            pts.append(w.front_point(-1.0))
        xs = [q[0] for q in pts]
        ys = [q[1] for q in pts]
        bw, bh = max(xs) - min(xs), max(ys) - min(ys)
        k = min((self.width() - 30) / max(bw, 0.1), (self.height() - 30) / max(bh, 0.1))
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        p.translate(self.width() / 2, self.height() / 2)
        p.scale(k, k)
        p.translate(-cx, cy)
        # the row line (start → end) and the public side arrows
        p.setPen(QPen(QColor(150, 150, 150), 0, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(prm.start[0], -prm.start[1]), QPointF(prm.end[0], -prm.end[1]))
        for w in wins:
            d = D.window_drawing(w.length, w.depth, w.staff_side, w.low_counter, w.number)
            draw_placed(p, d, w.x, w.y, w.rotation, k)
            a = w.front_point(0.15)
            b = w.front_point(0.9)
            p.setPen(QPen(QColor(*LOW_COUNTER_COLOUR), 0))
            p.drawLine(QPointF(a[0], -a[1]), QPointF(b[0], -b[1]))
        p.resetTransform()
        p.setPen(QColor(*WINDOW_COLOUR))
        p.drawText(QRectF(8, 6, self.width() - 16, 18), Qt.AlignmentFlag.AlignLeft,
                   tr("dlg.row.summary", n=len(wins), first=wins[0].number, last=wins[-1].number,
                      spacing=f"{prm.spacing:.2f}"))
        p.setPen(QColor(*LOW_COUNTER_COLOUR))
        p.drawText(QRectF(8, self.height() - 22, self.width() - 16, 18), Qt.AlignmentFlag.AlignLeft,
                   tr("dlg.row.public_arrows"))


class WindowRowDialog(QDialog):
    def __init__(self, params: WindowRowParams, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("dlg.row.title"))
        self.base = params
        self.preview = RowPreview()

        self.sx = dspin(-1e4, 1e4, params.start[0], 3, 0.1, " m")
        self.sy = dspin(-1e4, 1e4, params.start[1], 3, 0.1, " m")
        self.ex = dspin(-1e4, 1e4, params.end[0], 3, 0.1, " m")
        self.ey = dspin(-1e4, 1e4, params.end[1], 3, 0.1, " m")
        self.count = QSpinBox()
        self.count.setRange(1, 200)
        self.count.setValue(params.count)
        self.spacing = dspin(0.5, 20.0, params.spacing if params.spacing > 0 else 1.6, 2, 0.05, " m")
        self.first = QSpinBox()
        self.first.setRange(0, 9999)
        self.first.setValue(params.first_number)
        self.prefix = QLineEdit(params.number_prefix)
        self.prefix.setMaxLength(6)
        self.kind = QComboBox()
        for k in WindowKind:
            self.kind.addItem(label(k), k.value)
        self.kind.setCurrentIndex(list(WindowKind).index(params.kind))
        self.domain = QComboBox()
        for d in Domain:
            self.domain.addItem(label(d), d.value)
        self.domain.setCurrentIndex(list(Domain).index(params.domain))
        self.name = QLineEdit(params.name)
        self.length = dspin(0.6, 4.0, params.length, 2, 0.05, " m")
        self.depth = dspin(0.3, 2.0, params.depth, 2, 0.05, " m")
        self.height = dspin(0.5, 1.5, params.height, 2, 0.05, " m")
        self.arc = dspin(-50.0, 50.0, params.arc_bulge, 2, 0.1, " m")
        self.side_left = QRadioButton(tr("dlg.row.side_left"))
        self.side_right = QRadioButton(tr("dlg.row.side_right"))
        grp = QButtonGroup(self)
        grp.addButton(self.side_left)
        grp.addButton(self.side_right)
        (self.side_left if params.public_side > 0 else self.side_right).setChecked(True)

        line = QGroupBox(tr("dlg.row.line"))
        fl = QFormLayout(line)
        r1 = QHBoxLayout()
        r1.addWidget(self.sx)
        r1.addWidget(self.sy)
        r2 = QHBoxLayout()
        r2.addWidget(self.ex)
        r2.addWidget(self.ey)
        fl.addRow(tr("dlg.row.start"), r1)
        fl.addRow(tr("dlg.row.end"), r2)
        fl.addRow(tr("dlg.row.count"), self.count)
        fl.addRow(tr("dlg.row.spacing"), self.spacing)
        fl.addRow(tr("dlg.row.arc"), self.arc)
        sides = QHBoxLayout()
        sides.addWidget(self.side_left)
        sides.addWidget(self.side_right)
        fl.addRow(tr("dlg.row.public_side"), sides)

        win = QGroupBox(tr("dlg.row.windows"))
        fw = QFormLayout(win)
        fw.addRow(tr("dlg.row.first"), self.first)
        fw.addRow(tr("dlg.row.prefix"), self.prefix)
        fw.addRow(tr("prop.kind"), self.kind)
        fw.addRow(tr("prop.domain"), self.domain)
        fw.addRow(tr("prop.name"), self.name)
        fw.addRow(tr("prop.length"), self.length)
        fw.addRow(tr("prop.depth"), self.depth)
        fw.addRow(tr("prop.height"), self.height)

        left = QVBoxLayout()
        left.addWidget(line)
        left.addWidget(win)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("dlg.row.preview")))
        right.addWidget(self.preview, 1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        self.buttons = ok_cancel(self)
        lay = QVBoxLayout(self)
        lay.addLayout(body, 1)
        lay.addWidget(self.buttons)

        for w in (self.sx, self.sy, self.ex, self.ey, self.length, self.depth, self.height, self.arc):
            w.valueChanged.connect(self._changed)
        self.count.valueChanged.connect(self._count_changed)
        self.spacing.valueChanged.connect(self._spacing_changed)
        self.first.valueChanged.connect(self._changed)
        self.prefix.textChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._changed)
        self.domain.currentIndexChanged.connect(self._changed)
        self.side_left.toggled.connect(self._changed)
        self._busy = False
        self._changed()

    def _length(self) -> float:
        return math.hypot(self.ex.value() - self.sx.value(), self.ey.value() - self.sy.value())

    def _count_changed(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.spacing.setValue(self._length() / max(self.count.value(), 1))
        self._busy = False
        self._changed()

    def _spacing_changed(self) -> None:
        """Keep the start point and direction; the end moves so that count × spacing fits."""
        if self._busy:
            return
        L = self._length()
        if L < 1e-6:
            return
        ux, uy = (self.ex.value() - self.sx.value()) / L, (self.ey.value() - self.sy.value()) / L
        total = self.spacing.value() * self.count.value()
        self._busy = True
        self.ex.setValue(self.sx.value() + ux * total)
        self.ey.setValue(self.sy.value() + uy * total)
        self._busy = False
        self._changed()

    def _changed(self, *_a) -> None:
        if not self._busy:
            self._busy = True
            self.spacing.setValue(self._length() / max(self.count.value(), 1))
            self._busy = False
        self.preview.set_params(self.params())

    def params(self) -> WindowRowParams:
        return replace(
            self.base,
            start=(self.sx.value(), self.sy.value()),
            end=(self.ex.value(), self.ey.value()),
            count=self.count.value(),
            first_number=self.first.value(),
            number_prefix=self.prefix.text().strip(),
            kind=list(WindowKind)[self.kind.currentIndex()],
            domain=list(Domain)[self.domain.currentIndex()],
            name=self.name.text().strip(),
            length=self.length.value(),
            depth=self.depth.value(),
            height=self.height.value(),
            public_side=1 if self.side_left.isChecked() else -1,
            arc_bulge=self.arc.value(),
        )
