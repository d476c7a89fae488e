"""The geometry cache follows commands: what a command cannot change is kept, the rest is rebuilt, and
the result always equals a fresh build."""

import random
from pathlib import Path

import numpy as np
import pytest

from hallplan.geometry.cache import GeometryCache
from hallplan.geometry.clearwidth import RouteTarget, entrance_sources, route_width
from hallplan.geometry.evacuation import Measure, evacuation
from hallplan.geometry.floorgeom import FloorGeometry
from hallplan.geometry.separation import separation
from hallplan.io.planfile import load
from hallplan.model import History, edits

PLANS = Path(__file__).resolve().parents[2] / "plans"


def _summary(fg: FloorGeometry):
    out = []
    for m in (Measure.STRAIGHT, Measure.WALKING):
        for r in evacuation(fg, m).rooms:
            out.append((m.value, r.room, None if r.max_distance is None else round(r.max_distance, 6),
                        round(r.unreachable_area, 6)))
    ids, _, geoms = fg.zones
    res = route_width(fg, 1.2, entrance_sources(fg, 1.2), [RouteTarget(i, "zone", g) for i, g in zip(ids, geoms, strict=True)],
                      door_width=0.9)
    out.append(tuple((t.target.id, t.reached, tuple(round(p.width, 6) for p in t.pinches)) for t in res.targets))
    s = separation(fg)
    out.append(tuple((lk.zone_ids, round(lk.width, 6)) for lk in s.leaks))
    out.append(round(fg.public_free.area, 6))
    return out


@pytest.fixture
def town():
    plan = load(PLANS / "town_centre.hallplan")
    h = History(plan)
    cache = GeometryCache(plan)
    cache.attach(h)
    return plan, h, cache


def test_moving_a_counter_keeps_what_it_cannot_change(town):
    plan, h, cache = town
    fg = cache.floor("floor-1")
    straight = evacuation(fg, Measure.STRAIGHT)
    walking = evacuation(fg, Measure.WALKING)
    toilet = next(r for r in fg.rooms if r.kind.value == "toilet")
    rooms = fg.rooms
    h.push(edits.move(plan, ["win-3"], 0.5, 0.0), merge=True)
    fg = cache.floor("floor-1")
    assert fg.rooms is rooms
    assert evacuation(fg, Measure.STRAIGHT).rooms == straight.rooms  # the binding measure ignores counters
    w2 = evacuation(fg, Measure.WALKING)
    assert w2.rooms[toilet.index] is walking.rooms[toilet.index]  # a room the counter is not in
    assert w2.rooms[0] is not walking.rooms[0]


def test_cache_equals_fresh_build_over_random_edits(town):
    plan, h, cache = town
    rng = random.Random(5)
    movable = sorted(list(plan.floors[0].windows) + list(plan.floors[0].furniture))
    for step in range(12):
        kind = rng.random()
        if kind < 0.6:
            ids = [rng.choice(movable)]
            h.push(edits.move(plan, ids, rng.choice([-0.5, 0.5]), rng.choice([-0.3, 0.0, 0.3])), merge=rng.random() < 0.5)
        elif kind < 0.8:
            h.undo()
        else:
            wid = rng.choice(sorted(plan.floors[0].walls))
            h.push(edits.move(plan, [wid], 0.0, rng.choice([-0.2, 0.2])))
        if step % 3 == 2:
            assert _summary(cache.floor("floor-1")) == _summary(FloorGeometry(plan, "floor-1"))
    assert _summary(cache.floor("floor-1")) == _summary(FloorGeometry(plan, "floor-1"))


def test_sync_without_events_catches_up():
    plan = load(PLANS / "town_centre.hallplan")
    cache = GeometryCache(plan)  # not attached: it compares entities itself
    before = _summary(cache.floor("floor-1"))
    h = History(plan)
    h.push(edits.move(plan, ["win-1"], 0.6, 0.0))
    h.push(edits.delete(plan, ["furn-1"]))
    after = _summary(cache.floor("floor-1"))
    assert after != before
    assert after == _summary(FloorGeometry(plan, "floor-1"))
    h.undo()
    h.undo()
    assert _summary(cache.floor("floor-1")) == before


def test_sync_once_syncs_each_floor_once_per_invalidate():
    # the rule engine tells its cache about every command, so the cache syncs a floor once per change
    plan = load(PLANS / "town_centre.hallplan")
    h = History(plan)
    cache = GeometryCache(plan, sync_once=True)
    cache.attach(h)
    fg = cache.floor("floor-1")
    calls = []
    orig = fg.sync
    fg.sync = lambda: (calls.append(1), orig())[1]
    for _ in range(3):
        cache.floor("floor-1")
    assert calls == []  # synced when first built, nothing since
    w = next(iter(plan.floors[0].windows.values()))
    h.push(edits.move(plan, [w.id], 0.5, 0.0))
    for _ in range(3):
        cache.floor("floor-1")
    assert calls == [1]
    assert _summary(cache.floor("floor-1")) == _summary(FloorGeometry(plan, "floor-1"))


def test_a_moved_counter_patches_the_obstacle_arrays(monkeypatch):
    # a drag frame rewrites the moved item's row instead of rebuilding the arrays from every entity
    import hallplan.geometry.floorgeom as fgm

    plan = load(PLANS / "county_centre.hallplan")
    h = History(plan)
    cache = GeometryCache(plan)
    cache.attach(h)
    fg = cache.floor("floor-1")
    _ = fg.obstacle_geoms
    calls = []
    orig = fgm.obstacle_boxes
    monkeypatch.setattr(fgm, "obstacle_boxes", lambda floor: (calls.append(1), orig(floor))[1])
    w = sorted(plan.floors[0].windows.values(), key=lambda x: x.id)[3]
    for k in range(4):
        h.push(edits.move(plan, [w.id], 0.5 if k % 2 == 0 else -0.5, 0.25))
        fg = cache.floor("floor-1")
        row = list(fg.obstacles.ids).index(w.id)
        moved = plan.floors[0].windows[w.id]
        assert (fg.obstacles.cx[row], fg.obstacles.cy[row]) == (moved.x, moved.y)
        assert fg.obstacle_geoms[row].equals(fgm.boxes(moved.x, moved.y, moved.length, moved.depth,
                                                       np.radians(moved.rotation))[0])
    assert calls == []
    assert _summary(fg) == _summary(FloorGeometry(plan, "floor-1"))
