"""Findings: what a check says about a plan, frozen and self-contained.

A :class:`Finding` carries everything a reporter needs (rule, requirement, severity, the message in
both languages with the measured value and the limit, the clause it cites, the entities concerned and
the geometry to highlight), so reporters never look anything up in the rules or the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hallplan.model.geom import Point
from hallplan.model.kinds import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info (sort key, most severe first)."""
        return _RANK[self]

    def at_least(self, other: Severity) -> bool:
        """True when ``self`` is as severe as ``other`` or more."""
        return self.rank <= other.rank


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Titled:
    """For anything with ``title_zh`` and ``title_en``: the title in one language."""

    title_zh: str
    title_en: str

    def title(self, lang: str = "zh") -> str:
        return self.title_en if lang == "en" else self.title_zh


@dataclass(frozen=True)
class Citation(Titled):
    """Where a rule comes from: document (short id and title), clause reference and quoted text."""

    document: str  # "YZ"
    title_zh: str
    title_en: str
    clause_ref: str  # "三、(三)"
    clause: str  # quoted Chinese clause
    clause_en: str = ""


@dataclass(frozen=True)
class Shape:
    """Geometry to highlight: ``kind`` is "point", "line" (open polyline) or "polygon" (ring)."""

    kind: str
    points: tuple[Point, ...]
    floor_id: str = ""

    @staticmethod
    def point(p: Point, floor_id: str = "") -> Shape:
        return Shape("point", (_r(p),), floor_id)

    @staticmethod
    def line(pts, floor_id: str = "") -> Shape:
        return Shape("line", tuple(_r(p) for p in pts), floor_id)

    @staticmethod
    def polygon(ring, floor_id: str = "") -> Shape:
        return Shape("polygon", tuple(_r(p) for p in ring), floor_id)


def _r(p) -> Point:
    return (round(float(p[0]), 4), round(float(p[1]), 4))


@dataclass(frozen=True)
class Finding:
    rule_id: str
    requirement: str
    severity: Severity
    message_zh: str
    message_en: str
    citation: Citation
    entity_ids: tuple[str, ...] = ()
    geometry: tuple[Shape, ...] = ()
    floor_id: str = ""
    # measured values and limits, for JSON output and tests: (("area_m2", 3412.0), ("limit_m2", 4000))
    values: tuple[tuple[str, Any], ...] = field(default=())
    softened: bool = False  # severity lowered for this level by the rule's ``soften`` clause
    # rules of other active packs that ask something different of the same thing:
    # (rule id, requirement id, title zh, title en)
    conflicts: tuple[tuple[str, str, str, str], ...] = ()

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    @property
    def sort_key(self) -> tuple:
        return (self.severity.rank, self.rule_id, self.floor_id, self.entity_ids, self.message_zh, repr(self.geometry))

    def value(self, key: str, default: Any = None) -> Any:
        return dict(self.values).get(key, default)
