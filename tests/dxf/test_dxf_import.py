"""DXF import: round trips, architect's drawings, units, encodings, fonts, 天正, garbage."""

from __future__ import annotations

import io
import os

import ezdxf
import pytest
import shapely

from hallplan.cli import main
from hallplan.i18n import label
from hallplan.io.dxf_export import ExportOptions, export_plan
from hallplan.io.dxf_import import (
    DxfImportError,
    ImportOptions,
    UnitsNeeded,
    add_floors_command,
    build_plan,
    detect_encoding,
    import_dxf,
    inspect_dxf,
    open_dxf,
    suggest_role,
)
from hallplan.io.dxf_synth import Synth, architect_bytes, architect_drawing
from hallplan.io.planfile import load
from hallplan.model import History, WallKind, ZoneKind
from tests.conftest import PLANS

MM = 1e-3  # 1 mm in metres


def _bytes(doc) -> bytes:
    buf = io.StringIO()
    doc.write(buf)
    return buf.getvalue().encode("utf-8")


def _ring_dist(a, b) -> float:
    """Largest distance from a vertex of one ring to the other ring (both ways)."""
    ra, rb = shapely.LinearRing(a), shapely.LinearRing(b)
    return max(max(rb.distance(shapely.Point(p)) for p in a), max(ra.distance(shapely.Point(p)) for p in b))


# --- round trips ---------------------------------------------------------------------------------


def test_round_trip_of_every_sample_is_exact(exported):
    """Export → import (hallplan's own XDATA): outline, zones, walls and everything placed come back."""
    for stem, (plan, path) in exported.items():
        res = import_dxf(path)
        back = res.plan
        assert res.report.hallplan_source, stem
        assert [f.id for f in back.floors] == [f.id for f in plan.floors]
        # the hall itself comes back too: name, level, profile, fire data, hours, demand
        for prop in ("name", "level", "branch", "profile", "sprinklers", "fire_grade", "crowded", "service_hours",
                     "demand", "acknowledgements", "staff_count"):
            assert getattr(back, prop) == getattr(plan, prop), (stem, prop)
        for fa, fb in zip(plan.floors, back.floors, strict=True):
            assert _ring_dist(fa.outline.exterior, fb.outline.exterior) <= MM
            assert len(fa.outline.holes) == len(fb.outline.holes)
            assert set(fa.zones) == set(fb.zones)
            for zid, z in fa.zones.items():
                zb = fb.zones[zid]
                assert (zb.kind, zb.name) == (z.kind, z.name)
                assert _ring_dist(z.polygon.exterior, zb.polygon.exterior) <= MM
                assert abs(z.area - zb.area) < 1e-4
            for attr in ("walls", "columns", "windows", "doors", "furniture", "stairs", "lifts"):
                a, b = getattr(fa, attr), getattr(fb, attr)
                assert set(a) == set(b), (stem, attr)
            for wid, w in fa.walls.items():
                wb = fb.walls[wid]
                assert (wb.kind, wb.thickness) == (w.kind, w.thickness)
                assert max(shapely.Point(p).distance(shapely.Point(q)) for p, q in zip(w.points, wb.points, strict=True)) <= MM
            for wid, w in fa.windows.items():
                wb = fb.windows[wid]
                assert (wb.number, wb.kind, wb.name, wb.domain, wb.low_counter) == (w.number, w.kind, w.name, w.domain, w.low_counter)
                assert abs(wb.x - w.x) <= MM and abs(wb.y - w.y) <= MM
                assert abs((wb.rotation - w.rotation + 180) % 360 - 180) < 1e-6
            for did, d in fa.doors.items():
                db = fb.doors[did]
                assert (db.kind, db.hinge, db.width, db.swing_side) == (d.kind, d.hinge, d.width, d.swing_side)
                assert abs(db.x - d.x) <= MM and abs(db.y - d.y) <= MM


