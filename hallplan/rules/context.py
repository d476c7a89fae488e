"""The context a check runs in: the plan (read only), cached derived structures and shapes."""

from __future__ import annotations

from typing import Any

from hallplan.model import EntityKind, Floor, Plan, Touched

from .registry import DERIVED


class CheckContext:
    """Read-only view of a plan for checks, with per-floor caches.

    ``derived(name, floor)`` builds a registered derived structure once and keeps it until a command
    touches a kind it reads on that floor. ``shape(entity)`` gives the shapely geometry of an entity,
    cached by id and rebuilt when the (immutable) entity object is replaced.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._derived: dict[tuple[str, str], Any] = {}
        self._shapes: dict[str, tuple[object, Any]] = {}
        self._store: dict[str, Any] = {}

    def persistent(self, name: str, factory) -> Any:
        """A long-lived helper object (e.g. the route analysis' ``GeometryCache``) created once by
        ``factory()`` and kept across incremental updates; if it has ``invalidate(touched)`` it is
        told about every update before checks re-run. A full run starts afresh."""
        obj = self._store.get(name)
        if obj is None:
            obj = self._store[name] = factory()
        return obj

    def derived(self, name: str, floor: Floor | None = None) -> Any:
        spec = DERIVED[name]
        key = (name, floor.id if (floor is not None and spec.scope == "floor") else "")
        if key not in self._derived:
            self._derived[key] = spec.fn(self, floor) if spec.scope == "floor" else spec.fn(self)
        return self._derived[key]

    def invalidate(self, touched: Touched, kinds: frozenset[EntityKind]) -> None:
        for obj in self._store.values():
            inv = getattr(obj, "invalidate", None)
            if callable(inv):
                inv(touched)
        live = {f.id for f in self.plan.floors}
        for key in list(self._derived):
            name, fid = key
            spec = DERIVED[name]
            reads = spec.reads | {EntityKind.FLOOR}
            if (fid and fid not in live) or (reads & kinds and (not fid or fid in touched.floor_ids)):
                del self._derived[key]

    def clear(self) -> None:
        self._derived.clear()
        self._shapes.clear()
        self._store.clear()

    def shape(self, entity, build) -> Any:
        """Cached ``build(entity)`` keyed by entity id, valid while the entity object is unchanged."""
        hit = self._shapes.get(entity.id)
        if hit is not None and hit[0] is entity:
            return hit[1]
        g = build(entity)
        self._shapes[entity.id] = (entity, g)
        return g
