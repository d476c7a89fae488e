"""Plan entities: frozen dataclasses in metres, y up, with stable string ids.

Every entity knows how to move and rotate itself (returning a new instance) and, where it has a
footprint, its outline as a ring of points. Nothing here imports anything outside the stdlib.

Local frames: entities with a position (``x``, ``y``) and ``rotation`` (degrees, counter-clockwise)
have their local +x along their length/width and local +y as their "front". For a service window the
front (+y) is the public side where the visitor stands; the staff sit on the ``-y`` side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import ClassVar

from .geom import (
    Point,
    Ring,
    local_to_world,
    rect_ring,
    ring_area,
    rotate_point,
    rotate_ring,
    translate_ring,
)
from .kinds import (
    Domain,
    DoorKind,
    EntityKind,
    FurnitureKind,
    Hinge,
    WallKind,
    WindowKind,
    ZoneKind,
)


@dataclass(frozen=True)
class Polygon:
    """A polygon with an exterior ring and optional holes (rings without a repeated closing point)."""

    exterior: Ring
    holes: tuple[Ring, ...] = ()

    @staticmethod
    def rect(x0: float, y0: float, x1: float, y1: float) -> Polygon:
        return Polygon(((x0, y0), (x1, y0), (x1, y1), (x0, y1)))

    @property
    def area(self) -> float:
        return ring_area(self.exterior) - sum(ring_area(h) for h in self.holes)

    def translated(self, dx: float, dy: float) -> Polygon:
        return Polygon(translate_ring(self.exterior, dx, dy), tuple(translate_ring(h, dx, dy) for h in self.holes))

    def rotated(self, angle_deg: float, about: Point) -> Polygon:
        return Polygon(rotate_ring(self.exterior, angle_deg, about), tuple(rotate_ring(h, angle_deg, about) for h in self.holes))

    def with_vertex(self, index: int, p: Point) -> Polygon:
        ext = list(self.exterior)
        ext[index] = p
        return Polygon(tuple(ext), self.holes)


class Entity:
    """Mixin for every placeable entity: an ``id`` and an :class:`EntityKind`."""

    KIND: ClassVar[EntityKind]
    id: str

    def translated(self, dx: float, dy: float):  # pragma: no cover - overridden
        raise NotImplementedError

    def rotated(self, angle_deg: float, about: Point):  # pragma: no cover - overridden
        raise NotImplementedError

    @property
    def anchor(self) -> Point:  # pragma: no cover - overridden
        raise NotImplementedError


@dataclass(frozen=True)
class _Placed(Entity):
    """An entity placed by centre point and rotation (degrees)."""

    def translated(self, dx: float, dy: float):
        return replace(self, x=self.x + dx, y=self.y + dy)  # type: ignore[attr-defined]

    def rotated(self, angle_deg: float, about: Point):
        x, y = rotate_point((self.x, self.y), angle_deg, about)  # type: ignore[attr-defined]
        return replace(self, x=x, y=y, rotation=_norm_angle(self.rotation + angle_deg))  # type: ignore[attr-defined]

    @property
    def anchor(self) -> Point:
        return (self.x, self.y)  # type: ignore[attr-defined]


def _norm_angle(a: float) -> float:
    a = math.fmod(a, 360.0)
    if a < 0:
        a += 360.0
    return 0.0 if abs(a - 360.0) < 1e-9 else a


@dataclass(frozen=True)
class Wall(Entity):
    """A wall or partition: a polyline with a thickness. Doors in it are :class:`Door` entities."""

    KIND: ClassVar[EntityKind] = EntityKind.WALL
    id: str
    points: Ring
    thickness: float = 0.2
    kind: WallKind = WallKind.PARTITION

    def translated(self, dx: float, dy: float) -> Wall:
        return replace(self, points=translate_ring(self.points, dx, dy))

    def rotated(self, angle_deg: float, about: Point) -> Wall:
        return replace(self, points=rotate_ring(self.points, angle_deg, about))

    @property
    def anchor(self) -> Point:
        return self.points[0]

    @property
    def length(self) -> float:
        return sum(math.dist(a, b) for a, b in zip(self.points, self.points[1:], strict=False))


@dataclass(frozen=True)
class Column(_Placed):
    KIND: ClassVar[EntityKind] = EntityKind.COLUMN
    id: str
    x: float
    y: float
    width: float = 0.6
    depth: float = 0.6
    rotation: float = 0.0
    round: bool = False

    def footprint(self) -> Ring:
        if self.round:
            r = self.width / 2.0
            return tuple((self.x + r * math.cos(t), self.y + r * math.sin(t)) for t in (i * math.pi / 8 for i in range(16)))
        return rect_ring(self.x, self.y, self.width, self.depth, self.rotation)


@dataclass(frozen=True)
class Zone(Entity):
    """A function zone (功能区): a kind from the glossary, a polygon and a display name."""

    KIND: ClassVar[EntityKind] = EntityKind.ZONE
    id: str
    kind: ZoneKind
    polygon: Polygon
    name: str = ""

    def translated(self, dx: float, dy: float) -> Zone:
        return replace(self, polygon=self.polygon.translated(dx, dy))

    def rotated(self, angle_deg: float, about: Point) -> Zone:
        return replace(self, polygon=self.polygon.rotated(angle_deg, about))

    @property
    def anchor(self) -> Point:
        return self.polygon.exterior[0]

    @property
    def area(self) -> float:
        return self.polygon.area


@dataclass(frozen=True)
class ServiceWindow(_Placed):
    """A service window (窗口): a numbered counter position.

    The counter is a ``length`` × ``depth`` rectangle centred at (x, y) and rotated by ``rotation``;
    the public stands on the local +y side ("front"), the staff on the side given by ``staff_side``
    (-1: local -y, the default).
    """

    KIND: ClassVar[EntityKind] = EntityKind.WINDOW
    id: str
    number: str
    kind: WindowKind
    x: float
    y: float
    rotation: float = 0.0
    length: float = 1.6
    depth: float = 0.65
    height: float = 0.80
    domain: Domain = Domain.NONE
    name: str = ""
    services: str = ""
    low_counter: bool = False
    staff_side: int = -1
    equipment: tuple[str, ...] = ()

    def footprint(self) -> Ring:
        return rect_ring(self.x, self.y, self.length, self.depth, self.rotation)

    @property
    def front_normal(self) -> Point:
        """Unit vector pointing to the public side."""
        return rotate_point((0.0, float(-self.staff_side)), self.rotation)

    def front_point(self, distance: float) -> Point:
        """The point ``distance`` metres in front of the counter edge on the public side."""
        return local_to_world(self.x, self.y, self.rotation, 0.0, -self.staff_side * (self.depth / 2.0 + distance))

    def front_line(self, distance: float) -> tuple[Point, Point]:
        """A line parallel to the counter front at ``distance`` (e.g. the one-metre line)."""
        d = -self.staff_side * (self.depth / 2.0 + distance)
        half = self.length / 2.0
        return (
            local_to_world(self.x, self.y, self.rotation, -half, d),
            local_to_world(self.x, self.y, self.rotation, half, d),
        )


@dataclass(frozen=True)
class Door(_Placed):
    """A door in an outline edge or a wall: centre (x, y), ``rotation`` = direction of the wall line.

    The door leaf swings to the local +y side when ``swing_side`` is +1 (-1: the other side). For an
    exterior door ``to_outside`` is true and ``outside_side`` tells which local side is outdoors.
    """

    KIND: ClassVar[EntityKind] = EntityKind.DOOR
    id: str
    kind: DoorKind
    x: float
    y: float
    rotation: float = 0.0
    width: float = 1.0
    hinge: Hinge = Hinge.LEFT
    swing_side: int = 1
    to_outside: bool = False
    outside_side: int = -1
    host: str = ""
    name: str = ""

    def endpoints(self) -> tuple[Point, Point]:
        h = self.width / 2.0
        return (
            local_to_world(self.x, self.y, self.rotation, -h, 0.0),
            local_to_world(self.x, self.y, self.rotation, h, 0.0),
        )

    @property
    def opens_outward(self) -> bool:
        """True when an exterior door swings towards the outside (the direction of escape)."""
        return self.to_outside and self.swing_side == self.outside_side and self.hinge != Hinge.SLIDING


@dataclass(frozen=True)
class Furniture(_Placed):
    """Furniture and devices. ``seats`` for seat rows; ``fov`` (degrees) and ``range`` (m) for cameras."""

    KIND: ClassVar[EntityKind] = EntityKind.FURNITURE
    id: str
    kind: FurnitureKind
    x: float
    y: float
    rotation: float = 0.0
    width: float = 0.6
    depth: float = 0.6
    seats: int = 0
    fov: float = 0.0
    range: float = 0.0
    name: str = ""

    def footprint(self) -> Ring:
        return rect_ring(self.x, self.y, self.width, self.depth, self.rotation)

    @property
    def facing(self) -> Point:
        """Unit vector of the item's front (+y local): a camera looks this way."""
        return rotate_point((0.0, 1.0), self.rotation)


