"""The plan: hall-level settings, demand inputs and floors holding the entities."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .entities import (
    COLLECTIONS,
    Column,
    Door,
    Entity,
    Furniture,
    Lift,
    Polygon,
    ServiceWindow,
    Stair,
    Wall,
    Zone,
)
from .kinds import FireGrade, HallLevel, WindowKind


@dataclass(frozen=True)
class ServicePeriod:
    """对外服务时间: a line of the service-hours notice, e.g. ("周一至周五", "09:00", "12:00")."""

    days: str
    start: str
    end: str


@dataclass(frozen=True)
class DemandGroup:
    """Demand for one group of windows (JZ-8, LA-4.1.1).

    ``window_kinds`` (and optionally ``domain``) say which windows serve the group. Either give the
    peak-hour arrivals directly or the daily cases with an hourly profile (fractions per opening hour).
    Handling time in minutes with its coefficient of variation (1.0 = exponential).
    """

    key: str
    label: str
    window_kinds: tuple[WindowKind, ...] = (WindowKind.UNIVERSAL,)
    domain: str = ""
    peak_arrivals_per_hour: float = 0.0
    daily_cases: float = 0.0
    hourly_profile: tuple[float, ...] = ()
    mean_handling_min: float = 10.0
    handling_cv: float = 1.0


@dataclass(frozen=True)
class Demand:
    groups: tuple[DemandGroup, ...] = ()
    opening_hours_per_day: float = 8.0
    shifts: int = 1
    max_wait_min: float = 30.0
    seat_margin: float = 0.2
    population: int = 0


@dataclass(frozen=True)
class Acknowledgement:
    """A finding the planner has acknowledged, with the reason (kept, shown in the report)."""

    rule_id: str
    entity_ids: tuple[str, ...]
    reason: str
    author: str = ""
    date: str = ""


@dataclass
class Floor:
    """One storey: outline (with holes), and the entities on it keyed by id."""

    id: str
    storey: int
    outline: Polygon
    name: str = ""
    height: float = 4.5
    walls: dict[str, Wall] = field(default_factory=dict)
    columns: dict[str, Column] = field(default_factory=dict)
    zones: dict[str, Zone] = field(default_factory=dict)
    windows: dict[str, ServiceWindow] = field(default_factory=dict)
    doors: dict[str, Door] = field(default_factory=dict)
    furniture: dict[str, Furniture] = field(default_factory=dict)
    stairs: dict[str, Stair] = field(default_factory=dict)
    lifts: dict[str, Lift] = field(default_factory=dict)

    def collection(self, entity: Entity | type) -> dict:
        cls = entity if isinstance(entity, type) else type(entity)
        return getattr(self, COLLECTIONS[cls])

    def entities(self) -> Iterator[Entity]:
        for attr in COLLECTIONS.values():
            yield from getattr(self, attr).values()

    def get(self, entity_id: str) -> Entity | None:
        for attr in COLLECTIONS.values():
            e = getattr(self, attr).get(entity_id)
            if e is not None:
                return e
        return None

    @property
    def area(self) -> float:
        return self.outline.area

    def copy(self) -> Floor:
        """A shallow structural copy (entities are immutable, so this is a full snapshot)."""
        f = Floor(self.id, self.storey, self.outline, self.name, self.height)
        for attr in COLLECTIONS.values():
            setattr(f, attr, dict(getattr(self, attr)))
        return f


PLAN_PROPERTIES = (
    "name",
    "level",
    "branch",
    "profile",
    "sprinklers",
    "fire_grade",
    "crowded",
    "high_rise",
    "service_hours",
    "demand",
    "acknowledgements",
    "staff_count",
    "notes",
)


@dataclass
class Plan:
    """A hall plan. Mutable container; entities are frozen and replaced by commands."""

    name: str
    level: HallLevel
    floors: list[Floor] = field(default_factory=list)
    branch: bool = False
    profile: str = "default"
    sprinklers: bool = False
    fire_grade: FireGrade = FireGrade.ONE_TWO
    crowded: bool = True
    high_rise: bool = False
    service_hours: tuple[ServicePeriod, ...] = ()
    demand: Demand = field(default_factory=Demand)
    acknowledgements: tuple[Acknowledgement, ...] = ()
    staff_count: int = 0
    notes: str = ""

    # --- lookup -----------------------------------------------------------------------------
    def floor(self, floor_id: str) -> Floor:
        for f in self.floors:
            if f.id == floor_id:
                return f
        raise KeyError(f"no floor {floor_id!r}")

    def floor_index(self, floor_id: str) -> int:
        for i, f in enumerate(self.floors):
            if f.id == floor_id:
                return i
        raise KeyError(f"no floor {floor_id!r}")

    def find(self, entity_id: str) -> tuple[Floor, Entity]:
        """The floor holding ``entity_id`` and the entity; ``KeyError`` if none."""
        for f in self.floors:
            e = f.get(entity_id)
            if e is not None:
                return f, e
        raise KeyError(f"no entity {entity_id!r}")

    def entities(self) -> Iterator[tuple[Floor, Entity]]:
        for f in self.floors:
            for e in f.entities():
                yield f, e

    def all_windows(self) -> list[ServiceWindow]:
        return [w for f in self.floors for w in f.windows.values()]

    def ground_floor(self) -> Floor | None:
        cands = [f for f in self.floors if f.storey >= 1]
        return min(cands, key=lambda f: f.storey) if cands else (self.floors[0] if self.floors else None)

    # --- ids ------------------------------------------------------------------------------
    def new_id(self, prefix: str) -> str:
        """A fresh id ``prefix-N`` (N one above the largest in use with that prefix)."""
        return self.new_ids(prefix, 1)[0]

    def new_ids(self, prefix: str, count: int) -> list[str]:
        pat = re.compile(re.escape(prefix) + r"-(\d+)$")
        top = 0
        ids = [f.id for f in self.floors] + [e.id for _, e in self.entities()]
        for i in ids:
            m = pat.match(i)
            if m:
                top = max(top, int(m.group(1)))
        return [f"{prefix}-{top + k + 1}" for k in range(count)]

    def copy(self) -> Plan:
        """An independent snapshot (floors copied; entities are immutable and shared)."""
        p = Plan(**{k: getattr(self, k) for k in PLAN_PROPERTIES})
        p.floors = [f.copy() for f in self.floors]
        return p

    @property
    def gross_area(self) -> float:
        """Sum of floor outline areas (建筑面积 when outlines are drawn to the outer wall face)."""
        return sum(f.area for f in self.floors)
