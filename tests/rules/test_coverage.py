"""Every G/A/S/Q requirement of requirements.md is implemented by a rule or listed in NOT_CHECKED.md."""

import re
from pathlib import Path

import pytest

from hallplan.rules import coverage

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT.parent / "shared" / "spec" / "requirements.md"
NATIONAL = SPEC.with_name("national-codes.md")
ROW = re.compile(r"^\|\s*([A-Z]{2}-[0-9.x]+)\s*\|.*\|\s*([GASQ/—-]+)\s*\|[^|]*\|\s*$")
NC_ROW = re.compile(r"^\|\s*(NC-[A-Z]+-[0-9]+)\s*\|")


def national_ids() -> set[str]:
    return {m.group(1) for line in NATIONAL.read_text(encoding="utf-8").splitlines() if (m := NC_ROW.match(line))}


def requirement_ids() -> dict[str, str]:
    out = {}
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


@pytest.mark.skipif(not SPEC.exists(), reason="requirements.md not available beside the repository")
def test_every_checkable_requirement_is_accounted_for():
    reqs = requirement_ids()
    assert len(reqs) > 50
    checkable = {k for k, kind in reqs.items() if any(c in kind for c in "GASQ")}
    impl = set(coverage.implemented())
    nc = coverage.not_checked()
    missing = sorted(checkable - impl - set(nc))
    assert not missing, f"neither implemented nor in NOT_CHECKED.md: {missing}"
    known = set(reqs) | (national_ids() if NATIONAL.exists() else {k for k in impl | set(nc) if k.startswith("NC-")})
    unknown = sorted((impl | set(nc)) - known)
    assert not unknown, f"ids not in requirements.md or national-codes.md: {unknown}"


@pytest.mark.skipif(not NATIONAL.exists(), reason="national-codes.md not available beside the repository")
def test_every_national_number_is_checked_or_listed():
    nc_ids = national_ids()
    assert len(nc_ids) > 30
    impl = set(coverage.implemented())
    missing = sorted(nc_ids - impl - set(coverage.not_checked()))
    assert not missing, f"NC ids neither in packs/national.toml nor in NOT_CHECKED.md: {missing}"


def test_not_checked_file_is_consistent_with_the_packs():
    impl = set(coverage.implemented())
    for rid, row in coverage.not_checked().items():
        assert row.status in ("not checked", "partly"), rid
        assert row.reason, rid
        if row.status == "not checked":
            assert rid not in impl, f"{rid} is implemented now: move it to 'Partly checked' or drop the row"
        else:
            assert rid in impl, f"{rid} is listed as partly checked but no rule implements it"
    s = coverage.summary()
    assert s["implemented"] + s["not_checked"] == s["total"]
