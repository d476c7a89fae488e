"""The sizing dialog: windows, seats and staff from demand, with a chart of wait against windows.

Shows, per demand group, the window count needed for the mean wait limit (JZ-8, LA-4.1.1) and what
the plan has; a chart of the mean and 90th-percentile wait against the number of windows (drawn with
QPainter, no chart module needed); the seat (YZ-3.3) and staff (LA-4.4.1.2) totals and the findings
of every document's sizing rules (:func:`hallplan.rules.checks_sizing.sizing_findings`, the rule
engine's findings, marked where the plan's profile does not apply the rule); and a button that adds
the missing windows as one undoable command (:func:`hallplan.rules.sizing.recommended_window_row`,
built on ``edits.window_row``).

The dialog reads ``main_window.history`` (and its plan), subscribes to its change events while open
and unsubscribes when closed. Open it with :func:`open_sizing_dialog`.
"""

from __future__ import annotations

import math

from PyQt6.QtCore import QPointF, QRectF, Qt
from PyQt6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PyQt6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallplan.i18n import label, language, tr
from hallplan.rules.checks_sizing import profile_rule_ids, sizing_findings
from hallplan.rules.sizing import (
    GroupSizing,
    QueueStats,
    Sizing,
    recommended_window_row,
    size_plan,
    wait_curve,
)

MEAN_COLOUR = QColor(31, 119, 180)
P90_COLOUR = QColor(255, 127, 14)
LIMIT_COLOUR = QColor(200, 40, 40)
NEED_COLOUR = QColor(44, 160, 44)
PLAN_COLOUR = QColor(120, 120, 120)


def _fmt(m: float) -> str:
    return "∞" if math.isinf(m) else f"{m:.1f}"


