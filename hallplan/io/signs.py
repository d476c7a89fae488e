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
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import shapely
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, FILL_NON_ZERO, Canvas
from shapely.ops import polylabel

from hallplan.i18n import label, tr
from hallplan.model import (
    Domain,
    Door,
    DoorKind,
    Floor,
    Furniture,
    FurnitureKind,
    Plan,
    ServiceWindow,
    WindowKind,
    Zone,
    ZoneKind,
)
from hallplan.model.geom import bounds, local_to_world, rotate_point
from hallplan.render.style import WINDOW_COLOUR, ZONE_COLOURS

from .atomic import atomic_write, prepare_folder
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
            if isinstance(v, str) and k not in ("file", "default_paper") and not k.startswith("_"):
                _colour(v, f"{p}: {key}.{k}")
            elif k.endswith("_mm") and not isinstance(v, list) and not (isinstance(v, (int, float)) and v >= 0):
                raise SignError(f"{p}: {key}.{k} must be a size in mm (a number ≥ 0), not {v!r}")
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


_SEPARATORS = ("、", "，", "；", "：", ",", ";", " ", "　", "/")


def _wrap(units: Sequence[tuple[str, float, float]], width_em: float) -> list[str] | None:
    """Greedy wrap of measured units at ``width_em``; None if a single unit is wider.

    A line that must break prefers to end after a separator (、，；space) in its second half, so that
    "社保、医保、退役军人" breaks before 退役军人 rather than inside it.
    """
    lines: list[str] = []
    cur: list[tuple[str, float, float]] = []
    cur_w = 0.0
    for unit in units:
        text, w, w_stripped = unit
        if w_stripped > width_em + 1e-9:
            return None
        if cur and cur_w + w_stripped > width_em + 1e-9:
            cut = len(cur)
            for i in range(len(cur) - 1, 0, -1):
                if sum(u[1] for u in cur[:i]) < 0.5 * width_em:
                    break
                if cur[i - 1][0].rstrip().endswith(_SEPARATORS) or cur[i - 1][0].endswith(" "):
                    cut = i
                    break
            lines.append("".join(u[0] for u in cur[:cut]).rstrip())
            cur = cur[cut:]
            cur_w = sum(u[1] for u in cur)
            if cur and cur_w + w_stripped > width_em + 1e-9:  # the carried tail and this unit don't fit
                lines.append("".join(u[0] for u in cur).rstrip())
                cur, cur_w = [], 0.0
        cur.append(unit)
        cur_w += w
    if cur:
        lines.append("".join(u[0] for u in cur).rstrip())
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
    balance: bool = False,
    wrap_penalty: float = 0.8,
) -> Fitted:
    """The largest em size ≤ ``max_size`` at which ``text`` fits ``width`` × ``height`` (mm).

    Lines wrap at break units (``\\n`` forces a break); at most ``max_lines`` lines. Fewer lines win
    unless wrapping makes the text more than 1/``wrap_penalty`` times larger; ``balance`` evens out
    the line lengths (no lone character on the last line). The result always fits: it shrinks as
    far as needed (below 0.8 mm only for absurd input).

    >>> from hallplan.io.fonts import load_font
    >>> f = fit_text("自助服务区", load_font().name, 20, 30, 8, max_lines=3, balance=True)
    >>> f.lines
    ('自助服', '务区')
    """
    paras = _measured(font_name, text)

    def attempt(size: float, limit: int, w: float = width) -> list[str] | None:
        lines: list[str] = []
        for units in paras:
            wrapped = _wrap(units, w / size)
            if wrapped is None:
                return None
            lines += wrapped
            if len(lines) > limit:
                return None
        if size * (ASCENT + DESCENT + (len(lines) - 1) * leading) > height + 1e-9:
            return None
        return lines

    def best(limit: int) -> Fitted:
        lines = attempt(max_size, limit)
        if lines is not None:
            return Fitted(max_size, tuple(lines))
        lo, hi = SMALLEST_MM, max_size
        got = attempt(lo, limit)
        if got is None:  # even the floor fails: squeeze further
            size = lo
            while got is None and size > 0.05:
                size *= 0.8
                got = attempt(size, limit)
            return Fitted(size, tuple(got or [text]))
        keep = got
        for _ in range(24):
            mid = (lo + hi) / 2
            got = attempt(mid, limit)
            if got is None:
                hi = mid
            else:
                lo, keep = mid, got
            if hi - lo < 0.02 * max_size:
                break
        return Fitted(lo, tuple(keep))

    fit = best(max_lines)
    forced = len(paras)
    while len(fit.lines) > max(forced, 1):  # prefer fewer lines unless much smaller
        fewer = best(len(fit.lines) - 1)
        if fewer.size < fit.size * wrap_penalty:
            break
        fit = fewer
    n = len(fit.lines)
    if balance and n > forced:
        lo, hi = width / n * 0.5, width
        keep = fit.lines
        for _ in range(16):
            mid = (lo + hi) / 2
            got = attempt(fit.size, n, mid)
            if got is None or len(got) > n:
                lo = mid
            else:
                hi, keep = mid, got
        fit = Fitted(fit.size, tuple(keep))
    return fit


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
             what: str = "", backdrop: str | None = None, balance: bool | None = None) -> Fitted:
        """Fit ``text`` into the box (x, y, w, h) and draw it; returns the fit (size, lines).

        ``backdrop``: a colour laid (translucent) behind the text's own extent, for labels on a map.
        """
        miss = self.font.missing(text)
        if miss:  # safety net: builders list their texts for the up-front check
            raise MissingGlyphsError(self.font.family, self.font.path, [GlyphProblem(self.where, text, miss)])
        leading = self.ctx.leading
        fit = fit_text(text, self.font.name, w, h, max_mm, max_lines, leading,
                       balance=(align == "center") if balance is None else balance)
        min_mm = min_mm or SMALLEST_MM  # below this nothing is legible: say so rather than print specks
        if fit.size < min_mm - 0.05:
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
        if backdrop:
            widths = [stringWidth(line, self.font.name, fit.size) for line in fit.lines]
            bw = max(widths) + fit.size * 0.4
            bx = x if align == "left" else (x + w - bw if align == "right" else x + (w - bw) / 2)
            bc = _colour(backdrop)
            c.setFillColor(Color(bc.red, bc.green, bc.blue, alpha=0.72))
            c.roundRect(bx, top - block - fit.size * 0.05, bw, block + fit.size * 0.1, fit.size * 0.2, stroke=0, fill=1)
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
    """The services list, separators normalised to 、 (one line per ``\\n`` kept).

    >>> services_text(ServiceWindow("w", "1", WindowKind.UNIVERSAL, 0, 0, services="社保 医保;就业 ABC office"))
    '社保、医保、就业 ABC office'
    """
    s = w.services.strip()
    s = re.sub(r"\s*[;；,，]\s*", "、", s)
    s = re.sub(r"(?<=[\u3400-\u9fff）)])[ \t\u3000]+(?=[\u3400-\u9fff（(])", "、", s)  # 社保 医保 → 社保、医保
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
            rw = W - st.get("right_margin_mm", m) - x0  # a wider right margin: text never runs to the edge
            avail = H - 2 * m
            lead = ctx.leading
            # name first (up to two lines), then the type line and the English line no larger than
            # the name, the services in what is left; the block is centred vertically
            name_fit = fit_text(name, p.font.name, rw, avail * 0.55, st["name_max_mm"], 2, lead)
            name_h = name_fit.height(lead)
            type_size = min(st["type_max_mm"], name_fit.size * 0.75)
            en_size = min(st["type_max_mm"] * 0.75, name_fit.size * 0.6)
            gap = max(3.0, name_fit.size * 0.12)
            parts: list[tuple[str, float, float, int, str]] = [(name, name_fit.size, name_h, 2, "name")]
            if name_en:
                parts.append((name_en, en_size, en_size * (ASCENT + DESCENT), 1, "English"))
            if type_line:
                t_fit = fit_text(type_line, p.font.name, rw, type_size * 1.05, type_size, 1, lead)
                parts.append((type_line, t_fit.size, t_fit.height(lead), 1, "type"))
            used = sum(ph for _, _, ph, _, _ in parts) + gap * len(parts)
            s_max = min(st["services_max_mm"], name_fit.size * 0.6, type_size if type_line else st["services_max_mm"])
            s_fit = fit_text(services_line, p.font.name, rw, max(avail - used, 1.0), s_max, 12, lead)
            parts.append((services_line, s_fit.size, s_fit.height(lead), 12, "services"))
            total = used + s_fit.height(lead)
            y = H - m - max(avail - total, 0.0) / 2
            for text, size, ph, lines, what in parts:
                p.text(text, x0, y - ph, rw, ph + 0.01, size, fg,
                       min_mm=st.get(f"{what}_min_mm", 0.0) if what in ("name", "type", "services") else 0.0,
                       max_lines=lines, align="left", valign="top", what=what, balance=False)
                y -= ph + gap

        pages.append(Page(tr("sign.where.window", ctx.lang, number=number), (W, H), texts, draw))
    return pages


