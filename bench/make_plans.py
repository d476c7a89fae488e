"""Deterministic synthetic halls for benchmarks.

``make_municipal(seed)`` builds a ~20,000 m² municipal hall on one floor (160 × 125 m) with 200
windows (a 70-window row along the north back office and two back-to-back island rows of 65 around a
staff strip), ~2,000 furniture items (seat rows, terminals, cameras, extinguishers, workstations) and
a column grid. The layout is jittered from ``seed`` so different seeds give different but equally
plausible halls.

Run ``uv run python bench/make_plans.py [OUT_DIR]`` to write ``municipal_20000.hallplan``.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from hallplan.io.planfile import dumps, loads, save
from hallplan.model import (
    AddFloor,
    Column,
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
    Stair,
    Wall,
    WallKind,
    WindowKind,
    Zone,
    ZoneKind,
    edits,
)

W, H = 160.0, 125.0


def make_municipal(seed: int = 1, furniture_target: int = 2000) -> Plan:
    rng = random.Random(seed)
    p = Plan(f"合成市级政务服务中心-{seed}", HallLevel.MUNICIPAL, profile="yuanzhou", sprinklers=True, staff_count=420)
    h = History(p)
    fid = "floor-1"
    h.push(AddFloor(Floor(fid, 1, Polygon.rect(0, 0, W, H), "一层", 6.0)))
    Z = ZoneKind
    zspec = [
        (Z.BACK_OFFICE, 0, 105.65, W, H, "后台审批区"),
        (Z.WINDOW_SERVICE, 0, 98, W, 105, "北侧窗口服务区"),
        (Z.WAITING, 0, 82, W, 98, "北侧等候区"),
        (Z.WINDOW_SERVICE, 10, 62, 150, 69.35, "南岛窗口区"),
        (Z.BACK_OFFICE, 10, 69.35, 150, 74.65, "岛式后台"),
        (Z.WINDOW_SERVICE, 10, 74.65, 150, 82, "北岛窗口区"),
        (Z.WAITING, 0, 20, W, 62, "南侧等候区"),
        (Z.CONSULTATION, 60, 0, 100, 20, "咨询引导区"),
        (Z.SELF_SERVICE, 0, 0, 40, 20, "自助服务区"),
        (Z.SELF_SERVICE_24H, 40, 0, 60, 20, "24小时自助服务区"),
        (Z.ENTERPRISE_SERVICE, 100, 0, 130, 20, "企业服务区"),
        (Z.TOILET_MALE, 130, 0, 140, 20, "男卫生间"),
        (Z.TOILET_FEMALE, 140, 0, 150, 20, "女卫生间"),
        (Z.TOILET_ACCESSIBLE, 150, 0, W, 20, "无障碍卫生间"),
    ]
    ids = p.new_ids("zone", len(zspec))
    h.push(edits.add(p, fid, *[Zone(i, k, Polygon.rect(a, b, c, d), n) for i, (k, a, b, c, d, n) in zip(ids, zspec, strict=True)]))
    # windows: north row (public to the south), island rows back to back
    h.push(edits.window_row(p, fid, (10, 105.325), (150, 105.325), 70, public_side=-1, length=2.0))
    h.push(edits.window_row(p, fid, (10, 69.025), (140, 69.025), 65, public_side=-1, length=2.0, first_number=71,
                            kind=WindowKind.DOMAIN))
    h.push(edits.window_row(p, fid, (10, 74.975), (140, 74.975), 65, public_side=1, length=2.0, first_number=136,
                            kind=WindowKind.DOMAIN))
    walls = [((0, 105.325), (10, 105.325)), ((150, 105.325), (W, 105.325)),
             ((140, 68.7), (150, 68.7), (150, 75.3), (140, 75.3)), ((10, 68.7), (10, 75.3))]
    wids = p.new_ids("wall", len(walls))
    h.push(edits.add(p, fid, *[Wall(i, pts, 0.2, WallKind.PARTITION) for i, pts in zip(wids, walls, strict=True)]))
    dspec = [
        (DoorKind.MAIN_ENTRANCE, 80, 0, 0, 4.0, Hinge.SLIDING, -1, True, -1),
        (DoorKind.EXIT, 0, 40, 90, 2.0, Hinge.DOUBLE, 1, True, 1),
        (DoorKind.EXIT, W, 40, 90, 2.0, Hinge.DOUBLE, -1, True, -1),
        (DoorKind.EXIT, 0, 90, 90, 2.0, Hinge.DOUBLE, 1, True, 1),
        (DoorKind.EXIT, W, 90, 90, 2.0, Hinge.DOUBLE, -1, True, -1),
        (DoorKind.EXIT, 50, 0, 0, 2.0, Hinge.DOUBLE, -1, True, -1),
        (DoorKind.EXIT, 80, H, 0, 1.5, Hinge.DOUBLE, 1, True, 1),
        (DoorKind.STAFF_DOOR, 5, 105.325, 0, 1.0, Hinge.LEFT, 1, False, -1),
        (DoorKind.STAFF_DOOR, 145, 72.0, 90, 1.0, Hinge.LEFT, 1, False, -1),
    ]
    dids = p.new_ids("door", len(dspec))
    h.push(edits.add(p, fid, *[Door(i, *d) for i, d in zip(dids, dspec, strict=True)]))
    cols = [(x, y) for x in [9.0 * k for k in range(1, 18)] for y in (22.0, 40.0, 58.0, 86.0, 115.0)]
    cids = p.new_ids("col", len(cols))
    h.push(edits.add(p, fid, *[Column(i, x, y, 0.7, 0.7) for i, (x, y) in zip(cids, cols, strict=True)]))
    h.push(edits.add(p, fid, Stair("stair-1", 3.0, 110.0, 0, 5.0, 8.0, "楼梯"), Lift("lift-1", 155.0, 110.0, 0, 2.4, 2.6)))
    F = FurnitureKind
    items: list[tuple] = []
    # seat rows in the two waiting areas, avoiding column lines
    for y0, y1 in ((23.5, 56.5), (83.5, 96.5)):
        y = y0
        while y < y1:
            for xc in [4.5 + 9.0 * k for k in range(17)]:
                if rng.random() < 0.93:
                    items.append((F.SEAT_ROW, xc + rng.uniform(-0.3, 0.3), y, 0, 6.0, 0.55, {"seats": 10}))
            y += 1.55 if abs(y - 40.0) > 2.5 and abs(y - 58.0) > 2.5 and abs(y - 86.0) > 2.5 else 2.2
    for x in range(2, 40, 2):
        items.append((F.SELF_SERVICE_TERMINAL, float(x), 0.45, 0, 0.7, 0.6, {}))
    for x in range(42, 60, 2):
        items.append((F.SELF_SERVICE_TERMINAL, float(x), 0.45, 0, 0.7, 0.6, {}))
    items += [(F.GUIDE_DESK, 80, 10, 0, 4.0, 0.9, {}), (F.QUEUE_MACHINE, 74, 3, 0, 0.6, 0.5, {}),
              (F.QUEUE_MACHINE, 86, 3, 0, 0.6, 0.5, {}), (F.LAYOUT_MAP, 76, 0.2, 0, 1.6, 0.1, {})]
    for x in range(6, 156, 12):
        for y in (21.0, 61.0, 97.0):
            items.append((F.CCTV_CAMERA, float(x), y, rng.choice((0.0, 180.0)), 0.2, 0.2, {"fov": 90.0, "range": 25.0}))
            items.append((F.FIRE_EXTINGUISHER, x + 1.0, y, 0, 0.3, 0.3, {}))
    # back office workstations fill up to the target
    y = 108.0
    while len(items) < furniture_target and y < H - 1:
        x = 2.0
        while len(items) < furniture_target and x < W - 2:
            items.append((F.WORKSTATION, x, y, 0, 1.4, 0.7, {}))
            x += 1.6
        y += 1.8
    k = 0
    while len(items) < furniture_target:  # any remainder: plants along the south wall of the waiting area
        items.append((F.PLANT, 1.0 + (k % 150) * 1.05, 20.5 + 0.6 * (k // 150), 0, 0.4, 0.4, {}))
        k += 1
    fids = p.new_ids("furn", len(items))
    h.push(edits.add(p, fid, *[Furniture(i, k_, x, y_, r, w, d, **kw) for i, (k_, x, y_, r, w, d, kw) in zip(fids, items, strict=True)]))
    return loads(dumps(p))


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "out")
    out.mkdir(parents=True, exist_ok=True)
    plan = make_municipal(1)
    n_f = sum(len(f.furniture) for f in plan.floors)
    print("windows", len(plan.all_windows()), "furniture", n_f, "area", plan.gross_area)
    print("wrote", save(plan, out / "municipal_20000.hallplan", keep_backup=False))
