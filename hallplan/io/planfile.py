"""The ``.hallplan`` file: versioned UTF-8 JSON, validated with exact locations, saved atomically.

Why pydantic v2 at the boundary: it validates the model's own frozen dataclasses directly (no second
schema to keep in sync), coerces JSON lists to the tuples the model uses, and reports every error with
its path (``loc``), which we turn into ``floors[0].zones[3].polygon.exterior[2][1]``. Semantic checks
that a schema cannot express (ring validity, duplicate ids and window numbers, positive sizes) follow
with the same location format.

Layout::

    {"format": "hallplan", "version": 1,
     "plan": {"name": ..., "level": ..., ...},
     "floors": [{"id": ..., "storey": 1, "outline": {"exterior": [[x, y], ...], "holes": []},
                 "walls": [...], "zones": [...], "windows": [...], ...}]}

Keys are sorted, entities ordered by id (natural order), numbers rounded to 1 mm so a file diffs
cleanly.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

import shapely
from pydantic import TypeAdapter, ValidationError

from hallplan.i18n import language, tr
from hallplan.model import (
    COLLECTIONS,
    Acknowledgement,
    Demand,
    FireGrade,
    Floor,
    HallLevel,
    Plan,
    Polygon,
    ServicePeriod,
)
from hallplan.model.geom import bounds

FORMAT = "hallplan"
VERSION = 1
SUFFIX = ".hallplan"

# Migrations: MIGRATIONS[n] turns a version-n document into version n+1 (in place or new dict).
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


class PlanFileError(ValueError):
    """A plan file that cannot be read, with the exact place (``location``) and ``reason``."""

    def __init__(self, location: str, reason: str, path: str | os.PathLike | None = None) -> None:
        self.location = location
        self.reason = reason
        self.path = str(path) if path is not None else None
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.reason}"

    def __str__(self) -> str:
        return (f"{self.path}: " if self.path else "") + self.message

    def localized(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current UI language). The English reason is the one
        source; other languages come from the catalogue through the patterns in ``_REASONS``."""
        where = self.location
        for rx, key in _LOCATIONS:
            m = rx.match(where)
            if m:
                where = tr(key, lang, **m.groupdict())
                break
        reason = _localize_reason(self.reason, lang)
        return (f"{self.path}: " if self.path else "") + (f"{where}: " if where else "") + reason


# English reason → catalogue key (named groups become the template's fields); first match wins
_LOCATIONS = [(re.compile(r"^line (?P<line>\d+), column (?P<col>\d+)$"), "pf.loc.line"),
              (re.compile(r"^byte (?P<n>\d+)$"), "pf.loc.byte")]