@sign_type("hanging", "sign.title.hanging")
def _hanging_pages(ctx: SignContext) -> list[Page]:
    """窗口吊牌 above each window: number, name, status line (YZ-6.2.2, LA-4.1.3, JZ-6)."""
    st = ctx.style("hanging")
    W, H = st["size_mm"]
    hours = hours_short(ctx.plan)
    status = tr("sign.status.open", "zh") + (f"    {tr('sign.hours_inline', 'zh', hours=hours)}" if hours else "")
    pages = []
    for w in sorted_windows(ctx.plan):
        number, name = w.number, window_name(w)
        suffix = tr("sign.window_suffix", "zh")
        en = window_type_text(w, "en") if ctx.english else ""

        def draw(p: Painter, number=number, name=name, en=en, suffix=suffix) -> None:
            m = st["margin_mm"]
            p.background(st["background"])
            sh = st["status_height_mm"]
            p.rect(-ctx.bleed, -ctx.bleed, W + 2 * ctx.bleed, sh + ctx.bleed, fill=st["status_band"])
            p.text(status, m, 0, W - 2 * m, sh, st["status_max_mm"], st["status_text"], max_lines=1,
                   align="left", what="status")
            top_y, box_h = sh + m, H - sh - 2 * m
            nw = st["number_width_mm"]
            p.rect(m, top_y, nw, box_h, fill=st["number_box"], radius=6)
            p.text(number, m + 6, top_y + box_h * 0.30, nw - 12, box_h * 0.68, st["number_max_mm"],
                   st["number_text"], what="number")
            p.text(suffix, m + 6, top_y + 3, nw - 12, box_h * 0.27, st["number_max_mm"] * 0.3,
                   st["number_text"], what="number")
            x0 = m + nw + m
            rw = W - m - x0
            if en:
                eh = st["english_max_mm"] * 1.1
                p.text(name, x0, top_y + eh, rw, box_h - eh, st["name_max_mm"], st["text"],
                       min_mm=st["name_min_mm"], max_lines=2, what="name")
                p.text(en, x0, top_y, rw, eh, st["english_max_mm"], st["text"], min_mm=st["english_min_mm"],
                       what="English")
            else:
                p.text(name, x0, top_y, rw, box_h, st["name_max_mm"], st["text"], min_mm=st["name_min_mm"],
                       max_lines=2, what="name")

        pages.append(Page(tr("sign.where.hanging", ctx.lang, number=number), (W, H),
                          (number, suffix, name, en, status), draw))
    return pages


@sign_type("desk", "sign.title.desk")
def _desk_pages(ctx: SignContext) -> list[Page]:
    """桌牌 on each counter: number, Chinese name, optional English line (YZ-6.2.2, LA-4.1.3)."""
    st = ctx.style("desk")
    W, H = st["size_mm"]
    pages = []
    for w in sorted_windows(ctx.plan):
        head = tr("sign.window_no", "zh", number=w.number)
        name = window_name(w)
        en = window_type_text(w, "en") if ctx.english else ""
        head_en = tr("sign.window_no", "en", number=w.number) if ctx.english else ""

        def draw(p: Painter, head=head, name=name, en=en, head_en=head_en) -> None:
            m = st["margin_mm"]
            p.background(st["background"])
            bh = st["band_height_mm"]
            p.rect(-ctx.bleed, H - bh, W + 2 * ctx.bleed, bh + ctx.bleed, fill=st["band"])
            band = f"{head}  {head_en}" if head_en else head
            p.text(band, m, H - bh, W - 2 * m, bh, st["band_max_mm"], st["band_text"], what="number")
            avail = H - bh - 2 * m
            if en:
                eh = st["english_max_mm"] * 1.15
                p.text(name, m, m + eh, W - 2 * m, avail - eh, st["name_max_mm"], st["text"],
                       min_mm=st["name_min_mm"], max_lines=2, what="name")
                p.text(en, m, m, W - 2 * m, eh, st["english_max_mm"], st["text"], min_mm=st["english_min_mm"],
                       what="English")
            else:
                p.text(name, m, m, W - 2 * m, avail, st["name_max_mm"], st["text"], min_mm=st["name_min_mm"],
                       max_lines=2, what="name")

        pages.append(Page(tr("sign.where.desk", ctx.lang, number=w.number), (W, H), (head, head_en, name, en), draw))
    return pages


_STAFF_FIELDS = ("sign.staff.name", "sign.staff.title", "sign.staff.post", "sign.staff.duties")


@sign_type("staff_board", "sign.title.staff_board")
def _staff_pages(ctx: SignContext) -> list[Page]:
    """工作人员公示牌 per window: photo frame, name, title, post, duties to fill in (LA-4.1.4)."""
    st = ctx.style("staff_board")
    W, H = st["size_mm"]
    labels = [tr(k, "zh") for k in _STAFF_FIELDS]
    labels_en = [tr(k, "en") for k in _STAFF_FIELDS] if ctx.english else [""] * len(_STAFF_FIELDS)
    photo = tr("sign.staff.photo", "zh") + ("\n" + tr("sign.staff.photo", "en") if ctx.english else "")
    footer = tr("sign.staff.footer", "zh", hall=ctx.plan.name)
    pages = []
    for w in sorted_windows(ctx.plan):
        head = f"{tr('sign.window_no', 'zh', number=w.number)}  {window_name(w)}"
        head_en = tr("sign.staff.header_en", "en", number=w.number) if ctx.english else ""

        def draw(p: Painter, head=head, head_en=head_en) -> None:
            m = st["margin_mm"]
            p.background(st["background"])
            bh = st["band_height_mm"]
            p.rect(-ctx.bleed, H - bh, W + 2 * ctx.bleed, bh + ctx.bleed, fill=st["band"])
            if head_en:
                p.text(head, m, H - bh * 0.68, W - 2 * m, bh * 0.62, st["band_max_mm"], st["band_text"], max_lines=2, what="header")
                p.text(head_en, m, H - bh + 1, W - 2 * m, bh * 0.3, st["band_max_mm"] * 0.45, st["band_text"],
                       what="header")
            else:
                p.text(head, m, H - bh, W - 2 * m, bh, st["band_max_mm"], st["band_text"], max_lines=2, what="header")
            pw, ph = st["photo_mm"]
            fh = st["footer_mm"] * 1.6
            top = H - bh - m
            p.rect(m, top - ph, pw, ph, stroke=st["line"], width=0.35, dash=(2, 1.5))
            p.text(photo, m, top - ph, pw, ph, 6, st["line"], max_lines=2, what="photo")
            x0 = m + pw + m
            rw = W - m - x0
            rows = len(labels) + 2  # duties get three lines
            row_h = (top - (m + fh)) / rows
            y = top
            for i, (lab, lab_en) in enumerate(zip(labels, labels_en, strict=True)):
                span = 3 if i == len(labels) - 1 else 1
                lw = max(stringWidth(t, p.font.name, st["label_mm"]) for t in labels) + st["label_mm"]
                if lab_en:
                    eh = st["english_mm"] * 1.1
                    p.text(lab, x0, y - row_h + 1.5 + eh, lw, row_h * 0.8 - eh, st["label_mm"], st["text"],
                           align="left", valign="bottom", what="label")
                    p.text(lab_en, x0, y - row_h + 1.2, lw, eh, st["english_mm"], st["line"], align="left",
                           valign="bottom", what="label")
                else:
                    p.text(lab, x0, y - row_h + 1.5, lw, row_h * 0.8, st["label_mm"], st["text"], align="left",
                           valign="bottom", what="label")
                for k in range(span):
                    yy = y - row_h * (k + 1) + 0.8
                    p.line(x0 + (lw if k == 0 else 0), yy, x0 + rw, yy, st["line"], 0.3)
                y -= row_h * span
            p.text(footer, m, m * 0.6, W - 2 * m, fh, st["footer_mm"], st["line"], align="left", what="footer")

        pages.append(Page(tr("sign.where.staff_board", ctx.lang, number=w.number), (W, H),
                          (head, head_en, photo, footer, *labels, *labels_en), draw))
    return pages


