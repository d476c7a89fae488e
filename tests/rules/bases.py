"""Base plans for the functional rule tests: small but complete halls per level, built in code.

Each base satisfies the rules that apply to its level (except where a document contradicts another,
e.g. LH's 75–110 cm counter width against LA's 65 cm); a case file changes one thing to break one rule.
Ids are fixed so expected findings can name them.
"""

from __future__ import annotations

from hallplan.model import (
    Domain,
    Door,
    DoorKind,
    Floor,
    Furniture,
    FurnitureKind,
    HallLevel,
    Hinge,
    Lift,
    Plan,
    Polygon,
    ServicePeriod,
    ServiceWindow,
    Wall,
    WindowKind,
    Zone,
    ZoneKind,
)

HOURS = (ServicePeriod("周一至周五", "09:00", "12:00"), ServicePeriod("周一至周五", "13:30", "17:30"))
EQUIPMENT = ("pc", "printer", "scanner", "copier", "document_camera", "evaluator", "phone")
Z = ZoneKind
F = FurnitureKind
W = WindowKind


def _zones(floor: Floor, specs) -> None:
    for zid, kind, x0, y0, x1, y1 in specs:
        floor.zones[zid] = Zone(zid, kind, Polygon.rect(x0, y0, x1, y1), "")


def _furn(floor: Floor, specs) -> None:
    for fid, kind, x, y, w, d, kw in specs:
        floor.furniture[fid] = Furniture(fid, kind, x, y, 0.0, w, d, **kw)


def _windows(floor: Floor, kinds, x0: float, y: float, step: float, names=None) -> None:
    """A row of counters facing -y (public side below), numbered 1…n, ids win-1…win-n."""
    for k, kind in enumerate(kinds):
        low = kind == W.ACCESSIBLE
        n = k + 1
        floor.windows[f"win-{n}"] = ServiceWindow(
            f"win-{n}", str(n), kind, x0 + step * k, y, 180.0, 1.6, 0.65, 0.75 if low else 0.80,
            Domain.NONE, (names or {}).get(n, f"{n}号综合窗口"), "综合受理、咨询", low, -1, EQUIPMENT)


COUNTY_WINDOWS = [W.UNIVERSAL] * 6 + [
    W.ACCEPTANCE, W.ISSUE, W.CONSULTATION_WINDOW, W.CROSS_PROVINCE, W.IN_REGION, W.ONE_THING,
    W.CANNOT_GET_DONE, W.HELP_AGENCY, W.ACCESSIBLE, W.EXTENDED_HOURS, W.UTILITIES, W.TELECOM, W.CREDIT, W.NOTARY,
]


