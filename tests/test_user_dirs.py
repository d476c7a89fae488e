"""No test touches the user's own settings, recent files or autosaves (tests/conftest.py)."""

from hallplan.gui.settings import config_dir, data_dir


def test_user_folders_are_private_to_the_test(tmp_path):
    assert config_dir().is_relative_to(tmp_path)
    assert data_dir().is_relative_to(tmp_path)
