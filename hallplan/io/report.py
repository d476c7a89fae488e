"""The compliance report PDF: cover, hall data, every finding with its clause, acknowledged findings
with their reasons, the plan of each floor with the findings marked, and the profile and pack versions.

The report reads findings; it never runs a check itself unless asked to (:func:`write_report` with
``findings=None`` runs :class:`hallplan.rules.Engine` for the plan's profile). Findings are
:class:`hallplan.rules.Finding` objects (or anything with the same attributes).

A4 portrait, page numbers "第 n 页 / 共 m 页", Chinese by default, English with ``lang="en"``. As for the
signs, every string is checked against the embedded font before the file is written.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import registerFontFamily, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from hallplan.i18n import label, tr
from hallplan.model import Floor, Plan
from hallplan.model.geom import ring_centroid
from hallplan.render.style import SEVERITY_COLOURS
from hallplan.rules.finding import Titled

from .acks import is_acknowledged
from .atomic import atomic_write
from .fonts import CJKFont, load_font
from .signs import (
    MapView,
    Painter,
    SignContext,
    SignOptions,
    floor_label,
    load_styles,
    number_ranges,
    window_type_text,
)

SEVERITIES = ("error", "warning", "info")
RULE_COL_MM = 40.0  # the rule-id column of the findings tables; ids are shrunk to fit on one line
ACK_COLOUR = (120, 120, 120)


# ----------------------------------------------------------------------------------------------
# data


@dataclass(frozen=True)
class PackInfo(Titled):
    """A rule pack as the report names it: id, title, source and a content fingerprint (version)."""

    id: str
    title_zh: str
    title_en: str
    source: str
    version: str
    rules: int


@dataclass(frozen=True)
class ProfileInfo(Titled):
    id: str
    title_zh: str
    title_en: str
    packs: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportOptions:
    lang: str = "zh"
    font: str | None = None
    date: str | None = None  # printed on the cover; default today (ISO)
    plan_figures: bool = True


@dataclass
class ReportResult:
    path: Path
    pages: int
    open_findings: int
    acknowledged: int
    counts: dict[str, int]
    warnings: list[str] = field(default_factory=list)


def _sev(f: Any) -> str:
    s = getattr(f, "severity", "info")
    return getattr(s, "value", str(s))


def _message(f: Any, lang: str) -> str:
    m = getattr(f, "message", None)
    if callable(m):
        return m(lang)
    return getattr(f, "message_en" if lang == "en" else "message_zh", "") or str(m or "")


def rule_sources(plan: Plan, profile: Any = None) -> tuple[ProfileInfo | None, list[PackInfo]]:
    """The profile and the packs it uses (with a content hash as their version), from hallplan.rules."""
    from hallplan.rules.packs import get_profile, load_packs

    packs = load_packs()
    prof = profile if profile is not None and not isinstance(profile, str) else get_profile(profile or plan.profile)
    # the profile's packs, then the packs its single included rules come from (the rules' own matching)
    used = dict.fromkeys([*prof.packs, *(r.pack for r in prof.rules(packs))])
    infos = [PackInfo(p.id, p.title_zh, p.title_en, p.source, p.version, len(p.rules))
             for pid in used if (p := packs.get(pid)) is not None]
    pi = ProfileInfo(prof.id, prof.title_zh, prof.title_en, tuple(prof.packs), tuple(prof.include), tuple(prof.missing))
    return pi, infos


def run_checks(plan: Plan, profile: str | None = None) -> tuple[list[Any], ProfileInfo | None, list[PackInfo]]:
    """Findings of the rule engine for ``plan`` and the profile/packs that produced them."""
    from hallplan.rules import Engine

    engine = Engine(plan, profile)
    findings = engine.run()
    prof, packs = rule_sources(plan, engine.profile)
    return findings, prof, packs


# ----------------------------------------------------------------------------------------------
# styles


def _rgb(c: tuple[int, int, int]) -> Color:
    return Color(c[0] / 255, c[1] / 255, c[2] / 255)


class _Styles:
    def __init__(self, font: CJKFont, lang: str) -> None:
        registerFontFamily(font.name, normal=font.name, bold=font.name, italic=font.name, boldItalic=font.name)
        wrap = "CJK" if lang == "zh" else None
        base = dict(fontName=font.name, wordWrap=wrap, leading=14, fontSize=10)
        self.body = ParagraphStyle("body", **base)
        self.small = ParagraphStyle("small", **{**base, "fontSize": 8, "leading": 11, "textColor": HexColor("#555555")})
        self.cell = ParagraphStyle("cell", **{**base, "fontSize": 8.5, "leading": 11.5})
        self.cell_head = ParagraphStyle("cellh", **{**base, "fontSize": 8.5, "leading": 11.5, "textColor": HexColor("#FFFFFF")})
        self.h1 = ParagraphStyle("h1", **{**base, "fontSize": 17, "leading": 24, "spaceBefore": 6, "spaceAfter": 8,
                                          "textColor": HexColor("#0B4DA2")})
        self.h2 = ParagraphStyle("h2", **{**base, "fontSize": 12.5, "leading": 18, "spaceBefore": 8, "spaceAfter": 4})
        self.title = ParagraphStyle("title", **{**base, "fontSize": 28, "leading": 38, "alignment": TA_CENTER,
                                                "textColor": HexColor("#0B4DA2")})
        self.subtitle = ParagraphStyle("subtitle", **{**base, "fontSize": 15, "leading": 22, "alignment": TA_CENTER})
        self.centre = ParagraphStyle("centre", **{**base, "alignment": TA_CENTER})
        self.font_name = font.name

    def table(self, rows: list[list[Any]], widths: Sequence[float], head_colour: str | None = "#0B4DA2") -> Table:
        return _table(rows, widths, self.font_name, head_colour)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


# ----------------------------------------------------------------------------------------------
# the plan figure with findings marked


@dataclass(frozen=True)
class Mark:
    number: int
    severity: str
    acknowledged: bool
    shapes: tuple[tuple[str, tuple[tuple[float, float], ...]], ...]  # (kind, points) in plan metres
    at: tuple[float, float]


def _entity_shape(entity: Any) -> tuple[str, tuple[tuple[float, float], ...]] | None:
    if hasattr(entity, "polygon"):
        return ("polygon", tuple(entity.polygon.exterior))
    if hasattr(entity, "footprint"):
        return ("polygon", tuple(entity.footprint()))
    if hasattr(entity, "endpoints"):
        return ("line", tuple(entity.endpoints()))
    if hasattr(entity, "points"):
        return ("line", tuple(entity.points))
    return None


def marks_for_floor(plan: Plan, floor: Floor, numbered: Sequence[tuple[int, Any, bool]]) -> list[Mark]:
    """Where each numbered finding shows on ``floor``: its own geometry, else its entities."""
    out = []
    for number, f, acked in numbered:
        shapes: list[tuple[str, tuple[tuple[float, float], ...]]] = []
        fid = getattr(f, "floor_id", "") or ""
        for g in getattr(f, "geometry", ()) or ():
            gfloor = getattr(g, "floor_id", "") or fid
            if gfloor == floor.id or (not gfloor and len(plan.floors) == 1):
                shapes.append((g.kind, tuple(g.points)))
        if not shapes:
            for eid in getattr(f, "entity_ids", ()) or ():
                e = floor.get(eid)
                if e is not None and (s := _entity_shape(e)) is not None:
                    shapes.append(s)
        if not shapes:
            continue
        kind, pts = shapes[0]
        at = ring_centroid(pts) if kind == "polygon" and len(pts) >= 3 else (
            sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
        out.append(Mark(number, _sev(f), acked, tuple(shapes), at))
    return out


class PlanFigure(Flowable):
    """A floor drawn to scale (muted zone colours) with the numbered findings marked on it."""

    def __init__(self, plan: Plan, floor: Floor, marks: Sequence[Mark], font: CJKFont, ctx: SignContext,
                 width_mm: float, max_height_mm: float, lang: str) -> None:
        super().__init__()
        self.plan, self.floor, self.marks, self.font, self.ctx, self.lang = plan, floor, marks, font, ctx, lang
        self.st = ctx.styles["layout_map"]
        self.view = MapView(floor)
        x0, y0, x1, y1 = self.view.bounds
        aspect = (y1 - y0 + 2) / max(x1 - x0 + 2, 1e-6)
        self.w_mm = width_mm
        self.h_mm = min(max_height_mm, max(width_mm * aspect, 40.0))
        px, py = self.view.tag_pad(lang, 0.55)  # room for the entrance/exit tags (drawn at text_k 0.55)
        self.pad = (max(px, 4.0), max(py, 4.0))
        self.scale_n = self.view.fit(0, 0, self.w_mm, self.h_mm, self.st.get("report_scales", self.st["scales"]),
                                     pad_m=1.0, pad_mm=self.pad)
        self.width, self.height = self.w_mm * mm, self.h_mm * mm

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.scale(mm, mm)
        view = self.view
        view.fit(0, 0, self.w_mm, self.h_mm, [self.scale_n], pad_m=1.0, pad_mm=self.pad)
        p = Painter(c, self.font, self.ctx, self.floor.name or self.floor.id, self.w_mm, self.h_mm)
        k = 0.55
        view.draw(p, self.st, self.lang, text_k=k, window_numbers=view.k * 1.6 >= 6, muted=True)
        cols = [_rgb(ACK_COLOUR if m.acknowledged else SEVERITY_COLOURS.get(m.severity, SEVERITY_COLOURS["error"]))
                for m in self.marks]
        for m, col in zip(self.marks, cols, strict=True):
            c.setStrokeColor(col)
            c.setFillColor(Color(col.red, col.green, col.blue, alpha=0.18))
            c.setLineWidth(0.6)
            for kind, pts in m.shapes:
                page = [view.pt(q) for q in pts]
                if kind == "point" or len(page) == 1:
                    c.circle(*page[0], 2.0, stroke=1, fill=1)
                    continue
                path = c.beginPath()
                path.moveTo(*page[0])
                for q in page[1:]:
                    path.lineTo(*q)
                if kind == "polygon":
                    path.close()
                c.drawPath(path, stroke=1, fill=1 if kind == "polygon" else 0)
        for m, col in zip(self.marks, cols, strict=True):  # badges on top of every outline
            x, y = view.pt(m.at)
            r = 2.3
            c.setFillColor(col)
            c.setStrokeColor(Color(1, 1, 1))
            c.setLineWidth(0.3)
            c.circle(x, y, r, stroke=1, fill=1)
            p.text(str(m.number), x - r, y - r, 2 * r, 2 * r, 2.6, "#FFFFFF", what="marker")
        c.restoreState()


# ----------------------------------------------------------------------------------------------
# page numbers


def _numbered_canvas(font_name: str, lang: str):
    class NumberedCanvas(Canvas):
        """Draws "page n of m" once the page count is known (two-pass)."""

        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            self._saved: list[dict] = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            w, _ = self._pagesize
            self.saveState()
            self.setFont(font_name, 8)
            self.setFillColor(HexColor("#666666"))
            self.drawCentredString(w / 2, 10 * mm, tr("report.page", lang, page=self._pageNumber, pages=total))
            self.restoreState()

    return NumberedCanvas


# ----------------------------------------------------------------------------------------------
# building


def _table(rows: list[list[Any]], widths: Sequence[float], font_name: str, head_colour: str | None = "#0B4DA2",
           extra: Sequence[tuple] = ()) -> Table:
    """A table of Paragraph cells; ``font_name`` also for empty cells (no base-14 font sneaks in)."""
    t = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1 if head_colour else 0)
    head = [("BACKGROUND", (0, 0), (-1, 0), HexColor(head_colour))] if head_colour else []
    t.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font_name, 8.5),
        *head,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.3, HexColor("#BBBBBB")),
        ("ROWBACKGROUNDS", (0, 1 if head_colour else 0), (-1, -1), [HexColor("#FFFFFF"), HexColor("#F4F6FA")]),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        *extra,
    ]))
    return t


class _Texts:
    """Collects every string put into the PDF, for the glyph check before writing."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def __call__(self, text: str, where: str) -> str:
        self.items.append((where, text))
        return text


