"""Every sign type: true size in mm, fonts embedded, names and numbers extractable, text inside."""

from __future__ import annotations

import json

import pytest

from hallplan.io.signs import SIGN_TYPES, SignError, SignOptions, generate_signs, load_styles
from tests.signs.conftest import LONG_NAME
from tests.signs.pdfcheck import PT_PER_MM, boxes, fonts, needs_poppler, text, words

pytestmark = needs_poppler

STYLES = load_styles()


@pytest.fixture(scope="module")
def town_signs(tmp_path_factory):
    from hallplan.io.planfile import load
    from tests.conftest import PLANS

    plan = load(PLANS / "town_centre.hallplan")
    out = tmp_path_factory.mktemp("town-signs")
    res = generate_signs(plan, out, SignOptions(english=True))
    return plan, res, {p.stem: p for p in res.files}


def test_every_sign_type_written(town_signs):
    _, res, files = town_signs
    assert set(res.pages) == set(SIGN_TYPES)
    assert set(files) == {STYLES[k]["file"] for k in SIGN_TYPES}


@pytest.mark.parametrize("key", [k for k in SIGN_TYPES if k != "layout_map"])
def test_page_sizes_exact_in_mm(town_signs, key):
    _, _, files = town_signs
    w, h = STYLES[key]["size_mm"]
    for page in boxes(files[STYLES[key]["file"]]):
        assert page["MediaBox"].size_mm == pytest.approx((w, h), abs=0.01)


def test_layout_map_on_a2_by_default(town_signs):
    _, _, files = town_signs
    for page in boxes(files["layout-map"]):
        assert sorted(page["MediaBox"].size_mm) == pytest.approx([420.0, 594.0], abs=0.01)


@pytest.mark.parametrize("paper,size", [("A1", (594.0, 841.0)), ("A3", (297.0, 420.0))])
def test_layout_map_paper_choice(town, tmp_path, paper, size):
    res = generate_signs(town, tmp_path, SignOptions(kinds=("layout_map",), paper=paper))
    (pdf,) = res.files
    assert sorted(boxes(pdf)[0]["MediaBox"].size_mm) == pytest.approx(list(size), abs=0.01)


def test_all_fonts_embedded(town_signs):
    _, _, files = town_signs
    for pdf in files.values():
        rows = fonts(pdf)
        assert rows and all(r["emb"] == "yes" for r in rows), (pdf.name, rows)


def test_text_inside_every_page(town_signs):
    _, _, files = town_signs
    for pdf in files.values():
        sizes = [p["MediaBox"] for p in boxes(pdf)]
        for w in words(pdf):
            b = sizes[w.page - 1]
            assert -0.5 <= w.box.x0 and w.box.x1 <= b.x1 + 0.5, (pdf.name, w)
            assert -0.5 <= w.box.y0 and w.box.y1 <= b.y1 + 0.5, (pdf.name, w)


def _flat(pdf):
    return text(pdf).replace("\n", "").replace(" ", "")


def test_names_and_numbers_extractable(town_signs):
    plan, _, files = town_signs
    hanging = _flat(files["window-hanging"])
    desk = _flat(files["window-desk"])
    staff = _flat(files["staff-board"])
    for w in plan.all_windows():
        assert f"{w.number}号窗口" in desk and f"{w.number}号窗口" in staff
        assert w.name in hanging and w.name in desk
    assert "Universalwindow" in hanging  # English line
    assert "姓名" in staff.replace("　", "") and "照片" in staff
    zones = _flat(files["zone-names"])
    for z in plan.floors[0].zones.values():
        if z.name:
            assert z.name in zones
    directory = _flat(files["floor-directory"])
    assert "1–7号无差别综合窗口" in directory and "等候休息区" in directory
    hours = _flat(files["service-hours"])
    assert "对外服务时间" in hours and "09:00–12:00" in hours and "周一至周五" in hours
    assert "暂停服务" in _flat(files["pause"])
    m = _flat(files["layout-map"])
    assert plan.name in m and "布局图" in m and "您在此处" in m and "主入口" in m and "安全出口" in m
    assert all(w.number in m for w in plan.all_windows())


def test_long_names_stay_inside(long_plan, tmp_path):
    res = generate_signs(long_plan, tmp_path, SignOptions(kinds=("hanging", "desk", "staff_board", "led")))
    for pdf in res.files:
        page = boxes(pdf)[0]["MediaBox"]
        assert LONG_NAME in _flat(pdf)
        for w in words(pdf):
            assert w.box.x0 >= -0.5 and w.box.x1 <= page.x1 + 0.5, (pdf.name, w)
            assert w.box.y0 >= -0.5 and w.box.y1 <= page.y1 + 0.5, (pdf.name, w)


def test_bleed_extends_past_the_trim_box(town, tmp_path):
    res = generate_signs(town, tmp_path, SignOptions(kinds=("zone",), bleed=True))
    page = boxes(res.files[0])[0]
    assert page["TrimBox"].size_mm == pytest.approx(tuple(STYLES["zone"]["size_mm"]), abs=0.01)
    assert page["MediaBox"].size_mm == pytest.approx(tuple(x + 6 for x in STYLES["zone"]["size_mm"]), abs=0.01)


def test_a_centre_can_restyle_without_code(town, tmp_path):
    data = json.loads(json.dumps(STYLES))
    data["led"]["size_mm"] = [1200, 320]
    data["led"]["background"] = "#101010"
    path = tmp_path / "styles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    res = generate_signs(town, tmp_path / "o", SignOptions(kinds=("led",), styles=str(path)))
    assert boxes(res.files[0])[0]["MediaBox"].size_mm == pytest.approx((1200.0, 320.0), abs=0.01)


def test_bad_style_file_is_named(town, tmp_path):
    data = json.loads(json.dumps(STYLES))
    data["desk"]["band"] = "blue"
    path = tmp_path / "styles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SignError, match=r"desk\.band"):
        generate_signs(town, tmp_path / "o", SignOptions(styles=str(path)))


def test_page_size_in_points(town_signs):
    _, _, files = town_signs
    led = boxes(files["window-led"])[0]["MediaBox"]
    assert led.x1 == pytest.approx(1000 * PT_PER_MM, abs=0.02) and led.y1 == pytest.approx(300 * PT_PER_MM, abs=0.02)


def test_accessible_route_reaches_the_low_counter(tmp_path):
    from hallplan.io.planfile import load
    from hallplan.io.signs import accessible_route
    from tests.conftest import PLANS

    plan = load(PLANS / "county_centre.hallplan")
    floor = min(plan.floors, key=lambda f: f.storey)
    route = accessible_route(plan, floor)
    assert route.paths and not route.unreached
    entrance = next(d for d in floor.doors.values() if d.kind.value == "main_entrance")
    low = next(w for w in floor.windows.values() if w.low_counter)
    starts = [p[0] for p in route.paths]
    ends = [p[-1] for p in route.paths]
    assert min(abs(s[0] - entrance.x) + abs(s[1] - entrance.y) for s in starts) < 2.5
    fx, fy = low.front_point(0.7)
    assert min(abs(e[0] - fx) + abs(e[1] - fy) for e in ends) < 1.5
    res = generate_signs(plan, tmp_path, SignOptions(kinds=("layout_map",)))
    assert "无障碍路线" in _flat(res.files[0])
