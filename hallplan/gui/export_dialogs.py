"""File ▸ Export ▸ signs… / report…: option dialogs in front of :mod:`hallplan.io.signs` and
:mod:`hallplan.io.report`.

:mod:`hallplan.gui.io_menu` registers :func:`export_signs` and :func:`export_report` as the exporters
(``fn(plan, path)``). The main window asks for the target (a folder for the signs, a ``.pdf`` for the
report) and calls them; each then shows its options dialog (pre-filled with that target and the
options used last in this session), writes the files with a wait cursor and reports what it wrote.

- Signs: which sign types, layout-map paper (A1/A2/A3), English line, bleed, crop marks, an
  optional font file (a font covering rare characters).
- Report: language, jurisdiction profile (default: the plan's own), plan drawings on/off, font.

Errors (a missing glyph, a missing font, an unknown profile) propagate to the main window, which
shows them; their messages name the text and what to install. Cancelling the options dialog writes
nothing and says so in the status bar.

The dialogs are plain widgets with :meth:`options`/:meth:`target` accessors so they are testable
without showing them; :data:`_exec` is the one place a dialog is run modally (tests replace it).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hallplan.i18n import tr
from hallplan.io.report import ReportOptions, ReportResult, write_report
from hallplan.io.signs import SIGN_TYPES, SignOptions, SignsResult, generate_signs, load_styles
from hallplan.model import Plan

from .qtutil import ok_cancel, status_later, with_wait_cursor

PAPERS = ("A1", "A2", "A3")

# the options used last in this session (the dialogs start from them)
_last_signs: SignOptions | None = None
_last_report: ReportOptions | None = None
_last_report_profile: str | None = None


def _exec(dlg: QDialog) -> bool:
    """Run ``dlg`` modally; True when accepted (tests replace this)."""
    return dlg.exec() == QDialog.DialogCode.Accepted


def _parent() -> QWidget | None:
    return QApplication.activeWindow()


class _PathRow(QWidget):
    """A line edit with a browse button (a folder or a file)."""

    def __init__(self, text: str, folder: bool, filter_key: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.filter_key = filter_key
        self.edit = QLineEdit(text)
        self.browse = QPushButton(tr("export.browse"))
        self.browse.clicked.connect(self._browse)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.browse)

    def _browse(self) -> None:
        if self.folder:
            p = QFileDialog.getExistingDirectory(self, tr("export.target"), self.edit.text())
        else:
            p, _ = QFileDialog.getSaveFileName(self, tr("export.target"), self.edit.text(),
                                               tr(self.filter_key) if self.filter_key else "")
        if p:
            self.edit.setText(p)

    def text(self) -> str:
        return self.edit.text().strip()


class _FontRow(_PathRow):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, folder=False, parent=parent)
        self.edit.setPlaceholderText(tr("export.font.default"))

    def _browse(self) -> None:
        p, _ = QFileDialog.getOpenFileName(self, tr("export.font"), self.edit.text(), tr("export.font.filter"))
        if p:
            self.edit.setText(p)


class SignExportDialog(QDialog):
    """Options for the sign PDFs: sign types, map paper, English line, bleed, crop marks, font."""

    def __init__(self, plan: Plan, folder: str, options: SignOptions | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("export.signs.title"))
        self.setMinimumWidth(480)
        opts = options or SignOptions()
        chosen = set(opts.kinds or SIGN_TYPES)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.target_row = _PathRow(folder, folder=True)
        form.addRow(tr("export.signs.folder"), self.target_row)
        lay.addLayout(form)

        box = QGroupBox(tr("export.signs.kinds"))
        grid = QGridLayout(box)
        self.kind_boxes: dict[str, QCheckBox] = {}
        for i, (key, st) in enumerate(SIGN_TYPES.items()):
            cb = QCheckBox(tr(st.title_key))
            cb.setChecked(key in chosen)
            cb.toggled.connect(self._update)
            self.kind_boxes[key] = cb
            grid.addWidget(cb, i // 3, i % 3)
        row = QHBoxLayout()
        for key, fn in (("export.signs.all", True), ("export.signs.none", False)):
            b = QPushButton(tr(key))
            b.clicked.connect(lambda _=False, v=fn: self._set_all(v))
            row.addWidget(b)
        row.addStretch(1)
        grid.addLayout(row, (len(SIGN_TYPES) + 2) // 3, 0, 1, 3)
        lay.addWidget(box)

        opt = QFormLayout()
        self.paper = QComboBox()
        default_paper = load_styles(opts.styles)["layout_map"]["default_paper"] if opts.styles else "A2"
        for p in PAPERS:
            self.paper.addItem(p, p)
        self.paper.setCurrentIndex(PAPERS.index(opts.paper or default_paper))
        opt.addRow(tr("export.signs.paper"), self.paper)
        self.english = QCheckBox(tr("export.signs.english"))
        self.english.setChecked(opts.english)
        opt.addRow("", self.english)
        self.bleed = QCheckBox(tr("export.signs.bleed"))
        self.bleed.setChecked(opts.bleed or opts.crop_marks)
        opt.addRow("", self.bleed)
        self.crop = QCheckBox(tr("export.signs.crop_marks"))
        self.crop.setChecked(opts.crop_marks)
        self.crop.toggled.connect(self._update)
        opt.addRow("", self.crop)
        self.font_row = _FontRow(opts.font or "")
        opt.addRow(tr("export.font"), self.font_row)
        lay.addLayout(opt)

        self.buttons = ok_cancel(self, "export.run", "export.cancel")
        lay.addWidget(self.buttons)
        self._styles = opts.styles
        self._update()

    def _set_all(self, on: bool) -> None:
        for cb in self.kind_boxes.values():
            cb.setChecked(on)

    def _update(self) -> None:
        if self.crop.isChecked():  # crop marks imply bleed
            self.bleed.setChecked(True)
        self.bleed.setEnabled(not self.crop.isChecked())
        self.paper.setEnabled(self.kind_boxes["layout_map"].isChecked() if "layout_map" in self.kind_boxes else True)
        ok = any(cb.isChecked() for cb in self.kind_boxes.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def target(self) -> str:
        return self.target_row.text()

    def options(self) -> SignOptions:
        kinds = tuple(k for k, cb in self.kind_boxes.items() if cb.isChecked())
        return SignOptions(
            kinds=None if len(kinds) == len(self.kind_boxes) else kinds,
            bleed=self.bleed.isChecked(), crop_marks=self.crop.isChecked(), english=self.english.isChecked(),
            paper=self.paper.currentData(), font=self.font_row.text() or None, styles=self._styles,
        )


def _profiles() -> list[tuple[str, str]]:
    try:
        from hallplan.rules.packs import load_profiles

        return [(pid, p.title()) for pid, p in load_profiles().items()]
    except Exception:  # noqa: BLE001 - a broken pack folder still lets the report use the plan's profile
        return []


class ReportExportDialog(QDialog):
    """Options for the compliance report: language, profile, plan drawings, font."""

    def __init__(self, plan: Plan, path: str, options: ReportOptions | None = None, profile: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("export.report.title"))
        opts = options or ReportOptions()
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.target_row = _PathRow(path, folder=False, filter_key="menu.io.filter_pdf")
        form.addRow(tr("export.report.file"), self.target_row)
        self.lang = QComboBox()
        self.lang.addItem(tr("export.report.lang.zh"), "zh")
        self.lang.addItem(tr("export.report.lang.en"), "en")
        self.lang.setCurrentIndex(1 if opts.lang == "en" else 0)
        form.addRow(tr("export.report.lang"), self.lang)
        self.profile = QComboBox()
        self.profile.addItem(tr("export.report.profile.plan", profile=plan.profile or "—"), None)
        for pid, title in _profiles():
            self.profile.addItem(f"{pid} · {title}", pid)
        if profile:
            i = self.profile.findData(profile)
            if i >= 0:
                self.profile.setCurrentIndex(i)
        form.addRow(tr("export.report.profile"), self.profile)
        self.figures = QCheckBox(tr("export.report.figures"))
        self.figures.setChecked(opts.plan_figures)
        form.addRow("", self.figures)
        self.font_row = _FontRow(opts.font or "")
        form.addRow(tr("export.font"), self.font_row)
        lay.addLayout(form)
        self.buttons = ok_cancel(self, "export.run", "export.cancel")
        lay.addWidget(self.buttons)

    def target(self) -> str:
        p = self.target_row.text()
        return p if not p or p.lower().endswith(".pdf") else p + ".pdf"

    def options(self) -> ReportOptions:
        return ReportOptions(lang=self.lang.currentData(), font=self.font_row.text() or None,
                             plan_figures=self.figures.isChecked())

    def profile_id(self) -> str | None:
        return self.profile.currentData()


def _show_warnings(parent: QWidget | None, title_key: str, summary: str, warnings: list[str]) -> None:
    if not warnings or parent is None:
        return
    box = QMessageBox(QMessageBox.Icon.Information, tr(title_key), summary, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(tr("export.warnings", n=len(warnings)))
    box.setDetailedText("\n".join(warnings))
    box.setTextFormat(Qt.TextFormat.PlainText)
    _exec(box)


def export_signs(plan: Plan, path: str) -> SignsResult | None:
    """File ▸ Export ▸ Sign PDFs…: options dialog, then one PDF per sign type into the folder.

    Returns the result, or None when the dialog was cancelled (nothing written).
    """
    global _last_signs
    parent = _parent()
    dlg = SignExportDialog(plan, str(path), _last_signs, parent)
    if not _exec(dlg):
        status_later(parent, tr("export.cancelled"))
        return None
    opts, folder = dlg.options(), dlg.target() or str(path)
    _last_signs = opts
    res = with_wait_cursor(lambda: generate_signs(plan, folder, opts))
    summary = tr("export.signs.done", pages=res.page_count, files=len(res.files), folder=folder)
    status_later(parent, summary)
    _show_warnings(parent, "export.signs.title", summary, res.warnings)
    return res


def export_report(plan: Plan, path: str) -> ReportResult | None:
    """File ▸ Export ▸ Compliance report PDF…: options dialog, then the report (checks run for the
    chosen profile). Returns the result, or None when cancelled (nothing written)."""
    global _last_report, _last_report_profile
    parent = _parent()
    dlg = ReportExportDialog(plan, str(path), _last_report, _last_report_profile, parent)
    if not _exec(dlg):
        status_later(parent, tr("export.cancelled"))
        return None
    opts, target, profile = dlg.options(), dlg.target() or str(path), dlg.profile_id()
    _last_report, _last_report_profile = replace(opts), profile
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    res = with_wait_cursor(lambda: write_report(plan, target, None, profile=profile, options=opts))
    c = res.counts
    summary = tr("export.report.done", path=str(res.path), pages=res.pages, errors=c.get("error", 0),
                 warnings=c.get("warning", 0), infos=c.get("info", 0), acknowledged=res.acknowledged)
    status_later(parent, summary)
    _show_warnings(parent, "export.report.title", summary, res.warnings)
    return res


__all__ = ["ReportExportDialog", "SignExportDialog", "export_report", "export_signs"]
