"""DXF import: an architect's drawing (AutoCAD, 天正 TArch, …) as the base of a plan.

The drawing is read defensively and in three steps, each usable on its own (the editor's import
dialog shows what step 1 and 2 found and lets the planner choose before step 3):

1. :func:`open_dxf` reads the bytes: size limit, DWG / binary / not-a-DXF detection, the text
   encoding (a file may declare ``ANSI_936`` and hold UTF-8, or the reverse; see
   :func:`detect_encoding`), then ezdxf's *recover* mode; what its auditor fixed is reported.
   SHX and big fonts (``hztxt.shx``, ``gbcbig.shx`` …) are mapped to a CJK TrueType font; a 天正
   drawing whose custom objects would be invisible gets the advice to export it to T3 first.
2. :func:`inspect_dxf` / :meth:`OpenedDxf.inspect` lists the layers with what is on them and a
   suggested role (outline, wall, column, room — :func:`suggest_role`), the units from
   ``$INSUNITS`` (or a guess from the extents when the drawing does not say).
3. :func:`build_plan` converts LINE, LWPOLYLINE, POLYLINE, ARC, CIRCLE, ELLIPSE, SPLINE, SOLID,
   HATCH boundaries and INSERTs (exploded through nested blocks; entities on layer ``0`` take the
   insert's layer) into a plan in metres: segments are joined into closed outlines with a
   tolerance (nearly closed outlines are closed and the gap reported), double wall lines are paired
   into walls with a thickness, closed wall shapes become walls, column shapes columns, and the
   rooms between walls (shapely ``polygonize``) are offered as zones named from the text inside.

A drawing exported by :mod:`hallplan.io.dxf_export` carries XDATA (application ``HALLPLAN``) on its
outlines, zones, walls, columns, windows, doors and furniture; it is read back exactly (the
offset each floor was drawn at is undone), unless layers are chosen explicitly.

Every problem ends in :class:`DxfImportError` with a located, translated message — never a traceback
and never half a plan. :func:`import_dxf` runs all three steps (``hallplan import-dxf``).
"""

from __future__ import annotations

import codecs
import io
import logging
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from hallplan.i18n import label, tr
from hallplan.model import (
    COLLECTIONS,
    AddFloor,
    Column,
    Command,
    Compound,
    Domain,
    Door,
    DoorKind,
    Floor,
    Furniture,
    FurnitureKind,
    HallLevel,
    Hinge,
    Lift,
    Plan,
    Polygon,
    ServiceWindow,
    Stair,
    Wall,
    WallKind,
    WindowKind,
    Zone,
    ZoneKind,
)

APPID = "HALLPLAN"
MAX_BYTES = 256 * 1024 * 1024  # a larger file is refused before reading
MAX_ENTITIES = 1_000_000  # after exploding blocks
MAX_DEPTH = 16  # nested block references
CJK_TTF = "wqy-microhei.ttf"  # the bundled CJK font SHX/big fonts are mapped to
CJK_FAMILY = "WenQuanYi Micro Hei"

# Chinese SHX fonts and big fonts seen in drawings from AutoCAD and 天正/理正/探索者 (all → CJK_TTF)
CJK_SHX = ("hztxt", "hzfs", "hzdx", "hztx", "gbcbig", "gbenor", "gbeitc", "tssdchn", "tssdeng", "tssdeng2",
           "hzst", "hzxy", "fs64f", "hz", "china", "chineset", "bigfont", "tjbig", "cadhz", "hzpl", "hzmb")

# DXF $INSUNITS → metres per drawing unit (the ones a floor plan is drawn in; others via ezdxf)
UNIT_SCALE = {"mm": 0.001, "cm": 0.01, "m": 1.0}
INSUNITS_NAMES = {4: "mm", 5: "cm", 6: "m"}

ROLES = ("outline", "wall", "column", "room")

_ROLE_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("room", re.compile(r"^HP-ZONE-")),
    ("outline", re.compile(r"OUTLINE|BOUNDARY|BORDER|PERIMETER|轮廓|外框|边界|建筑外线|外包线", re.I)),
    ("column", re.compile(r"COLU|COLS|^S-COL|PILLAR|柱|^ZHU", re.I)),
    ("wall", re.compile(r"WALL|墙|^QIANG|^QT$|PARTITION|隔断|隔墙", re.I)),
    ("room", re.compile(r"ROOM|SPACE|^A-AREA|房间|区域|空间|功能区", re.I)),
)


class DxfImportError(ValueError):
    """The drawing cannot be imported; ``location`` says where (file, line, layer, entity)."""

    def __init__(self, message: str, location: str = "", path: str | os.PathLike | None = None) -> None:
        self.message = message
        self.location = location
        self.path = str(path) if path is not None else None
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ": ".join(p for p in (self.path, self.location) if p)
        return f"{where}: {self.message}" if where else self.message


class UnitsNeeded(DxfImportError):
    """The drawing does not declare its units; ``guess`` is the likely one ("mm", "cm", "m")."""

    def __init__(self, message: str, guess: str, path=None) -> None:
        self.guess = guess
        super().__init__(message, "$INSUNITS", path)


@dataclass(frozen=True)
class ImportOptions:
    """How to read a drawing. ``None`` layer choices mean "use the suggestions"."""

    units: str | None = None  # "mm", "cm", "m"; None: from $INSUNITS (error when unset)
    outline_layers: tuple[str, ...] | None = None
    wall_layers: tuple[str, ...] | None = None
    column_layers: tuple[str, ...] | None = None
    room_layers: tuple[str, ...] | None = None
    tolerance: float = 0.02  # m: endpoint gaps closed when joining lines
    room_zones: bool = True  # offer the rooms found between walls as zones
    encoding: str | None = None  # force a text encoding
    name: str = ""
    level: HallLevel = HallLevel.TOWN
    lang: str = "zh"
    max_bytes: int = MAX_BYTES
    origin: str = "min"  # "min": each floor's lower-left corner to (0, 0); "keep": drawing coordinates
    min_wall: float = 0.05  # m: thinnest wall paired from two lines
    max_wall: float = 0.8  # m: thickest
    partition_thickness: float = 0.1  # m: a single wall line becomes a partition this thick

    def with_changes(self, **changes) -> ImportOptions:
        return replace(self, **changes)

    @property
    def explicit_layers(self) -> bool:
        return any(v is not None for v in (self.outline_layers, self.wall_layers, self.column_layers,
                                           self.room_layers))


@dataclass(frozen=True)
class EncodingInfo:
    declared: str  # what the header says (python codec name)
    used: str  # what the text was read as
    reason: str  # "ascii", "declared", "utf8_in_ansi", "gbk_in_utf8", "gbk_in_ansi", "forced", "bad_bytes"


@dataclass(frozen=True)
class FontMapping:
    style: str
    font: str
    bigfont: str
    ttf: str


@dataclass
class LayerInfo:
    name: str
    counts: dict[str, int]
    suggested: str  # one of ROLES or ""

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class ImportReport:
    """What was read, fixed, guessed and skipped (shown by the CLI and the dialog)."""

    path: str = ""
    dxfversion: str = ""
    binary: bool = False
    encoding: EncodingInfo | None = None
    audit_fixes: list[str] = field(default_factory=list)
    audit_errors: list[str] = field(default_factory=list)
    fonts: list[FontMapping] = field(default_factory=list)
    tarch: int = 0  # number of 天正 custom objects (or proxies) that cannot be read
    units: str = ""
    unit_source: str = ""  # "header", "option"
    layers_used: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hallplan_source: bool = False
    skipped: Counter = field(default_factory=Counter)
    closed_gaps: list[tuple[str, float]] = field(default_factory=list)  # (layer, gap in m)
    counts: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    shift: tuple[float, float] = (0.0, 0.0)
    truncated: bool = False

    def lines(self, lang: str = "zh") -> list[str]:
        L = lang
        out = []
        if self.dxfversion:
            out.append(tr("imp.r.version", L, version=self.dxfversion, binary=" (binary)" if self.binary else ""))
        if self.encoding is not None:
            e = self.encoding
            out.append(tr(f"imp.enc.{e.reason}", L, declared=e.declared, used=e.used))
        if self.audit_fixes:
            out.append(tr("imp.r.fixes", L, n=len(self.audit_fixes)))
            out.extend(f"  {m}" for m in self.audit_fixes[:10])
            if len(self.audit_fixes) > 10:
                out.append(tr("imp.r.more", L, n=len(self.audit_fixes) - 10))
        for m in self.fonts:
            src = m.font + (f" + {m.bigfont}" if m.bigfont else "")
            out.append(tr("imp.r.font", L, style=m.style, src=src, ttf=m.ttf))
        if self.units:
            out.append(tr(f"imp.r.units_{self.unit_source or 'header'}", L, units=self.units))
        if self.hallplan_source:
            out.append(tr("imp.r.hallplan", L))
        for role, layers in self.layers_used.items():
            if layers:
                out.append(tr("imp.r.layers", L, role=tr(f"imp.role.{role}", L), layers=", ".join(layers)))
        for layer, gap in self.closed_gaps[:10]:
            out.append(tr("imp.r.gap", L, layer=layer, gap=f"{gap * 1000:.0f}"))
        if self.counts:
            out.append(tr("imp.r.counts", L, **{k: self.counts.get(k, 0) for k in
                                                ("floors", "walls", "columns", "zones", "rooms", "windows",
                                                 "doors", "furniture")}))
        if self.skipped:
            items = ", ".join(f"{k} {n}" for k, n in self.skipped.most_common(12))
            out.append(tr("imp.r.skipped", L, items=items))
        return out


# --------------------------------------------------------------------------------------------
# step 1: bytes → ezdxf document

