"""Print-ready signage PDFs generated from the plan, so numbers and names never disagree with the drawing.

One PDF per sign type in the output folder, one page per sign, each page at true size in mm (the trim
box; with ``bleed`` the background runs 3 mm past it, with ``crop_marks`` marks sit outside).
Colours and sizes come from ``sign_styles.json`` (a centre restyles without code).

Sign types (``SIGN_TYPES``):

========== ==================================================================== ==============
key        sign                                                                 source
========== ==================================================================== ==============
led        window LED sign, 1000 × 300 mm, black, red text: number, type, services LH-2.5.2, JZ-6
========== ==================================================================== ==============

Every string is checked against the font before anything is written (:mod:`hallplan.io.fonts`); text
that is too long is wrapped and shrunk to fit its box, never drawn past it.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from hallplan.i18n import label, tr
from hallplan.model import Domain, Plan, ServiceWindow

from .fonts import CJKFont, GlyphProblem, MissingGlyphsError, load_font

STYLES_PATH = Path(__file__).with_name("sign_styles.json")

# Vertical metrics used for layout, in em: CJK ink spans about -0.09 … 0.82 em in the bundled font;
# the layout box of a line is [-DESCENT, ASCENT] so that Latin descenders stay inside too.
ASCENT = 0.84
DESCENT = 0.18
SMALLEST_MM = 0.8  # never shrink below this (then text is unreadable anyway, and we warn)


class SignError(ValueError):
    """Bad options or a bad style file; the message names the key or option."""


# ----------------------------------------------------------------------------------------------
# styles


def load_styles(path: str | os.PathLike | None = None) -> dict[str, Any]:
    """The style table (colours and sizes per sign type), validated."""
    p = Path(path) if path else STYLES_PATH
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SignError(f"{p}: cannot read sign styles ({exc})") from None
    for key in SIGN_TYPES:
        if key not in data or not isinstance(data[key], dict):
            raise SignError(f"{p}: missing section {key!r}")
        sec = data[key]
        for k, v in sec.items():
            if isinstance(v, str) and v.startswith("#"):
                _colour(v, f"{p}: {key}.{k}")
        if key != "layout_map":
            size = sec.get("size_mm")
            if not (isinstance(size, list) and len(size) == 2 and all(isinstance(x, (int, float)) and x > 0 for x in size)):
                raise SignError(f"{p}: {key}.size_mm must be [width, height] in mm")
    if "print" not in data:
        raise SignError(f"{p}: missing section 'print'")
    return data


@lru_cache(maxsize=256)
def _colour_cached(value: str) -> Color:
    return HexColor(value)


def _colour(value: Any, where: str = "colour") -> Color:
    if not isinstance(value, str) or not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
        raise SignError(f"{where}: {value!r} is not a colour (#RRGGBB)")
    return _colour_cached(value)


# ----------------------------------------------------------------------------------------------
# text fitting

_CLOSING = set("，。、；：？！）》」』】〕…,.;:?!)]}%·")
_OPENING = set("（《「『【〔([{")
_WORD = re.compile(r"[A-Za-z0-9\-_/.'&+@#]")


def break_units(text: str) -> list[str]:
    """Split one paragraph into units that a line may break between.

    CJK characters break anywhere, Latin words stay whole, closing punctuation never starts a line
    and opening punctuation never ends one.

    >>> break_units("社保、医保 (HR office)")
    ['社', '保、', '医', '保 ', '(HR ', 'office)']
    """
    units: list[str] = []
    glue_next = False
    for ch in text:
        if not units:
            units.append(ch)
        elif ch.isspace():
            units[-1] += ch
        elif ch in _CLOSING or glue_next:
            units[-1] += ch
        elif _WORD.match(ch) and _WORD.match(units[-1][-1]):
            units[-1] += ch
        else:
            units.append(ch)
        glue_next = ch in _OPENING
    return units


@dataclass(frozen=True)
class Fitted:
    """Text fitted into a box: the em size (mm) and its lines."""

    size: float
    lines: tuple[str, ...]

    def height(self, leading: float) -> float:
        return self.size * (ASCENT + DESCENT + (len(self.lines) - 1) * leading)


def _wrap(units: Sequence[tuple[str, float, float]], width_em: float) -> list[str] | None:
    """Greedy wrap of measured units at ``width_em``; None if a single unit is wider."""
    lines: list[str] = []
    cur: list[str] = []
    cur_w = 0.0
    for text, w, w_stripped in units:
        if w_stripped > width_em + 1e-9:
            return None
        if cur and cur_w + w_stripped > width_em + 1e-9:
            lines.append("".join(cur).rstrip())
            cur, cur_w = [], 0.0
        cur.append(text)
        cur_w += w
    if cur:
        lines.append("".join(cur).rstrip())
    return lines


@lru_cache(maxsize=4096)
def _measured(font_name: str, text: str) -> tuple[tuple[tuple[str, float, float], ...], ...]:
    """Per paragraph, its break units with widths in em (with and without trailing space)."""
    paras = []
    for para in text.split("\n"):
        units = break_units(para.strip()) or [""]
        paras.append(tuple((u, stringWidth(u, font_name, 1.0), stringWidth(u.rstrip(), font_name, 1.0)) for u in units))
    return tuple(paras)


def fit_text(
    text: str,
    font_name: str,
    width: float,
    height: float,
    max_size: float,
    max_lines: int = 1,
    leading: float = 1.25,
) -> Fitted:
    """The largest em size ≤ ``max_size`` at which ``text`` fits ``width`` × ``height`` (mm).

    Lines wrap at break units (``\\n`` forces a break); at most ``max_lines`` lines. The result always
    fits (it shrinks as far as needed, down to a floor of 0.8 mm).
    """
    paras = _measured(font_name, text)

    def attempt(size: float) -> list[str] | None:
        lines: list[str] = []
        for units in paras:
            wrapped = _wrap(units, width / size)
            if wrapped is None:
                return None
            lines += wrapped
            if len(lines) > max_lines:
                return None
        if size * (ASCENT + DESCENT + (len(lines) - 1) * leading) > height + 1e-9:
            return None
        return lines

    lines = attempt(max_size)
    if lines is not None:
        return Fitted(max_size, tuple(lines))
    lo, hi = SMALLEST_MM, max_size
    best = attempt(lo)
    if best is None:  # even the floor fails: force it onto max_lines by squeezing the size further
        size = lo
        while best is None and size > 0.05:
            size *= 0.8
            best = attempt(size)
        return Fitted(size, tuple(best or [text]))
    for _ in range(24):
        mid = (lo + hi) / 2
        got = attempt(mid)
        if got is None:
            hi = mid
        else:
            lo, best = mid, got
        if hi - lo < 0.05:
            break
    return Fitted(lo, tuple(best))


# ----------------------------------------------------------------------------------------------
# drawing


class Painter:
    """Draws on one sign page in millimetres, origin at the bottom-left of the trim box."""

    def __init__(self, canvas: Canvas, font: CJKFont, ctx: SignContext, where: str, w: float, h: float) -> None:
        self.c = canvas
        self.font = font
        self.ctx = ctx
        self.where = where
        self.w = w
        self.h = h

    def background(self, colour: str) -> None:
        """Fill the trim box and the bleed around it."""
        b = self.ctx.bleed
        self.rect(-b, -b, self.w + 2 * b, self.h + 2 * b, fill=colour)

    def rect(self, x, y, w, h, fill: str | None = None, stroke: str | None = None, width: float = 0.5,
             radius: float = 0.0, dash: Sequence[float] | None = None) -> None:
        c = self.c
        if fill:
            c.setFillColor(_colour(fill))
        if stroke:
            c.setStrokeColor(_colour(stroke))
            c.setLineWidth(width)
        if dash:
            c.setDash(list(dash))
        if radius:
            c.roundRect(x, y, w, h, radius, stroke=1 if stroke else 0, fill=1 if fill else 0)
        else:
            c.rect(x, y, w, h, stroke=1 if stroke else 0, fill=1 if fill else 0)
        if dash:
            c.setDash([])

    def line(self, x0, y0, x1, y1, colour: str, width: float = 0.5, dash: Sequence[float] | None = None) -> None:
        c = self.c
        c.setStrokeColor(_colour(colour))
        c.setLineWidth(width)
        if dash:
            c.setDash(list(dash))
        c.line(x0, y0, x1, y1)
        if dash:
            c.setDash([])

    def text(self, text: str, x: float, y: float, w: float, h: float, max_mm: float, colour: str,
             min_mm: float = 0.0, max_lines: int = 1, align: str = "center", valign: str = "middle",
             what: str = "") -> Fitted:
        """Fit ``text`` into the box (x, y, w, h) and draw it; returns the fit (size, lines)."""
        miss = self.font.missing(text)
        if miss:  # safety net: builders list their texts for the up-front check
            raise MissingGlyphsError(self.font.family, self.font.path, [GlyphProblem(self.where, text, miss)])
        leading = self.ctx.leading
        fit = fit_text(text, self.font.name, w, h, max_mm, max_lines, leading)
        if min_mm and fit.size < min_mm - 0.05:
            where = f"{self.where} {what}".strip()
            self.ctx.warnings.append(tr("sign.warn.small_text", self.ctx.lang, where=where, size=fit.size, min=min_mm))
        block = fit.height(leading)
        if valign == "top":
            top = y + h
        elif valign == "bottom":
            top = y + block
        else:
            top = y + (h + block) / 2
        c = self.c
        c.setFillColor(_colour(colour))
        c.setFont(self.font.name, fit.size)
        baseline = top - ASCENT * fit.size
        for line in fit.lines:
            if align == "left":
                c.drawString(x, baseline, line)
            elif align == "right":
                c.drawRightString(x + w, baseline, line)
            else:
                c.drawCentredString(x + w / 2, baseline, line)
            baseline -= fit.size * leading
        return fit


@dataclass
class SignContext:
    """What every sign builder needs: plan, styles, options, and where warnings go."""

    plan: Plan
    styles: dict[str, Any]
    options: SignOptions
    warnings: list[str] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return "zh"

    @property
    def english(self) -> bool:
        return self.options.english

    @property
    def bleed(self) -> float:
        return float(self.styles["print"]["bleed_mm"]) if (self.options.bleed or self.options.crop_marks) else 0.0

    @property
    def leading(self) -> float:
        return float(self.styles["print"].get("leading", 1.25))

    def style(self, key: str) -> dict[str, Any]:
        return self.styles[key]


@dataclass(frozen=True)
class Page:
    """One sign: where it is (for messages), its trim size, every text it draws, and how to draw it."""

    where: str
    size: tuple[float, float]
    texts: tuple[str, ...]
    draw: Callable[[Painter], None]


@dataclass(frozen=True)
class SignType:
    key: str
    title_key: str
    pages: Callable[[SignContext], list[Page]]


SIGN_TYPES: dict[str, SignType] = {}


def sign_type(key: str, title_key: str):
    """Register a page builder for a sign type (``key`` is also its section in the style file)."""

    def deco(fn: Callable[[SignContext], list[Page]]):
        SIGN_TYPES[key] = SignType(key, title_key, fn)
        return fn

    return deco


# ----------------------------------------------------------------------------------------------
# plan helpers


def _natural(s: str) -> list:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]


def sorted_windows(plan: Plan) -> list[ServiceWindow]:
    """Windows in reading order: by floor (storey), then window number (natural order)."""
    out = []
    for f in sorted(plan.floors, key=lambda f: f.storey):
        out += sorted(f.windows.values(), key=lambda w: (_natural(w.number), w.id))
    return out


def window_type_text(w: ServiceWindow, lang: str) -> str:
    """窗口类型 text: the kind label, with the domain for a domain window."""
    kind = label(w.kind, lang)
    if w.domain != Domain.NONE:
        kind = f"{kind} · {label(w.domain, lang)}"
    return kind


def window_name(w: ServiceWindow, lang: str = "zh") -> str:
    """The window's display name: its own name, else the kind label (with domain)."""
    if lang == "zh" and w.name.strip():
        return w.name.strip()
    return window_type_text(w, lang)