def write_report(plan: Plan, path: str | os.PathLike, findings: Sequence[Any] | None = None, *,
                 profile: Any = None, packs: Sequence[PackInfo] | None = None,
                 options: ReportOptions | None = None) -> ReportResult:
    """Write the compliance report for ``plan`` to ``path``.

    ``findings``: the findings to report (None: run the rule engine for the plan's profile).
    ``profile``/``packs``: what produced them, shown in the report (looked up when not given).
    """
    opts = options or ReportOptions()
    lang = opts.lang
    if lang not in ("zh", "en"):
        raise ValueError(f"report language {lang!r}: choose zh or en")
    font = load_font(opts.font)
    if findings is None:
        findings, prof_info, pack_infos = run_checks(plan, profile if isinstance(profile, str) else None)
    else:
        try:
            prof_info, pack_infos = rule_sources(plan, profile)
        except Exception:  # unknown profile: the report still lists the findings it was given
            prof_info, pack_infos = None, []
    if packs is not None:
        pack_infos = list(packs)
    if isinstance(profile, ProfileInfo):
        prof_info = profile

    findings = sorted(findings, key=lambda f: (SEVERITIES.index(_sev(f)) if _sev(f) in SEVERITIES else 9,
                                               f.rule_id, getattr(f, "floor_id", ""), tuple(getattr(f, "entity_ids", ()))))
    covered = [(f, is_acknowledged(f, plan.acknowledgements)) for f in findings]
    open_f = [(f, a) for f, a in covered if a is None]
    acked = [(f, a) for f, a in covered if a is not None]
    numbered = [(i + 1, f, a is not None) for i, (f, a) in enumerate(open_f + acked)]
    counts = Counter(_sev(f) for f, _ in open_f)

    S = _Styles(font, lang)
    T = _Texts()
    story: list[Flowable] = []
    t = lambda key, **kw: T(tr(key, lang, **kw), key)  # noqa: E731

    # -- cover ---------------------------------------------------------------------------
    date = opts.date or _dt.date.today().isoformat()
    story += [Spacer(1, 55 * mm), _p(T(plan.name, "plan name"), S.title), Spacer(1, 6 * mm),
              _p(t("report.title"), S.subtitle), Spacer(1, 14 * mm)]
    cover_rows = [
        (t("report.level"), T(label(plan.level, lang), "level")),
        (t("report.profile"), T(f"{prof_info.id} · {prof_info.title(lang)}" if prof_info else plan.profile, "profile")),
        (t("report.summary"), t("report.summary_counts", errors=counts["error"], warnings=counts["warning"],
                                infos=counts["info"], acked=len(acked))),
        (t("report.date"), T(date, "date")),
    ]
    story.append(S.table([[_p(a, S.body), _p(b, S.body)] for a, b in cover_rows], (45, 120), head_colour=None))
    story.append(PageBreak())

    # -- hall data -----------------------------------------------------------------------
    story.append(_p(t("report.h.hall"), S.h1))
    low = sum(1 for w in plan.all_windows() if w.low_counter)
    basics = [(t("report.level"), T(label(plan.level, lang), "level")),
              (t("report.basic.area"), f"{plan.gross_area:,.1f} m²"),
              (t("report.basic.windows"), t("report.basic.windows_value", n=len(plan.all_windows()), low=low))]
    if plan.service_hours:
        hours = "；".join(f"{sp.days} {sp.start}–{sp.end}" for sp in plan.service_hours)
        basics.append((t("report.basic.hours"), T(hours, "service hours")))
    if plan.staff_count:
        basics.append((t("report.basic.staff"), t("report.basic.staff_value", n=plan.staff_count)))
    story += [_p(t("report.h.basic"), S.h2),
              S.table([[_p(a, S.cell), _p(b, S.cell)] for a, b in basics], (45, 125), head_colour=None)]
    rows = [[_p(t("report.col.floor"), S.cell_head), _p(t("report.col.storey"), S.cell_head),
             _p(t("report.col.area"), S.cell_head), _p(t("report.col.windows"), S.cell_head)]]
    for f in sorted(plan.floors, key=lambda f: f.storey):
        rows.append([_p(T(f.name or f.id, "floor name"), S.cell), _p(floor_label(f), S.cell),
                     _p(f"{f.area:,.1f} m²", S.cell), _p(str(len(f.windows)), S.cell)])
    rows.append([_p(t("report.total"), S.cell), _p("", S.cell), _p(f"{plan.gross_area:,.1f} m²", S.cell),
                 _p(str(len(plan.all_windows())), S.cell)])
    story += [_p(t("report.h.floors"), S.h2), S.table(rows, (60, 30, 45, 35))]

    areas: dict[Any, float] = defaultdict(float)
    nzones: Counter = Counter()
    for f in plan.floors:
        for z in f.zones.values():
            areas[z.kind] += z.area
            nzones[z.kind] += 1
    rows = [[_p(t("report.col.zone_kind"), S.cell_head), _p(t("report.col.count"), S.cell_head),
             _p(t("report.col.area"), S.cell_head)]]
    for kind, a in sorted(areas.items(), key=lambda kv: -kv[1]):
        rows.append([_p(T(label(kind, lang), "zone kind"), S.cell), _p(str(nzones[kind]), S.cell), _p(f"{a:,.1f} m²", S.cell)])
    story += [_p(t("report.h.zones"), S.h2), S.table(rows, (90, 30, 50))]

    groups: dict[str, list[str]] = defaultdict(list)
    for w in plan.all_windows():
        groups[window_type_text(w, lang)].append(w.number)
    rows = [[_p(t("report.col.window_kind"), S.cell_head), _p(t("report.col.count"), S.cell_head),
             _p(t("report.col.numbers"), S.cell_head)]]
    for kind, nums in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        rows.append([_p(T(kind, "window kind"), S.cell), _p(str(len(nums)), S.cell), _p(T(number_ranges(nums), "numbers"), S.cell)])
    story += [_p(t("report.h.windows"), S.h2), S.table(rows, (70, 20, 80))]

    # -- findings ------------------------------------------------------------------------
    story += [PageBreak(), _p(t("report.h.findings"), S.h1)]
    story.append(_p(t("report.findings_intro", n=len(open_f)), S.body))
    story.append(Spacer(1, 3 * mm))
    story += _finding_tables(numbered[: len(open_f)], plan, S, T, lang, acks=False)

    story += [CondPageBreak(60 * mm), _p(t("report.h.acknowledged"), S.h1)]
    if acked:
        story += _finding_tables(numbered[len(open_f):], plan, S, T, lang, acks=True)
    else:
        story.append(_p(t("report.none_acknowledged"), S.body))

    # -- plans ---------------------------------------------------------------------------
    ctx = SignContext(plan, load_styles(), SignOptions())
    if opts.plan_figures:
        for f in sorted(plan.floors, key=lambda f: f.storey):
            marks = marks_for_floor(plan, f, numbered)
            fig = PlanFigure(plan, f, marks, font, ctx, 174, 215, lang)
            for txt in fig.view.texts(lang):
                T(txt, f"plan {f.id}")
            head = _p(t("report.h.plan", floor=f"{floor_label(f)} {f.name}".strip()), S.h1)
            cap = _p(t("report.plan_caption", n=int(fig.scale_n), marks=len(marks)), S.small)
            story += [PageBreak(), head, fig, Spacer(1, 2 * mm), cap]
        plan_wide = [n for n, f, _ in numbered if not (getattr(f, "entity_ids", ()) or getattr(f, "geometry", ()))]
        if plan_wide:
            story.append(_p(t("report.plan_wide", numbers=", ".join(map(str, plan_wide))), S.small))

    # -- sources -------------------------------------------------------------------------
    story += [PageBreak(), _p(t("report.h.sources"), S.h1)]
    if prof_info:
        story.append(_p(t("report.profile_line", id=prof_info.id, title=T(prof_info.title(lang), "profile")), S.body))
        if prof_info.include:
            story.append(_p(t("report.include", rules=", ".join(prof_info.include)), S.small))
        if prof_info.missing:
            story.append(_p(t("report.missing", packs=", ".join(prof_info.missing)), S.small))
    rows = [[_p(t("report.col.pack"), S.cell_head), _p(t("report.col.document"), S.cell_head),
             _p(t("report.col.rules"), S.cell_head), _p(t("report.col.version"), S.cell_head)]]
    for pk in pack_infos:
        rows.append([_p(pk.id, S.cell), _p(T(pk.title(lang), f"pack {pk.id}"), S.cell), _p(str(pk.rules), S.cell),
                     _p(pk.version, S.cell)])
    story += [Spacer(1, 3 * mm), S.table(rows, (18, 110, 16, 30))]
    hp_version = _hallplan_version()
    story.append(Spacer(1, 3 * mm))
    story.append(_p(t("report.generated", version=hp_version, date=date), S.small))

    # -- check, then write ---------------------------------------------------------------
    font.check_all(T.items)
    pages = 0

    def write(tmp: str) -> None:
        nonlocal pages
        doc = SimpleDocTemplate(tmp, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                                bottomMargin=20 * mm, title=f"{plan.name} · {tr('report.title', lang)}",
                                author="hallplan", creator="hallplan", subject=tr("report.title", lang),
                                invariant=1, initialFontName=font.name, initialFontSize=10, lang="zh-CN" if lang == "zh" else "en")
        doc.build(story, canvasmaker=_numbered_canvas(font.name, lang))
        pages = doc.page

    out = atomic_write(path, write)
    return ReportResult(out, pages, len(open_f), len(acked), dict(counts), list(dict.fromkeys(ctx.warnings)))


