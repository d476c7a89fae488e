"""Autosave and crash recovery.

Each running editor writes snapshots of its plan to ``<user data>/autosave/<session>.hallplan``
(atomically, through the plan file writer) with a small ``.json`` beside it naming the process,
the file the plan came from and the time. A clean exit deletes both. At the next start, sessions
whose process is gone are offered for recovery.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from hallplan.io.planfile import load, save
from hallplan.model import Plan

from .settings import data_dir


def autosave_dir() -> Path:
    return data_dir() / "autosave"


def _remove(*paths: Path) -> None:
    for p in paths:
        try:
            p.unlink()
        except OSError:
            pass


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    # a zombie (killed, not yet reaped) counts as gone
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


@dataclass(frozen=True)
class Recovery:
    session: str
    plan_file: Path
    meta_file: Path
    source: str  # the .hallplan the user had open ("" for a new plan)
    name: str
    saved_at: float
    pid: int

    def load(self) -> Plan:
        return load(self.plan_file)

    def discard(self) -> None:
        _remove(self.plan_file, self.meta_file)


class Autosaver:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or autosave_dir()
        self.session = f"{os.getpid()}-{int(time.time() * 1000)}"
        self.writes = 0

    @property
    def plan_file(self) -> Path:
        return self.folder / f"{self.session}.hallplan"

    @property
    def meta_file(self) -> Path:
        return self.folder / f"{self.session}.json"

    def write(self, plan: Plan, source: str | os.PathLike | None, revision: int) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        save(plan, self.plan_file, keep_backup=False)
        meta = {"pid": os.getpid(), "source": str(source or ""), "name": plan.name, "time": time.time(),
                "revision": revision}
        tmp = self.meta_file.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.meta_file)
        self.writes += 1
        return self.plan_file

    def clear(self) -> None:
        _remove(self.plan_file, self.meta_file)


def find_recoverable(folder: Path | None = None) -> list[Recovery]:
    """Snapshots left by editors that are no longer running, newest first."""
    folder = folder or autosave_dir()
    out = []
    if not folder.is_dir():
        return out
    for meta_file in folder.glob("*.json"):
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            pid = int(meta.get("pid", 0))
        except (OSError, ValueError, TypeError):
            continue
        plan_file = meta_file.with_suffix(".hallplan")
        if not plan_file.exists() or _pid_alive(pid):
            continue
        out.append(Recovery(meta_file.stem, plan_file, meta_file, str(meta.get("source", "")),
                            str(meta.get("name", "")), float(meta.get("time", 0.0)), pid))
    out.sort(key=lambda r: r.saved_at, reverse=True)
    return out