def county(level: HallLevel = HallLevel.COUNTY) -> Plan:
    """Two 60 × 40 m floors (4,800 m² gross): every YZ/JZ/LH/BJ zone, 20 windows of the YZ-4 kinds."""
    p = Plan("原州区政务服务中心", level, profile="all", service_hours=HOURS, staff_count=60, sprinklers=True)
    f1 = Floor("f1", 1, Polygon.rect(0, 0, 60, 40), "一层")
    f2 = Floor("f2", 2, Polygon.rect(0, 0, 60, 40), "二层")
    p.floors = [f1, f2]
    _zones(f1, [
        ("z-consult", Z.CONSULTATION, 0, 0, 12, 10), ("z-self", Z.SELF_SERVICE, 0, 10, 12, 20),
        ("z-enterprise", Z.ENTERPRISE_SERVICE, 0, 20, 12, 30), ("z-cert", Z.CERTIFICATE_ISSUE, 0, 30, 12, 40),
        ("z-waiting", Z.WAITING, 12, 0, 48, 14), ("z-windows", Z.WINDOW_SERVICE, 12, 14, 48, 20),
        ("z-back", Z.BACK_OFFICE, 12, 20, 48, 30), ("z-24h", Z.SELF_SERVICE_24H, 48, 0, 60, 10),
        ("z-complaint", Z.COMPLAINT, 48, 10, 60, 20), ("z-archive", Z.ARCHIVE, 48, 20, 54, 30),
        ("z-business", Z.BUSINESS_SERVICE, 54, 20, 60, 30), ("z-publicity", Z.PUBLICITY, 12, 30, 24, 40),
        ("z-wc-m", Z.TOILET_MALE, 24, 30, 30, 40), ("z-wc-f", Z.TOILET_FEMALE, 30, 30, 36, 40),
        ("z-wc-a", Z.TOILET_ACCESSIBLE, 36, 30, 40, 40), ("z-staff", Z.STAFF_REST, 40, 30, 46, 40),
        ("z-office", Z.MANAGEMENT_OFFICE, 46, 30, 52, 40), ("z-meeting", Z.MEETING, 52, 30, 60, 40),
    ])
    _zones(f2, [
        ("z-info", Z.INFORMATION_ROOM, 0, 0, 10, 10), ("z-computer", Z.COMPUTER_ROOM, 10, 0, 20, 10),
        ("z-power", Z.POWER_ROOM, 20, 0, 26, 10), ("z-monitor", Z.MONITORING, 26, 0, 34, 10),
        ("z-baby", Z.MOTHER_BABY, 34, 0, 40, 10), ("z-play", Z.CHILDREN_PLAY, 40, 0, 50, 10),
        ("z-expert", Z.EXPERT_REVIEW, 50, 0, 60, 10), ("z-conv", Z.CONVENIENCE, 0, 10, 30, 25),
        ("z-corr", Z.CIRCULATION, 30, 10, 60, 25),
    ])
    _windows(f1, COUNTY_WINDOWS, 13.85, 19.675, 1.7)
    _furn(f1, [
        ("desk-1", F.GUIDE_DESK, 6, 4, 2.0, 0.7, {}), ("queue-1", F.QUEUE_MACHINE, 9, 2, 0.6, 0.5, {}),
        ("map-1", F.LAYOUT_MAP, 3, 0.5, 1.2, 0.1, {}), ("screen-1", F.DISPLAY_SCREEN, 30, 13.9, 2.0, 0.1, {}),
        ("water-1", F.WATER_DISPENSER, 46, 2, 0.4, 0.4, {}), ("charge-1", F.CHARGING_STATION, 44, 2, 0.6, 0.4, {}),
        ("seats-1", F.SEAT_ROW, 30, 10, 10, 0.6, {"seats": 16}), ("seats-2", F.SEAT_ROW, 30, 8, 10, 0.6, {"seats": 16}),
        ("seats-3", F.SEAT_ROW, 30, 6, 10, 0.6, {"seats": 16}),
        ("term-1", F.SELF_SERVICE_TERMINAL, 3, 15, 0.7, 0.6, {}), ("term-2", F.SELF_SERVICE_TERMINAL, 5, 15, 0.7, 0.6, {}),
        ("cam-1", F.CCTV_CAMERA, 1, 1, 0.2, 0.2, {"fov": 90.0, "range": 20.0}),
        ("cam-2", F.CCTV_CAMERA, 59, 1, 0.2, 0.2, {"fov": 90.0, "range": 20.0}),
        ("ext-1", F.FIRE_EXTINGUISHER, 0.3, 9.5, 0.3, 0.3, {}), ("box-1", F.SUGGESTION_BOX, 10, 1, 0.4, 0.3, {}),
    ])
    _furn(f2, [("ext-2", F.FIRE_EXTINGUISHER, 0.3, 24, 0.3, 0.3, {})])
    f1.doors["door-main"] = Door("door-main", DoorKind.MAIN_ENTRANCE, 6, 0, 0, 2.4, Hinge.DOUBLE, -1, True, -1, name="主入口")
    f1.doors["door-24h"] = Door("door-24h", DoorKind.EXIT, 54, 0, 0, 1.5, Hinge.DOUBLE, -1, True, -1, name="24小时出入口")
    f1.doors["door-east"] = Door("door-east", DoorKind.EXIT, 60, 15, 90, 1.5, Hinge.DOUBLE, -1, True, -1)
    f1.lifts["lift-1"] = Lift("lift-1", 2, 38)
    f2.lifts["lift-2"] = Lift("lift-2", 2, 38)
    return p


TOWN_WINDOWS = [W.UNIVERSAL, W.UNIVERSAL, W.UNIVERSAL, W.UNIVERSAL, W.HELP_AGENCY, W.CANNOT_GET_DONE, W.CROSS_REGION]