def _finding_tables(numbered: Sequence[tuple[int, Any, bool]], plan: Plan, S: _Styles, T: _Texts, lang: str,
                    acks: bool) -> list[Flowable]:
    out: list[Flowable] = []
    for sev in SEVERITIES:
        group = [(n, f) for n, f, _ in numbered if _sev(f) == sev]
        if not group:
            continue
        colour = "#%02X%02X%02X" % (ACK_COLOUR if acks else SEVERITY_COLOURS.get(sev, (80, 80, 80)))
        title = T(f"{label_severity(sev, lang)} ({len(group)})", "severity")
        rows = [[_p("#", S.cell_head), _p(tr("report.col.rule", lang), S.cell_head),
                 _p(tr("report.col.finding", lang), S.cell_head)]]
        for n, f in group:
            c = f.citation
            doc = c.title_en if lang == "en" else c.title_zh
            lines = [T(_message(f, lang), f"finding {f.rule_id}")]
            cite = T(tr("report.citation", lang, doc=doc, ref=c.clause_ref, clause=c.clause), f"citation {f.rule_id}")
            parts = [escape(lines[0]), f'<font size="7.5" color="#555555">{escape(cite)}</font>']
            if lang == "en" and getattr(c, "clause_en", ""):
                parts.append(f'<font size="7.5" color="#555555">({escape(T(c.clause_en, f"citation {f.rule_id}"))})</font>')
            where = _where(plan, f, lang)
            if where:
                parts.append(f'<font size="7.5">{escape(T(where, f"entities {f.rule_id}"))}</font>')
            if getattr(f, "softened", False):
                parts.append(f'<font size="7.5">{escape(T(tr("report.softened", lang), "softened"))}</font>')
            for cid, creq, tzh, ten in getattr(f, "conflicts", ()) or ():
                txt = T(tr("report.conflict", lang, rule=cid, req=creq, title=ten if lang == "en" else tzh), "conflict")
                parts.append(f'<font size="7.5" color="#A05000">{escape(txt)}</font>')
            if acks:
                a = is_acknowledged(f, plan.acknowledgements)
                txt = T(tr("report.ack_reason", lang, reason=a.reason, author=a.author or "—", date=a.date or "—"),
                        f"acknowledgement {f.rule_id}")
                parts.append(f'<font color="#0B4DA2">{escape(txt)}</font>')
            rule_id, req = T(f.rule_id, "rule id"), T(f"[{f.requirement}]", "requirement")
            size = min(8.5, (RULE_COL_MM - 6) * mm / max(stringWidth(rule_id, S.font_name, 1.0), 1e-6))
            rule = Paragraph(f'<font size="{size:.2f}">{escape(rule_id)}</font><br/>{escape(req)}', S.cell)
            rows.append([_p(str(n), S.cell), rule, Paragraph("<br/>".join(parts), S.cell)])
        out += [CondPageBreak(40 * mm), _p(title, ParagraphStyle("sev", parent=S.h2, textColor=HexColor(colour))),
                S.table(rows, (10, RULE_COL_MM, 164 - RULE_COL_MM), head_colour=colour)]
        out.append(Spacer(1, 3 * mm))
    return out