_ACADVER = re.compile(rb"\$ACADVER\s*\r?\n\s*1\s*\r?\n([^\r\n]*)")
_CODEPAGE = re.compile(rb"\$DWGCODEPAGE\s*\r?\n\s*3\s*\r?\n([^\r\n]*)")
_BINARY_SENTINEL = b"AutoCAD Binary DXF\r\n\x1a\x00"


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _cjk_ratio(text: str) -> float:
    """Share of CJK ideographs/punctuation among the non-ASCII characters of ``text``."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return 0.0
    cjk = sum(1 for c in non_ascii if 0x2E80 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF
              or 0xFF00 <= ord(c) <= 0xFFEF or c in "²³°±×·")
    return cjk / len(non_ascii)


def detect_encoding(data: bytes, forced: str | None = None) -> EncodingInfo:
    """The encoding a text DXF's strings are really in, and why.

    The header says: R2007 and later are UTF-8, older versions use ``$DWGCODEPAGE``
    (``ANSI_936`` = GBK). Chinese tools get this wrong both ways, so the bytes are checked.

    >>> hdr = b"0\\nSECTION\\n2\\nHEADER\\n9\\n$ACADVER\\n1\\nAC1015\\n9\\n$DWGCODEPAGE\\n3\\nANSI_936\\n"
    >>> detect_encoding(hdr + "8\\n墙体\\n".encode("utf-8")).reason
    'utf8_in_ansi'
    >>> detect_encoding(hdr + "8\\n墙体\\n".encode("gbk")).reason
    'declared'
    """
    from ezdxf.tools.codepage import toencoding

    head = data[:262144]
    m = _ACADVER.search(head)
    version = m.group(1).strip().decode("ascii", "replace").upper() if m else "AC1009"
    m = _CODEPAGE.search(head)
    codepage = m.group(1).strip().decode("ascii", "replace") if m else "ANSI_1252"
    declared = _codec("utf-8" if version >= "AC1021" else toencoding(codepage))
    if forced:
        return EncodingInfo(declared, _codec(forced), "forced")
    if data.isascii():
        return EncodingInfo(declared, declared, "ascii")
    try:
        data.decode("utf-8")
        utf8_ok = True
    except UnicodeDecodeError:
        utf8_ok = False
    if declared == "utf-8":
        if utf8_ok:
            return EncodingInfo(declared, declared, "declared")
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            return EncodingInfo(declared, declared, "bad_bytes")
        if _cjk_ratio(text) >= 0.5:
            return EncodingInfo(declared, "gbk", "gbk_in_utf8")
        return EncodingInfo(declared, declared, "bad_bytes")
    if utf8_ok:
        return EncodingInfo(declared, "utf-8", "utf8_in_ansi")
    if declared not in ("gbk", "gb2312", "gb18030", "big5", "cp936", "cp950"):
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = ""
        if text and _cjk_ratio(text) >= 0.6:
            return EncodingInfo(declared, "gbk", "gbk_in_ansi")
    return EncodingInfo(declared, declared, "declared")


def _transcode(data: bytes, enc: EncodingInfo) -> bytes:
    """Re-encode ``data`` so that ezdxf, which trusts the header, reads the text right: characters
    the declared codec lacks become DXF ``\\U+XXXX`` escapes."""
    if enc.used == enc.declared:
        return data
    used = "gb18030" if enc.used == "gbk" else enc.used
    text = data.decode(used, errors="replace")
    return text.encode(enc.declared, errors="dxfreplace")


@dataclass
class OpenedDxf:
    """A drawing read by :func:`open_dxf`: the ezdxf document and what reading it found."""

    doc: Any
    report: ImportReport
    path: str = ""
    lang: str = "zh"  # of the messages (the options it was opened with)
    _flat: list | None = None
    _texts: list | None = None

    def flat(self) -> list[tuple[str, Any]]:
        """Every graphic entity of model space as (layer, entity), blocks exploded."""
        if self._flat is None:
            self._flat, self._texts = _explode(self.doc, self.report, self.lang)
        return self._flat

    def texts(self) -> list[tuple[str, str, tuple[float, float]]]:
        self.flat()
        return self._texts or []

    def inspect(self, opts: ImportOptions | None = None) -> Inspection:
        return _inspect(self, opts or ImportOptions())


def _err(key: str, lang: str, path=None, location: str = "", **fmt) -> DxfImportError:
    return DxfImportError(tr(key, lang, **fmt), location, path)


def open_dxf(source: str | os.PathLike | bytes, opts: ImportOptions | None = None) -> OpenedDxf:
    """Read a DXF file (or its bytes) with ezdxf's recover mode. Raises :class:`DxfImportError`."""
    opts = opts or ImportOptions()
    L = opts.lang
    if isinstance(source, (bytes, bytearray)):
        data, path = bytes(source), None
    else:
        path = str(source)
        try:
            size = os.path.getsize(path)
        except OSError as exc:
            raise _err("imp.err.open", L, path, reason=exc.strerror or str(exc)) from None
        if size > opts.max_bytes:
            raise _err("imp.err.too_big", L, path, size=_human(size), limit=_human(opts.max_bytes))
        try:
            with open(path, "rb") as fh:
                data = fh.read(opts.max_bytes + 1)
        except OSError as exc:
            raise _err("imp.err.open", L, path, reason=exc.strerror or str(exc)) from None
    if len(data) > opts.max_bytes:
        raise _err("imp.err.too_big", L, path, size=_human(len(data)), limit=_human(opts.max_bytes))
    if not data.strip():
        raise _err("imp.err.empty", L, path)
    report = ImportReport(path=path or "")
    if data.startswith(_BINARY_SENTINEL):
        doc = _read_binary(data, path, L)
        report.binary = True
        auditor = doc.audit()
    else:
        _sniff_text(data, path, L)
        enc = detect_encoding(data, opts.encoding)
        report.encoding = enc
        try:
            payload = _transcode(data, enc)
        except (LookupError, UnicodeError) as exc:
            raise _err("imp.err.encoding", L, path, encoding=enc.used, reason=str(exc)) from None
        doc, auditor = _recover(payload, path, L, report)
        tail = data.rstrip()[-16:]
        if not tail.endswith(b"EOF"):
            report.truncated = True
            report.warnings.append(tr("imp.warn.truncated", L, size=len(data)))
    report.dxfversion = f"{doc.dxfversion} ({_acad_release(doc.dxfversion)})"
    report.audit_fixes += [f"{e.message}" for e in auditor.fixes]
    report.audit_errors = [f"{e.message}" for e in auditor.errors]
    report.fonts = map_fonts(doc)
    report.tarch = _tarch_objects(doc)
    if report.tarch:
        report.warnings.append(tr("imp.warn.tarch", L, n=report.tarch))
    return OpenedDxf(doc, report, path or "", L)


def _human(n: int) -> str:
    for unit, k in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= k:
            return f"{n / k:.1f} {unit}"
    return f"{n} B"


def _acad_release(version: str) -> str:
    from ezdxf.lldxf.const import acad_release

    return acad_release.get(version, "?")


