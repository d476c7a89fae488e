import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path, monkeypatch):
    """Settings, recent files and autosaves go to a temporary folder, never the user's home."""
    monkeypatch.setenv("HALLPLAN_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("HALLPLAN_DATA_DIR", str(tmp_path / "data"))
    # live checking: light rules only unless a test asks for the worker (tests/gui/test_live*.py)
    monkeypatch.setenv("HALLPLAN_LIVE_WORKER", "off")
    from hallplan.i18n import set_language

    set_language("zh")
    yield
    set_language("zh")
