"""DXF export for construction drawings (ezdxf, DXF R2013, millimetres).

What a drawing holds (layers named by kind, colours matching the canvas):

- ``HP-OUTLINE`` floor outline (closed polylines; holes as further closed polylines);
- ``HP-WALL`` walls as closed outlines with a solid hatch; ``HP-COLUMN`` columns likewise;
- ``HP-ZONE-<KIND>`` zones as a closed polyline over a translucent solid hatch, labelled on
  ``HP-TEXT`` with name and area (m²);
- ``HP-WINDOW`` windows as block ``HP_WINDOW`` with attributes ``NUMBER`` (shown), ``KIND``,
  ``NAME``, ``DOMAIN`` (hidden) so AutoCAD's attribute tools (ATTEXT, data extraction) work;
- ``HP-DOOR`` doors as blocks ``HP_DOOR_<HINGE>`` drawn with leaves and swing arcs;
- ``HP-FURN-<KIND>`` furniture as blocks ``HP_FURN_<KIND>`` (unit footprint, scaled);
- ``HP-STAIR``/``HP-LIFT``, ``HP-ONE-METRE-LINE`` (dashed, in front of each counter);
- ``HP-DIM`` overall and chained main dimensions (architectural ticks);
- ``HP-EVAC`` exits (and evacuation routes given by the caller);
- ``HP-FINDINGS`` highlights given by the caller (layer off by default);
- ``HP-TITLE`` a frame and a title block per floor (hall, level, floor, scale, date, sheet).

Floors are laid side by side in model space, each in a paper-sized frame (A3 … A0 landscape) at the
smallest standard scale that fits; a paper-space layout per floor shows its frame through a
viewport. Each outline carries XDATA (application ``HALLPLAN``) with the floor's id, storey, name and
the offset applied, so :mod:`hallplan.io.dxf_import` puts the floors back where they were.

The text style ``HP-CJK`` names a TrueType font (default ``simhei.ttf`` — 黑体, present on every
Chinese Windows, so AutoCAD shows the text without substitution) with the font family in the style's
extended data; pass ``font="wqy-microhei.ttf"`` for the bundled WenQuanYi Micro Hei.

The editor calls :func:`export_plan` (or :func:`build_document` for a preview); the CLI verb is
``hallplan export-dxf``.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import ezdxf
import shapely
from ezdxf import colors as dxfcolors
from ezdxf import units as dxfunits
from ezdxf.document import Drawing
from ezdxf.enums import TextEntityAlignment

from hallplan.i18n import label, tr
from hallplan.model import (
    Column,
    Door,
    DoorKind,
    Floor,
    Furniture,
    FurnitureKind,
    Hinge,
    Lift,
    Plan,
    ServiceWindow,
    Stair,
    Wall,
    WallKind,
)
from hallplan.model.geom import Point, bounds
from hallplan.render.style import (
    DOOR_COLOUR,
    FURNITURE_COLOUR,
    LOW_COUNTER_COLOUR,
    SEVERITY_COLOURS,
    WALL_COLOUR,
    WINDOW_COLOUR,
    ZONE_COLOURS,
    zone_layer,
)

DXF_VERSION = "R2013"
APPID = "HALLPLAN"
STYLE = "HP-CJK"
DIMSTYLE = "HP-DIM"
DEFAULT_FONT = "simhei.ttf"
FONT_FAMILIES = {
    "simhei.ttf": "SimHei",
    "simsun.ttc": "SimSun",
    "msyh.ttc": "Microsoft YaHei",
    "wqy-microhei.ttf": "WenQuanYi Micro Hei",
    "wqy-microhei.ttc": "WenQuanYi Micro Hei",
}

# Layer names -------------------------------------------------------------------------------------
L_OUTLINE = "HP-OUTLINE"
L_WALL = "HP-WALL"
L_COLUMN = "HP-COLUMN"
L_WINDOW = "HP-WINDOW"
L_DOOR = "HP-DOOR"
L_STAIR = "HP-STAIR"
L_LIFT = "HP-LIFT"
L_TEXT = "HP-TEXT"
L_DIM = "HP-DIM"
L_ONE_METRE = "HP-ONE-METRE-LINE"
L_EVAC = "HP-EVAC"
L_FINDINGS = "HP-FINDINGS"
L_TITLE = "HP-TITLE"

WINDOW_BLOCK = "HP_WINDOW"
WINDOW_BLOCK_LENGTH = 1.6  # m; the block is drawn at this size and scaled per window
WINDOW_BLOCK_DEPTH = 0.65
WINDOW_ATTRIBS = ("NUMBER", "KIND", "NAME", "DOMAIN")
CAMERA_WEDGE = 1.5  # m: radius of the field-of-view wedge drawn at a camera


def furniture_layer(kind: FurnitureKind) -> str:
    return f"HP-FURN-{kind.value.upper()}"


def furniture_block(kind: FurnitureKind) -> str:
    return f"HP_FURN_{kind.value.upper()}"


def door_block(hinge: Hinge) -> str:
    return f"HP_DOOR_{hinge.value.upper()}"


TEXT_COLOUR = (30, 30, 30)
DIM_COLOUR = (90, 90, 90)
EVAC_COLOUR = (0, 160, 60)
OUTLINE_COLOUR = (20, 20, 20)
ONE_METRE_COLOUR = (230, 120, 0)
STAIR_COLOUR = (120, 120, 120)

# (name, rgb, lineweight in 1/100 mm, linetype)
FIXED_LAYERS: tuple[tuple[str, tuple[int, int, int], int, str], ...] = (
    (L_OUTLINE, OUTLINE_COLOUR, 70, "Continuous"),
    (L_WALL, WALL_COLOUR, 50, "Continuous"),
    (L_COLUMN, WALL_COLOUR, 50, "Continuous"),
    (L_WINDOW, WINDOW_COLOUR, 35, "Continuous"),
    (L_DOOR, DOOR_COLOUR, 25, "Continuous"),
    (L_STAIR, STAIR_COLOUR, 25, "Continuous"),
    (L_LIFT, STAIR_COLOUR, 25, "Continuous"),
    (L_TEXT, TEXT_COLOUR, 18, "Continuous"),
    (L_DIM, DIM_COLOUR, 18, "Continuous"),
    (L_ONE_METRE, ONE_METRE_COLOUR, 25, "DASHED"),
    (L_EVAC, EVAC_COLOUR, 35, "Continuous"),
    (L_FINDINGS, SEVERITY_COLOURS["error"], 50, "Continuous"),
    (L_TITLE, OUTLINE_COLOUR, 35, "Continuous"),
)

# Paper sizes (landscape, mm) and standard scales tried in order.
PAPERS: tuple[tuple[str, float, float], ...] = (
    ("A3", 420.0, 297.0),
    ("A2", 594.0, 420.0),
    ("A1", 841.0, 594.0),
    ("A0", 1189.0, 841.0),
)
SCALES = (50, 100, 150, 200, 300, 500, 1000)
PAPER_MARGIN = 45.0  # mm on paper: room for exits, dimensions and the caption around the plan
DIM_FIRST, DIM_STEP = 16.0, 7.0  # mm on paper: the first dimension row and the row spacing
TITLE_W, TITLE_H = 180.0, 40.0  # title block size on paper (mm)


class DxfExportError(RuntimeError):
    """The plan cannot be exported (nothing to draw, the output cannot be written …)."""


# --------------------------------------------------------------------------------------------
# hooks for findings and routes (filled by the rule engine / route analysis when they exist)


@dataclass(frozen=True)
class Highlight:
    """A geometry to show on ``HP-FINDINGS``: in plan metres, on one floor.

    ``geometry`` is a shapely geometry, or a sequence of points (a polyline; ``closed`` closes it),
    or a single point (drawn as a circle). ``severity`` picks the colour ("error", "warning",
    "info"); ``text`` (optional) is written next to it, e.g. the finding's rule id and message.
    """

    floor_id: str
    geometry: Any
    severity: str = "error"
    text: str = ""
    closed: bool = False


@dataclass(frozen=True)
class Route:
    """A polyline on ``HP-EVAC`` (e.g. the worst evacuation path), plan metres, with a label."""

    floor_id: str
    points: tuple[Point, ...]
    text: str = ""


@dataclass(frozen=True)
class ExportOptions:
    """How to draw. Frozen; derive variants with :meth:`with_changes`."""

    lang: str = "zh"
    font: str = DEFAULT_FONT
    date: str = ""  # title block date; default today (ISO)
    scale: int = 0  # 0: the smallest standard scale at which each floor fits the paper
    paper: str = ""  # "" : the smallest of A3…A0 that fits; or "A3", "A2", …
    dimensions: bool = True
    title_block: bool = True
    paper_layouts: bool = True
    zone_hatch_transparency: float = 0.55
    floor_gap: float = 20.0  # m between floor frames in model space

    def with_changes(self, **changes) -> ExportOptions:
        return replace(self, **changes)


@dataclass
class ExportReport:
    """What :func:`export_plan` wrote."""

    path: Path | None
    floors: int
    entities: int
    layers: list[str]
    audit_errors: list[str] = field(default_factory=list)
    audit_fixes: list[str] = field(default_factory=list)
    sheets: list[tuple[str, str, int]] = field(default_factory=list)  # (floor id, paper, scale)
    chars: str = ""  # every character of the drawing's texts (:func:`document_text`), for the LibreCAD font


def evacuation_routes(plan: Plan, lang: str = "zh", floors: Sequence[str] | None = None) -> list[Route]:
    """The longest way out of each floor (straight-line measure of GB 50016, around walls) as
    :class:`Route` s for ``HP-EVAC``, labelled with its length. Floors the analysis cannot measure
    (no exit, no rooms) are left out.
    """
    from hallplan.geometry.evacuation import Measure, evacuation
    from hallplan.geometry.floorgeom import FloorGeometry

    out = []
    for f in plan.floors:
        if floors is not None and f.id not in floors:
            continue
        try:
            worst = evacuation(FloorGeometry(plan, f.id), Measure.STRAIGHT).worst
            path = worst.path if worst is not None else None
        except Exception:  # noqa: BLE001 - a floor the analysis cannot handle simply has no route drawn
            continue
        if path is None or path.is_empty or len(path.coords) < 2:
            continue
        pts = tuple((float(x), float(y)) for x, y, *_ in path.coords)
        out.append(Route(f.id, pts, tr("dxf.evac_route", lang, d=f"{worst.max_distance:.1f}")))
    return out


# --------------------------------------------------------------------------------------------
# small helpers

_ACI_RGB = {i: dxfcolors.aci2rgb(i) for i in range(1, 256)}


def nearest_aci(rgb: tuple[int, int, int]) -> int:
    """The AutoCAD colour index closest to ``rgb`` (for programs that ignore true colour).

    >>> nearest_aci((255, 0, 0))
    1
    """
    r, g, b = rgb
    return min(_ACI_RGB, key=lambda i: (_ACI_RGB[i][0] - r) ** 2 + (_ACI_RGB[i][1] - g) ** 2 + (_ACI_RGB[i][2] - b) ** 2)


def _mm(v: float) -> float:
    return v * 1000.0


def _readable(angle: float) -> float:
    """A text rotation in (-90, 90] so that text never reads upside down."""
    a = math.fmod(angle, 360.0)
    if a < 0:
        a += 360.0
    if 90.0 < a <= 270.0:
        a -= 180.0
    elif a > 270.0:
        a -= 360.0
    return a


class _Frame:
    """Placement of one floor: model metres → drawing mm, paper size, scale."""

    def __init__(self, floor: Floor, paper: tuple[str, float, float], scale: int, ox: float, oy: float):
        self.floor = floor
        self.paper_name, self.paper_w, self.paper_h = paper
        self.scale = scale
        self.ox, self.oy = ox, oy  # offset in mm added to model coordinates (after ×1000)
        self.x0 = self.y0 = 0.0  # frame lower-left (mm)

    def p(self, pt: Point) -> tuple[float, float]:
        return (pt[0] * 1000.0 + self.ox, pt[1] * 1000.0 + self.oy)

    def ring(self, ring: Iterable[Point]) -> list[tuple[float, float]]:
        return [self.p(pt) for pt in ring]

    def h(self, paper_mm: float) -> float:
        """A paper size (mm) in drawing units at this frame's scale."""
        return paper_mm * self.scale

    @property
    def width(self) -> float:
        return self.paper_w * self.scale

    @property
    def height(self) -> float:
        return self.paper_h * self.scale


