"""The CJK font for the signage and report PDFs: where it is, whether it can be embedded, what it covers.

reportlab's ``UnicodeCIDFont`` embeds nothing (the print shop may not have the font) and its
``TTFont`` refuses CFF-outline fonts (Noto Sans CJK / Source Han Sans ``.otf``). So the PDFs use a
CJK font with TrueType (``glyf``) outlines, subset and embedded by ``TTFont``: by default the
WenQuanYi Micro Hei that ships in ``assets/fonts``.

A string with a character the font lacks would print as an empty box (tofu). Every string is
therefore checked *before* anything is written; :class:`MissingGlyphsError` names each text, where
it is used and the characters missing, and says what to do about it.

Font lookup order (:func:`locate_font`): an explicit path, the ``HALLPLAN_FONT`` environment
variable, the bundled font, then a few well-known system locations.

>>> font = load_font()
>>> font.missing("城关镇便民服务中心 1号窗口")
''
>>> font.missing("吉\\U00020bb7")  # 𠮷 (U+20BB7) is not in WenQuanYi Micro Hei
'𠮷'
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FONT_ENV = "HALLPLAN_FONT"
BUNDLED_FONT = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "wqy-microhei.ttf"
SYSTEM_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
)
INSTALL_HINT = (
    "install a Chinese font with TrueType (glyf) outlines whose licence allows embedding "
    "(e.g. Debian/Ubuntu: `apt install fonts-wqy-microhei`, or a font covering rare characters "
    "such as a 'TW-Kai'/'Jigmo' or 'HanaMin' TrueType font) and pass it with --font PATH or the "
    f"{FONT_ENV} environment variable"
)


class FontError(RuntimeError):
    """The PDF font cannot be used; the message says why and what to install."""


class FontNotFoundError(FontError):
    pass


class UnsupportedFontError(FontError):
    pass


@dataclass(frozen=True)
class GlyphProblem:
    """One text with characters the font lacks, and where it is used (``where``)."""

    where: str
    text: str
    missing: str

    def describe(self) -> str:
        chars = ", ".join(f"{c} (U+{ord(c):04X})" for c in self.missing)
        where = f"{self.where}: " if self.where else ""
        return f"{where}{self.text!r} needs {chars}"


class MissingGlyphsError(FontError):
    """Some texts use characters the font has no glyph for (they would print as empty boxes)."""

    def __init__(self, font_name: str, font_path: str, problems: Iterable[GlyphProblem]) -> None:
        self.font_name = font_name
        self.font_path = font_path
        self.problems = tuple(problems)
        lines = [f"the font {font_name} ({font_path}) has no glyph for some characters:"]
        shown = self.problems[:20]
        lines += [f"  - {p.describe()}" for p in shown]
        if len(self.problems) > len(shown):
            lines.append(f"  … and {len(self.problems) - len(shown)} more text(s)")
        lines.append(f"Nothing was written. To fix: {INSTALL_HINT}; or correct the text.")
        super().__init__("\n".join(lines))

    @property
    def missing(self) -> str:
        """Every missing character once, in order of first use."""
        return "".join(dict.fromkeys(c for p in self.problems for c in p.missing))


def _ignorable(ch: str) -> bool:
    """Characters that need no glyph: whitespace and format/control characters."""
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")


@dataclass(frozen=True)
class CJKFont:
    """A TrueType-outline font registered with reportlab under ``name`` (subset and embedded)."""

    name: str
    path: str
    family: str
    codepoints: frozenset[int]

    def missing(self, text: str) -> str:
        """The characters of ``text`` without a glyph (each once, in order)."""
        cps = self.codepoints
        return "".join(dict.fromkeys(c for c in text if ord(c) not in cps and not _ignorable(c)))

    def covers(self, text: str) -> bool:
        return not self.missing(text)

    def check(self, text: str, where: str = "") -> None:
        """Raise :class:`MissingGlyphsError` if ``text`` has a character the font lacks."""
        self.check_all([(where, text)])

    def check_all(self, items: Iterable[tuple[str, str]]) -> None:
        """Check ``(where, text)`` pairs; one error listing every problem (each text once)."""
        problems: list[GlyphProblem] = []
        seen: set[tuple[str, str]] = set()
        for where, text in items:
            if not text or (where, text) in seen:
                continue
            seen.add((where, text))
            miss = self.missing(text)
            if miss:
                problems.append(GlyphProblem(where, text, miss))
        if problems:
            raise MissingGlyphsError(self.family, self.path, problems)


def locate_font(path: str | os.PathLike | None = None) -> Path:
    """The font file to use: ``path``, ``$HALLPLAN_FONT``, the bundled font, or a system font."""
    if path:
        p = Path(path).expanduser()
        if not p.is_file():
            raise FontNotFoundError(f"font file not found: {p}; {INSTALL_HINT}")
        return p
    env = os.environ.get(FONT_ENV)
    if env:
        p = Path(env).expanduser()
        if not p.is_file():
            raise FontNotFoundError(f"{FONT_ENV}={env}: no such font file; {INSTALL_HINT}")
        return p
    for cand in (BUNDLED_FONT, *map(Path, SYSTEM_FONTS)):
        if cand.is_file():
            return cand
    raise FontNotFoundError(f"no Chinese font found (looked for {BUNDLED_FONT}); {INSTALL_HINT}")


def load_font(path: str | os.PathLike | None = None, subfont_index: int = 0) -> CJKFont:
    """Locate, vet and register the PDF font (cached per file)."""
    return _load(str(locate_font(path).resolve()), subfont_index)


@lru_cache(maxsize=8)
def _load(path: str, subfont_index: int) -> CJKFont:
    from fontTools.ttLib import TTCollection, TTLibError
    from fontTools.ttLib import TTFont as FTFont
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        if path.lower().endswith((".ttc", ".otc")):
            ft = TTCollection(path, lazy=True).fonts[subfont_index]
        else:
            ft = FTFont(path, lazy=True)
        tables = set(ft.keys())
        family = ft["name"].getDebugName(4) or ft["name"].getDebugName(1) or Path(path).stem
        codepoints = frozenset(ft.getBestCmap() or {})
        fs_type = ft["OS/2"].fsType if "OS/2" in ft else 0
    except (TTLibError, OSError, IndexError, KeyError, AssertionError) as exc:
        raise UnsupportedFontError(f"{path}: not a readable TrueType/OpenType font ({exc}); {INSTALL_HINT}") from None
    if "glyf" not in tables:
        kind = "CFF (PostScript) outlines" if ("CFF " in tables or "CFF2" in tables) else "no TrueType outlines"
        raise UnsupportedFontError(
            f"{path}: {family} has {kind}; the PDF writer can only subset and embed fonts with "
            f"TrueType (glyf) outlines; {INSTALL_HINT}"
        )
    if fs_type & 0x000F == 0x0002:
        raise UnsupportedFontError(f"{path}: {family} forbids embedding (OS/2 fsType restricted licence); {INSTALL_HINT}")
    name = "HP-" + hashlib.sha1(f"{path}#{subfont_index}".encode()).hexdigest()[:10]
    try:
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=subfont_index))
    except (TTFError, OSError) as exc:
        raise UnsupportedFontError(f"{path}: cannot be embedded ({exc}); {INSTALL_HINT}") from None
    return CJKFont(name=name, path=path, family=family, codepoints=codepoints)


__all__ = [
    "BUNDLED_FONT",
    "FONT_ENV",
    "CJKFont",
    "FontError",
    "FontNotFoundError",
    "GlyphProblem",
    "MissingGlyphsError",
    "UnsupportedFontError",
    "load_font",
    "locate_font",
]
