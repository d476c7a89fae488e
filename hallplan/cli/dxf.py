"""``hallplan export-dxf FILE -o OUT.dxf`` and ``hallplan import-dxf IN.dxf -o plan.hallplan``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from hallplan.cli._args import float_range, int_range, load_plan, message
from hallplan.i18n import tr


def register(sub) -> None:
    p = sub.add_parser("export-dxf", help="DXF R2013 (mm) for construction: layers by kind, blocks, dimensions, title")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True, help="the DXF to write")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of labels and the title block")
    p.add_argument("--font", default=None, help="TrueType font named in the text style (default simhei.ttf)")
    p.add_argument("--paper", choices=("A3", "A2", "A1", "A0"), default=None, help="paper size of the sheets")
    p.add_argument("--scale", type=int_range(0, 100_000), default=0, help="drawing scale 1:N (default: the smallest that fits)")
    p.add_argument("--floors", default="", help="comma-separated floor ids (default: all)")
    p.add_argument("--date", default="", help="title block date (default: today)")
    p.add_argument("--no-dimensions", action="store_true", help="leave out the dimensions")
    p.add_argument("--no-title", action="store_true", help="leave out frames and title blocks")
    p.add_argument("--findings", action="store_true",
                   help="check the plan and draw the findings on layer HP-FINDINGS (off by default)")
    p.add_argument("--profile", default=None, help="jurisdiction profile for --findings (default: the plan's)")
    p.add_argument("--no-evac-path", action="store_true",
                   help="leave out the longest way out of each floor (drawn on HP-EVAC by default)")
    p.add_argument("--librecad-font", metavar="DIR", nargs="?", const="", default=None,
                   help="also write the stroke font LibreCAD needs to show the Chinese text "
                        "(default folder ~/.librecad/fonts)")
    p.set_defaults(func=_export)

    p = sub.add_parser("import-dxf", help="a plan from an architect's DXF (outline, walls, columns, rooms)")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True, help="the .hallplan file to write")
    p.add_argument("--units", choices=("auto", "mm", "cm", "m"), default="auto",
                   help="drawing units (default: from $INSUNITS; required when the drawing does not say)")
    p.add_argument("--outline", default=None, help="layer(s) of the floor outline, comma-separated (default: suggested)")
    p.add_argument("--walls", default=None, help="wall layer(s), comma-separated (default: suggested)")
    p.add_argument("--columns", default=None, help="column layer(s), comma-separated (default: suggested)")
    p.add_argument("--rooms", default=None, help="room/zone layer(s), comma-separated (default: suggested)")
    p.add_argument("--tolerance", type=float_range(0, 10_000), default=20.0, help="gap closed when joining lines, in mm (default 20)")
    p.add_argument("--no-room-zones", action="store_true", help="do not offer rooms found between walls as zones")
    p.add_argument("--encoding", default=None, help="text encoding to use instead of the detected one (gbk, utf-8 …)")
    p.add_argument("--name", default="", help="hall name (default: the file name)")
    p.add_argument("--level", default="town", help="hall level (municipal, county, district, town, village)")
    p.add_argument("--list-layers", action="store_true", help="only list the layers with suggestions and counts")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(func=_import)


def _csv(s: str | None) -> tuple[str, ...] | None:
    if s is None:
        return None
    return tuple(x.strip() for x in s.split(",") if x.strip())


def _export(args) -> int:
    from hallplan.io.dxf_export import (
        DxfExportError,
        ExportOptions,
        evacuation_routes,
        export_plan,
        write_librecad_font,
    )

    plan = load_plan(args.file, args.lang)
    if plan is None:
        return 1
    opts = ExportOptions(lang=args.lang, date=args.date, scale=max(0, args.scale), paper=args.paper or "",
                         dimensions=not args.no_dimensions, title_block=not args.no_title)
    if args.font:
        opts = opts.with_changes(font=args.font)
    floors = _csv(args.floors) or None
    if floors:
        unknown = [f for f in floors if f not in {fl.id for fl in plan.floors}]
        if unknown:
            known = ", ".join(fl.id for fl in plan.floors)
            print(f"error: {tr('dxf.cli.unknown_floor', args.lang, floors=', '.join(unknown), known=known)}",
                  file=sys.stderr)
            return 1
    if args.findings and args.profile:
        from hallplan.rules.packs import PackError, UnknownProfile, rules_for

        try:  # a profile the user named must exist: say so before writing anything
            rules_for(args.profile)
        except (PackError, UnknownProfile) as exc:
            print(f"error: --profile: {message(exc)}", file=sys.stderr)
            return 1
    if args.librecad_font:
        from hallplan.io.atomic import prepare_folder

        try:  # checked before the export: an error leaves nothing written
            prepare_folder(args.librecad_font)
        except OSError as exc:
            return _cannot_write(args.librecad_font, exc, args.lang)
    highlights = []
    if args.findings:
        try:
            highlights = _finding_highlights(plan, args.profile, args.lang)
        except Exception as exc:  # noqa: BLE001 - a rule pack problem must not stop the export
            print(f"warning: {tr('dxf.cli.findings_failed', args.lang, reason=exc)}", file=sys.stderr)
    routes = [] if args.no_evac_path else evacuation_routes(plan, args.lang, floors)
    t0 = time.perf_counter()
    try:
        rep = export_plan(plan, args.output, opts, highlights=highlights, routes=routes, floors=floors)
    except DxfExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    dt = time.perf_counter() - t0
    sheets = ", ".join(f"{fid} {paper} 1:{scale}" for fid, paper, scale in rep.sheets)
    print(tr("dxf.cli.exported", args.lang, path=str(rep.path), floors=rep.floors, entities=rep.entities,
             layers=len(rep.layers), sheets=sheets, seconds=f"{dt:.2f}"))
    print(tr("dxf.cli.audit_ok", args.lang, fixes=len(rep.audit_fixes)))
    if args.librecad_font is not None:
        kw = {"directory": args.librecad_font} if args.librecad_font else {}
        try:
            font = write_librecad_font(rep.chars, **kw)
        except OSError as exc:
            return _cannot_write(args.librecad_font or "~/.librecad/fonts", exc, args.lang)
        print(tr("dxf.cli.librecad_font", args.lang, path=str(font)))
    return 0


def _cannot_write(path, exc: OSError, lang: str) -> int:
    """The one-line error for an output that cannot be written; the verb's exit status."""
    print(f"error: {tr('dxf.err.write', lang, path=path, reason=exc.strerror or str(exc))}", file=sys.stderr)
    return 1


