"""Plan settings: name, level, jurisdiction profile, fire safety, service hours and demand inputs.
OK applies everything that changed as one undoable command."""

from __future__ import annotations

import re
from dataclasses import replace

from PyQt6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hallplan.i18n import label, tr
from hallplan.model import (
    Demand,
    DemandGroup,
    FireGrade,
    HallLevel,
    Plan,
    ServicePeriod,
    SetPlanProperties,
    WindowKind,
)

from ..qtutil import dspin, ok_cancel


def known_profiles() -> dict[str, str]:
    """Profile id → its title in the current language (ids only when a profile has no title)."""
    from hallplan.i18n import language

    try:
        from hallplan.rules.packs import load_profiles

        profs = load_profiles()
    except Exception:  # noqa: BLE001 - the rule packs are optional for the editor
        return {}
    out = {}
    for pid in sorted(profs):
        p = profs[pid]
        title = getattr(p, "title_zh" if language() == "zh" else "title_en", "") or ""
        out[pid] = f"{title} ({pid})" if title else pid
    return out


_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def _top(box: QVBoxLayout, form: QFormLayout) -> None:
    """A form kept at the top of its tab (rows not spread over the page)."""
    box.addLayout(form)
    box.addStretch(1)


def _kept(spin: QDoubleSpinBox, orig: float) -> float:
    """The spin box's value, or ``orig`` when the box still shows it (rounded to its decimals): OK
    must not round a value nobody touched (12.345 min became 12.3 on any settings change)."""
    v = spin.value()
    return orig if abs(v - orig) <= 0.5 * 10 ** -spin.decimals() + 1e-9 else v


