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
    return [Zone(i, kind, Polygon.rect(x0, y0, x1, y1), name) for i, (kind, x0, y0, x1, y1, name) in zip(ids, specs, strict=True)]


def village() -> Plan:
    # a 40 m² station with three staff is not a 人员密集的公共场所 (crowded public place): the 1.80 m
    # accessible width and 1.40 m doors of GB 55019 2.2.2 / GB 50016 5.5.19 do not apply
    p = Plan("红旗村便民服务站", HallLevel.VILLAGE, profile="yuanzhou", service_hours=HOURS, staff_count=3,
             crowded=False)
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
        Furniture("furn-5", FurnitureKind.CCTV_CAMERA, 7.8, 0.2, 45.0, 0.2, 0.2, fov=90, range=10),
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
        Wall("wall-1", ((0, 9.0), (3.2, 9.0)), 0.2, WallKind.PARTITION),
        Wall("wall-2", ((16.8, 9.0), (18, 9.0), (18, 12.5)), 0.2, WallKind.PARTITION),
        Wall("wall-3", ((18, 9.5), (24, 9.5)), 0.15, WallKind.PARTITION),
        Wall("wall-4", ((21, 9.5), (21, 12.5)), 0.15, WallKind.PARTITION),
        Wall("wall-5", ((18, 7.0), (21, 7.0), (21, 5.0), (24, 5.0)), 0.15, WallKind.PARTITION),
        Wall("wall-6", ((21, 7.0), (21, 9.5)), 0.15, WallKind.PARTITION),
    ]
    h.push(edits.add(p, f, *walls))
    doors = [
        Door("door-1", DoorKind.MAIN_ENTRANCE, 3.0, 0.0, 0.0, 1.8, Hinge.DOUBLE, -1, True, -1, name="主入口"),
        Door("door-2", DoorKind.EXIT, 24.0, 2.5, 90.0, 1.5, Hinge.DOUBLE, -1, True, -1, name="安全出口"),
        Door("door-3", DoorKind.STAFF_DOOR, 18.0, 10.6, 90.0, 0.9, Hinge.LEFT, -1, False, -1, host="wall-2", name="工作人员通道门"),
        Door("door-4", DoorKind.EXIT, 9.0, 12.5, 0.0, 1.0, Hinge.LEFT, 1, True, 1, name="后台出口"),
        Door("door-5", DoorKind.INTERNAL, 19.5, 9.5, 0.0, 0.9, Hinge.LEFT, -1, False, -1, host="wall-3"),
        Door("door-6", DoorKind.INTERNAL, 22.5, 9.5, 0.0, 0.9, Hinge.LEFT, -1, False, -1, host="wall-3"),
        Door("door-7", DoorKind.INTERNAL, 19.5, 7.0, 0.0, 1.0, Hinge.SLIDING, 1, False, -1, host="wall-5"),
        Door("door-8", DoorKind.INTERNAL, 21.0, 6.0, 90.0, 0.9, Hinge.LEFT, 1, False, -1, host="wall-5"),
    ]
    h.push(edits.add(p, f, *doors))
    furn = [Furniture(i, FurnitureKind.SEAT_ROW, 10.5, y, 0.0, 5.0, 0.6, seats=8)
            for i, y in zip(p.new_ids("furn", 3), (5.0, 3.8, 2.6), strict=True)]
    h.push(edits.add(p, f, *furn))
    more = [
        (FurnitureKind.GUIDE_DESK, 2.0, 4.5, 0.0, 2.0, 0.7, {}),
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
        (FurnitureKind.CCTV_CAMERA, 0.3, 0.3, 315.0, 0.2, 0.2, {"fov": 90.0, "range": 20.0}),
        (FurnitureKind.CCTV_CAMERA, 17.7, 0.3, 45.0, 0.2, 0.2, {"fov": 90.0, "range": 20.0}),
        (FurnitureKind.CCTV_CAMERA, 23.7, 4.7, 135.0, 0.2, 0.2, {"fov": 90.0, "range": 10.0}),
    ]
    ids = p.new_ids("furn", len(more))
    h.push(edits.add(p, f, *[Furniture(i, k, x, y, r, w, d, **kw) for i, (k, x, y, r, w, d, kw) in zip(ids, more, strict=True)]))
    # back office workstations
    ws = p.new_ids("furn", 7)
    h.push(edits.add(p, f, *[Furniture(i, FurnitureKind.WORKSTATION, 3.0 + 2.0 * k, 11.3, 0.0, 1.4, 0.7) for k, i in enumerate(ws)]))
    return p


