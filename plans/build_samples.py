"""Builds the bundled sample plans (run: ``uv run python plans/build_samples.py``).

The samples are drawn as a planner would: real proportions, Chinese names, doors on the outline.
They are built through the model's edit commands so they also exercise that path.
"""

from __future__ import annotations

from pathlib import Path

from hallplan.io.planfile import dumps, loads, save
from hallplan.model import (
    AddFloor,
    Column,
    Demand,
    DemandGroup,
    Domain,
    Door,
    DoorKind,
    Floor,
    Furniture,
    FurnitureKind,
    HallLevel,
    Hinge,
    History,
    Lift,
    Plan,
    Polygon,
    ServicePeriod,
    Stair,
    Wall,
    WallKind,
    WindowKind,
    Zone,
    ZoneKind,
    edits,
)

HERE = Path(__file__).resolve().parent
HOURS = (
    ServicePeriod("周一至周五", "09:00", "12:00"),
    ServicePeriod("周一至周五", "13:30", "17:30"),
)


def _zones(plan, specs):
    ids = plan.new_ids("zone", len(specs))
    return [Zone(i, kind, Polygon.rect(x0, y0, x1, y1), name) for i, (kind, x0, y0, x1, y1, name) in zip(ids, specs)]


def village() -> Plan:
    p = Plan("红旗村便民服务站", HallLevel.VILLAGE, profile="yuanzhou", service_hours=HOURS, staff_count=3)
    h = History(p)
    h.push(AddFloor(Floor("floor-1", 1, Polygon.rect(0, 0, 8, 5), "一层")))
    f = "floor-1"
    h.push(edits.add(p, f, *_zones(p, [
        (ZoneKind.WINDOW_SERVICE, 0, 2.6, 8, 5, "综合窗口区"),
        (ZoneKind.WAITING, 2.0, 0, 8, 2.6, "等候区"),
        (ZoneKind.CONSULTATION, 0, 0, 2.0, 2.6, "咨询引导"),
    ])))
    h.push(edits.window_row(p, f, (1.5, 3.8), (6.5, 3.8), 2, public_side=-1, name="综合窗口"))
    h.push(edits.add(p, f,
        Door("door-1", DoorKind.MAIN_ENTRANCE, 1.0, 0.0, 0.0, 1.2, Hinge.DOUBLE, -1, True, -1, name="主入口"),
        Furniture("furn-1", FurnitureKind.SEAT_ROW, 5.0, 1.0, 0.0, 3.0, 0.6, seats=6),
        Furniture("furn-2", FurnitureKind.GUIDE_DESK, 1.0, 1.8, 0.0, 1.2, 0.6),
        Furniture("furn-3", FurnitureKind.FIRE_EXTINGUISHER, 7.7, 0.3, 0.0, 0.3, 0.3),
        Furniture("furn-4", FurnitureKind.LAYOUT_MAP, 2.3, 0.15, 0.0, 0.8, 0.1),
        Furniture("furn-5", FurnitureKind.CCTV_CAMERA, 7.8, 0.2, 135.0, 0.2, 0.2, fov=90, range=10),
    ))
    return p