def zone_display_name(zone: Zone, lang: str = "zh") -> str:
    if lang == "zh" and zone.name.strip():
        return zone.name.strip()
    return label(zone.kind, lang)


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def signed_zones(plan: Plan) -> list[tuple[Floor, Zone]]:
    """Zones that get a name sign: every zone but circulation, by floor and id."""
    out = []
    for f in sorted(plan.floors, key=lambda f: f.storey):
        for z in sorted(f.zones.values(), key=lambda z: _natural(z.id)):
            if z.kind != ZoneKind.CIRCULATION:
                out.append((f, z))
    return out


@sign_type("zone", "sign.title.zone")
def _zone_pages(ctx: SignContext) -> list[Page]:
    """功能区 name signs in the zone's colour (YZ-6.2.3)."""
    st = ctx.style("zone")
    W, H = st["size_mm"]
    pages = []
    for floor, z in signed_zones(ctx.plan):
        name = zone_display_name(z)
        en = label(z.kind, "en") if ctx.english else ""
        colour = _hex(ZONE_COLOURS.get(z.kind, (200, 200, 200)))

        def draw(p: Painter, name=name, en=en, colour=colour) -> None:
            m = st["margin_mm"]
            p.background(st["background"])
            sw = st["stripe_width_mm"]
            p.rect(-ctx.bleed, -ctx.bleed, sw + ctx.bleed, H + 2 * ctx.bleed, fill=colour)
            p.rect(W - sw * 0.25, -ctx.bleed, sw * 0.25 + ctx.bleed, H + 2 * ctx.bleed, fill=colour)
            x0 = sw + m
            rw = W - sw * 1.25 - 2 * m
            if en:
                eh = st["english_max_mm"] * 1.15
                p.text(name, x0, m + eh, rw, H - 2 * m - eh, st["name_max_mm"], st["text"],
                       min_mm=st["name_min_mm"], max_lines=2, what="name")
                p.text(en, x0, m, rw, eh, st["english_max_mm"], st["text"], min_mm=st["english_min_mm"], what="English")
            else:
                p.text(name, x0, m, rw, H - 2 * m, st["name_max_mm"], st["text"], min_mm=st["name_min_mm"],
                       max_lines=2, what="name")

        where = tr("sign.where.zone", ctx.lang, floor=floor_label(floor), name=name)
        pages.append(Page(where, (W, H), (name, en), draw))
    return pages


def floor_label(floor: Floor) -> str:
    """``1F`` / ``B1`` for a storey."""
    if floor.storey >= 1:
        return f"{floor.storey}F"
    return f"B{-floor.storey}" if floor.storey < 0 else "GF"


def number_ranges(numbers: Iterable[str]) -> str:
    """Compress window numbers: ``1–3、5、A01`` (runs of consecutive integers joined).

    >>> number_ranges(["3", "1", "2", "5", "A01", "7", "8"])
    '1–3、5、7–8、A01'
    """
    ints = sorted({int(n) for n in numbers if n.isdigit()})
    others = sorted({n for n in numbers if not n.isdigit()}, key=_natural)
    parts: list[str] = []
    i = 0
    while i < len(ints):
        j = i
        while j + 1 < len(ints) and ints[j + 1] == ints[j] + 1:
            j += 1
        parts.append(str(ints[i]) if i == j else f"{ints[i]}–{ints[j]}")
        i = j + 1
    return "、".join(parts + others)


def directory_rows(plan: Plan, floor: Floor, lang: str = "zh") -> list[tuple[str, str | None]]:
    """What is on a floor, as (text, colour) rows: public zones, window groups, lifts and stairs."""
    rows: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for z in sorted(floor.zones.values(), key=lambda z: _natural(z.id)):
        if z.kind == ZoneKind.CIRCULATION or z.kind.is_staff_only:
            continue
        name = zone_display_name(z, lang)
        if name in seen:
            continue
        seen.add(name)
        rows.append((name, _hex(ZONE_COLOURS.get(z.kind, (200, 200, 200)))))
    groups: dict[str, list[str]] = {}
    for w in sorted(floor.windows.values(), key=lambda w: _natural(w.number)):
        groups.setdefault(window_type_text(w, lang), []).append(w.number)
    for kind, nums in groups.items():
        rows.append((tr("sign.dir.windows", lang, numbers=number_ranges(nums), kind=kind), _hex(WINDOW_COLOUR)))
    if floor.lifts:
        rows.append((tr("sign.dir.lift", lang), None))
    if floor.stairs:
        rows.append((tr("sign.dir.stair", lang), None))
    return rows


def floor_summary(plan: Plan, floor: Floor, lang: str = "zh") -> str:
    """One line for another floor on a directory: its public zones and its window numbers."""
    names = [t for t, c in directory_rows(plan, floor, lang) if c and c != _hex(WINDOW_COLOUR)]
    nums = [w.number for w in floor.windows.values()]
    if nums:
        names.append(tr("sign.dir.windows", lang, numbers=number_ranges(nums), kind=tr("sign.dir.window_all", lang)))
    names += [t for t, c in directory_rows(plan, floor, lang) if c is None]
    return "、".join(names) if names else (floor.name or "")


@sign_type("directory", "sign.title.directory")
def _directory_pages(ctx: SignContext) -> list[Page]:
    """楼层指示牌 per floor: what is where on this floor and the others (YZ-6.2.3)."""
    st = ctx.style("directory")
    W, H = st["size_mm"]
    floors = sorted(ctx.plan.floors, key=lambda f: f.storey)
    title = tr("sign.dir.title", "zh")
    title_en = tr("sign.dir.title", "en") if ctx.english else ""
    pages = []
    for floor in floors:
        fl = floor_label(floor)
        fname = floor.name or fl
        rows = directory_rows(ctx.plan, floor)
        others = [f"{floor_label(o)}  {floor_summary(ctx.plan, o)}" for o in floors if o is not floor]
        other_head = tr("sign.dir.other_floors", "zh") if others else ""
        hall = ctx.plan.name

        def draw(p: Painter, fl=fl, fname=fname, rows=rows, others=others, other_head=other_head, hall=hall) -> None:
            m = st["margin_mm"]
            p.background(st["background"])
            head_h = st["floor_max_mm"] * 1.05
            p.text(fl, m, H - m - head_h, W * 0.38, head_h, st["floor_max_mm"], st["text"], align="left", what="floor")
            th = head_h * 0.5
            p.text(f"{title} {title_en}".strip(), W * 0.42, H - m - th, W * 0.58 - m, th, st["title_max_mm"], st["text"],
                   align="right", what="title")
            p.text(f"{hall} · {fname}", W * 0.42, H - m - head_h, W * 0.58 - m, head_h - th, st["title_max_mm"] * 0.6,
                   st["text"], align="right", what="title")
            py = m
            ph = H - 2 * m - head_h - m
            p.rect(m, py, W - 2 * m, ph, fill=st["panel"], radius=8)
            inner = 14
            other_h = min(ph * 0.28, (st["row_max_mm"] * 0.8) * (1.6 * len(others) + 2.5)) if others else 0.0
            rows_h = ph - other_h - 2 * inner
            # many rows: zones in the left column, windows, lifts and stairs in the right one
            windows_at = next((i for i, r in enumerate(rows) if r[1] in (_hex(WINDOW_COLOUR), None)), len(rows))
            two = len(rows) > st.get("one_column_max_rows", 14) and 0 < windows_at < len(rows)
            columns = [rows[:windows_at], rows[windows_at:]] if two else [rows]
            n = max(max(len(col) for col in columns), 1)
            slot = min(rows_h / n, st["row_max_mm"] * 1.8)
            size = min(st["row_max_mm"], slot * 0.62)
            avail = W - 2 * m - 2 * inner - (inner if two else 0)
            longest = [max((stringWidth(t, p.font.name, 1.0) for t, _ in col), default=1.0) + 1.5 for col in columns]
            shares = [min(max(x / sum(longest), 0.38), 0.62) for x in longest] if two else [1.0]
            cx = m + inner
            for col, share in zip(columns, shares, strict=True):
                col_w = avail * share
                sq = min(slot * 0.5, size * 0.9)
                text_w = col_w - sq - size * 0.5
                # one size for the whole column (the longest row on one line), unless that gets too small
                col_size = min(fit_text(t, p.font.name, text_w, slot * 0.92, size).size for t, _ in col)
                if col_size < size * 0.75:  # long rows wrap onto two lines, all at one size
                    col_size = min(fit_text(t, p.font.name, text_w, slot * 0.92, size, max_lines=2).size for t, _ in col)
                y = py + ph - inner
                for text, colour in col:
                    p.rect(cx, y - slot / 2 - sq / 2, sq, sq, fill=colour or st.get("transit", "#8A8A8A"), radius=2)
                    x0 = cx + sq + size * 0.5
                    p.text(text, x0, y - slot, text_w, slot * 0.92, col_size, st["panel_text"],
                           min_mm=st["row_min_mm"], max_lines=2, align="left", what="row")
                    y -= slot
                cx += col_w + inner
            if others:
                top = py + other_h + inner * 0.5
                p.line(m + inner, top, W - m - inner, top, "#BBBBBB", 0.8)
                hh = st["row_max_mm"] * 0.9
                p.text(other_head, m + inner, top - hh - 4, W - 2 * m - 2 * inner, hh, st["row_max_mm"] * 0.7,
                       st["panel_text"], align="left", what="other floors")
                p.text("\n".join(others), m + inner, py + inner * 0.5, W - 2 * m - 2 * inner, top - hh - 8 - py - inner * 0.5,
                       st["row_max_mm"] * 0.8, st["panel_text"], min_mm=st["row_min_mm"] * 0.8, max_lines=40,
                       align="left", valign="top", what="other floors")

        texts = (fl, f"{title} {title_en}".strip(), f"{hall} · {fname}", other_head, "\n".join(others),
                 *(r[0] for r in rows))
        pages.append(Page(tr("sign.where.directory", ctx.lang, floor=fl), (W, H), texts, draw))
    return pages


