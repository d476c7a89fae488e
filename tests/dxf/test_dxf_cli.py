"""``hallplan export-dxf`` / ``hallplan import-dxf`` from the command line."""

from __future__ import annotations

import ezdxf

from hallplan.cli import main
from tests.conftest import PLANS


def test_export_dxf_verb(tmp_path, capsys):
    out = tmp_path / "sub" / "town.dxf"
    rc = main(["export-dxf", str(PLANS / "town_centre.hallplan"), "-o", str(out), "--date", "2025-01-01",
               "--lang", "en", "--findings", "--librecad-font", str(tmp_path / "fonts")])
    assert rc == 0
    text = capsys.readouterr().out
    assert "wrote" in text and "audit: no errors" in text
    doc = ezdxf.readfile(out)
    assert not doc.audit().has_errors
    assert doc.header["$INSUNITS"] == 4
    assert (tmp_path / "fonts" / "hp-cjk.lff").exists()
    # findings drawn on their (hidden) layer
    assert len(doc.modelspace().query('*[layer=="HP-FINDINGS"]')) >= 0


def test_export_dxf_verb_errors(tmp_path, capsys):
    bad = tmp_path / "bad.hallplan"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["export-dxf", str(bad), "-o", str(tmp_path / "x.dxf")]) == 1
    assert "error:" in capsys.readouterr().err
    assert main(["export-dxf", str(PLANS / "village_station.hallplan"), "-o", str(tmp_path / "x.dxf"),
                 "--floors", "nope"]) == 1
    assert "nope" in capsys.readouterr().err
    assert not (tmp_path / "x.dxf").exists()
