"""The findings panel: findings grouped by severity and by document, with the rule id, the message
(measured value against the limit) and the quoted clause; filter, search, the selection's findings,
acknowledging with a reason, and the analysis overlay switches."""

from __future__ import annotations

import html

from PyQt6.QtCore import QSize, Qt, pyqtSignal
from PyQt6.QtGui import QBrush, QColor, QFont
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallplan.i18n import language, tr
from hallplan.render.style import SEVERITY_COLOURS
from hallplan.rules.finding import Finding, Severity

from ..qtutil import ElidedLabel
from .checker import SEVERITIES, Shown, finding_key

ICON = {Severity.ERROR: "✖", Severity.WARNING: "⚠", Severity.INFO: "ℹ"}
FILTERS = ("all", "error", "warning", "info")
ROLE_KEY = Qt.ItemDataRole.UserRole
DOC_ORDER = ("national", "YZ", "JZ", "LA", "LH", "BJ")


def near(a: tuple | None, b: tuple | None) -> bool:
    """The same rule, floor and entities (the message, with its measured value, may differ)."""
    return a is not None and b is not None and a[:3] == b[:3]


def busy_bar(width: int, height: int) -> QProgressBar:
    """A small indeterminate progress bar (hidden until work is under way)."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setMaximumWidth(width)
    bar.setMaximumHeight(height)
    bar.setTextVisible(False)
    bar.hide()
    return bar


def passes(s: Shown, severity: str, text: str, ids: set[str] | None, show_acked: bool, lang: str) -> bool:
    """Whether a finding passes the panel's filter (Qt-free, tested directly)."""
    f = s.finding
    if s.ack is not None and not show_acked:
        return False
    if severity == "error" and f.severity != Severity.ERROR:
        return False
    if severity == "warning" and f.severity == Severity.INFO:
        return False
    if severity == "info" and f.severity != Severity.INFO:
        return False
    if ids is not None and not (ids & set(f.entity_ids)):
        return False
    if text:
        hay = " ".join((f.rule_id, f.requirement, f.message_zh, f.message_en, f.citation.clause, f.citation.clause_en,
                        f.citation.clause_ref, f.citation.document, " ".join(f.entity_ids))).lower()
        if not all(w in hay for w in text.lower().split()):
            return False
    return True


def detail_html(s: Shown, lang: str, name_of=lambda eid: eid) -> str:
    f = s.finding
    c = f.citation
    rgb = SEVERITY_COLOURS[f.severity.value]
    col = "#{:02x}{:02x}{:02x}".format(*rgb)
    title = c.title_en if lang == "en" else c.title_zh
    out = [f"<p style='margin:0'><span style='color:{col};font-weight:bold'>{ICON[f.severity]} {html.escape(f.rule_id)}</span>"
           f" <span style='color:#666'>· {html.escape(tr('live.detail.requirement', req=f.requirement))}</span></p>",
           f"<p style='margin:4px 0 6px 0;font-size:13px'>{html.escape(f.message(lang))}</p>"]
    if s.stale:
        out.append(f"<p style='color:#888;margin:0 0 6px 0'><i>{html.escape(tr('live.detail.stale'))}</i></p>")
    elif s.draft:
        out.append(f"<p style='color:#888;margin:0 0 6px 0'><i>{html.escape(tr('live.detail.draft'))}</i></p>")
    clause = c.clause_en if (lang == "en" and c.clause_en) else c.clause
    out.append(f"<div style='border-left:3px solid {col};padding-left:8px;margin:4px 0;background:#f6f7f9'>"
               f"<p style='margin:2px 0;color:#333'>「{html.escape(c.clause)}」</p>"
               + (f"<p style='margin:2px 0;color:#555'><i>“{html.escape(clause)}”</i></p>" if clause != c.clause else "")
               + f"<p style='margin:2px 0;color:#666'>—— {html.escape(c.document)} {html.escape(title)} {html.escape(c.clause_ref)}</p></div>")
    if f.softened:
        out.append(f"<p style='color:#666;margin:2px 0'>{html.escape(tr('live.detail.softened'))}</p>")
    if f.conflicts:
        rules = "、".join(f"{r[0]}" for r in f.conflicts) if lang == "zh" else ", ".join(r[0] for r in f.conflicts)
        out.append(f"<p style='color:#8a5a00;margin:2px 0'>{html.escape(tr('live.detail.conflicts', rules=rules))}</p>")
    if f.entity_ids:
        sep = "、" if lang == "zh" else ", "
        ids = sep.join(name_of(e) for e in f.entity_ids[:12]) + (" …" if len(f.entity_ids) > 12 else "")
        out.append(f"<p style='color:#666;margin:2px 0'>{html.escape(tr('live.detail.entities', ids=ids))}</p>")
    if s.ack is not None:
        by = tr("live.detail.ack_by", who=s.ack.author, date=s.ack.date) if (s.ack.author or s.ack.date) else ""
        out.append(f"<p style='color:#2d6a2d;margin:4px 0'>✓ {html.escape(tr('live.detail.ack', reason=s.ack.reason))}"
                   f"{html.escape(by)}</p>")
    return "".join(out)


