"""Rule packs (one TOML data file per source document) and jurisdiction profiles.

A pack file ``packs/<ID>.toml`` has a ``[pack]`` table (id, titles, source) and ``[[rule]]`` tables.
Each rule: ``id`` (``<PACK>.<slug>``, stable), ``requirement`` (id from requirements.md), ``title_zh``,
``title_en``, ``clause_ref``, ``clause`` (quoted Chinese), ``clause_en``, ``modal`` (the word of the
clause that sets the severity; it must occur in the clause), ``severity``, ``levels``, ``check`` (a
registered check name), ``params`` (validated against the check's schema) and optionally
``conflicts`` (ids of rules of other packs asking something different of the same thing) and
``soften`` (levels for which another clause of the document weakens the rule: its own ``modal``,
``severity``, ``clause_ref`` and ``clause``; or the name of such a table under ``[pack.softens]``,
applied to the levels the rule and the table share).

Severity follows the modal word (:data:`MODAL_SEVERITY`): 应/须/不低于 → error, 宜/原则上/尽量 →
warning, 鼓励/可 → info. The documents are directives, so an imperative without a modal verb (设置,
配备, 统一为 …) binds like 应, and conditional wording (根据实际情况, 按需, 参照 …) like 宜.

Every number a check uses lives in the pack. A broken pack raises :class:`PackError` naming the file,
the rule and the field.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from hallplan.model.kinds import HallLevel

from .finding import Citation, Severity, Titled
from .params import CONVERTERS
from .registry import CHECKS, load_checks

PACKS_DIR = Path(__file__).with_name("packs")
PROFILES_FILE = PACKS_DIR / "profiles.toml"

MODAL_SEVERITY: dict[str, Severity] = {
    # binding
    "应": Severity.ERROR, "应当": Severity.ERROR, "须": Severity.ERROR, "必须": Severity.ERROR,
    "不应": Severity.ERROR, "不得": Severity.ERROR, "不低于": Severity.ERROR, "不少于": Severity.ERROR,
    # directives without a modal verb bind like 应
    "统一为": Severity.ERROR, "统一命名为": Severity.ERROR, "统一设置": Severity.ERROR, "设置": Severity.ERROR,
    "配备": Severity.ERROR, "摆放": Severity.ERROR, "安装": Severity.ERROR,
    # recommended, or conditional
    "宜": Severity.WARNING, "原则上": Severity.WARNING, "尽量": Severity.WARNING, "合理": Severity.WARNING,
    "根据实际情况": Severity.WARNING, "按需": Severity.WARNING, "参照": Severity.WARNING,
    "条件允许": Severity.WARNING, "根据": Severity.WARNING, "包括但不限于": Severity.WARNING,
    # encouraged or allowed
    "鼓励": Severity.INFO, "可": Severity.INFO, "逐步": Severity.INFO, "也可": Severity.INFO,
}

_ID = re.compile(r"^[A-Za-z]+\.[a-z0-9][a-z0-9-]*$")
_REQ = re.compile(r"^[A-Z]+-[A-Za-z0-9.\-]+$")


class PackError(ValueError):
    """A rule pack or profile file that cannot be used, with the file, rule and field."""

    def __init__(self, file: str, rule: str | None, fld: str | None, reason: str) -> None:
        self.file, self.rule, self.field, self.reason = file, rule, fld, reason
        where = file + (f": rule {rule}" if rule else "") + (f": field {fld!r}" if fld else "")
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class Soften:
    levels: frozenset[HallLevel]
    severity: Severity
    modal: str
    clause_ref: str
    clause: str
    clause_en: str = ""


@dataclass(frozen=True)
class Rule(Titled):
    id: str
    pack: str
    requirement: str
    title_zh: str
    title_en: str
    severity: Severity
    modal: str
    levels: frozenset[HallLevel]
    check: str
    params: tuple[tuple[str, Any], ...]
    citation: Citation
    conflicts: tuple[str, ...] = ()
    soften: Soften | None = None

    def param(self, name: str) -> Any:
        return dict(self.params)[name]

    @property
    def p(self) -> dict[str, Any]:
        return dict(self.params)

    def applies_to(self, level: HallLevel) -> bool:
        return level in self.levels

    def severity_for(self, level: HallLevel) -> tuple[Severity, bool]:
        """The severity at ``level`` and whether the ``soften`` clause lowered it."""
        if self.soften is not None and level in self.soften.levels:
            return self.soften.severity, True
        return self.severity, False


@dataclass(frozen=True)
class Pack(Titled):
    id: str
    title_zh: str
    title_en: str
    source: str
    rules: tuple[Rule, ...]
    path: str = ""
    version: str = ""  #: content hash of the pack's text (12 hex digits): which wording of the rules ran


# --- loading -------------------------------------------------------------------------------------


def _need(d: dict, key: str, typ, file: str, rule: str | None):
    if key not in d:
        raise PackError(file, rule, key, "missing")
    v = d[key]
    if not isinstance(v, typ) or (typ is str and not v.strip()):
        raise PackError(file, rule, key, f"expected a non-empty {typ.__name__}, got {v!r}")
    return v


def _severity(d: dict, file: str, rule: str, prefix: str = "") -> tuple[Severity, str]:
    sev_raw = _need(d, "severity", str, file, rule)
    try:
        sev = Severity(sev_raw)
    except ValueError:
        raise PackError(file, rule, prefix + "severity", f"must be error, warning or info, not {sev_raw!r}") from None
    modal = _need(d, "modal", str, file, rule)
    if modal not in MODAL_SEVERITY:
        raise PackError(file, rule, prefix + "modal", f"unknown modal word {modal!r}; known: {', '.join(MODAL_SEVERITY)}")
    clause = _need(d, "clause", str, file, rule)
    if modal not in clause:
        raise PackError(file, rule, prefix + "modal", f"modal word {modal!r} does not occur in the clause")
    if MODAL_SEVERITY[modal] != sev:
        raise PackError(file, rule, prefix + "severity",
                        f"{sev.value} does not match the modal word {modal!r} ({MODAL_SEVERITY[modal].value})")
    return sev, modal


def _levels(raw: Any, file: str, rule: str, fld: str) -> frozenset[HallLevel]:
    if not isinstance(raw, list) or not raw:
        raise PackError(file, rule, fld, "expected a non-empty list of hall levels")
    out = set()
    for x in raw:
        try:
            out.add(HallLevel(x))
        except ValueError:
            raise PackError(file, rule, fld, f"unknown hall level {x!r}") from None
    return frozenset(out)


_RULE_KEYS = {"id", "requirement", "title_zh", "title_en", "clause_ref", "clause", "clause_en", "modal",
              "severity", "levels", "check", "params", "conflicts", "soften", "note"}


def parse_pack(text: str, file: str = "<pack>") -> Pack:
    """Parse and validate a pack's TOML text."""
    load_checks()
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(file, None, None, f"not valid TOML: {exc}") from None
    head = doc.get("pack")
    if not isinstance(head, dict):
        raise PackError(file, None, "pack", "missing [pack] table")
    pid = _need(head, "id", str, file, None)
    req_prefix = head.get("requirement_prefix", f"{pid}-")
    title_zh = _need(head, "title_zh", str, file, None)
    title_en = _need(head, "title_en", str, file, None)
    source = head.get("source", "")
    softens = head.get("softens", {})
    if not isinstance(softens, dict):
        raise PackError(file, None, "pack.softens", "expected a table of named soften clauses")
    raw_rules = doc.get("rule", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        raise PackError(file, None, "rule", "a pack needs at least one [[rule]]")
    rules, seen = [], set()
    for i, r in enumerate(raw_rules):
        rid = r.get("id") if isinstance(r.get("id"), str) else f"#{i + 1}"
        _need(r, "id", str, file, rid)
        unknown = set(r) - _RULE_KEYS
        if unknown:
            raise PackError(file, rid, sorted(unknown)[0], "unknown field")
        if not _ID.match(rid) or not rid.startswith(pid + "."):
            raise PackError(file, rid, "id", f"must look like {pid}.some-slug (lower case, digits, dashes)")
        if rid in seen:
            raise PackError(file, rid, "id", "defined twice")
        seen.add(rid)
        req = _need(r, "requirement", str, file, rid)
        if not _REQ.match(req) or not req.startswith(req_prefix):
            raise PackError(file, rid, "requirement", f"must be a requirement id starting with {req_prefix!r}")
        sev, modal = _severity(r, file, rid)
        levels = _levels(r.get("levels"), file, rid, "levels")
        cname = _need(r, "check", str, file, rid)
        spec = CHECKS.get(cname)
        if spec is None:
            raise PackError(file, rid, "check", f"no registered check named {cname!r}")
        raw_params = r.get("params", {})
        if not isinstance(raw_params, dict):
            raise PackError(file, rid, "params", "expected a table")
        params = {}
        for pname, pspec in spec.params.items():
            if pname not in raw_params:
                if pspec.required:
                    raise PackError(file, rid, f"params.{pname}", f"missing (check {cname} needs it: {pspec.help or pspec.type})")
                params[pname] = pspec.default
                continue
            try:
                params[pname] = CONVERTERS[pspec.type](raw_params[pname])
            except ValueError as exc:
                raise PackError(file, rid, f"params.{pname}", str(exc)) from None
        extra = set(raw_params) - set(spec.params)
        if extra:
            raise PackError(file, rid, f"params.{sorted(extra)[0]}", f"check {cname} has no such parameter")
        conflicts = r.get("conflicts", [])
        if not isinstance(conflicts, list) or not all(isinstance(c, str) for c in conflicts):
            raise PackError(file, rid, "conflicts", "expected a list of rule ids")
        soften = None
        if "soften" in r:
            s = r["soften"]
            named = isinstance(s, str)
            if named:
                if s not in softens:
                    raise PackError(file, rid, "soften", f"no [pack.softens.{s}] table")
                s = softens[s]
            if not isinstance(s, dict):
                raise PackError(file, rid, "soften", "expected a table or the name of a [pack.softens] table")
            ssev, smodal = _severity(s, file, rid, "soften.")
            slevels = _levels(s.get("levels"), file, rid, "soften.levels")
            if named:
                slevels &= levels
            elif not slevels <= levels:
                raise PackError(file, rid, "soften.levels", "must be a subset of the rule's levels")
            if slevels:
                soften = Soften(slevels, ssev, smodal, _need(s, "clause_ref", str, file, rid), s["clause"],
                                s.get("clause_en", ""))
        citation = Citation(pid, title_zh, title_en, _need(r, "clause_ref", str, file, rid), r["clause"],
                            r.get("clause_en", ""))
        rules.append(Rule(rid, pid, req, _need(r, "title_zh", str, file, rid), _need(r, "title_en", str, file, rid),
                          sev, modal, levels, cname, tuple(sorted(params.items())), citation,
                          tuple(conflicts), soften))
    version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return Pack(pid, title_zh, title_en, source, tuple(rules), file, version)


def load_pack(path: str | Path) -> Pack:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PackError(path.name, None, None, str(exc)) from None
    return parse_pack(text, path.name)


@lru_cache(maxsize=4)
def _load_dir(directory: str) -> dict[str, Pack]:
    packs: dict[str, Pack] = {}
    for path in sorted(Path(directory).glob("*.toml")):
        if path.name == PROFILES_FILE.name:
            continue
        pack = load_pack(path)
        if pack.id in packs:
            raise PackError(path.name, None, "pack.id", f"pack {pack.id} already loaded from {packs[pack.id].path}")
        packs[pack.id] = pack
    ids: dict[str, str] = {}
    for pack in packs.values():
        for rule in pack.rules:
            if rule.id in ids:
                raise PackError(pack.path, rule.id, "id", f"also defined in {ids[rule.id]}")
            ids[rule.id] = pack.path
    for pack in packs.values():
        for rule in pack.rules:
            for c in rule.conflicts:
                if c not in ids:
                    raise PackError(pack.path, rule.id, "conflicts", f"no rule {c!r} in any pack")
    return packs


def load_packs(directory: str | Path | None = None) -> dict[str, Pack]:
    """Every pack in ``directory`` (default: the bundled packs), by pack id."""
    return _load_dir(str(directory or PACKS_DIR))


def all_rules(directory: str | Path | None = None) -> dict[str, Rule]:
    return {r.id: r for p in load_packs(directory).values() for r in p.rules}


# --- profiles ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile(Titled):
    """A jurisdiction profile: which packs apply, plus single rules from other packs."""

    id: str
    title_zh: str
    title_en: str
    packs: tuple[str, ...]
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()  # planned packs not installed yet (e.g. national)

    def rules(self, packs: dict[str, Pack]) -> tuple[Rule, ...]:
        """The rules of this profile, in pack then file order. ``include``/``exclude`` patterns
        match rule ids or requirement ids (fnmatch)."""
        chosen: dict[str, Rule] = {}
        for pid in self.packs:
            if pid in packs:
                for r in packs[pid].rules:
                    chosen[r.id] = r
        for pack in packs.values():
            for r in pack.rules:
                if any(fnmatch.fnmatchcase(r.id, pat) or fnmatch.fnmatchcase(r.requirement, pat) for pat in self.include):
                    chosen.setdefault(r.id, r)
        return tuple(r for r in chosen.values()
                     if not any(fnmatch.fnmatchcase(r.id, p) or fnmatch.fnmatchcase(r.requirement, p) for p in self.exclude))


def parse_profiles(text: str, packs: dict[str, Pack], file: str = "profiles.toml") -> dict[str, Profile]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(file, None, None, f"not valid TOML: {exc}") from None
    planned = set(doc.get("planned", {}).get("packs", []))
    aliases = doc.get("aliases", {})
    out: dict[str, Profile] = {}
    for pid, d in doc.get("profile", {}).items():
        where = f"profile {pid}"
        raw_packs = d.get("packs", [])
        if raw_packs == "all":
            raw_packs = sorted(packs) + sorted(planned - set(packs))
        if not isinstance(raw_packs, list):
            raise PackError(file, where, "packs", "expected a list of pack ids or \"all\"")
        missing = []
        for p in raw_packs:
            if p not in packs:
                if p in planned:
                    missing.append(p)
                else:
                    raise PackError(file, where, "packs", f"no pack {p!r}")
        for fld in ("include", "exclude"):
            v = d.get(fld, [])
            if not isinstance(v, list):
                raise PackError(file, where, fld, "expected a list of rule or requirement id patterns")
            for pat in v:
                if not any(fnmatch.fnmatchcase(r.id, pat) or fnmatch.fnmatchcase(r.requirement, pat)
                           for pk in packs.values() for r in pk.rules):
                    raise PackError(file, where, fld, f"pattern {pat!r} matches no rule")
        out[pid] = Profile(pid, _need(d, "title_zh", str, file, where), _need(d, "title_en", str, file, where),
                           tuple(p for p in raw_packs if p in packs), tuple(d.get("include", [])),
                           tuple(d.get("exclude", [])), tuple(missing))
    for alias, target in aliases.items():
        if target not in out:
            raise PackError(file, f"alias {alias}", None, f"no profile {target!r}")
        out[alias] = out[target]
    return out


@lru_cache(maxsize=4)
def _profiles(path: str, directory: str) -> dict[str, Profile]:
    return parse_profiles(Path(path).read_text(encoding="utf-8"), load_packs(directory), Path(path).name)


def load_profiles(directory: str | Path | None = None) -> dict[str, Profile]:
    d = Path(directory or PACKS_DIR)
    return _profiles(str(d / PROFILES_FILE.name), str(d))


class UnknownProfile(KeyError):
    pass


def get_profile(name: str, directory: str | Path | None = None) -> Profile:
    profiles = load_profiles(directory)
    if name not in profiles:
        raise UnknownProfile(f"unknown profile {name!r}; known: {', '.join(sorted(profiles))}")
    return profiles[name]


def rules_for(profile: str | Profile, directory: str | Path | None = None) -> tuple[Rule, ...]:
    prof = profile if isinstance(profile, Profile) else get_profile(profile, directory)
    return prof.rules(load_packs(directory))
