"""What the drawing tools create: the palette choices and default sizes (metres)."""

from __future__ import annotations

from dataclasses import dataclass, field

from hallplan.model import Domain, DoorKind, FurnitureKind, Hinge, WallKind, WindowKind, ZoneKind

SEAT_PITCH = 0.55  # metres per seat in a seat row

# kind -> (width, depth, extra fields)
FURNITURE_DEFAULTS: dict[FurnitureKind, tuple[float, float, dict]] = {
    FurnitureKind.SEAT_ROW: (6 * SEAT_PITCH, 0.6, {"seats": 6}),
    FurnitureKind.GUIDE_DESK: (2.0, 0.7, {}),
    FurnitureKind.QUEUE_MACHINE: (0.6, 0.5, {}),
    FurnitureKind.SELF_SERVICE_TERMINAL: (0.7, 0.6, {}),
    FurnitureKind.CCTV_CAMERA: (0.2, 0.2, {"fov": 90.0, "range": 15.0}),
    FurnitureKind.FIRE_EXTINGUISHER: (0.3, 0.3, {}),
    FurnitureKind.DISPLAY_SCREEN: (2.0, 0.1, {}),
    FurnitureKind.WATER_DISPENSER: (0.4, 0.4, {}),
    FurnitureKind.LAYOUT_MAP: (1.2, 0.1, {}),
    FurnitureKind.FORM_DESK: (1.6, 0.6, {}),
    FurnitureKind.EVALUATOR: (0.2, 0.15, {}),
    FurnitureKind.CHARGING_STATION: (0.5, 0.3, {}),
    FurnitureKind.PLANT: (0.5, 0.5, {}),
    FurnitureKind.TABLE: (1.2, 0.8, {}),
    FurnitureKind.CABINET: (1.0, 0.45, {}),
    FurnitureKind.WORKSTATION: (1.4, 0.7, {}),
    FurnitureKind.SUGGESTION_BOX: (0.4, 0.3, {}),
}

DOOR_WIDTHS: dict[DoorKind, tuple[float, Hinge]] = {
    DoorKind.MAIN_ENTRANCE: (1.8, Hinge.DOUBLE),
    DoorKind.EXIT: (1.2, Hinge.DOUBLE),
    DoorKind.STAFF_DOOR: (0.9, Hinge.LEFT),
    DoorKind.INTERNAL: (0.9, Hinge.LEFT),
}


@dataclass
class WindowRowParams:
    """Parameters of a row or arc of service windows (the window-row dialog edits these)."""

    start: tuple[float, float] = (0.0, 0.0)
    end: tuple[float, float] = (9.6, 0.0)
    count: int = 6
    first_number: int = 1
    number_prefix: str = ""
    kind: WindowKind = WindowKind.UNIVERSAL
    domain: Domain = Domain.NONE
    length: float = 1.6
    depth: float = 0.65
    height: float = 0.80
    public_side: int = 1  # +1: public on the left of start→end
    arc_bulge: float = 0.0
    name: str = ""

    @property
    def spacing(self) -> float:
        dx, dy = self.end[0] - self.start[0], self.end[1] - self.start[1]
        return (dx * dx + dy * dy) ** 0.5 / max(self.count, 1)


@dataclass
class ToolOptions:
    zone_kind: ZoneKind = ZoneKind.WAITING
    furniture_kind: FurnitureKind = FurnitureKind.SEAT_ROW
    seats: int = 6
    door_kind: DoorKind = DoorKind.EXIT
    door_width: float = 1.2
    door_hinge: Hinge = Hinge.DOUBLE
    window_kind: WindowKind = WindowKind.UNIVERSAL
    domain: Domain = Domain.NONE
    window_length: float = 1.6
    window_depth: float = 0.65
    wall_thickness: float = 0.2
    wall_kind: WallKind = WallKind.PARTITION
    column_size: float = 0.6
    column_round: bool = False
    row: WindowRowParams = field(default_factory=WindowRowParams)

    def set_door_kind(self, kind: DoorKind) -> None:
        self.door_kind = kind
        self.door_width, self.door_hinge = DOOR_WIDTHS[kind]