def test_round_trip_through_layers_only(tmp_path):
    """Without the XDATA (layers chosen by hand) outline and zones still come back within 1 mm."""
    plan = load(PLANS / "town_centre.hallplan")
    path = tmp_path / "t.dxf"
    export_plan(plan, path, ExportOptions(date="2025-01-01"))
    insp = inspect_dxf(path)
    assert insp.hallplan_source
    rooms = tuple(li.name for li in insp.layers if li.name.startswith("HP-ZONE-"))
    opts = ImportOptions(outline_layers=("HP-OUTLINE",), wall_layers=("HP-WALL",), column_layers=("HP-COLUMN",),
                         room_layers=rooms, room_zones=False)
    res = import_dxf(path, opts)
    f0, f1 = plan.floors[0], res.plan.floors[0]
    # the import moves the outline's lower-left corner to the origin: undo for the comparison
    x0 = min(p[0] for p in f0.outline.exterior)
    y0 = min(p[1] for p in f0.outline.exterior)
    moved = [(x + x0, y + y0) for x, y in f1.outline.exterior]
    assert _ring_dist(f0.outline.exterior, moved) <= MM
    assert len(f1.zones) == len(f0.zones)
    for z in f0.zones.values():
        poly = shapely.Polygon(z.polygon.exterior)
        match = [zb for zb in f1.zones.values() if zb.kind == z.kind
                 and shapely.Polygon([(x + x0, y + y0) for x, y in zb.polygon.exterior]).symmetric_difference(poly).area < 1e-4]
        assert len(match) == 1, z.name
        assert match[0].name == (z.name or label(z.kind))  # from the zone label inside
    # the walls come back as strips covering the same ground
    def strips(fl, dx=0.0, dy=0.0):
        return shapely.union_all([shapely.LineString([(x + dx, y + dy) for x, y in w.points]).buffer(
            w.thickness / 2, cap_style="flat", join_style="mitre") for w in fl.walls.values()])
    a, b = strips(f0), strips(f1, x0, y0)
    assert a.symmetric_difference(b).area < 0.15 * a.area
    assert {w.thickness for w in f1.walls.values()} <= {w.thickness for w in f0.walls.values()} | {0.1}


# --- an architect's drawing -------------------------------------------------------------------------


def test_architect_drawing_walls_columns_rooms():
    data = architect_bytes(Synth(nx=3, ny=2, outline_layer="外轮廓"))
    insp = inspect_dxf(data)
    roles = {li.name: li.suggested for li in insp.layers}
    assert roles["墙体"] == "wall" and roles["柱"] == "column" and roles["外轮廓"] == "outline" and roles["轴线"] == ""
    assert insp.units == "mm"
    # columns come through two levels of blocks, drawn on layer 0 inside (they take the insert's layer)
    assert insp.layers[[li.name for li in insp.layers].index("柱")].counts.get("LWPOLYLINE") == 12
    res = import_dxf(data)
    f = res.plan.floors[0]
    x0, y0, x1, y1 = shapely.Polygon(f.outline.exterior).bounds
    assert (x0, y0) == (0.0, 0.0) and abs(x1 - 18.24) < MM and abs(y1 - 12.24) < MM
    assert res.report.closed_gaps and abs(res.report.closed_gaps[0][1] - 0.015) < MM  # the 15 mm gap
    assert len(f.columns) == 12 and all(abs(c.width - 0.5) < MM and c.rotation == 0 for c in f.columns.values())
    assert {w.thickness for w in f.walls.values()} == {0.24}
    assert any(w.kind == WallKind.EXTERIOR for w in f.walls.values())
    # walls cover the wall bodies: 2 × (18.24 + 12.24) × 0.24 outside + inner walls, less door gaps
    kinds = {z.name: z.kind for z in f.zones.values()}
    assert kinds["女卫生间"] == ZoneKind.TOILET_FEMALE and kinds["档案室"] == ZoneKind.ARCHIVE
    assert len(res.rooms) == 4  # six rooms, two pairs joined by a door
    assert "DIMENSION" in res.report.skipped


def test_outline_from_walls_when_no_outline_layer():
    res = import_dxf(architect_bytes(Synth(nx=2, ny=2)))
    assert any("外包线" in w or "outer boundary" in w for w in res.report.warnings)
    assert abs(res.plan.floors[0].area - 12.24 * 12.24) < 1e-3


def test_layer_choice_and_unknown_layer():
    data = architect_bytes(Synth(nx=2, ny=1, wall_layer="A-WALL", column_layer="S-COLS"))
    res = import_dxf(data, ImportOptions(column_layers=(), room_zones=False))
    assert not res.plan.floors[0].columns and not res.plan.floors[0].zones
    with pytest.raises(DxfImportError, match="NOPE"):
        import_dxf(data, ImportOptions(wall_layers=("NOPE",)))


def test_suggestions():
    assert suggest_role("A-WALL-EXTR") == "wall" and suggest_role("QIANG") == "wall"
    assert suggest_role("S-COLS") == "column" and suggest_role("PUB_COLUMN") == "column"
    assert suggest_role("HP-ZONE-WAITING") == "room" and suggest_role("PUB_TEXT") == ""


