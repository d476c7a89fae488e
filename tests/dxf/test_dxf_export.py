"""DXF export: audit, units, layers, blocks with attributes, hatch areas, text style, hooks."""

from __future__ import annotations

import math
import shutil
import subprocess

import ezdxf
import pytest
import shapely

from hallplan.io.dxf_export import (
    STYLE,
    WINDOW_BLOCK,
    DxfExportError,
    ExportOptions,
    Highlight,
    Route,
    build_document,
    document_text,
    export_plan,
    furniture_layer,
    librecad_font,
    nearest_aci,
    write_librecad_font,
    zone_layer,
)
from hallplan.model import HallLevel, Plan
from hallplan.render.style import ZONE_COLOURS


def _ring_area(pts) -> float:
    s = 0.0
    n = len(pts)
    for i in range(n):
        x1, y1 = pts[i][0], pts[i][1]
        x2, y2 = pts[(i + 1) % n][0], pts[(i + 1) % n][1]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2.0


def _xdata(e) -> list:
    try:
        return [v for _, v in e.get_xdata("HALLPLAN")]
    except Exception:
        return []


def test_audit_clean_and_units(exported):
    for _plan, path in exported.values():
        doc = ezdxf.readfile(path)
        assert doc.dxfversion == "AC1027"  # R2013: UTF-8 text
        assert doc.header["$INSUNITS"] == 4  # millimetres
        auditor = doc.audit()
        assert not auditor.has_errors, [e.message for e in auditor.errors]
        assert not auditor.fixes, [e.message for e in auditor.fixes]


def test_ezdxf_audit_command_reports_no_errors(exported):
    exe = shutil.which("ezdxf")
    if exe is None:
        pytest.skip("ezdxf launcher not on PATH")
    paths = [str(path) for _, path in exported.values()]  # one process for all: ezdxf takes a while to start
    r = subprocess.run([exe, "audit", *paths], capture_output=True, text=True, timeout=180)
    assert r.returncode == 0 and r.stdout.count("No errors found") == len(paths), r.stdout + r.stderr


def test_layers_by_kind_with_canvas_colours(exported):
    plan, path = exported["town_centre"]
    doc = ezdxf.readfile(path)
    names = {layer.dxf.name for layer in doc.layers}
    for required in ("HP-OUTLINE", "HP-WALL", "HP-COLUMN", "HP-WINDOW", "HP-DOOR", "HP-TEXT", "HP-DIM",
                     "HP-ONE-METRE-LINE", "HP-EVAC", "HP-FINDINGS"):
        assert required in names
    f = plan.floors[0]
    for z in f.zones.values():
        layer = doc.layers.get(zone_layer(z.kind))
        assert layer.rgb == ZONE_COLOURS[z.kind]
        assert layer.color == nearest_aci(ZONE_COLOURS[z.kind])
    for fu in f.furniture.values():
        assert furniture_layer(fu.kind) in names
    assert doc.layers.get("HP-FINDINGS").is_off()
    assert doc.layers.get("HP-ONE-METRE-LINE").dxf.linetype.upper() == "DASHED"
    # entities sit on the layers of their kind
    msp = doc.modelspace()
    assert len(msp.query('INSERT[name=="HP_WINDOW"]')) == len(f.windows)
    assert all(e.dxf.layer == "HP-WINDOW" for e in msp.query('INSERT[name=="HP_WINDOW"]'))
    assert len(msp.query('INSERT[name ? "HP_DOOR_.*"]')) == len(f.doors)
    assert len(msp.query('LINE[layer=="HP-ONE-METRE-LINE"]')) == len(f.windows)
    assert len(msp.query("DIMENSION")) >= 2