_REASONS = [(re.compile(rx), key) for rx, key in (
    (r"^the file is not UTF-8 text$", "pf.not_utf8"),
    (r"^not valid JSON \((?P<why>.*)\)$", "pf.bad_json"),
    (r"^cannot read the file \((?P<why>.*)\)$", "pf.cannot_read_file"),
    (r"^the file does not hold a hallplan document", "pf.not_document"),
    (r'^expected "(?P<fmt>[^"]+)", found (?P<found>.*): not a hallplan file$', "pf.bad_format"),
    (r"^expected a positive whole number, found (?P<found>.*)$", "pf.bad_version"),
    (r"^the file is version (?P<v>\d+), written by a newer hallplan; this one reads up to version (?P<max>\d+)", "pf.newer_version"),
    (r"^no migration from version (?P<v>\d+)$", "pf.no_migration"),
    (r"^contains the control character (?P<cp>U\+[0-9A-F]+) at (?P<rest>.*)$", "pf.control_char"),
    (r"^required field is missing$", "pf.missing_field"),
    (r"^required object is missing$", "pf.missing_object"),
    (r"^unknown field$", "pf.unknown_field"),
    (r"^expected a list of floors$", "pf.expected_floors"),
    (r"^expected an object describing a floor$", "pf.expected_floor"),
    (r"^expected a list$", "pf.expected_list"),
    (r"^duplicate id (?P<id>.+)$", "pf.duplicate_id"),
    (r"^duplicate of (?P<other>.+)$", "pf.duplicate_of"),
    (r"^storey (?P<s>-?\d+) already used by (?P<other>.+)$", "pf.storey_used"),
    (r"^must be a positive number of metres \(found (?P<v>.*)\)$", "pf.positive_metres"),
    (r"^must not be empty$", "pf.not_empty"),
    (r"^must be a finite number \(found (?P<v>.*)\)$", "pf.finite"),
    (r"^must be at least 0.001 m \(found (?P<v>.*)\)$", "pf.above_zero"),
    (r"^stands at \((?P<x>[^,]+), (?P<y>[^)]+)\), more than (?P<d>\S+) m outside the floor outline$", "pf.stray"),
    (r"^\((?P<x>[^,]+), (?P<y>[^)]+)\) is more than (?P<d>\S+) m outside the floor outline$", "pf.stray_point"),
    (r"^a wall needs at least 2 points$", "pf.wall_points"),
    (r"^coordinates must be finite numbers$", "pf.finite_coords"),
    (r"^a window needs a number$", "pf.window_number"),
    (r"^must be -1 or 1 \(found (?P<v>.*)\)$", "pf.plus_minus_one"),
    (r"^must not be negative \(found (?P<v>.*)\)$", "pf.not_negative"),
    (r"^a ring needs at least 3 points \(found (?P<n>\d+)\)$", "pf.ring_points"),
    (r"^coordinate \((?P<x>[^,]+), (?P<y>[^)]+)\) is more than 1000 km from the origin$", "pf.far_from_origin"),
    (r"^not a polygon \((?P<why>.*)\)$", "pf.not_polygon"),
    (r"^(?P<what>ring self-intersects|a hole lies outside the outer ring|holes are nested|holes split the polygon|"
     r"too few distinct points) near \((?P<x>[^,]+), (?P<y>[^)]+)\)$", "pf.near"),
    (r"^invalid polygon \((?P<why>.*)\)$", "pf.invalid_polygon"),
    (r"^the polygon has no area", "pf.no_area"),
    (r"^cannot be read \((?P<why>.*)\)$", "pf.cannot_be_read"),
    (r"^(?P<msg>.+) \(found (?P<v>.*)\)$", "pf.invalid_found"),
    (r"^(?P<msg>.+)$", "pf.invalid"),
)]


def _localize_reason(reason: str, lang: str | None) -> str:
    if (lang or language()) == "en":
        return reason
    for rx, key in _REASONS:
        m = rx.match(reason)
        if m:
            fields = m.groupdict()
            if key == "pf.near":
                fields["what"] = tr(f"pf.near.{fields['what']}", lang)
            return tr(key, lang, **fields)
    return reason


# ----------------------------------------------------------------------------------------------
# encoding

_ENTITY_ATTRS = tuple(COLLECTIONS.values())
_ENTITY_CLASS = {attr: cls for cls, attr in COLLECTIONS.items()}


def _natural_key(s: str) -> list:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]