@dataclass(frozen=True)
class Stair(_Placed):
    KIND: ClassVar[EntityKind] = EntityKind.STAIR
    id: str
    x: float
    y: float
    rotation: float = 0.0
    width: float = 3.0
    depth: float = 6.0
    name: str = ""
    enclosed: bool = True

    def footprint(self) -> Ring:
        return rect_ring(self.x, self.y, self.width, self.depth, self.rotation)


@dataclass(frozen=True)
class Lift(_Placed):
    KIND: ClassVar[EntityKind] = EntityKind.LIFT
    id: str
    x: float
    y: float
    rotation: float = 0.0
    width: float = 2.0
    depth: float = 2.2
    accessible: bool = True
    car_width: float = 1.1
    car_depth: float = 1.4
    name: str = ""

    def footprint(self) -> Ring:
        return rect_ring(self.x, self.y, self.width, self.depth, self.rotation)


# Entity class -> Floor attribute holding that kind.
COLLECTIONS: dict[type, str] = {
    Wall: "walls",
    Column: "columns",
    Zone: "zones",
    ServiceWindow: "windows",
    Door: "doors",
    Furniture: "furniture",
    Stair: "stairs",
    Lift: "lifts",
}
KIND_TO_CLASS: dict[EntityKind, type] = {cls.KIND: cls for cls in COLLECTIONS}


__all__ = [
    "COLLECTIONS",
    "KIND_TO_CLASS",
    "Column",
    "Door",
    "Entity",
    "Furniture",
    "Lift",
    "Polygon",
    "ServiceWindow",
    "Stair",
    "Wall",
    "Zone",
    "field",
]
