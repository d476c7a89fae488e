"""Synthetic architect's drawings (DXF, millimetres) for the import tests and the bench.

:func:`architect_drawing` draws what a planner typically receives: a grid of rooms with walls as
double lines broken at every junction and at door openings (layer ``墙体`` by default), columns as
a block (square outline + solid fill on layer ``0``) nested in a row block and inserted on layer
``柱``, axis lines, dimensions, room names as text, and optionally a floor outline with a small gap.
"""

from __future__ import annotations

from dataclasses import dataclass

import ezdxf
from ezdxf.document import Drawing

ROOM_NAMES = ("等候区", "男卫生间", "女卫生间", "档案室", "管理办公室", "配电间", "会议室", "母婴室", "咨询引导区", "自助服务区")


@dataclass(frozen=True)
class Synth:
    nx: int = 3
    ny: int = 2
    room: float = 6000.0  # mm
    wall: float = 240.0  # mm
    door: float = 1000.0  # mm opening in every other inner wall
    columns: bool = True
    column: float = 500.0
    outline_layer: str = ""  # e.g. "外轮廓": a polyline around the walls, left open by ``outline_gap``
    outline_gap: float = 15.0
    wall_layer: str = "墙体"
    column_layer: str = "柱"
    insunits: int = 4
    version: str = "R2013"
    texts: bool = True
    dims: bool = True
    origin: tuple[float, float] = (350000.0, 120000.0)  # survey-style coordinates
    setup: bool = True  # ezdxf's standard linetypes, text and dimension styles


def architect_drawing(s: Synth = Synth()) -> Drawing:
    doc = ezdxf.new(s.version, setup=s.setup)
    doc.header["$INSUNITS"] = s.insunits
    msp = doc.modelspace()
    for name, color in ((s.wall_layer, 7), (s.column_layer, 1), ("轴线", 8), ("标注", 3), ("文字", 2)):
        if name not in doc.layers:
            doc.layers.add(name, color=color)
    if s.outline_layer and s.outline_layer not in doc.layers:
        doc.layers.add(s.outline_layer, color=4)
    ox, oy = s.origin
    W, H = s.nx * s.room, s.ny * s.room
    h = s.wall / 2.0
    wa = {"layer": s.wall_layer}

    # the outer faces: one line per side
    corners = [(ox - h, oy - h), (ox + W + h, oy - h), (ox + W + h, oy + H + h), (ox - h, oy + H + h)]
    for k in range(4):
        msp.add_line(corners[k], corners[(k + 1) % 4], dxfattribs=wa)
    # every room's clear inside as four lines (the faces of the walls around it); a door opening in
    # every other wall between rooms (i, j) and (i + 1, j), with its jambs across the wall
    for j in range(s.ny):
        for i in range(s.nx):
            x0, x1 = ox + i * s.room + h, ox + (i + 1) * s.room - h
            y0, y1 = oy + j * s.room + h, oy + (j + 1) * s.room - h
            ym = (y0 + y1) / 2.0
            door_right = i < s.nx - 1 and (i + j) % 2 == 0
            door_left = i > 0 and (i - 1 + j) % 2 == 0
            msp.add_line((x0, y0), (x1, y0), dxfattribs=wa)
            msp.add_line((x1, y1), (x0, y1), dxfattribs=wa)
            for x, door in ((x1, door_right), (x0, door_left)):
                if door:
                    msp.add_line((x, y0), (x, ym - s.door / 2), dxfattribs=wa)
                    msp.add_line((x, ym + s.door / 2), (x, y1), dxfattribs=wa)
                else:
                    msp.add_line((x, y0), (x, y1), dxfattribs=wa)
            if door_right:
                for d in (-1, 1):
                    msp.add_line((x1, ym + d * s.door / 2), (x1 + s.wall, ym + d * s.door / 2), dxfattribs=wa)

    if s.columns:
        blk = doc.blocks.new("COL", base_point=(0, 0))
        c = s.column / 2.0
        blk.add_lwpolyline([(-c, -c), (c, -c), (c, c), (-c, c)], close=True, dxfattribs={"layer": "0"})
        hatch = blk.add_hatch(color=256, dxfattribs={"layer": "0"})
        hatch.paths.add_polyline_path([(-c, -c), (c, -c), (c, c), (-c, c)], is_closed=True)
        row = doc.blocks.new("COL_ROW", base_point=(0, 0))
        for i in range(s.nx + 1):
            row.add_blockref("COL", (i * s.room, 0), dxfattribs={"layer": "0"})
        for j in range(s.ny + 1):
            msp.add_blockref("COL_ROW", (ox, oy + j * s.room), dxfattribs={"layer": s.column_layer})

    for i in range(s.nx + 1):  # axis lines
        msp.add_line((ox + i * s.room, oy - 3000), (ox + i * s.room, oy + H + 3000), dxfattribs={"layer": "轴线"})
    if s.dims:
        dim = msp.add_linear_dim(base=(ox, oy - 2000), p1=(ox, oy), p2=(ox + W, oy), dxfattribs={"layer": "标注"})
        dim.render()
    if s.texts:
        k = 0
        for j in range(s.ny):
            for i in range(s.nx):
                msp.add_text(ROOM_NAMES[k % len(ROOM_NAMES)], height=400,
                             dxfattribs={"layer": "文字"}).set_placement(
                    (ox + (i + 0.5) * s.room, oy + (j + 0.5) * s.room))
                k += 1
    if s.outline_layer:
        pts = [(ox - h, oy - h), (ox + W + h, oy - h), (ox + W + h, oy + H + h), (ox - h, oy + H + h),
               (ox - h, oy - h + s.outline_gap)]
        msp.add_lwpolyline(pts, close=False, dxfattribs={"layer": s.outline_layer})
    return doc


def architect_bytes(s: Synth = Synth(), encoding: str = "utf-8", declare: str | None = None) -> bytes:
    """The drawing as DXF bytes with its strings in ``encoding``; ``declare`` sets
    ``$DWGCODEPAGE`` (e.g. "ANSI_936") whatever the real encoding is."""
    import io

    doc = architect_drawing(s)
    if declare:
        from ezdxf.tools.codepage import toencoding

        doc.encoding = toencoding(declare)
    buf = io.StringIO()
    doc.write(buf)
    return buf.getvalue().encode(encoding)