def town() -> Plan:
    """A 24 × 12.5 m (300 m²) town centre with 7 windows (window 1 a low counter)."""
    p = Plan("城关镇便民服务中心", HallLevel.TOWN, profile="all", service_hours=HOURS, staff_count=14)
    f = Floor("f1", 1, Polygon.rect(0, 0, 24, 12.5), "一层")
    p.floors = [f]
    _zones(f, [
        ("z-back", Z.BACK_OFFICE, 0, 9, 18, 12.5), ("z-windows", Z.WINDOW_SERVICE, 2, 6, 18, 9),
        ("z-waiting", Z.WAITING, 6, 2, 18, 6), ("z-consult", Z.CONSULTATION, 0, 0, 6, 6),
        ("z-self", Z.SELF_SERVICE, 6, 0, 14, 2), ("z-wc-m", Z.TOILET_MALE, 18, 9.5, 21, 12.5),
        ("z-wc-f", Z.TOILET_FEMALE, 21, 9.5, 24, 12.5), ("z-wc-a", Z.TOILET_ACCESSIBLE, 18, 7, 21, 9.5),
        ("z-complaint", Z.COMPLAINT, 21, 5, 24, 9.5), ("z-corr", Z.CIRCULATION, 18, 0, 24, 5),
    ])
    _windows(f, TOWN_WINDOWS, 4.0, 8.675, 2.0)
    w1 = f.windows["win-1"]
    f.windows["win-1"] = type(w1)(**{**w1.__dict__, "low_counter": True, "height": 0.75, "name": "无障碍服务窗口"})
    _furn(f, [
        ("desk-1", F.GUIDE_DESK, 3, 3, 2.0, 0.7, {}), ("queue-1", F.QUEUE_MACHINE, 5.3, 1.2, 0.6, 0.5, {}),
        ("map-1", F.LAYOUT_MAP, 0.2, 2, 0.1, 1.2, {}), ("term-1", F.SELF_SERVICE_TERMINAL, 8, 0.4, 0.7, 0.6, {}),
        ("term-2", F.SELF_SERVICE_TERMINAL, 10, 0.4, 0.7, 0.6, {}),
        ("seats-1", F.SEAT_ROW, 12, 5.0, 5, 0.6, {"seats": 8}), ("seats-2", F.SEAT_ROW, 12, 3.8, 5, 0.6, {"seats": 8}),
        ("screen-1", F.DISPLAY_SCREEN, 10, 9.2, 2.0, 0.1, {}), ("water-1", F.WATER_DISPENSER, 17.6, 5.5, 0.4, 0.4, {}),
        ("charge-1", F.CHARGING_STATION, 17.5, 2.5, 0.6, 0.4, {}), ("ext-1", F.FIRE_EXTINGUISHER, 0.3, 5.6, 0.3, 0.3, {}),
        ("cam-1", F.CCTV_CAMERA, 0.3, 0.3, 0.2, 0.2, {"fov": 90.0, "range": 20.0}),
        ("box-1", F.SUGGESTION_BOX, 1.0, 0.5, 0.4, 0.3, {}),
    ])
    f.doors["door-main"] = Door("door-main", DoorKind.MAIN_ENTRANCE, 3, 0, 0, 1.8, Hinge.DOUBLE, -1, True, -1, name="主入口")
    f.doors["door-exit"] = Door("door-exit", DoorKind.EXIT, 24, 2.5, 90, 1.2, Hinge.DOUBLE, -1, True, -1)
    return p


