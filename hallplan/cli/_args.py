"""Helpers shared by the verbs: argument types with a range, exception texts for one-line errors, and
loading the plan a verb works on."""

from __future__ import annotations

import argparse
import sys


def message(exc: BaseException) -> str:
    """The text of ``exc`` without the quotes ``str(KeyError)`` adds."""
    if isinstance(exc, KeyError) and len(exc.args) == 1 and isinstance(exc.args[0], str):
        return exc.args[0]
    return str(exc)


def load_plan(path: str, lang: str | None = None):
    """The plan in ``path``, or None after a one-line ``error:`` on stderr. ``lang``: the verb's output
    language, for the reason (None: English, as the verbs without ``--lang`` print)."""
    from hallplan.io.planfile import PlanFileError, load

    try:
        return load(path)
    except PlanFileError as exc:
        print(f"error: {exc.localized(lang) if lang else exc}", file=sys.stderr)
        return None


def _ranged(convert, what: str, lo, hi):
    def parse(text: str):
        try:
            v = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not lo <= v <= hi:  # NaN fails every comparison
            raise argparse.ArgumentTypeError(f"{text} is out of range ({lo:g} to {hi:g})")
        return v

    return parse


def int_range(lo: int, hi: int):
    """An argparse type: an integer in [lo, hi]."""
    return _ranged(int, "a whole number", lo, hi)


def float_range(lo: float, hi: float):
    """An argparse type: a finite number in [lo, hi]."""
    return _ranged(float, "a number", lo, hi)