def test_window_block_attributes(exported):
    for plan, path in exported.values():
        doc = ezdxf.readfile(path)
        blk = doc.blocks.get(WINDOW_BLOCK)
        assert {a.dxf.tag for a in blk.query("ATTDEF")} == {"NUMBER", "KIND", "NAME", "DOMAIN"}
        by_number = {w.number: w for w in plan.all_windows()}
        seen = set()
        for ins in doc.modelspace().query(f'INSERT[name=="{WINDOW_BLOCK}"]'):
            number = ins.get_attrib_text("NUMBER")
            w = by_number[number]
            assert ins.get_attrib_text("KIND") == w.kind.value
            assert ins.get_attrib_text("NAME") == (w.name or ins.get_attrib_text("NAME"))
            assert not ins.get_attrib("NUMBER").is_invisible
            assert ins.get_attrib("KIND").is_invisible
            x, y = ins.dxf.insert.x, ins.dxf.insert.y
            assert math.isclose(abs(ins.dxf.xscale) * 1.6, w.length, abs_tol=1e-9)
            seen.add(number)
            assert x and y
        assert seen == set(by_number)


def test_door_blocks_have_swing_arcs(exported):
    plan, path = exported["town_centre"]
    doc = ezdxf.readfile(path)
    for d in plan.floors[0].doors.values():
        blk = doc.blocks.get(f"HP_DOOR_{d.hinge.value.upper()}")
        if d.hinge.value != "sliding":
            assert len(blk.query("ARC")) >= 1


def test_hatch_area_equals_zone_area(exported):
    for plan, path in exported.values():
        doc = ezdxf.readfile(path)
        zones = {z.id: z for f in plan.floors for z in f.zones.values()}
        found = 0
        for h in doc.modelspace().query("HATCH"):
            xd = _xdata(h)
            if not xd or xd[0] != "zone-hatch":
                continue
            z = zones[xd[1]]
            area = 0.0
            for i, p in enumerate(h.paths):
                a = _ring_area([(v[0], v[1]) for v in p.vertices])
                area += a if i == 0 else -a
            assert abs(area / 1e6 - z.area) <= 1e-4, (z.id, area / 1e6, z.area)  # 1 cm²
            assert h.dxf.layer == zone_layer(z.kind)
            found += 1
        assert found == len(zones)


def test_zone_polylines_and_labels(exported):
    plan, path = exported["town_centre"]
    doc = ezdxf.readfile(path)
    f = plan.floors[0]
    labels = [m.plain_text() for m in doc.modelspace().query("MTEXT")]
    for z in f.zones.values():
        pls = [e for e in doc.modelspace().query(f'LWPOLYLINE[layer=="{zone_layer(z.kind)}"]') if _xdata(e)[:2] == ["zone", z.id]]
        assert len(pls) == 1 and pls[0].closed
        assert any(lbl.startswith(z.name) and f"{z.area:,.1f} m²" in lbl for lbl in labels), z.name


def test_cjk_text_style(exported):
    _, path = exported["town_centre"]
    doc = ezdxf.readfile(path)
    style = doc.styles.get(STYLE)
    assert style.dxf.font.lower().endswith((".ttf", ".ttc"))
    assert style.has_extended_font_data
    assert doc.header["$TEXTSTYLE"] == STYLE
    texts = doc.modelspace().query("TEXT MTEXT")
    assert texts and all(t.dxf.style == STYLE for t in texts)
    assert set("城关镇便民服务中心") <= set(document_text(doc))


def test_title_block(exported):
    plan, path = exported["town_centre"]
    doc = ezdxf.readfile(path)
    words = {t.dxf.text for t in doc.modelspace().query('TEXT[layer=="HP-TITLE"]')}
    assert {plan.name, "1:100", "2025-01-01", "第 1 张 共 1 张", "一层"} <= words


def test_english_labels():
    from hallplan.io.planfile import load
    from tests.conftest import PLANS

    doc, _ = build_document(load(PLANS / "town_centre.hallplan"), ExportOptions(lang="en"))
    words = {t.dxf.text for t in doc.modelspace().query("TEXT")}
    assert "Scale" in words and "Exit" in words


