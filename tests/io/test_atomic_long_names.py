"""Saving under a name at the file-system limit (255 bytes): ``<name>.bak`` would not fit, so the backup
gets a shortened name; the temp file's name fits too. Real files in tmp_path, CJK names (3 bytes each)."""

import os

import pytest

from hallplan.io.atomic import atomic_write, backup_path
from hallplan.io.planfile import load, save
from tests.conftest import PLANS

VILLAGE = PLANS / "village_station.hallplan"
TOWN = PLANS / "town_centre.hallplan"
LIMIT = 255


def _name(n_bytes: int, fill: str = "服务大厅", ext: str = ".hallplan") -> str:
    """A name of exactly ``n_bytes`` UTF-8 bytes: CJK characters, ASCII padding, then ``ext``."""
    room = n_bytes - len(ext.encode())
    cjk = (fill * 100)[: room // 3]
    return cjk + "x" * (room - 3 * len(cjk)) + ext


def _size(name: str) -> int:
    return len(os.fsencode(name))


@pytest.fixture(autouse=True)
def _limit_is_255(tmp_path):
    if os.pathconf(tmp_path, "PC_NAME_MAX") != LIMIT:
        pytest.skip("the temp folder's file system does not have the usual 255-byte name limit")


@pytest.mark.parametrize("n_bytes", [251, 252, 253, 254, 255])
def test_save_at_the_name_limit_keeps_a_backup(tmp_path, n_bytes):
    out = tmp_path / _name(n_bytes)
    assert _size(out.name) == n_bytes
    first, second = load(VILLAGE), load(TOWN)
    save(first, out)
    save(second, out)  # was: OSError "File name too long" for the .bak (252–255 bytes)
    assert load(out) == second
    bak = backup_path(out)
    assert bak.exists() and load(bak) == first
    assert _size(bak.name) <= LIMIT
    if n_bytes <= LIMIT - len(".bak"):
        assert bak.name == out.name + ".bak"
    else:  # recognisable: the start of the name, a hash, the extension and .bak
        assert bak.name.startswith(out.name[:60]) and bak.name.endswith(".hallplan.bak")
        assert "~" in bak.name
    save(first, out)  # the same backup name at every save: one backup, overwritten
    assert load(backup_path(out)) == second
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, bak.name])  # no temp left


def test_shortened_backup_names_differ_for_names_that_share_their_start(tmp_path):
    a = tmp_path / _name(255)
    b = tmp_path / (a.name[: -len("务.hallplan")] + "楼.hallplan")  # only the last character differs
    c = tmp_path / _name(255, ext=".pdf")
    assert _size(b.name) == 255 and a.name != b.name
    baks = {backup_path(p).name for p in (a, b, c)}
    assert len(baks) == 3 and all(_size(n) <= LIMIT for n in baks)
    for p in (a, b, c):
        p.write_text(p.suffix)
        atomic_write(p, lambda tmp, p=p: open(tmp, "w").write("new " + p.suffix), backup=True)
        assert p.read_text() == "new " + p.suffix and backup_path(p).read_text() == p.suffix


def test_backup_name_is_cut_between_characters(tmp_path):
    # a one-byte ASCII start shifts every CJK character off the 3-byte grid: the cut must still
    # fall between characters, and the name stays valid UTF-8
    out = tmp_path / ("a" + _name(254))
    bak = backup_path(out).name
    bak.encode("utf-8")  # no lone surrogates from half a character
    assert _size(bak) <= LIMIT and bak.startswith("a服务大厅")


def test_temp_name_fits_and_failed_write_leaves_nothing(tmp_path):
    out = tmp_path / _name(255)
    seen = []

    def write(tmp):
        seen.append(os.path.basename(tmp))
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write("x")
        raise RuntimeError("half-way")

    with pytest.raises(RuntimeError):
        atomic_write(out, write, backup=True)
    assert _size(seen[0]) <= LIMIT and seen[0].startswith(".服务") and seen[0].endswith(".tmp")
    assert list(tmp_path.iterdir()) == []