class PlanSettingsDialog(QDialog):
    GROUP_COLS = ("key", "label", "window_kind", "domain", "peak", "daily", "handling", "cv")

    def __init__(self, plan: Plan, parent=None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(tr("dlg.settings.title"))
        self.resize(720, 520)
        tabs = QTabWidget()

        # general
        g = QWidget()
        fg = QFormLayout()
        _top(QVBoxLayout(g), fg)
        self.name = QLineEdit(plan.name)
        self.level = QComboBox()
        for lv in HallLevel:
            self.level.addItem(label(lv), lv.value)
        self.level.setCurrentIndex(list(HallLevel).index(plan.level))
        self.branch = QCheckBox()
        self.branch.setChecked(plan.branch)
        self.profile = QComboBox()
        profs = known_profiles()
        if plan.profile not in profs:
            profs = {plan.profile: plan.profile, **profs}
        for pid, title in profs.items():
            self.profile.addItem(title, pid)
        self.profile.setCurrentIndex(self.profile.findData(plan.profile))
        self.staff = QSpinBox()
        self.staff.setRange(0, 10000)
        self.staff.setValue(plan.staff_count)
        self.notes = QPlainTextEdit(plan.notes)
        self.notes.setMaximumHeight(90)
        fg.addRow(tr("settings.name"), self.name)
        fg.addRow(tr("settings.level"), self.level)
        fg.addRow(tr("settings.branch"), self.branch)
        fg.addRow(tr("settings.profile"), self.profile)
        fg.addRow(tr("settings.staff"), self.staff)
        fg.addRow(tr("settings.notes"), self.notes)
        tabs.addTab(g, tr("settings.tab.general"))

        # fire
        fw = QWidget()
        ff = QFormLayout()
        _top(QVBoxLayout(fw), ff)
        self.sprinklers = QCheckBox()
        self.sprinklers.setChecked(plan.sprinklers)
        self.fire_grade = QComboBox()
        for fgd in FireGrade:
            self.fire_grade.addItem(label(fgd), fgd.value)
        self.fire_grade.setCurrentIndex(list(FireGrade).index(plan.fire_grade))
        self.crowded = QCheckBox()
        self.crowded.setChecked(plan.crowded)
        self.high_rise = QCheckBox()
        self.high_rise.setChecked(plan.high_rise)
        ff.addRow(tr("settings.sprinklers"), self.sprinklers)
        ff.addRow(tr("settings.fire_grade"), self.fire_grade)
        ff.addRow(tr("settings.crowded"), self.crowded)
        ff.addRow(tr("settings.high_rise"), self.high_rise)
        tabs.addTab(fw, tr("settings.tab.fire"))

        # service hours
        hw = QWidget()
        hl = QVBoxLayout(hw)
        self.hours = QTableWidget(0, 3)
        self.hours.setHorizontalHeaderLabels([tr("settings.hours.days"), tr("settings.hours.start"), tr("settings.hours.end")])
        self.hours.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for sp in plan.service_hours:
            self._add_hours_row(sp.days, sp.start, sp.end)
        hl.addWidget(self.hours)
        hl.addLayout(self._row_buttons(self.hours, lambda: self._add_hours_row(tr("settings.hours.default_days"), "09:00", "17:00")))
        tabs.addTab(hw, tr("settings.tab.hours"))

        # demand
        dw = QWidget()
        dl = QVBoxLayout(dw)
        fd = QFormLayout()
        dm = plan.demand
        self.open_hours = dspin(0.5, 24, dm.opening_hours_per_day, 1, 0.5, " h")
        self.shifts = QSpinBox()
        self.shifts.setRange(1, 4)
        self.shifts.setValue(dm.shifts)
        self.max_wait = dspin(1, 240, dm.max_wait_min, 0, 5, " min")
        self.seat_margin = dspin(0, 2, dm.seat_margin, 2, 0.05)
        self.population = QSpinBox()
        self.population.setRange(0, 100_000_000)
        self.population.setValue(dm.population)
        fd.addRow(tr("settings.open_hours"), self.open_hours)
        fd.addRow(tr("settings.shifts"), self.shifts)
        fd.addRow(tr("settings.max_wait"), self.max_wait)
        fd.addRow(tr("settings.seat_margin"), self.seat_margin)
        fd.addRow(tr("settings.population"), self.population)
        dl.addLayout(fd)
        self.groups = QTableWidget(0, len(self.GROUP_COLS))
        self.groups.setHorizontalHeaderLabels([tr(f"settings.group.{c}") for c in self.GROUP_COLS])
        self.groups.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.groups.horizontalHeader().setStretchLastSection(True)
        self._orig_groups = list(dm.groups)
        for gr in dm.groups:
            self._add_group_row(gr)
        dl.addWidget(self.groups, 1)
        dl.addLayout(self._row_buttons(self.groups, lambda: self._add_group_row(DemandGroup(f"g{self.groups.rowCount() + 1}", ""))))
        tabs.addTab(dw, tr("settings.tab.demand"))

        bb = ok_cancel(self)
        self.tabs = tabs
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(tabs, 1)
        lay.addWidget(self.error)
        lay.addWidget(bb)

    def problem(self) -> tuple[int, str] | None:
        """The first invalid input as (tab index, message), or None."""
        if not self.name.text().strip():
            return 0, tr("settings.err.name_empty")
        for r in range(self.hours.rowCount()):
            if not self._text(self.hours, r, 0):
                continue
            times = []
            for c in (1, 2):
                t = self._text(self.hours, r, c).replace("：", ":")
                m = _TIME.match(t)
                if m is None or int(m.group(1)) > 24 or int(m.group(2)) > 59 or (int(m.group(1)) == 24 and int(m.group(2))):
                    return 2, tr("settings.err.time", row=r + 1, text=t or "—")
                times.append(int(m.group(1)) * 60 + int(m.group(2)))
            if times[0] >= times[1]:
                return 2, tr("settings.err.time_order", row=r + 1)
        keys = [self._text(self.groups, r, 0) for r in range(self.groups.rowCount())]
        seen = set()
        for k in keys:
            if k and k in seen:
                return 3, tr("settings.err.group_dup", key=k)
            seen.add(k)
        return None

    def accept(self) -> None:
        bad = self.problem()
        if bad is not None:
            self.tabs.setCurrentIndex(bad[0])
            self.error.setText(bad[1])
            self.error.show()
            return
        super().accept()

    def _row_buttons(self, table: QTableWidget, add) -> QHBoxLayout:
        row = QHBoxLayout()
        a = QPushButton(tr("settings.add_row"))
        a.clicked.connect(add)
        r = QPushButton(tr("settings.remove_row"))
        r.clicked.connect(lambda: table.removeRow(table.currentRow()) if table.currentRow() >= 0 else None)
        row.addWidget(a)
        row.addWidget(r)
        row.addStretch(1)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        return row

    def _add_hours_row(self, days: str, start: str, end: str) -> None:
        r = self.hours.rowCount()
        self.hours.insertRow(r)
        for c, v in enumerate((days, start, end)):
            self.hours.setItem(r, c, QTableWidgetItem(v))

    def _add_group_row(self, gr: DemandGroup) -> None:
        t = self.groups
        r = t.rowCount()
        t.insertRow(r)
        t.setItem(r, 0, QTableWidgetItem(gr.key))
        t.setItem(r, 1, QTableWidgetItem(gr.label))
        kind = QComboBox()
        for k in WindowKind:
            kind.addItem(label(k), k.value)
        kind.setCurrentIndex(list(WindowKind).index(gr.window_kinds[0] if gr.window_kinds else WindowKind.UNIVERSAL))
        t.setCellWidget(r, 2, kind)
        t.setItem(r, 3, QTableWidgetItem(gr.domain))
        t.setCellWidget(r, 4, dspin(0, 100000, gr.peak_arrivals_per_hour, 1, 1))
        t.setCellWidget(r, 5, dspin(0, 1000000, gr.daily_cases, 0, 10))
        t.setCellWidget(r, 6, dspin(0.1, 600, gr.mean_handling_min, 1, 1))
        t.setCellWidget(r, 7, dspin(0, 5, gr.handling_cv, 2, 0.1))
        t.item(r, 0).setData(256, r if r < len(self._orig_groups) else -1)

    def _text(self, table, r, c) -> str:
        it = table.item(r, c)
        return it.text().strip() if it is not None else ""

    def values(self) -> dict:
        hours = tuple(
            ServicePeriod(self._text(self.hours, r, 0), self._text(self.hours, r, 1), self._text(self.hours, r, 2))
            for r in range(self.hours.rowCount())
            if self._text(self.hours, r, 0)
        )
        groups = []
        for r in range(self.groups.rowCount()):
            key = self._text(self.groups, r, 0)
            if not key:
                continue
            orig_i = self.groups.item(r, 0).data(256)
            base = self._orig_groups[orig_i] if isinstance(orig_i, int) and 0 <= orig_i < len(self._orig_groups) else DemandGroup(key, "")
            kind = list(WindowKind)[self.groups.cellWidget(r, 2).currentIndex()]
            kinds = base.window_kinds if base.window_kinds and base.window_kinds[0] == kind else (kind,)
            groups.append(replace(
                base, key=key, label=self._text(self.groups, r, 1), window_kinds=kinds,
                domain=self._text(self.groups, r, 3),
                peak_arrivals_per_hour=_kept(self.groups.cellWidget(r, 4), base.peak_arrivals_per_hour),
                daily_cases=_kept(self.groups.cellWidget(r, 5), base.daily_cases),
                mean_handling_min=_kept(self.groups.cellWidget(r, 6), base.mean_handling_min),
                handling_cv=_kept(self.groups.cellWidget(r, 7), base.handling_cv),
            ))
        dm = self.plan.demand
        demand = Demand(tuple(groups), _kept(self.open_hours, dm.opening_hours_per_day), self.shifts.value(),
                        _kept(self.max_wait, dm.max_wait_min), _kept(self.seat_margin, dm.seat_margin),
                        self.population.value())
        if demand == self.plan.demand:
            demand = self.plan.demand
        return {
            "name": self.name.text().strip(),
            "level": list(HallLevel)[self.level.currentIndex()],
            "branch": self.branch.isChecked(),
            "profile": self.profile.currentData() or "default",
            "staff_count": self.staff.value(),
            "notes": self.notes.toPlainText(),
            "sprinklers": self.sprinklers.isChecked(),
            "fire_grade": list(FireGrade)[self.fire_grade.currentIndex()],
            "crowded": self.crowded.isChecked(),
            "high_rise": self.high_rise.isChecked(),
            "service_hours": hours,
            "demand": demand,
        }

    def command(self) -> SetPlanProperties | None:
        changed = {k: v for k, v in self.values().items() if getattr(self.plan, k) != v}
        return SetPlanProperties.of(self.plan, **changed) if changed else None
