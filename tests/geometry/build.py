"""Small hand-built floors for the geometry tests (every answer in the tests is worked out by hand)."""

from __future__ import annotations

from hallplan.geometry.floorgeom import FloorGeometry
from hallplan.model import (
    Door,
    DoorKind,
    Floor,
    Furniture,
    FurnitureKind,
    HallLevel,
    Plan,
    Polygon,
    ServiceWindow,
    Wall,
    WindowKind,
    Zone,
    ZoneKind,
)


def hall(w: float = 40.0, h: float = 20.0, storey: int = 1) -> tuple[Plan, Floor]:
    f = Floor("f1", storey, Polygon.rect(0, 0, w, h))
    p = Plan("测试大厅", HallLevel.COUNTY, floors=[f])
    return p, f


def exit_door(f: Floor, did: str, x: float, y: float, width: float = 1.2, rotation: float = 0.0,
              kind: DoorKind = DoorKind.EXIT, outside_side: int = -1) -> Door:
    d = Door(did, kind, x, y, rotation, width, to_outside=True, outside_side=outside_side)
    f.doors[did] = d
    return d


def wall(f: Floor, wid: str, *pts, thickness: float = 0.2) -> Wall:
    w = Wall(wid, tuple(pts), thickness)
    f.walls[wid] = w
    return w


def door(f: Floor, did: str, x: float, y: float, width: float, rotation: float = 0.0,
         kind: DoorKind = DoorKind.INTERNAL, host: str = "") -> Door:
    d = Door(did, kind, x, y, rotation, width, host=host)
    f.doors[did] = d
    return d


def counter(f: Floor, wid: str, x: float, y: float, length: float = 2.0, depth: float = 0.65,
            rotation: float = 0.0) -> ServiceWindow:
    w = ServiceWindow(wid, wid, WindowKind.UNIVERSAL, x, y, rotation, length, depth)
    f.windows[wid] = w
    return w


def item(f: Floor, fid: str, kind: FurnitureKind, x: float, y: float, w: float, d: float,
         rotation: float = 0.0, **kw) -> Furniture:
    it = Furniture(fid, kind, x, y, rotation, w, d, **kw)
    f.furniture[fid] = it
    return it


def zone(f: Floor, zid: str, kind: ZoneKind, x0: float, y0: float, x1: float, y1: float) -> Zone:
    z = Zone(zid, kind, Polygon.rect(x0, y0, x1, y1))
    f.zones[zid] = z
    return z


def geometry(p: Plan, fid: str = "f1") -> FloorGeometry:
    return FloorGeometry(p, fid)
