"""Live checking wired into the main window: the findings dock, the canvas layers, the status-bar
counts, the overlay switches and the worker's answers (polled on a timer while it is busy).

``install(win)`` adds it all to a :class:`~hallplan.gui.main_window.MainWindow` and returns the
:class:`LiveController`. The worker backend is chosen by ``HALLPLAN_LIVE_WORKER``: ``process``
(default: a child process), ``inline`` (same process, answered when polled; tests) or ``off``
(live checking switched off, as with the Check ▸ Live checking switch, which is remembered in the
settings: no rule engine is built until a re-check, an overlay or the switch asks for it; then the
light rules only, without a worker).
"""

from __future__ import annotations

import os
import time

from PyQt6.QtCore import QObject, QPointF, QRectF, QSize, Qt, QTimer
from PyQt6.QtGui import QAction, QColor, QFont, QFontMetrics, QLinearGradient, QPainter
from PyQt6.QtWidgets import QDockWidget, QMenu, QSizePolicy, QToolButton, QWidget

from hallplan.i18n import label, tr
from hallplan.model import Action, EntityKind
from hallplan.render.style import SEVERITY_COLOURS
from hallplan.rules.finding import Severity

from ..tools import shapes as S
from .checker import LiveChecker, Shown
from .layers import ACK_RGB, HEAT_RGB, HEAT_STOPS, FindingsItem, FocusItem, HeatItem, PrimsItem
from .panel import ICON, FindingsPanel, busy_bar, near
from .protocol import OVERLAYS, WORKER_OVERLAYS, Prim

POLL_MS = 15
START_MS = 120  # the checker starts after the window's own first updates (panels settle at 30–60 ms)
MIN_VIEW_M = 14.0  # zooming to a finding shows at least this much of the plan


def worker_mode() -> str:
    return os.environ.get("HALLPLAN_LIVE_WORKER", "process").lower()


def make_backend(mode: str | None = None):
    mode = (mode or worker_mode()).lower()
    if mode == "off":
        return None
    if mode == "inline":
        from .worker import InlineBackend

        return InlineBackend()
    from .process import ProcessBackend  # the analysis is imported by the child only

    try:
        return ProcessBackend()
    except Exception:  # noqa: BLE001 - no process possible: answer in-process
        from .worker import InlineBackend

        return InlineBackend()


SWATCH = {"access": (0, 140, 100), "separation": (200, 140, 60), "cctv": (0, 130, 200), "queue": (90, 90, 200),
          "heat2": (190, 20, 20)}
RAMP_W = 120


