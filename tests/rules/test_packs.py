"""Rule packs and profiles: load, validate (broken packs name file, rule and field), resolve."""

import re
from pathlib import Path

import pytest

from hallplan.i18n import has
from hallplan.rules import CHECKS, PackError, load_packs, load_profiles
from hallplan.rules.packs import MODAL_SEVERITY, PACKS_DIR, parse_pack, rules_for

GOOD_RULE = '''
[pack]
id = "XX"
title_zh = "测试"
title_en = "Test"

[[rule]]
id = "XX.zones"
requirement = "XX-1"
title_zh = "功能区"
title_en = "Zones"
clause_ref = "1"
clause = "应设置等候区。"
modal = "应"
severity = "error"
levels = ["town"]
check = "zones_required"
[rule.params]
groups = ["waiting"]
'''


def test_bundled_packs_load_and_cover_the_five_documents():
    packs = load_packs()
    assert {"YZ", "JZ", "LA", "LH", "BJ"} <= set(packs)
    for pack in packs.values():
        for r in pack.rules:
            assert r.check in CHECKS
            assert r.modal in r.citation.clause
            assert MODAL_SEVERITY[r.modal] == r.severity
            assert r.title_zh and r.title_en and r.citation.clause_ref


def test_minimal_pack_parses():
    pack = parse_pack(GOOD_RULE, "XX.toml")
    assert pack.rules[0].param("groups") == (("waiting",),)


@pytest.mark.parametrize(("old", "new", "field", "reason"), [
    ('severity = "error"', 'severity = "warning"', "severity", "does not match the modal word"),
    ('modal = "应"', 'modal = "宜"', "modal", "does not occur in the clause"),
    ('check = "zones_required"', 'check = "no_such_check"', "check", "no registered check"),
    ('groups = ["waiting"]', 'groups = ["lobby"]', "params.groups", "unknown ZoneKind"),
    ('groups = ["waiting"]', 'colours = ["red"]', "params.groups", "missing"),
    ('levels = ["town"]', 'levels = ["province"]', "levels", "unknown hall level"),
    ('id = "XX.zones"', 'id = "zones"', "id", "must look like"),
    ('requirement = "XX-1"', 'requirement = "YZ-1"', "requirement", "starting with"),
    ('clause = "应设置等候区。"\n', '', "clause", "missing"),
])
def test_broken_pack_names_file_rule_and_field(old, new, field, reason):
    text = GOOD_RULE.replace(old, new)
    with pytest.raises(PackError) as exc:
        parse_pack(text, "XX.toml")
    msg = str(exc.value)
    assert msg.startswith("XX.toml: rule "), msg
    assert f"field {field!r}" in msg and reason in msg, msg


def test_unknown_param_and_bad_toml():
    with pytest.raises(PackError, match=r"XX.toml: rule XX.zones: field 'params.extra': check zones_required has no such parameter"):
        parse_pack(GOOD_RULE.replace('groups = ["waiting"]', 'groups = ["waiting"]\nextra = 1'), "XX.toml")
    with pytest.raises(PackError, match=r"XX.toml: not valid TOML"):
        parse_pack("[pack\n", "XX.toml")


def test_profiles_resolve_and_keep_conflicts_apart():
    profiles = load_profiles()
    for name in ("yuanzhou", "jiaozuo", "luan", "luohu", "beijing", "all", "default"):
        assert name in profiles
        assert rules_for(name)
    yz = {r.id for r in rules_for("yuanzhou")}
    borrowed = {"JZ.min-area", "JZ.queue-wait"}  # YZ has no area table and no wait target
    assert borrowed <= set(yz) and not any(i.startswith("JZ.") and i not in borrowed for i in yz)
    luan = {r.id for r in rules_for("luan")}
    assert "YZ.waiting-near-windows" in luan and "YZ.name-by-level" not in luan and "LA.one-metre-line" in luan
    every = {r.id for r in rules_for("all")}
    assert {"LA.counter-width", "LH.counter-width"} <= every
    assert "LH.counter-width" in load_packs()["LA"].rules[[r.id for r in load_packs()["LA"].rules].index("LA.counter-width")].conflicts


def test_every_message_key_is_in_the_catalogue():
    src = "".join(p.read_text(encoding="utf-8") for p in Path(PACKS_DIR).parent.glob("checks*.py"))
    keys = set(re.findall(r'Hit\.of\(\s*"([a-z_]+)"', src))
    assert keys
    missing = sorted(k for k in keys if not has(f"rules.msg.{k}"))
    assert not missing
