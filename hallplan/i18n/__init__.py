"""One string catalogue for every user-facing text (Simplified Chinese first, English second).

The catalogue is a set of JSON files in ``catalog/`` (one per area of the program, merged at load;
a key defined twice is an error). Each entry maps a key to ``{"zh": ..., "en": ...}``. Look up with
:func:`tr`; enum members get their label with :func:`label`.

>>> tr("zone.waiting", "zh")
'等候休息区'
>>> tr("zone.waiting", "en")
'Waiting area'
>>> label_key("ZoneKind", "waiting")
'zone.waiting'
"""

from __future__ import annotations

import json
from enum import Enum
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("zh", "en")
_CATALOG_DIR = Path(__file__).with_name("catalog")
_current = "zh"

# Enum class name -> key prefix
_ENUM_PREFIX = {
    "HallLevel": "level",
    "ZoneKind": "zone",
    "WindowKind": "window_kind",
    "Domain": "domain",
    "DoorKind": "door",
    "Hinge": "hinge",
    "FurnitureKind": "furniture",
    "WallKind": "wall",
    "FireGrade": "fire_grade",
    "EntityKind": "entity",
    "Severity": "severity",
}


class CatalogError(RuntimeError):
    pass


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    for path in sorted(_CATALOG_DIR.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise CatalogError(f"{path.name}: {exc}") from None
        for key, entry in data.items():
            if key in merged:
                raise CatalogError(f"{path.name}: key {key!r} already defined in {where[key]}")
            if not isinstance(entry, dict) or "zh" not in entry or "en" not in entry:
                raise CatalogError(f"{path.name}: {key!r} needs both 'zh' and 'en'")
            merged[key] = entry
            where[key] = path.name
    return merged


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    return _current


def tr(key: str, lang: str | None = None, /, **fmt) -> str:
    """The text for ``key`` in ``lang`` (default: the current language), formatted with ``fmt``.

    A missing key returns the key itself so a gap shows rather than crashes (tests check coverage).
    """
    entry = catalog().get(key)
    text = key if entry is None else entry.get(lang or _current) or entry["zh"]
    return text.format(**fmt) if fmt else text


def has(key: str) -> bool:
    return key in catalog()


def label_key(enum_name: str, value: str) -> str:
    return f"{_ENUM_PREFIX.get(enum_name, enum_name.lower())}.{value}"


def label(member: Enum, lang: str | None = None) -> str:
    """The display label of an enum member, e.g. ``label(ZoneKind.WAITING)`` → 等候休息区."""
    return tr(label_key(type(member).__name__, member.value), lang)


def both(key: str, /, **fmt) -> dict[str, str]:
    """``{"zh": ..., "en": ...}`` for a key (for findings and files that carry both)."""
    return {lang: tr(key, lang, **fmt) for lang in LANGUAGES}
