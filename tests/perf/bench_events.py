"""Benchmark (not a test): from another client's change to the painted row, and GUI-thread stalls.

One process, the real Application on test:///default. A second connection to test:///default
plays "another client" (test:///default connections of one process share their state): it first
defines N domains, then the app opens the host, then the client starts, stops and defines domains
at R events per second for S seconds from its own thread.

  load     start() to the first paint with the inventory's rows (the app's own `first paint` log
           line), the longest GUI-thread stall meanwhile, RSS after it.
  events   per event: from the libvirt call's return to the end of the first tree paint that shows
           the row in its new state (started, stopped, or the new row of a define); p50/p95/max,
           events never painted, and the longest GUI-thread stall during the run.

A stall is the longest gap between two ticks of a 5 ms QTimer on the GUI thread. The event
domains sort first (a-evt-*, a-new-*), so their rows are on screen. Qt runs offscreen.

Usage: python tests/perf/bench_events.py [N] [--rate R] [--seconds S]
"""

import argparse
import logging
import os
import queue
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

URI = "test:///default"
EVENT_DOMAINS = 24  # toggled by start/stop: each one about every 0.4 s at 100 events/s
HEARTBEAT_MS = 5
KINDS = ("start", "stop", "define")

DOMAIN = """<domain type='test'><name>{name}</name><memory>1048576</memory><vcpu>2</vcpu>
<os><type arch='x86_64'>hvm</type></os><devices><interface type='network'>
<source network='default'/><mac address='52:54:{a:02x}:{b:02x}:{c:02x}:01'/></interface>
</devices></domain>"""


def domain_xml(name: str, number: int) -> str:
    return DOMAIN.format(name=name, a=(number >> 16) & 0xFF, b=(number >> 8) & 0xFF,
                         c=number & 0xFF)


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


@dataclass
class Change:
    """One change made by the other client, waiting to be seen painted."""
    kind: str  # start, stop or define
    uuid: str
    state: int  # the DomainState the row must show
    done: float  # perf_counter when the libvirt call returned
    in_model: float = 0.0  # perf_counter when the model first had it (seen by the heartbeat)