def _sniff_text(data: bytes, path, L: str) -> None:
    """Refuse what is plainly not a text DXF, with the reason."""
    head = data[:4096]
    if head[:4] == b"AC10" or head[:6] in (b"AC1.40", b"AC1.50", b"AC2.10"):
        raise _err("imp.err.dwg", L, path, location="byte 0", version=head[:6].decode("ascii", "replace"))
    if head.startswith(b"%PDF"):
        raise _err("imp.err.not_dxf_kind", L, path, location="byte 0", kind="PDF")
    if head.startswith((b"PK\x03\x04", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")):
        raise _err("imp.err.not_dxf_kind", L, path, location="byte 0", kind="ZIP/GZIP/7z/RAR")
    nul = head.find(b"\x00")
    if nul >= 0:
        raise _err("imp.err.binary_garbage", L, path, location=f"byte {nul}")
    # the first non-empty line must be a group code
    for lineno, raw in enumerate(head.splitlines()[:4], start=1):
        s = raw.strip()
        if not s:
            continue
        if not s.lstrip(b"-").isdigit():
            shown = s[:40].decode("utf-8", "replace")
            raise _err("imp.err.not_dxf", L, path, location=f"line {lineno}", text=shown)
        break
    if b"SECTION" not in data[:1 << 20] and b"SECTION" not in data[-(1 << 16):]:
        raise _err("imp.err.no_sections", L, path)


def _read_binary(data: bytes, path, L: str):
    from ezdxf.document import Drawing
    from ezdxf.lldxf.tagger import binary_tags_loader

    try:
        return Drawing.load(binary_tags_loader(data, errors="surrogateescape"))
    except Exception as exc:  # noqa: BLE001 - ezdxf raises many kinds on a broken binary DXF
        raise _err("imp.err.binary_broken", L, path, reason=_short(exc)) from None


def _short(exc: BaseException) -> str:
    s = str(exc).strip() or type(exc).__name__
    return s if len(s) <= 200 else s[:197] + "…"


_LINE = re.compile(r"line[: ]+(\d+)", re.I)


class _LogCollector(logging.Handler):
    """ezdxf logs what recover mode repairs ("recovered invalid integer value …"): collect it for
    the report instead of letting it reach the console."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.messages.append(record.getMessage())
        except Exception:  # noqa: BLE001
            pass


def _recover(payload: bytes, path, L: str, report: ImportReport | None = None):
    from ezdxf import recover
    from ezdxf.lldxf.const import DXFError

    log = logging.getLogger("ezdxf")
    collector = _LogCollector()
    old_propagate = log.propagate
    log.addHandler(collector)
    log.propagate = False
    try:
        try:
            return recover.read(io.BytesIO(payload))
        except DXFError as exc:
            msg = _short(exc)
            m = _LINE.search(msg)
            first = _err("imp.err.structure", L, path, location=f"line {m.group(1)}" if m else "", reason=msg)
        # the tag structure is out of step: resynchronise on the next valid group code (skips the
        # damaged lines) — the result is reported as damaged, never silently taken as whole
        try:
            tool = recover.Recover.run(io.BytesIO(payload), loader=recover.synced_bytes_loader)
            doc, auditor = recover._load_and_audit_document(tool)
        except Exception:  # noqa: BLE001
            raise first from None
        if report is not None:
            report.warnings.append(tr("imp.warn.resynced", L, where=first.location or "?", reason=first.message))
        return doc, auditor
    except DxfImportError:
        raise
    except RecursionError:
        raise _err("imp.err.structure", L, path, reason="nesting too deep") from None
    except Exception as exc:  # noqa: BLE001 - anything else ezdxf trips on in a corrupt file
        raise _err("imp.err.unreadable", L, path, reason=f"{type(exc).__name__}: {_short(exc)}") from None
    finally:
        log.removeHandler(collector)
        log.propagate = old_propagate
        if report is not None:
            report.audit_fixes.extend(collector.messages)


def map_fonts(doc) -> list[FontMapping]:
    """Point text styles that use SHX fonts (``hztxt.shx``, big font ``gbcbig.shx`` …) to the CJK
    TrueType font, so a preview of the drawing shows Chinese. Returns what was changed."""
    out = []
    for style in doc.styles:
        try:
            font = (style.dxf.get("font", "") or "").strip()
            big = (style.dxf.get("bigfont", "") or "").strip()
        except Exception:  # noqa: BLE001
            continue
        stem = Path(font.lower()).stem
        shx = font.lower().endswith(".shx") or (font and "." not in font)
        if not (shx or big or stem in CJK_SHX):
            continue
        out.append(FontMapping(style.dxf.name, font, big, CJK_FAMILY))
        try:
            style.dxf.font = CJK_TTF
            if big:
                style.dxf.bigfont = ""
            style.set_extended_font_data(CJK_FAMILY)
        except Exception:  # noqa: BLE001 - a style ezdxf cannot change stays as it is
            pass
    return out


def _tarch_objects(doc) -> int:
    """How many 天正 (TArch) custom objects or proxy entities model space holds."""
    n = 0
    try:
        for e in list(doc.entitydb.values()):
            t = e.dxftype()
            if t.startswith(("TCH_", "TDB", "ACAD_PROXY_ENTITY")) or t.startswith("TZ"):
                n += 1
    except Exception:  # noqa: BLE001
        return n
    if n == 0:
        try:
            for c in doc.classes:
                name = f"{c.dxf.get('name', '')} {c.dxf.get('cpp_class_name', '')} {c.dxf.get('app_name', '')}"
                if re.search(r"TCH_|TArch|Tangent|天正", name, re.I):
                    # classes alone mean the objects were saved as proxies we could not see
                    n = max(n, 1)
                    break
        except Exception:  # noqa: BLE001
            pass
    return n


# --------------------------------------------------------------------------------------------
# exploding model space

_CURVES = {"LINE", "LWPOLYLINE", "POLYLINE", "ARC", "CIRCLE", "ELLIPSE", "SPLINE", "SOLID", "TRACE", "HATCH",
           "MPOLYGON"}
_TEXTS = {"TEXT", "MTEXT", "ATTRIB"}


def _explode(doc, report: ImportReport, lang: str) -> tuple[list[tuple[str, Any]], list]:
    out: list[tuple[str, Any]] = []
    texts: list[tuple[str, str, tuple[float, float]]] = []
    attribs: list[tuple[str, str, tuple[float, float]]] = []  # block attributes: counted, not room names
    skipped = report.skipped

    def walk(entities: Iterable, depth: int, parent_layer: str | None) -> None:
        for e in entities:
            if len(out) > MAX_ENTITIES:
                raise DxfImportError(tr("imp.err.too_many", lang, n=MAX_ENTITIES), "", report.path or None)
            try:
                t = e.dxftype()
                layer = e.dxf.get("layer", "0") or "0"
            except Exception:  # noqa: BLE001
                skipped["?"] += 1
                continue
            if parent_layer is not None and layer == "0":
                layer = parent_layer
            if t == "INSERT":
                if depth >= MAX_DEPTH:
                    skipped["INSERT (depth)"] += 1
                    continue
                try:
                    for a in e.attribs:
                        _add_text(attribs, layer, a)
                    inserts = list(e.multi_insert()) if e.mcount > 1 else [e]
                    for ins in inserts:
                        walk(ins.virtual_entities(skipped_entity_callback=lambda ent, why: skipped.update(
                            [f"{ent.dxftype()} (block)"])), depth + 1, layer)
                except DxfImportError:
                    raise
                except RecursionError:
                    skipped["INSERT (recursive)"] += 1
                except Exception:  # noqa: BLE001 - a broken block is skipped, not fatal
                    skipped["INSERT (broken)"] += 1
            elif t in _CURVES:
                out.append((layer, e))
            elif t == "ATTRIB":
                _add_text(attribs, layer, e)
            elif t in _TEXTS:
                _add_text(texts, layer, e)
            else:
                skipped[t] += 1

    try:
        walk(doc.modelspace(), 0, None)
    except DxfImportError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise DxfImportError(tr("imp.err.unreadable", lang, reason=_short(exc)), "", report.path or None) from None
    return out, texts


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not tab, newline: labels split on lines


def _add_text(texts: list, layer: str, e) -> None:
    try:
        if e.dxftype() == "MTEXT":
            s = e.plain_text()
            p = e.dxf.insert
        else:
            s = e.dxf.get("text", "")
            p = e.dxf.get("align_point") if e.dxf.get("halign", 0) or e.dxf.get("valign", 0) else None
            p = p if p is not None else e.dxf.insert
        s = _CONTROL_CHARS.sub(" ", s).strip()  # the plan file refuses control characters in names
        if s:
            texts.append((layer, s, (float(p[0]), float(p[1]))))
    except Exception:  # noqa: BLE001
        pass


# --------------------------------------------------------------------------------------------
# step 2: layers, suggestions, units


def suggest_role(layer: str) -> str:
    """The role a layer's name suggests: "outline", "wall", "column", "room" or "".

    >>> [suggest_role(n) for n in ("A-WALL", "墙体", "COLUMN", "柱子", "HP-OUTLINE", "房间", "DIM", "WINDOW")]
    ['wall', 'wall', 'column', 'column', 'outline', 'room', '', '']
    """
    for role, pat in _ROLE_PATTERNS:
        if pat.search(layer):
            return role
    return ""


@dataclass
class Inspection:
    report: ImportReport
    layers: list[LayerInfo]
    units: str | None  # from the header; None when unset
    hallplan_source: bool
    _opened: Any = None
    _extent: tuple[float, float, float, float] | None = None

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """The drawing's extent in drawing units (computed when first asked: it costs a pass)."""
        if self._extent is None:
            self._extent = _extent(self._opened.flat()) if self._opened is not None else (0.0, 0.0, 0.0, 0.0)
        return self._extent

    @property
    def units_guess(self) -> str:
        return guess_units(self.extent)

    def suggested(self, role: str) -> tuple[str, ...]:
        return tuple(li.name for li in self.layers if li.suggested == role)


def inspect_dxf(path: str | os.PathLike | bytes, opts: ImportOptions | None = None) -> Inspection:
    """Open a drawing and list its layers (with counts and suggested roles) and units."""
    opts = opts or ImportOptions()
    return open_dxf(path, opts).inspect(opts)


def _inspect(opened: OpenedDxf, opts: ImportOptions) -> Inspection:
    counts: dict[str, Counter] = defaultdict(Counter)
    hallplan_source = _is_hallplan(opened.doc)
    if hallplan_source and not opts.explicit_layers:
        # read back through its XDATA: what is on the layers at the top level is enough to show
        for e in opened.doc.modelspace():
            try:
                layer = e.dxf.get("layer", "0")
            except Exception:  # noqa: BLE001 - a damaged entity of no known type has no layer
                layer = "0"
            counts[layer][e.dxftype()] += 1
    else:
        for layer, e in opened.flat():
            counts[layer][e.dxftype()] += 1
        for layer, _, _ in opened.texts():
            counts[layer]["TEXT"] += 1
    names = set(counts)
    try:
        names |= {layer.dxf.name for layer in opened.doc.layers}
    except Exception:  # noqa: BLE001
        pass
    layers = [LayerInfo(n, dict(counts.get(n, {})), suggest_role(n)) for n in sorted(names, key=str.casefold)]
    return Inspection(opened.report, layers, _header_units(opened.doc), hallplan_source, opened)


def _header_units(doc) -> str | None:
    try:
        code = int(doc.header.get("$INSUNITS", 0) or 0)
    except (TypeError, ValueError):
        return None
    if code in INSUNITS_NAMES:
        return INSUNITS_NAMES[code]
    if code == 0:
        return None
    from ezdxf import units as dxfunits

    try:
        dxfunits.conversion_factor(code, dxfunits.M)
    except Exception:  # noqa: BLE001
        return None
    return f"insunits:{code}"


def _unit_scale(units: str) -> float:
    if units in UNIT_SCALE:
        return UNIT_SCALE[units]
    if units.startswith("insunits:"):
        from ezdxf import units as dxfunits

        return float(dxfunits.conversion_factor(int(units.split(":")[1]), dxfunits.M))
    raise ValueError(units)


def guess_units(extent: tuple[float, float, float, float]) -> str:
    """The likely unit of a floor plan from its extent in drawing units (a hall is 5–500 m).

    >>> guess_units((0, 0, 60000, 42000)), guess_units((0, 0, 3000, 2100)), guess_units((0, 0, 60, 42))
    ('mm', 'cm', 'm')
    """
    span = max(extent[2] - extent[0], extent[3] - extent[1])
    if span >= 4000:  # 4 m in mm (a small station) rather than 40 m in cm: Chinese drawings are in mm
        return "mm"
    if span >= 600:
        return "cm"
    return "m"


def _extent(flat) -> tuple[float, float, float, float]:
    from ezdxf import bbox

    try:
        box = bbox.extents((e for _, e in flat), fast=True)
    except Exception:  # noqa: BLE001
        return (0.0, 0.0, 0.0, 0.0)
    if not box.has_data:
        return (0.0, 0.0, 0.0, 0.0)
    return (box.extmin.x, box.extmin.y, box.extmax.x, box.extmax.y)


def _is_hallplan(doc) -> bool:
    try:
        for e in doc.modelspace().query('LWPOLYLINE[layer=="HP-OUTLINE"]'):
            if e.has_xdata(APPID) and _xd(e)[:1] == ["floor"]:
                return True
    except Exception:  # noqa: BLE001
        return False
    return False


def _xd(e) -> list:
    try:
        return [v for _, v in e.get_xdata(APPID)]
    except Exception:  # noqa: BLE001
        return []


# --------------------------------------------------------------------------------------------
# step 3: geometry


# flattening works to 2 mm (``flat_dist``): an entity larger than this many times that (100 km) is not
# part of a building, and flattening a huge circle to 2 mm would not finish (fuzz-found hang)
_MAX_EXTENT_FLAT = 5e7


class _TooBig(ValueError):
    pass


def _check_extent(vertices, flat_dist: float) -> None:
    limit = flat_dist * _MAX_EXTENT_FLAT
    for v in vertices:
        if not (abs(v.x) <= limit and abs(v.y) <= limit):  # also NaN
            raise _TooBig


def _points(e, flat_dist: float) -> list[tuple[list[tuple[float, float]], bool]]:
    """An entity as polylines in drawing units: [(points, closed)]; :class:`_TooBig` past 100 km."""
    from ezdxf import path as dxfpath

    t = e.dxftype()
    if t == "LINE":
        s, x = e.dxf.start, e.dxf.end
        _check_extent((s, x), flat_dist)
        return [([(s.x, s.y), (x.x, x.y)], False)]
    if t in ("HATCH", "MPOLYGON"):
        out = []
        for p in dxfpath.from_hatch(e):
            _check_extent(p.control_vertices(), flat_dist)
            pts = [(v.x, v.y) for v in p.flattening(flat_dist)]
            if len(pts) >= 3:
                out.append((pts, True))
        return out
    if t == "POLYLINE" and (e.is_poly_face_mesh or e.is_polygon_mesh):
        return []
    p = dxfpath.make_path(e)
    _check_extent(p.control_vertices(), flat_dist)
    pts = [(v.x, v.y) for v in p.flattening(flat_dist)]
    closed = t in ("CIRCLE", "SOLID", "TRACE") or (t == "LWPOLYLINE" and bool(e.closed)) or (
        t == "POLYLINE" and bool(e.is_closed)) or (
        t in ("ELLIPSE", "SPLINE") and p.is_closed)
    if len(pts) >= 2 and closed and math.dist(pts[0], pts[-1]) < 1e-9:
        pts = pts[:-1]
    return [(pts, closed)] if len(pts) >= 2 else []


class _Snapper:
    """Endpoints within ``tol`` of each other moved onto their common mean (union-find)."""

    def __init__(self, tol: float):
        self.tol = tol

    def snap(self, lines: list[np.ndarray]) -> tuple[list[np.ndarray], list[float]]:
        if not lines or self.tol <= 0:
            return lines, []
        from scipy.spatial import cKDTree

        ends = np.array([ln[i] for ln in lines for i in (0, -1)])
        tree = cKDTree(ends)
        pairs = tree.query_pairs(self.tol, output_type="ndarray")
        if len(pairs) == 0:
            return lines, []
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components

        n = len(ends)
        graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
        _, roots = connected_components(graph, directed=False)
        sizes = np.bincount(roots)
        sums = np.zeros((len(sizes), 2))
        np.add.at(sums, roots, ends)
        centres = sums / sizes[:, None]
        dev = np.linalg.norm(ends - centres[roots], axis=1)
        span = np.zeros(len(sizes))
        np.maximum.at(span, roots, dev)
        gaps = [float(2 * v) for v, c in zip(span, sizes, strict=True) if c > 1 and v > 5e-10]
        means = {int(r): centres[r] for r in np.nonzero(sizes > 1)[0]}
        roots = roots.tolist()
        out = []
        for k, ln in enumerate(lines):
            ln = ln.copy()
            for j, i in ((0, 2 * k), (-1, 2 * k + 1)):
                r = roots[i]
                if r in means:
                    ln[j] = means[r]
            out.append(ln)
        return out, gaps


def _faces(rings: list[np.ndarray], lines: list[np.ndarray], tol: float) -> tuple[list, list[float], Any]:
    """Closed areas formed by ``rings`` (closed polylines) and ``lines`` (open, joined within
    ``tol``): (polygons, gaps closed, dangles)."""
    lines, gaps = _Snapper(tol).snap(lines)
    geoms = [shapely.LineString(ln) for ln in lines if len(ln) >= 2]
    geoms += [shapely.LinearRing(r) for r in rings if len(r) >= 3]
    geoms = [g for g in geoms if g.is_valid or g.geom_type == "LinearRing"]
    if not geoms:
        return [], gaps, None
    noded = shapely.union_all(geoms)
    polys, _cuts, dangles, _invalid = shapely.polygonize_full([noded])
    return [p for p in shapely.get_parts(polys) if p.area > 0], gaps, dangles


def _even_odd(faces: list) -> list:
    """Faces nested inside another face's hole an odd number of times are holes (a courtyard
    drawn as a ring inside the outline), the others are kept."""
    if len(faces) < 2:
        return faces
    shells = [shapely.Polygon(f.exterior) for f in faces]
    tree = shapely.STRtree(shells)
    out = []
    for i, f in enumerate(faces):
        pt = f.representative_point()
        depth = sum(1 for j in tree.query(pt, predicate="within") if j != i and shells[j].area > shells[i].area)
        if depth % 2 == 0:
            out.append(f)
    return out


def _close_nearly(lines: list[np.ndarray], report: ImportReport, layer: str, scale: float) -> list[np.ndarray]:
    """An open polyline whose ends are close (≤ 0.5 m and ≤ 5 % of its length) is closed."""
    out = []
    for ln in lines:
        if len(ln) >= 3:
            gap = float(np.linalg.norm(ln[0] - ln[-1])) * scale
            length = float(np.sum(np.linalg.norm(np.diff(ln, axis=0), axis=1))) * scale
            if 1e-9 < gap <= min(0.5, 0.05 * length):
                out.append(np.vstack([ln, ln[:1]]))
                report.closed_gaps.append((layer, gap))
                continue
        out.append(ln)
    return out


@dataclass
class _Layered:
    rings: list[np.ndarray] = field(default_factory=list)  # closed, drawing units
    lines: list[np.ndarray] = field(default_factory=list)  # open
    circles: list[tuple[float, float, float]] = field(default_factory=list)  # cx, cy, r
    layers: set = field(default_factory=set)
    ring_layers: list[str] = field(default_factory=list)
    line_layers: list[str] = field(default_factory=list)
    _seen: set = field(default_factory=set)

    def add(self, arr: np.ndarray, closed: bool, layer: str) -> None:
        if closed and len(arr) > 3 and np.allclose(arr[0], arr[-1]):
            arr = arr[:-1]
        key = (layer, closed, frozenset(map(tuple, np.round(arr, 4).tolist())))
        if key in self._seen:  # a hatch over its own outline, a polyline drawn twice …
            return
        self._seen.add(key)
        if closed:
            self.rings.append(arr)
            self.ring_layers.append(layer)
        else:
            self.lines.append(arr)
            self.line_layers.append(layer)


def _collect(flat, roles: dict[str, str], flat_dist: float, report: ImportReport, lang: str) -> dict[str, _Layered]:
    by_role: dict[str, _Layered] = {r: _Layered() for r in ROLES}
    unused = Counter()
    for layer, e in flat:
        role = roles.get(layer)
        if not role:
            unused[layer] += 1
            continue
        bucket = by_role[role]
        bucket.layers.add(layer)
        t = e.dxftype()
        try:
            if t == "CIRCLE":
                c = e.dxf.center
                r = float(e.dxf.radius)
                _check_extent((c, c + (r, r)), flat_dist)
                bucket.circles.append((c.x, c.y, r))
                if role != "column":
                    for pts, _ in _points(e, flat_dist):
                        bucket.add(np.asarray(pts, dtype=float)[:, :2], True, layer)
                continue
            for pts, closed in _points(e, flat_dist):
                arr = np.asarray(pts, dtype=float)[:, :2]
                if not np.all(np.isfinite(arr)):
                    report.skipped[f"{t} (bad coordinates)"] += 1
                    continue
                bucket.add(arr, closed and len(arr) >= 3, layer)
        except _TooBig:
            report.skipped[f"{t} (bad coordinates)"] += 1
        except Exception:  # noqa: BLE001 - one unreadable entity is skipped, reported
            report.skipped[f"{t} (unreadable)"] += 1
    for layer, n in unused.items():
        report.skipped[tr("imp.r.layer_unused", lang, layer=layer)] += n
    return by_role


def _roles(insp: Inspection, opts: ImportOptions) -> dict[str, str]:
    chosen = {"outline": opts.outline_layers, "wall": opts.wall_layers, "column": opts.column_layers,
              "room": opts.room_layers}
    roles: dict[str, str] = {}
    known = {li.name for li in insp.layers}
    for role, layers in chosen.items():
        if layers is None:
            layers = insp.suggested(role)
        for name in layers:
            if name not in known:
                raise DxfImportError(tr("imp.err.no_layer", opts.lang, layer=name,
                                        known=", ".join(sorted(known)[:30])), "", insp.report.path or None)
            roles.setdefault(name, role)
    return roles


def _poly_ring(p) -> tuple[tuple[float, float], ...]:
    return tuple((float(x), float(y)) for x, y in list(p.coords)[:-1])


def _clean(poly, eps: float = 0.0005):
    """Collinear vertices merged (flattened arcs keep their shape within ``eps`` m)."""
    q = poly.simplify(eps, preserve_topology=True)
    if not q.is_valid:
        q = shapely.make_valid(q)
    if q.geom_type != "Polygon":
        parts = [g for g in shapely.get_parts(q) if g.geom_type == "Polygon"]
        q = max(parts, key=lambda g: g.area) if parts else poly
    return q


def _to_model_polygon(p) -> Polygon:
    p = shapely.geometry.polygon.orient(p, 1.0)
    return Polygon(_poly_ring(p.exterior), tuple(_poly_ring(i) for i in p.interiors))


def _thin(poly, width: float) -> bool:
    """True when no disc of diameter ``width`` fits inside ``poly``."""
    return poly.buffer(-width / 2.0).is_empty


_ZONE_WORDS: tuple[tuple[str, ZoneKind], ...] = (
    ("24小时", ZoneKind.SELF_SERVICE_24H), ("无障碍卫生间", ZoneKind.TOILET_ACCESSIBLE),
    ("第三卫生间", ZoneKind.TOILET_ACCESSIBLE), ("无障碍厕所", ZoneKind.TOILET_ACCESSIBLE),
    ("男卫", ZoneKind.TOILET_MALE), ("男厕", ZoneKind.TOILET_MALE), ("女卫", ZoneKind.TOILET_FEMALE),
    ("女厕", ZoneKind.TOILET_FEMALE), ("母婴", ZoneKind.MOTHER_BABY), ("儿童", ZoneKind.CHILDREN_PLAY),
    ("自助", ZoneKind.SELF_SERVICE), ("投诉", ZoneKind.COMPLAINT), ("咨询", ZoneKind.CONSULTATION),
    ("导服", ZoneKind.CONSULTATION), ("引导", ZoneKind.CONSULTATION), ("等候", ZoneKind.WAITING),
    ("窗口", ZoneKind.WINDOW_SERVICE), ("企业", ZoneKind.ENTERPRISE_SERVICE), ("商务", ZoneKind.BUSINESS_SERVICE),
    ("便民", ZoneKind.CONVENIENCE), ("公开", ZoneKind.PUBLICITY), ("公示", ZoneKind.PUBLICITY),
    ("宣传", ZoneKind.PUBLICITY), ("出证", ZoneKind.CERTIFICATE_ISSUE), ("制证", ZoneKind.CERTIFICATE_ISSUE),
    ("档案", ZoneKind.ARCHIVE), ("评审", ZoneKind.EXPERT_REVIEW), ("监控", ZoneKind.MONITORING),
    ("会议", ZoneKind.MEETING), ("更衣", ZoneKind.STAFF_REST), ("休息室", ZoneKind.STAFF_REST),
    ("后台", ZoneKind.BACK_OFFICE), ("审批", ZoneKind.BACK_OFFICE), ("信息", ZoneKind.INFORMATION_ROOM),
    ("弱电", ZoneKind.INFORMATION_ROOM), ("机房", ZoneKind.COMPUTER_ROOM), ("配电", ZoneKind.POWER_ROOM),
    ("强电", ZoneKind.POWER_ROOM), ("办公", ZoneKind.MANAGEMENT_OFFICE), ("休息", ZoneKind.WAITING),
    ("走廊", ZoneKind.CIRCULATION), ("过道", ZoneKind.CIRCULATION), ("通道", ZoneKind.CIRCULATION),
    ("门厅", ZoneKind.CIRCULATION), ("大厅", ZoneKind.CIRCULATION),
)


def guess_zone_kind(text: str) -> ZoneKind | None:
    """A zone kind from a room label (Chinese names from the glossary and common words).

    >>> guess_zone_kind("男卫生间"), guess_zone_kind("综合窗口区"), guess_zone_kind("储藏")
    (<ZoneKind.TOILET_MALE: 'toilet_male'>, <ZoneKind.WINDOW_SERVICE: 'window_service'>, None)
    """
    for k in ZoneKind:
        if text == label(k, "zh"):
            return k
    for word, kind in _ZONE_WORDS:
        if word in text:
            return kind
    return None


def _zone_kind_from_layer(layer: str) -> ZoneKind | None:
    if layer.upper().startswith("HP-ZONE-"):
        try:
            return ZoneKind(layer[8:].lower())
        except ValueError:
            return None
    return None


def _rect_of(poly) -> tuple[float, float, float, float, float]:
    """(cx, cy, long side, short side, angle of the long side in degrees) of the minimum rectangle."""
    mrr = poly.minimum_rotated_rectangle
    if mrr.geom_type != "Polygon":
        c = poly.centroid
        return (c.x, c.y, 0.0, 0.0, 0.0)
    pts = list(mrr.exterior.coords)[:4]
    e1 = (pts[1][0] - pts[0][0], pts[1][1] - pts[0][1])
    e2 = (pts[2][0] - pts[1][0], pts[2][1] - pts[1][1])
    l1, l2 = math.hypot(*e1), math.hypot(*e2)
    if l1 >= l2:
        ang = math.degrees(math.atan2(e1[1], e1[0]))
        long_, short = l1, l2
    else:
        ang = math.degrees(math.atan2(e2[1], e2[0]))
        long_, short = l2, l1
    ang = ang % (90.0 if abs(long_ - short) < 0.005 else 180.0)  # a square has no long side
    if ang >= 179.9999 or (abs(long_ - short) < 0.005 and ang >= 89.9999):
        ang = 0.0
    c = mrr.centroid
    return (c.x, c.y, long_, short, ang)


def _pair_walls(segs: np.ndarray, opts: ImportOptions) -> tuple[list[tuple[tuple, tuple, float]], np.ndarray]:
    """Pair parallel wall lines (metres) into walls: [(start, end, thickness)] and, per segment, the
    share of its length used by a pair."""
    n = len(segs)
    used = np.zeros(n)
    if n < 2:
        return [], used
    d = segs[:, 2:] - segs[:, :2]
    length = np.hypot(d[:, 0], d[:, 1])
    u = d / np.maximum(length, 1e-12)[:, None]
    lines = shapely.linestrings(segs.reshape(n, 2, 2))
    tree = shapely.STRtree(lines)
    qi, qj = tree.query(lines, predicate="dwithin", distance=opts.max_wall)
    keep = qi < qj
    qi, qj = qi[keep], qj[keep]
    cross = np.abs(u[qi, 0] * u[qj, 1] - u[qi, 1] * u[qj, 0])
    par = cross < math.sin(math.radians(2.0))
    qi, qj = qi[par], qj[par]
    # perpendicular distance from j's midpoint to i's line
    mid_j = (segs[qj, :2] + segs[qj, 2:]) / 2.0
    rel = mid_j - segs[qi, :2]
    dist = np.abs(rel[:, 0] * u[qi, 1] - rel[:, 1] * u[qi, 0])
    ok = (dist >= opts.min_wall) & (dist <= opts.max_wall)
    qi, qj, dist = qi[ok], qj[ok], dist[ok]
    order = np.argsort(dist, kind="stable")
    taken: dict[int, list[tuple[float, float]]] = defaultdict(list)
    walls = []

    def covered(k: int, a: float, b: float) -> float:
        return sum(max(0.0, min(b, y) - max(a, x)) for x, y in taken[k])

    for idx in order:
        i, j, t = int(qi[idx]), int(qj[idx]), float(dist[idx])
        o = segs[i, :2]
        ui = u[i]
        a0, a1 = 0.0, float(length[i])
        pj = [float(np.dot(segs[j, :2] - o, ui)), float(np.dot(segs[j, 2:] - o, ui))]
        b0, b1 = min(pj), max(pj)
        lo, hi = max(a0, b0), min(a1, b1)
        if hi - lo < max(0.2, 0.3 * min(length[i], length[j])):
            continue
        # the same stretch on j, in j's own parameter
        oj, uj = segs[j, :2], u[j]
        pa, pb = o + ui * lo, o + ui * hi
        c0, c1 = sorted((float(np.dot(pa - oj, uj)), float(np.dot(pb - oj, uj))))
        if covered(i, lo, hi) > 0.5 * (hi - lo) or covered(j, c0, c1) > 0.5 * (c1 - c0):
            continue
        taken[i].append((lo, hi))
        taken[j].append((c0, c1))
        # centre line: halfway towards j
        nrm = np.array([-ui[1], ui[0]])
        side = 1.0 if np.dot(segs[j, :2] + segs[j, 2:] - 2 * o, nrm) >= 0 else -1.0
        off = nrm * side * t / 2.0
        p, q = pa + off, pb + off
        walls.append(((float(p[0]), float(p[1])), (float(q[0]), float(q[1])), t))
    for k, iv in taken.items():
        used[k] = min(1.0, sum(y - x for x, y in iv) / max(length[k], 1e-12))
    return walls, used


def _merge_collinear(walls: list[tuple[list, float, WallKind]], tol: float) -> list[tuple[list, float, WallKind]]:
    """Straight walls on one line with the same thickness whose ends are at most a wall thickness
    apart (a junction the drawing leaves open) become one wall; door openings (wider) stay open.

    >>> w = _merge_collinear([([(0, 0), (2.0, 0)], 0.24, WallKind.PARTITION),
    ...                       ([(2.24, 0), (4.0, 0)], 0.24, WallKind.PARTITION),
    ...                       ([(5.0, 0), (6.0, 0)], 0.24, WallKind.PARTITION)], 0.02)
    >>> [(x[0], x[1]) for x in w]
    [([(0.0, 0.0), (4.0, 0.0)], 0.24), ([(5.0, 0.0), (6.0, 0.0)], 0.24)]
    """
    groups: dict[tuple, list[tuple[float, float, WallKind]]] = defaultdict(list)
    exact: dict[tuple, tuple[float, float]] = {}
    rest = []
    for pts, t, kind in walls:
        if len(pts) != 2:
            rest.append((pts, t, kind))
            continue
        (x0, y0), (x1, y1) = pts
        ang = math.atan2(y1 - y0, x1 - x0) % math.pi
        if ang > math.pi - 1e-4:
            ang = 0.0
        ux, uy = math.cos(ang), math.sin(ang)
        off = -x0 * uy + y0 * ux  # signed distance of the line from the origin
        a, b = sorted((x0 * ux + y0 * uy, x1 * ux + y1 * uy))
        key = (round(ang, 3), round(off, 3), round(t, 3))
        groups[key].append((a, b, kind))
        exact.setdefault(key, (ang, off))
    out = list(rest)
    for key, spans in groups.items():
        (ang, off), t = exact[key], key[2]
        ux, uy = math.cos(ang), math.sin(ang)
        spans.sort()
        cur_a, cur_b, cur_k = spans[0]
        merged = []
        for a, b, k in spans[1:]:
            if a - cur_b <= t + tol:
                cur_b = max(cur_b, b)
                if k == WallKind.EXTERIOR:
                    cur_k = k
            else:
                merged.append((cur_a, cur_b, cur_k))
                cur_a, cur_b, cur_k = a, b, k
        merged.append((cur_a, cur_b, cur_k))
        for a, b, k in merged:
            p = (round(a * ux - off * uy, 6), round(a * uy + off * ux, 6))
            q = (round(b * ux - off * uy, 6), round(b * uy + off * ux, 6))
            out.append(([p, q], t, k))
    return out


def _segments(lines: Sequence[np.ndarray], rings: Sequence[np.ndarray], min_len: float) -> np.ndarray:
    segs = []
    for ln in lines:
        if len(ln) >= 2:
            segs.append(np.hstack([ln[:-1], ln[1:]]))
    for r in rings:
        if len(r) >= 3:
            closed = np.vstack([r, r[:1]])
            segs.append(np.hstack([closed[:-1], closed[1:]]))
    if not segs:
        return np.zeros((0, 4))
    s = np.vstack(segs)
    ln = np.hypot(s[:, 2] - s[:, 0], s[:, 3] - s[:, 1])
    return s[ln >= min_len]


@dataclass
class ImportResult:
    plan: Plan
    report: ImportReport
    rooms: list[tuple[str, Zone]] = field(default_factory=list)  # (floor id, zone) offered from walls


def build_plan(opened: OpenedDxf, opts: ImportOptions | None = None, inspection: Inspection | None = None) -> ImportResult:
    """Step 3: the plan from an opened drawing. Raises :class:`DxfImportError`."""
    opts = opts or ImportOptions()
    try:
        return _build(opened, opts, inspection)
    except DxfImportError:
        raise
    except RecursionError:
        raise _err("imp.err.unreadable", opts.lang, opened.path or None, reason="nesting too deep") from None
    except Exception as exc:  # noqa: BLE001 - a damaged entity ezdxf's recover mode let through (fuzz-found)
        raise _err("imp.err.unreadable", opts.lang, opened.path or None, reason=_short(exc)) from None


def _build(opened: OpenedDxf, opts: ImportOptions, insp: Inspection | None) -> ImportResult:
    L = opts.lang
    report = opened.report
    path = opened.path or None
    insp = insp or opened.inspect(opts)
    if insp.hallplan_source and not opts.explicit_layers:
        result = _from_hallplan(opened, opts)
    else:
        if not opened.flat():
            key = "imp.err.no_entities_truncated" if report.truncated else "imp.err.no_entities"
            raise DxfImportError(tr(key, L), "ENTITIES", path)
        result = _from_geometry(opened, opts, insp)
    plan = result.plan
    if not plan.floors:
        raise DxfImportError(tr("imp.err.no_outline", L, layers=", ".join(report.layers_used.get("outline", ()))
                                or "—"), "", path)
    # everything goes through the plan file's validation: what we return can be saved and loaded
    from hallplan.io.planfile import PlanFileError, dumps, loads

    try:
        result.plan = loads(dumps(plan))
    except PlanFileError as exc:
        raise DxfImportError(tr("imp.err.invalid_plan", L, reason=str(exc)), "", path) from None
    report.counts["floors"] = len(plan.floors)
    for attr, key in (("walls", "walls"), ("columns", "columns"), ("zones", "zones"), ("windows", "windows"),
                      ("doors", "doors"), ("furniture", "furniture")):
        report.counts[key] = sum(len(getattr(f, attr)) for f in plan.floors)
    return result


def _stored_plan(opened: OpenedDxf, opts: ImportOptions) -> Plan | None:
    """The plan's own properties a hallplan export keeps in the header (see
    ``dxf_export.store_plan_properties``); None when absent or damaged (then the file name and the
    chosen level stand in, as for any drawing, and the report says so)."""
    import json

    from hallplan.io.dxf_export import PLAN_VAR
    from hallplan.io.planfile import FORMAT, VERSION, PlanFileError, from_document

    parts = sorted((tag, val) for tag, val in opened.doc.header.custom_vars if tag.startswith(PLAN_VAR + "."))
    if not parts:
        return None
    try:
        props = json.loads("".join(str(v) for _, v in parts))
        plan = from_document({"format": FORMAT, "version": VERSION, "plan": props, "floors": []})
    except (ValueError, PlanFileError) as exc:
        opened.report.warnings.append(tr("imp.warn.plan_properties", opts.lang, reason=str(exc)))
        return None
    return replace(plan, name=opts.name) if opts.name else plan


def _new_plan(opened: OpenedDxf, opts: ImportOptions) -> Plan:
    name = opts.name or (Path(opened.path).stem if opened.path else tr("imp.default_name", opts.lang))
    return Plan(name, opts.level)


# --- a drawing exported by hallplan: XDATA ------------------------------------------------------


def _from_hallplan(opened: OpenedDxf, opts: ImportOptions) -> ImportResult:
    report = opened.report
    report.hallplan_source = True
    report.units, report.unit_source = "mm", "header"
    msp = opened.doc.modelspace()
    k = 0.001
    plan = _stored_plan(opened, opts) or _new_plan(opened, opts)
    floors: dict[str, Floor] = {}
    offsets: dict[str, tuple[float, float]] = {}
    frames: list[tuple[str, tuple[float, float, float, float]]] = []
    holes: dict[str, list] = defaultdict(list)
    by_kind: dict[str, list] = defaultdict(list)
    for e in msp:
        xd = _xd(e) if e.has_xdata(APPID) else []
        if xd and isinstance(xd[0], str):
            by_kind[xd[0]].append((e, xd))
    for e, xd in by_kind["floor"]:
        try:
            fid, storey, name, ox, oy, height = xd[1], int(xd[2]), xd[3], float(xd[4]), float(xd[5]), float(xd[6])
        except (IndexError, ValueError, TypeError):
            report.skipped["HP-OUTLINE (xdata)"] += 1
            continue
        ring = tuple((p[0] * k - ox, p[1] * k - oy) for p in e.get_points("xy"))
        floors[fid] = Floor(fid, storey, Polygon(ring), name, height)
        offsets[fid] = (ox, oy)
        xs = [p[0] for p in e.get_points("xy")]
        ys = [p[1] for p in e.get_points("xy")]
        frames.append((fid, (min(xs), min(ys), max(xs), max(ys))))
    if not floors:
        return ImportResult(plan, report)

    def off(fid):
        return offsets[fid]

    def ring_of(e, fid):
        ox, oy = off(fid)
        return tuple((p[0] * k - ox, p[1] * k - oy) for p in e.get_points("xy"))

    def floor_at(x_mm: float, y_mm: float) -> str:
        best, bd = frames[0][0], math.inf
        for fid, (x0, y0, x1, y1) in frames:
            dx = max(x0 - x_mm, 0.0, x_mm - x1)
            dy = max(y0 - y_mm, 0.0, y_mm - y1)
            dd = math.hypot(dx, dy)
            if dd < bd:
                best, bd = fid, dd
        return best

    for e, xd in by_kind["hole"]:
        if len(xd) > 1 and xd[1] in floors:
            holes[xd[1]].append(ring_of(e, xd[1]))
    for fid, hs in holes.items():
        f = floors[fid]
        f.outline = Polygon(f.outline.exterior, tuple(hs))
    zone_holes: dict[str, list] = defaultdict(list)
    for e, xd in by_kind["zone-hole"]:
        zone_holes[xd[1]].append(e)
    for e, xd in by_kind["zone"]:
        try:
            zid, kind, name = xd[1], ZoneKind(xd[2]), xd[3] if len(xd) > 3 else ""
        except (IndexError, ValueError):
            report.skipped["zone (xdata)"] += 1
            continue
        p0 = e.get_points("xy")[0]
        fid = floor_at(p0[0], p0[1])
        hs = tuple(ring_of(h, fid) for h in zone_holes.get(zid, ()))
        floors[fid].zones[zid] = Zone(zid, kind, Polygon(ring_of(e, fid), hs), name)
    for _e, xd in by_kind["wall"]:
        try:
            wid, kind, thick = xd[1], WallKind(xd[2]), float(xd[3])
            pts_mm = [tuple(v)[:2] for v in xd[4:] if isinstance(v, tuple) or hasattr(v, "x")]
        except (IndexError, ValueError, TypeError):
            report.skipped["wall (xdata)"] += 1
            continue
        pts_mm = [(float(v[0]), float(v[1])) for v in pts_mm]
        if len(pts_mm) < 2:
            continue
        fid = floor_at(*pts_mm[0])
        ox, oy = off(fid)
        floors[fid].walls[wid] = Wall(wid, tuple((x * k - ox, y * k - oy) for x, y in pts_mm), thick, kind)
    for e, xd in by_kind["column"]:
        cid = xd[1] if len(xd) > 1 else ""
        if e.dxftype() == "CIRCLE":
            c = e.dxf.center
            fid = floor_at(c.x, c.y)
            ox, oy = off(fid)
            floors[fid].columns[cid] = Column(cid, c.x * k - ox, c.y * k - oy, e.dxf.radius * 2 * k,
                                              e.dxf.radius * 2 * k, 0.0, True)
        else:
            p0 = e.get_points("xy")[0]
            fid = floor_at(p0[0], p0[1])
            ring = ring_of(e, fid)
            x, y, w, d, rot = _rect_from_ring(ring)
            floors[fid].columns[cid] = Column(cid, x, y, w, d, rot, False)
    for e, xd in by_kind["stair"] + by_kind["lift"]:
        p0 = e.get_points("xy")[0]
        fid = floor_at(p0[0], p0[1])
        x, y, w, d, rot = _rect_from_ring(ring_of(e, fid))
        if xd[0] == "stair":
            floors[fid].stairs[xd[1]] = Stair(xd[1], x, y, rot, w, d, xd[2] if len(xd) > 2 else "")
        else:
            floors[fid].lifts[xd[1]] = Lift(xd[1], x, y, rot, w, d, name=xd[2] if len(xd) > 2 else "")
    for e, xd in by_kind["window"]:
        try:
            wid, services, low = xd[1], xd[2], xd[3] == "low"
            length, depth, height, staff = float(xd[4]), float(xd[5]), float(xd[6]), int(xd[7])
            ins = e.dxf.insert
            fid = floor_at(ins.x, ins.y)
            ox, oy = off(fid)
            kind = WindowKind(e.get_attrib_text("KIND"))
            name = xd[8] if len(xd) > 8 else (e.get_attrib_text("NAME") or "")
            equipment = tuple(x for x in xd[9].split(",") if x) if len(xd) > 9 else ()
            floors[fid].windows[wid] = ServiceWindow(
                wid, e.get_attrib_text("NUMBER") or "", kind, ins.x * k - ox, ins.y * k - oy,
                round(e.dxf.rotation % 360.0, 9), length, depth, height, Domain(e.get_attrib_text("DOMAIN") or "none"),
                name, services, low, staff, equipment)
        except (IndexError, ValueError, TypeError, AttributeError):
            report.skipped["window (xdata)"] += 1
    for e, xd in by_kind["door"]:
        try:
            did, kind, hinge, host, name = xd[1], DoorKind(xd[2]), Hinge(xd[3]), xd[4], xd[5]
            width, swing, to_out, out_side = float(xd[6]), int(xd[7]), bool(int(xd[8])), int(xd[9])
            ins = e.dxf.insert
            fid = floor_at(ins.x, ins.y)
            ox, oy = off(fid)
            floors[fid].doors[did] = Door(did, kind, ins.x * k - ox, ins.y * k - oy, round(e.dxf.rotation % 360.0, 9),
                                          width, hinge, swing, to_out, out_side, host, name)
        except (IndexError, ValueError, TypeError, AttributeError):  # AttributeError: a damaged entity
            report.skipped["door (xdata)"] += 1
    for e, xd in by_kind["furniture"]:
        try:
            fuid, kind, name = xd[1], FurnitureKind(xd[2]), xd[3]
            width, depth, seats, fov, rng = float(xd[4]), float(xd[5]), int(xd[6]), float(xd[7]), float(xd[8])
            ins = e.dxf.insert
            fid = floor_at(ins.x, ins.y)
            ox, oy = off(fid)
            floors[fid].furniture[fuid] = Furniture(fuid, kind, ins.x * k - ox, ins.y * k - oy,
                                                    round(e.dxf.rotation % 360.0, 9), width, depth, seats, fov, rng,
                                                    name)
        except (IndexError, ValueError, TypeError, AttributeError):  # AttributeError: a damaged entity
            report.skipped["furniture (xdata)"] += 1
    plan.floors = sorted(floors.values(), key=lambda f: f.storey)
    report.layers_used = {"outline": ("HP-OUTLINE",), "wall": ("HP-WALL",), "column": ("HP-COLUMN",),
                          "room": tuple(sorted({e.dxf.layer for e, _ in by_kind["zone"]}))}
    return ImportResult(plan, report)


def _rect_from_ring(ring) -> tuple[float, float, float, float, float]:
    """(cx, cy, width, depth, rotation) of a 4-corner rectangle as :func:`rect_ring` makes it."""
    if len(ring) != 4:
        x, y, lng, sh, ang = _rect_of(shapely.Polygon(ring))
        return (x, y, lng, sh, ang)
    a, b, c, d = ring
    cx, cy = sum(p[0] for p in ring) / 4.0, sum(p[1] for p in ring) / 4.0
    w = math.dist(a, b)
    dd = math.dist(b, c)
    rot = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])) % 360.0
    if abs(rot - 360.0) < 1e-9:
        rot = 0.0
    return (cx, cy, w, dd, round(rot, 9))


