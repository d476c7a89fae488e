"""Helpers for the signage tests: poppler's pdfinfo/pdffonts/pdftotext on a written PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

PT_PER_MM = 72.0 / 25.4

needs_poppler = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdfinfo", "pdffonts", "pdftotext")),
    reason="poppler-utils (pdfinfo, pdffonts, pdftotext) not installed",
)


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout


def fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts rows: name, type, emb, sub, uni."""
    rows = []
    for line in run("pdffonts", str(pdf)).splitlines()[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni obj gen
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def size_mm(self) -> tuple[float, float]:
        return ((self.x1 - self.x0) / PT_PER_MM, (self.y1 - self.y0) / PT_PER_MM)


def boxes(pdf: Path) -> list[dict[str, Box]]:
    """Per page, its boxes (MediaBox, TrimBox, BleedBox …) in points."""
    out = run("pdfinfo", "-box", "-f", "1", "-l", "100000", str(pdf))
    pages: dict[int, dict[str, Box]] = {}
    for m in re.finditer(r"Page\s+(\d+)\s+(\w+Box):\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", out):
        pages.setdefault(int(m.group(1)), {})[m.group(2)] = Box(*map(float, m.groups()[2:]))
    return [pages[k] for k in sorted(pages)]


def text(pdf: Path) -> str:
    return run("pdftotext", "-enc", "UTF-8", str(pdf), "-")


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    box: Box  # top-left origin, points


def words(pdf: Path) -> list[Word]:
    html = run("pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-")
    out: list[Word] = []
    page = 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.\-]+)" yMin="([\d.\-]+)" xMax="([\d.\-]+)" yMax="([\d.\-]+)">(.*)</word>', line)
        if m:
            out.append(Word(page, m.group(5), Box(*map(float, m.groups()[:4]))))
    return out
