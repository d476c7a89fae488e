"""``hallplan check`` (findings of the rule packs for a plan) and ``hallplan rules`` (the rules)."""

from __future__ import annotations

import json
import sys

from hallplan.cli._args import load_plan, message
from hallplan.i18n import set_language, tr
from hallplan.rules import coverage
from hallplan.rules.engine import Engine
from hallplan.rules.finding import Severity
from hallplan.rules.packs import PackError, UnknownProfile, get_profile, load_packs, load_profiles
from hallplan.rules.report import (
    filter_severity,
    json_report,
    rule_to_dict,
    rules_text,
    text_report,
)


def register(sub) -> None:
    p = sub.add_parser("check", help="check a plan against the rule packs of its profile (exit 1 on errors)")
    p.add_argument("file")
    p.add_argument("--profile", help="jurisdiction profile (default: the plan's own)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--severity", choices=[s.value for s in Severity], default="info",
                   help="show findings of this severity and above")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(func=_check)

    p = sub.add_parser("rules", help="list the rules with their ids and clauses")
    p.add_argument("--pack", help="only this pack (YZ, JZ, LA, LH, BJ, …)")
    p.add_argument("--profile", help="only the rules of this profile")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--coverage", action="store_true", help="print requirement coverage counts")
    p.add_argument("--profiles", action="store_true", help="list the jurisdiction profiles")
    p.set_defaults(func=_rules)


def _check(args) -> int:
    set_language(args.lang)
    plan = load_plan(args.file, args.lang)
    if plan is None:
        return 2
    try:
        engine = Engine(plan, args.profile)
    except (PackError, UnknownProfile) as exc:
        print(f"error: {message(exc)}", file=sys.stderr)
        return 2
    findings = engine.run()
    shown = filter_severity(findings, Severity(args.severity))
    if args.format == "json":
        from hallplan.rules.checks_routes import route_summary
        sys.stdout.write(json_report(shown, plan_name=plan.name, level=plan.level, profile=engine.profile,
                                     routes=route_summary(engine.ctx, findings)))
    else:
        sys.stdout.write(text_report(shown, plan_name=plan.name, level=plan.level, profile=engine.profile,
                                     lang=args.lang))
    return 1 if any(f.severity == Severity.ERROR for f in findings) else 0


def _rules(args) -> int:
    set_language(args.lang)
    try:
        packs = load_packs()
        if args.profiles:
            for pid, prof in sorted(load_profiles().items()):
                extra = f" + {', '.join(prof.include)}" if prof.include else ""
                miss = f" (not installed: {', '.join(prof.missing)})" if prof.missing else ""
                print(f"{pid}: {prof.title(args.lang)} — {', '.join(prof.packs)}{extra}{miss}")
            return 0
        if args.coverage:
            print(tr("rules.cli.coverage", args.lang, **coverage.summary()))
            return 0
        if args.profile:
            rules = list(get_profile(args.profile).rules(packs))
        else:
            rules = [r for p in packs.values() for r in p.rules]
    except (PackError, UnknownProfile) as exc:
        print(f"error: {message(exc)}", file=sys.stderr)
        return 2
    if args.pack:
        if args.pack not in packs:
            print(f"error: no pack {args.pack!r}; packs: {', '.join(sorted(packs))}", file=sys.stderr)
            return 2
        rules = [r for r in rules if r.pack == args.pack]
    if args.format == "json":
        print(json.dumps([rule_to_dict(r) for r in rules], ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(rules_text(rules, args.lang))
    return 0