def test_findings_hook_and_routes(tmp_path):
    from hallplan.io.planfile import load
    from tests.conftest import PLANS

    plan = load(PLANS / "village_station.hallplan")
    fid = plan.floors[0].id
    hl = [
        Highlight(fid, shapely.box(1, 1, 2, 2), "error", "YZ-3.1 疏散距离 41.2 m > 30.0 m"),
        Highlight(fid, shapely.Point(4, 2), "warning"),
        Highlight(fid, [(0, 0), (3, 3), (3, 0)], "info", closed=True),
        Highlight("no-such-floor", shapely.Point(0, 0)),
    ]
    routes = [Route(fid, ((5, 4), (3, 2), (1, 0)), "最远疏散路线 6.4 m")]
    out = tmp_path / "v.dxf"
    export_plan(plan, out, highlights=hl, routes=routes)
    doc = ezdxf.readfile(out)
    msp = doc.modelspace()
    on = msp.query('*[layer=="HP-FINDINGS"]')
    assert len(on.query("LWPOLYLINE")) == 2 and len(on.query("CIRCLE")) == 1
    assert any("41.2" in t.dxf.text for t in on.query("TEXT"))
    assert len(msp.query('LWPOLYLINE[layer=="HP-EVAC"]')) == 1
    assert not doc.audit().has_errors


def test_multi_floor_side_by_side(tmp_path):
    from hallplan.io.planfile import load
    from hallplan.model import Floor
    from tests.conftest import PLANS

    plan = load(PLANS / "village_station.hallplan")
    f1 = plan.floors[0]
    f2 = f1.copy()
    f2.id, f2.storey, f2.name = "floor-2", 2, "二层"
    plan.floors.append(f2)
    assert isinstance(f2, Floor)
    rep = export_plan(plan, tmp_path / "two.dxf")
    assert rep.floors == 2 and len(rep.sheets) == 2
    doc = ezdxf.readfile(tmp_path / "two.dxf")
    outlines = [e for e in doc.modelspace().query('LWPOLYLINE[layer=="HP-OUTLINE"]') if _xdata(e)[:1] == ["floor"]]
    xs = sorted(min(p[0] for p in e.get_points()) for e in outlines)
    assert len(xs) == 2 and xs[1] - xs[0] > 8000  # side by side, not on top of each other
    assert len([lay for lay in doc.layouts if lay.name != "Model"]) >= 2


def test_empty_plan_is_refused(tmp_path):
    with pytest.raises(DxfExportError):
        export_plan(Plan("空", HallLevel.VILLAGE), tmp_path / "x.dxf")
    assert not (tmp_path / "x.dxf").exists()


def test_librecad_font_has_the_characters(tmp_path):
    text = librecad_font("城关镇")
    assert "[57ce] 城" in text and "[0041] A" in text
    p = write_librecad_font("窗口", tmp_path)
    assert p.name == "hp-cjk.lff" and "[7a97] 窗" in p.read_text(encoding="utf-8")


@pytest.mark.slow
def test_librecad_converts_the_export(exported, tmp_path):
    """LibreCAD opens the export and prints it to a PDF that pdftoppm rasterises, not blank."""
    if not (shutil.which("librecad") and shutil.which("pdftoppm")):
        pytest.skip("librecad / pdftoppm not installed")
    _, path = exported["town_centre"]
    home = tmp_path / "home"
    write_librecad_font(document_text(ezdxf.readfile(path)), home / ".librecad" / "fonts")
    work = tmp_path / "w"
    work.mkdir()
    shutil.copy(path, work / "town.dxf")
    env = {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(home), "PATH": "/usr/bin:/bin"}
    subprocess.run(["librecad", "dxf2pdf", "-a", "town.dxf"], cwd=work, env=env, capture_output=True, timeout=180)
    pdf = work / "town.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(pdf), str(work / "page")], check=True, timeout=120)
    png = next(work.glob("page*.png"))
    assert png.stat().st_size > 5_000


def test_longest_way_out_on_hp_evac(tmp_path):
    from hallplan.io.dxf_export import evacuation_routes
    from hallplan.io.planfile import load
    from tests.conftest import PLANS

    plan = load(PLANS / "town_centre.hallplan")
    routes = evacuation_routes(plan, "en")
    assert len(routes) == len(plan.floors) and all(len(r.points) >= 2 for r in routes)
    assert all(r.text.startswith("longest way out") and r.text.endswith(" m") for r in routes)
    export_plan(plan, tmp_path / "e.dxf", routes=routes)
    doc = ezdxf.readfile(tmp_path / "e.dxf")
    assert len(doc.modelspace().query('LWPOLYLINE[layer=="HP-EVAC"]')) == len(routes)
    assert not doc.audit().has_errors
