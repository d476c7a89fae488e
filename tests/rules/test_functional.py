"""Functional tests: every rule has a good and a bad plan (``tests/rules/<rule_id>/``) with the
findings expected of that rule beside them (see :mod:`tests.rules.casefile`)."""

from pathlib import Path

import pytest

from hallplan.rules import CHECKS, Engine
from hallplan.rules.packs import all_rules

from .casefile import load_case, parse_expected, value_matches

HERE = Path(__file__).resolve().parent
CASES = sorted(p for p in HERE.glob("*/*.toml"))
RULES = all_rules()
# Checks other issues contribute (route analysis, sizing) bring their own cases; their folders here
# are run like the others, but a rule of theirs without one does not fail this suite.
ELSEWHERE = ("hallplan.rules.checks_sizing",)


def test_every_rule_has_a_good_and_a_bad_case():
    missing = []
    for rid, rule in RULES.items():
        if CHECKS[rule.check].fn.__module__.startswith(ELSEWHERE):
            continue
        d = HERE / rid
        names = {p.stem for p in d.glob("*.toml")} if d.is_dir() else set()
        if not any(n.startswith("good") for n in names) or not any(n.startswith("bad") for n in names):
            missing.append(rid)
        for n in names:
            assert (d / f"{n}.expected").exists(), f"{rid}/{n}.toml has no .expected file"
    assert not missing, f"rules without good/bad cases: {missing}"
    stray = sorted({p.parent.name for p in CASES} - set(RULES))
    assert not stray, f"case folders for unknown rules: {stray}"


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_case(case: Path):
    rid = case.parent.name
    rule = RULES[rid]
    plan = load_case(case)
    assert rule.applies_to(plan.level), f"{rid} does not apply to a {plan.level.value} plan"
    got = Engine(plan, rules=[rule]).run()
    want = parse_expected(case.with_suffix(".expected"))
    if not case.stem.startswith("good"):
        assert want, "a bad case must expect at least one finding"
    got_keys = sorted((f.severity.value, f.rule_id) for f in got)
    want_keys = sorted((w[0], w[1]) for w in want)
    assert got_keys == want_keys, "\n".join(f"{f.severity.value} {f.rule_id} {','.join(f.entity_ids)} {f.message_zh}" for f in got)
    pool = list(got)
    for sev, r, ents, values in want:
        match = None
        for f in pool:
            if (f.severity.value, f.rule_id) != (sev, r):
                continue
            if ents is not None and tuple(sorted(ents)) != tuple(sorted(f.entity_ids)):
                continue
            if not all(k in dict(f.values) and value_matches(v, dict(f.values)[k]) for k, v in values.items()):
                continue
            match = f
            break
        assert match is not None, f"no finding matches {sev} {r} {ents} {values}; got: " + "; ".join(
            f"{f.entity_ids} {dict(f.values)} {f.message_zh}" for f in pool)
        pool.remove(match)
        # every finding is cited and bilingual
        assert match.citation.clause and match.message_zh and match.message_en
        assert "rules.msg." not in match.message_zh
