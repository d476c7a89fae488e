"""File ▸ Export ▸ DXF… and File ▸ Import ▸ DXF…: option dialogs in front of
:mod:`hallplan.io.dxf_export` and :mod:`hallplan.io.dxf_import`.

:mod:`hallplan.gui.io_menu` registers :func:`export_dxf` (``fn(plan, path)``) and :func:`import_dxf`
(``fn(path)``). The main window asks for the file and calls them.

- Export: language, paper and scale (automatic by default), floors, dimensions, title block, the
  plan's findings on the hidden ``HP-FINDINGS`` layer, the TrueType font named in the text style.
  The file is audited before it is written (:func:`hallplan.io.dxf_export.export_plan`).
- Import: what reading found (version, text encoding, what ezdxf's auditor fixed, SHX fonts mapped,
  天正 advice), the units (from ``$INSUNITS``, else a guess to confirm), the joining tolerance and a
  table of layers, each with a role (outline / walls / columns / rooms / not used) pre-set from
  the suggestions, and what to do with the result: a new plan (returned to the main window), or
  the floors added to the open plan as one undoable command.

The dialogs have accessors (:meth:`options`, :meth:`target`, :meth:`mode`) so they are tested
without being shown; :data:`_exec` is the one place a dialog runs modally (tests replace it).
"""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallplan.i18n import label, language, tr
from hallplan.io.dxf_export import (
    SCALES,
    ExportOptions,
    ExportReport,
    evacuation_routes,
    export_plan,
)
from hallplan.io.dxf_import import (
    ROLES,
    DxfImportError,
    ImportOptions,
    ImportResult,
    Inspection,
    OpenedDxf,
    add_floors_command,
    build_plan,
    open_dxf,
)
from hallplan.model import HallLevel, Plan

from .qtutil import ok_cancel, status_later, with_wait_cursor

PAPERS = ("A3", "A2", "A1", "A0")
FONTS = ("simhei.ttf", "simsun.ttc", "msyh.ttc", "wqy-microhei.ttf")
UNITS = ("mm", "cm", "m")

_last_export: ExportOptions | None = None
_last_findings = False


def _exec(dlg: QDialog) -> bool:
    """Run ``dlg`` modally; True when accepted (tests replace this)."""
    return dlg.exec() == QDialog.DialogCode.Accepted


def _parent() -> QWidget | None:
    return QApplication.activeWindow()


# --------------------------------------------------------------------------------------------
# export