def _floor_extent(floor: Floor) -> tuple[float, float, float, float]:
    pts = list(floor.outline.exterior)
    for z in floor.zones.values():
        pts.extend(z.polygon.exterior)
    for w in floor.walls.values():
        pts.extend(w.points)
    for e in floor.entities():
        fp = getattr(e, "footprint", None)
        if fp is not None:
            pts.extend(fp())
    if not pts:
        return (0.0, 0.0, 1.0, 1.0)
    return bounds(pts)


def _choose_sheet(w_m: float, h_m: float, opts: ExportOptions) -> tuple[tuple[str, float, float], int]:
    papers = [p for p in PAPERS if not opts.paper or p[0] == opts.paper.upper()] or [PAPERS[0]]
    scales = [opts.scale] if opts.scale else list(SCALES)
    for paper in papers:
        _, pw, ph = paper
        for s in scales:
            avail_w = pw - 2 * PAPER_MARGIN
            avail_h = ph - 2 * PAPER_MARGIN - (TITLE_H if opts.title_block else 0.0)
            if w_m * 1000.0 / s <= avail_w and h_m * 1000.0 / s <= avail_h:
                return paper, s
    # nothing fits: the largest paper at a scale that does (or the largest scale)
    _, pw, ph = papers[-1]
    need = max(w_m * 1000.0 / (pw - 2 * PAPER_MARGIN), h_m * 1000.0 / (ph - 2 * PAPER_MARGIN - TITLE_H))
    s = opts.scale or next((s for s in SCALES if s >= need), int(math.ceil(need / 100.0) * 100))
    return papers[-1], s


# --------------------------------------------------------------------------------------------
# document set-up


PLAN_VAR = "HALLPLAN_PLAN"  # header custom properties PLAN_VAR.0000, .0001 …: the plan's own data as JSON
_PLAN_CHUNK = 200


def store_plan_properties(doc: Drawing, plan) -> None:
    """The plan's properties (name, level, profile, fire data, service hours, demand,
    acknowledgements …, not the floors) as JSON in the header's custom properties, cut into short
    strings, so that importing the drawing gives the hall back, not only its geometry."""
    import json

    from hallplan.io.planfile import to_document

    text = json.dumps(to_document(replace(plan, floors=[]))["plan"], ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True)
    for i in range(0, len(text), _PLAN_CHUNK):
        doc.header.custom_vars.append(f"{PLAN_VAR}.{i // _PLAN_CHUNK:04d}", text[i:i + _PLAN_CHUNK])


def _new_document(opts: ExportOptions) -> Drawing:
    doc = ezdxf.new(DXF_VERSION, setup=True, units=dxfunits.MM)
    doc.header["$MEASUREMENT"] = 1
    doc.header["$LUNITS"] = 2
    doc.header["$AUNITS"] = 0
    doc.header["$LTSCALE"] = 100.0
    doc.header["$CELTSCALE"] = 1.0
    if APPID not in doc.appids:
        doc.appids.new(APPID)
    font = opts.font or DEFAULT_FONT
    style = doc.styles.new(STYLE, dxfattribs={"font": font, "width": 0.8})
    family = FONT_FAMILIES.get(font.lower(), Path(font).stem)
    style.set_extended_font_data(family, italic=False, bold=False)
    doc.header["$TEXTSTYLE"] = STYLE
    for name, rgb, lw, lt in FIXED_LAYERS:
        _layer(doc, name, rgb, lw, lt)
    doc.layers.get(L_FINDINGS).off()
    return doc


