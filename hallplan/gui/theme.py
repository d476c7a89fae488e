"""Editor-only colours (selection, snapping, grid, canvas). Entity colours come from
:mod:`hallplan.render.style` so the canvas, DXF and PDFs agree."""

from __future__ import annotations

CANVAS_BG = (236, 239, 243)
FLOOR_FILL = (255, 255, 255)
GRID_MINOR = (222, 226, 232)
GRID_MAJOR = (200, 206, 214)
GRID_AXIS = (170, 178, 190)
SELECTION = (0, 120, 215)
SELECTION_FILL = (0, 120, 215, 40)
HANDLE_FILL = (255, 255, 255)
SNAP = (230, 120, 0)
RUBBER = (0, 120, 215)
GUIDE = (120, 120, 120)
ERROR = (220, 40, 40)
GHOST_OPACITY = 0.55
DIM_TEXT = (30, 30, 30)
DIM_BG = (255, 255, 255, 225)
GHOST_FLOOR = (150, 160, 175)
STAIR_FILL = (228, 228, 222)
LIFT_FILL = (220, 224, 230)
COUNTER_FILL_ALPHA = 255
TEXT = (40, 40, 40)
TEXT_MUTED = (90, 90, 90)
CAMERA_FOV = (0, 120, 215, 28)
EXTINGUISHER = (210, 30, 30)