def hours_rows(plan: Plan) -> list[tuple[str, str]]:
    """对外服务时间 grouped by days, in plan order: [("周一至周五", "09:00–12:00  13:30–17:30")]."""
    groups: dict[str, list[str]] = {}
    for sp in plan.service_hours:
        groups.setdefault(sp.days, []).append(f"{sp.start}–{sp.end}")
    return [(days, "  ".join(spans)) for days, spans in groups.items()]


def hours_short(plan: Plan) -> str:
    return "；".join(f"{d} {s}" for d, s in hours_rows(plan))


@sign_type("hours", "sign.title.hours")
def _hours_pages(ctx: SignContext) -> list[Page]:
    """对外服务时间 notice at the main entrance, from the plan's service hours (YZ-6.2.4)."""
    st = ctx.style("hours")
    W, H = st["size_mm"]
    rows = hours_rows(ctx.plan)
    if not rows:
        ctx.warnings.append(tr("sign.warn.no_hours", ctx.lang))
        return []
    title = tr("sign.hours.title", "zh")
    title_en = tr("sign.hours.title", "en") if ctx.english else ""
    hall = ctx.plan.name
    note = tr("sign.hours.note", "zh")
    note_en = tr("sign.hours.note", "en") if ctx.english else ""

    def draw(p: Painter) -> None:
        m = st["margin_mm"]
        p.background(st["background"])
        bh = H * 0.24
        p.rect(-ctx.bleed, H - bh, W + 2 * ctx.bleed, bh + ctx.bleed, fill=st["band"])
        if title_en:
            p.text(title, m, H - bh * 0.62, W - 2 * m, bh * 0.42, st["title_max_mm"], st["band_text"], what="title")
            p.text(title_en, m, H - bh * 0.85, W - 2 * m, bh * 0.2, st["english_mm"] * 1.4, st["band_text"], what="title")
        else:
            p.text(title, m, H - bh * 0.8, W - 2 * m, bh * 0.6, st["title_max_mm"], st["band_text"], what="title")
        hall_h = st["hall_max_mm"] * 1.2
        p.text(hall, m, H - bh - m - hall_h, W - 2 * m, hall_h, st["hall_max_mm"], st["text"], what="hall")
        top = H - bh - 2 * m - hall_h
        bottom = m + st["english_mm"] * 3
        slot = min((top - bottom) / len(rows), st["row_max_mm"] * 4)
        y = top - ((top - bottom) - slot * len(rows)) / 3  # a little above the middle
        for i, (days, spans) in enumerate(rows):
            p.text(days, m, y - slot * 0.38, W - 2 * m, slot * 0.36, st["row_max_mm"] * 0.75, st["accent"],
                   min_mm=st["row_min_mm"], align="left", valign="bottom", what="days")
            p.text(spans, m, y - slot * 0.92, W - 2 * m, slot * 0.5, st["row_max_mm"], st["text"],
                   min_mm=st["row_min_mm"], max_lines=2, align="left", what="hours")
            if i < len(rows) - 1:
                p.line(m, y - slot, W - m, y - slot, "#CCCCCC", 0.3)
            y -= slot
        p.text(f"{note}\n{note_en}".strip(), m, m * 0.5, W - 2 * m, st["english_mm"] * 2.6, st["english_mm"], st["text"],
               max_lines=3, align="left", valign="bottom", what="note")

    texts = (title, title_en, hall, note, note_en, *(d for d, _ in rows), *(s for _, s in rows))
    return [Page(tr("sign.where.hours", ctx.lang), (W, H), texts, draw)]


@sign_type("pause", "sign.title.pause")
def _pause_pages(ctx: SignContext) -> list[Page]:
    """暂停服务 sign for a counter when its staff are away (YZ-6.2.2)."""
    st = ctx.style("pause")
    W, H = st["size_mm"]
    title = tr("sign.pause.title", "zh")
    line = tr("sign.pause.line", "zh")
    en = tr("sign.pause.title", "en") + " · " + tr("sign.pause.line", "en") if ctx.english else ""

    def draw(p: Painter) -> None:
        m = st["margin_mm"]
        p.background(st["background"])
        p.rect(m * 0.5, m * 0.5, W - m, H - m, stroke=st["frame"], width=1.6, radius=4)
        lh = st["line_max_mm"] * 1.2
        eh = st["english_mm"] * 1.2 if en else 0.0
        p.text(title, m, m + lh + eh, W - 2 * m, H - 2 * m - lh - eh, st["title_max_mm"], st["text"], what="title")
        p.text(line, m, m + eh, W - 2 * m, lh, st["line_max_mm"], st["text"], what="line")
        if en:
            p.text(en, m, m, W - 2 * m, eh, st["english_mm"], st["text"], what="English")

    return [Page(tr("sign.where.pause", ctx.lang), (W, H), (title, line, en), draw)]


# ----------------------------------------------------------------------------------------------
# the plan drawn to scale (layout map; also the report's plan image)


def _poly_path(c: Canvas, rings: Sequence[Sequence[tuple[float, float]]]):
    path = c.beginPath()
    for ring in rings:
        if len(ring) < 2:
            continue
        path.moveTo(*ring[0])
        for q in ring[1:]:
            path.lineTo(*q)
        path.close()
    return path


