"""Typed coordinates while drawing, as in CAD.

Forms (a comma may be full-width ``，``, ``<`` may be ``＜``):

* ``x,y`` – an absolute point;
* ``@dx,dy`` – relative to the last point;
* ``L`` – a length along the current cursor direction from the last point (direct distance entry);
* ``L<a`` or ``@L<a`` – polar: length ``L`` at ``a`` degrees (counter-clockwise from +x) from the
  last point.

>>> parse_point("3,4", None, None)
(3.0, 4.0)
>>> parse_point("@1,-2", (10, 10), None)
(11.0, 8.0)
>>> parse_point("5", (0, 0), (1, 0))
(5.0, 0.0)
>>> tuple(round(v, 6) for v in parse_point("2<90", (1, 1), None))
(1.0, 3.0)
"""

from __future__ import annotations

import math
import re

from .geom2d import Point

_TRANS = str.maketrans({"，": ",", "＜": "<", "＠": "@", "－": "-", "．": ".", "　": " ", ";": ","})
_NUM = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_XY = re.compile(rf"^(@?)\s*({_NUM})\s*[, ]\s*({_NUM})$")
_POLAR = re.compile(rf"^@?\s*({_NUM})\s*<\s*({_NUM})$")
_LEN = re.compile(rf"^({_NUM})$")


MAX_COORD = 100_000.0  # metres: a typed point beyond 100 km (or inf, 1e999) is a typing slip


class CoordError(ValueError):
    pass


def normalise(text: str) -> str:
    return text.translate(_TRANS).strip()


def parse_point(text: str, last: Point | None, cursor: Point | None) -> Point:
    """The point ``text`` names; :class:`CoordError` for nonsense, inf or a point beyond
    ``MAX_COORD`` (it would break the spatial index and the view)."""
    p = _parse_point(text, last, cursor)
    if not all(math.isfinite(v) and abs(v) <= MAX_COORD for v in p):
        raise CoordError(f"out of range: {text!r}")
    return p


def _parse_point(text: str, last: Point | None, cursor: Point | None) -> Point:
    t = normalise(text)
    m = _XY.match(t)
    if m:
        x, y = float(m.group(2)), float(m.group(3))
        if m.group(1):
            if last is None:
                raise CoordError("relative coordinates need a previous point")
            return (last[0] + x, last[1] + y)
        return (x, y)
    m = _POLAR.match(t)
    if m:
        if last is None:
            raise CoordError("a polar coordinate needs a previous point")
        L, a = float(m.group(1)), math.radians(float(m.group(2)))
        return (last[0] + L * math.cos(a), last[1] + L * math.sin(a))
    m = _LEN.match(t)
    if m:
        if last is None:
            raise CoordError("a length needs a previous point")
        L = float(m.group(1))
        if cursor is None:
            dx, dy = 1.0, 0.0
        else:
            dx, dy = cursor[0] - last[0], cursor[1] - last[1]
            n = math.hypot(dx, dy)
            dx, dy = (1.0, 0.0) if n < 1e-9 else (dx / n, dy / n)
        return (last[0] + L * dx, last[1] + L * dy)
    raise CoordError(f"not a coordinate: {text!r}")


def parse_offset(text: str) -> Point:
    """``dx,dy`` or ``@dx,dy`` (a move by an exact offset) or ``L<a``.

    >>> parse_offset("@1.5,0")
    (1.5, 0.0)
    """
    return parse_point(text if normalise(text).startswith("@") else "@" + normalise(text), (0.0, 0.0), None)
