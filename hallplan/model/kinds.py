"""Enumerations for every kind of thing in a plan.

Values are the stable English code names from the glossary; they are what the plan file, DXF layer
suffixes and rule packs use. Display labels (Chinese first) live in :mod:`hallplan.i18n`.
"""

from __future__ import annotations

from enum import Enum


class StrEnum(str, Enum):
    """A string-valued enum whose ``str()`` is its value."""

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


class HallLevel(StrEnum):
    MUNICIPAL = "municipal"
    COUNTY = "county"
    DISTRICT = "district"
    TOWN = "town"
    VILLAGE = "village"


class ZoneKind(StrEnum):
    CONSULTATION = "consultation"
    WINDOW_SERVICE = "window_service"
    WAITING = "waiting"
    ENTERPRISE_SERVICE = "enterprise_service"
    SELF_SERVICE = "self_service"
    SELF_SERVICE_24H = "self_service_24h"
    COMPLAINT = "complaint"
    BUSINESS_SERVICE = "business_service"
    CONVENIENCE = "convenience"
    PUBLICITY = "publicity"
    BACK_OFFICE = "back_office"
    CERTIFICATE_ISSUE = "certificate_issue"
    ARCHIVE = "archive"
    EXPERT_REVIEW = "expert_review"
    MONITORING = "monitoring"
    MEETING = "meeting"
    MOTHER_BABY = "mother_baby"
    CHILDREN_PLAY = "children_play"
    TOILET_MALE = "toilet_male"
    TOILET_FEMALE = "toilet_female"
    TOILET_ACCESSIBLE = "toilet_accessible"
    STAFF_REST = "staff_rest"
    MANAGEMENT_OFFICE = "management_office"
    INFORMATION_ROOM = "information_room"
    COMPUTER_ROOM = "computer_room"
    POWER_ROOM = "power_room"
    CIRCULATION = "circulation"

    @property
    def is_staff_only(self) -> bool:
        """Zones the public must not enter (the back of house)."""
        return self in STAFF_ONLY_ZONES

    @property
    def is_toilet(self) -> bool:
        return self in (ZoneKind.TOILET_MALE, ZoneKind.TOILET_FEMALE, ZoneKind.TOILET_ACCESSIBLE)


STAFF_ONLY_ZONES = frozenset(
    {
        ZoneKind.BACK_OFFICE,
        ZoneKind.ARCHIVE,
        ZoneKind.EXPERT_REVIEW,
        ZoneKind.MONITORING,
        ZoneKind.STAFF_REST,
        ZoneKind.MANAGEMENT_OFFICE,
        ZoneKind.INFORMATION_ROOM,
        ZoneKind.COMPUTER_ROOM,
        ZoneKind.POWER_ROOM,
    }
)


class WindowKind(StrEnum):
    UNIVERSAL = "universal"
    DOMAIN = "domain"
    ACCEPTANCE = "acceptance"
    ISSUE = "issue"
    CONSULTATION_WINDOW = "consultation_window"
    CROSS_PROVINCE = "cross_province"
    IN_REGION = "in_region"
    CROSS_REGION = "cross_region"
    ONE_THING = "one_thing"
    CANNOT_GET_DONE = "cannot_get_done"
    HELP_AGENCY = "help_agency"
    ACCESSIBLE = "accessible"
    EXTENDED_HOURS = "extended_hours"
    UTILITIES = "utilities"
    TELECOM = "telecom"
    CREDIT = "credit"
    NOTARY = "notary"
    ENTERPRISE_POLICY = "enterprise_policy"
    VIDEO = "video"
    TIDAL = "tidal"
    NEVER_CLOSED = "never_closed"

    @property
    def is_comprehensive(self) -> bool:
        """综合窗口: undifferentiated or by domain (YZ-4.1)."""
        return self in (WindowKind.UNIVERSAL, WindowKind.DOMAIN)


class Domain(StrEnum):
    """Service domains of 分领域综合窗口 (LA-4.2.3 examples, extensible)."""

    NONE = "none"
    SOCIAL_AFFAIRS = "social_affairs"
    LIVELIHOOD = "livelihood"
    RURAL_ECONOMY = "rural_economy"
    ENTERPRISE = "enterprise"
    CONSTRUCTION = "construction"
    TRANSPORT = "transport"
    TAX = "tax"
    PUBLIC_SECURITY = "public_security"
    REAL_ESTATE = "real_estate"
    OTHER = "other"


class DoorKind(StrEnum):
    MAIN_ENTRANCE = "main_entrance"
    EXIT = "exit"
    STAFF_DOOR = "staff_door"
    INTERNAL = "internal"


class Hinge(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    DOUBLE = "double"
    SLIDING = "sliding"


class FurnitureKind(StrEnum):
    SEAT_ROW = "seat_row"
    GUIDE_DESK = "guide_desk"
    QUEUE_MACHINE = "queue_machine"
    SELF_SERVICE_TERMINAL = "self_service_terminal"
    CCTV_CAMERA = "cctv_camera"
    FIRE_EXTINGUISHER = "fire_extinguisher"
    DISPLAY_SCREEN = "display_screen"
    WATER_DISPENSER = "water_dispenser"
    LAYOUT_MAP = "layout_map"
    FORM_DESK = "form_desk"
    EVALUATOR = "evaluator"
    CHARGING_STATION = "charging_station"
    PLANT = "plant"
    TABLE = "table"
    CABINET = "cabinet"
    WORKSTATION = "workstation"
    SUGGESTION_BOX = "suggestion_box"

    @property
    def is_obstacle(self) -> bool:
        """Whether the item blocks walking (a wall-mounted camera or screen does not)."""
        return self not in NON_OBSTACLE_FURNITURE


NON_OBSTACLE_FURNITURE = frozenset(
    {FurnitureKind.CCTV_CAMERA, FurnitureKind.DISPLAY_SCREEN, FurnitureKind.EVALUATOR}
)


class WallKind(StrEnum):
    EXTERIOR = "exterior"
    PARTITION = "partition"
    GLASS = "glass"
    LOW = "low"  # low partition / railing: blocks walking, not sight


class FireGrade(StrEnum):
    """耐火等级."""

    ONE_TWO = "1-2"
    THREE = "3"
    FOUR = "4"


class EntityKind(StrEnum):
    """The kind of an entity, used in touched-sets and by the rule engine's dependency tracking."""

    PLAN = "plan"
    FLOOR = "floor"
    WALL = "wall"
    COLUMN = "column"
    ZONE = "zone"
    WINDOW = "window"
    DOOR = "door"
    FURNITURE = "furniture"
    STAIR = "stair"
    LIFT = "lift"
