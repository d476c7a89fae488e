from pathlib import Path

import pytest

from hallplan.io.dxf_export import ExportOptions, export_plan
from hallplan.io.planfile import load

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "plans").glob("*.hallplan"))


@pytest.fixture(scope="session")
def exported(tmp_path_factory):
    """Each sample exported once: {stem: (plan, dxf path)}."""
    out = {}
    d = tmp_path_factory.mktemp("dxf")
    for s in SAMPLES:
        plan = load(s)
        path = d / f"{s.stem}.dxf"
        export_plan(plan, path, ExportOptions(date="2025-01-01"))
        out[s.stem] = (plan, path)
    return out