class DxfExportDialog(QDialog):
    """Options for the DXF export."""

    def __init__(self, plan: Plan, path: str, options: ExportOptions | None = None, findings: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("dxfdlg.export.title"))
        self.setMinimumWidth(440)
        opts = options or ExportOptions(lang=language())
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.path = QLineEdit(path)
        form.addRow(tr("dxfdlg.file"), self.path)
        self.lang = QComboBox()
        self.lang.addItem(tr("dxfdlg.lang.zh"), "zh")
        self.lang.addItem(tr("dxfdlg.lang.en"), "en")
        self.lang.setCurrentIndex(1 if opts.lang == "en" else 0)
        form.addRow(tr("dxfdlg.lang"), self.lang)
        self.paper = QComboBox()
        self.paper.addItem(tr("dxfdlg.auto"), "")
        for p in PAPERS:
            self.paper.addItem(p, p)
        self.paper.setCurrentIndex(max(0, self.paper.findData(opts.paper.upper() if opts.paper else "")))
        form.addRow(tr("dxfdlg.paper"), self.paper)
        self.scale = QComboBox()
        self.scale.addItem(tr("dxfdlg.auto"), 0)
        for s in SCALES:
            self.scale.addItem(f"1:{s}", s)
        self.scale.setCurrentIndex(max(0, self.scale.findData(opts.scale)))
        form.addRow(tr("dxfdlg.scale"), self.scale)
        self.font = QComboBox()
        self.font.setEditable(True)
        for f in FONTS:
            self.font.addItem(f)
        self.font.setCurrentText(opts.font)
        form.addRow(tr("dxfdlg.font"), self.font)
        lay.addLayout(form)
        box = QGroupBox(tr("dxfdlg.floors"))
        bl = QVBoxLayout(box)
        self.floors = QListWidget()
        for f in plan.floors:
            it = QListWidgetItem(f"{f.name or f.id}  (F{f.storey})")
            it.setData(Qt.ItemDataRole.UserRole, f.id)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked)
            self.floors.addItem(it)
        self.floors.itemChanged.connect(self._update)
        self.floors.setMaximumHeight(110)
        bl.addWidget(self.floors)
        lay.addWidget(box)
        self.dims = QCheckBox(tr("dxfdlg.dims"))
        self.dims.setChecked(opts.dimensions)
        self.title_block = QCheckBox(tr("dxfdlg.title_block"))
        self.title_block.setChecked(opts.title_block)
        self.findings = QCheckBox(tr("dxfdlg.findings"))
        self.findings.setChecked(findings)
        self.evac = QCheckBox(tr("dxfdlg.evac"))
        self.evac.setChecked(True)
        for w in (self.dims, self.title_block, self.evac, self.findings):
            lay.addWidget(w)
        self.buttons = ok_cancel(self, "dxfdlg.export.run", "dxfdlg.cancel")
        lay.addWidget(self.buttons)
        self._base = opts
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.floor_ids()))

    def floor_ids(self) -> list[str]:
        return [self.floors.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.floors.count())
                if self.floors.item(i).checkState() == Qt.CheckState.Checked]

    def target(self) -> str:
        p = self.path.text().strip()
        return p if not p or p.lower().endswith(".dxf") else p + ".dxf"

    def options(self) -> ExportOptions:
        return self._base.with_changes(lang=self.lang.currentData(), paper=self.paper.currentData(),
                                       scale=int(self.scale.currentData()), font=self.font.currentText().strip()
                                       or self._base.font, dimensions=self.dims.isChecked(),
                                       title_block=self.title_block.isChecked())


def _highlights(plan: Plan, lang: str):
    from hallplan.io.dxf_export import Highlight
    from hallplan.rules.engine import Engine

    out = []
    for f in Engine(plan, None).run():
        for k, s in enumerate(f.geometry or ()):
            fid = getattr(s, "floor_id", "") or f.floor_id
            if fid and s.points:
                geom = s.points[0] if s.kind == "point" else s.points
                out.append(Highlight(fid, geom, f.severity.value, f"{f.rule_id} {f.message(lang)}" if k == 0 else "",
                                     closed=s.kind == "polygon"))
    return out


def export_dxf(plan: Plan, path: str) -> ExportReport | None:
    """File ▸ Export ▸ DXF…: options, then the audited DXF. None when cancelled (nothing written)."""
    global _last_export, _last_findings
    parent = _parent()
    dlg = DxfExportDialog(plan, str(path), _last_export, _last_findings, parent)
    if not _exec(dlg):
        status_later(parent, tr("dxfdlg.cancelled"))
        return None
    opts, target, floors = dlg.options(), dlg.target() or str(path), dlg.floor_ids()
    _last_export, _last_findings = opts, dlg.findings.isChecked()
    highlights = []
    if dlg.findings.isChecked():
        try:
            highlights = with_wait_cursor(lambda: _highlights(plan, opts.lang))
        except Exception as exc:  # noqa: BLE001 - the drawing is still useful without findings
            status_later(parent, tr("dxf.cli.findings_failed", reason=exc))
    all_ids = [f.id for f in plan.floors]
    routes = with_wait_cursor(lambda: evacuation_routes(plan, opts.lang, floors)) if dlg.evac.isChecked() else []
    rep = with_wait_cursor(lambda: export_plan(plan, target, opts, highlights=highlights, routes=routes,
                                    floors=None if floors == all_ids else floors))
    status_later(parent, tr("dxfdlg.export.done", path=str(rep.path), floors=rep.floors, entities=rep.entities))
    return rep