class MapView:
    """A floor drawn to scale on a page: plan metres → page millimetres, optionally rotated.

    ``angle`` (degrees, counter-clockwise) turns the plan before drawing (a heads-up layout map
    turns the viewer's facing direction to the top of the page).
    """

    def __init__(self, floor: Floor, angle: float = 0.0) -> None:
        self.floor = floor
        self.angle = angle
        self.ca, self.sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        pts = [self.rot(q) for q in floor.outline.exterior]
        for e in floor.entities():
            if isinstance(e, Zone):
                pts += [self.rot(q) for q in e.polygon.exterior]
        self.bounds = bounds(pts)
        self.scale_n = 100.0
        self.k = 10.0  # mm per metre
        self.ox = self.oy = 0.0
        self.box = (0.0, 0.0, 1e9, 1e9)
        self.tags: list[tuple[float, float, float, float]] = []  # door tag boxes drawn (page mm)

    def rot(self, q: tuple[float, float]) -> tuple[float, float]:
        return (self.ca * q[0] - self.sa * q[1], self.sa * q[0] + self.ca * q[1])

    def fit(self, x: float, y: float, w: float, h: float, scales: Sequence[float] = (), pad_m: float = 0.5,
            pad_mm: float | tuple[float, float] = 0.0) -> float:
        """Choose the largest listed scale (1:n) that fits the box, centre the plan; returns n.

        ``pad_m`` (plan metres) and ``pad_mm`` (page millimetres, room for door tags; one number or
        ``(left/right, top/bottom)``) are kept free around the plan; labels are later clamped into the box.
        """
        self.box = (x, y, x + w, y + h)
        x0, y0, x1, y1 = self.bounds
        ew, eh = (x1 - x0) + 2 * pad_m, (y1 - y0) + 2 * pad_m
        px, py = pad_mm if isinstance(pad_mm, tuple) else (pad_mm, pad_mm)
        w, h = max(w - 2 * px, 1e-3), max(h - 2 * py, 1e-3)
        exact = max(ew * 1000.0 / w, eh * 1000.0 / h, 1e-6)
        fitting = [n for n in sorted(scales) if n >= exact]
        n = fitting[0] if fitting else (math.ceil(exact / 50.0) * 50.0 if scales else exact)
        self.scale_n = n
        self.k = 1000.0 / n
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        bx0, by0, bx1, by1 = self.box
        self.ox = (bx0 + bx1) / 2 - cx * self.k
        self.oy = (by0 + by1) / 2 - cy * self.k
        return n

    def pt(self, q: tuple[float, float]) -> tuple[float, float]:
        r = self.rot(q)
        return (self.ox + r[0] * self.k, self.oy + r[1] * self.k)

    def ring(self, ring: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        return [self.pt(q) for q in ring]

    def vec(self, v: tuple[float, float]) -> tuple[float, float]:
        return self.rot(v)

    # -- drawing --------------------------------------------------------------------------
    def draw(self, p: Painter, st: dict[str, Any], lang: str = "zh", text_k: float = 1.0,
             zone_labels: bool = True, window_numbers: bool = True, door_labels: bool = True,
             muted: bool = False, route: AccessibleRoute | None = None,
             here: tuple[tuple[float, float], float, float, float] | None = None) -> None:
        """Outline, zones in their colours, walls, columns, stairs, lifts, furniture, windows, doors."""
        c = p.c
        self.tags = []
        fl = self.floor
        outline = [self.ring(fl.outline.exterior), *(self.ring(h) for h in fl.outline.holes)]
        c.setFillColor(_colour("#F5F5F5"))
        c.drawPath(_poly_path(c, outline), stroke=0, fill=1, fillMode=FILL_EVEN_ODD)
        zones = sorted(fl.zones.values(), key=lambda z: -z.area)  # small zones on top
        c.setStrokeColor(_colour(st["zone_edge"]))
        c.setLineWidth(0.35 * text_k)
        for z in zones:
            rgb = ZONE_COLOURS.get(z.kind, (220, 220, 220))
            if muted:
                rgb = tuple(int(v + (255 - v) * 0.55) for v in rgb)
            c.setFillColor(_colour(_hex(rgb)))
            rings = [self.ring(z.polygon.exterior), *(self.ring(h) for h in z.polygon.holes)]
            c.drawPath(_poly_path(c, rings), stroke=1, fill=1, fillMode=FILL_EVEN_ODD)
        grey = "#9A9A9A"
        furniture = [self.ring(fu.footprint()) for fu in fl.furniture.values()
                     if fu.kind not in (FurnitureKind.LAYOUT_MAP, FurnitureKind.CCTV_CAMERA)]
        if furniture:  # one path for all of them: same style, far fewer PDF operators on a big hall
            c.setStrokeColor(_colour(grey))
            c.setFillColor(_colour("#FFFFFF"))
            c.setLineWidth(0.2 * text_k)
            c.drawPath(_poly_path(c, furniture), stroke=1, fill=1, fillMode=FILL_NON_ZERO)
        for stair in fl.stairs.values():
            ring = self.ring(stair.footprint())
            c.setFillColor(_colour("#E2E2E2"))
            c.setStrokeColor(_colour(st["outline"]))
            c.setLineWidth(0.3 * text_k)
            c.drawPath(_poly_path(c, [ring]), stroke=1, fill=1)
            # treads across the run (local y)
            steps = max(int(stair.depth / 0.3), 2)
            for i in range(1, steps):
                ly = -stair.depth / 2 + stair.depth * i / steps
                a = local_to_world(stair.x, stair.y, stair.rotation, -stair.width / 2, ly)
                b = local_to_world(stair.x, stair.y, stair.rotation, stair.width / 2, ly)
                c.line(*self.pt(a), *self.pt(b))
            if door_labels:
                self._label(p, tr("sign.map.stair", lang), ring, st["text"], 3.2 * text_k)
        for lift in fl.lifts.values():
            ring = self.ring(lift.footprint())
            c.setFillColor(_colour("#DCE8F5"))
            c.setStrokeColor(_colour(st["outline"]))
            c.setLineWidth(0.3 * text_k)
            c.drawPath(_poly_path(c, [ring]), stroke=1, fill=1)
            c.line(*ring[0], *ring[2])
            c.line(*ring[1], *ring[3])
            if door_labels:
                self._label(p, tr("sign.map.lift", lang), ring, st["text"], 3.2 * text_k, box="#DCE8F5")
        for wall in fl.walls.values():
            if len(wall.points) < 2:
                continue
            c.setStrokeColor(_colour(st["outline"]))
            c.setLineWidth(max(wall.thickness * self.k, 0.35 * text_k))
            c.setLineCap(2)
            path = c.beginPath()
            path.moveTo(*self.pt(wall.points[0]))
            for q in wall.points[1:]:
                path.lineTo(*self.pt(q))
            c.drawPath(path, stroke=1, fill=0)
        c.setLineCap(0)
        for col in fl.columns.values():
            c.setFillColor(_colour(st["outline"]))
            c.drawPath(_poly_path(c, [self.ring(col.footprint())]), stroke=0, fill=1)
        c.setStrokeColor(_colour(st["outline"]))
        c.setLineWidth(st["outline_width_mm"] * text_k)
        c.setLineJoin(1)
        c.drawPath(_poly_path(c, outline), stroke=1, fill=0)
        for w in fl.windows.values():
            colour = st["window_low"] if w.low_counter else st["window"]
            c.setFillColor(_colour(colour))
            c.drawPath(_poly_path(c, [self.ring(w.footprint())]), stroke=0, fill=1)
        pending = [t for d in fl.doors.values() if (t := self._door(p, d, st, lang, text_k, door_labels))]
        self.tags = [t[0] for t in pending]
        if route is not None and route.paths:
            c.saveState()
            c.setStrokeColor(_colour(st["accessible"]))
            c.setLineWidth(0.9 * text_k)
            c.setLineCap(1)
            c.setLineJoin(1)
            c.setDash([2.2 * text_k, 1.6 * text_k])
            for line in route.paths:
                path = c.beginPath()
                path.moveTo(*self.pt(line[0]))
                for q in line[1:]:
                    path.lineTo(*self.pt(q))
                c.drawPath(path, stroke=1, fill=0)
            c.setDash([])
            c.setFillColor(_colour(st["accessible"]))
            for line in route.paths:
                c.circle(*self.pt(line[-1]), 0.9 * text_k, stroke=0, fill=1)
            c.restoreState()
        self.here_box = None
        if here is not None:  # the "you are here" tag: placed before the zone labels, which avoid it
            self.here_box = self._place_here(*here)
            (hx, hy), _, _, gap = here
            self.tags.append(self.here_box)
            self.tags.append((hx - gap, hy - gap, hx + gap, hy + gap))
        if zone_labels:
            blocked = self._blocked()
            for z in zones:
                if z.kind == ZoneKind.CIRCULATION:
                    continue
                self._zone_label(p, z, st, lang, text_k, blocked)
        if window_numbers:
            for w in fl.windows.values():
                colour = st["window_low"] if w.low_counter else st["window"]
                cx, cy = self.pt(w.front_point(0.55))
                bw = max(w.length * self.k * 0.95, 1.0)
                bh = max(0.8 * self.k, 1.0)
                p.text(w.number, cx - bw / 2, cy - bh / 2, bw, bh, 4.0 * text_k, colour, what="window number")
        for _box, paint in pending:  # door tags last: never hidden under a zone label
            paint()

    def _place_here(self, at: tuple[float, float], tw: float, th: float, gap: float) -> tuple[float, float, float, float]:
        """Where the "you are here" tag goes: beside the dot, inside the map area, clear of the door
        tags, preferably outside the hall (over no zone)."""
        x, y = at
        bx0, by0, bx1, by1 = self.box
        hall = shapely.Polygon(self.ring(self.floor.outline.exterior))
        cands = [(x - tw / 2, y + gap), (x - tw / 2, y - gap - th), (x + gap, y - th / 2), (x - gap - tw, y - th / 2)]

        def cost(bx: float, by: float) -> float:
            inside = bx >= bx0 and by >= by0 and bx + tw <= bx1 and by + th <= by1
            over = sum(max(0.0, min(bx + tw, t[2]) - max(bx, t[0])) * max(0.0, min(by + th, t[3]) - max(by, t[1]))
                       for t in self.tags)
            on_hall = shapely.box(bx, by, bx + tw, by + th).intersection(hall).area
            return (0.0 if inside else 1e6) + 10.0 * over + on_hall

        bx, by = min(cands, key=lambda q: cost(*q))
        bx = min(max(bx, bx0), bx1 - tw)
        by = min(max(by, by0), by1 - th)
        return (bx, by, bx + tw, by + th)

    def _blocked(self):
        """Page-space areas taken by counters (with their number), furniture, stairs, lifts and walls,
        as (shapes, STRtree): zone labels avoid them."""
        import numpy as np

        fl = self.floor
        mitre = dict(join_style="mitre", quad_segs=1)

        def grown(rings, d):  # footprints (4-corner rings) grown by d, in one vectorised call
            out = []
            for n in sorted({len(r) for r in rings}):  # one array per ring length (rectangles, round items)
                polys = shapely.polygons(np.asarray([r for r in rings if len(r) == n], dtype=float))
                out += list(shapely.buffer(polys, d, **mitre)) if d else list(polys)
            return out

        furn = [f for f in fl.furniture.values() if f.kind not in (FurnitureKind.CCTV_CAMERA, FurnitureKind.LAYOUT_MAP)]
        shapes = grown([self.ring(w.footprint()) for w in fl.windows.values()], 0.7 * self.k)
        shapes += grown([self.ring(f.footprint()) for f in furn], 0.1 * self.k)
        shapes += grown([self.ring(e.footprint()) for e in (*fl.stairs.values(), *fl.lifts.values())], 0.0)
        shapes += [shapely.LineString(self.ring(wl.points)).buffer(max(wl.thickness, 0.2) * self.k, cap_style="flat", **mitre)
                   for wl in fl.walls.values() if len(wl.points) >= 2]
        shapes += [shapely.box(*t).buffer(0.8, **mitre) for t in self.tags]  # door tags (page mm)
        if not shapes:
            return None
        arr = np.array(shapes, dtype=object)
        return arr, shapely.STRtree(arr)

    def _label(self, p: Painter, text: str, ring, colour: str, max_mm: float, box: str | None = None) -> None:
        x0, y0, x1, y1 = bounds(ring)
        p.text(text, x0, y0, x1 - x0, y1 - y0, max_mm, colour, max_lines=2, what="label")

    def _zone_label(self, p: Painter, z: Zone, st, lang: str, text_k: float, blocked=None) -> None:
        poly = shapely.Polygon(self.ring(z.polygon.exterior), [self.ring(h) for h in z.polygon.holes])
        if not poly.is_valid:
            poly = poly.buffer(0)
        if poly.is_empty or poly.area <= 0:
            return
        if blocked is not None:
            arr, tree = blocked
            near = arr[tree.query(poly, predicate="intersects")]
            free = poly.difference(shapely.union_all(near)) if len(near) else poly
            if free.area > poly.area * 0.15:
                if not isinstance(free, shapely.Polygon):
                    free = max(getattr(free, "geoms", [free]), key=lambda g: g.area)
                if isinstance(free, shapely.Polygon) and free.area > 0:
                    poly = free
        try:
            pt = polylabel(poly, tolerance=0.5) if isinstance(poly, shapely.Polygon) else poly.representative_point()
        except Exception:  # pragma: no cover - polylabel on odd shapes
            pt = poly.representative_point()
        minx, miny, maxx, maxy = poly.bounds
        hx0, hx1 = _chord(poly, pt, shapely.LineString([(minx - 1, pt.y), (maxx + 1, pt.y)]), (minx, maxx), 0)
        vy0, vy1 = _chord(poly, pt, shapely.LineString([(pt.x, miny - 1), (pt.x, maxy + 1)]), (miny, maxy), 1)
        w, h = (hx1 - hx0) * 0.9, (vy1 - vy0) * 0.7
        cx, cy = (hx0 + hx1) / 2, (vy0 + vy1) / 2
        text = zone_display_name(z, lang)
        p.text(text, cx - w / 2, cy - h / 2, w, h, 7.0 * text_k, st["text"], max_lines=2, what="zone label",
               backdrop="#FFFFFF")

    def _door(self, p: Painter, d: Door, st, lang: str, text_k: float, labels: bool):
        c = p.c
        a, b = (self.pt(q) for q in d.endpoints())
        gap = max(0.3 * self.k, 1.0)
        c.setStrokeColor(_colour("#FFFFFF"))
        c.setLineWidth(gap)
        c.line(*a, *b)
        colour = {DoorKind.MAIN_ENTRANCE: st["entrance"], DoorKind.EXIT: st["exit"]}.get(d.kind, st["outline"])
        c.setStrokeColor(_colour(colour))
        c.setLineWidth(max(0.08 * self.k, 0.35) if d.kind not in (DoorKind.MAIN_ENTRANCE, DoorKind.EXIT) else max(0.15 * self.k, 0.8))
        c.line(*a, *b)
        if not labels or d.kind not in (DoorKind.MAIN_ENTRANCE, DoorKind.EXIT):
            return None
        # label on the outside of an exterior door (inside for an internal exit)
        nx, ny = self.vec(rotate_point((0.0, float(d.outside_side if d.to_outside else 1)), d.rotation))
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        size = 3.6 * text_k
        text = door_tag(d, lang)
        vertical = _vertical_tag(text, nx, ny)  # on a side wall: characters stacked (竖排), the tag stays narrow
        if vertical:
            tw, th = size * 1.3, size * 1.08 * len(text) + size * 0.5
        else:
            tw, th = stringWidth(text, p.font.name, size) + 2, size * 1.2
        arrow = size * 1.1 if d.kind == DoorKind.MAIN_ENTRANCE else 0.0
        off = abs(nx) * tw / 2 + abs(ny) * th / 2 + 1.0 + arrow
        tx, ty = mx + nx * off, my + ny * off
        bx0, by0, bx1, by1 = self.box  # keep the tag inside the map area
        tx = min(max(tx, bx0 + tw / 2), bx1 - tw / 2)
        ty = min(max(ty, by0 + th / 2), by1 - th / 2)
        box = (tx - tw / 2, ty - th / 2, tx + tw / 2, ty + th / 2)

        def paint() -> None:
            p.rect(tx - tw / 2, ty - th / 2, tw, th, fill=colour, radius=0.8)
            if vertical:
                step = size * 1.08
                top = ty + th / 2 - size * 0.25
                for i, ch in enumerate(text):
                    p.text(ch, tx - tw / 2, top - (i + 1) * step, tw, step, size, "#FFFFFF", what="door label")
            else:
                p.text(text, tx - tw / 2, ty - th / 2, tw, th, size, "#FFFFFF", what="door label")
            if arrow:  # an arrow pointing in, between the tag and the door
                ax, ay = mx + nx * (arrow * 0.5 + 0.8), my + ny * (arrow * 0.5 + 0.8)
                L = arrow
                tip = (ax - nx * L * 0.5, ay - ny * L * 0.5)
                left = (ax + nx * L * 0.5 - ny * L * 0.45, ay + ny * L * 0.5 + nx * L * 0.45)
                right = (ax + nx * L * 0.5 + ny * L * 0.45, ay + ny * L * 0.5 - nx * L * 0.45)
                c.setFillColor(_colour(colour))
                c.drawPath(_poly_path(c, [[tip, left, right]]), stroke=0, fill=1)

        return box, paint

    def tag_pad(self, lang: str = "zh", text_k: float = 1.0) -> tuple[float, float]:
        """Page room (mm, ``(left/right, top/bottom)``) the entrance and exit tags need beside the plan.

        A tag sits outside its door: a door on a side wall needs the tag's width, one on the top or
        bottom wall its height. (Widths are estimated: CJK characters one em, others half an em.)
        """
        size = 3.6 * text_k
        px = py = size * 1.2 + 2.0
        for d in self.floor.doors.values():
            if d.kind not in (DoorKind.MAIN_ENTRANCE, DoorKind.EXIT):
                continue
            if not d.to_outside:
                continue  # an internal exit's tag stays inside the hall
            text = door_tag(d, lang)
            nx, ny = self.vec(rotate_point((0.0, float(d.outside_side)), d.rotation))
            if _vertical_tag(text, nx, ny):
                tw = size * 1.3
            else:
                tw = sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in text) + 2.0
            th = size * 1.2
            arrow = size * 1.1 if d.kind == DoorKind.MAIN_ENTRANCE else 0.0
            if abs(nx) >= abs(ny):
                px = max(px, tw + 1.5 + arrow)
            else:
                py = max(py, th + 1.5 + arrow)
        return px, py

    def texts(self, lang: str = "zh") -> list[str]:
        """Every string :meth:`draw` may draw (for the glyph check)."""
        fl = self.floor
        out = [w.number for w in fl.windows.values()]
        out += [zone_display_name(z, lang) for z in fl.zones.values()]
        out += [door_tag(d, lang) for d in fl.doors.values()]
        out += [tr("sign.map.stair", lang), tr("sign.map.lift", lang)]
        return out


