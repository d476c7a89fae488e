"""Tool plumbing without Qt: input events in model units, preview primitives, a tiny signal.

The canvas turns Qt mouse/key events into :class:`ToolEvent` (metres, y up) and key names, hands
them to the active tool through the :class:`~hallplan.gui.tools.editor.Editor`, and draws the
tool's :class:`Preview`. Tools only ever change the plan by pushing commands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hallplan.model import Entity, ZoneKind

from .geom2d import Point

if TYPE_CHECKING:  # pragma: no cover
    from .editor import Editor
    from .snapping import SnapResult


@dataclass(frozen=True)
class ToolEvent:
    """A pointer event in plan coordinates (metres, y up)."""

    x: float
    y: float
    button: str = "left"  # "left", "right", "middle" or "" for a plain move
    shift: bool = False
    ctrl: bool = False
    alt: bool = False

    @property
    def pos(self) -> Point:
        return (self.x, self.y)


class Signal:
    """A minimal observer list: ``connect`` returns a function that disconnects."""

    def __init__(self) -> None:
        self._slots: list[Callable[..., Any]] = []

    def connect(self, fn: Callable[..., Any]) -> Callable[[], None]:
        self._slots.append(fn)

        def off() -> None:
            if fn in self._slots:
                self._slots.remove(fn)

        return off

    def emit(self, *args: Any) -> None:
        for fn in list(self._slots):
            fn(*args)


# --- preview primitives (what a tool wants drawn on top of the plan) --------------------------

@dataclass(frozen=True)
class PShape:
    """A polyline or polygon. ``role``: rubber, band, crossing, guide, error; ``zone`` tints it."""

    points: tuple[Point, ...]
    closed: bool = False
    role: str = "rubber"
    zone: ZoneKind | None = None


@dataclass(frozen=True)
class PLabel:
    """A dimension or area text at a plan position (drawn at a constant screen size)."""

    pos: Point
    text: str
    role: str = "dim"


@dataclass
class Preview:
    shapes: list[PShape] = field(default_factory=list)
    labels: list[PLabel] = field(default_factory=list)
    ghosts: list[Entity] = field(default_factory=list)
    handles: list[Point] = field(default_factory=list)
    snap: SnapResult | None = None

    @property
    def empty(self) -> bool:
        return not (self.shapes or self.labels or self.ghosts or self.handles or self.snap)


class Tool:
    """A tool state object (Sweet Home 3D's controller states): press/move/release/key/typed."""

    name = "tool"
    draws = False  # drawing tools accept typed coordinates and show the snap marker

    def __init__(self, editor: Editor) -> None:
        self.ed = editor
        self.cursor: Point | None = None
        self.snap_result: SnapResult | None = None

    # lifecycle
    def activate(self) -> None:
        pass

    def deactivate(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        """Drop what is in progress."""

    def escape(self) -> None:
        """Escape while busy: by default drop what is in progress."""
        self.cancel()

    @property
    def busy(self) -> bool:
        """True while a gesture is in progress (points collected, a drag running)."""
        return False

    # input
    def press(self, ev: ToolEvent) -> None:
        pass

    def move(self, ev: ToolEvent) -> None:
        self.cursor = ev.pos

    def release(self, ev: ToolEvent) -> None:
        pass

    def double_click(self, ev: ToolEvent) -> None:
        pass

    def wants_key(self, key: str) -> bool:
        return False

    def key(self, key: str, shift: bool = False, ctrl: bool = False) -> bool:
        return False

    def typed(self, text: str) -> bool:
        """Typed coordinates / lengths (CAD style); True when understood."""
        return False

    # output
    def preview(self) -> Preview:
        return Preview(snap=self.snap_result if self.draws else None)

    @property
    def hint_key(self) -> str:
        return f"hint.{self.name}"

    # helpers
    def snapped(self, ev: ToolEvent, ref: Point | None = None, exclude: frozenset[str] = frozenset()) -> Point:
        r = self.ed.snapper.snap(ev.pos, ref=ref, shift=ev.shift, exclude=exclude)
        self.snap_result = r
        return r.point