class FindingsPanel(QWidget):
    """Lists what the :class:`~hallplan.gui.live.checker.LiveChecker` found. Emits ``activated`` (a
    finding to show on the plan) and asks the controller to acknowledge."""

    activated = pyqtSignal(object)  # Shown
    acknowledge = pyqtSignal(object, str)  # Finding, reason
    unacknowledge = pyqtSignal(object)  # Finding

    def __init__(self, overlay_actions: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.shown: list[Shown] = []
        self.selection: set[str] = set()
        self.off = False  # live checking switched off: nothing was checked (not "no problems")
        self.pending = False  # live checking about to start: not checked yet
        self._sig = None
        self.current_key: tuple | None = None
        self.ask_reason = self._ask_reason  # tests replace it
        self.name_of = lambda eid: eid  # entity id -> display name (the controller knows the plan)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        # overlay switches
        self.overlay_buttons: dict[str, QToolButton] = {}
        if overlay_actions:
            row = QHBoxLayout()
            row.setSpacing(2)
            self.overlay_label = QLabel()
            self.overlay_label.setStyleSheet("color:#555")
            row.addWidget(self.overlay_label)
            for name, act in overlay_actions.items():
                b = QToolButton()
                b.setDefaultAction(act)
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                b.setAutoRaise(True)
                b.setStyleSheet("QToolButton{padding:2px 5px;border:1px solid #c9ced6;border-radius:3px;background:#fff}"
                                "QToolButton:checked{background:#dbe9fb;border-color:#2f7ad6;color:#0b4a99}")
                row.addWidget(b)
                self.overlay_buttons[name] = b
        else:
            row = QHBoxLayout()
        row.addStretch(1)
        self.status = ElidedLabel()  # never sets the dock's (and window's) minimum width
        self.status.setStyleSheet("color:#555")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress = busy_bar(70, 10)
        row.addWidget(self.status)
        row.addWidget(self.progress)
        lay.addLayout(row)
        # filter row
        row = QHBoxLayout()
        row.setSpacing(4)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.severity = QComboBox()
        for _ in FILTERS:
            self.severity.addItem("")
        self.severity.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.severity.currentIndexChanged.connect(self.refresh)
        row.addWidget(self.search, 1)
        row.addWidget(self.severity)
        self.follow = QCheckBox()
        self.follow.setChecked(True)
        self.follow.toggled.connect(self.refresh)
        self.show_acked = QCheckBox()
        self.show_acked.setChecked(True)
        self.show_acked.toggled.connect(self.refresh)
        row.addWidget(self.follow)
        row.addWidget(self.show_acked)
        lay.addLayout(row)
        self.banner = QLabel()
        self.banner.setStyleSheet("color:#0b4a99;background:#e8f0fb;padding:2px 6px;border-radius:3px")
        self.banner.hide()
        lay.addWidget(self.banner)
        # tree and details (side by side under the plan, one above the other in a side dock)
        self.split = split = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(14)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        split.addWidget(self.tree)
        low = QWidget()
        ll = QVBoxLayout(low)
        ll.setContentsMargins(0, 0, 0, 0)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        ll.addWidget(self.detail, 1)
        br = QHBoxLayout()
        self.locate_btn = QPushButton()
        self.locate_btn.clicked.connect(self._locate)
        self.ack_btn = QPushButton()
        self.ack_btn.clicked.connect(self._ack)
        self.unack_btn = QPushButton()
        self.unack_btn.clicked.connect(self._unack)
        for b in (self.locate_btn, self.ack_btn, self.unack_btn):
            br.addWidget(b)
        br.addStretch(1)
        ll.addLayout(br)
        split.addWidget(low)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        lay.addWidget(split, 1)
        self.retranslate()

    def sizeHint(self) -> QSize:
        """Tall enough for a dozen findings under the plan (the main window's first layout uses it)."""
        return QSize(900, 310)

    def set_area(self, area) -> None:
        """Lay the list and the details out side by side in a wide dock, stacked in a tall one."""
        wide = area in (Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.TopDockWidgetArea)
        self.split.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
        if wide:
            self.split.setSizes([640, 420])

    # ------------------------------------------------------------------ text
    def retranslate(self) -> None:
        self.search.setPlaceholderText(tr("live.search.placeholder"))
        for i, k in enumerate(FILTERS):
            self.severity.setItemText(i, tr(f"live.filter.{k}"))
        self.follow.setText(tr("live.follow_selection"))
        self.follow.setToolTip(tr("live.follow_selection.tip"))
        self.show_acked.setText(tr("live.show_acked"))
        self.tree.setHeaderLabels([tr("live.col.rule"), tr("live.col.message")])
        self.locate_btn.setText(tr("live.act.locate"))
        self.ack_btn.setText(tr("live.act.ack"))
        self.ack_btn.setToolTip(tr("live.act.ack.tip"))
        self.unack_btn.setText(tr("live.act.unack"))
        if self.overlay_buttons:
            self.overlay_label.setText(tr("live.overlay.title") + ":")
        self._sig = None
        self.refresh()

    # ------------------------------------------------------------------ data
    def set_findings(self, shown: list[Shown]) -> None:
        self.shown = shown
        self.refresh()

    def set_selection(self, ids) -> None:
        ids = set(ids)
        if ids != self.selection:
            self.selection = ids
            self.refresh()

    def set_status(self, text: str, busy: bool) -> None:
        if self.status.text() != text:
            self.status.setText(text)
        if self.progress.isVisible() != busy and (self.isVisible() or not busy):
            self.progress.setVisible(busy)

    def visible(self) -> list[Shown]:
        lang = language()
        sev = FILTERS[max(0, self.severity.currentIndex())]
        ids = self.selection if (self.follow.isChecked() and self.selection) else None
        text = self.search.text().strip()
        return [s for s in self.shown if passes(s, sev, text, ids, self.show_acked.isChecked(), lang)]

    def refresh(self, *_a) -> None:
        vis = self.visible()
        lang = language()
        sel_mode = self.follow.isChecked() and bool(self.selection)
        sig = (lang, self.off, self.pending, sel_mode, tuple((s.key, s.stale, s.draft, s.ack) for s in vis))
        if sel_mode:
            self.banner.setText(tr("live.sel.banner", n=len(vis), total=len(self.shown)))
        self.banner.setVisible(sel_mode)
        if sig == self._sig:
            return
        self._sig = sig
        self.tree.setUpdatesEnabled(False)
        self.tree.blockSignals(True)
        self.tree.clear()
        keep = None
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for sev in SEVERITIES:
            group = [s for s in vis if s.finding.severity == sev]
            if not group:
                continue
            rgb = SEVERITY_COLOURS[sev.value]
            top = QTreeWidgetItem([f"{ICON[sev]} " + tr("live.group.count", name=tr(f"live.group.{sev.value}"), n=len(group)), ""])
            top.setForeground(0, QBrush(QColor(*rgb)))
            top.setFont(0, bold)
            top.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            docs: dict[str, list[Shown]] = {}
            for s in group:
                docs.setdefault(s.finding.citation.document, []).append(s)
            for doc in sorted(docs, key=lambda d: (DOC_ORDER.index(d) if d in DOC_ORDER else 99, d)):
                items = docs[doc]
                c = items[0].finding.citation
                title = c.title_en if lang == "en" else c.title_zh
                if len(title) > 30:
                    title = title[:29] + "…"
                di = QTreeWidgetItem([tr("live.group.doc", doc=doc, title=title, n=len(items)), ""])
                di.setForeground(0, QBrush(QColor(70, 70, 70)))
                top.addChild(di)
                di.setFirstColumnSpanned(True)
                for s in items:
                    f = s.finding
                    msg = f.message(lang)
                    if s.ack is not None:
                        msg = f"✓ [{tr('live.ack.mark')}] {msg}"
                    it = QTreeWidgetItem([f.rule_id, msg])
                    it.setData(0, ROLE_KEY, s.key)
                    it.setToolTip(1, f"{msg}\n\n「{f.citation.clause}」\n—— {f.citation.document} {f.citation.clause_ref}")
                    it.setForeground(0, QBrush(QColor(*rgb)))
                    if s.stale or s.ack is not None:
                        grey = QBrush(QColor(150, 150, 150))
                        it.setForeground(0, grey)
                        it.setForeground(1, grey)
                        if s.stale:
                            fi = QFont(self.tree.font())
                            fi.setItalic(True)
                            it.setFont(1, fi)
                    di.addChild(it)
                    if s.key == self.current_key or (keep is None and near(s.key, self.current_key)):
                        keep = it
                di.setExpanded(True)
            top.setExpanded(True)
        if not vis:
            key = ("live.empty.off" if self.off else "live.status.checking" if self.pending
                   else "live.empty.selection" if sel_mode else "live.empty")
            empty = QTreeWidgetItem([tr(key), ""])
            empty.setForeground(0, QBrush(QColor(120, 120, 120)))
            self.tree.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)
        if keep is not None:
            self.tree.setCurrentItem(keep)
        self.tree.blockSignals(False)
        self.tree.setUpdatesEnabled(True)
        self._show_detail()

    # ------------------------------------------------------------------ interaction
    def item_for(self, key: tuple) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                doc = top.child(j)
                for k in range(doc.childCount()):
                    it = doc.child(k)
                    if it.data(0, ROLE_KEY) == key:
                        return it
        return None

    def current(self) -> Shown | None:
        """The picked finding; if its measured value changed since (same rule, floor and entities),
        the finding as it is now."""
        near_one = None
        for s in self.shown:
            if s.key == self.current_key:
                return s
            if near_one is None and near(s.key, self.current_key):
                near_one = s
        return near_one

    def _current_changed(self, item, _prev=None) -> None:
        key = item.data(0, ROLE_KEY) if item is not None else None
        if key is not None:
            self.current_key = key
        self._show_detail()

    def _clicked(self, item, _col=0) -> None:
        key = item.data(0, ROLE_KEY)
        if key is None:
            return
        self.current_key = key
        self._show_detail()
        s = self.current()
        if s is not None:
            self.activated.emit(s)

    def select_finding(self, f: Finding) -> None:
        """Pick ``f`` in the list and show it on the plan (as a click would)."""
        self.current_key = finding_key(f)
        it = self.item_for(self.current_key)
        if it is not None:
            self.tree.setCurrentItem(it)
            self._clicked(it)

    def _show_detail(self) -> None:
        s = self.current()
        lang = language()
        if s is None:
            self.detail.setHtml(f"<p style='color:#777'>{html.escape(tr('live.detail.none'))}</p>")
        else:
            self.detail.setHtml(detail_html(s, lang, self.name_of))
        self.locate_btn.setEnabled(s is not None)
        self.ack_btn.setEnabled(s is not None)
        self.unack_btn.setEnabled(s is not None and s.ack is not None)

    def _locate(self) -> None:
        s = self.current()
        if s is not None:
            self.activated.emit(s)

    def _ask_reason(self, s: Shown) -> str | None:
        from PyQt6.QtWidgets import QInputDialog

        f = s.finding
        text, ok = QInputDialog.getMultiLineText(
            self, tr("live.ack.title"), tr("live.ack.prompt", rule=f.rule_id, message=f.message(language())),
            s.ack.reason if s.ack is not None else "")
        return text.strip() if ok and text.strip() else None

    def _ack(self) -> None:
        s = self.current()
        if s is None:
            return
        reason = self.ask_reason(s)
        if reason:
            self.acknowledge.emit(s.finding, reason)

    def _unack(self) -> None:
        s = self.current()
        if s is not None and s.ack is not None:
            self.unacknowledge.emit(s.finding)
