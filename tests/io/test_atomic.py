"""Output files: written atomically, with the usual permissions, and bad output paths are one-line errors."""

import os
import stat

import pytest

from hallplan.cli import main
from hallplan.io.atomic import atomic_write
from hallplan.io.planfile import load, save
from tests.conftest import PLANS

VILLAGE = str(PLANS / "village_station.hallplan")


def _mode(p) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def test_new_file_gets_umask_mode_and_overwrite_keeps_mode(tmp_path):
    old = os.umask(0o022)
    try:
        out = tmp_path / "a.hallplan"
        save(load(VILLAGE), out)
        assert _mode(out) == 0o644  # not mkstemp's 0600
        os.chmod(out, 0o664)
        save(load(VILLAGE), out)
        assert _mode(out) == 0o664
        assert (tmp_path / "a.hallplan.bak").exists()
    finally:
        os.umask(old)


def test_failed_write_keeps_previous_file_and_leaves_no_temp(tmp_path):
    out = tmp_path / "x.pdf"
    out.write_bytes(b"previous")

    def boom(tmp):
        with open(tmp, "wb") as fh:
            fh.write(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(out, boom)
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]


@pytest.mark.parametrize("verb", ["report", "signs", "export-dxf"])
def test_output_under_a_file_or_onto_a_folder_is_one_line(tmp_path, capsys, verb):
    afile = tmp_path / "afile"
    afile.write_text("keep")
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    extra = ["--only", "pause"] if verb == "signs" else []
    targets = [afile / "x.pdf"] + ([afile] if verb == "signs" else [folder])
    for target in targets:
        assert main([verb, VILLAGE, "-o", str(target), *extra]) == 1
        err = capsys.readouterr().err.strip()
        assert err.startswith("error:") and "\n" not in err and "Traceback" not in err
        assert str(target) in err
    assert afile.read_text() == "keep" and folder.is_dir() and not any(folder.iterdir())


def test_import_checks_output_before_importing(tmp_path, capsys):
    afile = tmp_path / "afile"
    afile.write_text("keep")
    assert main(["import-dxf", str(tmp_path / "whatever.dxf"), "-o", str(afile / "x.hallplan")]) == 1
    err = capsys.readouterr().err.strip()
    assert "afile is a file, not a folder" in err and "\n" not in err


def test_long_file_name_that_fits_is_written(tmp_path):
    name = "长" * 80 + ".pdf"  # 244 bytes: fits, but not with the whole name in the temp file's name
    out = atomic_write(tmp_path / name, lambda tmp: open(tmp, "wb").write(b"%PDF"))
    assert out.read_bytes() == b"%PDF" and [p.name for p in tmp_path.iterdir()] == [name]


def test_signs_name_the_pdf_that_cannot_be_written(tmp_path, capsys):
    (tmp_path / "pause.pdf").mkdir()
    assert main(["signs", VILLAGE, "-o", str(tmp_path), "--only", "pause"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"error: cannot write {tmp_path / 'pause.pdf'}: Is a directory"
