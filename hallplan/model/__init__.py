"""The plan model: plain Python (stdlib only), metres, y up, stable string ids.

Entities are frozen dataclasses; every edit is a :class:`Command` pushed through :class:`History`.
"""

from . import edits
from .commands import (
    AddEntities,
    AddFloor,
    Command,
    CommandError,
    Compound,
    MoveFloor,
    RemoveEntities,
    RemoveFloor,
    ReplaceEntities,
    SetFloorProperties,
    SetPlanProperties,
    Touched,
)
from .entities import (
    COLLECTIONS,
    KIND_TO_CLASS,
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
from .geom import Point, Ring
from .history import Action, ChangeEvent, History
from .kinds import (
    STAFF_ONLY_ZONES,
    Domain,
    DoorKind,
    EntityKind,
    FireGrade,
    FurnitureKind,
    HallLevel,
    Hinge,
    WallKind,
    WindowKind,
    ZoneKind,
)
from .plan import (
    PLAN_PROPERTIES,
    Acknowledgement,
    Demand,
    DemandGroup,
    Floor,
    Plan,
    ServicePeriod,
)

__all__ = [
    "COLLECTIONS", "KIND_TO_CLASS", "PLAN_PROPERTIES", "STAFF_ONLY_ZONES", "Acknowledgement",
    "Action", "AddEntities", "AddFloor", "ChangeEvent", "Column", "Command", "CommandError",
    "Compound", "Demand", "DemandGroup", "Domain", "Door", "DoorKind", "Entity", "EntityKind",
    "FireGrade", "Floor", "Furniture", "FurnitureKind", "HallLevel", "Hinge", "History", "Lift",
    "MoveFloor", "Plan", "Point", "Polygon", "RemoveEntities", "RemoveFloor", "ReplaceEntities",
    "Ring", "ServicePeriod", "ServiceWindow", "SetFloorProperties", "SetPlanProperties", "Stair",
    "Touched", "Wall", "WallKind", "WindowKind", "Zone", "ZoneKind", "edits",
]
