"""Never lose work: the editor runs in a child process, makes edits, is killed with SIGKILL, and the
next start finds the edits in the autosave and restores them."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PLANS

DRIVER = Path(__file__).with_name("crash_driver.py")
ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", HALLPLAN_CONFIG_DIR=str(tmp_path / "config"),
               HALLPLAN_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT),
               HALLPLAN_LIVE_WORKER="off")  # live checks play no part in recovery (and cost a process)
    env.pop("PYTEST_CURRENT_TEST", None)
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "settings.json").write_text(json.dumps({"autosave_ms": 200}), encoding="utf-8")
    return env


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_edits_survive_sigkill(tmp_path):
    plan = tmp_path / "village.hallplan"
    shutil.copy(PLANS / "village_station.hallplan", plan)
    original = plan.read_text(encoding="utf-8")
    env = _env(tmp_path)
    p = subprocess.Popen([sys.executable, str(DRIVER), "edit", str(plan)], env=env, cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = p.stdout.readline()
        assert line.startswith("AUTOSAVED"), line + p.stderr.read() if not line else line
        _, zones, windows = line.split()
        os.kill(p.pid, signal.SIGKILL)
        p.wait(timeout=20)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    assert p.returncode == -signal.SIGKILL
    assert plan.read_text(encoding="utf-8") == original  # the user's file was never touched
    snaps = list((tmp_path / "data" / "autosave").glob("*.hallplan"))
    assert len(snaps) == 1
    r = subprocess.run([sys.executable, str(DRIVER), "recover", str(plan)], env=env, cwd=ROOT,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout.strip().splitlines()[-1])
    assert got["zones"] == int(zones) == 4  # the village has 3 zones; one was drawn
    assert got["windows"] == int(windows) == 3
    assert got["path"] == str(plan) and got["dirty"] and "*" in got["title"]
    # after a clean exit nothing is left to recover
    assert list((tmp_path / "data" / "autosave").glob("*.hallplan")) == []
