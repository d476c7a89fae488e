"""``hallplan signs FILE -o DIR`` and ``hallplan report FILE -o report.pdf``.

The PDF writers (reportlab, shapely, the sign registry) are imported by these two verbs when they run,
not when the parser is built: every other verb starts without them (a test holds this).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hallplan.cli._args import load_plan, message

_SIGN_TYPES = "{sign_types}"  # filled in from the sign registry only when ``signs --help`` is shown


class _SignsHelpFormatter(argparse.HelpFormatter):
    """Puts the registered sign types into the help text when it is formatted (not at start-up)."""

    def _get_help_string(self, action):
        text = super()._get_help_string(action)
        if text and _SIGN_TYPES in text:
            from hallplan.io.signs import SIGN_TYPES

            text = text.replace(_SIGN_TYPES, ", ".join(SIGN_TYPES))
        return text


def register(sub) -> None:
    p = sub.add_parser("signs", help="print-ready signage PDFs (LED, hanging, desk, staff board, zones, map …)",
                       formatter_class=_SignsHelpFormatter)
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True, help="output folder (one PDF per sign type)")
    p.add_argument("--only", default="", help=f"comma-separated sign types: {_SIGN_TYPES}")
    p.add_argument("--bleed", action="store_true", help="extend backgrounds 3 mm past the trim box")
    p.add_argument("--crop-marks", action="store_true", help="crop marks outside the trim box (adds bleed)")
    p.add_argument("--english", action="store_true", help="add an English line where a sign has one")
    p.add_argument("--paper", choices=("A1", "A2", "A3"), default=None, help="layout map paper size")
    p.add_argument("--font", default=None, help="TrueType CJK font to embed (default: the bundled one)")
    p.add_argument("--styles", default=None, help="sign style file (colours and sizes), JSON")
    p.set_defaults(func=_signs)

    p = sub.add_parser("report", help="compliance report PDF: hall data, findings with clauses, marked plans")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True, help="the PDF to write")
    p.add_argument("--profile", default=None, help="jurisdiction profile (default: the plan's own)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="report language")
    p.add_argument("--font", default=None, help="TrueType CJK font to embed (default: the bundled one)")
    p.add_argument("--no-plans", action="store_true", help="leave out the plan drawings")
    p.set_defaults(func=_report)


def _signs(args) -> int:
    from hallplan.io.fonts import FontError
    from hallplan.io.signs import SignError, SignOptions, generate_signs

    plan = load_plan(args.file)
    if plan is None:
        return 1
    kinds = tuple(k.strip() for k in args.only.split(",") if k.strip()) or None
    opts = SignOptions(kinds=kinds, bleed=args.bleed, crop_marks=args.crop_marks, english=args.english,
                       paper=args.paper, font=args.font, styles=args.styles)
    t0 = time.perf_counter()
    try:
        res = generate_signs(plan, args.output, opts)
    except (FontError, SignError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot write {exc.filename or args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    dt = time.perf_counter() - t0
    for path in res.files:
        print(f"wrote {path}")
    for w in res.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"{res.page_count} page(s) in {len(res.files)} file(s), {dt:.2f} s -> {Path(args.output)}")
    return 0


def _report(args) -> int:
    from hallplan.io.fonts import FontError
    from hallplan.io.report import ReportOptions, write_report

    plan = load_plan(args.file)
    if plan is None:
        return 1
    from hallplan.rules.packs import PackError, UnknownProfile

    t0 = time.perf_counter()
    try:
        res = write_report(plan, args.output, None, profile=args.profile,
                           options=ReportOptions(lang=args.lang, font=args.font, plan_figures=not args.no_plans))
    except (FontError, PackError, UnknownProfile) as exc:
        print(f"error: {message(exc)}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    c = res.counts
    print(f"wrote {res.path}: {res.pages} page(s), {c.get('error', 0)} error(s), {c.get('warning', 0)} warning(s), "
          f"{c.get('info', 0)} note(s), {res.acknowledged} acknowledged, {time.perf_counter() - t0:.2f} s")
    return 0
