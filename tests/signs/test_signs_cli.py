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
