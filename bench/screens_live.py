"""Screenshots of live checking for the docs: the evacuation heat map and the findings panel.

``uv run python bench/screens_live.py`` (offscreen; widget ``grab()``) writes
``docs/screenshot-heatmap.png`` and ``docs/screenshot-findings.png``. The county sample is edited the
way a planner might get it wrong: sprinklers dropped from the design (the limit falls to 30 m) and
the east exit removed, so the heat map shows the area beyond the limit; a seat row pushed against
the complaint room door gives a route finding to click.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HALLPLAN_LIVE_WORKER", "process")
_tmp = tempfile.mkdtemp(prefix="hallplan-shots-")
os.environ.setdefault("HALLPLAN_CONFIG_DIR", os.path.join(_tmp, "config"))
os.environ.setdefault("HALLPLAN_DATA_DIR", os.path.join(_tmp, "data"))


def settle(app, win, seconds: float = 0.3) -> None:
    win.live.wait_idle(120)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    from hallplan.gui import app as gui_app
    from hallplan.gui.main_window import MainWindow
    from hallplan.io.planfile import load
    from hallplan.model import RemoveEntities, SetPlanProperties

    app = gui_app.create_app([])
    win = MainWindow()
    win.resize(1680, 1020)
    win.show()
    app.processEvents()
    plan = load(ROOT / "plans" / "county_centre.hallplan")
    win.set_plan(plan, ROOT / "plans" / "county_centre.hallplan")
    ed = win.editor
    ed.push(SetPlanProperties.of(win.plan, sprinklers=False))
    ed.push(RemoveEntities.of(win.plan, ["door-3"]))
    lc = win.live
    lc.overlay_actions["heat"].setChecked(True)
    settle(app, win)
    win.docks["options"].hide()
    win.canvas.fit()
    # the walking-distance finding picked in the list (its clause in the details), view left as is
    walk = next((s for s in lc.shown if s.finding.rule_id.endswith("walking")), None)
    if walk is not None:
        lc.panel.current_key = walk.key
        it = lc.panel.item_for(walk.key)
        if it is not None:
            lc.panel.tree.setCurrentItem(it)
    settle(app, win)
    out = ROOT / "docs"
    win.grab().save(str(out / "screenshot-heatmap.png"))
    # findings: heat off, queue lines on, a finding clicked
    lc.overlay_actions["heat"].setChecked(False)
    lc.overlay_actions["queue"].setChecked(True)
    settle(app, win)
    pick = next((s for s in lc.shown if s.finding.severity.value == "error" and s.finding.geometry), None)
    if pick is None:
        pick = next((s for s in lc.shown if s.finding.geometry or s.finding.entity_ids), lc.shown[0])
    lc.panel.select_finding(pick.finding)
    settle(app, win)
    win.grab().save(str(out / "screenshot-findings.png"))
    print("shown:", [(s.finding.rule_id, s.finding.severity.value) for s in lc.shown][:30])
    print("picked:", pick.finding.rule_id, pick.finding.message_zh)
    win.force_dirty = False
    win.history.mark_clean()
    win.close()


if __name__ == "__main__":
    main()