def town() -> Plan:
    """A ~300 m² town convenience service centre: 24 × 12.5 m."""
    p = Plan("城关镇便民服务中心", HallLevel.TOWN, profile="luan", service_hours=HOURS, staff_count=12,
             demand=Demand(groups=(DemandGroup("universal", "无差别综合窗口", (WindowKind.UNIVERSAL,),
                                               peak_arrivals_per_hour=40, mean_handling_min=12, handling_cv=0.8),),
                           opening_hours_per_day=7.5, shifts=1, population=45000))
    h = History(p)
    f = "floor-1"
    h.push(AddFloor(Floor(f, 1, Polygon.rect(0, 0, 24, 12.5), "一层")))
    Z = ZoneKind
    zones = [
        (Z.BACK_OFFICE, 0, 9.0, 18, 12.5, "后台审批区"),
        (Z.WINDOW_SERVICE, 2, 6.0, 18, 9.0, "综合窗口区"),
        (Z.WAITING, 6, 2.0, 18, 6.0, "等候休息区"),
        (Z.CONSULTATION, 0, 0, 6, 6.0, "咨询引导区"),
        (Z.SELF_SERVICE, 6, 0, 14, 2.0, "自助服务区"),
        (Z.TOILET_MALE, 18, 9.5, 21, 12.5, "男卫生间"),
        (Z.TOILET_FEMALE, 21, 9.5, 24, 12.5, "女卫生间"),
        (Z.TOILET_ACCESSIBLE, 18, 7.0, 21, 9.5, "无障碍卫生间"),
        (Z.COMPLAINT, 21, 5.0, 24, 9.5, "投诉调解室"),
        (Z.CIRCULATION, 18, 0, 24, 5.0, ""),
    ]
    h.push(edits.add(p, f, *_zones(p, zones)))
    h.push(edits.window_row(p, f, (3, 9.0 - 0.325), (17, 9.0 - 0.325), 7, public_side=-1, name="无差别综合窗口",
                            number_prefix=""))
    # make window 1 the accessible low counter
    w1 = next(w for w in p.all_windows() if w.number == "1")
    h.push(edits.set_props(p, w1.id, low_counter=True, height=0.75, name="无障碍服务窗口"))
    walls = [
        Wall("wall-1", ((0, 9.0), (2.4, 9.0)), 0.2, WallKind.PARTITION),
        Wall("wall-2", ((17.6, 9.0), (18, 9.0), (18, 12.5)), 0.2, WallKind.PARTITION),
        Wall("wall-3", ((18, 9.5), (24, 9.5)), 0.15, WallKind.PARTITION),
        Wall("wall-4", ((21, 9.5), (21, 12.5)), 0.15, WallKind.PARTITION),
        Wall("wall-5", ((18, 7.0), (21, 7.0), (21, 5.0), (24, 5.0)), 0.15, WallKind.PARTITION),
        Wall("wall-6", ((21, 7.0), (21, 9.5)), 0.15, WallKind.PARTITION),
    ]
    h.push(edits.add(p, f, *walls))
    doors = [
        Door("door-1", DoorKind.MAIN_ENTRANCE, 3.0, 0.0, 0.0, 1.8, Hinge.DOUBLE, -1, True, -1, name="主入口"),
        Door("door-2", DoorKind.EXIT, 24.0, 2.5, 90.0, 1.2, Hinge.DOUBLE, -1, True, -1, name="安全出口"),
        Door("door-3", DoorKind.STAFF_DOOR, 18.0, 10.6, 90.0, 0.9, Hinge.LEFT, -1, False, -1, host="wall-2", name="工作人员通道门"),
        Door("door-4", DoorKind.EXIT, 9.0, 12.5, 0.0, 1.0, Hinge.LEFT, 1, True, 1, name="后台出口"),
        Door("door-5", DoorKind.INTERNAL, 19.5, 9.5, 0.0, 0.9, Hinge.LEFT, -1, False, -1, host="wall-3"),
        Door("door-6", DoorKind.INTERNAL, 22.5, 9.5, 0.0, 0.9, Hinge.LEFT, -1, False, -1, host="wall-3"),
        Door("door-7", DoorKind.INTERNAL, 19.5, 7.0, 0.0, 1.0, Hinge.SLIDING, 1, False, -1, host="wall-5"),
        Door("door-8", DoorKind.INTERNAL, 21.0, 6.0, 90.0, 0.9, Hinge.LEFT, 1, False, -1, host="wall-5"),
    ]
    h.push(edits.add(p, f, *doors))
    furn = [Furniture(i, FurnitureKind.SEAT_ROW, 10.5, y, 0.0, 5.0, 0.6, seats=8)
            for i, y in zip(p.new_ids("furn", 3), (5.0, 3.8, 2.6))]
    h.push(edits.add(p, f, *furn))
    more = [
        (FurnitureKind.GUIDE_DESK, 3.0, 3.0, 0.0, 2.0, 0.7, {}),
        (FurnitureKind.QUEUE_MACHINE, 5.3, 1.2, 90.0, 0.6, 0.5, {}),
        (FurnitureKind.LAYOUT_MAP, 0.2, 2.0, 270.0, 1.2, 0.1, {}),
        (FurnitureKind.SELF_SERVICE_TERMINAL, 8.0, 0.4, 0.0, 0.7, 0.6, {}),
        (FurnitureKind.SELF_SERVICE_TERMINAL, 10.0, 0.4, 0.0, 0.7, 0.6, {}),
        (FurnitureKind.SELF_SERVICE_TERMINAL, 12.0, 0.4, 0.0, 0.7, 0.6, {}),
        (FurnitureKind.FORM_DESK, 16.0, 3.0, 0.0, 1.6, 0.6, {}),
        (FurnitureKind.WATER_DISPENSER, 17.6, 5.5, 0.0, 0.4, 0.4, {}),
        (FurnitureKind.DISPLAY_SCREEN, 10.0, 9.2, 0.0, 2.0, 0.1, {}),
        (FurnitureKind.FIRE_EXTINGUISHER, 0.3, 5.6, 0.0, 0.3, 0.3, {}),
        (FurnitureKind.FIRE_EXTINGUISHER, 17.7, 0.3, 0.0, 0.3, 0.3, {}),
        (FurnitureKind.CCTV_CAMERA, 0.3, 0.3, 45.0, 0.2, 0.2, {"fov": 90.0, "range": 20.0}),
        (FurnitureKind.CCTV_CAMERA, 17.7, 0.3, 135.0, 0.2, 0.2, {"fov": 90.0, "range": 20.0}),
        (FurnitureKind.CCTV_CAMERA, 23.7, 4.7, 225.0, 0.2, 0.2, {"fov": 90.0, "range": 10.0}),
    ]
    ids = p.new_ids("furn", len(more))
    h.push(edits.add(p, f, *[Furniture(i, k, x, y, r, w, d, **kw) for i, (k, x, y, r, w, d, kw) in zip(ids, more)]))
    # back office workstations
    ws = p.new_ids("furn", 7)
    h.push(edits.add(p, f, *[Furniture(i, FurnitureKind.WORKSTATION, 3.0 + 2.0 * k, 11.3, 0.0, 1.4, 0.7) for k, i in enumerate(ws)]))
    return p


if __name__ == "__main__":
    for name, fn in (("village_station", village), ("town_centre", town)):
        out = save(loads(dumps(fn())), HERE / f"{name}.hallplan", keep_backup=False)
        print("wrote", out)