def _rooms_walls(p, specs, thickness=0.2, kind=WallKind.PARTITION):
    ids = p.new_ids("wall", len(specs))
    return [Wall(i, tuple(pts), thickness, kind) for i, pts in zip(ids, specs, strict=True)]


def _doors(p, specs):
    """specs: (kind, x, y, rotation, width, hinge, swing_side, to_outside, outside_side, name)."""
    ids = p.new_ids("door", len(specs))
    return [Door(i, k, x, y, r, w, hg, ss, out, os_, name=n) for i, (k, x, y, r, w, hg, ss, out, os_, n) in zip(ids, specs, strict=True)]


def _furn(p, specs):
    """specs: (kind, x, y, rotation, width, depth, extra kwargs)."""
    ids = p.new_ids("furn", len(specs))
    return [Furniture(i, k, x, y, r, w, d, **kw) for i, (k, x, y, r, w, d, kw) in zip(ids, specs, strict=True)]


def _set_window_kinds(h, p, spec):
    """spec: list of (first number, last number, kind, domain, name, low_counter)."""
    by_number = {w.number: w for w in p.all_windows()}
    changes = []
    for a, b, kind, domain, name, low in spec:
        for n in range(a, b + 1):
            w = by_number[str(n)]
            kw = dict(kind=kind, domain=domain, name=name, services=_SERVICES.get((kind, domain), ""))
            if low:
                kw.update(low_counter=True, height=0.75)
            changes.append(edits.set_props(p, w.id, **kw))
    h.push(edits.compound("cmd.set_property", *changes))


_SERVICES = {
    (WindowKind.UNIVERSAL, Domain.NONE): "各类政务服务事项综合受理",
    (WindowKind.ACCESSIBLE, Domain.NONE): "老年人、残疾人优先办理 帮办代办",
    (WindowKind.CROSS_PROVINCE, Domain.NONE): "跨省通办事项受理",
    (WindowKind.IN_REGION, Domain.NONE): "区内通办事项受理",
    (WindowKind.ONE_THING, Domain.NONE): "新生儿出生、企业开办等一件事",
    (WindowKind.CANNOT_GET_DONE, Domain.NONE): "办事难、办不成事反映受理",
    (WindowKind.HELP_AGENCY, Domain.NONE): "帮办代办 全程导办",
    (WindowKind.UTILITIES, Domain.NONE): "水电气暖报装 缴费 过户",
    (WindowKind.TELECOM, Domain.NONE): "宽带 移动通信业务",
    (WindowKind.CREDIT, Domain.NONE): "个人及企业征信查询",
    (WindowKind.ISSUE, Domain.NONE): "证照统一出件 邮寄",
    (WindowKind.DOMAIN, Domain.ENTERPRISE): "企业开办 变更 注销 许可",
    (WindowKind.ENTERPRISE_POLICY, Domain.NONE): "惠企政策咨询 兑现",
    (WindowKind.DOMAIN, Domain.SOCIAL_AFFAIRS): "社保 医保 就业 退役军人 司法",
    (WindowKind.DOMAIN, Domain.LIVELIHOOD): "民政 残联 户籍 出入境",
    (WindowKind.DOMAIN, Domain.CONSTRUCTION): "工程建设项目审批",
    (WindowKind.DOMAIN, Domain.REAL_ESTATE): "不动产登记 交易 税费",
    (WindowKind.NOTARY, Domain.NONE): "公证 法律援助",
    (WindowKind.EXTENDED_HOURS, Domain.NONE): "午间及周六延时服务",
    (WindowKind.VIDEO, Domain.NONE): "视频帮办 远程核验",
    (WindowKind.TIDAL, Domain.NONE): "高峰时段潮汐补位",
    (WindowKind.CONSULTATION_WINDOW, Domain.NONE): "综合咨询 预约",
}

COLUMN_XS = (8.4, 16.8, 25.2, 33.6, 42.0, 50.4)


def _columns(p, ys):
    pts = [(x, y) for y in ys for x in COLUMN_XS]
    return [Column(i, x, y, 0.6, 0.6) for i, (x, y) in zip(p.new_ids("col", len(pts)), pts, strict=True)]