def services_text(w: ServiceWindow) -> str:
    """The services list, separators normalised to 、 (one line per ``\\n`` kept)."""
    s = w.services.strip()
    s = re.sub(r"\s*[;；,，]\s*", "、", s)
    return s


# ----------------------------------------------------------------------------------------------
# sign types


@sign_type("led", "sign.title.led")
def _led_pages(ctx: SignContext) -> list[Page]:
    st = ctx.style("led")
    W, H = st["size_mm"]
    pages = []
    for w in sorted_windows(ctx.plan):
        number = w.number
        name = window_name(w)
        kind = window_type_text(w, "zh")
        type_line = tr("sign.window_type", "zh", kind=kind) if kind != name else ""
        services = services_text(w)
        if services:
            services_line = tr("sign.services", "zh", services=services)
        else:
            services_line = tr("sign.services_none", "zh")
            ctx.warnings.append(tr("sign.warn.no_services", ctx.lang, number=number))
        suffix = tr("sign.window_suffix", "zh")
        name_en = window_type_text(w, "en") if ctx.english else ""
        texts = (number, suffix, name, type_line, services_line, name_en)

        def draw(p: Painter, number=number, name=name, type_line=type_line, services_line=services_line,
                 suffix=suffix, name_en=name_en) -> None:
            m = st["margin_mm"]
            fg = st["text"]
            p.background(st["background"])
            nw = st["number_width_mm"]
            inner_h = H - 2 * m
            suf_h = st["number_suffix_mm"] * 1.05
            p.text(number, m, m + suf_h, nw, inner_h - suf_h, st["number_max_mm"], fg, what="number")
            p.text(suffix, m, m, nw, suf_h, st["number_suffix_mm"], fg, what="number")
            dx = m + nw + m
            p.rect(dx, m, 2.5, inner_h, fill=st["divider"])
            x0 = dx + 2.5 + m
            rw = W - m - x0
            top = H - m
            name_h = st["name_max_mm"] * 1.05
            p.text(name, x0, top - name_h, rw, name_h, st["name_max_mm"], fg, min_mm=st["name_min_mm"],
                   align="left", what="name")
            y = top - name_h - 4
            if name_en:
                eh = st["type_max_mm"] * 0.8
                p.text(name_en, x0, y - eh, rw, eh, st["type_max_mm"] * 0.75, fg, align="left", what="English")
                y -= eh + 3
            if type_line:
                th = st["type_max_mm"] * 1.05
                p.text(type_line, x0, y - th, rw, th, st["type_max_mm"], fg, min_mm=st["type_min_mm"],
                       align="left", what="type")
                y -= th + 4
            p.text(services_line, x0, m, rw, y - m, st["services_max_mm"], fg, min_mm=st["services_min_mm"],
                   max_lines=12, align="left", valign="top", what="services")

        pages.append(Page(tr("sign.where.window", ctx.lang, number=number), (W, H), texts, draw))
    return pages


