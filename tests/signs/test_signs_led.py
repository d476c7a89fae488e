"""Window LED signs (LH-2.5.2, JZ-6): 1000 × 300 mm, black, red, fonts embedded, text inside."""

from __future__ import annotations

import pytest

from hallplan.io.signs import SignOptions, generate_signs
from tests.signs.conftest import LONG_NAME
from tests.signs.pdfcheck import PT_PER_MM, boxes, fonts, needs_poppler, text, words

pytestmark = needs_poppler


@pytest.fixture
def led_pdf(long_plan, tmp_path):
    res = generate_signs(long_plan, tmp_path, SignOptions(kinds=("led",)))
    assert [p.name for p in res.files] == ["window-led.pdf"]
    return res, res.files[0]


def test_one_page_per_window_exact_size(led_pdf, long_plan):
    res, pdf = led_pdf
    pages = boxes(pdf)
    assert len(pages) == len(long_plan.all_windows()) == res.pages["led"]
    for page in pages:
        w, h = page["MediaBox"].size_mm
        assert w == pytest.approx(1000.0, abs=0.01) and h == pytest.approx(300.0, abs=0.01)


def test_fonts_embedded_and_text_extractable(led_pdf, long_plan):
    _, pdf = led_pdf
    rows = fonts(pdf)
    assert rows, "no fonts in the PDF"
    assert all(r["emb"] == "yes" and r["uni"] == "yes" for r in rows), rows
    t = text(pdf).replace("\n", "").replace(" ", "")
    for w in long_plan.all_windows():
        assert f"{w.number}号窗口" in t.replace(f"{w.number}号窗口", f"{w.number}号窗口")
    assert "无障碍服务窗口" in t and "无差别综合窗口" in t
    assert "社保卡、医保、养老保险" in t


def test_long_name_and_services_shrink_inside_the_page(led_pdf):
    res, pdf = led_pdf
    page_w, page_h = 1000 * PT_PER_MM, 300 * PT_PER_MM
    ws = words(pdf)
    assert ws
    for w in ws:
        assert -0.5 <= w.box.x0 and w.box.x1 <= page_w + 0.5, w
        assert -0.5 <= w.box.y0 and w.box.y1 <= page_h + 0.5, w
    flat = text(pdf).replace("\n", "")
    assert LONG_NAME in flat  # shrunk to one line, not cut
    assert "户籍业务咨询" in flat  # the end of the long service list is there
    # windows without services are reported
    assert any("没有填写主要服务" in m for m in res.warnings)


def test_crop_marks_keep_the_trim_box_exact(long_plan, tmp_path):
    res = generate_signs(long_plan, tmp_path, SignOptions(kinds=("led",), crop_marks=True))
    page = boxes(res.files[0])[0]
    assert page["TrimBox"].size_mm == pytest.approx((1000.0, 300.0), abs=0.01)
    bw, bh = page["BleedBox"].size_mm
    assert bw == pytest.approx(1006.0, abs=0.01) and bh == pytest.approx(306.0, abs=0.01)
    mw, mh = page["MediaBox"].size_mm
    assert mw > bw and mh > bh