class Legend(QWidget):
    """What the visible overlays mean, on one line: the heat ramp with the limit mark, then a swatch
    and the summary numbers of each overlay. It sits in the strip under the canvas (beside the scale
    bar), outside the viewport, so panning stays a cheap scroll."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.lines: list[tuple[str, str]] = []  # (kind, text)
        self.heat: tuple[float, float | None] | None = None  # (vmax, limit)
        self._full_w = 10
        self.setFixedHeight(30)
        # as wide as its content when there is room, narrower (the last entries elided) when not:
        # a fixed width made the main window wider than the screen with every overlay on
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.hide()

    def sizeHint(self) -> QSize:
        return QSize(self._full_w, 30)

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self._full_w, RAMP_W + 40), 30)

    def _font(self) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(12)
        return f

    def set_content(self, lines, heat) -> None:
        self.lines, self.heat = lines, heat
        fm = QFontMetrics(self._font())
        w = 8
        for kind, text in lines:
            w += (RAMP_W + 10 if kind == "heat" and heat is not None else 18) + fm.horizontalAdvance(text) + 16
        self._full_w = max(w, 10)
        self.setToolTip("\n".join(text for _k, text in lines))
        self.updateGeometry()
        self.setVisible(bool(lines))
        self.update()

    def paintEvent(self, _ev) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        f = self._font()
        p.setFont(f)
        fm = p.fontMetrics()
        x, mid = 8.0, self.height() / 2
        for kind, text in self.lines:
            if kind == "heat" and self.heat is not None:
                vmax, limit = self.heat
                ref = limit or vmax or 1.0
                top = HEAT_STOPS[-1] * ref if limit else max(vmax, 1e-6)
                g = QLinearGradient(x, 0, x + RAMP_W, 0)
                for st, rgb in zip(HEAT_STOPS, HEAT_RGB, strict=True):
                    g.setColorAt(min(1.0, st * ref / max(top, 1e-6)), QColor(*(int(c) for c in rgb)))
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(g)
                p.drawRect(QRectF(x, mid - 9, RAMP_W, 8))
                f2 = QFont(f)
                f2.setPixelSize(9)
                p.setFont(f2)
                p.setPen(QColor(70, 70, 70))
                p.drawText(QPointF(x, mid + 10), "0")
                end = f"{top:.0f} m"
                p.drawText(QPointF(x + RAMP_W - p.fontMetrics().horizontalAdvance(end), mid + 10), end)
                if limit:
                    lx = x + RAMP_W * (limit / max(top, 1e-6))
                    p.setPen(QColor(190, 20, 20))
                    p.drawLine(QPointF(lx, mid - 11), QPointF(lx, mid + 1))
                    lt = f"{limit:g}"
                    p.drawText(QPointF(lx - p.fontMetrics().horizontalAdvance(lt) / 2, mid + 10), lt)
                p.setFont(f)
                x += RAMP_W + 10
            else:
                if x + 18 + fm.horizontalAdvance("…") > self.width():
                    break  # no room left (the tooltip lists everything)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(*SWATCH.get(kind, (90, 90, 90))))
                p.drawRoundedRect(QRectF(x, mid - 5, 10, 10), 2, 2)
                x += 18
            p.setPen(QColor(40, 40, 40))
            room = int(self.width() - x - 4)
            shown = text if fm.horizontalAdvance(text) <= room else fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
            p.drawText(QPointF(x, mid + fm.ascent() / 2 - 1), shown)
            x += fm.horizontalAdvance(text) + 16
            if shown != text:
                break
        p.end()


def _canvas_strip(win):
    """The editor's strip under the canvas (a QFrame named ``canvas_strip``), if it has one."""
    from PyQt6.QtWidgets import QFrame

    return win.findChild(QFrame, "canvas_strip")


