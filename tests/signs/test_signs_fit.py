"""Text fitting: never past the box, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from hallplan.io.fonts import load_font
from hallplan.io.signs import ASCENT, DESCENT, break_units, fit_text, number_ranges

FONT = load_font()
CHARS = st.sampled_from(list("政务服务中心窗口社保医保、，（）() ABCxyz0123456789-/；") + ["\n"])


@settings(max_examples=150, deadline=None)
@given(
    text=st.lists(CHARS, min_size=1, max_size=120).map("".join),
    width=st.floats(5, 900),
    height=st.floats(3, 300),
    max_size=st.floats(1, 200),
    max_lines=st.integers(1, 8),
    balance=st.booleans(),
)
def test_fit_never_overflows(text, width, height, max_size, max_lines, balance):
    fit = fit_text(text, FONT.name, width, height, max_size, max_lines, 1.25, balance=balance)
    assert fit.size <= max_size + 1e-9
    assert len(fit.lines) <= max(max_lines, text.count("\n") + 1)
    for line in fit.lines:
        assert stringWidth(line, FONT.name, fit.size) <= width + 1e-6
    if len(fit.lines) <= max_lines:
        assert fit.size * (ASCENT + DESCENT + (len(fit.lines) - 1) * 1.25) <= height + 1e-6
    # nothing lost but whitespace
    assert "".join(fit.lines).replace(" ", "") == text.replace("\n", "").replace(" ", "").strip() or "\n" in text


def test_short_text_keeps_its_size_and_one_line():
    fit = fit_text("等候休息区", FONT.name, 500, 100, 60, max_lines=3)
    assert fit.size == 60 and fit.lines == ("等候休息区",)


def test_closing_punctuation_never_starts_a_line():
    units = break_units("社保、医保、（养老）")
    assert all(u[0] not in "、）" for u in units)


def test_number_ranges():
    assert number_ranges(["1", "2", "3", "5"]) == "1–3、5"
    assert number_ranges(["B2", "B1"]) == "B1、B2"


def test_lists_break_after_separators():
    fit = fit_text("主要服务：社保、医保、就业、退役军人、司法", FONT.name, 100, 40, 12, max_lines=3)
    assert len(fit.lines) >= 2
    assert all(line.endswith(("、", "：")) for line in fit.lines[:-1]), fit.lines


def test_long_latin_word_after_a_separator_still_fits():
    fit = fit_text("社保、Supercalifragilisticexpialidocious", FONT.name, 60, 30, 10, max_lines=3)
    for line in fit.lines:
        assert stringWidth(line, FONT.name, fit.size) <= 60 + 1e-6
