"""Edit commands: every change to a plan is one of these, so undo/redo, autosave and live checking
hang off one place (:class:`hallplan.model.history.History`).

A command holds the old and new values (never deltas, so undo restores bit-identical state), knows
how to ``apply`` and ``revert`` itself, carries a label key for the undo menu (translated through
:mod:`hallplan.i18n`) and reports what it ``touched``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .entities import Entity
from .kinds import EntityKind
from .plan import PLAN_PROPERTIES, Floor, Plan


@dataclass(frozen=True)
class Touched:
    """What a command changed: drives cache invalidation and incremental checking."""

    floor_ids: frozenset[str] = frozenset()
    entity_ids: frozenset[str] = frozenset()
    kinds: frozenset[EntityKind] = frozenset()
    plan_props: frozenset[str] = frozenset()

    def __or__(self, other: Touched) -> Touched:
        return Touched(
            self.floor_ids | other.floor_ids,
            self.entity_ids | other.entity_ids,
            self.kinds | other.kinds,
            self.plan_props | other.plan_props,
        )

    @property
    def empty(self) -> bool:
        return not (self.floor_ids or self.entity_ids or self.kinds or self.plan_props)


class CommandError(ValueError):
    """A command that cannot be applied to the plan as it is (e.g. unknown id, duplicate id)."""


class Command:
    label: str = "cmd.edit"

    def apply(self, plan: Plan) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def revert(self, plan: Plan) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def touched(self) -> Touched:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def merge_key(self) -> Any:
        """Commands with equal, non-None merge keys pushed in a row fold into one undo step."""
        return None

    def merged_with(self, later: Command) -> Command:  # pragma: no cover - only for mergeable
        raise NotImplementedError


def _touch_entities(pairs) -> Touched:
    fids, eids, kinds = set(), set(), set()
    for fid, e in pairs:
        fids.add(fid)
        eids.add(e.id)
        kinds.add(e.KIND)
    return Touched(frozenset(fids), frozenset(eids), frozenset(kinds))


@dataclass(frozen=True)
class AddEntities(Command):
    """Add entities (one, or an array of windows as one step). ``items``: (floor id, entity)."""

    items: tuple[tuple[str, Entity], ...]
    label: str = "cmd.add"

    def apply(self, plan: Plan) -> None:
        for fid, e in self.items:
            floor = plan.floor(fid)
            if any(f.get(e.id) is not None for f in plan.floors):
                raise CommandError(f"id {e.id!r} already in use")
            floor.collection(e)[e.id] = e

    def revert(self, plan: Plan) -> None:
        for fid, e in reversed(self.items):
            del plan.floor(fid).collection(e)[e.id]

    @property
    def touched(self) -> Touched:
        return _touch_entities(self.items)


@dataclass(frozen=True)
class RemoveEntities(Command):
    """Remove entities; holds them (and their floor) so undo puts them back."""

    items: tuple[tuple[str, Entity], ...]
    label: str = "cmd.delete"

    @staticmethod
    def of(plan: Plan, ids) -> RemoveEntities:
        items = []
        for i in ids:
            f, e = plan.find(i)
            items.append((f.id, e))
        return RemoveEntities(tuple(items))

    def apply(self, plan: Plan) -> None:
        for fid, e in self.items:
            coll = plan.floor(fid).collection(e)
            if coll.get(e.id) != e:
                raise CommandError(f"entity {e.id!r} changed or missing")
            del coll[e.id]

    def revert(self, plan: Plan) -> None:
        for fid, e in reversed(self.items):
            plan.floor(fid).collection(e)[e.id] = e

    @property
    def touched(self) -> Touched:
        return _touch_entities(self.items)


@dataclass(frozen=True)
class ReplaceEntities(Command):
    """Replace entities by new versions of themselves (move, rotate, reshape, set a property).

    ``changes``: (floor id, old, new) with ``old.id == new.id``. ``merge_tag`` (e.g. "move") makes
    consecutive commands on the same ids fold into one undo step (a drag).
    """

    changes: tuple[tuple[str, Entity, Entity], ...]
    label: str = "cmd.change"
    merge_tag: str = ""

    def __post_init__(self) -> None:
        for _, old, new in self.changes:
            if old.id != new.id or type(old) is not type(new):
                raise CommandError("ReplaceEntities needs the same id and type before and after")

    def apply(self, plan: Plan) -> None:
        self._swap(plan, 1, 2)

    def revert(self, plan: Plan) -> None:
        self._swap(plan, 2, 1)

    def _swap(self, plan: Plan, frm: int, to: int) -> None:
        seq = self.changes if frm == 1 else tuple(reversed(self.changes))
        for ch in seq:
            coll = plan.floor(ch[0]).collection(ch[frm])
            if coll.get(ch[frm].id) != ch[frm]:
                raise CommandError(f"entity {ch[frm].id!r} is not in the expected state")
            coll[ch[frm].id] = ch[to]

    @property
    def touched(self) -> Touched:
        return _touch_entities((fid, new) for fid, _, new in self.changes)

    @property
    def merge_key(self) -> Any:
        if not self.merge_tag:
            return None
        return (self.merge_tag, tuple(sorted(old.id for _, old, _ in self.changes)))

    def merged_with(self, later: Command) -> Command:
        assert isinstance(later, ReplaceEntities)
        new_by_id = {new.id: (fid, new) for fid, _, new in later.changes}
        changes = tuple((new_by_id[old.id][0], old, new_by_id[old.id][1]) for _, old, _ in self.changes)
        return ReplaceEntities(changes, self.label, self.merge_tag)


@dataclass(frozen=True)
class SetPlanProperties(Command):
    """Change hall-level settings (name, level, profile, sprinklers, demand, acknowledgements …)."""

    old: tuple[tuple[str, Any], ...]
    new: tuple[tuple[str, Any], ...]
    label: str = "cmd.settings"

    @staticmethod
    def of(plan: Plan, **changes) -> SetPlanProperties:
        for k in changes:
            if k not in PLAN_PROPERTIES:
                raise CommandError(f"unknown plan property {k!r}")
        keys = sorted(changes)
        return SetPlanProperties(tuple((k, getattr(plan, k)) for k in keys), tuple((k, changes[k]) for k in keys))

    def apply(self, plan: Plan) -> None:
        for k, v in self.new:
            setattr(plan, k, v)

    def revert(self, plan: Plan) -> None:
        for k, v in self.old:
            setattr(plan, k, v)

    @property
    def touched(self) -> Touched:
        return Touched(kinds=frozenset({EntityKind.PLAN}), plan_props=frozenset(k for k, _ in self.new))


FLOOR_PROPERTIES = ("storey", "outline", "name", "height")


@dataclass(frozen=True)
class SetFloorProperties(Command):
    """Change a floor's storey number, outline, name or height."""

    floor_id: str
    old: tuple[tuple[str, Any], ...]
    new: tuple[tuple[str, Any], ...]
    label: str = "cmd.floor_change"
    merge_tag: str = ""

    @staticmethod
    def of(plan: Plan, floor_id: str, merge_tag: str = "", **changes) -> SetFloorProperties:
        f = plan.floor(floor_id)
        for k in changes:
            if k not in FLOOR_PROPERTIES:
                raise CommandError(f"unknown floor property {k!r}")
        keys = sorted(changes)
        return SetFloorProperties(
            floor_id, tuple((k, getattr(f, k)) for k in keys), tuple((k, changes[k]) for k in keys), merge_tag=merge_tag
        )

    def apply(self, plan: Plan) -> None:
        f = plan.floor(self.floor_id)
        for k, v in self.new:
            setattr(f, k, v)

    def revert(self, plan: Plan) -> None:
        f = plan.floor(self.floor_id)
        for k, v in self.old:
            setattr(f, k, v)

    @property
    def touched(self) -> Touched:
        return Touched(floor_ids=frozenset({self.floor_id}), kinds=frozenset({EntityKind.FLOOR}))

    @property
    def merge_key(self) -> Any:
        return (self.merge_tag, self.floor_id, tuple(k for k, _ in self.new)) if self.merge_tag else None

    def merged_with(self, later: Command) -> Command:
        assert isinstance(later, SetFloorProperties)
        return SetFloorProperties(self.floor_id, self.old, later.new, self.label, self.merge_tag)


