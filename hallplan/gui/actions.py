"""Every command of the editor with its shortcut, in one table: the menus, the toolbars and the
shortcuts help dialog are built from it, so a shortcut can never be missing from the help."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Spec:
    name: str  # catalogue key "act.<name>" (tools: "tool.<name>")
    shortcuts: tuple[str, ...] = ()
    group: str = "edit"  # file, edit, arrange, draw, view, help
    checkable: bool = False
    icon: str = ""


TOOL_SPECS = (
    Spec("select", ("V",), "draw", True, "select"),
    Spec("outline_rect", ("O",), "draw", True, "outline_rect"),
    Spec("outline_poly", ("Shift+O",), "draw", True, "outline_poly"),
    Spec("wall", ("W",), "draw", True, "wall"),
    Spec("wall_rect", ("Shift+W",), "draw", True, "wall_rect"),
    Spec("column", ("K",), "draw", True, "column"),
    Spec("zone_rect", ("Z",), "draw", True, "zone_rect"),
    Spec("zone_poly", ("Shift+Z",), "draw", True, "zone_poly"),
    Spec("window", ("N",), "draw", True, "window"),
    Spec("window_row", ("Shift+N",), "draw", True, "window_row"),
    Spec("door", ("D",), "draw", True, "door"),
    Spec("furniture", ("F",), "draw", True, "furniture"),
    Spec("stair", ("S",), "draw", True, "stair"),
    Spec("lift", ("L",), "draw", True, "lift"),
)

ACTION_SPECS = (
    Spec("new", ("Ctrl+N",), "file", icon="new"),
    Spec("open", ("Ctrl+O",), "file", icon="open"),
    Spec("save", ("Ctrl+S",), "file", icon="save"),
    Spec("save_as", ("Ctrl+Shift+S",), "file"),
    Spec("plan_settings", ("Ctrl+Shift+P",), "file", icon="plan_settings"),
    Spec("quit", ("Ctrl+Q",), "file"),
    Spec("undo", ("Ctrl+Z",), "edit", icon="undo"),
    Spec("redo", ("Ctrl+Y", "Ctrl+Shift+Z"), "edit", icon="redo"),
    Spec("cut", ("Ctrl+X",), "edit"),
    Spec("copy", ("Ctrl+C",), "edit"),
    Spec("paste", ("Ctrl+V",), "edit"),
    Spec("duplicate", ("Ctrl+D",), "edit"),
    Spec("delete", ("Del",), "edit"),
    Spec("select_all", ("Ctrl+A",), "edit"),
    Spec("rotate_ccw", ("R",), "arrange"),
    Spec("rotate_cw", ("Shift+R",), "arrange"),
    Spec("rotate_exact", ("Ctrl+R",), "arrange"),
    Spec("move_exact", ("Ctrl+M",), "arrange"),
    Spec("flip", ("X",), "arrange"),
    Spec("nudge_left", ("Left",), "arrange"),
    Spec("nudge_right", ("Right",), "arrange"),
    Spec("nudge_up", ("Up",), "arrange"),
    Spec("nudge_down", ("Down",), "arrange"),
    Spec("nudge_left_big", ("Shift+Left",), "arrange"),
    Spec("nudge_right_big", ("Shift+Right",), "arrange"),
    Spec("nudge_up_big", ("Shift+Up",), "arrange"),
    Spec("nudge_down_big", ("Shift+Down",), "arrange"),
    Spec("nudge_left_fine", ("Alt+Left",), "arrange"),
    Spec("nudge_right_fine", ("Alt+Right",), "arrange"),
    Spec("nudge_up_fine", ("Alt+Up",), "arrange"),
    Spec("nudge_down_fine", ("Alt+Down",), "arrange"),
    Spec("align_left", ("Ctrl+Alt+Left",), "arrange"),
    Spec("align_right", ("Ctrl+Alt+Right",), "arrange"),
    Spec("align_top", ("Ctrl+Alt+Up",), "arrange"),
    Spec("align_bottom", ("Ctrl+Alt+Down",), "arrange"),
    Spec("align_hcenter", ("Ctrl+Alt+H",), "arrange"),
    Spec("align_vcenter", ("Ctrl+Alt+V",), "arrange"),
    Spec("distribute_x", ("Ctrl+Alt+X",), "arrange"),
    Spec("distribute_y", ("Ctrl+Alt+Y",), "arrange"),
    Spec("renumber", ("Ctrl+Shift+N",), "arrange"),
    Spec("fit", ("Home", "Ctrl+0"), "view", icon="fit"),
    Spec("zoom_in", ("Ctrl+=", "Ctrl++"), "view", icon="zoom_in"),
    Spec("zoom_out", ("Ctrl+-",), "view", icon="zoom_out"),
    Spec("grid", ("F7",), "view", True, "grid"),
    Spec("object_snap", ("F3",), "view", True, "object_snap"),
    Spec("ortho", ("F8",), "view", True, "ortho"),
    Spec("grid_snap", ("F9",), "view", True, "grid_snap"),
    Spec("floor_up", ("PgUp",), "view"),
    Spec("floor_down", ("PgDown",), "view"),
    Spec("coordinates", ("Ctrl+E",), "view"),
    Spec("lang_zh", (), "view", True),
    Spec("lang_en", (), "view", True),
    Spec("sizing", (), "tools"),
    Spec("shortcuts", ("F1",), "help"),
    Spec("about", (), "help"),
)

# Keys a tool understands while it is active (listed in the help dialog).
TOOL_KEYS = (
    ("Enter", "keys.finish"),
    ("Backspace", "keys.undo_point"),
    ("C", "keys.close"),
    ("Esc", "keys.cancel"),
    ("Shift", "keys.ortho"),
    ("R / Shift+R", "keys.rotate_ghost"),
    ("X", "keys.flip"),
    ("H", "keys.hinge"),
    ("0–9 , @ <", "keys.typed"),
    ("Space / MMB", "keys.pan"),
    ("Wheel", "keys.zoom"),
    ("Double-click", "keys.vertex"),
)

NUDGE = {"": 0.1, "_big": 1.0, "_fine": 0.01}