# --- any drawing: layers and linework ---------------------------------------------------------


def _from_geometry(opened: OpenedDxf, opts: ImportOptions, insp: Inspection) -> ImportResult:
    L = opts.lang
    report = opened.report
    path = opened.path or None
    if opts.units:
        units, report.unit_source = opts.units, "option"
    elif insp.units:
        units, report.unit_source = insp.units, "header"
    else:
        w = insp.extent[2] - insp.extent[0]
        h = insp.extent[3] - insp.extent[1]
        raise UnitsNeeded(tr("imp.err.units", L, guess=insp.units_guess, w=f"{w:,.0f}", h=f"{h:,.0f}"),
                          insp.units_guess, path)
    try:
        scale = _unit_scale(units)
    except ValueError:
        raise _err("imp.err.bad_units", L, path, units=units) from None
    report.units = units
    roles = _roles(insp, opts)
    report.layers_used = {r: tuple(sorted(n for n, rr in roles.items() if rr == r)) for r in ROLES}
    flat_dist = max(0.002 / scale, 1e-9)  # arcs to within 2 mm
    by_role = _collect(opened.flat(), roles, flat_dist, report, L)
    # drawing units → metres (no shift yet)
    for b in by_role.values():
        b.rings = [r * scale for r in b.rings]
        b.lines = [ln * scale for ln in b.lines]
        b.circles = [(x * scale, y * scale, r * scale) for x, y, r in b.circles]
    tol = opts.tolerance
    plan = _new_plan(opened, opts)
    outl, walls_b, cols_b, rooms_b = by_role["outline"], by_role["wall"], by_role["column"], by_role["room"]

    # --- outlines
    src_name = ", ".join(sorted(outl.layers)) or ""
    lines = _close_nearly(outl.lines, report, src_name, 1.0) if outl.lines else []
    closed_now = [ln[:-1] for ln in lines if len(ln) >= 4 and np.allclose(ln[0], ln[-1])]
    lines = [ln for ln in lines if not (len(ln) >= 4 and np.allclose(ln[0], ln[-1]))]
    faces, gaps, dangles = _faces(outl.rings + closed_now, lines, tol)
    report.closed_gaps.extend((src_name, g) for g in gaps)
    from_walls = False
    if not faces:
        # no outline layer (or nothing closed on it): the outer boundary of the walls
        wf, wgaps, wdangles = _faces(walls_b.rings, walls_b.lines, tol)
        if dangles is None or dangles.is_empty:
            dangles = wdangles
        if wf:
            faces = wf
            from_walls = True
            report.closed_gaps.extend((", ".join(sorted(walls_b.layers)), g) for g in wgaps)
            report.warnings.append(tr("imp.warn.outline_from_walls", L))
    if not faces:
        where = ""
        if dangles is not None and not dangles.is_empty:
            parts = list(shapely.get_parts(dangles))
            if parts:
                c = parts[0].coords[-1]
                where = tr("imp.err.open_end", L, x=f"{c[0]:.2f}", y=f"{c[1]:.2f}")
        layers = ", ".join(report.layers_used.get("outline", ())) or "—"
        hint = tr("imp.err.truncated_hint", L) if report.truncated else ""
        raise DxfImportError(tr("imp.err.no_outline", L, layers=layers) + where + hint, "", path)
    union = shapely.union_all(_even_odd(faces) if not from_walls else faces)
    parts = [p for p in shapely.get_parts(union) if p.geom_type == "Polygon"]
    biggest = max(p.area for p in parts)
    outlines = [p for p in parts if p.area >= 0.25 * biggest]
    outlines.sort(key=lambda p: (round(p.bounds[0], 1), p.bounds[1]))
    if from_walls:
        outlines = [shapely.Polygon(p.exterior) for p in outlines]
    for p in parts:
        if p.area < 0.25 * biggest:
            report.skipped[tr("imp.r.small_outline", L)] += 1

    # --- walls: closed thin shapes and paired lines
    seg_min = 0.05
    wall_entities: list[tuple[list, float, WallKind]] = []
    for r in walls_b.rings:
        poly = shapely.Polygon(r)
        if not poly.is_valid:
            poly = shapely.make_valid(poly)
        if poly.is_empty or poly.area <= 0:
            continue
        x, y, lng, sh, ang = _rect_of(poly)
        if sh <= opts.max_wall and lng >= 2 * sh and poly.area >= 0.8 * lng * sh:
            a = math.radians(ang)
            dx, dy = math.cos(a) * lng / 2.0, math.sin(a) * lng / 2.0
            wall_entities.append(([(x - dx, y - dy), (x + dx, y + dy)], sh, WallKind.PARTITION))
        elif _thin(poly, opts.max_wall):
            # a thin but not rectangular wall shape: its edges are paired below
            walls_b.lines.append(np.vstack([r, r[:1]]))
        else:
            report.skipped[tr("imp.r.wall_shape", L)] += 1
    segs = _segments(walls_b.lines, [], seg_min)
    pairs, used = _pair_walls(segs, opts) if len(segs) else ([], np.zeros(0))
    for p, q, t in pairs:
        wall_entities.append(([p, q], round(t, 3), WallKind.PARTITION))
    single = 0
    for k, s in enumerate(segs):
        ln = math.hypot(s[2] - s[0], s[3] - s[1])
        if used[k] < 0.3 and ln > opts.max_wall:
            wall_entities.append(([(s[0], s[1]), (s[2], s[3])], opts.partition_thickness, WallKind.PARTITION))
            single += 1
        elif used[k] < 0.3:
            report.skipped[tr("imp.r.short_wall_line", L)] += 1
    if single:
        report.warnings.append(tr("imp.warn.single_lines", L, n=single, t=f"{opts.partition_thickness * 1000:.0f}"))
    wall_entities = _merge_collinear(wall_entities, tol)

    # --- columns
    col_shapes: list[tuple[float, float, float, float, float, bool]] = []
    for x, y, r in cols_b.circles:
        col_shapes.append((x, y, 2 * r, 2 * r, 0.0, True))
    cf, _, _ = _faces(cols_b.rings, cols_b.lines, tol)
    for poly in cf:
        x, y, lng, sh, ang = _rect_of(poly)
        if lng > 3.0 or sh < 0.05:
            report.skipped[tr("imp.r.column_shape", L)] += 1
            continue
        if poly.area < 0.8 * lng * sh:  # round column drawn as a polyline
            col_shapes.append((x, y, lng, lng, 0.0, abs(lng - sh) < 0.05 and poly.area > 0.7 * lng * sh))
        else:
            col_shapes.append((x, y, lng, sh, ang, False))
    # one column per place (a hatch and its outline, a circle and its hatch …)
    kept: list[tuple] = []
    cells: dict[tuple[int, int], list[tuple]] = defaultdict(list)
    for c in sorted(col_shapes, key=lambda c: -c[2] * c[3]):
        gx, gy = int(math.floor(c[0] / 0.1)), int(math.floor(c[1] / 0.1))
        near = [k for dx in (-1, 0, 1) for dy in (-1, 0, 1) for k in cells.get((gx + dx, gy + dy), ())]
        if all(math.hypot(c[0] - k[0], c[1] - k[1]) > 0.05 for k in near):
            kept.append(c)
            cells[(gx, gy)].append(c)

    # --- rooms from room layers (per layer: an HP-ZONE-<KIND> layer names the kind)
    room_polys: list[tuple[Any, str]] = []
    for layer in sorted(rooms_b.layers):
        rr = [r for r, lay in zip(rooms_b.rings, rooms_b.ring_layers, strict=True) if lay == layer]
        rl = [ln for ln, lay in zip(rooms_b.lines, rooms_b.line_layers, strict=True) if lay == layer]
        faces_l, _, _ = _faces(rr, rl, tol)
        room_polys.extend((p, layer) for p in _even_odd(faces_l))
    zone_layer_of = [lay for _, lay in room_polys]
    texts = [(s, (x * scale, y * scale)) for _, s, (x, y) in opened.texts()]

    # --- floors
    result = ImportResult(plan, report)
    tree_pts = shapely.points([p for _, p in texts]) if texts else None
    for i, outline in enumerate(outlines, start=1):
        outline = _clean(outline)
        minx, miny = outline.bounds[0], outline.bounds[1]
        sx, sy = (-round(minx, 3), -round(miny, 3)) if opts.origin == "min" else (0.0, 0.0)
        if i == 1:
            report.shift = (sx, sy)

        def mv(pts, sx=sx, sy=sy):
            return tuple((float(x) + sx, float(y) + sy) for x, y in pts)

        fid = f"floor-{i}"
        floor = Floor(fid, i, _shift_polygon(_to_model_polygon(outline), sx, sy), f"{i}F" if len(outlines) > 1 else "")
        zone_area = outline.buffer(0.5)
        n = 0
        wlines = shapely.linestrings([np.asarray(pts, dtype=float) for pts, _, _ in wall_entities]) \
            if wall_entities else np.array([])
        hits = shapely.intersects(zone_area, wlines) if len(wlines) else np.array([], dtype=bool)
        edges: dict[float, Any] = {}
        for (pts, t, kind), line, hit in zip(wall_entities, wlines, hits, strict=True):
            if not hit:
                continue
            n += 1
            tt = max(t, 0.05)
            if tt not in edges:
                edges[tt] = outline.exterior.buffer(tt)
                shapely.prepare(edges[tt])
            if line.length > 0 and (edges[tt].contains(line) or line.intersection(edges[tt]).length >= 0.8 * line.length):
                kind = WallKind.EXTERIOR
            wid = f"wall-{n}"
            floor.walls[wid] = Wall(wid, mv(pts), round(max(t, 0.01), 3), kind)
        n = 0
        for x, y, w, d, ang, rnd in kept:
            if not zone_area.contains(shapely.Point(x, y)):
                continue
            n += 1
            cid = f"column-{n}"
            floor.columns[cid] = Column(cid, x + sx, y + sy, round(w, 3), round(d if not rnd else w, 3),
                                        round(ang, 6) if not rnd else 0.0, rnd)
        n = 0
        for (poly, _), layer in zip(room_polys, zone_layer_of, strict=True):
            if not outline.buffer(tol + 0.01).contains(poly.representative_point()):
                continue
            name, kind = _room_label(poly, texts, tree_pts)
            kind = _zone_kind_from_layer(layer or "") or kind or ZoneKind.CIRCULATION
            n += 1
            zid = f"zone-{n}"
            zp = _clean(poly)
            floor.zones[zid] = Zone(zid, kind, _shift_polygon(_to_model_polygon(zp), sx, sy), name)
        if opts.room_zones:
            offered = _rooms_from_walls(outline, walls_b, [p for p, _ in room_polys], tol, opts)
            for poly in offered:
                name, kind = _room_label(poly, texts, tree_pts)
                n += 1
                zid = f"zone-{n}"
                z = Zone(zid, kind or ZoneKind.CIRCULATION,
                         _shift_polygon(_to_model_polygon(_clean(poly)), sx, sy),
                         name or tr("imp.room_name", L, n=len(result.rooms) + 1))
                floor.zones[zid] = z
                result.rooms.append((fid, z))
        plan.floors.append(floor)
    report.counts["rooms"] = len(result.rooms)
    return result


