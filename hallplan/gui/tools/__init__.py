"""Editor tools as plain state objects (no Qt): they take pointer events in model units (metres,
y up) and emit model commands. See :class:`~hallplan.gui.tools.editor.Editor`."""

from .base import PLabel, Preview, PShape, Signal, Tool, ToolEvent
from .editor import TOOLS, Dialogs, Editor
from .options import FURNITURE_DEFAULTS, ToolOptions, WindowRowParams
from .shapes import OUTLINE_ID
from .snapping import SnapKind, SnapResult, SnapSettings

__all__ = [
    "FURNITURE_DEFAULTS", "OUTLINE_ID", "TOOLS", "Dialogs", "Editor", "PLabel", "PShape", "Preview",
    "Signal", "SnapKind", "SnapResult", "SnapSettings", "Tool", "ToolEvent", "ToolOptions", "WindowRowParams",
]