def _finding_highlights(plan, profile, lang):
    from hallplan.io.dxf_export import Highlight
    from hallplan.rules.engine import Engine

    out = []
    for f in Engine(plan, profile).run():
        text = f"{f.rule_id} {f.message(lang)}"
        shapes = f.geometry or ()
        for k, s in enumerate(shapes):
            fid = getattr(s, "floor_id", "") or f.floor_id
            if not fid or not s.points:
                continue
            geom = s.points[0] if s.kind == "point" else s.points
            out.append(Highlight(fid, geom, f.severity.value, text if k == 0 else "", closed=s.kind == "polygon"))
    return out


def _import(args) -> int:
    from hallplan.io.dxf_import import DxfImportError, ImportOptions, import_dxf, inspect_dxf
    from hallplan.io.planfile import save
    from hallplan.model import HallLevel

    lang = args.lang
    try:
        level = HallLevel(args.level)
    except ValueError:
        print(f"error: --level: {args.level!r} ({', '.join(v.value for v in HallLevel)})", file=sys.stderr)
        return 2
    opts = ImportOptions(
        units=None if args.units == "auto" else args.units,
        outline_layers=_csv(args.outline),
        wall_layers=_csv(args.walls),
        column_layers=_csv(args.columns),
        room_layers=_csv(args.rooms),
        tolerance=max(0.0, args.tolerance) / 1000.0,
        room_zones=not args.no_room_zones,
        encoding=args.encoding,
        name=args.name,
        level=level,
        lang=lang,
    )
    if not args.list_layers:
        from hallplan.io.atomic import prepare_output

        try:  # a bad output path is reported before the (slow) import, not after it
            prepare_output(args.output)
        except OSError as exc:
            return _cannot_write(args.output, exc, lang)
    t0 = time.perf_counter()
    try:
        if args.list_layers:
            info = inspect_dxf(args.file, opts)
            _print_inspection(info, lang)
            return 0
        res = import_dxf(args.file, opts)
    except DxfImportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for line in res.report.lines(lang):
        print(line)
    for w in res.report.warnings:
        print(f"warning: {w}", file=sys.stderr)
    try:
        out = save(res.plan, args.output, keep_backup=True)
    except OSError as exc:
        return _cannot_write(args.output, exc, lang)
    print(tr("dxf.cli.imported", lang, path=str(Path(out)), seconds=f"{time.perf_counter() - t0:.2f}"))
    return 0


def _print_inspection(info, lang) -> None:
    for line in info.report.lines(lang):
        print(line)
    print(tr("imp.layers_head", lang))
    for layer in info.layers:
        role = tr(f"imp.role.{layer.suggested}", lang) if layer.suggested else ""
        counts = ", ".join(f"{k} {n}" for k, n in sorted(layer.counts.items()))
        print(f"  {layer.name:<24} {role:<8} {counts}")