def _vertical_tag(text: str, nx: float, ny: float) -> bool:
    """A door tag on a side wall (outward normal mostly left/right) in Chinese is set vertically."""
    return abs(nx) > abs(ny) + 1e-9 and len(text) > 1 and all(ord(ch) > 0x2E7F for ch in text)


def door_tag(d: Door, lang: str = "zh") -> str:
    """The tag at an exit or the main entrance: its name if short, else the kind (安全出口)."""
    name = d.name.strip()
    return name if (name and lang == "zh" and len(name) <= 6) else label(d.kind, lang)


def _chord(poly, pt, line, fallback: tuple[float, float], axis: int) -> tuple[float, float]:
    """The span (along ``axis``) of the piece of ``line`` inside ``poly`` that contains ``pt``."""
    inter = poly.intersection(line)
    for g in getattr(inter, "geoms", [inter]):
        if g.length > 0 and g.distance(pt) < 1e-6:
            vals = [q[axis] for q in g.coords]
            return (min(vals), max(vals))
    return fallback


@dataclass(frozen=True)
class AccessibleRoute:
    """The accessible route on a floor: polylines (plan metres) from the entrance (or accessible
    lift) to each accessible place, and the places it cannot reach at the clear width."""

    paths: tuple[tuple[tuple[float, float], ...], ...]
    unreached: tuple[str, ...]


