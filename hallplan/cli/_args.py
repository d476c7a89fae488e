"""Helpers shared by the verbs: argument types with a range, and exception texts for one-line errors."""

from __future__ import annotations

import argparse


def message(exc: BaseException) -> str:
    """The text of ``exc`` without the quotes ``str(KeyError)`` adds."""
    if isinstance(exc, KeyError) and len(exc.args) == 1 and isinstance(exc.args[0], str):
        return exc.args[0]
    return str(exc)


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