# ----------------------------------------------------------------------------------------------
# writing


@dataclass(frozen=True)
class SignOptions:
    """How to produce the signs.

    ``kinds``: which sign types (keys of :data:`SIGN_TYPES`; None = all); ``bleed``: extend the
    backgrounds past the trim box; ``crop_marks``: draw crop marks outside it (implies bleed);
    ``english``: add an English line where the sign has one; ``paper``: layout map paper (A1/A2/A3);
    ``font``/``styles``: paths overriding the bundled font and style file.
    """

    kinds: tuple[str, ...] | None = None
    bleed: bool = False
    crop_marks: bool = False
    english: bool = False
    paper: str | None = None
    font: str | None = None
    styles: str | None = None


@dataclass
class SignsResult:
    files: list[Path]
    pages: dict[str, int]
    warnings: list[str]

    @property
    def page_count(self) -> int:
        return sum(self.pages.values())


def collect_pages(plan: Plan, options: SignOptions, styles: dict[str, Any] | None = None,
                  warnings: list[str] | None = None) -> dict[str, list[Page]]:
    """Build (without drawing) the pages of each requested sign type."""
    kinds = options.kinds or tuple(SIGN_TYPES)
    unknown = [k for k in kinds if k not in SIGN_TYPES]
    if unknown:
        raise SignError(f"unknown sign type(s): {', '.join(unknown)}; choose from {', '.join(SIGN_TYPES)}")
    ctx = SignContext(plan, styles or load_styles(options.styles), options, warnings if warnings is not None else [])
    return {k: SIGN_TYPES[k].pages(ctx) for k in kinds}