# --------------------------------------------------------------------------------------------
# import

ROLE_CHOICES = ("", *ROLES)


class DxfImportDialog(QDialog):
    """Units, tolerance and layer roles for an opened drawing, with the suggestions pre-set."""

    def __init__(self, opened: OpenedDxf, inspection: Inspection, can_add: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opened, self.insp = opened, inspection
        self.setWindowTitle(tr("dxfdlg.import.title", name=Path(opened.path).name if opened.path else ""))
        self.resize(640, 620)
        lay = QVBoxLayout(self)
        rep = opened.report
        notes = QPlainTextEdit("\n".join(rep.lines() + [f"⚠ {w}" for w in rep.warnings]))
        notes.setReadOnly(True)
        notes.setMaximumHeight(120)
        lay.addWidget(notes)
        self.notes = notes
        form = QFormLayout()
        self.units = QComboBox()
        for u in UNITS:
            self.units.addItem(u, u)
        if inspection.units and inspection.units not in UNITS:  # inches, feet …: keep what the file says
            self.units.addItem(inspection.units, inspection.units)
        chosen = inspection.units or inspection.units_guess
        self.units.setCurrentIndex(max(0, self.units.findData(chosen)))
        self.units_note = QLabel(tr("dxfdlg.units.header") if inspection.units else
                                 tr("dxfdlg.units.guess", guess=inspection.units_guess))
        row = QHBoxLayout()
        row.addWidget(self.units)
        row.addWidget(self.units_note, 1)
        form.addRow(tr("dxfdlg.units"), row)
        self.tolerance = QDoubleSpinBox()
        self.tolerance.setRange(0.0, 500.0)
        self.tolerance.setDecimals(0)
        self.tolerance.setSuffix(" mm")
        self.tolerance.setValue(20.0)
        form.addRow(tr("dxfdlg.tolerance"), self.tolerance)
        lay.addLayout(form)
        self.exact = inspection.hallplan_source
        if self.exact:
            lay.addWidget(QLabel(tr("dxfdlg.hallplan_source")))
        layers = sorted(inspection.layers, key=lambda li: (li.total == 0, li.name.casefold()))  # empty ones last
        self.table = QTableWidget(len(layers), 3)
        self.table.setHorizontalHeaderLabels([tr("dxfdlg.layer"), tr("dxfdlg.role"), tr("dxfdlg.contents")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.role_boxes: dict[str, QComboBox] = {}
        for i, li in enumerate(layers):
            self.table.setItem(i, 0, QTableWidgetItem(li.name))
            cb = QComboBox()
            for r in ROLE_CHOICES:
                cb.addItem(tr(f"imp.role.{r}") if r else tr("dxfdlg.role.none"), r)
            cb.setCurrentIndex(ROLE_CHOICES.index(li.suggested))
            cb.currentIndexChanged.connect(self._update)
            self.table.setCellWidget(i, 1, cb)
            self.role_boxes[li.name] = cb
            counts = ", ".join(f"{k} {n}" for k, n in sorted(li.counts.items())) or "—"
            self.table.setItem(i, 2, QTableWidgetItem(counts))
            for c in (0, 2):
                self.table.item(i, c).setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.resizeColumnsToContents()
        self.table.setEnabled(not self.exact)
        lay.addWidget(self.table, 1)
        self.rooms = QCheckBox(tr("dxfdlg.rooms"))
        self.rooms.setChecked(True)
        lay.addWidget(self.rooms)
        self.level = QComboBox()
        for lv in HallLevel:
            self.level.addItem(label(lv), lv)
        self.level.setCurrentIndex(list(HallLevel).index(HallLevel.TOWN))
        mode_box = QGroupBox(tr("dxfdlg.mode"))
        ml = QFormLayout(mode_box)
        self.new_plan = QRadioButton(tr("dxfdlg.mode.new"))
        self.add_floors = QRadioButton(tr("dxfdlg.mode.add"))
        self.new_plan.setChecked(True)
        self.add_floors.setEnabled(can_add)
        ml.addRow(self.new_plan, self.level)
        ml.addRow(self.add_floors)
        lay.addWidget(mode_box)
        self.hint = QLabel("")
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        self.buttons = ok_cancel(self, "dxfdlg.import.run", "dxfdlg.cancel")
        lay.addWidget(self.buttons)
        self._update()

    def roles(self) -> dict[str, str]:
        return {name: cb.currentData() for name, cb in self.role_boxes.items() if cb.currentData()}

    def set_role(self, layer: str, role: str) -> None:
        cb = self.role_boxes[layer]
        cb.setCurrentIndex(ROLE_CHOICES.index(role))

    def _update(self) -> None:
        roles = set(self.roles().values())
        ok = self.exact or bool(roles & {"outline", "wall"})
        self.hint.setText("" if ok else tr("dxfdlg.need_outline"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def mode(self) -> str:
        return "add" if self.add_floors.isChecked() else "new"

    def options(self) -> ImportOptions:
        by_role: dict[str, list[str]] = {r: [] for r in ROLES}
        for name, role in self.roles().items():
            by_role[role].append(name)
        name = Path(self.opened.path).stem if self.opened.path else ""
        opts = ImportOptions(units=self.units.currentData(), tolerance=self.tolerance.value() / 1000.0,
                             room_zones=self.rooms.isChecked(), name=name, level=self.level.currentData(),
                             lang=language())
        if self.exact:
            return opts
        return opts.with_changes(outline_layers=tuple(by_role["outline"]), wall_layers=tuple(by_role["wall"]),
                                 column_layers=tuple(by_role["column"]), room_layers=tuple(by_role["room"]))


def _error(parent: QWidget | None, text: str) -> None:
    if parent is None:
        return
    box = QMessageBox(QMessageBox.Icon.Warning, tr("dxfdlg.import.error"), text, QMessageBox.StandardButton.Ok,
                      parent)
    _exec(box)


def import_dxf(path: str) -> ImportResult | None:
    """File ▸ Import ▸ DXF…: read the drawing, let the planner choose units and layers, convert.

    Returns the result (its ``plan`` becomes the open plan) in "new plan" mode. In "add floors" mode
    the floors are pushed onto the open plan's history as one undoable command and None is returned.
    Reading errors raise :class:`DxfImportError` (the main window shows the message); cancelling
    returns None and writes nothing.
    """
    parent = _parent()
    opened = with_wait_cursor(lambda: open_dxf(path, ImportOptions(lang=language())))
    insp = with_wait_cursor(lambda: opened.inspect(ImportOptions(lang=language())))
    history = getattr(parent, "history", None)
    dlg = DxfImportDialog(opened, insp, can_add=history is not None and hasattr(history, "push"), parent=parent)
    while True:
        if not _exec(dlg):
            status_later(parent, tr("dxfdlg.cancelled"))
            return None
        try:
            res = with_wait_cursor(lambda: build_plan(opened, dlg.options(), insp))
            break
        except DxfImportError as exc:  # show it and let the planner change the choices
            _error(parent, exc.message)
            if parent is None:
                raise
    summary = "\n".join(res.report.lines()[-2:])
    if dlg.mode() == "add" and history is not None:
        history.push(add_floors_command(history.plan, res))
        status_later(parent, tr("dxfdlg.import.added", n=len(res.plan.floors)))
        return None
    status_later(parent, summary.replace("\n", "  "))
    return res


__all__ = ["DxfExportDialog", "DxfImportDialog", "export_dxf", "import_dxf"]
