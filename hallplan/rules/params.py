"""Parameter converters for rule packs: each turns a raw TOML value into a frozen Python value or
raises :class:`ValueError` with a short reason (the pack loader adds file, rule and field)."""

from __future__ import annotations

import re
from typing import Any

from hallplan.model.kinds import FurnitureKind, HallLevel, WindowKind, ZoneKind


def _num(v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise ValueError(f"expected a number, got {v!r}")
    return float(v)


def _int(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise ValueError(f"expected an integer, got {v!r}")
    return v


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueError(f"expected true or false, got {v!r}")
    return v


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError(f"expected a string, got {v!r}")
    return v


def _enum(enum_cls):
    def conv(v: Any):
        try:
            return enum_cls(_str(v))
        except ValueError:
            raise ValueError(f"unknown {enum_cls.__name__} {v!r}") from None

    return conv


def _list(conv):
    def c(v: Any) -> tuple:
        if not isinstance(v, list):
            raise ValueError(f"expected a list, got {v!r}")
        return tuple(conv(x) for x in v)

    return c


def _groups(enum_cls):
    """A list of alternatives: each item is a kind or "a|b" (any of) → tuple of tuples."""
    conv = _enum(enum_cls)

    def c(v: Any) -> tuple[tuple, ...]:
        if not isinstance(v, list) or not v:
            raise ValueError(f"expected a non-empty list, got {v!r}")
        out = []
        for item in v:
            parts = item if isinstance(item, list) else _str(item).split("|")
            out.append(tuple(conv(p.strip() if isinstance(p, str) else p) for p in parts))
        return tuple(out)

    return c


def _range(v: Any) -> tuple[float, float]:
    if not isinstance(v, list) or len(v) != 2:
        raise ValueError(f"expected [min, max], got {v!r}")
    lo, hi = _num(v[0]), _num(v[1])
    if lo > hi:
        raise ValueError(f"min {lo} > max {hi}")
    return (lo, hi)


def _level_map(conv):
    def c(v: Any) -> tuple[tuple[HallLevel, Any], ...]:
        if not isinstance(v, dict):
            raise ValueError(f"expected a table of level = value, got {v!r}")
        return tuple(sorted(((_enum(HallLevel)(k), conv(x)) for k, x in v.items()), key=lambda kv: kv[0].value))

    return c


def _regex(v: Any) -> str:
    s = _str(v)
    try:
        re.compile(s)
    except re.error as exc:
        raise ValueError(f"bad regular expression {s!r}: {exc}") from None
    return s


CONVERTERS = {
    "float": _num,
    "positive": lambda v: _positive(_num(v)),
    "int": _int,
    "bool": _bool,
    "str": _str,
    "regex": _regex,
    "range": _range,
    "str_list": _list(_str),
    "zone_kind": _enum(ZoneKind),
    "zone_kinds": _list(_enum(ZoneKind)),
    "zone_groups": _groups(ZoneKind),
    "window_kinds": _list(_enum(WindowKind)),
    "window_groups": _groups(WindowKind),
    "furniture_kind": _enum(FurnitureKind),
    "furniture_kinds": _list(_enum(FurnitureKind)),
    "level_floats": _level_map(_num),
    "level_regexes": _level_map(_regex),
    "level_strs": _level_map(_str),
    "regexes": _list(_regex),
}


def _positive(x: float) -> float:
    if x <= 0:
        raise ValueError(f"expected a positive number, got {x}")
    return x
