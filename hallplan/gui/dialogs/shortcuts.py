"""The keyboard shortcuts help, generated from the action table (never out of date)."""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtGui import QFont, QKeySequence
from PyQt6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from hallplan.i18n import tr

from ..actions import ACTION_SPECS, TOOL_KEYS, TOOL_SPECS

GROUPS = ("draw", "edit", "arrange", "view", "file", "tools", "help")


def shortcut_rows() -> list[tuple[str, str, str]]:
    """(group, command text, shortcut text) for every command with a shortcut, then tool keys."""
    rows = []
    specs = [(s, f"tool.{s.name}") for s in TOOL_SPECS] + [(s, f"act.{s.name}") for s in ACTION_SPECS]
    for g in GROUPS:
        for s, key in specs:
            if s.group == g and s.shortcuts:
                seq = " / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in s.shortcuts)
                rows.append((g, tr(key).replace("&", "").rstrip("…").rstrip("."), seq))
    for keys, k in TOOL_KEYS:
        rows.append(("tool_keys", tr(k), keys))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("dlg.shortcuts.title"))
        self.resize(560, 640)
        rows = shortcut_rows()
        t = QTableWidget(0, 2)
        t.setHorizontalHeaderLabels([tr("dlg.shortcuts.command"), tr("dlg.shortcuts.keys")])
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        t.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        t.verticalHeader().setVisible(False)
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        bold = QFont()
        bold.setBold(True)
        last = None
        for g, text, keys in rows:
            if g != last:
                r = t.rowCount()
                t.insertRow(r)
                head = QTableWidgetItem(tr(f"group.{g}"))
                head.setFont(bold)
                head.setBackground(Qt.GlobalColor.lightGray)
                t.setItem(r, 0, head)
                t.setSpan(r, 0, 1, 2)
                last = g
            r = t.rowCount()
            t.insertRow(r)
            t.setItem(r, 0, QTableWidgetItem(text))
            k = QTableWidgetItem(keys)
            k.setFont(QFont("monospace"))
            t.setItem(r, 1, k)
        self.table = t
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        bb.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(t)
        lay.addWidget(bb)