def _dimstyle(doc: Drawing, scale: int) -> str:
    """A dimension style for one drawing scale with sizes in drawing units (mm in model space):
    LibreCAD and others ignore DIMSCALE overrides, so nothing relies on them."""
    name = f"{DIMSTYLE}-{scale}"
    if name in doc.dimstyles:
        return name
    ds = doc.dimstyles.new(name)
    s = float(scale)
    ds.dxf.dimscale = 1.0
    ds.dxf.dimlfac = 1.0
    ds.dxf.dimtxsty = STYLE
    ds.dxf.dimtxt = 2.5 * s
    ds.dxf.dimasz = 1.5 * s
    ds.dxf.dimtsz = 1.0 * s  # oblique ticks (建筑标注), understood by every CAD program
    ds.dxf.dimexo = 2.0 * s
    ds.dxf.dimexe = 1.5 * s
    ds.dxf.dimdli = 7.0 * s
    ds.dxf.dimgap = 0.8 * s
    ds.dxf.dimdec = 0
    ds.dxf.dimrnd = 1.0
    ds.dxf.dimtad = 1
    ds.dxf.dimjust = 0
    ds.dxf.dimtih = 0
    ds.dxf.dimtoh = 0
    ds.dxf.dimlunit = 2
    ds.dxf.dimclrd = 256
    ds.dxf.dimclre = 256
    ds.dxf.dimclrt = 256
    return name


def _dim_header(doc: Drawing, scale: int) -> None:
    """LibreCAD draws dimensions from the header's $DIM* variables, not the DIMSTYLE table: keep
    them equal to the style used."""
    name = _dimstyle(doc, scale)
    ds = doc.dimstyles.get(name)
    doc.header["$DIMSTYLE"] = name
    for var in ("dimscale", "dimlfac", "dimtxt", "dimasz", "dimtsz", "dimexo", "dimexe", "dimdli", "dimgap", "dimdec",
                "dimtad", "dimtih", "dimtoh", "dimlunit"):
        doc.header[f"${var.upper()}"] = ds.dxf.get(var)
    doc.header["$DIMTXSTY"] = STYLE


def _layer(doc: Drawing, name: str, rgb: tuple[int, int, int], lineweight: int = 25, linetype: str = "Continuous"):
    if name in doc.layers:
        return doc.layers.get(name)
    if linetype not in doc.linetypes:
        linetype = "Continuous"
    layer = doc.layers.add(name, color=nearest_aci(rgb), linetype=linetype, lineweight=lineweight)
    layer.rgb = rgb
    return layer


def _text_attribs(layer: str, height: float, **extra) -> dict:
    d = {"layer": layer, "style": STYLE, "char_height": height}
    d.update(extra)
    return d


# --------------------------------------------------------------------------------------------
# blocks


def _define_blocks(doc: Drawing, floors: Sequence[Floor]) -> None:
    _window_block(doc)
    hinges = {d.hinge for f in floors for d in f.doors.values()}
    for h in hinges:
        _door_block(doc, h)
    kinds = {fu.kind for f in floors for fu in f.furniture.values()}
    for k in kinds:
        _furniture_block(doc, k)


def _window_block(doc: Drawing) -> None:
    """The counter at 1600 × 650 mm centred on the base point, public side +y, the staff chair -y."""
    blk = doc.blocks.new(WINDOW_BLOCK, base_point=(0, 0))
    hl, hd = WINDOW_BLOCK_LENGTH * 500.0, WINDOW_BLOCK_DEPTH * 500.0
    blk.add_lwpolyline([(-hl, -hd), (hl, -hd), (hl, hd), (-hl, hd)], close=True, dxfattribs={"layer": "0", "color": 256})
    # the front edge (public side) drawn twice as strong by an inner line
    blk.add_line((-hl, hd - 60), (hl, hd - 60), dxfattribs={"layer": "0", "color": 256})
    blk.add_circle((0, -hd - 350), 220, dxfattribs={"layer": "0", "color": 256})
    # attribute definitions (world placement is recomputed per insert)
    for i, tag in enumerate(WINDOW_ATTRIBS):
        att = blk.add_attdef(tag, (0, -i * 200.0), text="", dxfattribs={"height": 250.0, "style": STYLE, "layer": "0"})
        att.dxf.prompt = tag.lower()
        if tag != "NUMBER":
            att.is_invisible = True


def _door_block(doc: Drawing, hinge: Hinge) -> None:
    """A door 1000 mm wide (inserted at scale = width in m) centred on the base point in the wall line
    (local x), the leaf swinging to +y."""
    name = door_block(hinge)
    if name in doc.blocks:
        return
    blk = doc.blocks.new(name, base_point=(0, 0))
    a = {"layer": "0", "color": 256}
    # jambs
    blk.add_line((-500, -60), (-500, 60), dxfattribs=a)
    blk.add_line((500, -60), (500, 60), dxfattribs=a)
    if hinge == Hinge.LEFT:
        blk.add_line((-500, 0), (-500, 1000), dxfattribs=a)
        blk.add_arc((-500, 0), 1000, 0, 90, dxfattribs=a)
    elif hinge == Hinge.RIGHT:
        blk.add_line((500, 0), (500, 1000), dxfattribs=a)
        blk.add_arc((500, 0), 1000, 90, 180, dxfattribs=a)
    elif hinge == Hinge.DOUBLE:
        blk.add_line((-500, 0), (-500, 500), dxfattribs=a)
        blk.add_arc((-500, 0), 500, 0, 90, dxfattribs=a)
        blk.add_line((500, 0), (500, 500), dxfattribs=a)
        blk.add_arc((500, 0), 500, 90, 180, dxfattribs=a)
    else:  # sliding: two overlapping panels
        blk.add_lwpolyline([(-500, 20), (60, 20), (60, 70), (-500, 70)], close=True, dxfattribs=a)
        blk.add_lwpolyline([(-60, -70), (500, -70), (500, -20), (-60, -20)], close=True, dxfattribs=a)


def _furniture_block(doc: Drawing, kind: FurnitureKind) -> None:
    """A unit footprint (1 × 1 mm, scaled to width × depth mm per insert) with a simple symbol."""
    name = furniture_block(kind)
    if name in doc.blocks:
        return
    blk = doc.blocks.new(name, base_point=(0, 0))
    a = {"layer": "0", "color": 256}
    blk.add_lwpolyline([(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)], close=True, dxfattribs=a)
    if kind in (FurnitureKind.QUEUE_MACHINE, FurnitureKind.SELF_SERVICE_TERMINAL, FurnitureKind.EVALUATOR,
                FurnitureKind.DISPLAY_SCREEN, FurnitureKind.LAYOUT_MAP, FurnitureKind.CHARGING_STATION):
        blk.add_line((-0.5, 0.3), (0.5, 0.3), dxfattribs=a)  # the front (screen side)
    elif kind == FurnitureKind.FIRE_EXTINGUISHER:
        blk.add_circle((0, 0), 0.35, dxfattribs=a)
    elif kind == FurnitureKind.CCTV_CAMERA:
        blk.add_lwpolyline([(0, 0), (-0.4, 0.5), (0.4, 0.5)], close=True, dxfattribs=a)
    elif kind == FurnitureKind.PLANT:
        blk.add_circle((0, 0), 0.45, dxfattribs=a)
    elif kind in (FurnitureKind.TABLE, FurnitureKind.GUIDE_DESK, FurnitureKind.FORM_DESK,
                  FurnitureKind.WORKSTATION):
        blk.add_line((-0.5, -0.5), (0.5, 0.5), dxfattribs=a)
    elif kind == FurnitureKind.CABINET:
        blk.add_line((-0.5, -0.5), (0.5, 0.5), dxfattribs=a)
        blk.add_line((-0.5, 0.5), (0.5, -0.5), dxfattribs=a)