def _plain(value: Any) -> Any:
    """Dataclasses/enums/tuples → JSON-ready values, floats rounded to 1 mm."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        r = round(value, 3)
        return 0.0 if r == 0 else r
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    raise TypeError(f"cannot encode {type(value).__name__}")


_PLAN_FIELDS = (
    "name", "level", "branch", "profile", "sprinklers", "fire_grade", "crowded", "high_rise",
    "service_hours", "demand", "acknowledgements", "staff_count", "notes",
)


def to_document(plan: Plan) -> dict:
    floors = []
    for f in plan.floors:
        fd: dict[str, Any] = {
            "id": f.id, "storey": f.storey, "name": f.name, "height": _plain(f.height),
            "outline": _plain(f.outline),
        }
        for attr in _ENTITY_ATTRS:
            coll = getattr(f, attr)
            fd[attr] = [_plain(coll[k]) for k in sorted(coll, key=_natural_key)]
        floors.append(fd)
    return {
        "format": FORMAT,
        "version": VERSION,
        "plan": {k: _plain(getattr(plan, k)) for k in _PLAN_FIELDS},
        "floors": floors,
    }


_PAIR = re.compile(r"\[\s*(-?[0-9.eE+-]+),\s*(-?[0-9.eE+-]+)\s*\]")


def dumps(plan: Plan) -> str:
    """The file text: sorted keys, one line per point pair, 1 mm precision."""
    text = json.dumps(to_document(plan), ensure_ascii=False, sort_keys=True, indent=1)
    if _MAY_HOLD_CONTROL.search(text):  # e.g. a vertical tab pasted from a word processor:
        text = json.dumps(_scrub(to_document(plan)), ensure_ascii=False, sort_keys=True, indent=1)
    return _PAIR.sub(r"[\1, \2]", text) + "\n"


def _scrub(obj: Any) -> Any:
    """Control characters in texts → spaces, so that a saved plan always loads again."""
    if isinstance(obj, dict):
        return {k: _scrub(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_scrub(v) for v in obj]
    if isinstance(obj, str):
        return _CONTROL.sub(" ", obj)
    return obj


def save(plan: Plan, path: str | os.PathLike, keep_backup: bool = True) -> Path:
    """Write atomically: temp file in the same folder, fsync, rename; the previous file → ``.bak``
    (a shortened name when ``<name>.bak`` would be too long: ``hallplan.io.atomic.backup_path``)."""
    from hallplan.io.atomic import atomic_write

    text = dumps(plan)

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)

    return atomic_write(path, write, backup=keep_backup)


# ----------------------------------------------------------------------------------------------
# decoding

def _loc(parts) -> str:
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + str(p)
    return out


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number a plan may hold")


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def loads(text: str | bytes, path: str | os.PathLike | None = None) -> Plan:
    """Parse and validate a plan document; raises :class:`PlanFileError` (never anything else)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PlanFileError(f"byte {exc.start}", "the file is not UTF-8 text", path) from None
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        line, col = exc.lineno, exc.colno
        raise PlanFileError(f"line {line}, column {col}", f"not valid JSON ({exc.msg})", path) from None
    except (ValueError, RecursionError) as exc:
        raise PlanFileError("", f"not valid JSON ({exc})", path) from None
    try:  # JSON holds control characters only as escapes: walk the texts only when one may be there
        return from_document(doc, scan_texts=_MAY_HOLD_CONTROL.search(text) is not None)
    except PlanFileError as exc:
        exc.path = str(path) if path is not None else None
        raise


def load(path: str | os.PathLike) -> Plan:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise PlanFileError("", f"cannot read the file ({exc.strerror or exc})", path) from None
    return loads(data, path)


def from_document(doc: Any, scan_texts: bool = True) -> Plan:
    if not isinstance(doc, dict):
        raise PlanFileError("", "the file does not hold a hallplan document (expected a JSON object)")
    if doc.get("format") != FORMAT:
        raise PlanFileError("format", f"expected \"{FORMAT}\", found {doc.get('format')!r}: not a hallplan file")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanFileError("version", f"expected a positive whole number, found {version!r}")
    if version > VERSION:
        raise PlanFileError(
            "version",
            f"the file is version {version}, written by a newer hallplan; this one reads up to "
            f"version {VERSION}. Update hallplan to open it (the file was not changed).",
        )
    while version < VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise PlanFileError("version", f"no migration from version {version}")
        doc = step(doc)
        version += 1
    _check_keys(doc, {"format", "version", "plan", "floors"}, "")
    if scan_texts:
        _check_control_characters(doc)
    plan = _decode_plan(doc.get("plan"), doc.get("floors"))
    _semantic_checks(plan)
    return plan


_MAY_HOLD_CONTROL = re.compile(r"\\(?:u00[01][0-9a-fA-F]|u007[fF]|[bf])|\x7f")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _check_control_characters(doc: Any) -> None:
    """Texts go on signs, drawings and reports: a control character (NUL, BEL …) is refused where it is."""
    stack: list[tuple[Any, list]] = [(doc, [])]
    while stack:
        obj, where = stack.pop()
        if isinstance(obj, dict):
            stack.extend((v, [*where, k]) for k, v in obj.items())
        elif isinstance(obj, list):
            stack.extend((v, [*where, i]) for i, v in enumerate(obj))
        elif isinstance(obj, str):
            m = _CONTROL.search(obj)
            if m:
                raise PlanFileError(_loc(where), f"contains the control character U+{ord(m.group()):04X} at "
                                                 f"position {m.start() + 1} of {obj!r}")


