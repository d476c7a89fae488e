"""Atomic file output shared by the plan file, DXF, sign and report writers.

A temp file in the target's folder is written, flushed to disk and renamed over the target, so an
interrupted write (Ctrl-C, a full disk, an exception half-way) leaves the previous file untouched and no
half file behind. The new file gets the previous file's permissions, or the usual ones for a new file
(0666 less the umask) — not the 0600 of ``tempfile.mkstemp``.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _make_folder(folder: Path, target: Path) -> None:
    """Create ``folder`` (and its parents); a file in the way is named in the error."""
    for p in (folder, *folder.parents):
        if p.exists():
            if not p.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, f"{p} is a file, not a folder", str(target))
            break
    folder.mkdir(parents=True, exist_ok=True)


def prepare_output(path: str | os.PathLike) -> Path:
    """Check ``path`` can be an output file and create its folder; raise OSError naming the problem."""
    path = Path(path)
    if not str(path) or path.name in ("", ".", ".."):
        raise IsADirectoryError(errno.EISDIR, "a file name is needed, not a folder", str(path))
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    _make_folder(path.parent if str(path.parent) else Path("."), path)
    return path


def prepare_folder(path: str | os.PathLike) -> Path:
    """Create the output folder ``path``; raise OSError naming the problem when it is a file."""
    path = Path(path)
    _make_folder(path, path)
    return path


def atomic_write(path: str | os.PathLike, write: Callable[[str], None]) -> Path:
    """Call ``write(tmp_path)`` then move the temp file over ``path`` (fsync'd); clean up on any failure."""
    path = prepare_output(path)
    folder = path.parent if str(path.parent) else Path(".")
    mode = _mode_for(path)
    # the temp name must fit where the target's fits (255 bytes): a short prefix of the name, not all of it
    stem = path.name.encode("utf-8", "surrogateescape")[:32].decode("utf-8", "ignore")
    fd, tmp = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, mode)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
        try:
            dfd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        except OSError:  # pragma: no cover - platforms without directory fsync
            pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return path