# --------------------------------------------------------------------------------------------
# drawing one floor


def _xdata(entity, *values: tuple[int, Any]) -> None:
    entity.set_xdata(APPID, [(1000, v) if code == 1000 else (code, v) for code, v in values])


_CONTROL = {c: " " if c in (10, 13, 9) else None for c in (*range(0, 32), 127)}


def clean_text(s: str) -> str:
    r"""A string safe for a DXF text value: line breaks and tabs become spaces, other control
    characters (NUL …) are dropped — a raw line break would end the value and shift every tag after it.

    >>> clean_text("一层\r\n大厅\x00")
    '一层  大厅'
    """
    return str(s).translate(_CONTROL)


def _str_x(*strings: str) -> list[tuple[int, Any]]:
    return [(1000, clean_text(s)[:250]) for s in strings]


class _Writer:
    def __init__(self, doc: Drawing, plan: Plan, opts: ExportOptions):
        self.doc = doc
        self.msp = doc.modelspace()
        self.plan = plan
        self.opts = opts
        self.lang = opts.lang
        self.count = 0

    # --- primitives ------------------------------------------------------------------------
    def polyline(self, pts, layer: str, closed: bool = True, **attribs):
        self.count += 1
        return self.msp.add_lwpolyline(pts, close=closed, dxfattribs={"layer": layer, **attribs})

    def hatch(self, rings: Sequence[Sequence[tuple[float, float]]], layer: str, rgb=None, transparency: float = 0.0):
        h = self.msp.add_hatch(dxfattribs={"layer": layer, "color": 256})
        if rgb is not None:
            h.rgb = rgb
        for i, ring in enumerate(rings):
            flags = ezdxf.const.BOUNDARY_PATH_EXTERNAL if i == 0 else ezdxf.const.BOUNDARY_PATH_DEFAULT
            h.paths.add_polyline_path(ring, is_closed=True, flags=flags)
        if transparency:
            h.transparency = transparency
        self.count += 1
        return h

    def text(self, s: str, at, height: float, layer: str = L_TEXT, rotation: float = 0.0,
             align: TextEntityAlignment = TextEntityAlignment.MIDDLE_CENTER):
        t = self.msp.add_text(clean_text(s), height=height, rotation=rotation,
                              dxfattribs={"layer": layer, "style": STYLE})
        t.set_placement(at, align=align)
        self.count += 1
        return t

    def mtext(self, s: str, at, height: float, layer: str = L_TEXT, width: float = 0.0):
        m = self.msp.add_mtext("\\P".join(clean_text(part) for part in s.split("\\P")),
                               dxfattribs=_text_attribs(layer, height))
        m.set_location(at, attachment_point=5)
        if width:
            m.dxf.width = width
        self.count += 1
        return m

    # --- per floor ---------------------------------------------------------------------------
    def floor(self, fr: _Frame, index: int, total: int, highlights, routes) -> None:
        f = fr.floor
        self.zones(fr)
        self.outline(fr)
        for w in f.walls.values():
            self.wall(fr, w)
        for c in f.columns.values():
            self.column(fr, c)
        for s in f.stairs.values():
            self.stair(fr, s)
        for lf in f.lifts.values():
            self.lift(fr, lf)
        for w in f.windows.values():
            self.window(fr, w)
        for d in f.doors.values():
            self.door(fr, d)
        for fu in f.furniture.values():
            self.furniture(fr, fu)
        self.zone_labels(fr)
        self.exits(fr)
        for r in routes:
            if r.floor_id == f.id:
                self.route(fr, r)
        for hl in highlights:
            if hl.floor_id == f.id:
                self.highlight(fr, hl)
        if self.opts.dimensions:
            self.dimensions(fr)
        self.title(fr, index, total)

    def outline(self, fr: _Frame) -> None:
        f = fr.floor
        pl = self.polyline(fr.ring(f.outline.exterior), L_OUTLINE)
        _xdata(pl, *_str_x("floor", f.id, str(f.storey), f.name), (1040, fr.ox / 1000.0), (1040, fr.oy / 1000.0),
               (1040, f.height))
        for hole in f.outline.holes:
            h = self.polyline(fr.ring(hole), L_OUTLINE)
            _xdata(h, *_str_x("hole", f.id))

    def zones(self, fr: _Frame) -> None:
        """Hatches first (drawn underneath), then the boundaries."""
        for z in fr.floor.zones.values():
            layer = zone_layer(z.kind)
            rgb = ZONE_COLOURS.get(z.kind, (200, 200, 200))
            _layer(self.doc, layer, rgb, 25)
            rings = [fr.ring(z.polygon.exterior)] + [fr.ring(h) for h in z.polygon.holes]
            h = self.hatch(rings, layer, rgb, self.opts.zone_hatch_transparency)
            _xdata(h, *_str_x("zone-hatch", z.id))
        for z in fr.floor.zones.values():
            layer = zone_layer(z.kind)
            pl = self.polyline(fr.ring(z.polygon.exterior), layer)
            _xdata(pl, *_str_x("zone", z.id, z.kind.value, z.name))
            for hole in z.polygon.holes:
                hp = self.polyline(fr.ring(hole), layer)
                _xdata(hp, *_str_x("zone-hole", z.id))

    def zone_labels(self, fr: _Frame) -> None:
        hgt = fr.h(3.0)
        f = fr.floor
        # keep labels off stairs and lifts (their own names are written there)
        taken = [shapely.Polygon(e.footprint()).buffer(0.3) for e in (*f.stairs.values(), *f.lifts.values())]
        blocked = shapely.union_all(taken) if taken else None
        for z in f.zones.values():
            poly = shapely.Polygon(z.polygon.exterior, z.polygon.holes)
            if not poly.is_valid:
                poly = shapely.make_valid(poly)
            name = z.name or label(z.kind, self.lang)
            area = tr("dxf.area", self.lang, area=f"{z.area:,.1f}")
            # where the label can be largest: the parts of the zone clear of stairs and lifts, or
            # (at a discount, as it overlaps their names) the whole zone
            cands = [(poly, 0.6 if blocked is not None and poly.intersects(blocked) else 1.0)]
            if cands[0][1] < 1.0:
                rest = poly.difference(blocked)
                bx0, by0, bx1, by1 = blocked.intersection(poly.buffer(0.5)).bounds
                px0, py0, px1, py1 = poly.bounds
                sides = [shapely.box(px0, py0, px1, by0), shapely.box(px0, by1, px1, py1),
                         shapely.box(px0, py0, bx0, py1), shapely.box(bx1, py0, px1, py1)]
                pieces = list(shapely.get_parts(rest))
                for side in sides:  # beside, above, below the stair: often the only room for a label
                    if side.area > 0:
                        pieces += list(shapely.get_parts(rest.intersection(side)))
                cands += [(g, 1.0) for g in pieces if g.geom_type == "Polygon" and g.area >= 0.05 * poly.area]
            best = None
            for cand, weight in cands:
                try:
                    pt = shapely.polylabel(cand, tolerance=0.05) if cand.geom_type == "Polygon" \
                        else cand.representative_point()
                except Exception:  # pragma: no cover - degenerate polygons
                    pt = cand.representative_point()
                h = _fit_height(cand, (pt.x, pt.y), (name, area), hgt / 1000.0, fr.h(1.0) / 1000.0) * 1000.0
                if best is None or h * weight > best[0]:
                    best = (h * weight, pt, h)
            _, pt, h = best
            m = self.mtext(f"{name}\\P{area}", fr.p((pt.x, pt.y)), h)
            _xdata(m, *_str_x("zone-label", z.id))

    def wall(self, fr: _Frame, w: Wall) -> None:
        if len(w.points) < 2:
            return
        line = shapely.LineString(w.points)
        strip = line.buffer(w.thickness / 2.0, cap_style="flat", join_style="mitre", mitre_limit=4.0)
        polys = [strip] if strip.geom_type == "Polygon" else list(getattr(strip, "geoms", []))
        for p in polys:
            if p.is_empty:
                continue
            rings = [fr.ring(p.exterior.coords[:-1])] + [fr.ring(i.coords[:-1]) for i in p.interiors]
            if w.kind != WallKind.GLASS:
                self.hatch(rings, L_WALL, None)
            pl = self.polyline(rings[0], L_WALL)
            _xdata(pl, *_str_x("wall", w.id, w.kind.value), (1040, w.thickness),
                   *[(1011, (x, y, 0.0)) for x, y in fr.ring(w.points)])  # 1011: a world position CAD moves with the entity

    def column(self, fr: _Frame, c: Column) -> None:
        if c.round:
            cx, cy = fr.p((c.x, c.y))
            self.count += 1
            circ = self.msp.add_circle((cx, cy), _mm(c.width) / 2.0, dxfattribs={"layer": L_COLUMN})
            _xdata(circ, *_str_x("column", c.id))
            h = self.msp.add_hatch(dxfattribs={"layer": L_COLUMN, "color": 256})
            ep = h.paths.add_edge_path(flags=ezdxf.const.BOUNDARY_PATH_EXTERNAL)
            ep.add_arc((cx, cy), _mm(c.width) / 2.0, 0, 360)
            self.count += 1
        else:
            ring = fr.ring(c.footprint())
            self.hatch([ring], L_COLUMN)
            pl = self.polyline(ring, L_COLUMN)
            _xdata(pl, *_str_x("column", c.id))

    def stair(self, fr: _Frame, s: Stair) -> None:
        ring = s.footprint()
        pl = self.polyline(fr.ring(ring), L_STAIR)
        _xdata(pl, *_str_x("stair", s.id, s.name))
        # treads across the depth every 280 mm
        n = max(1, int(s.depth / 0.28))
        a, b, c, d = ring
        for k in range(1, n):
            t = k / n
            p = (a[0] + (d[0] - a[0]) * t, a[1] + (d[1] - a[1]) * t)
            q = (b[0] + (c[0] - b[0]) * t, b[1] + (c[1] - b[1]) * t)
            self.count += 1
            self.msp.add_line(fr.p(p), fr.p(q), dxfattribs={"layer": L_STAIR})
        self.text(s.name or tr("dxf.stair", self.lang), fr.p((s.x, s.y)), fr.h(2.5), L_TEXT, _readable(s.rotation))

    def lift(self, fr: _Frame, lf: Lift) -> None:
        ring = lf.footprint()
        pl = self.polyline(fr.ring(ring), L_LIFT)
        _xdata(pl, *_str_x("lift", lf.id, lf.name))
        a, b, c, d = ring
        self.count += 2
        self.msp.add_line(fr.p(a), fr.p(c), dxfattribs={"layer": L_LIFT})
        self.msp.add_line(fr.p(b), fr.p(d), dxfattribs={"layer": L_LIFT})
        self.text(lf.name or tr("dxf.lift", self.lang), fr.p((lf.x, lf.y)), fr.h(2.5), L_TEXT)

    def window(self, fr: _Frame, w: ServiceWindow) -> None:
        x, y = fr.p((w.x, w.y))
        # the block's public side is +y; a window whose staff side is +1 is mirrored
        ys = w.depth / WINDOW_BLOCK_DEPTH * (1.0 if w.staff_side < 0 else -1.0)
        ins = self.msp.add_blockref(WINDOW_BLOCK, (x, y), dxfattribs={
            "layer": L_WINDOW, "rotation": w.rotation % 360.0,
            "xscale": w.length / WINDOW_BLOCK_LENGTH, "yscale": ys, "zscale": 1.0,
        })
        if w.low_counter:
            ins.rgb = LOW_COUNTER_COLOUR
        self.count += 1
        values = {"NUMBER": w.number, "KIND": w.kind.value, "NAME": w.name or label(w.kind, self.lang),
                  "DOMAIN": w.domain.value}
        rot = _readable(w.rotation)
        hgt = min(fr.h(2.5), _mm(w.depth) * 0.6)
        for i, tag in enumerate(WINDOW_ATTRIBS):
            at = ins.add_attrib(tag, clean_text(values[tag]), insert=(x, y), dxfattribs={
                "height": hgt if i == 0 else hgt * 0.6, "style": STYLE, "rotation": rot, "layer": L_WINDOW,
            })
            at.set_placement((x, y), align=TextEntityAlignment.MIDDLE_CENTER)
            if i:
                at.is_invisible = True
        _xdata(ins, *_str_x("window", w.id, w.services, "low" if w.low_counter else ""),
               (1040, w.length), (1040, w.depth), (1040, w.height), (1070, int(w.staff_side)),
               (1000, clean_text(w.name)[:250]), (1000, clean_text(",".join(w.equipment))[:250]))
        # one-metre line on the public side
        p, q = w.front_line(1.0)
        self.count += 1
        self.msp.add_line(fr.p(p), fr.p(q), dxfattribs={"layer": L_ONE_METRE, "linetype": "BYLAYER"})

    def door(self, fr: _Frame, d: Door) -> None:
        x, y = fr.p((d.x, d.y))
        s = d.width
        ins = self.msp.add_blockref(door_block(d.hinge), (x, y), dxfattribs={
            "layer": L_DOOR, "rotation": d.rotation % 360.0,
            "xscale": s, "yscale": s * (1.0 if d.swing_side >= 0 else -1.0), "zscale": 1.0,
        })
        self.count += 1
        _xdata(ins, *_str_x("door", d.id, d.kind.value, d.hinge.value, d.host, d.name),
               (1040, d.width), (1070, int(d.swing_side)), (1070, 1 if d.to_outside else 0),
               (1070, int(d.outside_side)))

    def furniture(self, fr: _Frame, fu: Furniture) -> None:
        layer = furniture_layer(fu.kind)
        _layer(self.doc, layer, FURNITURE_COLOUR, 18)
        x, y = fr.p((fu.x, fu.y))
        ins = self.msp.add_blockref(furniture_block(fu.kind), (x, y), dxfattribs={
            "layer": layer, "rotation": fu.rotation % 360.0,
            "xscale": max(_mm(fu.width), 1.0), "yscale": max(_mm(fu.depth), 1.0), "zscale": 1.0,
        })
        self.count += 1
        _xdata(ins, *_str_x("furniture", fu.id, fu.kind.value, fu.name), (1040, fu.width), (1040, fu.depth),
               (1070, int(fu.seats)), (1040, fu.fov), (1040, fu.range))
        if fu.kind == FurnitureKind.SEAT_ROW and fu.seats > 1:
            # seat divisions (not part of the block: the count varies)
            # one "comb" polyline per row: across at each division, along the row's own edges in
            # between (drawn over the footprint's edges, so it looks like separate lines) — a tenth
            # of the entities of one LINE per division on a hall with 400 rows
            ring = fu.footprint()
            a, b, c, d = ring
            comb = []
            for k in range(1, fu.seats):
                t = k / fu.seats
                p = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                q = (d[0] + (c[0] - d[0]) * t, d[1] + (c[1] - d[1]) * t)
                comb.extend((p, q) if k % 2 else (q, p))
            self.polyline(fr.ring(comb), layer, closed=False)
        if fu.kind == FurnitureKind.CCTV_CAMERA and fu.fov > 0:
            # the field of view as a short wedge (the full range would cross the whole sheet)
            start = fu.rotation + 90.0 - fu.fov / 2.0
            r_mm = _mm(min(fu.range or CAMERA_WEDGE, CAMERA_WEDGE))
            self.count += 1
            self.msp.add_arc((x, y), r_mm, start, start + fu.fov, dxfattribs={"layer": layer})
            for ang in (start, start + fu.fov):
                r = math.radians(ang)
                self.count += 1
                self.msp.add_line((x, y), (x + r_mm * math.cos(r), y + r_mm * math.sin(r)),
                                  dxfattribs={"layer": layer})

    def exits(self, fr: _Frame) -> None:
        """Exits and the main entrance on HP-EVAC: an arrow pointing out and a label."""
        for d in fr.floor.doors.values():
            if d.kind not in (DoorKind.EXIT, DoorKind.MAIN_ENTRANCE) and not d.to_outside:
                continue
            a = math.radians(d.rotation)
            nx, ny = -math.sin(a) * d.outside_side, math.cos(a) * d.outside_side  # towards outside
            arrow = fr.h(8.0) / 1000.0  # m: 8 mm on paper
            base = (d.x, d.y)
            tip = (d.x + nx * arrow, d.y + ny * arrow)
            self.count += 1
            self.msp.add_line(fr.p(base), fr.p(tip), dxfattribs={"layer": L_EVAC})
            for side in (-1, 1):
                bx = tip[0] - nx * arrow * 0.3 + side * ny * arrow * 0.15
                by = tip[1] - ny * arrow * 0.3 - side * nx * arrow * 0.15
                self.count += 1
                self.msp.add_line(fr.p(tip), fr.p((bx, by)), dxfattribs={"layer": L_EVAC})
            key = "dxf.main_entrance" if d.kind == DoorKind.MAIN_ENTRANCE else "dxf.exit"
            lab = (d.x + nx * arrow * 1.4, d.y + ny * arrow * 1.4)
            self.text(tr(key, self.lang), fr.p(lab), fr.h(2.5), L_EVAC, _readable(d.rotation))

    def route(self, fr: _Frame, r: Route) -> None:
        if len(r.points) < 2:
            return
        self.polyline(fr.ring(r.points), L_EVAC, closed=False, const_width=fr.h(0.5))
        if r.text:
            # along the longest leg, just above it: clear of the exit label at one end and of the
            # zone label the worst point often sits next to at the other
            legs = list(zip(r.points, r.points[1:], strict=False))
            a, b = max(legs, key=lambda ab: math.dist(ab[0], ab[1]))
            ang = _readable(math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])))
            up = math.radians(ang + 90.0)
            off = fr.h(1.0) / 1000.0
            mid = ((a[0] + b[0]) / 2.0 + off * math.cos(up), (a[1] + b[1]) / 2.0 + off * math.sin(up))
            self.text(r.text, fr.p(mid), fr.h(2.2), L_EVAC, ang, align=TextEntityAlignment.BOTTOM_CENTER)

    def highlight(self, fr: _Frame, hl: Highlight) -> None:
        rgb = SEVERITY_COLOURS.get(hl.severity, SEVERITY_COLOURS["error"])
        attribs = {"color": 256}
        anchor: Point | None = None
        for kind, pts in _highlight_parts(hl):
            if kind == "point":
                e = self.msp.add_circle(fr.p(pts[0]), fr.h(3.0), dxfattribs={"layer": L_FINDINGS, **attribs})
                self.count += 1
            else:
                e = self.polyline(fr.ring(pts), L_FINDINGS, closed=(kind == "ring"), const_width=fr.h(0.4))
            e.rgb = rgb
            anchor = anchor or pts[0]
        if hl.text and anchor is not None:
            t = self.text(hl.text, fr.p(anchor), fr.h(2.5), L_FINDINGS, align=TextEntityAlignment.BOTTOM_LEFT)
            t.rgb = rgb

    def dimensions(self, fr: _Frame) -> None:
        f = fr.floor
        x0, y0, x1, y1 = bounds(f.outline.exterior)
        first, step = fr.h(DIM_FIRST - DIM_STEP), fr.h(DIM_STEP)
        dimstyle = _dimstyle(self.doc, fr.scale)
        attrs = {"layer": L_DIM}

        def xs_of(points, lo, hi):
            vals = sorted({round(p, 2) for p in points if lo - 1e-6 <= p <= hi + 1e-6} | {round(lo, 2), round(hi, 2)})
            out = [vals[0]]
            for v in vals[1:]:
                if v - out[-1] >= 0.3:
                    out.append(v)
            if out[-1] != round(hi, 2):
                out[-1] = round(hi, 2)
            return out

        def chain(values, horizontal: bool, level: int):
            if len(values) < 2 or len(values) > 40:
                return
            if horizontal:
                base = (fr.p((x0, y0))[0], fr.p((x0, y0))[1] - first - step * level)
                pts = [fr.p((v, y0)) for v in values]
                self.msp.add_multi_point_linear_dim(base, pts, angle=0, dimstyle=dimstyle, dxfattribs=attrs)
            else:
                base = (fr.p((x0, y0))[0] - first - step * level, fr.p((x0, y0))[1])
                pts = [fr.p((x0, v)) for v in values]
                self.msp.add_multi_point_linear_dim(base, pts, angle=90, dimstyle=dimstyle, dxfattribs=attrs)
            self.count += len(values) - 1

        ext = list(f.outline.exterior)
        ox = xs_of([p[0] for p in ext if abs(p[1] - y0) < 1e-6] or [x0, x1], x0, x1)
        oy = xs_of([p[1] for p in ext if abs(p[0] - x0) < 1e-6] or [y0, y1], y0, y1)
        zx = xs_of([p[0] for z in f.zones.values() for p in z.polygon.exterior], x0, x1)
        zy = xs_of([p[1] for z in f.zones.values() for p in z.polygon.exterior], y0, y1)
        chain([round(x0, 2), round(x1, 2)], True, 3)
        chain([round(y0, 2), round(y1, 2)], False, 3)
        if len(ox) > 2:
            chain(ox, True, 2)
        if len(oy) > 2:
            chain(oy, False, 2)
        if len(zx) > 2:
            chain(zx, True, 1)
        if len(zy) > 2:
            chain(zy, False, 1)

    def title(self, fr: _Frame, index: int, total: int) -> None:
        f = fr.floor
        L = self.lang
        # floor caption under the plan
        x0, y0, x1, y1 = _floor_extent(f)
        cap = tr("dxf.floor_caption", L, floor=f.name or f"F{f.storey}", scale=fr.scale)
        cx = fr.p(((x0 + x1) / 2, y0))[0]
        cy = fr.p(((x0 + x1) / 2, y0))[1] - fr.h(DIM_FIRST + 3 * DIM_STEP + 6.0)
        self.text(cap, (cx, cy), fr.h(5.0), L_TEXT)
        if not self.opts.title_block:
            return
        # frame and title block
        fx0, fy0 = fr.x0, fr.y0
        fx1, fy1 = fx0 + fr.width, fy0 + fr.height
        m = fr.h(10.0)
        self.polyline([(fx0, fy0), (fx1, fy0), (fx1, fy1), (fx0, fy1)], L_TITLE)
        self.polyline([(fx0 + m, fy0 + m / 2), (fx1 - m / 2, fy0 + m / 2), (fx1 - m / 2, fy1 - m / 2),
                       (fx0 + m, fy1 - m / 2)], L_TITLE, const_width=fr.h(0.7))
        tw, th = fr.h(TITLE_W), fr.h(TITLE_H)
        tx1, ty0 = fx1 - m / 2, fy0 + m / 2
        tx0, ty1 = tx1 - tw, ty0 + th
        self.polyline([(tx0, ty0), (tx1, ty0), (tx1, ty1), (tx0, ty1)], L_TITLE)
        date = self.opts.date or _dt.date.today().isoformat()
        rows = [
            (tr("dxf.tb.hall", L), self.plan.name),
            (tr("dxf.tb.level", L), label(self.plan.level, L)),
            (tr("dxf.tb.floor", L), f.name or f"F{f.storey}"),
            (tr("dxf.tb.scale", L), f"1:{fr.scale}"),
            (tr("dxf.tb.date", L), date),
            (tr("dxf.tb.sheet", L), tr("dxf.tb.sheet_of", L, n=index + 1, total=total)),
        ]
        rh = th / len(rows)
        cx1 = tx0 + fr.h(40.0)
        self.count += 1
        self.msp.add_line((cx1, ty0), (cx1, ty1), dxfattribs={"layer": L_TITLE})
        for i, (k, v) in enumerate(rows):
            ytop = ty1 - i * rh
            if i:
                self.count += 1
                self.msp.add_line((tx0, ytop), (tx1, ytop), dxfattribs={"layer": L_TITLE})
            ym = ytop - rh / 2
            self.text(k, (tx0 + fr.h(3.0), ym), fr.h(3.0), L_TITLE, align=TextEntityAlignment.MIDDLE_LEFT)
            self.text(str(v), (cx1 + fr.h(3.0), ym), fr.h(3.5 if i == 0 else 3.0), L_TITLE,
                      align=TextEntityAlignment.MIDDLE_LEFT)
        self.text(tr("dxf.tb.program", L), (tx0, ty1 + fr.h(2.0)), fr.h(2.0), L_TITLE,
                  align=TextEntityAlignment.BOTTOM_LEFT)