_ADAPTERS: dict[Any, TypeAdapter] = {}


def _adapter(tp) -> TypeAdapter:
    ad = _ADAPTERS.get(tp)
    if ad is None:
        ad = _ADAPTERS[tp] = TypeAdapter(tp)
    return ad


def _validate(tp, value, where: list) -> Any:
    _check_dataclass_keys(tp, value, where)
    try:
        return _adapter(tp).validate_python(value)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = list(where) + list(err["loc"])
        msg = err["msg"]
        if err.get("type") == "missing":
            msg = "required field is missing"
        elif "input" in err and not isinstance(err["input"], (dict, list)):
            msg = f"{msg} (found {err['input']!r})"
        raise PlanFileError(_loc(loc), msg) from None
    except (RecursionError, TypeError, ValueError, OverflowError) as exc:
        raise PlanFileError(_loc(where), f"cannot be read ({exc})") from None


def _check_keys(obj: Any, allowed: set[str], where) -> None:
    if isinstance(obj, dict):
        for k in obj:
            if k not in allowed:
                base = where if isinstance(where, str) else _loc(where)
                raise PlanFileError(f"{base}.{k}" if base else str(k), "unknown field")


def _check_dataclass_keys(tp, value, where: list) -> None:
    """pydantic ignores unknown keys on stdlib dataclasses; a typo must not vanish silently."""
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        names = {f.name for f in dataclasses.fields(tp)}
        _check_keys(value, names, where)
        for f in dataclasses.fields(tp):
            sub = value.get(f.name)
            ftype = _FIELD_DATACLASS.get((tp, f.name))
            if ftype is not None and sub is not None:
                if isinstance(sub, list):
                    for i, item in enumerate(sub):
                        _check_dataclass_keys(ftype, item, where + [f.name, i])
                else:
                    _check_dataclass_keys(ftype, sub, where + [f.name])


# nested dataclass fields whose keys we check too (type, field) -> nested dataclass
_FIELD_DATACLASS: dict[tuple[type, str], type] = {}


def _register_nested() -> None:
    from hallplan.model import DemandGroup, Zone

    _FIELD_DATACLASS[(Zone, "polygon")] = Polygon
    _FIELD_DATACLASS[(Demand, "groups")] = DemandGroup


_register_nested()


def _decode_plan(pd: Any, floors_doc: Any) -> Plan:
    if not isinstance(pd, dict):
        raise PlanFileError("plan", "required object is missing")
    _check_keys(pd, set(_PLAN_FIELDS), "plan")
    if "name" not in pd or "level" not in pd:
        raise PlanFileError("plan." + ("name" if "name" not in pd else "level"), "required field is missing")
    kwargs: dict[str, Any] = {}
    scalar = {
        "name": str, "level": HallLevel, "branch": bool, "profile": str, "sprinklers": bool,
        "fire_grade": FireGrade, "crowded": bool, "high_rise": bool, "staff_count": int, "notes": str,
        "service_hours": tuple[ServicePeriod, ...], "demand": Demand,
        "acknowledgements": tuple[Acknowledgement, ...],
    }
    for k, tp in scalar.items():
        if k in pd:
            if tp is tuple[ServicePeriod, ...] and isinstance(pd[k], list):
                for i, item in enumerate(pd[k]):
                    _check_dataclass_keys(ServicePeriod, item, ["plan", k, i])
            if tp is tuple[Acknowledgement, ...] and isinstance(pd[k], list):
                for i, item in enumerate(pd[k]):
                    _check_dataclass_keys(Acknowledgement, item, ["plan", k, i])
            kwargs[k] = _validate(tp, pd[k], ["plan", k])
    plan = Plan(**kwargs)
    if floors_doc is None:
        floors_doc = []
    if not isinstance(floors_doc, list):
        raise PlanFileError("floors", "expected a list of floors")
    for i, fd in enumerate(floors_doc):
        plan.floors.append(_decode_floor(fd, i))
    return plan


