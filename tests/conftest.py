import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"
SAMPLES = sorted(PLANS.glob("*.hallplan"))
