"""Qt helpers shared by the canvas pieces and the dialogs: plan ↔ scene coordinates (the scene's y
points down, the plan's up), cached pens and brushes, spin boxes, OK/Cancel rows."""

from __future__ import annotations

from functools import lru_cache

from PyQt6.QtCore import QPointF, QSize, Qt, QTimer
from PyQt6.QtGui import QBrush, QColor, QPainterPath, QPen
from PyQt6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QSizePolicy,
    QWidget,
)

from hallplan.i18n import tr


def sp(p) -> QPointF:
    """Plan point → scene point."""
    return QPointF(p[0], -p[1])


def ring_path(ring, path: QPainterPath | None = None, close: bool = True) -> QPainterPath:
    path = path if path is not None else QPainterPath()
    if not ring:
        return path
    path.moveTo(ring[0][0], -ring[0][1])
    for x, y in ring[1:]:
        path.lineTo(x, -y)
    if close:
        path.closeSubpath()
    return path


def polygon_path(polygon) -> QPainterPath:
    """A model :class:`Polygon` (exterior and holes) as one even-odd filled path."""
    path = ring_path(polygon.exterior)
    for h in polygon.holes:
        ring_path(h, path)
    path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


def dspin(lo: float, hi: float, value: float, dec: int = 2, step: float = 1.0, suffix: str = "") -> QDoubleSpinBox:
    """A double spin box with range, decimals, step and suffix set before its value."""
    s = QDoubleSpinBox()
    s.setRange(lo, hi)
    s.setDecimals(dec)
    s.setSingleStep(step)
    s.setValue(value)
    if suffix:
        s.setSuffix(suffix)
    return s


def ok_cancel(dlg: QDialog, ok_key: str | None = None, cancel_key: str | None = None) -> QDialogButtonBox:
    """An OK/Cancel button row wired to ``dlg``'s accept/reject, optionally with catalogue texts."""
    Btn = QDialogButtonBox.StandardButton
    b = QDialogButtonBox(Btn.Ok | Btn.Cancel)
    if ok_key:
        b.button(Btn.Ok).setText(tr(ok_key))
    if cancel_key:
        b.button(Btn.Cancel).setText(tr(cancel_key))
    b.accepted.connect(dlg.accept)
    b.rejected.connect(dlg.reject)
    return b


def with_wait_cursor(fn):
    """Call ``fn()`` under the busy cursor and return its result."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return fn()
    finally:
        QApplication.restoreOverrideCursor()


def status_later(parent: QWidget | None, text: str) -> None:
    """Show ``text`` in ``parent``'s status bar once the current call has returned (so a caller's
    own generic message does not replace it)."""
    bar = getattr(parent, "statusBar", None)
    if callable(bar):
        QTimer.singleShot(0, lambda: bar().showMessage(text, 8000))


def colour(rgb, alpha: int | None = None) -> QColor:
    c = QColor(*rgb[:3])
    if len(rgb) > 3:
        c.setAlpha(rgb[3])
    if alpha is not None:
        c.setAlpha(alpha)
    return c


@lru_cache(maxsize=256)
def cpen(rgb: tuple, width: float = 1.0, style: str = "solid", alpha: int = 255) -> QPen:
    """A cosmetic pen (constant width in pixels)."""
    p = QPen(colour(rgb, alpha), width)
    p.setCosmetic(True)
    p.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    if style == "dash":
        p.setStyle(Qt.PenStyle.DashLine)
    elif style == "dot":
        p.setStyle(Qt.PenStyle.DotLine)
    return p


@lru_cache(maxsize=256)
def brush(rgb: tuple, alpha: int = 255, pattern: str = "") -> QBrush:
    b = QBrush(colour(rgb, alpha))
    if pattern == "bdiag":
        b.setStyle(Qt.BrushStyle.BDiagPattern)
    elif pattern == "cross":
        b.setStyle(Qt.BrushStyle.DiagCrossPattern)
    return b


NO_PEN = QPen(Qt.PenStyle.NoPen)
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)


class ElidedLabel(QLabel):
    """A one-line label that may be narrower than its text (elided with "…", the whole text in the
    tooltip), so a long status line never sets the window's minimum width."""

    MIN_W = 60

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self.setToolTip(text)
        self._elide()
        self.updateGeometry()

    def text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(min(self.MIN_W, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, ev) -> None:  # noqa: N802
        super().resizeEvent(ev)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width() - 2, 0))
        if super().text() != shown:
            super().setText(shown)