def _shift_polygon(p: Polygon, sx: float, sy: float) -> Polygon:
    return p.translated(sx, sy) if (sx or sy) else p


def _room_label(poly, texts, tree_pts) -> tuple[str, ZoneKind | None]:
    """The name of a room from the text inside it nearest to its centre (block attributes such as
    window numbers are not room names), and a zone kind guessed from it (or from another text)."""
    if tree_pts is None:
        return "", None
    inside = np.nonzero(shapely.contains_xy(poly, *np.array([p for _, p in texts]).T))[0]
    if not len(inside):
        return "", None
    try:
        centre = shapely.polylabel(poly, tolerance=0.1)
    except Exception:  # noqa: BLE001
        centre = poly.representative_point()
    cands = []
    for idx in inside:
        s = texts[idx][0].splitlines()[0].strip()
        if not s or re.fullmatch(r"[\d.,\s㎡m²+×x-]+", s, re.I):
            continue
        p = texts[idx][1]
        cands.append((math.hypot(p[0] - centre.x, p[1] - centre.y), s[:60]))
    if not cands:
        return "", None
    cands.sort()
    name = cands[0][1]
    kind = guess_zone_kind(name)
    if kind is None:
        kind = next((k for k in (guess_zone_kind(s) for _, s in cands[1:]) if k is not None), None)
    return name, kind


