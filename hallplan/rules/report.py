"""Reporters: findings as text (grouped by severity, with citations) or JSON. Separate from checks;
they read only the findings and the rule metadata handed to them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from hallplan.i18n import label, tr

from .finding import Finding, Severity
from .packs import Pack, Profile, Rule

_MARK = {Severity.ERROR: "✖", Severity.WARNING: "⚠", Severity.INFO: "ℹ"}


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    c = {s.value: 0 for s in Severity}
    for f in findings:
        c[f.severity.value] += 1
    return c


def filter_severity(findings: Iterable[Finding], at_least: Severity) -> list[Finding]:
    return [f for f in findings if f.severity.at_least(at_least)]


def text_report(findings: Sequence[Finding], *, plan_name: str = "", level=None, profile: Profile | None = None,
                lang: str = "zh", packs: dict[str, Pack] | None = None) -> str:
    out: list[str] = []
    if plan_name:
        head = plan_name + (f"  [{label(level, lang)}]" if level is not None else "")
        out.append(head)
    if profile is not None:
        used = ", ".join(profile.packs) or "—"
        out.append(tr("rules.report.profile", lang, profile=profile.id, title=profile.title(lang), packs=used))
        if profile.include:
            out.append(tr("rules.report.include", lang, rules=", ".join(profile.include)))
        if profile.missing:
            out.append(tr("rules.report.missing_packs", lang, packs=", ".join(profile.missing)))
    for sev in Severity:
        group = [f for f in findings if f.severity == sev]
        if not group:
            continue
        out.append("")
        out.append(f"{_MARK[sev]} {label(sev, lang)} ({len(group)})")
        for f in group:
            out.append(f"  {f.rule_id}  [{f.requirement}]  {f.message(lang)}")
            c = f.citation
            out.append("      " + tr("rules.report.citation", lang, doc=c.title(lang), ref=c.clause_ref, clause=c.clause))
            if lang == "en" and c.clause_en:
                out.append(f"      ({c.clause_en})")
            if f.softened:
                out.append("      " + tr("rules.report.softened", lang))
            if f.entity_ids:
                out.append("      " + tr("rules.report.entities", lang, ids=", ".join(f.entity_ids)))
            for cid, creq, tzh, ten in f.conflicts:
                out.append("      " + tr("rules.report.conflict", lang, rule=cid, req=creq, title=ten if lang == "en" else tzh))
    c = counts(findings)
    out.append("")
    out.append(tr("rules.report.summary", lang, errors=c["error"], warnings=c["warning"], infos=c["info"]))
    return "\n".join(out) + "\n"


def finding_to_dict(f: Finding) -> dict[str, Any]:
    c = f.citation
    return {
        "rule": f.rule_id,
        "requirement": f.requirement,
        "severity": f.severity.value,
        "softened": f.softened,
        "message": {"zh": f.message_zh, "en": f.message_en},
        "citation": {"document": c.document, "title": {"zh": c.title_zh, "en": c.title_en},
                     "clause_ref": c.clause_ref, "clause": c.clause, "clause_en": c.clause_en},
        "entities": list(f.entity_ids),
        "floor": f.floor_id,
        "geometry": [{"kind": g.kind, "floor": g.floor_id, "points": [list(p) for p in g.points]} for g in f.geometry],
        "values": {k: (list(v) if isinstance(v, tuple) else v) for k, v in f.values},
        "conflicts": [{"rule": r, "requirement": q, "title": {"zh": a, "en": b}} for r, q, a, b in f.conflicts],
    }


def json_report(findings: Sequence[Finding], *, plan_name: str = "", level=None,
                profile: Profile | None = None, routes: dict | None = None) -> str:
    doc = {
        "plan": plan_name,
        "level": getattr(level, "value", level),
        "profile": None if profile is None else {
            "id": profile.id, "packs": list(profile.packs), "include": list(profile.include),
            "missing_packs": list(profile.missing)},
        "summary": counts(findings),
        "findings": [finding_to_dict(f) for f in findings],
    }
    if routes is not None:  # worst evacuation paths and pinch points (checks_routes.route_summary)
        doc["routes"] = routes
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def rule_to_dict(r: Rule) -> dict[str, Any]:
    return {
        "id": r.id, "pack": r.pack, "requirement": r.requirement, "severity": r.severity.value,
        "modal": r.modal, "levels": sorted(lv.value for lv in r.levels), "check": r.check,
        "params": {k: _plain(v) for k, v in r.params},
        "title": {"zh": r.title_zh, "en": r.title_en},
        "clause_ref": r.citation.clause_ref, "clause": r.citation.clause, "clause_en": r.citation.clause_en,
        "conflicts": list(r.conflicts),
        "soften": None if r.soften is None else {
            "levels": sorted(lv.value for lv in r.soften.levels), "severity": r.soften.severity.value,
            "modal": r.soften.modal, "clause_ref": r.soften.clause_ref, "clause": r.soften.clause},
    }


def _plain(v):
    if hasattr(v, "value"):
        return v.value
    if isinstance(v, tuple):
        return [_plain(x) for x in v]
    return v


def rules_text(rules: Sequence[Rule], lang: str = "zh") -> str:
    out = []
    pack = None
    for r in rules:
        if r.pack != pack:
            pack = r.pack
            out.append("")
            out.append(f"== {r.pack} ==")
        levels = ", ".join(label(lv, lang) for lv in sorted(r.levels, key=lambda x: list(type(x)).index(x)))
        out.append(f"{r.id}  [{r.requirement}]  {label(r.severity, lang)}  {r.title(lang)}  ({levels})")
        out.append(f"    {r.citation.clause_ref} “{r.citation.clause}”")
        if lang == "en" and r.citation.clause_en:
            out.append(f"    ({r.citation.clause_en})")
        if r.soften is not None:
            lv = ", ".join(label(x, lang) for x in sorted(r.soften.levels, key=lambda x: list(type(x)).index(x)))
            out.append("    " + tr("rules.report.soften_rule", lang, levels=lv, severity=label(r.soften.severity, lang),
                                   ref=r.soften.clause_ref))
        if r.p.get("confirmed", True) is False:  # route checks: an M number caps findings at warnings
            out.append("    " + tr("rules.report.unconfirmed_rule", lang))
        for c in r.conflicts:
            out.append("    " + tr("rules.report.conflict_rule", lang, rule=c))
    return "\n".join(out).lstrip("\n") + "\n"