def _text_width(s: str, height: float) -> float:
    """Rough width of ``s`` at ``height`` in the CJK style (width factor 0.8) as LibreCAD spaces it: CJK a
    little over full width, Latin about 0.65 of the height.

    >>> round(_text_width("窗口A", 1.0), 2)
    2.92
    """
    return sum(1.45 if ord(c) >= 0x2E80 else 0.75 for c in s) * height * 0.8


def _fit_height(poly, at: Point, lines: Sequence[str], height: float, minimum: float) -> float:
    """The label height (m) at which the widest of ``lines`` fits the zone's chord through ``at``
    (with a margin), never above ``height`` nor below ``minimum``."""
    x, y = at
    x0, _, x1, _ = poly.bounds
    chord = poly.intersection(shapely.LineString([(x0 - 1.0, y), (x1 + 1.0, y)]))
    width = x1 - x0
    for part in shapely.get_parts(chord):
        if part.geom_type == "LineString" and part.length > 0:
            px0, _, px1, _ = part.bounds
            if px0 - 1e-6 <= x <= px1 + 1e-6:
                width = px1 - px0
                break
    widest = max((_text_width(s, 1.0) for s in lines), default=1.0) or 1.0
    h = min(height, 0.9 * width / widest)
    _, y0, _, y1 = poly.bounds
    vchord = poly.intersection(shapely.LineString([(x, y0 - 1.0), (x, y1 + 1.0)]))
    for part in shapely.get_parts(vchord):
        if part.geom_type == "LineString" and part.length > 0:
            _, py0, _, py1 = part.bounds
            if py0 - 1e-6 <= y <= py1 + 1e-6:
                h = min(h, 0.9 * (py1 - py0) / (1.4 * len(lines)))  # the lines and their spacing
                break
    return max(minimum, h)