_FLOOR_KEYS = {"id", "storey", "name", "height", "outline", *_ENTITY_ATTRS}


def _decode_floor(fd: Any, i: int) -> Floor:
    where = ["floors", i]
    if not isinstance(fd, dict):
        raise PlanFileError(_loc(where), "expected an object describing a floor")
    _check_keys(fd, _FLOOR_KEYS, where)
    for req in ("id", "storey", "outline"):
        if req not in fd:
            raise PlanFileError(_loc(where + [req]), "required field is missing")
    fid = _validate(str, fd["id"], where + ["id"])
    storey = _validate(int, fd["storey"], where + ["storey"])
    outline = _validate(Polygon, fd["outline"], where + ["outline"])
    floor = Floor(
        id=fid, storey=storey, outline=outline,
        name=_validate(str, fd.get("name", ""), where + ["name"]),
        height=_validate(float, fd.get("height", 4.5), where + ["height"]),
    )
    for attr in _ENTITY_ATTRS:
        items = fd.get(attr, [])
        if not isinstance(items, list):
            raise PlanFileError(_loc(where + [attr]), "expected a list")
        cls = _ENTITY_CLASS[attr]
        coll = getattr(floor, attr)
        for j, item in enumerate(items):
            e = _validate(cls, item, where + [attr, j])
            coll[e.id] = e if e.id not in coll else _dup(where + [attr, j, "id"], e.id)
    return floor


def _dup(loc, eid):
    raise PlanFileError(_loc(loc), f"duplicate id {eid!r}")


_POSITIVE = ("width", "depth", "length", "thickness", "height")
MIN_SIZE = 0.001
"""m: the smallest size a plan file holds (sizes are saved to 1 mm: a smaller one would save as 0 and
the file would not load again)."""


def _semantic_checks(plan: Plan) -> None:
    seen_ids: dict[str, str] = {}
    numbers: dict[str, str] = {}
    storeys: dict[int, str] = {}
    for i, f in enumerate(plan.floors):
        fl = f"floors[{i}]"
        if f.id in seen_ids:
            raise PlanFileError(f"{fl}.id", f"duplicate of {seen_ids[f.id]}")
        seen_ids[f.id] = fl
        if f.storey in storeys:
            raise PlanFileError(f"{fl}.storey", f"storey {f.storey} already used by {storeys[f.storey]}")
        storeys[f.storey] = fl
        if not _finite(f.height) or f.height <= 0:
            raise PlanFileError(f"{fl}.height", f"must be a positive number of metres (found {f.height})")
        _check_polygon(f.outline, f"{fl}.outline")
        ox0, oy0, ox1, oy1 = bounds(f.outline.exterior)
        box = (ox0 - _STRAY_M, oy0 - _STRAY_M, ox1 + _STRAY_M, oy1 + _STRAY_M)

        def near(x: float, y: float, box=box) -> bool:
            return box[0] <= x <= box[2] and box[1] <= y <= box[3]

        for attr in _ENTITY_ATTRS:
            for j, e in enumerate(getattr(f, attr).values()):
                el = f"{fl}.{attr}[{j}]"
                if not e.id:
                    raise PlanFileError(f"{el}.id", "must not be empty")
                if e.id in seen_ids:
                    raise PlanFileError(f"{el}.id", f"duplicate of {seen_ids[e.id]}")
                seen_ids[e.id] = el
                for fld in dataclasses.fields(e):
                    v = getattr(e, fld.name)
                    if isinstance(v, float):
                        if not _finite(v):
                            raise PlanFileError(f"{el}.{fld.name}", f"must be a finite number (found {v})")
                        if fld.name in _POSITIVE and not v >= MIN_SIZE:
                            raise PlanFileError(f"{el}.{fld.name}", f"must be at least 0.001 m (found {v})")
                if isinstance(getattr(e, "x", None), float) and isinstance(getattr(e, "y", None), float) \
                        and not near(e.x, e.y):
                    raise PlanFileError(f"{el}", f"stands at ({e.x:.2f}, {e.y:.2f}), more than {_STRAY_M:g} m "
                                                 "outside the floor outline")
                if attr == "zones":
                    _check_polygon(e.polygon, f"{el}.polygon")
                elif attr == "walls":
                    if len(e.points) < 2:
                        raise PlanFileError(f"{el}.points", "a wall needs at least 2 points")
                    for k, (x, y) in enumerate(e.points):
                        if not (_finite(x) and _finite(y)):
                            raise PlanFileError(f"{el}.points[{k}]", "coordinates must be finite numbers")
                        if not near(x, y):
                            raise PlanFileError(f"{el}.points[{k}]", f"({x:.2f}, {y:.2f}) is more than {_STRAY_M:g} m "
                                                                     "outside the floor outline")
                elif attr == "windows":
                    if not e.number.strip():
                        raise PlanFileError(f"{el}.number", "a window needs a number")
                    if e.number in numbers:
                        raise PlanFileError(f"{el}.number", f"duplicate of {numbers[e.number]}")
                    numbers[e.number] = el
                    if e.staff_side not in (-1, 1):
                        raise PlanFileError(f"{el}.staff_side", f"must be -1 or 1 (found {e.staff_side})")
                elif attr == "doors":
                    for name in ("swing_side", "outside_side"):
                        if getattr(e, name) not in (-1, 1):
                            raise PlanFileError(f"{el}.{name}", f"must be -1 or 1 (found {getattr(e, name)})")
                elif attr == "furniture" and e.seats < 0:
                    raise PlanFileError(f"{el}.seats", f"must not be negative (found {e.seats})")