def _rooms_from_walls(outline, walls_b: _Layered, taken: list, tol: float, opts: ImportOptions) -> list:
    """Areas enclosed by wall lines (and the outline) that are rooms rather than wall bodies."""
    if not walls_b.lines and not walls_b.rings:
        return []
    faces, _, _ = _faces(walls_b.rings + [np.asarray(outline.exterior.coords)[:-1]], walls_b.lines, tol)
    total = outline.area
    taken_u = shapely.union_all(taken) if taken else None
    out = []
    faces = [f for f in faces if 2.0 <= f.area <= 0.6 * total]
    if not faces:
        return []
    thin = shapely.is_empty(shapely.buffer(np.array(faces, dtype=object), -(opts.max_wall + 0.05) / 2.0))
    for f, is_thin in zip(faces, thin, strict=True):
        if is_thin:
            continue
        if not outline.buffer(tol + 0.01).contains(f.representative_point()):
            continue
        if taken_u is not None and f.intersection(taken_u).area > 0.5 * f.area:
            continue
        out.append(f)
    return out


# --------------------------------------------------------------------------------------------
# public entry points


def import_dxf(path: str | os.PathLike | bytes, opts: ImportOptions | None = None) -> ImportResult:
    """Open, inspect and convert a drawing (``hallplan import-dxf``)."""
    opts = opts or ImportOptions()
    opened = open_dxf(path, opts)
    return build_plan(opened, opts)


