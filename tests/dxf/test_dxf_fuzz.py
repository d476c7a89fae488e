"""Fuzzing the DXF import: garbage, truncated and corrupted files and random entities must end in a
plan that saves and loads, or a :class:`DxfImportError` with a message — never anything else."""

from __future__ import annotations

import io
import math

import ezdxf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hallplan.io.dxf_import import DxfImportError, ImportOptions, import_dxf
from hallplan.io.dxf_synth import Synth, architect_drawing
from hallplan.io.planfile import dumps, loads

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)
FUZZ_SLOW = settings(FUZZ, max_examples=20)
OPTS = ImportOptions(lang="en", units="mm")


def _small() -> bytes:
    doc = architect_drawing(Synth(nx=2, ny=1, dims=False, outline_layer="OUTLINE", setup=False))
    buf = io.StringIO()
    doc.write(buf)
    return buf.getvalue().encode("utf-8")


SMALL = _small()
LINES = SMALL.split(b"\n")


def _check(data: bytes, opts: ImportOptions = OPTS) -> None:
    try:
        res = import_dxf(data, opts)
    except DxfImportError as exc:
        msg = str(exc)
        assert msg and "Traceback" not in msg
        return
    # whatever came through is a whole, valid plan
    again = loads(dumps(res.plan))
    assert again.floors and all(f.outline.area > 0 for f in again.floors)


def test_the_seed_drawing_imports():
    res = import_dxf(SMALL, OPTS)
    assert res.plan.floors[0].walls


@FUZZ
@given(st.binary(min_size=0, max_size=4000))
def test_random_bytes(data):
    _check(data)


@FUZZ
@given(st.integers(min_value=0, max_value=len(SMALL)))
def test_truncated_anywhere(n):
    _check(SMALL[:n])


@FUZZ_SLOW
@given(st.lists(st.tuples(st.integers(0, len(SMALL) - 1), st.integers(0, 255)), min_size=1, max_size=30))
def test_flipped_bytes(flips):
    b = bytearray(SMALL)
    for pos, val in flips:
        b[pos] = val
    _check(bytes(b))


@FUZZ_SLOW
@given(st.lists(st.tuples(st.sampled_from(["drop", "dup", "swap", "junk"]), st.integers(0, len(LINES) - 1),
                          st.text(max_size=12)), min_size=1, max_size=12))
def test_corrupted_lines(edits):
    lines = list(LINES)
    for op, i, junk in edits:
        i %= len(lines)
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "junk":
            lines[i] = junk.encode("utf-8", "replace")
        if not lines:
            lines = [b""]
    _check(b"\n".join(lines))


coord = st.floats(min_value=-1e5, max_value=1e5, allow_nan=False, allow_infinity=False)
point = st.tuples(coord, coord)
layers = st.sampled_from(["WALL", "墙体", "COLUMN", "柱", "OUTLINE", "ROOM", "0", "DIM"])

entity = st.one_of(
    st.tuples(st.just("line"), layers, point, point),
    st.tuples(st.just("poly"), layers, st.lists(point, min_size=2, max_size=8), st.booleans()),
    st.tuples(st.just("bulge"), layers, st.lists(st.tuples(coord, coord, st.floats(-3, 3)), min_size=2, max_size=6),
              st.booleans()),
    st.tuples(st.just("circle"), layers, point, st.floats(0.0, 5e4)),
    st.tuples(st.just("arc"), layers, point, st.floats(0.0, 5e4), st.floats(-720, 720), st.floats(-720, 720)),
    st.tuples(st.just("insert"), layers, point, st.floats(-10, 10), st.floats(-10, 10), st.floats(-360, 360)),
    st.tuples(st.just("hatch"), layers, st.lists(point, min_size=3, max_size=6)),
    st.tuples(st.just("text"), layers, point, st.text(max_size=10)),
)


@settings(FUZZ, max_examples=12)
@given(st.lists(entity, min_size=0, max_size=25), st.sampled_from([0, 4, 5, 6]), st.booleans())
def test_random_entities(ents, insunits, nested):
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = insunits
    msp = doc.modelspace()
    blk = doc.blocks.new("B")
    blk.add_lwpolyline([(0, 0), (1000, 0), (1000, 1000), (0, 1000)], close=True)
    blk.add_circle((0, 0), 300)
    if nested:
        outer = doc.blocks.new("B2")
        outer.add_blockref("B", (500, 500), dxfattribs={"xscale": 2, "yscale": -1, "rotation": 30})
    for e in ents:
        kind, layer = e[0], e[1]
        a = {"layer": layer}
        if kind == "line":
            msp.add_line(e[2], e[3], dxfattribs=a)
        elif kind == "poly":
            msp.add_lwpolyline(e[2], close=e[3], dxfattribs=a)
        elif kind == "bulge":
            msp.add_lwpolyline([(x, y, 0, 0, b) for x, y, b in e[2]], format="xyseb", close=e[3], dxfattribs=a)
        elif kind == "circle":
            msp.add_circle(e[2], e[3], dxfattribs=a)
        elif kind == "arc":
            msp.add_arc(e[2], e[3], e[4], e[5], dxfattribs=a)
        elif kind == "insert":
            name = "B2" if nested else "B"
            msp.add_blockref(name, e[2], dxfattribs={**a, "xscale": e[3] or 1.0, "yscale": e[4] or 1.0,
                                                      "rotation": e[5]})
        elif kind == "hatch":
            h = msp.add_hatch(dxfattribs=a)
            h.paths.add_polyline_path(e[2], is_closed=True)
        elif kind == "text":
            msp.add_text(e[3], dxfattribs=a).set_placement(e[2])
    buf = io.StringIO()
    doc.write(buf)
    data = buf.getvalue().encode("utf-8")
    _check(data, ImportOptions(lang="en"))
    _check(data, ImportOptions(lang="en", units="cm", tolerance=0.5))


def test_a_closed_random_square_imports():
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 4
    doc.modelspace().add_lwpolyline([(0, 0), (8000, 0), (8000, 6000), (0, 6000)], close=True,
                                    dxfattribs={"layer": "OUTLINE"})
    buf = io.StringIO()
    doc.write(buf)
    res = import_dxf(buf.getvalue().encode(), ImportOptions(lang="en"))
    assert math.isclose(res.plan.floors[0].area, 48.0)
