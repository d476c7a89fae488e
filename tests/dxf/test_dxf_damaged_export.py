"""A hallplan export whose entity type names are damaged (fuzz-found): the XDATA read-back skips or refuses
the damaged entity with a message, never an ezdxf AttributeError."""

from __future__ import annotations

import pytest

from hallplan.io import dxf_import
from hallplan.io.dxf_import import DxfImportError, ImportOptions, import_dxf
from hallplan.io.planfile import dumps, loads

OPTS = ImportOptions(lang="en", units="mm")


@pytest.mark.parametrize("new", ["INSER", "LINE", "LWPOLYLINE", "0"])
@pytest.mark.parametrize("which", [0, 5, -1])
def test_damaged_entity_type_in_an_export(exported, new, which):
    _, path = exported["village_station"]
    text = path.read_bytes()
    head, sep, body = text.partition(b"ENTITIES")
    parts = body.split(b"\nINSERT\r\n") if b"\r\n" in body else body.split(b"\nINSERT\n")
    assert len(parts) > 6
    nl = b"\r\n" if b"\r\n" in body else b"\n"
    k = which % (len(parts) - 1)
    body = (b"\nINSERT" + nl).join(parts[: k + 1]) + b"\n" + new.encode() + nl + (b"\nINSERT" + nl).join(parts[k + 1:])
    try:
        res = import_dxf(head + sep + body, OPTS)
    except DxfImportError as exc:
        assert str(exc) and "Traceback" not in str(exc)
        return
    assert loads(dumps(res.plan)).floors


def test_unexpected_error_while_building_is_a_dxf_import_error(exported, monkeypatch):
    _, path = exported["village_station"]

    def boom(*a, **k):
        raise AttributeError('Invalid DXF attribute "insert" for entity LINE')

    monkeypatch.setattr(dxf_import, "_from_hallplan", boom)
    with pytest.raises(DxfImportError, match="cannot read this DXF: Invalid DXF attribute"):
        import_dxf(path, OPTS)


def test_huge_circle_and_line_are_skipped_not_flattened_forever():
    """A 1e300 mm circle used to be flattened to 2 mm chords: the import never finished (fuzz-found)."""
    import io
    import signal

    import ezdxf

    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (20000, 0), (20000, 10000), (0, 10000)], close=True, dxfattribs={"layer": "WALL"})
    msp.add_line((0, 0), (1e300, 1e300), dxfattribs={"layer": "WALL"})
    msp.add_circle((1e300, 0), 1e300, dxfattribs={"layer": "WALL"})
    msp.add_arc((0, 0), 1e12, 0, 90, dxfattribs={"layer": "WALL"})
    buf = io.StringIO()
    doc.write(buf)
    old = signal.signal(signal.SIGALRM, lambda *a: (_ for _ in ()).throw(TimeoutError("import hangs")))
    signal.alarm(30)
    try:
        res = import_dxf(buf.getvalue().encode(), OPTS)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert res.plan.floors[0].outline.area == pytest.approx(200.0)
    skipped = dict(res.report.skipped)
    assert skipped["LINE (bad coordinates)"] == 1 and skipped["CIRCLE (bad coordinates)"] == 1
    assert skipped["ARC (bad coordinates)"] == 1


def test_control_characters_in_room_texts_do_not_spoil_the_import():
    """The plan file refuses control characters; texts read from a drawing have them replaced."""
    import io

    import ezdxf

    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 4
    m = doc.modelspace()
    m.add_lwpolyline([(0, 0), (20000, 0), (20000, 10000), (0, 10000)], close=True, dxfattribs={"layer": "WALL"})
    m.add_lwpolyline([(0, 0), (10000, 0), (10000, 10000), (0, 10000)], close=True, dxfattribs={"layer": "ROOM"})
    m.add_text("等候\x01区\x1b", dxfattribs={"layer": "ROOM"}).set_placement((5000, 5000))
    buf = io.StringIO()
    doc.write(buf)
    res = import_dxf(buf.getvalue().encode(), OPTS)
    names = [z.name for f in res.plan.floors for z in f.zones.values()]
    assert names and not any(ch < " " for n in names for ch in n)