def check_glyphs(font: CJKFont, pages: Iterable[Page]) -> None:
    """Raise :class:`MissingGlyphsError` naming every text the font cannot draw."""
    font.check_all((p.where, t) for p in pages for t in p.texts)


def generate_signs(plan: Plan, out_dir: str | os.PathLike, options: SignOptions | None = None) -> SignsResult:
    """Write one PDF per sign type into ``out_dir``; nothing is written if a glyph is missing."""
    options = options or SignOptions()
    styles = load_styles(options.styles)
    font = load_font(options.font)
    warnings: list[str] = []
    by_kind = collect_pages(plan, options, styles, warnings)
    check_glyphs(font, (p for pages in by_kind.values() for p in pages))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ctx = SignContext(plan, styles, options, warnings)
    files: list[Path] = []
    counts: dict[str, int] = {}
    for key, pages in by_kind.items():
        if not pages:
            continue
        path = out / f"{styles[key]['file']}.pdf"
        write_pdf(path, pages, font, ctx, tr(SIGN_TYPES[key].title_key, "zh"))
        files.append(path)
        counts[key] = len(pages)
    return SignsResult(files, counts, list(dict.fromkeys(warnings)))


def write_pdf(path: Path, pages: Sequence[Page], font: CJKFont, ctx: SignContext, title: str) -> None:
    """Draw ``pages`` into ``path`` (atomically: a temp file renamed into place)."""
    pr = ctx.styles["print"]
    bleed = ctx.bleed
    slug = (pr["crop_mark_offset_mm"] + pr["crop_mark_length_mm"]) if ctx.options.crop_marks else 0.0
    pad = max(bleed, slug)
    fd, tmp = tempfile.mkstemp(prefix=path.stem + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        c = Canvas(tmp, invariant=1, pageCompression=1, initialFontName=font.name, initialFontSize=10, lang="zh-CN")
        c.setTitle(f"{ctx.plan.name} · {title}")
        c.setAuthor("hallplan")
        c.setSubject(title)
        c.setCreator("hallplan")
        for page in pages:
            w, h = page.size
            pw, ph = w + 2 * pad, h + 2 * pad
            c.setPageSize((pw * mm, ph * mm))
            if pad:
                c.setTrimBox((pad * mm, pad * mm, (pad + w) * mm, (pad + h) * mm))
                c.setBleedBox(((pad - bleed) * mm, (pad - bleed) * mm, (pad + w + bleed) * mm, (pad + h + bleed) * mm))
            c.saveState()
            c.scale(mm, mm)
            c.translate(pad, pad)
            page.draw(Painter(c, font, ctx, page.where, w, h))
            c.restoreState()
            if ctx.options.crop_marks:
                _crop_marks(c, pad, w, h, pr)
            c.showPage()
        c.save()
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _crop_marks(c: Canvas, pad: float, w: float, h: float, pr: dict[str, Any]) -> None:
    off, length = pr["crop_mark_offset_mm"], pr["crop_mark_length_mm"]
    c.saveState()
    c.scale(mm, mm)
    c.setLineWidth(pr["crop_mark_width_mm"])
    c.setStrokeColorRGB(0, 0, 0)
    x0, y0, x1, y1 = pad, pad, pad + w, pad + h
    for x in (x0, x1):
        for y, s in ((y0, -1), (y1, 1)):
            c.line(x, y + s * off, x, y + s * (off + length))
    for y in (y0, y1):
        for x, s in ((x0, -1), (x1, 1)):
            c.line(x + s * off, y, x + s * (off + length), y)
    c.restoreState()


__all__ = [
    "SIGN_TYPES",
    "Fitted",
    "Page",
    "Painter",
    "SignContext",
    "SignError",
    "SignOptions",
    "SignsResult",
    "break_units",
    "check_glyphs",
    "collect_pages",
    "fit_text",
    "generate_signs",
    "load_styles",
    "sorted_windows",
    "window_name",
]
