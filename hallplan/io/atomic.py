"""Atomic file output shared by the plan file, DXF, sign and report writers.

A temp file in the target's folder is written, flushed to disk and renamed over the target, so an
interrupted write (Ctrl-C, a full disk, an exception half-way) leaves the previous file untouched and no
half file behind. The new file gets the previous file's permissions, or the usual ones for a new file
(0666 less the umask) — not the 0600 of ``tempfile.mkstemp``.

With ``backup=True`` the previous file is kept as ``<name>.bak`` (written the same way). Every name made
here fits the folder's name limit (255 bytes on the usual file systems) whenever the target's does: a
target name too long for ``.bak`` gets a shortened backup name (see ``backup_path``).
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _name_max(folder: Path) -> int:
    """The longest file name in bytes that ``folder`` holds (255 where the system does not say)."""
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):  # Windows; a folder not made yet
        return 255
    return limit if isinstance(limit, int) and limit > 0 else 255


def _head(name: str, max_bytes: int) -> str:
    """The longest start of ``name`` that is at most ``max_bytes`` in the file-system encoding, cut
    between characters (undecodable bytes of a POSIX name are kept as they are)."""
    raw = os.fsencode(name)
    if len(raw) <= max_bytes:
        return name
    cut = max(max_bytes, 0)
    while cut and raw[cut] & 0xC0 == 0x80:  # not in the middle of a UTF-8 sequence
        cut -= 1
    return os.fsdecode(raw[:cut])


def backup_path(path: str | os.PathLike) -> Path:
    """Where the previous version of ``path`` is kept: ``<name>.bak`` next to it, or, when that would
    be longer than the folder allows, the start of the name, ``~`` and 8 hex digits of the full name's
    hash, then the name's extension and ``.bak`` (``长名…~1a2b3c4d.hallplan.bak``): still recognisable,
    different for different names, and the same at every save of one file (one backup, not many)."""
    path = Path(path)
    name = path.name
    limit = _name_max(path.parent if str(path.parent) else Path("."))
    if len(os.fsencode(name + ".bak")) <= limit:
        return path.with_name(name + ".bak")
    digest = hashlib.sha1(os.fsencode(name)).hexdigest()[:8]
    ext = path.suffix if len(os.fsencode(path.suffix)) <= 16 else ""
    tail = f"~{digest}{ext}.bak"
    head = _head(name[: len(name) - len(ext)] if ext else name, limit - len(os.fsencode(tail)))
    return path.with_name(head + tail)


@contextmanager
def _temp_file(folder: Path, name: str) -> Iterator[str]:
    """A new empty temp file in ``folder`` for the file ``name`` — a short start of the name (the whole
    name need not fit twice in 255 bytes), a random part and ``.tmp`` — removed if the block fails
    (the block renames it into place as its last step)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{_head(name, 32)}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        yield tmp
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


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


def _keep_backup(path: Path, folder: Path) -> None:
    """Copy ``path`` (with its times and mode) to ``backup_path(path)`` through a temp file."""
    with _temp_file(folder, path.name) as tmp:
        shutil.copy2(path, tmp)
        os.replace(tmp, backup_path(path))


def atomic_write(path: str | os.PathLike, write: Callable[[str], None], backup: bool = False) -> Path:
    """Call ``write(tmp_path)`` then move the temp file over ``path`` (fsync'd); clean up on any failure.
    ``backup``: first keep the previous file, if there is one, at ``backup_path(path)``."""
    path = prepare_output(path)
    folder = path.parent if str(path.parent) else Path(".")
    mode = _mode_for(path)
    with _temp_file(folder, path.name) as tmp:
        write(tmp)
        os.chmod(tmp, mode)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if backup and path.is_file():
            _keep_backup(path, folder)
        os.replace(tmp, path)
    try:
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:  # pragma: no cover - platforms without directory fsync
        pass
    return path