def village() -> Plan:
    """An 8 × 5 m (40 m²) village station with 2 undifferentiated windows."""
    p = Plan("红旗村便民服务站", HallLevel.VILLAGE, profile="all", service_hours=HOURS, staff_count=3)
    f = Floor("f1", 1, Polygon.rect(0, 0, 8, 5), "一层")
    p.floors = [f]
    _zones(f, [("z-windows", Z.WINDOW_SERVICE, 0, 2.6, 8, 5), ("z-waiting", Z.WAITING, 2, 0, 8, 2.6),
               ("z-consult", Z.CONSULTATION, 0, 0, 2, 2.6)])
    _windows(f, [W.UNIVERSAL, W.UNIVERSAL], 2.75, 3.8, 2.5)
    _furn(f, [
        ("desk-1", F.GUIDE_DESK, 1, 1.8, 1.2, 0.6, {}), ("map-1", F.LAYOUT_MAP, 2.3, 0.15, 0.8, 0.1, {}),
        ("seats-1", F.SEAT_ROW, 5, 0.6, 3, 0.6, {"seats": 6}), ("ext-1", F.FIRE_EXTINGUISHER, 7.7, 0.3, 0.3, 0.3, {}),
        ("cam-1", F.CCTV_CAMERA, 7.8, 0.2, 0.2, 0.2, {"fov": 90.0, "range": 10.0}),
        ("queue-1", F.QUEUE_MACHINE, 0.4, 0.4, 0.4, 0.4, {}), ("box-1", F.SUGGESTION_BOX, 0.4, 2.2, 0.4, 0.3, {}),
        ("screen-1", F.DISPLAY_SCREEN, 4, 4.95, 1.0, 0.1, {}),
        ("term-1", F.SELF_SERVICE_TERMINAL, 2.6, 0.4, 0.6, 0.5, {}), ("term-2", F.SELF_SERVICE_TERMINAL, 3.4, 0.4, 0.6, 0.5, {}),
    ])
    f.doors["door-main"] = Door("door-main", DoorKind.MAIN_ENTRANCE, 1, 0, 0, 1.2, Hinge.DOUBLE, -1, True, -1, name="主入口")
    return p


def route(level: HallLevel = HallLevel.COUNTY) -> Plan:
    """A 30 × 20 m one-floor hall that passes every route-analysis rule (national pack, separation,
    sight, CCTV), crowded (人员密集) and without sprinklers: consultation and waiting zones in front,
    8 counters (window 1 a low counter) in a wall at y = 12, the back office and archive behind it
    (staff door, back exit), an accessible toilet and a complaint room off the window zone."""
    p = Plan("测试区政务服务中心", level, profile="all", service_hours=HOURS, staff_count=20)
    f = Floor("f1", 1, Polygon.rect(0, 0, 30, 20), "一层")
    p.floors = [f]
    _zones(f, [
        ("z-consult", Z.CONSULTATION, 0, 0, 10, 8), ("z-waiting", Z.WAITING, 10, 0, 30, 8),
        ("z-windows", Z.WINDOW_SERVICE, 0, 8, 30, 12), ("z-back", Z.BACK_OFFICE, 0, 12, 24, 20),
        ("z-wc-a", Z.TOILET_ACCESSIBLE, 24, 12, 27, 15), ("z-complaint", Z.COMPLAINT, 27, 12, 30, 15),
        ("z-archive", Z.ARCHIVE, 24, 15, 30, 20),
    ])
    for wid, pts in (("w-counters", ((0, 12), (30, 12))), ("w-archive", ((24, 12), (24, 20))),
                     ("w-rooms", ((24, 15), (30, 15))), ("w-wc", ((27, 12), (27, 15)))):
        f.walls[wid] = Wall(wid, pts, 0.2)
    _windows(f, [W.ACCESSIBLE] + [W.UNIVERSAL] * 7, 3.0, 11.575, 2.0)
    _furn(f, [
        ("desk-1", F.GUIDE_DESK, 8, 3, 2.0, 0.7, {}), ("queue-1", F.QUEUE_MACHINE, 8, 1, 0.6, 0.5, {}),
        ("map-1", F.LAYOUT_MAP, 1.5, 0.15, 1.2, 0.1, {}), ("screen-1", F.DISPLAY_SCREEN, 16, 7.5, 2.0, 0.1, {}),
        ("term-1", F.SELF_SERVICE_TERMINAL, 1, 6, 0.7, 0.6, {}),
        ("seats-1", F.SEAT_ROW, 20, 3, 8, 0.6, {"seats": 12}), ("seats-2", F.SEAT_ROW, 20, 5, 8, 0.6, {"seats": 12}),
        ("cam-1", F.CCTV_CAMERA, 0.2, 0.2, 0.2, 0.2, {"fov": 90.0, "range": 40.0}),
        ("cam-2", F.CCTV_CAMERA, 29.8, 0.2, 0.2, 0.2, {"fov": 90.0, "range": 40.0}),
        ("cam-3", F.CCTV_CAMERA, 29.8, 11.8, 0.2, 0.2, {"fov": 90.0, "range": 40.0}),
        ("cam-4", F.CCTV_CAMERA, 27.2, 12.2, 0.2, 0.2, {"fov": 90.0, "range": 5.0}),
    ])
    for cid, rot in (("cam-1", -45.0), ("cam-2", 45.0), ("cam-3", 135.0), ("cam-4", -45.0)):
        f.furniture[cid] = type(f.furniture[cid])(**{**f.furniture[cid].__dict__, "rotation": rot})
    doors = [
        Door("door-main", DoorKind.MAIN_ENTRANCE, 5, 0, 0, 2.4, Hinge.DOUBLE, -1, True, -1, name="主入口"),
        Door("door-east", DoorKind.EXIT, 30, 4, 90, 1.5, Hinge.DOUBLE, -1, True, -1, name="东侧安全出口"),
        Door("door-back", DoorKind.EXIT, 12, 20, 0, 1.2, Hinge.LEFT, 1, True, 1, name="后台出口"),
        Door("door-staff", DoorKind.STAFF_DOOR, 22, 12, 0, 1.0, Hinge.LEFT, 1, False, -1, "w-counters", "工作人员通道门"),
        Door("door-wc", DoorKind.INTERNAL, 25.5, 12, 0, 1.0, Hinge.SLIDING, 1, False, -1, "w-counters", "无障碍卫生间门"),
        Door("door-complaint", DoorKind.INTERNAL, 28.5, 12, 0, 0.9, Hinge.LEFT, 1, False, -1, "w-counters", "投诉调解室门"),
        Door("door-archive", DoorKind.INTERNAL, 24, 17.5, 90, 0.9, Hinge.LEFT, 1, False, -1, "w-archive", "档案室门"),
    ]
    f.doors.update({d.id: d for d in doors})
    return p


