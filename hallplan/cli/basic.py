"""``hallplan validate`` and ``hallplan info``."""

from __future__ import annotations

from collections import Counter, defaultdict

from hallplan.cli._args import load_plan
from hallplan.i18n import label


def register(sub) -> None:
    p = sub.add_parser("validate", help="check that a plan file is well-formed (exit 0/1)")
    p.add_argument("file")
    p.set_defaults(func=_validate)
    p = sub.add_parser("info", help="levels, floors, zone areas by kind, window counts by kind")
    p.add_argument("file")
    p.set_defaults(func=_info)


def _validate(args) -> int:
    plan = load_plan(args.file)
    if plan is None:
        return 1
    n = sum(1 for _ in plan.entities())
    print(f"ok: {args.file}: {len(plan.floors)} floor(s), {n} entities")
    return 0


def _info(args) -> int:
    plan = load_plan(args.file)
    if plan is None:
        return 1
    print(f"{plan.name}  [{label(plan.level)}]  profile={plan.profile}")
    print(f"floors: {len(plan.floors)}, gross outline area {plan.gross_area:,.1f} m²")
    for f in plan.floors:
        print(f"  F{f.storey} {f.name or f.id}: outline {f.area:,.1f} m²")
    areas: dict = defaultdict(float)
    for f in plan.floors:
        for z in f.zones.values():
            areas[z.kind] += z.area
    print("zones (usable area drawn):")
    for k, a in sorted(areas.items(), key=lambda kv: -kv[1]):
        print(f"  {label(k)} ({k.value}): {a:,.1f} m²")
    counts = Counter(w.kind for w in plan.all_windows())
    print(f"windows: {sum(counts.values())}")
    for k, n in counts.most_common():
        print(f"  {label(k)} ({k.value}): {n}")
    return 0
