"""Which acknowledgement covers a finding (shared by the report and the editor's live checking;
kept apart from :mod:`hallplan.io.report` so the editor need not import reportlab to start)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from hallplan.model import Acknowledgement


def is_acknowledged(f: Any, acks: Iterable[Acknowledgement]) -> Acknowledgement | None:
    """The acknowledgement covering finding ``f``: same rule and the same entities (or none listed)."""
    ents = set(getattr(f, "entity_ids", ()) or ())
    for a in acks:
        if a.rule_id == f.rule_id and (not a.entity_ids or set(a.entity_ids) == ents):
            return a
    return None
