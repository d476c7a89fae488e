"""Colours and layer names shared by the canvas, DXF export and the PDF layout map."""

from __future__ import annotations

from hallplan.model import ZoneKind

# RGB per zone kind (one colour per kind, YZ-3.0: zones told apart by colour).
ZONE_COLOURS: dict[ZoneKind, tuple[int, int, int]] = {
    ZoneKind.CONSULTATION: (255, 204, 102),
    ZoneKind.WINDOW_SERVICE: (102, 178, 255),
    ZoneKind.WAITING: (153, 221, 153),
    ZoneKind.ENTERPRISE_SERVICE: (204, 153, 255),
    ZoneKind.SELF_SERVICE: (102, 221, 221),
    ZoneKind.SELF_SERVICE_24H: (0, 170, 170),
    ZoneKind.COMPLAINT: (255, 153, 153),
    ZoneKind.BUSINESS_SERVICE: (255, 178, 102),
    ZoneKind.CONVENIENCE: (221, 221, 119),
    ZoneKind.PUBLICITY: (255, 221, 170),
    ZoneKind.BACK_OFFICE: (170, 170, 200),
    ZoneKind.CERTIFICATE_ISSUE: (136, 204, 255),
    ZoneKind.ARCHIVE: (160, 140, 120),
    ZoneKind.EXPERT_REVIEW: (190, 170, 210),
    ZoneKind.MONITORING: (150, 150, 150),
    ZoneKind.MEETING: (200, 180, 150),
    ZoneKind.MOTHER_BABY: (255, 190, 220),
    ZoneKind.CHILDREN_PLAY: (255, 230, 120),
    ZoneKind.TOILET_MALE: (170, 200, 230),
    ZoneKind.TOILET_FEMALE: (240, 190, 200),
    ZoneKind.TOILET_ACCESSIBLE: (120, 170, 230),
    ZoneKind.STAFF_REST: (190, 190, 170),
    ZoneKind.MANAGEMENT_OFFICE: (180, 180, 160),
    ZoneKind.INFORMATION_ROOM: (170, 190, 170),
    ZoneKind.COMPUTER_ROOM: (160, 180, 200),
    ZoneKind.POWER_ROOM: (200, 160, 160),
    ZoneKind.CIRCULATION: (235, 235, 235),
}

WINDOW_COLOUR = (40, 90, 160)
LOW_COUNTER_COLOUR = (0, 140, 70)
DOOR_COLOUR = (200, 60, 40)
WALL_COLOUR = (60, 60, 60)
FURNITURE_COLOUR = (110, 90, 70)
SEVERITY_COLOURS = {"error": (220, 40, 40), "warning": (240, 160, 0), "info": (60, 130, 220)}


def zone_layer(kind: ZoneKind) -> str:
    return f"HP-ZONE-{kind.value.upper()}"
