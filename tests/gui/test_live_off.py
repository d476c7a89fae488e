"""Live checking switched off builds no rule engine at start (issue 7 follow-up: start-up time)."""

from __future__ import annotations

import subprocess
import sys

from hallplan.i18n import tr


def test_off_builds_no_checker_until_asked(qtbot):
    from hallplan.gui.main_window import MainWindow

    w = MainWindow()  # conftest: HALLPLAN_LIVE_WORKER=off
    qtbot.addWidget(w)
    lc = w.live
    assert lc.checker is None and not lc.enable_act.isChecked()
    first = lc.panel.tree.topLevelItem(0).text(0)
    assert first == tr("live.empty.off")  # not "no problems": nothing was checked
    w.editor.set_tool("select")
    lc.recheck()  # asked for: light rules, no worker
    assert lc.checker is not None and lc.checker.backend is None
    assert lc.counts_btn.text() != ""
    lc.set_enabled(False)
    assert lc.checker is None and w.settings.live_checking is False
    lc.overlay_actions["queue"].setChecked(True)  # an overlay asked for starts checking
    assert lc.checker is not None
    assert not lc.enable_act.isChecked()
    lc.overlay_actions["heat"].setChecked(True)  # an analysis overlay switches live checking on
    assert lc.enable_act.isChecked() and lc.checker is not None
    w.close()


def test_setting_off_wins_over_worker(qtbot, monkeypatch):
    monkeypatch.setenv("HALLPLAN_LIVE_WORKER", "inline")
    from hallplan.gui.main_window import MainWindow
    from hallplan.gui.settings import Settings

    s = Settings()
    s.live_checking = False
    w = MainWindow(settings=s)
    qtbot.addWidget(w)
    assert w.live.checker is None
    w.live.set_enabled(True)
    assert w.live.checker is not None and w.live.checker.backend is not None
    assert Settings.load().live_checking is True
    w.close()


def test_editor_start_imports_no_report_dxf_or_rules():
    code = (
        "import os,sys;os.environ['QT_QPA_PLATFORM']='offscreen';os.environ['HALLPLAN_LIVE_WORKER']='off';"
        "from hallplan.gui.app import create_app;app=create_app([]);"
        "from hallplan.gui.main_window import MainWindow;w=MainWindow();"
        "print(sorted(m for m in ('reportlab','ezdxf','scipy','hallplan.rules.checks_routes') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_check_menu_sits_before_help_with_a_mnemonic(qtbot):
    from hallplan.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles[-1] == tr("menu.help") and titles[-2] == tr("live.menu") and "&" in titles[-2]
    w.close()


def test_switched_on_the_checker_is_built_after_the_window_shows(qtbot, monkeypatch):
    monkeypatch.setenv("HALLPLAN_LIVE_WORKER", "inline")
    from hallplan.gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    assert w.live.checker is None and w.live._pending  # the rule engine loads on the next loop turn
    assert w.live.panel.tree.topLevelItem(0).text(0) == tr("live.status.checking")  # not "no problems" yet
    qtbot.waitUntil(lambda: w.live.checker is not None, timeout=30000)
    assert w.live.wait_idle() and w.live.counts_btn.text() != tr("live.status.switched_off.short")
    w.close()


def test_the_worker_process_is_started_without_importing_the_analysis():
    code = ("import sys; from hallplan.gui.live.process import ProcessBackend; "
            "print(sorted(m for m in ('hallplan.gui.live.worker', 'scipy', 'hallplan.geometry.clearwidth') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
