"""Rule packs, check functions and the engine that runs them (see ``engine.py``, ``packs.py``).

Layering: imports :mod:`hallplan.model`, :mod:`hallplan.geometry` and :mod:`hallplan.i18n` only.
"""

from .engine import Engine, check_plan
from .finding import Citation, Finding, Severity, Shape
from .packs import Pack, PackError, Profile, Rule, get_profile, load_packs, load_profiles, rules_for
from .registry import CHECKS, DERIVED, Hit, L, Param, check, derived

__all__ = [
    "CHECKS", "DERIVED", "Citation", "Engine", "Finding", "Hit", "L", "Pack", "PackError", "Param",
    "Profile", "Rule", "Severity", "Shape", "check", "check_plan", "derived", "get_profile",
    "load_packs", "load_profiles", "rules_for",
]