def _hallplan_version() -> str:
    try:
        from importlib.metadata import version

        return version("hallplan")
    except Exception:  # not installed as a distribution
        return "dev"


def label_severity(sev: str, lang: str) -> str:
    return tr(f"severity.{sev}", lang)


def _where(plan: Plan, f: Any, lang: str) -> str:
    """Names of the entities a finding concerns: "窗口 3号, 等候休息区 (1F)"."""
    names = []
    for eid in getattr(f, "entity_ids", ()) or ():
        try:
            floor, e = plan.find(eid)
        except KeyError:
            names.append(eid)
            continue
        if hasattr(e, "number"):
            n = tr("sign.window_no", lang, number=e.number)
        elif getattr(e, "name", ""):
            n = e.name
        elif hasattr(e, "kind"):
            n = label(e.kind, lang)
        else:
            n = eid
        names.append(f"{n} ({floor_label(floor)})")
    return tr("report.entities", lang, names="、".join(names) if lang == "zh" else ", ".join(names)) if names else ""


__all__ = [
    "Mark",
    "PackInfo",
    "PlanFigure",
    "ProfileInfo",
    "ReportOptions",
    "ReportResult",
    "is_acknowledged",
    "marks_for_floor",
    "rule_sources",
    "run_checks",
    "write_report",
]
