"""Shared helpers for the editor tests (headless drivers of the Qt-free tools)."""

from __future__ import annotations

from hallplan.gui.tools import Editor, ToolEvent
from hallplan.model import HallLevel, History, Plan


def new_editor(plan: Plan | None = None, scale: float = 40.0) -> Editor:
    ed = Editor(History(plan or Plan("测试大厅", HallLevel.TOWN)))
    ed.scale = scale
    return ed


def click(ed: Editor, x: float, y: float, **mods) -> None:
    ed.move(ToolEvent(x, y, "", **mods))
    ed.press(ToolEvent(x, y, "left", **mods))
    ed.release(ToolEvent(x, y, "left", **mods))


def drag(ed: Editor, a, b, steps: int = 8, **mods) -> None:
    ed.move(ToolEvent(a[0], a[1], "", **mods))
    ed.press(ToolEvent(a[0], a[1], "left", **mods))
    for k in range(1, steps + 1):
        t = k / steps
        ed.move(ToolEvent(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, "", **mods))
    ed.release(ToolEvent(b[0], b[1], "left", **mods))