def _highlight_parts(hl: Highlight) -> list[tuple[str, list[Point]]]:
    """A highlight's geometry as ('point'|'line'|'ring', points) parts in plan metres."""
    g = hl.geometry
    out: list[tuple[str, list[Point]]] = []
    if g is None:
        return out
    if isinstance(g, shapely.Geometry):
        for part in shapely.get_parts(g):
            gt = part.geom_type
            if gt == "Point":
                out.append(("point", [(part.x, part.y)]))
            elif gt in ("LineString", "LinearRing"):
                pts = [tuple(c[:2]) for c in part.coords]
                out.append(("ring" if gt == "LinearRing" else "line", pts))
            elif gt == "Polygon":
                out.append(("ring", [tuple(c[:2]) for c in part.exterior.coords[:-1]]))
                for ring in part.interiors:
                    out.append(("ring", [tuple(c[:2]) for c in ring.coords[:-1]]))
            else:  # nested collections
                out.extend(_highlight_parts(replace(hl, geometry=part)))
        return out
    seq = list(g)
    if len(seq) == 2 and all(isinstance(v, (int, float)) for v in seq):
        return [("point", [(float(seq[0]), float(seq[1]))])]
    pts = [(float(p[0]), float(p[1])) for p in seq]
    if len(pts) == 1:
        return [("point", pts)]
    return [("ring" if hl.closed else "line", pts)]


