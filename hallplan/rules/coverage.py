"""Requirement coverage: ids implemented by a rule (from the packs) and ids listed in
``packs/NOT_CHECKED.md`` with the reason they are not (yet) checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .packs import PACKS_DIR, load_packs

NOT_CHECKED = PACKS_DIR / "NOT_CHECKED.md"
_ROW = re.compile(r"^\|\s*([A-Z]+-[A-Za-z0-9.\-]+)\s*\|\s*([^|]*)\|\s*([^|]*)\|\s*(.*?)\s*\|\s*$")


@dataclass(frozen=True)
class NotChecked:
    requirement: str
    kind: str
    status: str  # "not checked" or "partly"
    reason: str


def not_checked(path: str | Path | None = None) -> dict[str, NotChecked]:
    """Rows of the NOT_CHECKED.md tables: ``| id | kind | status | reason |``."""
    out = {}
    for line in Path(path or NOT_CHECKED).read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if m and m.group(1) != "id":
            out[m.group(1)] = NotChecked(m.group(1), m.group(2).strip(), m.group(3).strip(), m.group(4).strip())
    return out


def implemented() -> dict[str, list[str]]:
    """Requirement id → rule ids implementing it (any pack)."""
    out: dict[str, list[str]] = {}
    for pack in load_packs().values():
        for r in pack.rules:
            out.setdefault(r.requirement, []).append(r.id)
    return out


def summary() -> dict[str, int]:
    impl = implemented()
    nc = {k for k, v in not_checked().items() if v.status == "not checked"}
    total = set(impl) | nc
    return {"implemented": len(impl), "not_checked": len(nc - set(impl)), "total": len(total)}
