import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"
SAMPLES = sorted(PLANS.glob("*.hallplan"))


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path, monkeypatch):
    """Every test: settings, recent files and autosaves go to a temporary folder, never the user's
    home; live checking runs the light rules only unless a test asks for the worker
    (tests/gui/test_live*.py)."""
    monkeypatch.setenv("HALLPLAN_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("HALLPLAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HALLPLAN_LIVE_WORKER", "off")
