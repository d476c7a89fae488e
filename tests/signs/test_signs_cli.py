from __future__ import annotations

import dataclasses

from hallplan.cli import main
from hallplan.io.planfile import save
from tests.conftest import PLANS


def test_signs_verb_writes_pdfs(tmp_path, capsys):
    out = tmp_path / "signs"
    assert main(["signs", str(PLANS / "village_station.hallplan"), "-o", str(out), "--only", "led"]) == 0
    assert (out / "window-led.pdf").is_file()
    assert "page(s)" in capsys.readouterr().out


def test_signs_verb_missing_glyph_exit_1(town, tmp_path, capsys):
    f = town.floors[0]
    w = next(iter(f.windows.values()))
    f.windows[w.id] = dataclasses.replace(w, name="\U00020bb7窗口")
    src = save(town, tmp_path / "rare.hallplan")
    assert main(["signs", str(src), "-o", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "U+20BB7" in err and "--font" in err


def test_signs_verb_unknown_type(tmp_path, capsys):
    assert main(["signs", str(PLANS / "village_station.hallplan"), "-o", str(tmp_path), "--only", "neon"]) == 1
    assert "unknown sign type" in capsys.readouterr().err


def test_absurdly_long_hall_name_is_warned_not_silently_tiny(tmp_path, capsys):
    """A name that can only fit as specks (< 0.8 mm) is drawn inside the page and reported."""
    import json

    d = json.loads((PLANS / "village_station.hallplan").read_text(encoding="utf-8"))
    d["plan"]["name"] = "很长的名字" * 200
    src = tmp_path / "long.hallplan"
    src.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    assert main(["signs", str(src), "-o", str(tmp_path / "o"), "--only", "hours"]) == 0
    err = capsys.readouterr().err
    assert "对外服务时间公告 hall：文字缩小至 0." in err
