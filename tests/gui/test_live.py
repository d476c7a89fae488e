"""Live checking in the editor (issue 7): findings follow the plan while it is edited.

The Qt tests run the heavy checks in-process (``HALLPLAN_LIVE_WORKER=inline``: the worker's core,
answered when polled) so they are quick and deterministic; one test starts the real worker process.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PyQt6.QtCore import QPoint, Qt
from PyQt6.QtTest import QTest

from hallplan.gui.live.checker import LiveChecker
from hallplan.gui.live.panel import passes
from hallplan.gui.live.protocol import Job
from hallplan.gui.live.worker import InlineBackend, WorkerCore
from hallplan.i18n import catalog
from hallplan.model import History, ServiceWindow, SetPlanProperties, WindowKind, edits
from hallplan.model.kinds import HallLevel
from tests.rules.bases import route

LIVE = Path(__file__).resolve().parents[2] / "hallplan" / "gui" / "live"
COUNTER = "win-x"
DOOR = (28.5, 13.2)  # inside the complaint room's only door (route(): room 27–30 × 12–15)
BLOCKED = "YZ.evacuation-routes-clear"


def hall():
    """The route test hall plus a 2.6 m counter standing free in the waiting area."""
    p = route()
    p.floors[0].windows[COUNTER] = ServiceWindow(COUNTER, "9", WindowKind.UNIVERSAL, 12.0, 6.5, 0.0, length=2.6, depth=0.8)
    return p


def blocked(shown):
    return [s for s in shown if s.finding.rule_id == BLOCKED and COUNTER in s.finding.entity_ids]


@pytest.fixture
def win(qtbot, monkeypatch):
    monkeypatch.setenv("HALLPLAN_LIVE_WORKER", "inline")
    from hallplan.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.set_plan(hall(), None)
    sn = w.editor.snapper.settings
    sn.grid_on = sn.objects_on = False
    w.canvas.zoom_to((-1, -1, 31, 21))
    assert w.live.wait_idle()
    return w


def vp(w, x, y) -> QPoint:
    return w.canvas.view_point(x, y)


def test_drag_a_counter_into_the_only_way_out_then_undo(win, qtbot):
    w, lc = win, win.live
    assert lc.checker.heavy_current and not blocked(lc.shown)
    vpw = w.canvas.viewport()
    p0 = vp(w, 12.0, 6.5)
    p1 = vp(w, *DOOR)
    QTest.mouseMove(vpw, p0)
    QTest.mousePress(vpw, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0)
    drafts = []
    for k in range(1, 21):
        QTest.mouseMove(vpw, p0 + (p1 - p0) * (k / 20))
        drafts.append(lc.checker.last_draft)
    assert w.editor.entity(COUNTER).x > 20, (w.editor.tool.name, w.editor.selection)
    assert all(drafts[2:]), drafts  # positions of a drag go out as drafts
    assert lc.checker.busy
    QTest.mouseRelease(vpw, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p1)
    moved = w.editor.entity(COUNTER)
    assert (moved.x, moved.y) == pytest.approx(DOOR, abs=0.5), (moved.x, moved.y)  # counters may snap to walls
    assert not lc.checker.last_draft  # the drop asked for the exact analysis
    assert lc.wait_idle()
    qtbot.wait(1)
    hits = blocked(lc.shown)
    assert hits, ("the closed-in room is reported", (moved.x, moved.y), [(s.finding.rule_id, s.finding.entity_ids) for s in lc.shown if s.heavy])
    s = hits[0]
    assert not s.stale and not s.draft and s.finding.severity.value == "error"
    # the counter is outlined in the error colour on the canvas
    outline = lc.findings_item
    errors = [layer for layer in outline._layers if layer[0] == (220, 40, 40) and layer[1] == 1.0 and not layer[3]]
    assert errors and errors[0][2].contains(w.canvas.mapToScene(p1).toPoint().toPointF())
    assert "✖" in lc.counts_btn.text() and not lc.counts_btn.text().startswith("✖ 0")
    # the panel lists it under errors with its clause; the selection filter shows it too
    assert lc.panel.item_for(s.key) is not None
    # undo: the counter goes back and the finding disappears
    w.editor.undo()
    assert lc.wait_idle()
    assert not blocked(lc.shown)
    assert w.editor.entity(COUNTER).x == pytest.approx(12.0)


def test_after_an_undo_the_answer_comes_in_by_itself(win, qtbot):
    # the controller hears of an edit before the checker sends it to the worker: the poll timer must
    # still start, or the findings stay dimmed (stale) until the next mouse move (the live bench hung
    # on it after its undo)
    w, lc = win, win.live
    w.editor.select([COUNTER])
    assert w.editor.nudge(1.0, 0.0)
    qtbot.waitUntil(lambda: not lc.checker.busy and lc.checker.heavy_current, timeout=15000)
    w.editor.undo()
    assert lc.checker.busy and lc.timer.isActive()
    qtbot.waitUntil(lambda: not lc.checker.busy and lc.checker.heavy_current, timeout=15000)


def test_click_a_finding_centres_the_view_on_it_and_highlights_it(win, qtbot):
    w, lc = win, win.live
    w.editor.push(edits.move(w.plan, [COUNTER], DOOR[0] - 12.0, DOOR[1] - 6.5))
    assert lc.wait_idle()
    s = blocked(lc.shown)[0]
    w.editor.clear_selection()
    w.canvas.zoom_to((-20, -20, 80, 60))  # far away
    it = lc.panel.item_for(s.key)
    tree = lc.panel.tree
    tree.scrollToItem(it)
    rect = tree.visualItemRect(it)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert lc.focused is not None and lc.focused.key == s.key
    assert not lc.focus_item.empty and lc.focus_item.isVisible()
    # the view is centred on the finding's geometry (the closed-in part of the room, 27–30 × 13–15)
    c = w.canvas.mapToScene(w.canvas.viewport().rect().center())
    assert 26.0 < c.x() < 31.0 and 12.0 < -c.y() < 16.0
    assert w.canvas.px_per_m > 15  # zoomed in
    assert "「" in lc.panel.detail.toPlainText()  # the quoted clause


def test_a_plan_wide_finding_about_counters_upstairs_goes_to_their_floor(win):
    """A finding without a floor (e.g. JZ.queue-wait) naming windows on floor 2 did nothing when
    clicked on floor 1."""
    from hallplan.gui.live.checker import Shown
    from hallplan.rules.finding import Citation, Finding, Severity

    w, lc = win, win.live
    ground = w.editor.floor_id
    assert w.editor.add_floor()
    up = w.editor.floor_id
    w.editor.push(edits.add(w.plan, up, ServiceWindow("win-up", "20", WindowKind.UNIVERSAL, 5.0, 5.0, 0.0)))
    w.editor.set_floor(ground)
    f = Finding("JZ.test", "r", Severity.WARNING, "窗口不足", "too few", Citation("JZ", "t", "t", "1", "c"),
                entity_ids=("win-up",))
    w.canvas.zoom_to((-50, -50, 150, 100))
    lc.focus(Shown(f))
    assert w.editor.floor_id == up
    assert not lc.focus_item.empty and w.canvas.px_per_m > 15


def test_acknowledge_with_a_reason_is_a_command_kept_in_the_plan(win):
    w, lc = win, win.live
    w.editor.push(edits.move(w.plan, [COUNTER], DOOR[0] - 12.0, DOOR[1] - 6.5))
    assert lc.wait_idle()
    s = blocked(lc.shown)[0]
    before = lc.checker.counts(lc.shown)
    lc.panel.select_finding(s.finding)
    lc.panel.ask_reason = lambda _s: "临时布置,开放前移走"
    lc.panel.ack_btn.click()
    acks = w.plan.acknowledgements
    assert len(acks) == 1 and acks[0].rule_id == BLOCKED and acks[0].reason == "临时布置,开放前移走"
    now = [x for x in lc.shown if x.key == s.key][0]
    assert now.ack is not None
    assert lc.checker.counts(lc.shown)[s.finding.severity] == before[s.finding.severity] - 1
    assert "临时布置" in lc.panel.detail.toPlainText()
    w.editor.undo()
    assert w.plan.acknowledgements == ()


def test_selecting_an_entity_lists_its_findings_and_english_follows(win):
    w, lc = win, win.live
    w.editor.push(edits.move(w.plan, [COUNTER], DOOR[0] - 12.0, DOOR[1] - 6.5))
    assert lc.wait_idle()
    w.editor.select([COUNTER])
    vis = lc.panel.visible()
    assert vis and all(COUNTER in s.finding.entity_ids for s in vis)
    assert lc.panel.banner.isVisible()
    w.editor.clear_selection()
    assert len(lc.panel.visible()) == len([s for s in lc.shown if s.ack is None or lc.panel.show_acked.isChecked()])
    w.set_language("en")
    assert lc.panel.tree.headerItem().text(0) == "Rule" and lc.dock.windowTitle() == "Findings"
    top = lc.panel.tree.topLevelItem(0).text(0)
    assert "Errors" in top or "Warnings" in top or "Info" in top


def test_profile_and_level_change_the_active_rules_at_once(win):
    w, lc = win, win.live
    light_all = len(lc.checker.light.applicable())
    assert any(s.finding.rule_id.startswith("BJ.") for s in lc.shown)
    w.editor.push(SetPlanProperties.of(w.plan, profile="luohu"))
    # light rules re-selected synchronously, before any worker answer
    assert len(lc.checker.light.applicable()) < light_all
    assert not any(s.finding.rule_id.startswith(("BJ.", "YZ.", "JZ.", "LA.")) for s in lc.shown)
    assert lc.wait_idle()
    assert not any(s.finding.rule_id.startswith(("BJ.", "YZ.", "JZ.", "LA.")) for s in lc.shown)
    n = len(lc.checker.light.applicable())
    w.editor.push(SetPlanProperties.of(w.plan, level=HallLevel.VILLAGE))
    assert len(lc.checker.light.applicable()) != n


def test_overlays_arrive_for_the_shown_floor(win):
    lc = win.live
    for n in ("heat", "access", "separation", "cctv", "queue"):
        lc.overlay_actions[n].setChecked(True)
    assert lc.wait_idle()
    assert set(lc.checker.overlays) == {"heat", "access", "separation", "cctv"}
    assert not lc.heat_item.boundingRect().isEmpty()
    assert lc.legend.isVisible() and lc.legend.heat is not None
    # the legend sits in the strip under the canvas, never over the viewport (pans stay cheap scrolls)
    assert not win.canvas.isAncestorOf(lc.legend) and lc.legend.parent().objectName() == "canvas_strip"
    assert lc.prim_items["queue"]._paths  # one-metre lines drawn from the plan
    heat = lc.checker.overlays["heat"]
    assert heat.heat.limit and heat.value("worst_m") > 0
    lc.overlay_actions["heat"].setChecked(False)
    assert lc.heat_item.boundingRect().isEmpty()


def test_every_overlay_on_in_english_still_fits_a_1366_screen(win):
    """The legend had a fixed width and the findings status line set the dock's minimum: with every
    overlay on, in English, the window could not be narrower than 2,385 px."""
    from hallplan.i18n import set_language

    w, lc = win, win.live
    try:
        w.set_language("en")
        for n in ("heat", "access", "separation", "cctv", "queue"):
            lc.overlay_actions[n].setChecked(True)
        assert lc.wait_idle()
        assert lc.legend.sizeHint().width() > 600  # the whole legend when there is room
        assert w.minimumSizeHint().width() <= 1366
        assert lc.legend.minimumSizeHint().width() < 200 and lc.panel.status.minimumSizeHint().width() < 100
    finally:
        set_language("zh")


# --- Qt-free bookkeeping ------------------------------------------------------------------------
def test_old_answers_are_stale_and_other_sessions_are_dropped():
    h = History(hall())
    be = InlineBackend()
    lc = LiveChecker(h, be)
    lc.poll()
    assert lc.heavy_current and not lc.busy
    h.push(edits.move(h.plan, [COUNTER], DOOR[0] - 12.0, DOOR[1] - 6.5))
    # the answer for the state before the edit is still shown, but as stale
    assert not lc.heavy_current and lc.busy
    assert all(s.stale for s in lc.shown() if s.heavy)
    # a result of an earlier session (a plan opened since) is ignored
    old = lc.last_result
    assert lc.accept(type(old)("other", 99, h.revision, "ok", findings=())) == 0
    lc.poll()
    assert lc.heavy_current and blocked(lc.shown())
    assert not any(s.stale for s in lc.shown())
    lc.close()


def test_the_worker_folds_queued_jobs_and_resyncs_when_out_of_step():
    h = History(hall())
    be = InlineBackend()
    lc = LiveChecker(h, be)
    for _ in range(5):
        h.push(edits.move(h.plan, [COUNTER], 0.2, 0.0), merge=True)
    n = lc.poll()
    assert n == 1 and lc.last_result.skipped == 5 and lc.heavy_current  # plan + 5 moves: one analysis
    core = WorkerCore()
    r = core.handle(Job("s", 1, base=3, target=4, ops=()))
    assert r.status == "resync"
    lc.close()


def test_overlays_are_redrawn_only_when_what_they_show_changed():
    core = WorkerCore()
    plan = hall()
    r = core.handle(Job("s", 1, 0, 1, plan=plan.copy(), floor_id="f1", overlays=frozenset({"heat"})))
    assert set(r.overlays) == {"heat"}
    mine = plan.copy()

    def do(seq, cmd):
        cmd.apply(mine)
        return core.handle(Job("s", seq, seq - 1, seq, ops=(("do", cmd),), floor_id="f1", overlays=frozenset({"heat"})))

    r = do(2, SetPlanProperties.of(mine, notes="开放前再核对"))
    assert r.overlays == {} and r.valid_overlays == {"heat"}  # the editor keeps what it has
    r = do(3, SetPlanProperties.of(mine, sprinklers=not mine.sprinklers))  # the limit changes
    assert set(r.overlays) == {"heat"}
    r = do(4, edits.move(mine, [COUNTER], 0.3, 0.0))
    assert set(r.overlays) == {"heat"}


def test_overlays_come_back_after_switching_them_off_or_changing_floors():
    h = History(hall())
    lc = LiveChecker(h, InlineBackend(lazy=False))
    lc.set_view("f1", {"heat"})
    lc.poll()
    assert set(lc.overlays) == {"heat"}
    lc.set_view("f1", set())
    lc.poll()
    assert lc.overlays == {}
    lc.set_view("f1", {"heat"})
    lc.poll()
    assert set(lc.overlays) == {"heat"}
    lc.set_view(None, {"heat"})  # no floor shown
    lc.poll()
    lc.set_view("f1", {"heat"})
    lc.poll()
    assert set(lc.overlays) == {"heat"} and lc.overlays_current
    lc.close()


def test_a_new_worker_takes_over_with_the_whole_plan():
    h = History(hall())
    lc = LiveChecker(h, InlineBackend())
    h.push(edits.move(h.plan, [COUNTER], 0.5, 0.0))
    lc.restart(InlineBackend())  # what the editor does when the worker process died
    assert lc.busy
    lc.poll()
    assert lc.heavy_current and not lc.busy
    lc.close()


def test_drafts_are_replaced_by_the_exact_analysis_on_drop():
    h = History(hall())
    dragging = [True]
    lc = LiveChecker(h, InlineBackend(), is_dragging=lambda: dragging[0])
    h.push(edits.move(h.plan, [COUNTER], DOOR[0] - 12.0, DOOR[1] - 6.5), merge=True)
    lc.poll()
    assert lc.heavy_draft and lc.heavy_current
    dragging[0] = False
    lc.drop()
    lc.poll()
    assert not lc.heavy_draft and lc.heavy_current and blocked(lc.shown())
    lc.close()


def test_the_worker_process_answers():
    from hallplan.gui.live.worker import ProcessBackend

    h = History(hall())
    be = ProcessBackend()
    try:
        lc = LiveChecker(h, be)
        end = 60.0
        while lc.busy and end > 0:
            for r in be.wait(0.5):
                lc.accept(r)
            end -= 0.5
        assert lc.heavy_current and lc.heavy_rules > 0
        assert be.alive
    finally:
        be.close()
    assert not be.alive


def test_a_failing_light_check_never_breaks_an_edit(monkeypatch):
    h = History(hall())
    lc = LiveChecker(h, None)

    def boom(*_a, **_k):
        raise RuntimeError("check bug")

    monkeypatch.setattr(lc.light, "handle", boom)
    h.push(edits.move(h.plan, [COUNTER], 0.5, 0.0))  # no exception reaches the editor
    assert "check bug" in lc.light_error and lc.light_findings
    h.push(edits.move(h.plan, [COUNTER], 0.5, 0.0))
    assert lc.light_error == ""
    lc.close()


def test_filter_and_search():
    h = History(hall())
    lc = LiveChecker(h, None)
    shown = lc.shown()
    assert shown
    f = shown[0].finding
    assert passes(shown[0], "all", f.rule_id.lower(), None, True, "zh")
    assert not passes(shown[0], "all", "no-such-words-anywhere", None, True, "zh")
    assert passes(shown[0], "all", f.citation.clause[:4], None, True, "zh")
    errs = [s for s in shown if passes(s, "error", "", None, True, "zh")]
    assert all(s.finding.severity.value == "error" for s in errs)
    lc.close()


def test_live_strings_are_in_the_catalogue_in_both_languages():
    cat = catalog()
    own = json.loads((Path(__file__).resolve().parents[2] / "hallplan/i18n/catalog/live.json").read_text(encoding="utf-8"))
    assert all(v["zh"] and v["en"] for v in own.values())
    used = set()
    for p in LIVE.glob("*.py"):
        used |= set(re.findall(r"""["'](live\.[a-z_.0-9]+)["']""", p.read_text(encoding="utf-8")))
    dynamic = {k for k in used if k.endswith(".")}
    missing = sorted(k for k in used - dynamic if k not in cat)
    assert not missing, missing


def test_the_queue_overlay_follows_the_counters_only(win, monkeypatch):
    lc = win.live
    lc.overlay_actions["queue"].setChecked(True)
    drawn = []
    real = lc._draw_queue
    monkeypatch.setattr(lc, "_draw_queue", lambda: (drawn.append(1), real()))
    before = list(lc.prim_items["queue"]._paths)
    win.editor.push(edits.move(win.plan, [COUNTER], 1.0, 0.0))
    assert drawn and lc.prim_items["queue"]._paths != before  # a moved counter moves its queue space
    drawn.clear()
    other = next(i for i in win.plan.floors[0].furniture)  # a seat row or device: no counter touched
    win.editor.push(edits.move(win.plan, [other], 0.5, 0.0))
    assert not drawn
