"""User settings (language, recent files, view toggles) in a JSON file in the user config folder."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

APP = "hallplan"
MAX_RECENT = 10


def _test_root() -> Path | None:
    """Under pytest, without an explicit folder, never touch the user's real settings/autosaves."""
    if "PYTEST_CURRENT_TEST" in os.environ:
        return Path(tempfile.gettempdir()) / f"hallplan-pytest-{os.getpid()}"
    return None


def _user_dir(env_var: str, test_sub: str, platform_dir) -> Path:
    env = os.environ.get(env_var)
    if env:
        return Path(env)
    t = _test_root()
    return t / test_sub if t else Path(platform_dir(APP, appauthor=False))


def config_dir() -> Path:
    """``$HALLPLAN_CONFIG_DIR`` or the platform's user config folder."""
    return _user_dir("HALLPLAN_CONFIG_DIR", "config", platformdirs.user_config_dir)


def data_dir() -> Path:
    """``$HALLPLAN_DATA_DIR`` or the platform's user data folder (autosaves live here)."""
    return _user_dir("HALLPLAN_DATA_DIR", "data", platformdirs.user_data_dir)


@dataclass
class Settings:
    language: str = "zh"
    recent: list[str] = field(default_factory=list)
    grid_visible: bool = True
    grid_snap: bool = True
    object_snap: bool = True
    ortho: bool = False
    snap_step: float = 0.1
    autosave_ms: int = 1500
    show_labels: bool = True
    show_ghost: bool = True
    live_checking: bool = True  # rules after every edit (off: no rule engine is built at start)
    geometry: str = ""
    window_state: str = ""

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        try:
            data = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        s = cls()
        for k, v in data.items():
            if k in known and isinstance(v, type(getattr(s, k))):
                setattr(s, k, v)
        if s.language not in ("zh", "en"):
            s.language = "zh"
        return s

    def save(self) -> None:
        p = self.path()
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".settings.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(self), fh, ensure_ascii=False, indent=1)
            os.replace(tmp, p)
        except OSError:
            pass

    def add_recent(self, path: str | os.PathLike) -> None:
        s = str(Path(path).resolve())
        self.recent = [s] + [r for r in self.recent if r != s]
        del self.recent[MAX_RECENT:]
