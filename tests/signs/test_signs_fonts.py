"""Fonts: the bundled TrueType CJK font, glyph coverage checked before writing, clear errors."""

from __future__ import annotations

import dataclasses

import pytest

from hallplan.io.fonts import (
    FontNotFoundError,
    MissingGlyphsError,
    UnsupportedFontError,
    load_font,
)
from hallplan.io.signs import SignOptions, generate_signs

RARE = "\U00020bb7"  # 𠮷, not in WenQuanYi Micro Hei


def test_bundled_font_covers_the_samples_vocabulary():
    font = load_font()
    assert font.missing("城关镇便民服务中心 无差别综合窗口 暂停服务 对外服务时间 您在此处 ●·–") == ""
    assert font.missing(f"张{RARE}") == RARE


def test_missing_glyph_names_text_place_and_character(town, tmp_path):
    f = town.floors[0]
    w = next(w for w in f.windows.values() if w.number == "4")
    f.windows[w.id] = dataclasses.replace(w, name=f"{RARE}祥村事务窗口")
    out = tmp_path / "out"
    with pytest.raises(MissingGlyphsError) as ei:
        generate_signs(town, out, SignOptions())
    msg = str(ei.value)
    assert f"{RARE}祥村事务窗口" in msg and "U+20BB7" in msg and "4号窗口" in msg
    assert "--font" in msg  # says what to do
    assert ei.value.missing == RARE
    assert not out.exists() or not any(out.iterdir())  # nothing half-written


def test_missing_font_file_is_a_clear_error(tmp_path):
    with pytest.raises(FontNotFoundError, match="font file not found"):
        load_font(tmp_path / "nope.ttf")


def test_env_var_pointing_nowhere(monkeypatch, tmp_path):
    monkeypatch.setenv("HALLPLAN_FONT", str(tmp_path / "gone.ttf"))
    with pytest.raises(FontNotFoundError, match="HALLPLAN_FONT"):
        load_font()


def _cff_font(path):
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    fb = FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder([".notdef", "A"])
    fb.setupCharacterMap({0x41: "A"})
    pen = T2CharStringPen(500, None)
    pen.moveTo((0, 0)); pen.lineTo((500, 0)); pen.lineTo((250, 700)); pen.closePath()  # noqa: E702
    cs = pen.getCharString()
    fb.setupCFF("TestCFF", {"FullName": "Test CFF"}, {".notdef": cs, "A": cs}, {})
    fb.setupHorizontalMetrics({".notdef": (500, 0), "A": (500, 0)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "Test CFF", "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    fb.save(str(path))


def test_cff_font_is_refused_with_the_reason(tmp_path):
    p = tmp_path / "cff.otf"
    _cff_font(p)
    with pytest.raises(UnsupportedFontError, match="CFF"):
        load_font(p)


def test_not_a_font(tmp_path):
    p = tmp_path / "junk.ttf"
    p.write_bytes(b"not a font at all")
    with pytest.raises(UnsupportedFontError, match="not a readable"):
        load_font(p)