def offices() -> Plan:
    """A 60 × 10 m office floor: a 2 m corridor (y 4–6) with an exit at each end, a 36 × 4 m open
    back office (doors at x = 18 and 30) and an archive below it, a public meeting room above it."""
    p = Plan("测试区政务服务中心", HallLevel.COUNTY, profile="all", service_hours=HOURS, staff_count=20)
    f = Floor("f1", 1, Polygon.rect(0, 0, 60, 10), "一层")
    p.floors = [f]
    _zones(f, [("z-corr", Z.CIRCULATION, 0, 4, 60, 6), ("z-back", Z.BACK_OFFICE, 0, 0, 36, 4),
               ("z-store", Z.ARCHIVE, 36, 0, 60, 4), ("z-meeting", Z.MEETING, 0, 6, 60, 10)])
    f.walls["w-south"] = Wall("w-south", ((0, 4), (60, 4)), 0.2)
    f.walls["w-north"] = Wall("w-north", ((0, 6), (60, 6)), 0.2)
    f.walls["w-bo"] = Wall("w-bo", ((36, 0), (36, 4)), 0.2)
    doors = [
        Door("door-west", DoorKind.EXIT, 0, 5, 90, 1.5, Hinge.DOUBLE, 1, True, 1, name="西侧安全出口"),
        Door("door-east", DoorKind.EXIT, 60, 5, 90, 1.5, Hinge.DOUBLE, -1, True, -1, name="东侧安全出口"),
        Door("door-bo", DoorKind.STAFF_DOOR, 18, 4, 0, 1.0, Hinge.LEFT, 1, False, -1, "w-south", "后台门"),
        Door("door-bo-2", DoorKind.STAFF_DOOR, 30, 4, 0, 1.0, Hinge.LEFT, 1, False, -1, "w-south", "后台门"),
        Door("door-store", DoorKind.STAFF_DOOR, 48, 4, 0, 1.0, Hinge.LEFT, 1, False, -1, "w-south", "档案室门"),
        Door("door-meeting", DoorKind.INTERNAL, 20, 6, 0, 1.5, Hinge.DOUBLE, 1, False, -1, "w-north", "会议室门"),
        Door("door-meeting-2", DoorKind.INTERNAL, 40, 6, 0, 1.5, Hinge.DOUBLE, 1, False, -1, "w-north", "会议室门"),
    ]
    f.doors.update({d.id: d for d in doors})
    return p


BASES = {
    "county": county,
    "district": lambda: county(HallLevel.DISTRICT),
    "municipal": lambda: county(HallLevel.MUNICIPAL),
    "town": town,
    "village": village,
    "route": route,
    "route_district": lambda: route(HallLevel.DISTRICT),
    "offices": offices,
}