class LiveController(QObject):
    def __init__(self, win, backend="auto", rules=None) -> None:
        super().__init__(win)
        self.win = win
        self.ed = win.editor
        self.scene = win.plan_scene
        self.canvas = win.canvas
        self._backend_arg, self._rules = backend, rules
        # Live checking switched off (HALLPLAN_LIVE_WORKER=off or the setting): no rule engine is
        # built at start (it imports every check); the first recheck, overlay or the switch does.
        self.checker: LiveChecker | None = None
        self._checker_offs: list = []
        self.focused: Shown | None = None
        self._outline_sig = None
        self._counts_key = None
        self.shown: list[Shown] = []
        self.last_update_ms = 0.0
        # overlay switches
        self.overlay_actions: dict[str, QAction] = {}
        for name in OVERLAYS:
            a = QAction(win)
            a.setCheckable(True)
            a.toggled.connect(lambda _on, n=name: self._overlays_toggled(n))
            self.overlay_actions[name] = a
        self.recheck_act = QAction(win)
        self.recheck_act.triggered.connect(self.recheck)
        self.enable_act = QAction(win)
        self.enable_act.setCheckable(True)
        self.enable_act.setChecked(self._wants_live())
        self.enable_act.toggled.connect(self.set_enabled)
        # canvas layers
        self.heat_item = HeatItem()
        self.prim_items: dict[str, PrimsItem] = {n: PrimsItem() for n in OVERLAYS}
        self.findings_item = FindingsItem()
        self.focus_item = FocusItem()
        for it in (self.heat_item, *self.prim_items.values(), self.findings_item, self.focus_item):
            self.scene.addItem(it)
        self.legend = Legend()
        strip = _canvas_strip(win)
        if strip is not None and strip.layout() is not None:
            strip.layout().addWidget(self.legend)
        else:  # no strip: over the canvas, top right
            self.legend.setParent(self.canvas)
            self.legend.move(12, 12)
        # panel and dock
        self.panel = FindingsPanel(self.overlay_actions)
        self.panel.name_of = self.entity_name
        self.panel.activated.connect(self.focus)
        self.panel.acknowledge.connect(self.acknowledge)
        self.panel.unacknowledge.connect(self.unacknowledge)
        self.dock = QDockWidget(win)
        self.dock.setObjectName("panel.findings")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        # a "problems" panel under the plan, like a CAD command line or an IDE's problem list
        win.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.dockLocationChanged.connect(self.panel.set_area)
        self.panel.set_area(Qt.DockWidgetArea.BottomDockWidgetArea)
        # status bar: counts (click → panel) and a progress indicator
        sb = win.statusBar()
        self.counts_btn = QToolButton()
        self.counts_btn.setAutoRaise(True)
        self.counts_btn.clicked.connect(self.show_panel)
        self.progress = busy_bar(60, 12)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.counts_btn)
        # menu
        mb = win.menuBar()
        self.menu = QMenu(mb)
        acts = mb.actions()
        if acts:  # before Help, which stays last
            mb.insertMenu(acts[-1], self.menu)
        else:
            mb.addMenu(self.menu)
        self.menu.addAction(self.enable_act)
        self.menu.addSeparator()
        for a in self.overlay_actions.values():
            self.menu.addAction(a)
        self.menu.addSeparator()
        self.menu.addAction(self.recheck_act)
        self.menu.addAction(self.dock.toggleViewAction())
        # reactions
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self._offs = [
            self.ed.floor_changed.connect(lambda _f: self._floor_changed()),
            self.ed.selection_changed.connect(lambda: self.panel.set_selection(self.ed.selection)),
            self.ed.preview_changed.connect(self._maybe_drop),
            win.history.subscribe(self._on_change),
        ]
        # Switched on: the checker is built on the first turn of the event loop, so the window shows
        # before the rule engine loads (≈1.5 s of imports), and a plan opened at start is checked once.
        self._pending = self.enable_act.isChecked()
        if self._pending:
            t = QTimer(self)  # a child: it goes with the controller if the window closes first
            t.setSingleShot(True)
            t.timeout.connect(self._deferred_start)
            t.start(START_MS)
        self.retranslate()
        self._floor_changed()

    def _wants_live(self) -> bool:
        return worker_mode() != "off" and getattr(getattr(self.win, "settings", None), "live_checking", True)

    def _deferred_start(self) -> None:
        if self._pending and self._offs:
            self._start_checker()
            self._floor_changed()

    def _start_checker(self) -> LiveChecker:
        """The checker (rule engine and worker), built on first need."""
        self._pending = False
        if self.checker is None:
            backend = self._backend_arg
            if backend == "auto":
                backend = make_backend() if self.enable_act.isChecked() else None
            self.checker = LiveChecker(self.win.history, backend, self._rules, is_dragging=self._dragging)
            self._checker_offs = [
                self.checker.changed.connect(self._checker_changed),
                self.checker.overlays_changed.connect(self._overlays_changed),
            ]
        return self.checker

    def _checker_changed(self) -> None:
        self._findings_changed()
        # the checker hears of an edit after this controller (it subscribed later) and only then
        # sends it to the worker: start polling for the answer now
        self._kick()

    def _stop_checker(self) -> None:
        for off in self._checker_offs:
            off()
        self._checker_offs = []
        self.timer.stop()
        if self.checker is not None:
            self.checker.close()
        self.checker = None

    def set_enabled(self, on: bool) -> None:
        """Live checking on (rules after every edit, the worker) or off (nothing runs; remembered)."""
        if self.enable_act.isChecked() != on:
            self.enable_act.setChecked(on)  # comes back here through toggled
            return
        self._pending = False
        st = getattr(self.win, "settings", None)
        if st is not None and hasattr(st, "live_checking"):
            st.live_checking = on
            st.save()
        if on and self.checker is not None and self.checker.backend is None and self._backend_arg == "auto" \
                and worker_mode() != "off":
            self._stop_checker()  # a light-only checker (built by a recheck): now with the worker
        if on:
            self._start_checker()
        elif self.checker is not None:
            self._stop_checker()
            self.focused = None
            self.focus_item.clear()
        self._floor_changed()

    def recheck(self) -> None:
        self._start_checker().recheck()
        self._floor_changed()

    # ------------------------------------------------------------------ plumbing
    def _dragging(self) -> bool:
        return self.canvas.buttons_down > 0 and self.ed.tool.busy

    def _maybe_drop(self) -> None:
        if self.checker is not None and self.checker.last_draft and not self._dragging():
            self.checker.drop()
            self._kick()

    def _kick(self) -> None:
        if self.checker is not None and self.checker.busy and not self.timer.isActive():
            self.timer.start()
        self._status()

    def poll(self) -> None:
        if self.checker is None:
            self.timer.stop()
            return
        be = self.checker.backend
        if be is not None and not be.alive:  # the worker died (killed, out of memory): start another
            self.checker.restart(make_backend())
        self.checker.poll()
        if not self.checker.busy:
            self.timer.stop()
        self._status()

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Block until the worker has answered everything (tests, screenshots)."""
        if self._pending:
            self._deferred_start()
        end = time.monotonic() + timeout
        while self.checker is not None and self.checker.busy and time.monotonic() < end:
            be = self.checker.backend
            for r in be.wait(0.05) if be is not None else ():
                self.checker.accept(r)
        self._status()
        return self.checker is None or not self.checker.busy

    def _on_change(self, ev) -> None:
        # the queue overlay follows the counters (and the rules' numbers, via plan settings): a drag of a
        # seat row or a zone does not redraw it
        t = ev.touched
        if self.overlay_actions["queue"].isChecked() and (
                ev.action == Action.RESET or t.plan_props or {EntityKind.WINDOW, EntityKind.FLOOR} & t.kinds):
            self._draw_queue()
        if self.focused is not None and ev.action == Action.RESET:
            self.focused = None
            self.focus_item.clear()
        self._kick()

    def _floor_changed(self) -> None:
        if self.checker is not None:
            self.checker.set_view(self.ed.floor_id, self._wanted())
        self._overlays_changed()
        self._findings_changed()
        self._kick()

    def _wanted(self) -> frozenset[str]:
        return frozenset(n for n in WORKER_OVERLAYS if self.overlay_actions[n].isChecked())

    def _overlays_toggled(self, name: str) -> None:
        if self.overlay_actions[name].isChecked():
            if name in WORKER_OVERLAYS and not self.enable_act.isChecked():
                self.enable_act.setChecked(True)  # an analysis overlay asked for: live checking on
            else:
                self._start_checker()  # the queue overlay needs the light rules only
        if self.checker is None:
            self._overlays_changed()
            return
        self.checker.set_view(self.ed.floor_id, self._wanted())
        if name == "queue":
            self._draw_queue()
        self._overlays_changed()
        self._kick()

    # ------------------------------------------------------------------ findings
    def _findings_changed(self) -> None:
        t = time.perf_counter()
        self.shown = self.checker.shown() if self.checker is not None else []
        self.panel.off = self.checker is None and not self._pending
        self.panel.pending = self._pending
        self._outlines()
        self.panel.set_findings(self.shown)
        if self.focused is not None:
            key = self.focused.key
            now = next((s for s in self.shown if s.key == key), None) or next(
                (s for s in self.shown if near(s.key, key)), None)
            if now is None:
                self.focused = None
                self.focus_item.clear()
            elif now.finding.geometry != self.focused.finding.geometry:
                self._highlight(now)  # the same finding, measured anew: follow its geometry
        self._status()
        self.last_update_ms = (time.perf_counter() - t) * 1e3

    def _outlines(self) -> None:
        f = self.ed.floor
        if f is None:
            self._outline_sig = None
            self.findings_item.set_outlines([])
            return
        worst: dict[str, tuple[int, bool, bool]] = {}  # id -> (rank, stale, acked)
        for s in self.shown:
            fd = s.finding
            if fd.floor_id and fd.floor_id != f.id:
                continue
            if fd.severity == Severity.INFO:
                continue  # notes, not offences: shown when picked in the panel, not outlined
            for eid in fd.entity_ids:
                r = (fd.severity.rank if s.ack is None else 3, s.stale, s.ack is not None)
                if eid not in worst or r < worst[eid]:
                    worst[eid] = r
        groups: dict[tuple, list] = {}
        for eid, (rank, stale, _acked) in worst.items():
            e = f.get(eid)
            if e is None:
                continue
            area = e.KIND == EntityKind.ZONE  # a whole zone: its outline only, not a tint over the plan
            groups.setdefault((rank, stale, area), []).extend(S.rings(e))
        sev = {0: Severity.ERROR, 1: Severity.WARNING, 2: Severity.INFO}
        out = []
        for (rank, stale, area) in sorted(groups, key=lambda k: (-k[0], not k[1], not k[2])):
            rgb = ACK_RGB if rank == 3 else SEVERITY_COLOURS[sev[rank].value]
            out.append((rgb, stale, groups[(rank, stale, area)], area))
        sig = (f.id, tuple((rgb, stale, tuple(rings), area) for rgb, stale, rings, area in out))
        if sig != self._outline_sig:  # unchanged outlines: no repaint (a drag would repaint big zones)
            self._outline_sig = sig
            self.findings_item.set_outlines(out)

    def _status(self) -> None:
        c = self.checker
        if c is None:
            self._status_off()
            return
        counts = c.counts(self.shown)
        acked = sum(1 for s in self.shown if s.ack is not None)
        e, w, i = counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO]
        key = (e, w, i, acked, tr("live.status.counts", e=e, w=w, i=i))
        if key != self._counts_key:  # a style sheet change re-polishes the widget: only when needed
            self._counts_key = key
            self.counts_btn.setText(key[-1])
            col = "#c62828" if e else ("#b26a00" if w else "#2e7d32")
            self.counts_btn.setStyleSheet(f"QToolButton{{color:{col};font-weight:bold;padding:0 6px}}")
            self.counts_btn.setToolTip(tr("live.status.counts.tip", e=e, w=w, i=i, a=acked))
        busy = c.busy
        if self.progress.isVisible() != busy:
            self.progress.setVisible(busy)
        parts = []
        if c.light.error:
            parts.append(tr("live.status.profile_error", error=c.light.error))
        if c.light_error:
            parts.append(tr("live.status.error", error=c.light_error))
        if c.backend is None:
            parts.append(tr("live.status.rules_off", light=len(c.light.applicable())))
        else:
            parts.append(tr("live.status.rules", light=len(c.light.applicable()), heavy=c.heavy_rules))
            if c.error:
                parts.append(tr("live.status.error", error=c.error.splitlines()[0]))
            elif busy and c.last_draft:
                parts.append(tr("live.status.draft"))
            elif not c.heavy_current:
                parts.append(tr("live.status.stale"))
            elif busy:
                parts.append(tr("live.status.checking"))
            else:
                ms = c.analysis_ms
                parts.append(tr("live.status.current") + " · " + tr("live.status.timing", ms=f"{ms:.0f}"))
        self.panel.set_status(" · ".join(parts), busy)
        dim = not c.overlays_current
        for it in (self.heat_item, *(self.prim_items[n] for n in WORKER_OVERLAYS)):
            if it.dim != dim:
                it.dim = dim
                it.update()

    def _status_off(self) -> None:
        if self._pending:  # starting (the next turn of the event loop)
            self.counts_btn.setText("…")
            self._counts_key = None
            self.panel.set_status(tr("live.status.checking"), False)
            return
        key = ("off", tr("live.status.switched_off.short"))
        if key != self._counts_key:
            self._counts_key = key
            self.counts_btn.setText(key[-1])
            self.counts_btn.setStyleSheet("QToolButton{color:#777;padding:0 6px}")
            self.counts_btn.setToolTip(tr("live.status.switched_off"))
        if self.progress.isVisible():
            self.progress.setVisible(False)
        self.panel.set_status(tr("live.status.switched_off"), False)

    # ------------------------------------------------------------------ overlays
    def _overlays_changed(self) -> None:
        c = self.checker
        if c is None:
            self.heat_item.set_heat(None)
            for n in WORKER_OVERLAYS:
                self.prim_items[n].set_prims(())
            self._legend()
            return
        wanted = self._wanted()
        heat = c.overlays.get("heat") if "heat" in wanted else None
        self.heat_item.set_heat(heat.heat if heat is not None else None)
        for n in WORKER_OVERLAYS:
            d = c.overlays.get(n) if n in wanted else None
            self.prim_items[n].set_prims(d.prims if d is not None else ())
        self._legend()

    def _draw_queue(self) -> None:
        from hallplan.rules.geo import queue_rect

        f = self.ed.floor
        prims = []
        if f is not None and self.overlay_actions["queue"].isChecked():
            line_d, depth = 1.0, 2.0
            for r in self._start_checker().light.applicable():
                if r.check == "queue_space":
                    line_d, depth = r.p.get("line_distance", 1.0), r.p.get("clear_depth", 2.0)
                    break
            import numpy as np

            for w in f.windows.values():
                prims.append(Prim("queue", "polygon", (np.asarray(queue_rect(w, depth)),)))
                prims.append(Prim("one_metre", "line", (np.asarray(w.front_line(line_d)),)))
        self.prim_items["queue"].set_prims(prims)
        self._legend()

    def _legend(self) -> None:
        c = self.checker
        lines, heat = [], None
        stale = "" if c is not None and c.overlays_current else tr("live.legend.stale")
        for n in OVERLAYS:
            if not self.overlay_actions[n].isChecked():
                continue
            d = c.overlays.get(n) if c is not None else None
            if n == "queue":
                lines.append(("queue", tr("live.legend.queue")))
                continue
            if d is None:
                lines.append((n, tr(f"live.overlay.{n}") + tr("live.legend.stale")))
                continue
            if n == "heat":
                h = d.heat
                worst = d.value("worst_m", d.value("max_m", 0.0)) or 0.0
                lines.append(("heat", tr("live.legend.heat") + stale))
                if h is not None:
                    heat = (h.vmax, h.limit)
                    sub = (tr("live.legend.heat_limit", limit=f"{h.limit:g}", worst=f"{worst:.1f}") if h.limit
                           else tr("live.legend.heat_nolimit", worst=f"{worst:.1f}"))
                    lines.append(("heat2", sub))
            elif n == "access":
                lines.append(("access", tr("live.legend.access", width=f"{d.value('width_m', 1.2):.2f}",
                                           missed=d.value("missed", 0)) + stale))
            elif n == "separation":
                lines.append(("separation", tr("live.legend.separation", leaks=d.value("leaks", 0)) + stale))
            elif n == "cctv":
                lines.append(("cctv", tr("live.legend.cctv", share=f"{d.value('share_pct', 0.0):.1f}",
                                         blind=f"{d.value('blind_m2', 0.0):.0f}") + stale))
        self.legend.set_content(lines, heat)

    # ------------------------------------------------------------------ focus and acknowledging
    def focus(self, s: Shown) -> None:
        """Show finding ``s`` on the plan: its floor, zoomed and centred, its geometry highlighted."""
        f = s.finding
        target = f.floor_id or self._floor_of(f.entity_ids)
        if target and target != self.ed.floor_id and any(x.id == target for x in self.ed.plan.floors):
            self.ed.set_floor(target)
        self._highlight(s)
        b = self.focus_item.plan_bounds()
        if b is None:
            return
        cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        w = max(b[2] - b[0], MIN_VIEW_M) * 1.3
        h = max(b[3] - b[1], MIN_VIEW_M * 0.6) * 1.3
        self.canvas.zoom_to((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
        self.canvas.centerOn(QPointF(cx, -cy))

    def _floor_of(self, ids) -> str:
        """A plan-wide finding (no floor) names entities: the floor holding them, the shown one
        first ("" when none is found)."""
        floors = sorted(self.ed.plan.floors, key=lambda fl: fl.id != self.ed.floor_id)
        return next((fl.id for fl in floors if any(fl.get(e) is not None for e in ids)), "")

    def _highlight(self, s: Shown) -> None:
        """Draw finding ``s``'s geometry (and the items it names) as the focused one."""
        f = s.finding
        floor = self.ed.floor
        rings = []
        if floor is not None:
            ents = [e for e in (floor.get(eid) for eid in f.entity_ids) if e is not None]
            if any(s_.floor_id in ("", floor.id) for s_ in f.geometry):
                ents = [e for e in ents if e.KIND != EntityKind.ZONE]  # the geometry says where; zones are too big
            for e in ents:
                rings.extend(S.rings(e))
        self.focused = s
        self.focus_item.set_focus(f.geometry, rings, SEVERITY_COLOURS[f.severity.value],
                                  floor.id if floor is not None else None, f.rule_id)

    def acknowledge(self, finding, reason: str) -> None:
        from dataclasses import replace

        cmd = replace(self._start_checker().acknowledge_command(finding, reason), label="live.cmd.acknowledge")
        self.ed.push(cmd)

    def unacknowledge(self, finding) -> None:
        from dataclasses import replace

        cmd = self._start_checker().unacknowledge_command(finding)
        if cmd is not None:
            self.ed.push(replace(cmd, label="live.cmd.unacknowledge"))

    def entity_name(self, eid: str) -> str:
        """How the panel names an entity: its name, else its kind (and a window's number)."""
        try:
            _, e = self.ed.plan.find(eid)
        except KeyError:
            return eid
        kind = getattr(e, "kind", None)
        text = getattr(e, "name", "") or (label(kind) if kind is not None else eid)
        number = getattr(e, "number", "")
        return f"{text} {number}".strip() if number and not getattr(e, "name", "") else text

    def show_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()

    # ------------------------------------------------------------------ window hooks
    def retranslate(self) -> None:
        self._counts_key = None
        self.dock.setWindowTitle(tr("live.panel.title"))
        self.menu.setTitle(tr("live.menu"))
        self.recheck_act.setText(tr("live.act.recheck"))
        self.enable_act.setText(tr("live.act.enable"))
        self.enable_act.setToolTip(tr("live.act.enable.tip"))
        self.dock.toggleViewAction().setText(tr("live.act.panel"))
        for n, a in self.overlay_actions.items():
            a.setText(tr(f"live.overlay.{n}"))
            a.setToolTip(tr(f"live.overlay.{n}.tip"))
        self.panel.retranslate()
        self._legend()
        self._status()

    def detach(self) -> None:
        for off in self._offs:
            off()
        self._offs = []
        self._stop_checker()


def install(win, backend="auto", rules=None) -> LiveController:
    """Add live checking to ``win`` (a MainWindow); it follows the window's language and closes
    the worker with the window (it registers itself among the window's panels)."""
    lc = LiveController(win, backend, rules)
    if hasattr(win, "panels"):
        win.panels.append(lc)
    return lc


__all__ = ["ICON", "LiveController", "install", "make_backend"]
