"""The per-plan geometry cache: one :class:`~hallplan.geometry.floorgeom.FloorGeometry` per floor,
invalidated by the touched sets of commands (subscribe it to a :class:`~hallplan.model.History`), or,
for callers without change events, by comparing entities with the ones last seen (``sync``).

>>> from hallplan.model import Floor, HallLevel, History, Plan, Polygon, AddFloor
>>> h = History(Plan("t", HallLevel.TOWN))
>>> h.push(AddFloor(Floor("f1", 1, Polygon.rect(0, 0, 10, 5))))
>>> cache = GeometryCache(h.plan)
>>> detach = cache.attach(h)
>>> round(cache.floor("f1").outline.area, 1)
50.0
>>> detach()
"""

from __future__ import annotations

from collections.abc import Callable

from hallplan.model import Action, ChangeEvent, EntityKind, History, Plan, Touched

from .floorgeom import CELL, PERSON_RADIUS, FloorGeometry


class GeometryCache:
    """Derived geometry of every floor of ``plan``, built on first use and kept until touched."""

    def __init__(self, plan: Plan, cell: float = CELL, person_radius: float = PERSON_RADIUS,
                 sync_once: bool = False) -> None:
        self.plan = plan
        self.cell = cell
        self.person_radius = person_radius
        self._floors: dict[str, FloorGeometry] = {}
        # sync_once: the owner calls invalidate() for every change (the rule engine does), so a floor
        # needs syncing only once after each invalidate, not on every floor() call
        self.sync_once = sync_once
        self._synced: set[str] = set()

    def floor(self, floor_id: str, sync: bool = True) -> FloorGeometry:
        """The floor's geometry; with ``sync`` it first catches up with edits this cache was not told
        about (see :meth:`FloorGeometry.sync`)."""
        fg = self._floors.get(floor_id)
        if fg is None or fg.plan is not self.plan:
            self.plan.floor(floor_id)  # KeyError for an unknown floor
            fg = FloorGeometry(self.plan, floor_id, self.cell, self.person_radius)
            self._floors[floor_id] = fg
        if sync and not (self.sync_once and floor_id in self._synced):
            fg.sync()
            self._synced.add(floor_id)
        return fg

    def floors(self) -> list[FloorGeometry]:
        return [self.floor(f.id) for f in self.plan.floors]

    def invalidate(self, touched: Touched) -> None:
        """Forget what ``touched`` could have changed (only on the floors it names)."""
        self._synced.clear()
        if EntityKind.FLOOR in touched.kinds:
            # storey numbers decide which floor discharges outside: any floor change resets all
            self._floors.clear()
            return
        kinds = touched.kinds - {EntityKind.PLAN}
        if not kinds:
            return
        for fid in touched.floor_ids:
            fg = self._floors.get(fid)
            if fg is not None:
                fg.invalidate(kinds, touched.entity_ids or None)

    def reset(self, plan: Plan) -> None:
        self.plan = plan
        self._floors.clear()
        self._synced.clear()

    def attach(self, history: History) -> Callable[[], None]:
        """Follow ``history``'s change events; returns the unsubscribe function."""
        self.plan = history.plan

        def listener(ev: ChangeEvent) -> None:
            if ev.action == Action.RESET:
                self.reset(history.plan)
            else:
                self.invalidate(ev.touched)

        return history.subscribe(listener)