# an entity this far outside its floor's outline is a stray (a typo, a unit error): refused with its place,
# since "zoom to fit" would shrink the hall to a dot and every distance would be meaningless
_STRAY_M = 1000.0


def _finite(v: float) -> bool:
    return isinstance(v, (int, float)) and math.isfinite(v)


_REASON_AT = re.compile(r"^(?P<what>[^\[]+)\[(?P<x>[-\d.eE+]+) (?P<y>[-\d.eE+]+)\]")


def _check_polygon(poly: Polygon, where: str) -> None:
    rings = [("exterior", poly.exterior)] + [(f"holes[{k}]", h) for k, h in enumerate(poly.holes)]
    for name, ring in rings:
        if len(ring) < 3:
            raise PlanFileError(f"{where}.{name}", f"a ring needs at least 3 points (found {len(ring)})")
        for k, (x, y) in enumerate(ring):
            if not (_finite(x) and _finite(y)):
                raise PlanFileError(f"{where}.{name}[{k}]", "coordinates must be finite numbers")
            if abs(x) > 1e6 or abs(y) > 1e6:
                raise PlanFileError(f"{where}.{name}[{k}]", f"coordinate ({x}, {y}) is more than 1000 km from the origin")
    try:
        geom = shapely.Polygon(poly.exterior, [list(h) for h in poly.holes])
    except (ValueError, TypeError, shapely.errors.GEOSException) as exc:
        raise PlanFileError(where, f"not a polygon ({exc})") from None
    if not geom.is_valid:
        reason = shapely.is_valid_reason(geom)
        m = _REASON_AT.match(reason)
        if m:
            what = m.group("what").strip().lower()
            what = {"self-intersection": "ring self-intersects", "ring self-intersection": "ring self-intersects",
                    "hole lies outside shell": "a hole lies outside the outer ring",
                    "nested holes": "holes are nested", "interior is disconnected": "holes split the polygon",
                    "too few points": "too few distinct points"}.get(what, what)
            part = ".exterior" if "self-intersect" in what else ""
            raise PlanFileError(f"{where}{part}", f"{what} near ({float(m.group('x')):.2f}, {float(m.group('y')):.2f})")
        raise PlanFileError(where, f"invalid polygon ({reason})")
    if geom.area <= 1e-9:
        raise PlanFileError(where, "the polygon has no area (points on one line or repeated)")