@dataclass(frozen=True)
class AddFloor(Command):
    floor: Floor
    index: int = -1
    label: str = "cmd.add_floor"

    def apply(self, plan: Plan) -> None:
        if any(f.id == self.floor.id for f in plan.floors):
            raise CommandError(f"floor id {self.floor.id!r} already in use")
        idx = len(plan.floors) if self.index < 0 else self.index
        plan.floors.insert(idx, self.floor.copy())

    def revert(self, plan: Plan) -> None:
        del plan.floors[plan.floor_index(self.floor.id)]

    @property
    def touched(self) -> Touched:
        return Touched(floor_ids=frozenset({self.floor.id}), kinds=frozenset({EntityKind.FLOOR}))


@dataclass(frozen=True)
class RemoveFloor(Command):
    floor: Floor
    index: int
    label: str = "cmd.remove_floor"

    @staticmethod
    def of(plan: Plan, floor_id: str) -> RemoveFloor:
        i = plan.floor_index(floor_id)
        return RemoveFloor(plan.floors[i].copy(), i)

    def apply(self, plan: Plan) -> None:
        del plan.floors[plan.floor_index(self.floor.id)]

    def revert(self, plan: Plan) -> None:
        plan.floors.insert(self.index, self.floor.copy())

    @property
    def touched(self) -> Touched:
        ids = frozenset(e.id for e in self.floor.entities())
        kinds = frozenset({EntityKind.FLOOR} | {e.KIND for e in self.floor.entities()})
        return Touched(floor_ids=frozenset({self.floor.id}), entity_ids=ids, kinds=kinds)


@dataclass(frozen=True)
class MoveFloor(Command):
    """Reorder floors in the list (the storey number is a property of its own)."""

    floor_id: str
    old_index: int
    new_index: int
    label: str = "cmd.reorder_floor"

    def apply(self, plan: Plan) -> None:
        f = plan.floors.pop(self.old_index)
        plan.floors.insert(self.new_index, f)

    def revert(self, plan: Plan) -> None:
        f = plan.floors.pop(self.new_index)
        plan.floors.insert(self.old_index, f)

    @property
    def touched(self) -> Touched:
        return Touched(floor_ids=frozenset({self.floor_id}), kinds=frozenset({EntityKind.FLOOR}))


@dataclass(frozen=True)
class Compound(Command):
    """Several commands as one undo step (paste, array + renumber, …)."""

    commands: tuple[Command, ...]
    label: str = "cmd.edit"

    def apply(self, plan: Plan) -> None:
        done = []
        try:
            for c in self.commands:
                c.apply(plan)
                done.append(c)
        except Exception:
            for c in reversed(done):
                c.revert(plan)
            raise

    def revert(self, plan: Plan) -> None:
        for c in reversed(self.commands):
            c.revert(plan)

    @property
    def touched(self) -> Touched:
        t = Touched()
        for c in self.commands:
            t = t | c.touched
        return t
