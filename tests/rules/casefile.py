"""Functional test cases (pylint style): ``tests/rules/<rule_id>/<case>.toml`` builds a plan from a
base in :mod:`tests.rules.bases` plus edits; ``<case>.expected`` beside it lists the findings the rule
must give on it, one per line::

    <severity> <rule id> [entity,ids] [| key=value ...]

An empty ``.expected`` file means the rule finds nothing. Values after ``|`` are compared with the
finding's measured values (numbers within 1e-6, tuples as comma-separated lists).

Case TOML keys: ``base``; ``[plan]`` plan properties; ``remove`` selectors; ``remove_floors``;
``[[set]]`` (``select`` + properties); ``[[move]]`` (``select``, ``by``); ``[[add]]`` (``type``
zone/furniture/window/door/lift, ``id``, ``floor`` and fields; ``rect`` for zones, ``at``/``size``
for the others); ``[[floor]]`` (``id`` + floor properties). Selectors: ``id:<id>``,
``<zone|window|furniture|door|lift>:*``, ``<collection>:<kind>``, ``window:number=<n>``. All edits go
through the model's commands.
"""

from __future__ import annotations

import tomllib
from dataclasses import fields
from enum import Enum
from pathlib import Path

from hallplan.model import (
    Door,
    DoorKind,
    FireGrade,
    Furniture,
    FurnitureKind,
    HallLevel,
    History,
    Lift,
    Polygon,
    RemoveFloor,
    ServiceWindow,
    SetFloorProperties,
    SetPlanProperties,
    WindowKind,
    Zone,
    ZoneKind,
    edits,
)

from .bases import BASES

_COLL = {"zone": "zones", "window": "windows", "furniture": "furniture", "door": "doors", "lift": "lifts"}


def select(plan, sel: str) -> list[str]:
    coll, _, what = sel.partition(":")
    if coll == "id":
        plan.find(what)
        return [what]
    out = []
    for f in plan.floors:
        for e in getattr(f, _COLL[coll]).values():
            if what == "*":
                out.append(e.id)
            elif what.startswith("number="):
                if getattr(e, "number", None) == what[7:]:
                    out.append(e.id)
            elif getattr(getattr(e, "kind", None), "value", None) == what:
                out.append(e.id)
    if not out:
        raise AssertionError(f"selector {sel!r} matches nothing")
    return sorted(out)


def _convert(entity, key: str, value):
    cur = getattr(entity, key)
    if isinstance(cur, Enum):
        return type(cur)(value)
    if isinstance(cur, tuple):
        return tuple(value)
    if isinstance(cur, float) and isinstance(value, int):
        return float(value)
    return value


def build(case: dict):
    plan = BASES[case.get("base", "county")]()
    h = History(plan)
    if "plan" in case:
        props = dict(case["plan"])
        if "level" in props:
            props["level"] = HallLevel(props["level"])
        if "fire_grade" in props:
            props["fire_grade"] = FireGrade(props["fire_grade"])
        if "service_hours" in props:
            props["service_hours"] = tuple(props["service_hours"])
        h.push(SetPlanProperties.of(plan, **props))
    for fid in case.get("remove_floors", []):
        h.push(RemoveFloor.of(plan, fid))
    for fl in case.get("floor", []):
        fl = dict(fl)
        fid = fl.pop("id")
        if "outline" in fl:
            fl["outline"] = Polygon(tuple(map(tuple, fl["outline"]["exterior"])))
        h.push(SetFloorProperties.of(plan, fid, **fl))
    ids = sorted({i for sel in case.get("remove", []) for i in select(plan, sel)})
    if ids:
        h.push(edits.delete(plan, ids))
    for s in case.get("set", []):
        s = dict(s)
        for eid in select(plan, s.pop("select")):
            _, e = plan.find(eid)
            h.push(edits.set_props(plan, eid, **{k: _convert(e, k, v) for k, v in s.items()}))
    for m in case.get("move", []):
        dx, dy = m["by"]
        h.push(edits.move(plan, select(plan, m["select"]), dx, dy))
    for a in case.get("add", []):
        h.push(edits.add(plan, a.get("floor", plan.floors[0].id), _entity(a)))
    return plan


def _entity(a: dict):
    t = a["type"]
    if t == "zone":
        return Zone(a["id"], ZoneKind(a["kind"]), Polygon.rect(*a["rect"]), a.get("name", ""))
    x, y = a.get("at", (0, 0))
    w, d = a.get("size", (0.6, 0.6))
    rot = float(a.get("rotation", 0.0))
    if t == "furniture":
        return Furniture(a["id"], FurnitureKind(a["kind"]), x, y, rot, w, d)
    if t == "window":
        known = {f.name for f in fields(ServiceWindow)}
        extra = {k: v for k, v in a.items() if k in known and k not in ("id", "kind", "number", "x", "y", "rotation")}
        return ServiceWindow(a["id"], str(a["number"]), WindowKind(a["kind"]), x, y, rot, **extra)
    if t == "door":
        return Door(a["id"], DoorKind(a["kind"]), x, y, rot, w, to_outside=a.get("to_outside", False))
    if t == "lift":
        return Lift(a["id"], x, y, rot, accessible=a.get("accessible", True))
    raise AssertionError(f"unknown entity type {t!r}")


def load_case(path: Path):
    return build(tomllib.loads(path.read_text(encoding="utf-8")))


def parse_expected(path: Path) -> list[tuple]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, _, vals = line.partition("|")
        parts = head.split()
        sev, rid = parts[0], parts[1]
        ents = tuple(parts[2].split(",")) if len(parts) > 2 else None
        values = dict(kv.split("=", 1) for kv in vals.split()) if vals.strip() else {}
        out.append((sev, rid, ents, values))
    return out


def value_matches(expected: str, actual) -> bool:
    if isinstance(actual, tuple):
        return expected == ",".join(str(x) for x in actual)
    if isinstance(actual, int | float) and not isinstance(actual, bool):
        try:
            return abs(float(expected) - float(actual)) < 1e-6
        except ValueError:
            return False
    return expected == str(actual)
