"""Registries of check functions and derived structures, by name.

A check is a function registered with :func:`check` under a stable name. It declares what it reads:
entity kinds, plan properties and derived structures (which in turn declare the entity kinds they are
built from). The engine uses those declarations to re-run only the checks a command could have
changed. Rule packs name a check and give its parameters; :func:`check` also declares the parameter
schema so a pack is validated when it is loaded.

Checks are ``scope="plan"`` (called once: ``fn(ctx, rule)``) or ``scope="floor"`` (called per floor:
``fn(ctx, rule, floor)``; only touched floors are re-run). They yield :class:`Hit` objects; the engine
turns each into a :class:`~hallplan.rules.finding.Finding` with the rule's id, severity and citation.

Derived structures (e.g. the route analysis' free space or distance fields) are registered with
:func:`derived`; a check lists them in ``derived=`` and gets them from ``ctx.derived(name, floor)``.
They are cached per floor and dropped when a command touches a kind they read on that floor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from hallplan.model.kinds import EntityKind

from .finding import Shape

ALL_KINDS = frozenset(EntityKind)


class L:
    """A text given in both languages (a format argument that is not in the catalogue)."""

    __slots__ = ("zh", "en")

    def __init__(self, zh: str, en: str | None = None) -> None:
        self.zh = zh
        self.en = zh if en is None else en

    def __eq__(self, other: object) -> bool:
        return isinstance(other, L) and (self.zh, self.en) == (other.zh, other.en)

    def __hash__(self) -> int:
        return hash((self.zh, self.en))

    def __repr__(self) -> str:  # pragma: no cover
        return f"L({self.zh!r}, {self.en!r})"


@dataclass(frozen=True)
class Hit:
    """One thing a check found: the message key (``rules.msg.<key>`` in the catalogue) and its
    format arguments (numbers, strings, enum members, :class:`L`, or tuples of those, joined), the
    entities concerned, the geometry to highlight and the measured values."""

    key: str
    fmt: tuple[tuple[str, Any], ...] = ()
    entity_ids: tuple[str, ...] = ()
    geometry: tuple[Shape, ...] = ()
    floor_id: str = ""
    values: tuple[tuple[str, Any], ...] = ()
    cap: str = ""  # "warning"/"info": the finding is at most this severe (e.g. data not recorded)

    @staticmethod
    def of(key: str, *, entities: Iterable[str] = (), geometry: Iterable[Shape] = (), floor_id: str = "",
           values: dict | None = None, cap: str = "", **fmt) -> Hit:
        vals = values if values is not None else {k: v for k, v in fmt.items() if isinstance(v, int | float)}
        return Hit(key, tuple(sorted(fmt.items())), tuple(entities), tuple(geometry), floor_id,
                   tuple(sorted((k, _plain(v)) for k, v in vals.items())), cap)


def _plain(v: Any) -> Any:
    if isinstance(v, Enum):
        return v.value
    if isinstance(v, L):
        return v.zh
    if isinstance(v, tuple | list):
        return tuple(_plain(x) for x in v)
    if isinstance(v, float):
        return round(v, 4)
    return v


# --- parameter schema --------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """A check parameter: ``type`` is a key of :data:`hallplan.rules.params.CONVERTERS`."""

    type: str
    required: bool = True
    default: Any = None
    help: str = ""


@dataclass(frozen=True)
class CheckSpec:
    name: str
    fn: Callable
    scope: str
    reads: frozenset[EntityKind]
    plan_props: frozenset[str]
    derived: frozenset[str]
    params: dict[str, Param] = field(default_factory=dict)
    doc: str = ""
    # run after the others in a full check (bool, or a function of the rule's parameters): checks that
    # need what the others' first steps start building in the background (see Engine.run)
    late: bool | Callable[[dict], bool] = False

    def runs_late(self, params: dict) -> bool:
        return bool(self.late(params)) if callable(self.late) else self.late

    def all_reads(self) -> frozenset[EntityKind]:
        """Entity kinds read directly or through derived structures."""
        kinds = set(self.reads)
        for d in self.derived:
            kinds |= DERIVED[d].reads
        return frozenset(kinds)


@dataclass(frozen=True)
class DerivedSpec:
    name: str
    fn: Callable
    reads: frozenset[EntityKind]
    scope: str = "floor"
    doc: str = ""


CHECKS: dict[str, CheckSpec] = {}
DERIVED: dict[str, DerivedSpec] = {}


def check(name: str, *, reads: Iterable[EntityKind] = (), plan_props: Iterable[str] = (),
          derived: Iterable[str] = (), scope: str = "plan", params: dict[str, Param] | None = None,
          late: bool | Callable[[dict], bool] = False):
    """Register a check function under ``name`` (a decorator). ``late``: see :attr:`CheckSpec.late`."""
    if scope not in ("plan", "floor"):
        raise ValueError(f"check {name!r}: scope must be 'plan' or 'floor'")

    def deco(fn: Callable) -> Callable:
        if name in CHECKS and CHECKS[name].fn is not fn:
            raise ValueError(f"check {name!r} registered twice")
        CHECKS[name] = CheckSpec(name, fn, scope, frozenset(reads), frozenset(plan_props),
                                 frozenset(derived), dict(params or {}), (fn.__doc__ or "").strip(), late)
        return fn

    return deco


def derived(name: str, *, reads: Iterable[EntityKind], scope: str = "floor"):
    """Register a derived structure builder ``fn(ctx, floor)`` (or ``fn(ctx)`` for scope "plan")."""

    def deco(fn: Callable) -> Callable:
        DERIVED[name] = DerivedSpec(name, fn, frozenset(reads), scope, (fn.__doc__ or "").strip())
        return fn

    return deco


def load_checks() -> None:
    """Import every ``checks*`` module of this package so their checks register themselves.

    Other packages' checks (e.g. the route analysis in ``checks_routes*.py``) are found the same way.
    """
    import importlib
    import pkgutil

    from hallplan import rules

    for mod in sorted(pkgutil.iter_modules(rules.__path__), key=lambda m: m.name):
        if mod.name.startswith("checks"):
            importlib.import_module(f"hallplan.rules.{mod.name}")
