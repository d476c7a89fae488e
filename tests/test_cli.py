import json

from hallplan.cli import main
from tests.conftest import PLANS


def test_validate_ok_and_broken(tmp_path, capsys):
    assert main(["validate", str(PLANS / "town_centre.hallplan")]) == 0
    d = json.loads((PLANS / "town_centre.hallplan").read_text(encoding="utf-8"))
    d["floors"][0]["zones"][2]["polygon"]["exterior"] = [[0, 0], [4, 4], [4, 0], [0, 4]]
    bad = tmp_path / "bad.hallplan"
    bad.write_text(json.dumps(d), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "floors[0].zones[2].polygon.exterior: ring self-intersects near (2.00, 2.00)" in err


def test_info_lists_areas_and_windows(capsys):
    assert main(["info", str(PLANS / "town_centre.hallplan")]) == 0
    out = capsys.readouterr().out
    assert "300.0 m²" in out and "无差别综合窗口 (universal): 7" in out


def test_ctrl_c_is_one_line_and_exit_130(monkeypatch, capsys):
    import hallplan.cli as cli

    def boom(args):
        raise KeyboardInterrupt

    def wrapped(args):  # numpy turns a Ctrl-C during its import into an ImportError
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise ImportError("numpy._core.multiarray failed to import") from exc

    import argparse

    for func in (boom, wrapped):
        monkeypatch.setattr(argparse.ArgumentParser, "parse_args", lambda self, argv=None, f=func: argparse.Namespace(func=f))
        assert cli.main(["rules"]) == 130
        err = capsys.readouterr().err.strip()
        assert err.startswith("interrupted:") and "\n" not in err


def test_bad_option_values_are_one_line_errors(tmp_path, capsys):
    import pytest

    town = str(PLANS / "town_centre.hallplan")
    bad = [
        ["size", town, "--days", "99999999999999999999"],
        ["size", town, "--days", "-1"],
        ["export-dxf", town, "-o", str(tmp_path / "a.dxf"), "--scale", "-5"],
        ["import-dxf", "x.dxf", "-o", str(tmp_path / "a.hallplan"), "--tolerance", "nan"],
    ]
    for argv in bad:
        with pytest.raises(SystemExit) as e:
            main(argv)
        assert e.value.code == 2
        err = capsys.readouterr().err
        assert "out of range" in err and "Traceback" not in err


def test_unknown_profile_is_named_without_quotes_and_export_writes_nothing(tmp_path, capsys):
    town = str(PLANS / "town_centre.hallplan")
    assert main(["report", town, "-o", str(tmp_path / "r.pdf"), "--profile", "nope"]) == 1
    assert capsys.readouterr().err.startswith("error: unknown profile 'nope'")
    out = tmp_path / "a.dxf"
    assert main(["export-dxf", town, "-o", str(out), "--findings", "--profile", "nope"]) == 1
    assert "unknown profile 'nope'" in capsys.readouterr().err and not out.exists()
    afile = tmp_path / "afile"
    afile.write_text("keep")
    assert main(["export-dxf", town, "-o", str(out), "--librecad-font", str(afile)]) == 1
    err = capsys.readouterr().err.strip()
    assert "is a file, not a folder" in err and "\n" not in err and not out.exists()


def test_a_verbs_lang_does_not_outlive_it(capsys):
    from hallplan.i18n import language, set_language

    before = language()
    set_language("en")
    try:
        for verb in (["check", "--lang", "zh"], ["size", "--lang", "zh", "--no-sim"]):
            main([verb[0], str(PLANS / "village_station.hallplan"), *verb[1:]])
            assert language() == "en", verb
    finally:
        set_language(before)
