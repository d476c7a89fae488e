"""Small input dialogs: move by an exact offset, rotate by an exact angle, renumber windows."""

from __future__ import annotations

from PyQt6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from hallplan.i18n import tr

from ..qtutil import dspin, ok_cancel


class _Form(QDialog):
    def __init__(self, title_key: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr(title_key))
        self.form = QFormLayout()
        bb = ok_cancel(self)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(bb)


class OffsetDialog(_Form):
    def __init__(self, parent=None) -> None:
        super().__init__("dlg.move.title", parent)
        self.dx = dspin(-1e4, 1e4, 0.0, 3, suffix=" m")
        self.dy = dspin(-1e4, 1e4, 0.0, 3, suffix=" m")
        self.form.addRow("Δx", self.dx)
        self.form.addRow("Δy", self.dy)

    def value(self) -> tuple[float, float]:
        return self.dx.value(), self.dy.value()


class AngleDialog(_Form):
    def __init__(self, parent=None) -> None:
        super().__init__("dlg.rotate.title", parent)
        self.angle = dspin(-360, 360, 90.0, 2, suffix=" °")
        self.form.addRow(tr("dlg.rotate.angle"), self.angle)

    def value(self) -> float:
        return self.angle.value()


class RenumberDialog(_Form):
    def __init__(self, first: int, prefix: str, parent=None) -> None:
        super().__init__("dlg.renumber.title", parent)
        self.first = QSpinBox()
        self.first.setRange(0, 9999)
        self.first.setValue(first)
        self.prefix = QLineEdit(prefix)
        self.prefix.setMaxLength(8)  # prefix + number stay within the 12 characters of a window number
        self.prefix.setMaxLength(6)
        self.form.addRow(tr("dlg.row.first"), self.first)
        self.form.addRow(tr("dlg.row.prefix"), self.prefix)

    def value(self) -> tuple[int, str]:
        return self.first.value(), self.prefix.text().strip()