class Heartbeat:
    """Longest gap between ticks of a GUI-thread timer: how long the GUI could not run."""

    def __init__(self, on_tick: Callable[[], None]) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.timeout.connect(on_tick)
        self.last = 0.0
        self.worst = 0.0

    def restart(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now


def populate(count: int) -> object:
    """The other client: N domains on test:///default, all running but the event ones."""
    import libvirt

    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    client = libvirt.open(URI)
    for i in range(EVENT_DOMAINS):
        dom = client.defineXML(domain_xml(f"a-evt-{i:02d}", 0x10000 + i))
        if i % 2 == 0:
            dom.create()
    for i in range(count - EVENT_DOMAINS):
        client.defineXML(domain_xml(f"vm{i:05d}", i)).create()
    return client


def drive(client: object, rate: float, seconds: float, mix: list[str],
          changes: "queue.Queue[Change]") -> None:
    """Start, stop and define domains at `rate` per second (runs on its own thread)."""
    import libvirt

    assert isinstance(client, libvirt.virConnect)
    running = [f"a-evt-{i:02d}" for i in range(0, EVENT_DOMAINS, 2)]
    stopped = [f"a-evt-{i:02d}" for i in range(1, EVENT_DOMAINS, 2)]
    start = time.perf_counter()
    for k in range(int(rate * seconds)):
        delay = start + k / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        kind = mix[k % len(mix)]
        if kind == "start":  # start the domain stopped longest ago
            name = stopped.pop(0)
            dom = client.lookupByName(name)
            dom.create()
            running.append(name)
            state, what = 1, "start"
        elif kind == "stop":  # stop the domain started longest ago
            name = running.pop(0)
            dom = client.lookupByName(name)
            dom.destroy()
            stopped.append(name)
            state, what = 5, "stop"
        else:  # define: names count down, so each new row sorts first among a-new-*
            dom = client.defineXML(domain_xml(f"a-new-{99999 - k:05d}", 0x20000 + k))
            state, what = 5, "define"
        changes.put(Change(what, dom.UUIDString(), state, time.perf_counter()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", nargs="?", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--mix", default="start,stop,define",
                        help="the kinds of change made in turn (default: all three)")
    args = parser.parse_args()
    mix = args.mix.split(",")
    assert mix and set(mix) <= set(KINDS), f"--mix takes {','.join(KINDS)}"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_NO_GLIB"] = "1"  # as kvmgui.ui.app.run: libvirt's loop off the GUI thread
    from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    qapp = QApplication(sys.argv[:1])
    settings_dir = tempfile.TemporaryDirectory(prefix="kvmgui-bench-events-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir.name)
    from kvmgui.core.snapshots import DomainInfo
    from kvmgui.ui.app import Application
    from kvmgui.ui.first_paint import FirstPaintLog
    from kvmgui.ui.roles import Category, Role

    t0 = time.perf_counter()
    client = populate(args.count)
    print(f"other client defined {args.count} domains in {time.perf_counter() - t0:.1f} s",
          flush=True)
    app = Application([URI], keep_layout=False)
    app.window.show()
    heartbeat = Heartbeat(lambda: note_arrivals() if watching else None)
    first_paint: list[float] = []

    class FirstPaintTime(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.getMessage().startswith("first paint:"):
                first_paint.append(time.perf_counter())

    logging.getLogger("kvmgui.app").addHandler(FirstPaintTime())
    logging.getLogger("kvmgui.app").setLevel(logging.INFO)
    FirstPaintLog(app.window.tree, app.model, [URI])
    changes: queue.Queue[Change] = queue.Queue()
    pending: list[Change] = []
    painted: list[tuple[str, float, float]] = []  # (kind, call → in the model, call → painted)
    tree, model = app.window.tree, app.model

    def arrived(change: Change) -> bool:
        """The model holds the change (the row exists with the new state)."""
        index = model.find(URI, Category.DOMAINS, change.uuid)
        info = index.data(Role.SNAPSHOT) if index.isValid() else None
        return isinstance(info, DomainInfo) and int(info.state) == change.state

    def last_row_on_screen() -> int:
        """Row number (among the domains) of the lowest domain row on screen; the tree is never
        scrolled and the event domains sort first, so a change is on screen up to it."""
        viewport = tree.viewport()
        bottom = app.window.source_index(tree.indexAt(QPoint(5, viewport.height() - 2)))
        return bottom.row() if bottom.isValid() else 1 << 30

    def on_screen(change: Change, last_row: int) -> bool:
        return model.find(URI, Category.DOMAINS, change.uuid).row() <= last_row

    def note_arrivals() -> None:
        while not changes.empty():
            pending.append(changes.get())
        now = time.perf_counter()
        for change in pending:
            if not change.in_model and arrived(change):
                change.in_model = now

    class PaintWatch(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                note_arrivals()  # what this paint can show
                last_row = last_row_on_screen()
                seen = [c for c in pending if c.in_model and on_screen(c, last_row)]
                if seen:
                    for change in seen:
                        pending.remove(change)
                    # Timed on the next turn of the event loop: after this paint is done.
                    QTimer.singleShot(0, lambda s=seen: painted.extend(
                        (c.kind, c.in_model - c.done, time.perf_counter() - c.done) for c in s))
            return False

    watch = PaintWatch()
    report: dict[str, float] = {}
    watching = False

    def loaded() -> None:
        if not first_paint:
            QTimer.singleShot(20, loaded)
            return
        report["load_stall"] = heartbeat.worst
        report["first_paint"] = first_paint[0] - report["start"]
        report["rss"] = rss_mib()
        QTimer.singleShot(1000, run_events)

    def run_events() -> None:
        nonlocal watching
        watching = True
        tree.viewport().installEventFilter(watch)
        heartbeat.restart()
        driver = threading.Thread(target=drive, name="other client", daemon=True,
                                  args=(client, args.rate, args.seconds, mix, changes))
        driver.start()
        QTimer.singleShot(int(args.seconds * 1000) + 2000, finish)

    def finish() -> None:
        report["events_stall"] = heartbeat.worst
        app.shutdown()
        qapp.quit()

    app.when_settled(loaded)
    report["start"] = time.perf_counter()
    heartbeat.restart()
    app.start()
    qapp.exec()
    print("| domains | first paint (s) | longest GUI stall while loading (ms) | RSS (MiB) |")
    print("|---:|---:|---:|---:|")
    print(f"| {args.count} | {report['first_paint']:.2f} | {1000 * report['load_stall']:.0f} | "
          f"{report['rss']:.0f} |")
    print()
    print("| events | sent | painted | in the model p50 / p95 (ms) | painted p50 (ms) | "
          "painted p95 (ms) | painted max (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    total = int(args.rate * args.seconds)
    for kind, sent in (("all", total), *((k, total * mix.count(k) // len(mix)) for k in KINDS)):
        rows = [(m, p) for k, m, p in painted if kind in ("all", k)]
        to_model, to_paint = [m for m, _p in rows], [p for _m, p in rows]
        if not rows:
            continue
        print(f"| {kind} | {sent} | {len(rows)} | {1000 * statistics.median(to_model):.1f} / "
              f"{1000 * percentile(to_model, 0.95):.1f} | "
              f"{1000 * statistics.median(to_paint):.1f} | "
              f"{1000 * percentile(to_paint, 0.95):.1f} | {1000 * max(to_paint):.1f} |")
    print(f"\nlongest GUI-thread stall during the events: {1000 * report['events_stall']:.0f} ms "
          f"({args.rate:g} events/s for {args.seconds:g} s)", flush=True)

if __name__ == "__main__":
    main()