def county() -> Plan:
    """A county government service centre over two floors (60 × 42 m + 60 × 35 m ≈ 4,620 m²)."""
    Z, K, D, F = ZoneKind, WindowKind, DoorKind, FurnitureKind
    p = Plan(
        "固原市原州区政务服务中心", HallLevel.COUNTY, profile="yuanzhou", sprinklers=True,
        service_hours=HOURS + (ServicePeriod("周六(延时服务)", "09:00", "13:00"),), staff_count=86,
        demand=Demand(
            groups=(
                DemandGroup("universal", "无差别综合窗口", (K.UNIVERSAL, K.ACCESSIBLE),
                            peak_arrivals_per_hour=40, mean_handling_min=15, handling_cv=0.8),
                DemandGroup("domain", "分领域综合窗口", (K.DOMAIN,), domain="",
                            peak_arrivals_per_hour=70, mean_handling_min=12, handling_cv=0.9),
                DemandGroup("enterprise", "企业服务", (K.DOMAIN,), domain="enterprise",
                            peak_arrivals_per_hour=14, mean_handling_min=20, handling_cv=1.0),
            ),
            opening_hours_per_day=7.5, shifts=1, population=420000,
        ),
    )
    h = History(p)
    # ---------------------------------------------------------------- floor 1 (60 × 42 m)
    f1 = "floor-1"
    h.push(AddFloor(Floor(f1, 1, Polygon.rect(0, 0, 60, 42), "一层", 5.4)))
    h.push(edits.add(p, f1, *_zones(p, [
        (Z.SELF_SERVICE_24H, 0, 0, 8, 10, "24小时自助服务区"),
        (Z.SELF_SERVICE, 8, 0, 20, 8, "自助服务区"),
        (Z.PUBLICITY, 20, 0, 24, 8, "政务公开区"),
        (Z.CONSULTATION, 24, 0, 36, 8, "咨询引导区"),
        (Z.BUSINESS_SERVICE, 36, 0, 44, 8, "商务服务区"),
        (Z.COMPLAINT, 44, 0, 52, 8, "投诉调解室"),
        (Z.TOILET_MALE, 52, 0, 54.5, 9, "男卫生间"),
        (Z.TOILET_FEMALE, 54.5, 0, 57, 9, "女卫生间"),
        (Z.TOILET_ACCESSIBLE, 57, 0, 60, 9, "无障碍卫生间"),
        (Z.CIRCULATION, 0, 10, 8, 21, "西侧通道"),
        (Z.WAITING, 8, 8, 44, 21, "等候休息区"),
        (Z.CONVENIENCE, 44, 8, 52, 14, "便民服务区"),
        (Z.CIRCULATION, 44, 14, 60, 21, "东侧通道"),
        (Z.CIRCULATION, 52, 9, 60, 14, ""),
        (Z.WINDOW_SERVICE, 0, 21, 48, 27, "窗口服务区"),
        (Z.CERTIFICATE_ISSUE, 48, 21, 54, 27, "统一出证区"),
        (Z.COMPUTER_ROOM, 54, 21, 60, 27.65, "计算机房"),
        (Z.INFORMATION_ROOM, 54, 27.65, 60, 34, "综合信息室"),
        (Z.ARCHIVE, 48, 34, 60, 42, "档案室"),
        (Z.MONITORING, 0, 36, 8, 42, "视频监控室"),
        (Z.STAFF_REST, 8, 36, 16, 42, "工作人员更衣休息室"),
        (Z.MANAGEMENT_OFFICE, 16, 36, 24, 42, "管理办公室"),
    ])))
    bo = Zone(p.new_id("zone"), Z.BACK_OFFICE, Polygon(((0, 27.65), (54, 27.65), (54, 34), (48, 34), (48, 42),
                                                         (24, 42), (24, 36), (0, 36))), "后台审批区")
    h.push(edits.add(p, f1, bo))
    h.push(edits.window_row(p, f1, (6, 27.325), (54, 27.325), 24, public_side=-1, length=2.0))
    _set_window_kinds(h, p, [
        (1, 1, K.ACCESSIBLE, Domain.NONE, "无障碍服务窗口", True),
        (2, 12, K.UNIVERSAL, Domain.NONE, "无差别综合窗口", False),
        (13, 13, K.CROSS_PROVINCE, Domain.NONE, "跨省通办窗口", False),
        (14, 14, K.IN_REGION, Domain.NONE, "区内通办窗口", False),
        (15, 16, K.ONE_THING, Domain.NONE, "高效办成一件事窗口", False),
        (17, 17, K.CANNOT_GET_DONE, Domain.NONE, "办不成事反映窗口", False),
        (18, 18, K.HELP_AGENCY, Domain.NONE, "帮办代办窗口", False),
        (19, 19, K.UTILITIES, Domain.NONE, "水电气暖窗口", False),
        (20, 20, K.TELECOM, Domain.NONE, "网络通信窗口", False),
        (21, 21, K.CREDIT, Domain.NONE, "征信查询窗口", False),
        (22, 24, K.ISSUE, Domain.NONE, "综合出件窗口", False),
    ])
    h.push(edits.add(p, f1, *_rooms_walls(p, [
        [(0, 27.325), (6, 27.325)],
        [(60, 21), (54, 21), (54, 34), (48, 34), (48, 42)],
        [(54, 27.65), (60, 27.65)],
        [(54, 34), (60, 34)],
        [(0, 36), (24, 36), (24, 42)],
        [(8, 36), (8, 42)],
        [(16, 36), (16, 42)],
        [(52, 0), (52, 9), (60, 9)],
        [(54.5, 0), (54.5, 9)],
        [(57, 0), (57, 9)],
        [(44, 0), (44, 8), (52, 8)],
    ])))
    h.push(edits.add(p, f1, *_rooms_walls(p, [[(8, 0), (8, 10), (0, 10)]], 0.12, WallKind.GLASS)))
    h.push(edits.add(p, f1, *_doors(p, [
        (D.MAIN_ENTRANCE, 30, 0, 0, 3.0, Hinge.DOUBLE, -1, True, -1, "主入口"),
        (D.EXIT, 0, 19, 90, 1.5, Hinge.DOUBLE, 1, True, 1, "西侧安全出口"),
        (D.EXIT, 60, 11.5, 90, 1.5, Hinge.DOUBLE, -1, True, -1, "东侧安全出口"),
        (D.EXIT, 0, 5, 90, 1.5, Hinge.DOUBLE, 1, True, 1, "24小时自助服务区独立出入口"),
        (D.EXIT, 36, 42, 0, 1.2, Hinge.LEFT, 1, True, 1, "后台出口"),
        (D.INTERNAL, 8, 5, 90, 1.5, Hinge.SLIDING, 1, False, -1, "24小时区隔断门"),
        (D.STAFF_DOOR, 3, 27.325, 0, 1.0, Hinge.LEFT, 1, False, -1, "工作人员通道门"),
        (D.INTERNAL, 54, 31, 90, 0.9, Hinge.LEFT, 1, False, -1, ""),
        (D.INTERNAL, 57, 27.65, 0, 0.9, Hinge.LEFT, -1, False, -1, ""),
        (D.INTERNAL, 48, 38, 90, 1.0, Hinge.LEFT, 1, False, -1, ""),
        (D.INTERNAL, 4, 36, 0, 0.9, Hinge.LEFT, 1, False, -1, ""),
        (D.INTERNAL, 12, 36, 0, 0.9, Hinge.LEFT, 1, False, -1, ""),
        (D.INTERNAL, 20, 36, 0, 0.9, Hinge.LEFT, 1, False, -1, ""),
        (D.INTERNAL, 53.25, 9, 0, 0.9, Hinge.LEFT, -1, False, -1, ""),
        (D.INTERNAL, 55.75, 9, 0, 0.9, Hinge.LEFT, -1, False, -1, ""),
        (D.INTERNAL, 58.5, 9, 0, 1.0, Hinge.SLIDING, -1, False, -1, ""),
        (D.INTERNAL, 48, 8, 0, 1.0, Hinge.LEFT, 1, False, -1, ""),
    ])))
    h.push(edits.add(p, f1, *_columns(p, (8.4, 16.8, 33.6))))
    h.push(edits.add(p, f1,
                     Stair(p.new_id("stair"), 4, 15.5, 0, 4.0, 7.0, "西楼梯"),
                     Stair("stair-2", 57, 17.5, 0, 6.0, 4.5, "东楼梯"),
                     Lift(p.new_id("lift"), 50, 15.5, 0, 2.2, 2.4, True, name="无障碍电梯")))
    seat_rows = [(F.SEAT_ROW, x, y, 0, 5.0, 0.6, {"seats": 8})
                 for y in (10.5, 12.1, 13.7, 15.3, 18.3, 19.9) for x in (12.6, 21.0, 29.4, 37.8)]
    items = seat_rows + [
        (F.GUIDE_DESK, 30, 5, 0, 3.0, 0.8, {"name": "咨询导办台"}),
        (F.QUEUE_MACHINE, 26.5, 2.0, 0, 0.6, 0.5, {}),
        (F.QUEUE_MACHINE, 33.5, 2.0, 0, 0.6, 0.5, {}),
        (F.LAYOUT_MAP, 25.0, 0.2, 0, 1.5, 0.1, {"name": "布局图"}),
        (F.DISPLAY_SCREEN, 30, 7.8, 0, 3.0, 0.1, {"name": "叫号显示屏"}),
        (F.WATER_DISPENSER, 43.0, 9.0, 0, 0.4, 0.4, {}),
        (F.CHARGING_STATION, 9.0, 20.0, 0, 0.8, 0.4, {}),
        (F.FORM_DESK, 42.0, 12.0, 90, 1.8, 0.7, {}),
        (F.FORM_DESK, 42.0, 17.0, 90, 1.8, 0.7, {}),
        (F.SUGGESTION_BOX, 44.5, 8.5, 0, 0.4, 0.3, {}),
        (F.TABLE, 40.0, 4.0, 0, 2.4, 0.8, {"name": "邮政银行服务台"}),
    ]
    items += [(F.SELF_SERVICE_TERMINAL, x, 0.45, 0, 0.7, 0.6, {}) for x in (10, 12, 14, 16, 18)]
    items += [(F.SELF_SERVICE_TERMINAL, 0.45, y, 270, 0.7, 0.6, {}) for y in (2.0, 8.0)]
    items += [(F.SELF_SERVICE_TERMINAL, 4.0, 9.55, 180, 0.7, 0.6, {})]
    items += [(F.FIRE_EXTINGUISHER, x, y, 0, 0.3, 0.3, {}) for x, y in
              ((8.9, 8.4), (25.7, 16.8), (42.5, 8.4), (0.4, 26.5), (47.6, 26.5), (59.6, 20.6), (1.0, 35.6), (30, 41.6))]
    cams = [((0.3, 0.3), 45, 12), ((19.7, 0.3), 135, 25), ((44.0, 8.3), 160, 25), ((8.3, 20.7), 315, 25),
            ((47.7, 20.7), 225, 25), ((59.7, 13.7), 225, 12), ((0.3, 21.3), 315, 20), ((47.7, 27.0), 200, 30),
            ((0.3, 27.9), 315, 20), ((53.7, 27.9), 225, 20), ((36, 0.3), 90, 12),
            # window zone (west), complaint room, convenience zone, east passages, entrance, business zone
            ((0.3, 26.9), 315, 25), ((44.3, 7.7), 315, 12), ((51.7, 13.7), 225, 15), ((59.7, 20.7), 180, 15),
            ((24.3, 0.3), 45, 15), ((43.7, 0.3), 135, 12)]
    items += [(F.CCTV_CAMERA, x, y, rot - 90, 0.2, 0.2, {"fov": 90.0, "range": rng}) for (x, y), rot, rng in cams]
    items += [(F.WORKSTATION, x, y, 0, 1.4, 0.7, {}) for y in (29.5, 32.0) for x in range(3, 46, 3)]
    items += [(F.CABINET, x, 35.4, 0, 1.8, 0.5, {}) for x in (28, 31, 34, 37, 40, 43)]
    items += [(F.CABINET, x, 41.6, 0, 1.8, 0.5, {}) for x in (50, 52.5, 55, 57.5)]
    h.push(edits.add(p, f1, *_furn(p, items)))
    # ---------------------------------------------------------------- floor 2 (60 × 35 m)
    f2 = "floor-2"
    h.push(AddFloor(Floor(f2, 2, Polygon.rect(0, 0, 60, 35), "二层", 4.5)))
    h.push(edits.add(p, f2, *_zones(p, [
        (Z.ENTERPRISE_SERVICE, 0, 0, 14, 24, "企业综合服务专区"),
        (Z.CHILDREN_PLAY, 14, 0, 22, 8, "儿童游乐区"),
        (Z.PUBLICITY, 22, 0, 32, 8, "宣传展示区"),
        (Z.MOTHER_BABY, 32, 0, 38, 8, "母婴室"),
        (Z.COMPLAINT, 38, 0, 44, 8, "咨询投诉区"),
        (Z.TOILET_MALE, 44, 0, 50, 8, "男卫生间"),
        (Z.TOILET_FEMALE, 50, 0, 56, 8, "女卫生间"),
        (Z.TOILET_ACCESSIBLE, 56, 0, 60, 8, "无障碍卫生间"),
        (Z.WAITING, 14, 8, 44, 18, "等候休息区"),
        (Z.CIRCULATION, 44, 8, 60, 18, "东侧通道"),
        (Z.WINDOW_SERVICE, 14, 18, 60, 24, "分领域窗口服务区"),
        (Z.BACK_OFFICE, 0, 24.65, 60, 30, "后台审批区"),
        (Z.EXPERT_REVIEW, 0, 30, 10, 35, "专家评审室"),
        (Z.MEETING, 10, 30, 22, 35, "多功能会议室"),
        (Z.ARCHIVE, 22, 30, 30, 35, "档案室"),
        (Z.POWER_ROOM, 52, 30, 60, 35, "配电房"),
        (Z.BACK_OFFICE, 30, 30, 52, 35, "后台审批区(北)"),
    ])))
    h.push(edits.window_row(p, f2, (4, 24.325), (56, 24.325), 26, public_side=-1, length=2.0, first_number=25))
    _set_window_kinds(h, p, [
        (25, 29, K.DOMAIN, Domain.ENTERPRISE, "企业服务窗口", False),
        (30, 30, K.ENTERPRISE_POLICY, Domain.NONE, "惠企政策兑现窗口", False),
        (31, 36, K.DOMAIN, Domain.SOCIAL_AFFAIRS, "社会事务窗口", False),
        (37, 40, K.DOMAIN, Domain.LIVELIHOOD, "民生事务窗口", False),
        (41, 43, K.DOMAIN, Domain.CONSTRUCTION, "工程建设窗口", False),
        (44, 45, K.DOMAIN, Domain.REAL_ESTATE, "不动产登记窗口", False),
        (46, 46, K.NOTARY, Domain.NONE, "公证窗口", False),
        (47, 47, K.EXTENDED_HOURS, Domain.NONE, "延时服务窗口", False),
        (48, 48, K.VIDEO, Domain.NONE, "视频办窗口", False),
        (49, 49, K.TIDAL, Domain.NONE, "潮汐窗口", False),
        (50, 50, K.CONSULTATION_WINDOW, Domain.NONE, "综合咨询窗口", False),
    ])
    h.push(edits.add(p, f2, *_rooms_walls(p, [
        [(0, 24.325), (4, 24.325)],
        [(56, 24.325), (60, 24.325)],
        [(0, 30), (30, 30)],
        [(52, 30), (60, 30)],
        [(10, 30), (10, 35)],
        [(22, 30), (22, 35)],
        [(30, 30), (30, 35)],
        [(52, 30), (52, 35)],
        [(32, 0), (32, 8), (60, 8)],
        [(38, 0), (38, 8)],
        [(44, 0), (44, 8)],
        [(50, 0), (50, 8)],
        [(56, 0), (56, 8)],
    ])))
    h.push(edits.add(p, f2, *_doors(p, [
        (D.EXIT, 4, 19.0, 0, 1.4, Hinge.DOUBLE, 1, False, -1, "西楼梯间"),
        (D.EXIT, 57, 15.25, 0, 1.4, Hinge.DOUBLE, -1, False, 1, "东楼梯间"),
        (D.STAFF_DOOR, 2, 24.325, 0, 1.0, Hinge.LEFT, 1, False, -1, "工作人员通道门"),
        (D.STAFF_DOOR, 58, 24.325, 0, 1.0, Hinge.LEFT, 1, False, -1, "工作人员通道门"),
        (D.INTERNAL, 5, 30, 0, 1.0, Hinge.LEFT, 1, False, -1, ""),
        (D.INTERNAL, 16, 30, 0, 1.5, Hinge.DOUBLE, 1, False, -1, ""),
        (D.INTERNAL, 26, 30, 0, 1.0, Hinge.LEFT, 1, False, -1, ""),
        (D.INTERNAL, 56, 30, 0, 0.9, Hinge.LEFT, 1, False, -1, ""),
        (D.INTERNAL, 35, 8, 0, 0.9, Hinge.LEFT, -1, False, -1, ""),
        (D.INTERNAL, 40, 8, 0, 0.9, Hinge.LEFT, -1, False, -1, ""),
        (D.INTERNAL, 47, 8, 0, 0.9, Hinge.LEFT, -1, False, -1, ""),
        (D.INTERNAL, 53, 8, 0, 0.9, Hinge.LEFT, -1, False, -1, ""),
        (D.INTERNAL, 58, 8, 0, 1.0, Hinge.SLIDING, -1, False, -1, ""),
    ])))
    h.push(edits.add(p, f2, *_columns(p, (8.4, 16.8, 32.6))))
    h.push(edits.add(p, f2,
                     Stair(p.new_id("stair"), 4, 15.5, 0, 4.0, 7.0, "西楼梯"),
                     Stair(p.new_ids("stair", 2)[-1], 57, 17.5, 0, 6.0, 4.5, "东楼梯"),
                     Lift(p.new_ids("lift", 2)[-1], 50, 15.5, 0, 2.2, 2.4, True, name="无障碍电梯")))
    items = [(F.SEAT_ROW, x, y, 0, 5.0, 0.6, {"seats": 8}) for y in (10.3, 11.9, 13.5, 15.1) for x in (21.0, 29.4, 37.8)]
    items += [(F.SEAT_ROW, 10.0, y, 0, 4.0, 0.6, {"seats": 6}) for y in (3.0, 4.6, 6.2)]
    items += [(F.TABLE, 7.0, 11.0, 0, 2.4, 1.2, {"name": "企业洽谈桌"}), (F.GUIDE_DESK, 20.0, 16.5, 0, 2.0, 0.7, {"name": "二层导办台"}),
              (F.QUEUE_MACHINE, 46.0, 12.0, 0, 0.6, 0.5, {}), (F.LAYOUT_MAP, 50.0, 8.2, 0, 1.2, 0.1, {"name": "楼层指示牌"}),
              (F.SELF_SERVICE_TERMINAL, 12.0, 17.5, 180, 0.7, 0.6, {}), (F.SELF_SERVICE_TERMINAL, 12.0, 19.5, 0, 0.7, 0.6, {}),
              (F.WATER_DISPENSER, 43.5, 17.5, 0, 0.4, 0.4, {})]
    items += [(F.FIRE_EXTINGUISHER, x, y, 0, 0.3, 0.3, {}) for x, y in ((14.5, 8.4), (43.6, 8.4), (0.4, 23.5), (59.6, 23.5), (30.5, 29.6))]
    cams = [((0.3, 0.3), 45, 25), ((13.7, 23.7), 225, 25), ((14.3, 8.3), 45, 25), ((43.7, 8.3), 135, 25),
            ((59.7, 8.3), 135, 20), ((59.7, 23.7), 200, 25), ((30, 23.9), 270, 20), ((0.3, 29.7), 315, 25),
            # meeting room, complaint room, children's play and publicity zones
            ((10.3, 34.7), 315, 15), ((38.3, 7.7), 315, 12), ((31.7, 0.3), 135, 20)]
    items += [(F.CCTV_CAMERA, x, y, rot - 90, 0.2, 0.2, {"fov": 90.0, "range": rng}) for (x, y), rot, rng in cams]
    items += [(F.WORKSTATION, x, 27.2, 0, 1.4, 0.7, {}) for x in range(3, 58, 3)]
    items += [(F.WORKSTATION, x, 32.5, 0, 1.4, 0.7, {}) for x in range(33, 51, 3)]
    items += [(F.TABLE, 16.0, 32.5, 0, 6.0, 1.8, {"name": "会议桌"}), (F.TABLE, 5.0, 32.5, 0, 4.0, 1.4, {"name": "评审桌"})]
    items += [(F.CABINET, x, 34.6, 0, 1.6, 0.5, {}) for x in (23.5, 25.5, 27.5)]
    h.push(edits.add(p, f2, *_furn(p, items)))
    return p


if __name__ == "__main__":
    for name, fn in (("village_station", village), ("town_centre", town), ("county_centre", county)):
        out = save(loads(dumps(fn())), HERE / f"{name}.hallplan", keep_backup=False)
        print("wrote", out)
