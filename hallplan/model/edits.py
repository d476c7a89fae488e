"""Builders for the common edits: each returns one :class:`Command` ready for ``History.push``.

Tools in the editor and the CLI compute intent in model units and call these; none of them mutate
the plan directly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .commands import AddEntities, Command, CommandError, Compound, RemoveEntities, ReplaceEntities
from .entities import Entity, Polygon, ServiceWindow, Zone
from .geom import Point, bounds, local_to_world
from .kinds import Domain, WindowKind
from .plan import Plan


def add(plan: Plan, floor_id: str, *entities: Entity) -> AddEntities:
    plan.floor(floor_id)  # raises KeyError for an unknown floor
    return AddEntities(tuple((floor_id, e) for e in entities))


def delete(plan: Plan, ids: Iterable[str]) -> RemoveEntities:
    return RemoveEntities.of(plan, list(ids))


def move(plan: Plan, ids: Iterable[str], dx: float, dy: float) -> ReplaceEntities:
    """Translate entities; consecutive moves of the same ids merge into one undo step."""
    changes = []
    for i in ids:
        f, e = plan.find(i)
        changes.append((f.id, e, e.translated(dx, dy)))
    return ReplaceEntities(tuple(changes), "cmd.move", merge_tag="move")


def rotate(plan: Plan, ids: Iterable[str], angle_deg: float, about: Point | None = None) -> ReplaceEntities:
    """Rotate entities counter-clockwise about ``about`` (default: the centre of their anchors)."""
    found = [plan.find(i) for i in ids]
    if about is None:
        x0, y0, x1, y1 = bounds(e.anchor for _, e in found)
        about = ((x0 + x1) / 2, (y0 + y1) / 2)
    changes = tuple((f.id, e, e.rotated(angle_deg, about)) for f, e in found)
    return ReplaceEntities(changes, "cmd.rotate", merge_tag="rotate")


def set_props(plan: Plan, entity_id: str, **changes) -> ReplaceEntities:
    """Set properties of one entity (validated by the dataclass: unknown fields raise)."""
    f, e = plan.find(entity_id)
    try:
        new = replace(e, **changes)
    except TypeError as exc:
        raise CommandError(str(exc)) from None
    return ReplaceEntities(((f.id, e, new),), "cmd.set_property")


def set_vertex(plan: Plan, zone_id: str, index: int, p: Point) -> ReplaceEntities:
    """Drag one vertex of a zone polygon (merges while dragging the same vertex)."""
    f, z = plan.find(zone_id)
    if not isinstance(z, Zone):
        raise CommandError(f"{zone_id!r} is not a zone")
    new = replace(z, polygon=z.polygon.with_vertex(index, p))
    return ReplaceEntities(((f.id, z, new),), "cmd.reshape", merge_tag=f"vertex{index}")


def reshape(plan: Plan, zone_id: str, polygon: Polygon) -> ReplaceEntities:
    f, z = plan.find(zone_id)
    return ReplaceEntities(((f.id, z, replace(z, polygon=polygon)),), "cmd.reshape")


def window_row(
    plan: Plan,
    floor_id: str,
    start: Point,
    end: Point,
    count: int,
    *,
    first_number: int = 1,
    kind: WindowKind = WindowKind.UNIVERSAL,
    domain: Domain = Domain.NONE,
    length: float = 1.6,
    depth: float = 0.65,
    height: float = 0.80,
    public_side: int = 1,
    number_prefix: str = "",
    name: str = "",
    arc_bulge: float = 0.0,
) -> AddEntities:
    """An array of ``count`` windows centred along the line start→end (one undo step).

    ``public_side`` +1 puts the public on the left of the start→end direction. ``arc_bulge`` > 0
    places the windows on a circular arc through start and end whose midpoint is offset by that
    many metres to the public side; each counter then faces the arc's centre side accordingly.
    """
    if count < 1:
        raise CommandError("a window row needs at least one window")
    dx, dy = end[0] - start[0], end[1] - start[1]
    L = math.hypot(dx, dy)
    if L < 1e-6:
        raise CommandError("a window row needs a start and an end point apart")
    base_angle = math.degrees(math.atan2(dy, dx))
    ids = plan.new_ids("win", count)
    used = {w.number for w in plan.all_windows()}
    items = []
    positions: list[tuple[Point, float]] = []
    if abs(arc_bulge) < 1e-6:
        for k in range(count):
            t = (k + 0.5) / count
            positions.append(((start[0] + dx * t, start[1] + dy * t), base_angle))
    else:
        # circle through start/end with sagitta arc_bulge on the public side
        s = arc_bulge
        r = (L * L / 4 + s * s) / (2 * s)
        mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
        nx, ny = -dy / L * public_side, dx / L * public_side
        cx, cy = mx + nx * (s - r), my + ny * (s - r)
        a0 = math.atan2(start[1] - cy, start[0] - cx)
        a1 = math.atan2(end[1] - cy, end[0] - cx)
        sweep = a1 - a0
        while sweep > math.pi:
            sweep -= 2 * math.pi
        while sweep < -math.pi:
            sweep += 2 * math.pi
        for k in range(count):
            a = a0 + sweep * (k + 0.5) / count
            px, py = cx + r * math.cos(a), cy + r * math.sin(a)
            tangent = math.degrees(a) + (90 if sweep > 0 else -90)
            positions.append(((px, py), tangent))
    for k, ((px, py), ang) in enumerate(positions):
        number = f"{number_prefix}{first_number + k}"
        if number in used:
            raise CommandError(f"window number {number} is already in use")
        # local +y is the public side for staff_side=-1; the row's left normal is angle+90.
        rotation = ang if public_side > 0 else ang + 180.0
        items.append(
            (
                floor_id,
                ServiceWindow(
                    id=ids[k], number=number, kind=kind, x=px, y=py, rotation=rotation % 360.0,
                    length=length, depth=depth, height=height, domain=domain, name=name,
                ),
            )
        )
    plan.floor(floor_id)
    return AddEntities(tuple(items), "cmd.window_row")


def renumber_windows(plan: Plan, ids: Sequence[str], first_number: int = 1, prefix: str = "") -> Command:
    """Give the windows ``ids`` consecutive numbers in the given order (one undo step)."""
    targets = [plan.find(i) for i in ids]
    new_numbers = {e.id: f"{prefix}{first_number + k}" for k, (_, e) in enumerate(targets)}
    others = {w.number for w in plan.all_windows() if w.id not in new_numbers}
    clash = sorted(set(new_numbers.values()) & others)
    if clash:
        raise CommandError(f"window numbers already in use: {', '.join(clash)}")
    changes = tuple((f.id, e, replace(e, number=new_numbers[e.id])) for f, e in targets)
    return ReplaceEntities(changes, "cmd.renumber")


def duplicate(plan: Plan, ids: Iterable[str], dx: float = 1.0, dy: float = -1.0) -> AddEntities:
    """Copies of the entities, offset by (dx, dy), with fresh ids (window numbers made unique)."""
    items = []
    taken_numbers = {w.number for w in plan.all_windows()}
    counters: dict[str, int] = {}
    for i in ids:
        f, e = plan.find(i)
        prefix = e.id.rsplit("-", 1)[0] if "-" in e.id else e.KIND.value
        counters[prefix] = counters.get(prefix, 0) + 1
        new_id = plan.new_ids(prefix, counters[prefix])[-1]
        c = replace(e.translated(dx, dy), id=new_id)
        if isinstance(c, ServiceWindow):
            n = _next_free_number(taken_numbers)
            taken_numbers.add(n)
            c = replace(c, number=n)
        items.append((f.id, c))
    return AddEntities(tuple(items), "cmd.duplicate")


def _next_free_number(taken: set[str]) -> str:
    n = 1
    while str(n) in taken:
        n += 1
    return str(n)


def align(plan: Plan, ids: Sequence[str], edge: str) -> ReplaceEntities:
    """Align anchors on ``edge``: 'left', 'right', 'top', 'bottom', 'hcenter', 'vcenter'."""
    found = [plan.find(i) for i in ids]
    xs = [e.anchor[0] for _, e in found]
    ys = [e.anchor[1] for _, e in found]
    target = {
        "left": min(xs), "right": max(xs), "bottom": min(ys), "top": max(ys),
        "hcenter": (min(xs) + max(xs)) / 2, "vcenter": (min(ys) + max(ys)) / 2,
    }[edge]
    changes = []
    for f, e in found:
        ax, ay = e.anchor
        if edge in ("left", "right", "hcenter"):
            changes.append((f.id, e, e.translated(target - ax, 0.0)))
        else:
            changes.append((f.id, e, e.translated(0.0, target - ay)))
    return ReplaceEntities(tuple(changes), "cmd.align")


def distribute(plan: Plan, ids: Sequence[str], axis: str = "x") -> ReplaceEntities:
    """Space anchors evenly between the outermost two along ``axis``."""
    found = [plan.find(i) for i in ids]
    k = 0 if axis == "x" else 1
    found.sort(key=lambda fe: fe[1].anchor[k])
    if len(found) < 3:
        return ReplaceEntities(tuple((f.id, e, e) for f, e in found), "cmd.distribute")
    lo, hi = found[0][1].anchor[k], found[-1][1].anchor[k]
    changes = []
    for j, (f, e) in enumerate(found):
        target = lo + (hi - lo) * j / (len(found) - 1)
        d = target - e.anchor[k]
        changes.append((f.id, e, e.translated(d, 0.0) if k == 0 else e.translated(0.0, d)))
    return ReplaceEntities(tuple(changes), "cmd.distribute")


def compound(label: str, *commands: Command) -> Compound:
    return Compound(tuple(commands), label)


__all__ = [
    "add", "align", "compound", "delete", "distribute", "duplicate", "local_to_world", "move",
    "renumber_windows", "reshape", "rotate", "set_props", "set_vertex", "window_row",
]