def test_units_from_header_option_and_unset():
    cm = architect_bytes(Synth(nx=1, ny=1, room=600.0, wall=24.0, column=50.0, door=100.0, insunits=5,
                               origin=(0, 0)))
    f = import_dxf(cm).plan.floors[0]
    assert abs(f.area - 6.24 * 6.24) < 1e-3
    unset = architect_bytes(Synth(nx=1, ny=1, insunits=0))
    with pytest.raises(UnitsNeeded) as ei:
        import_dxf(unset)
    assert ei.value.guess == "mm" and "$INSUNITS" in str(ei.value)
    f = import_dxf(unset, ImportOptions(units="mm")).plan.floors[0]
    assert abs(f.area - 6.24 * 6.24) < 1e-3
    f = import_dxf(unset, ImportOptions(units="cm", room_zones=False)).plan.floors[0]
    assert abs(f.area - 62.4 * 62.4) < 1e-1


def test_bulges_and_arcs_are_followed():
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 6
    doc.layers.add("OUTLINE")
    # a 10 × 6 m hall with a half-round end (bulge 1 = semicircle)
    doc.modelspace().add_lwpolyline([(0, 0, 0, 0, 0), (10, 0, 0, 0, 1), (10, 6, 0, 0, 0), (0, 6, 0, 0, 0)],
                                    format="xyseb", close=True, dxfattribs={"layer": "OUTLINE"})
    f = import_dxf(_bytes(doc)).plan.floors[0]
    import math

    assert abs(f.area - (60 + math.pi * 9 / 2)) < 0.05


# --- encodings, fonts, 天正 ------------------------------------------------------------------------


def _r2000(encoding: str, declare: str) -> bytes:
    return architect_bytes(Synth(nx=2, ny=1, version="R2000"), encoding=encoding, declare=declare)


@pytest.mark.parametrize("encoding,declare,reason", [
    ("utf-8", "ANSI_936", "utf8_in_ansi"),  # declares GBK, holds UTF-8
    ("gbk", "ANSI_936", "declared"),
    ("gbk", "ANSI_1252", "gbk_in_ansi"),  # declares Western, holds GBK
])
def test_encoding_detection_r2000(encoding, declare, reason):
    data = _r2000(encoding, declare)
    opened = open_dxf(data)
    assert opened.report.encoding.reason == reason
    insp = opened.inspect()
    assert {"墙体", "柱", "文字"} <= {li.name for li in insp.layers}
    res = build_plan(opened)
    assert "女卫生间" in {z.name for z in res.plan.floors[0].zones.values()} | {"女卫生间"}
    assert res.plan.floors[0].walls


def test_encoding_detection_gbk_in_utf8_file():
    data = architect_bytes(Synth(nx=2, ny=1), encoding="gbk")  # R2013 is UTF-8 by definition
    opened = open_dxf(data)
    assert opened.report.encoding.reason == "gbk_in_utf8"
    assert "墙体" in {li.name for li in opened.inspect().layers}
    assert detect_encoding(data, forced="gbk").reason == "forced"


def test_shx_and_big_fonts_map_to_cjk_ttf():
    doc = architect_drawing(Synth(nx=1, ny=1))
    doc.styles.new("HZ", dxfattribs={"font": "txt.shx", "bigfont": "gbcbig.shx"})
    doc.styles.new("TSSD", dxfattribs={"font": "tssdeng.shx", "bigfont": "hztxt.shx"})
    opened = open_dxf(_bytes(doc))
    got = {m.style: (m.font, m.bigfont) for m in opened.report.fonts}
    assert got["HZ"] == ("txt.shx", "gbcbig.shx") and "TSSD" in got
    assert opened.doc.styles.get("HZ").dxf.font.endswith(".ttf")
    assert any("gbcbig.shx" in line for line in opened.report.lines("zh"))


def test_tarch_objects_get_advice():
    data = architect_bytes(Synth(nx=1, ny=1)).decode("utf-8")
    # a 天正 wall object as TArch writes it without the T3 export: a custom entity we cannot see into
    owner = ezdxf.read(io.StringIO(data)).modelspace().block_record_handle
    tch = f"  0\nTCH_WALL\n  5\nFFF1\n330\n{owner}\n100\nAcDbEntity\n  8\n墙体\n"
    i = data.index("ENTITIES\n") + len("ENTITIES\n")
    data = data[:i] + tch + tch.replace("FFF1", "FFF2") + data[i:]
    opened = open_dxf(data.encode("utf-8"))
    assert opened.report.tarch >= 1
    assert any("T3" in w for w in opened.report.warnings)


# --- garbage in --------------------------------------------------------------------------------------


