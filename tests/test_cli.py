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