# --------------------------------------------------------------------------------------------
# public API


def build_document(
    plan: Plan,
    options: ExportOptions | None = None,
    *,
    highlights: Sequence[Highlight] = (),
    routes: Sequence[Route] = (),
    floors: Sequence[str] | None = None,
) -> tuple[Drawing, list[_Frame]]:
    """The DXF document for ``plan`` (not written). ``floors``: ids to include (default all).

    ``highlights`` go to ``HP-FINDINGS`` (off by default), ``routes`` to ``HP-EVAC``.
    """
    opts = options or ExportOptions()
    chosen = [f for f in plan.floors if floors is None or f.id in floors]
    if not chosen:
        raise DxfExportError(tr("dxf.err.no_floors", opts.lang))
    doc = _new_document(opts)
    store_plan_properties(doc, plan)
    _define_blocks(doc, chosen)
    w = _Writer(doc, plan, opts)
    frames: list[_Frame] = []
    cursor = 0.0
    extents = [_floor_extent(f) for f in chosen]
    # one scale for the whole set (the largest any floor needs); each floor on the smallest paper
    common = max(_choose_sheet(x1 - x0, y1 - y0, opts)[1] for x0, y0, x1, y1 in extents)
    common_opts = opts.with_changes(scale=common)
    _dim_header(doc, common)
    for f, (x0, y0, x1, y1) in zip(chosen, extents, strict=False):
        paper, scale = _choose_sheet(x1 - x0, y1 - y0, common_opts)
        fr = _Frame(f, paper, scale, 0.0, 0.0)
        fr.x0, fr.y0 = cursor, 0.0
        # centre the floor in the area above the title block
        title_h = fr.h(TITLE_H) if opts.title_block else 0.0
        cx = fr.x0 + fr.width / 2.0
        cy = fr.y0 + title_h + (fr.height - title_h) / 2.0
        fr.ox = round(cx - (x0 + x1) / 2.0 * 1000.0)
        fr.oy = round(cy - (y0 + y1) / 2.0 * 1000.0)
        frames.append(fr)
        cursor += fr.width + _mm(opts.floor_gap)
    for i, fr in enumerate(frames):
        w.floor(fr, i, len(frames), highlights, routes)
    if opts.paper_layouts:
        _paper_layouts(doc, frames, opts)
    doc.set_modelspace_vport(height=max(fr.height for fr in frames) * 1.1,
                             center=((frames[0].x0 + frames[-1].x0 + frames[-1].width) / 2.0,
                                     max(fr.height for fr in frames) / 2.0))
    return doc, frames


