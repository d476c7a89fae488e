import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _chinese_ui():
    """The editor's tests read the Chinese UI (user folders: tests/conftest.py)."""
    from hallplan.i18n import set_language

    set_language("zh")
    yield
    set_language("zh")