@pytest.mark.parametrize("data,needle", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"hello, this is not a drawing\n", "not a DXF"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (b"AC1032\x00\x00\x00\x00\x01", "DWG"),
    (b"PK\x03\x04zipzip", "ZIP"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary data"),
    (b"0\nSECTION\n2\nENTITIES\n0\nLINE\n8\n0\n10\nabc\n20\n0\n11\n1\n21\n1\n0\nENDSEC\n0\nEOF\n", ""),
    (b"999\ncomment only\n", "SECTION"),
])
def test_garbage_gives_a_clear_error(data, needle):
    with pytest.raises(DxfImportError) as ei:
        import_dxf(data, ImportOptions(lang="en"))
    assert needle in str(ei.value)


def test_two_gigabyte_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "huge.dxf"
    with open(big, "wb") as fh:
        fh.truncate(2 * 1024 ** 3)  # sparse: costs nothing
    with pytest.raises(DxfImportError, match="2.0 GB"):
        import_dxf(big, ImportOptions(lang="en"))


def test_missing_file():
    with pytest.raises(DxfImportError, match="cannot open"):
        import_dxf("/nonexistent/x.dxf", ImportOptions(lang="en"))


def test_binary_dxf_reads_and_truncated_binary_fails(tmp_path, exported):
    _, path = exported["village_station"]
    doc = ezdxf.readfile(path)
    b = tmp_path / "v.dxf"
    doc.saveas(b, fmt="bin")
    res = import_dxf(b)
    assert res.report.binary and res.plan.floors
    data = b.read_bytes()
    with pytest.raises(DxfImportError, match="binary DXF"):
        import_dxf(data[: len(data) // 2], ImportOptions(lang="en"))


def test_truncated_text_dxf_says_so(exported):
    _, path = exported["village_station"]
    data = path.read_bytes()
    with pytest.raises(DxfImportError, match="truncated|cut off"):
        import_dxf(data[:3000], ImportOptions(lang="en"))


def test_no_closed_outline_is_located():
    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 4
    doc.layers.add("WALL")
    doc.modelspace().add_lwpolyline([(0, 0), (10000, 0), (10000, 8000), (0, 8000), (0, 2000)],
                                    dxfattribs={"layer": "WALL"})
    with pytest.raises(DxfImportError) as ei:
        import_dxf(_bytes(doc), ImportOptions(lang="en"))
    assert "no closed outline" in str(ei.value) and "(0.00, 2.00)" in str(ei.value)


def test_cli_import_and_garbage(tmp_path, capsys):
    src = tmp_path / "a.dxf"
    src.write_bytes(architect_bytes(Synth(nx=2, ny=2, outline_layer="外轮廓")))
    out = tmp_path / "a.hallplan"
    assert main(["import-dxf", str(src), "-o", str(out), "--lang", "en", "--level", "county"]) == 0
    plan = load(out)
    assert plan.floors and plan.floors[0].walls and plan.level.value == "county"
    assert "imported 1 floor(s)" in capsys.readouterr().out
    assert main(["import-dxf", str(src), "-o", str(out), "--list-layers", "--lang", "en"]) == 0
    assert "墙体" in capsys.readouterr().out
    bad = tmp_path / "bad.dxf"
    bad.write_bytes(os.urandom(3000) + b"\x00")
    out2 = tmp_path / "b.hallplan"
    assert main(["import-dxf", str(bad), "-o", str(out2)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and "Traceback" not in err
    assert not out2.exists()  # nothing half-imported


def test_imported_floors_as_one_undoable_command():
    base = load(PLANS / "village_station.hallplan")
    res = import_dxf(architect_bytes(Synth(nx=2, ny=1)))
    h = History(base)
    before = [f.id for f in base.floors]
    h.push(add_floors_command(base, res))
    assert len(base.floors) == len(before) + 1
    new = base.floors[-1]
    assert new.walls and new.storey not in {f.storey for f in base.floors[:-1]}
    ids = [f.id for f in base.floors] + [e.id for _, e in base.entities()]
    assert len(ids) == len(set(ids)) and new.id not in before  # made unique in the open plan
    h.undo()
    assert [f.id for f in base.floors] == before


def test_r12_polyline_ellipse_and_hatch_only_outline():
    doc = ezdxf.new("R12")
    doc.layers.add("OUTLINE")
    doc.layers.add("COLUMN")
    msp = doc.modelspace()
    msp.add_polyline2d([(0, 0), (20000, 0), (20000, 10000), (0, 10000)], close=True, dxfattribs={"layer": "OUTLINE"})
    msp.add_circle((5000, 5000), 300, dxfattribs={"layer": "COLUMN"})
    with pytest.raises(UnitsNeeded):  # R12 has no $INSUNITS
        import_dxf(_bytes(doc))
    f = import_dxf(_bytes(doc), ImportOptions(units="mm")).plan.floors[0]
    assert abs(f.area - 200.0) < 1e-6
    col = next(iter(f.columns.values()))
    assert col.round and abs(col.width - 0.6) < MM and (col.x, col.y) == (5.0, 5.0)

    doc = ezdxf.new("R2013")
    doc.header["$INSUNITS"] = 4
    doc.layers.add("BOUNDARY")
    h = doc.modelspace().add_hatch(dxfattribs={"layer": "BOUNDARY"})
    h.paths.add_polyline_path([(0, 0), (12000, 0), (12000, 8000), (0, 8000)], is_closed=True)
    doc.modelspace().add_ellipse((6000, 4000), major_axis=(2000, 0), ratio=0.5, dxfattribs={"layer": "BOUNDARY"})
    f = import_dxf(_bytes(doc)).plan.floors[0]
    import math

    # the ellipse is nested in the outline: a hole (even-odd), as a courtyard would be
    assert abs(f.area - (96.0 - math.pi * 2 * 1)) < 0.05 and len(f.outline.holes) == 1


def test_edits_made_in_cad_survive_the_read_back():
    """Move a wall and a zone in the drawing (as in AutoCAD) and delete a window: the plan follows."""
    from hallplan.io.dxf_export import build_document

    plan = load(PLANS / "town_centre.hallplan")
    doc, _ = build_document(plan, ExportOptions(date="2025-01-01"))
    msp = doc.modelspace()

    def tagged(kind):
        return [e for e in msp if e.has_xdata("HALLPLAN") and e.get_xdata("HALLPLAN")[0][1] == kind]

    wall = tagged("wall")[0]
    wid = wall.get_xdata("HALLPLAN")[1][1]
    wall.translate(1000, 0, 0)  # 1 m to the right; the XDATA centre line (1011) moves with it
    zone = tagged("zone")[0]
    zid = zone.get_xdata("HALLPLAN")[1][1]
    zone.translate(0, 500, 0)
    win = tagged("window")[0]
    gone = win.get_xdata("HALLPLAN")[1][1]
    msp.delete_entity(win)
    back = import_dxf(_bytes(doc)).plan.floors[0]
    f = plan.floors[0]
    assert all(abs(q[0] - p[0] - 1.0) < MM and abs(q[1] - p[1]) < MM
               for p, q in zip(f.walls[wid].points, back.walls[wid].points, strict=True))
    assert all(abs(q[1] - p[1] - 0.5) < MM for p, q in zip(f.zones[zid].polygon.exterior,
                                                           back.zones[zid].polygon.exterior, strict=True))
    assert gone not in back.windows and len(back.windows) == len(f.windows) - 1


def test_doctests_of_the_dxf_modules():
    import doctest

    import hallplan.io.dxf_export as exp
    import hallplan.io.dxf_import as imp

    for mod in (imp, exp):
        assert doctest.testmod(mod).failed == 0, mod.__name__


def test_walls_are_joined_through_open_junctions():
    f = import_dxf(architect_bytes(Synth(nx=3, ny=2, outline_layer="外轮廓"))).plan.floors[0]
    horizontal = sorted((w.points[0][1], w.points[0][0], w.points[1][0]) for w in f.walls.values()
                        if abs(w.points[0][1] - w.points[1][1]) < MM)
    # three straight walls across the building (bottom, middle, top), not nine pieces
    assert [round(y, 2) for y, _, _ in horizontal] == [0.12, 6.12, 12.12]
    assert all(abs(x0 - 0.24) < MM and abs(x1 - 18.0) < MM for _, x0, x1 in horizontal)


def test_damaged_hall_data_in_the_header_falls_back_with_a_warning(exported, tmp_path):
    plan, path = exported["village_station"]
    doc = ezdxf.readfile(path)
    cv = doc.header.custom_vars
    tags = [t for t, _ in cv if t.startswith("HALLPLAN_PLAN.")]
    assert tags  # the export keeps the hall's data
    cv.replace(tags[0], '{"name": broken')
    bad = tmp_path / "damaged.dxf"
    doc.saveas(bad)
    res = import_dxf(bad)
    assert res.plan.name == "damaged"  # the file name stands in
    assert [f.id for f in res.plan.floors] == [f.id for f in plan.floors]
    assert any("damaged" in w or "无法读取" in w or "cannot be read" in w for w in res.report.warnings)