def _paper_layouts(doc: Drawing, frames: Sequence[_Frame], opts: ExportOptions) -> None:
    """One paper-space layout per floor (named like the floor) showing its frame at 1:1 paper mm."""
    for i, fr in enumerate(frames):
        f = fr.floor
        name = clean_text(f"{i + 1:02d} {f.name or f.id}")[:255]
        for bad in '<>/\\":;?*|=`':
            name = name.replace(bad, "_")
        layout = doc.layouts.new(name)
        layout.page_setup(size=(fr.paper_w, fr.paper_h), margins=(0, 0, 0, 0), units="mm")
        vp = layout.add_viewport(
            center=(fr.paper_w / 2.0, fr.paper_h / 2.0),
            size=(fr.paper_w, fr.paper_h),
            view_center_point=(fr.x0 + fr.width / 2.0, fr.y0 + fr.height / 2.0),
            view_height=fr.height,
        )
        vp.dxf.layer = L_TITLE
    if "Layout1" in doc.layouts and len(doc.layouts) > 2:
        try:
            doc.layouts.delete("Layout1")
        except Exception:  # pragma: no cover - ezdxf refuses to delete the last layout
            pass


# --------------------------------------------------------------------------------------------
# LibreCAD: it ignores the TrueType font named in a text style and looks for its own stroke font
# (.lff) named like the *style* ("hp-cjk.lff"); it ships none with simplified Chinese. For checking
# an export in LibreCAD we write that font from the bundled TTF: hollow outlines of just the
# characters a drawing uses, into ``~/.librecad/fonts`` (where LibreCAD 2.2 looks for user fonts).

BUNDLED_TTF = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "wqy-microhei.ttf"
LIBRECAD_FONT_DIR = Path.home() / ".librecad" / "fonts"


def document_text(doc: Drawing) -> str:
    """Every character used by text in ``doc`` (texts, mtexts, attributes, block contents)."""
    chars: set[str] = set()
    layouts = [doc.modelspace(), *doc.blocks]
    for layout in layouts:
        for e in layout:
            t = e.dxftype()
            if t in ("TEXT", "ATTRIB", "ATTDEF"):
                chars.update(e.dxf.get("text", ""))
            elif t == "MTEXT":
                chars.update(e.plain_text())
            elif t == "INSERT":
                for a in e.attribs:
                    chars.update(a.dxf.get("text", ""))
    return "".join(sorted(chars))


def librecad_font(chars: str, ttf: str | os.PathLike = BUNDLED_TTF, name: str = STYLE) -> str:
    """A LibreCAD stroke font (LFF text) with the outlines of ``chars`` (plus printable ASCII)."""
    from fontTools.pens.basePen import BasePen
    from fontTools.ttLib import TTFont

    class _Pen(BasePen):
        def __init__(self, glyphset):
            super().__init__(glyphset)
            self.contours: list[list[tuple[float, float]]] = []
            self.cur: list[tuple[float, float]] = []

        def _moveTo(self, p):
            self.cur = [p]

        def _lineTo(self, p):
            self.cur.append(p)

        def _curveToOne(self, p1, p2, p3):
            x0, y0 = self.cur[-1]
            for i in range(1, 5):
                t = i / 4
                m = 1 - t
                self.cur.append((m ** 3 * x0 + 3 * m * m * t * p1[0] + 3 * m * t * t * p2[0] + t ** 3 * p3[0],
                                 m ** 3 * y0 + 3 * m * m * t * p1[1] + 3 * m * t * t * p2[1] + t ** 3 * p3[1]))

        def _qCurveToOne(self, p1, p2):
            x0, y0 = self.cur[-1]
            for i in range(1, 4):
                t = i / 3
                m = 1 - t
                self.cur.append((m * m * x0 + 2 * m * t * p1[0] + t * t * p2[0], m * m * y0 + 2 * m * t * p1[1] + t * t * p2[1]))

        def _closePath(self):
            if len(self.cur) > 1:
                self.cur.append(self.cur[0])
                self.contours.append(self.cur)
            self.cur = []

        _endPath = _closePath

    font = TTFont(str(ttf), fontNumber=0, lazy=True)
    cmap = font.getBestCmap()
    glyphs = font.getGlyphSet()
    k = 10.0 / font["head"].unitsPerEm  # em → 10 units (LibreCAD's cap height is 9)
    lines = ["# Format:            LibreCAD Font 1", f"# Name:              {name}",
             "# Encoding:          UTF-8", "# LetterSpacing:     0.8", "# WordSpacing:       4",
             "# LineSpacingFactor: 1", f"# Created by hallplan from {Path(ttf).name}", ""]
    wanted = sorted(set(chars) | {chr(c) for c in range(0x21, 0x7F)})
    for ch in wanted:
        g = cmap.get(ord(ch))
        if g is None or ch.isspace():
            continue
        pen = _Pen(glyphs)
        glyphs[g].draw(pen)
        if not pen.contours:
            continue
        lines.append(f"[{ord(ch):04x}] {ch}")
        for c in pen.contours:
            lines.append(";".join(f"{x * k:.2f},{y * k:.2f}" for x, y in c))
        lines.append("")
    return "\n".join(lines)


def write_librecad_font(chars: str, directory: str | os.PathLike = LIBRECAD_FONT_DIR,
                        ttf: str | os.PathLike = BUNDLED_TTF) -> Path:
    """Write ``hp-cjk.lff`` (the font LibreCAD uses for style ``HP-CJK``) into ``directory``, atomically."""
    from hallplan.io.atomic import atomic_write

    text = librecad_font(chars, ttf)
    return atomic_write(Path(directory) / f"{STYLE.lower()}.lff",
                        lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def audit(doc: Drawing) -> tuple[list[str], list[str]]:
    """Run ezdxf's auditor: (errors, fixes) as readable lines."""
    auditor = doc.audit()
    errors = [f"{e.code}: {e.message}" for e in auditor.errors]
    fixes = [f"{e.code}: {e.message}" for e in auditor.fixes]
    return errors, fixes


def write_document(doc: Drawing, path: str | os.PathLike) -> Path:
    """Write atomically (temp file in the same folder, then rename); never leaves half a file."""
    from hallplan.io.atomic import atomic_write

    return atomic_write(path, lambda tmp: doc.saveas(tmp, encoding="utf-8"))


def export_plan(
    plan: Plan,
    path: str | os.PathLike,
    options: ExportOptions | None = None,
    *,
    highlights: Sequence[Highlight] = (),
    routes: Sequence[Route] = (),
    floors: Sequence[str] | None = None,
) -> ExportReport:
    """Export ``plan`` to ``path`` (DXF R2013, mm). Audited before writing; raises
    :class:`DxfExportError` if ezdxf's auditor reports an error it cannot fix."""
    opts = options or ExportOptions()
    doc, frames = build_document(plan, opts, highlights=highlights, routes=routes, floors=floors)
    errors, fixes = audit(doc)
    if errors:
        raise DxfExportError(tr("dxf.err.audit", opts.lang, errors="; ".join(errors[:5])))
    try:
        out = write_document(doc, path)
    except OSError as exc:
        raise DxfExportError(tr("dxf.err.write", opts.lang, path=str(path), reason=exc.strerror or str(exc))) from None
    return ExportReport(
        path=out,
        floors=len(frames),
        entities=len(doc.modelspace()),
        layers=sorted(layer.dxf.name for layer in doc.layers),
        audit_errors=errors,
        audit_fixes=fixes,
        sheets=[(fr.floor.id, fr.paper_name, fr.scale) for fr in frames],
        chars=document_text(doc),
    )


__all__ = [
    "APPID",
    "DxfExportError",
    "ExportOptions",
    "ExportReport",
    "Highlight",
    "Route",
    "WINDOW_BLOCK",
    "audit",
    "build_document",
    "document_text",
    "librecad_font",
    "write_librecad_font",
    "door_block",
    "evacuation_routes",
    "export_plan",
    "furniture_block",
    "furniture_layer",
    "nearest_aci",
    "write_document",
    "zone_layer",
]