def accessible_route(plan: Plan, floor: Floor, width: float = 1.2, door_width: float = 0.9,
                     cell: float = 0.25) -> AccessibleRoute:
    """Shortest walking lines of clear ``width`` to the low counters, accessible toilets and lifts.

    The space a wheelchair's centre can use comes from :func:`hallplan.geometry.clearwidth.route_width`
    (free public space eroded by ``width``/2, doors ≥ ``door_width`` bridged); the line through it is
    a shortest 8-neighbour path on a ``cell`` grid, simplified.
    """
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    from hallplan.geometry.clearwidth import RouteTarget, entrance_sources, route_width
    from hallplan.geometry.floorgeom import FloorGeometry

    fg = FloorGeometry(plan, floor.id)
    sources = entrance_sources(fg, width)
    targets = [RouteTarget(w.id, "window", shapely.Point(w.front_point(0.7)).buffer(0.5))
               for w in floor.windows.values() if w.low_counter or w.kind == WindowKind.ACCESSIBLE]
    targets += [RouteTarget(z.id, "toilet", shapely.Polygon(z.polygon.exterior))
                for z in floor.zones.values() if z.kind == ZoneKind.TOILET_ACCESSIBLE]
    if any(s.kind == "entrance" for s in sources):
        targets += [RouteTarget(lf.id, "lift", shapely.Polygon(lf.footprint()).buffer(width / 2 + 0.3))
                    for lf in floor.lifts.values() if lf.accessible]
    if not sources or not targets:
        return AccessibleRoute((), ())
    res = route_width(fg, width, sources, targets, door_width=door_width)
    unreached = tuple(t.target.id for t in res.targets if not t.reached)
    if res.network.is_empty:
        return AccessibleRoute((), unreached)
    cell = max(cell, math.sqrt(res.network.area / 80000.0))  # at most ~80k cells on a big floor
    net = res.network.buffer(cell * 0.8)  # so that the thin bridges through doors survive the grid
    x0, y0, x1, y1 = net.bounds
    nx, ny = int(math.ceil((x1 - x0) / cell)) + 1, int(math.ceil((y1 - y0) / cell)) + 1
    xs, ys = x0 + np.arange(nx) * cell, y0 + np.arange(ny) * cell
    X, Y = np.meshgrid(xs, ys)
    shapely.prepare(net)
    inside = shapely.contains_xy(net, X, Y)
    idx = -np.ones(inside.shape, dtype=np.int64)
    n = int(inside.sum())
    if n == 0:
        return AccessibleRoute((), unreached)
    idx[inside] = np.arange(n)
    rows, cols, wts = [], [], []
    for dy, dx, wgt in ((0, 1, 1.0), (1, 0, 1.0), (1, 1, math.sqrt(2)), (1, -1, math.sqrt(2))):
        a = idx[0:ny - dy, max(0, -dx):nx - max(0, dx)]
        b = idx[dy:ny, max(0, dx):nx - max(0, -dx)]
        ok = (a >= 0) & (b >= 0)
        rows.append(a[ok])
        cols.append(b[ok])
        wts.append(np.full(int(ok.sum()), wgt))
    r, c_, w = np.concatenate(rows), np.concatenate(cols), np.concatenate(wts)
    graph = coo_matrix((np.concatenate([w, w]), (np.concatenate([r, c_]), np.concatenate([c_, r]))), shape=(n, n)).tocsr()
    pts = np.column_stack([X[inside], Y[inside]])

    def nearest(geom) -> int:
        g = geom.intersection(net)
        q = (g if not g.is_empty else geom).representative_point()
        return int(np.argmin((pts[:, 0] - q.x) ** 2 + (pts[:, 1] - q.y) ** 2))

    src = sorted({nearest(s.geometry) for s in sources})
    dist, pred, origin = dijkstra(graph, indices=src, min_only=True, return_predecessors=True)
    paths = []
    for t in res.targets:
        if not t.reached:
            continue
        # the target's closest reachable grid point (a room reached through its door may leave its
        # inside cut off from the entrance on the grid; the door side is what the route goes to)
        near = np.flatnonzero(shapely.contains_xy(t.target.geometry.buffer(cell * 1.5), pts[:, 0], pts[:, 1]))
        near = near[np.isfinite(dist[near])]
        k = int(near[np.argmin(dist[near])]) if len(near) else nearest(t.target.geometry)
        if not np.isfinite(dist[k]):
            continue
        chain = [k]
        while pred[chain[-1]] >= 0:
            chain.append(int(pred[chain[-1]]))
        if len(chain) < 2:
            continue
        line = shapely.LineString(pts[chain[::-1]]).simplify(cell * 0.75)
        paths.append(tuple((float(a), float(b)) for a, b in line.coords))
    return AccessibleRoute(tuple(paths), unreached)


@sign_type("layout_map", "sign.title.layout_map")
def _map_pages(ctx: SignContext) -> list[Page]:
    """布局图 per layout-map placement (one per floor if none is placed), drawn to scale (YZ-6.2.3, JZ-2)."""
    st = ctx.style("layout_map")
    paper = ctx.options.paper or st["default_paper"]
    if paper not in st["paper"]:
        raise SignError(f"layout map paper {paper!r}: choose from {', '.join(st['paper'])}")
    pages = []
    for floor in sorted(ctx.plan.floors, key=lambda f: f.storey):
        placements = sorted((fu for fu in floor.furniture.values() if fu.kind == FurnitureKind.LAYOUT_MAP),
                            key=lambda fu: _natural(fu.id))
        if not placements:
            ctx.warnings.append(tr("sign.warn.no_map_placed", ctx.lang, floor=floor_label(floor)))
        for placement in placements or [None]:
            pages.append(_map_page(ctx, st, paper, floor, placement))
    return pages