class WaitChart(QWidget):
    """Mean and p90 wait (minutes) against the number of windows, with the limit and markers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.curve: list[QueueStats] = []
        self.limit = 30.0
        self.drawn = 0
        self.needed = 0
        self.setMinimumSize(420, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, curve: list[QueueStats], limit: float, drawn: int, needed: int) -> None:
        self.curve, self.limit, self.drawn, self.needed = list(curve), limit, drawn, needed
        self.update()

    # geometry of the plot area and the value → pixel maps
    def _frame(self) -> tuple[QRectF, float, float, int, int]:
        r = QRectF(self.rect()).adjusted(52, 28, -16, -40)
        xs = [q.windows for q in self.curve] or [1]
        lo, hi = min(xs), max(xs)
        finite = [v for q in self.curve for v in (q.mean_wait, q.p90_wait) if math.isfinite(v)]
        ymax = max([self.limit * 1.5] + [v for v in finite if v <= self.limit * 4])
        return r, 0.0, _nice(ymax), lo, hi

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(255, 255, 255))
        if not self.curve:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("sizing.gui.no_data"))
            p.end()
            return
        r, y0, y1, lo, hi = self._frame()
        span = max(hi - lo, 1)

        def px(c: float) -> float:
            return r.left() + (c - lo + 0.5) / (span + 1) * r.width()

        def py(v: float) -> float:
            v = min(max(v, y0), y1)
            return r.bottom() - (v - y0) / (y1 - y0) * r.height()

        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        p.setFont(small)
        # axes and grid
        grid = QPen(QColor(225, 225, 225), 1)
        axis = QPen(QColor(90, 90, 90), 1)
        step = _nice(y1 / 5)
        v = 0.0
        while v <= y1 + 1e-9:
            p.setPen(grid)
            p.drawLine(QPointF(r.left(), py(v)), QPointF(r.right(), py(v)))
            p.setPen(axis)
            p.drawText(QRectF(0, py(v) - 8, r.left() - 6, 16),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{v:g}")
            v += step
        p.setPen(axis)
        p.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))
        p.drawLine(QPointF(r.left(), r.top()), QPointF(r.left(), r.bottom()))
        for q in self.curve:
            x = px(q.windows)
            p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4))
            p.drawText(QRectF(x - 20, r.bottom() + 4, 40, 16), Qt.AlignmentFlag.AlignCenter, str(q.windows))
        p.drawText(QRectF(r.left(), r.bottom() + 20, r.width(), 18), Qt.AlignmentFlag.AlignCenter,
                   tr("sizing.gui.x_axis"))
        p.drawText(QRectF(4, 4, 300, 18), Qt.AlignmentFlag.AlignLeft, tr("sizing.gui.y_axis"))
        # markers: drawn and needed window counts
        for count, col, key in ((self.drawn, PLAN_COLOUR, "sizing.cli.note.plan"),
                                (self.needed, NEED_COLOUR, "sizing.cli.note.need")):
            if lo <= count <= hi:
                pen = QPen(col, 1, Qt.PenStyle.DotLine)
                p.setPen(pen)
                x = px(count)
                p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
                p.drawText(QRectF(x + 3, r.bottom() - 18, 60, 16), Qt.AlignmentFlag.AlignLeft, tr(key))
        # the limit
        p.setPen(QPen(LIMIT_COLOUR, 1.5, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(r.left(), py(self.limit)), QPointF(r.right(), py(self.limit)))
        p.drawText(QRectF(r.right() - 160, py(self.limit) - 17, 160, 16), Qt.AlignmentFlag.AlignRight,
                   tr("sizing.gui.limit", limit=f"{self.limit:g}"))
        # the curves (unbounded values drawn at the top with ∞)
        for attr, col in (("p90_wait", P90_COLOUR), ("mean_wait", MEAN_COLOUR)):
            path = QPainterPath()
            y_top = py(math.inf)  # values above the axis are drawn at the top with their number
            pts = [(px(q.windows), py(getattr(q, attr)), getattr(q, attr)) for q in self.curve]
            for i, (x, y, _) in enumerate(pts):
                if i == 0:
                    path.moveTo(x, y)
                else:
                    path.lineTo(x, y)
            p.setPen(QPen(col, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
            p.setBrush(col)
            for x, y, v in pts:
                p.drawEllipse(QPointF(x, y), 3, 3)
                if math.isinf(v) or y <= y_top + 0.5:
                    p.drawText(QRectF(x + 4, y - 2, 60, 14), Qt.AlignmentFlag.AlignLeft, "∞" if math.isinf(v) else f"{v:.0f}")
        # legend
        lx, ly = r.right() - 150, r.top() + 4
        for i, (col, key) in enumerate(((MEAN_COLOUR, "sizing.gui.mean"), (P90_COLOUR, "sizing.gui.p90"))):
            p.setPen(QPen(col, 2))
            p.drawLine(QPointF(lx, ly + 8 + i * 16), QPointF(lx + 18, ly + 8 + i * 16))
            p.setPen(axis)
            p.drawText(QRectF(lx + 22, ly + i * 16, 130, 16), Qt.AlignmentFlag.AlignVCenter, tr(key))
        p.end()


def _nice(x: float) -> float:
    """A round number ≥ x (1, 2, 2.5, 5 × 10^k)."""
    if x <= 0:
        return 1.0
    e = 10 ** math.floor(math.log10(x))
    for m in (1, 2, 2.5, 5, 10):
        if m * e >= x - 1e-12:
            return m * e
    return 10 * e  # pragma: no cover


class SizingDialog(QDialog):
    """Sizing of the open plan; follows the plan's edits while it is open."""

    def __init__(self, main_window) -> None:
        super().__init__(main_window)
        self.main_window = main_window
        self.history = main_window.history
        self.sizing: Sizing | None = None
        self.setWindowTitle(tr("sizing.gui.title"))
        self.resize(900, 680)

        lay = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.table = QTableWidget(0, 9)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setMaximumHeight(130)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # the columns share the width
        self.table.cellClicked.connect(self._row_changed)
        lay.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("sizing.gui.group")))
        self.group_box = QComboBox()
        self.group_box.currentIndexChanged.connect(self._group_changed)
        row.addWidget(self.group_box, 1)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_recommended)
        row.addWidget(self.add_button)
        lay.addLayout(row)
        self.chart = WaitChart()
        lay.addWidget(self.chart, 1)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        lay.addWidget(self.totals)
        self.findings = QLabel()
        self.findings.setWordWrap(True)
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.findings)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("sizing.gui.close"))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)

        self._unsubscribe = self.history.subscribe(self._on_plan_changed)
        self.finished.connect(self._teardown)
        self.refresh()

    @property
    def plan(self):
        return self.history.plan

    def _teardown(self, *_args) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_plan_changed(self, _event) -> None:
        self.refresh()

    # --- content -------------------------------------------------------------------------------
    def refresh(self) -> None:
        plan = self.plan
        s = self.sizing = size_plan(plan, simulate=True, days=200)
        self.summary.setText(
            tr("sizing.cli.title", name=plan.name or "—") + "\n" + tr("sizing.cli.method") + "\n"
            + tr("sizing.cli.targets", limit=f"{s.max_wait_min:g}", margin=f"{s.seat_margin * 100:g}", shifts=s.shifts)
        )
        headers = [tr(k, limit=f"{s.max_wait_min:g}") for k in (
            "sizing.cli.col.group", "sizing.cli.col.peak", "sizing.cli.col.load", "sizing.cli.col.have",
            "sizing.cli.col.need", "sizing.cli.col.mean_wait", "sizing.cli.col.p90", "sizing.cli.col.sim_mean",
            "sizing.cli.col.seats")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(s.groups))
        for i, gs in enumerate(s.groups):
            q = gs.at_need
            sim = gs.simulation
            cells = [
                gs.group.label or gs.group.key, f"{gs.peak_rate:g}", f"{q.offered_load:.2f}",
                str(gs.windows_in_plan), str(gs.windows_needed), _fmt(q.mean_wait), _fmt(q.p90_wait),
                "—" if sim is None else f"{sim.mean_wait:.1f} ± {sim.mean_wait_ci:.1f}", str(gs.seats_needed),
            ]
            for j, c in enumerate(cells):
                it = QTableWidgetItem(c)
                if j:
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if j == 3 and gs.windows_in_plan < gs.windows_needed:
                    it.setForeground(LIMIT_COLOUR)
                self.table.setItem(i, j, it)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        sim_head = self.table.horizontalHeaderItem(7)
        if sim_head is not None:  # the day simulation vs the steady-state formula
            sim_head.setToolTip(tr("sizing.cli.sim_note"))
        keep = self.group_box.currentData()
        if keep is None:  # first open: the first group that lacks windows
            keep = next((gs.group.key for gs in s.groups if gs.windows_in_plan < gs.windows_needed), None)
        self.group_box.blockSignals(True)
        self.group_box.clear()
        for gs in s.groups:
            self.group_box.addItem(gs.group.label or gs.group.key, gs.group.key)
        idx = max(0, self.group_box.findData(keep)) if keep is not None else 0
        self.group_box.setCurrentIndex(idx if s.groups else -1)
        self.group_box.blockSignals(False)
        staff = str(s.staff) if s.staff > 0 else tr("sizing.cli.not_stated")
        self.totals.setText(tr("sizing.gui.totals", windows=s.windows_total, windows_need=s.windows_needed,
                               seats=s.seats, seats_need=s.seats_needed, staff=staff, staff_need=s.staff_needed))
        fs = sizing_findings(plan)
        lang = language()
        if fs:
            lines = [tr("sizing.cli.findings", n=len(fs))]
            sources = []  # each finding's clause, as `hallplan check` cites it
            applied = profile_rule_ids(plan)  # the others are not in `hallplan check`
            for f in fs:
                line = f"• [{label(f.severity)}] {f.rule_id} [{f.requirement}]: {f.message(lang)}"
                if applied is not None and f.rule_id not in applied:
                    note = tr("sizing.cli.not_in_profile", profile=plan.profile)
                    line += f" ({note})" if lang == "en" else f"（{note}）"
                lines.append(line)
                c = f.citation
                sources.append(f"{f.rule_id}: " + tr("rules.report.citation", doc=c.title(lang), ref=c.clause_ref,
                                                      clause=c.clause))
            self.findings.setText("\n".join(lines))
            self.findings.setToolTip("\n".join(sources))
        else:
            self.findings.setText(tr("sizing.cli.no_findings") if s.groups else tr("sizing.cli.no_demand"))
            self.findings.setToolTip("")
        self._group_changed()

    def current_group(self) -> GroupSizing | None:
        if self.sizing is None or not self.sizing.groups:
            return None
        key = self.group_box.currentData()
        return next((g for g in self.sizing.groups if g.group.key == key), self.sizing.groups[0])

    def _group_changed(self, *_args) -> None:
        gs = self.current_group()
        if gs is None or gs.windows_needed == 0:
            self.chart.set_data([], 30.0, 0, 0)
            self.add_button.setText(tr("sizing.gui.enough"))
            self.add_button.setEnabled(False)
            return
        g = gs.group
        start = min(gs.windows_in_plan, gs.windows_needed) if gs.windows_in_plan else None
        curve = wait_curve(gs.peak_rate, g.mean_handling_min, g.handling_cv, self.sizing.max_wait_min,
                           extra=3, start=start)
        self.chart.set_data(curve, self.sizing.max_wait_min, gs.windows_in_plan, gs.windows_needed)
        missing = max(0, gs.windows_needed - gs.windows_in_plan)
        self.add_button.setText(tr("sizing.gui.add", n=missing) if missing else tr("sizing.gui.enough"))
        self.add_button.setEnabled(missing > 0)

    def _row_changed(self, row: int, *_args) -> None:
        """Picking a group's row in the table shows that group in the chart."""
        if 0 <= row < self.group_box.count() and row != self.group_box.currentIndex():
            self.group_box.setCurrentIndex(row)

    # --- action --------------------------------------------------------------------------------
    def add_recommended(self) -> bool:
        """Add the missing windows of the current group as one undoable command."""
        gs = self.current_group()
        if gs is None:
            return False
        cmd = recommended_window_row(self.plan, gs.group.key, self.sizing)
        if cmd is None:
            return False
        self.history.push(cmd)  # the change event refreshes this dialog
        return True


def open_sizing_dialog(main_window) -> SizingDialog:
    """Open (non-modal) the sizing dialog for ``main_window``'s plan and return it."""
    dlg = SizingDialog(main_window)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dlg.show()
    return dlg