def add_floors_command(plan: Plan, result: ImportResult, label_key: str = "cmd.import_dxf") -> Command:
    """The imported floors as one undoable command for an open plan (ids made unique in ``plan``)."""
    cmds: list[Command] = []
    storeys = {f.storey for f in plan.floors}
    used = {f.id for f in plan.floors} | {e.id for _, e in plan.entities()}

    def fresh(base: str, sep: str) -> str:  # ``base``, else ``base{sep}2``, ``base{sep}3`` … not yet used
        new, k = base, 1
        while new in used:
            k += 1
            new = f"{base}{sep}{k}"
        used.add(new)
        return new

    for f in result.plan.floors:
        g = f.copy()
        storey = g.storey
        while storey in storeys:
            storey += 1
        storeys.add(storey)
        nf = Floor(fresh(f.id, "-"), storey, g.outline, g.name or f"{storey}F", g.height)
        for attr in COLLECTIONS.values():
            coll = getattr(nf, attr)
            for e in getattr(g, attr).values():
                eid = fresh(e.id, "-i")
                coll[eid] = replace(e, id=eid)
        cmds.append(AddFloor(nf))
    return Compound(tuple(cmds), label_key)


__all__ = [
    "DxfImportError",
    "EncodingInfo",
    "FontMapping",
    "ImportOptions",
    "ImportReport",
    "ImportResult",
    "Inspection",
    "LayerInfo",
    "OpenedDxf",
    "UnitsNeeded",
    "add_floors_command",
    "build_plan",
    "detect_encoding",
    "guess_units",
    "guess_zone_kind",
    "import_dxf",
    "inspect_dxf",
    "map_fonts",
    "open_dxf",
    "suggest_role",
]