def _map_page(ctx: SignContext, st: dict[str, Any], paper: str, floor: Floor, here: Furniture | None) -> Page:
    long, short = sorted(st["paper"][paper], reverse=True)
    k = math.sqrt(long * short / (420.0 * 297.0))  # text scale relative to A3
    heads_up = bool(st.get("heads_up", True)) and here is not None
    angle = 0.0
    if heads_up:
        fx, fy = here.facing  # the viewer stands in front of the map and looks the other way
        angle = 90.0 - math.degrees(math.atan2(-fy, -fx))
        angle = round(angle / 90.0) * 90.0 if abs(angle - round(angle / 90.0) * 90.0) < 1e-6 else angle
    view = MapView(floor, angle)
    try:
        route = accessible_route(ctx.plan, floor, st.get("accessible_width_m", 1.2), st.get("accessible_door_m", 0.9))
    except Exception as exc:  # a geometry failure must not stop the signs; say so
        route = None
        ctx.warnings.append(tr("sign.warn.route_failed", ctx.lang, floor=floor_label(floor), error=str(exc)))
    if route is not None and route.unreached:
        ctx.warnings.append(tr("sign.warn.route_unreached", ctx.lang, floor=floor_label(floor),
                               ids="、".join(route.unreached), width=st.get("accessible_width_m", 1.2)))
    m = st["margin_mm"]
    title_h = st["title_mm_per_a3"] * k * 2.0
    tag_pad = view.tag_pad("zh", k)  # room for the entrance/exit tags around the plan
    # orientation: the one that draws the plan larger
    best = None
    for W, H in ((long, short), (short, long)):
        lw = W * st["legend_width_ratio"]
        n = view.fit(m, m, W - lw - 3 * m, H - title_h - 2 * m, st["scales"], pad_mm=tag_pad)
        if best is None or n < best[0]:
            best = (n, W, H, lw)
    n, W, H, lw = best
    lang = "zh"
    title = f"{ctx.plan.name}  {tr('sign.map.title', 'zh')}"
    title_en = tr("sign.map.title", "en") if ctx.english else ""
    sub = f"{floor_label(floor)}  {floor.name}".strip()
    kinds = sorted({z.kind for z in floor.zones.values() if z.kind != ZoneKind.CIRCULATION}, key=lambda z: list(ZoneKind).index(z))
    doors = {d.kind for d in floor.doors.values()}
    legend: list[tuple[str, str, str]] = [("swatch", _hex(ZONE_COLOURS.get(z, (200, 200, 200))), label(z, lang)) for z in kinds]
    legend.append(("bar", st["window"], tr("sign.map.window", lang)))
    if any(w.low_counter for w in floor.windows.values()):
        legend.append(("bar", st["window_low"], tr("sign.map.window_low", lang)))
    if DoorKind.MAIN_ENTRANCE in doors:
        legend.append(("tag", st["entrance"], label(DoorKind.MAIN_ENTRANCE, lang)))
    if DoorKind.EXIT in doors:
        legend.append(("tag", st["exit"], label(DoorKind.EXIT, lang)))
    if route is not None and route.paths:
        legend.append(("route", st["accessible"], tr("sign.map.accessible_route", lang)))
    if here is not None:
        legend.append(("dot", st["you_are_here"], tr("sign.map.you_are_here", lang)))
    if ctx.english:
        en = {label(z, lang): label(z, "en") for z in kinds}
        legend = [(a, b, f"{t}  {en[t]}" if t in en else t) for a, b, t in legend]
    scale_text = tr("sign.map.scale", lang, n=int(n)) + (f"  ({tr('sign.map.scale', 'en', n=int(n))})" if ctx.english else "")
    note = tr("sign.map.heads_up", lang) if heads_up else ""
    yah = tr("sign.map.you_are_here", lang) + (f" {tr('sign.map.you_are_here', 'en')}" if ctx.english else "")
    legend_head = tr("sign.map.legend", lang) + (f" {tr('sign.map.legend', 'en')}" if ctx.english else "")

    def draw(p: Painter) -> None:
        p.background(st["background"])
        view.fit(m, m, W - lw - 3 * m, H - title_h - 2 * m, [n], pad_mm=tag_pad)
        p.rect(-ctx.bleed, H - title_h, W + 2 * ctx.bleed, title_h + ctx.bleed, fill=st["title_band"])
        ts = st["title_mm_per_a3"] * k
        p.text(f"{title}  {title_en}".strip(), m, H - title_h, W * 0.7 - m, title_h, ts, st["title_text"],
               align="left", what="title")
        p.text(sub, W * 0.7, H - title_h, W * 0.3 - m, title_h, ts * 0.8, st["title_text"], align="right", what="floor")
        here_spec = None
        if here is not None:
            x, y = view.pt((here.x, here.y))
            r = 2.2 * k
            size = 4.2 * k
            tw = stringWidth(yah, p.font.name, size) + 3 * k
            th = size * 1.5
            here_spec = ((x, y), tw, th, r * 2.4)
        view.draw(p, st, lang, text_k=k, route=route, here=here_spec)
        if here is not None:
            c = p.c
            c.setFillColor(_colour(st["you_are_here"]))
            c.setStrokeColor(_colour(st["you_are_here"]))
            c.setLineWidth(0.6 * k)
            c.circle(x, y, r * 1.9, stroke=1, fill=0)
            c.circle(x, y, r, stroke=0, fill=1)
            bx, by, _, _ = view.here_box
            p.rect(bx, by, tw, th, fill=st["you_are_here"], radius=1.2 * k)
            p.text(yah, bx, by, tw, th, size, "#FFFFFF", what="you are here")
        # legend
        lx = W - lw - m
        p.line(lx - m / 2, m, lx - m / 2, H - title_h - m, "#CCCCCC", 0.3)
        y = H - title_h - m
        hs = 5.5 * k
        p.text(legend_head, lx, y - hs * 1.2, lw, hs * 1.2, hs, st["text"], align="left", what="legend")
        y -= hs * 2.0
        rows = len(legend) + 3
        row = min(6.5 * k, (y - m) / max(rows, 1))
        ts = row * 0.62
        sw = row * 1.1
        for kind, colour, text in legend:
            cy = y - row / 2
            if kind == "swatch":
                p.rect(lx, cy - row * 0.35, sw, row * 0.7, fill=colour, stroke="#FFFFFF", width=0.2)
            elif kind == "bar":
                p.rect(lx, cy - row * 0.15, sw, row * 0.3, fill=colour)
            elif kind == "route":
                p.line(lx, cy, lx + sw, cy, colour, row * 0.14, dash=(row * 0.3, row * 0.2))
            elif kind == "tag":
                p.rect(lx, cy - row * 0.3, sw, row * 0.6, fill=colour, radius=0.6)
            else:
                p.c.setFillColor(_colour(colour))
                p.c.circle(lx + sw / 2, cy, row * 0.25, stroke=0, fill=1)
            p.text(text, lx + sw + row * 0.4, cy - row / 2, lw - sw - row * 0.4, row, ts, st["text"], align="left",
                   what="legend")
            y -= row
        # scale bar: a round number of metres about a third of the legend width
        y -= row
        metres = _nice_length(lw * 0.6 / view.k)
        bar = metres * view.k
        p.text(scale_text, lx, y - row, lw, row, ts, st["text"], align="left", what="scale")
        y -= row * 1.3
        for i in range(4):
            seg = bar / 4
            p.rect(lx + i * seg, y - row * 0.25, seg, row * 0.25, fill=st["text"] if i % 2 == 0 else "#FFFFFF",
                   stroke=st["text"], width=0.2)
        p.text("0", lx - row, y - row * 0.9, row * 2, row * 0.6, ts * 0.8, st["text"], what="scale")
        p.text(f"{metres:g} m", lx + bar - row * 2, y - row * 0.9, row * 4, row * 0.6, ts * 0.8, st["text"], what="scale")
        if note:
            p.text(note, lx, m, lw, row * 2, ts * 0.85, st["text"], max_lines=2, align="left", valign="bottom",
                   what="note")

    texts = (title, title_en, sub, scale_text, note, yah, legend_head, "0", f"{_nice_length(1):g} m",
             *(t for _, _, t in legend), *view.texts(lang))
    where = tr("sign.where.map", ctx.lang, floor=floor_label(floor))
    return Page(where, (W, H), texts, draw)


def _nice_length(x: float) -> float:
    """The largest 1/2/5 × 10^k not above ``x`` (a scale-bar length in metres)."""
    if x <= 0:
        return 1.0
    e = math.floor(math.log10(x))
    for f in (5, 2, 1):
        if f * 10**e <= x:
            return float(f * 10**e)
    return float(10**e)


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
    out = prepare_folder(out_dir)
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

    def write(tmp: str) -> None:
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

    atomic_write(path, write)


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
