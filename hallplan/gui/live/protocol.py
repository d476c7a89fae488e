"""Messages between the editor and the check worker (plain, picklable, no Qt).

The editor sends a :class:`Job`: either a whole plan (``plan``, after opening a file or when the
worker lost track) or the commands done and undone since the worker's last revision (``ops``), plus
which overlays of which floor it wants drawn. The worker answers with a :class:`Result` for exactly
the ``target`` revision: the heavy findings and the overlays that changed. Jobs that queue up while
the worker is busy are folded: their operations are applied in order, only the latest is analysed.

Overlays travel as neutral primitives (:class:`Prim`: polygons with holes, lines, points, with a
drawing role and an optional measured value) and a heat map (:class:`Heat`), so the worker never
needs Qt and the canvas never needs shapely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

OVERLAYS = ("heat", "access", "separation", "cctv", "queue")
WORKER_OVERLAYS = ("heat", "access", "separation", "cctv")  # "queue" is drawn from the plan directly


@dataclass(frozen=True)
class Job:
    session: str
    seq: int
    base: int  # revision the worker must be at before ``ops`` (ignored with ``plan``)
    target: int  # revision after ``ops`` (or of ``plan``)
    ops: tuple[tuple[str, Any], ...] = ()  # ("do" | "undo" | "redo", command)
    plan: Any = None  # a whole Plan: start afresh
    floor_id: str | None = None  # the floor shown in the editor
    overlays: frozenset[str] = frozenset()
    lang: str = "zh"
    draft: bool = False  # a drag is under way: a quick answer for this position (coarser raster)
    rules: Any = None  # with ``plan``: an explicit rule list instead of the plan's profile (tests, bench)


@dataclass(frozen=True)
class Prim:
    """One drawing primitive: ``kind`` "polygon" (``rings``: exterior, then holes), "line" or "point"
    (one array of (x, y) rows); ``role`` picks the style; ``value`` a measured number to label."""

    role: str
    kind: str
    rings: tuple[Any, ...]
    value: float | None = None


@dataclass(frozen=True)
class Heat:
    """Distances (m) on a grid whose cell (0, 0) is centred at (x0, y0); NaN where not measured."""

    x0: float
    y0: float
    cell: float
    values: Any  # float32 array (ny, nx)
    limit: float | None
    vmax: float


@dataclass(frozen=True)
class OverlayData:
    name: str
    floor_id: str
    prims: tuple[Prim, ...] = ()
    heat: Heat | None = None
    values: tuple[tuple[str, Any], ...] = ()  # summary numbers (worst distance, coverage share …)
    error: str = ""

    def value(self, key: str, default: Any = None) -> Any:
        return dict(self.values).get(key, default)


@dataclass(frozen=True)
class Result:
    session: str
    seq: int
    target: int
    status: str  # "ok", "resync" (the worker is not at ``base``: send the plan) or "error"
    findings: tuple = ()  # heavy findings at ``target``
    overlays: dict[str, OverlayData] = field(default_factory=dict)  # recomputed ones, by name
    overlay_floor: str | None = None
    valid_overlays: frozenset[str] = frozenset()  # still valid (recomputed or unchanged)
    rules: int = 0  # heavy rules that apply
    error: str = ""
    times: tuple[tuple[str, float], ...] = ()  # ms: ("apply", …), ("check", …), ("overlays", …)
    draft: bool = False  # worked out on the coarse raster during a drag (replaced on drop)
    skipped: int = 0  # older jobs folded into this one (the worker always works on the latest)

    def time(self, key: str) -> float:
        return dict(self.times).get(key, 0.0)
