"""Benchmark (not a test): key typed -> echo painted on the serial console of a real guest.

Starts (or joins) the integration tier's libvirtd, boots the tiny guest of
tests/integration/tiny_guest_helpers.py, opens the real SerialConsolePage on a qemu:///system
Connection (Qt offscreen, QT_NO_GLIB=1 as in the app) and types at the guest's shell. For each
key it measures, from the key event posted to the terminal:

    data     the echoed byte arrives on the GUI thread (libvirt stream + guest + event loop)
    painted  the terminal's paint event that shows it begins

Needs root (the tier's daemon) and the Debian archive the first time (the guest's kernel).
Usage: python tests/perf/bench_serial.py [--keys N] [--screenshot PATH]
Prints a Markdown table (milliseconds).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_NO_GLIB"] = "1"
sys.path.insert(0, str(Path(__file__).parents[1] / "integration"))

import libvirt  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication, QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from daemon_helpers import URI, TierDaemon  # noqa: E402
from object_helpers import connection, owned_name, remove_domain  # noqa: E402
from tiny_guest_helpers import BANNER, tiny_guest_files, tiny_guest_xml  # noqa: E402

WORDS = "echo kvmgui serial console latency benchmark".split()


class PaintClock(QObject):
    """Calls `check()` at each paint of the terminal; quits `loop` once it returns True."""

    def __init__(self) -> None:
        super().__init__()
        self.loop = QEventLoop()
        self.check = lambda: False
        self.painted_at = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.check():
            self.painted_at = time.perf_counter()
            QTimer.singleShot(0, self.loop.quit)
        return False

    def wait(self, check: object, timeout_s: float) -> bool:
        self.check = check  # type: ignore[assignment]
        self.painted_at = 0.0
        QTimer.singleShot(int(timeout_s * 1000), self.loop.quit)
        self.loop.exec()
        return self.painted_at > 0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def flood(qapp: QApplication, page: object, pump_until: object, lines: int = 50000) -> None:
    """`seq 1 N` on the guest: time until its last line is painted, and the longest time
    the GUI thread did not get to run a 10 ms timer meanwhile."""
    terminal = page.terminal  # type: ignore[attr-defined]
    last = f"{lines}"
    gaps: list[float] = []
    tick = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - tick[0])
        tick[0] = now

    timer = QTimer()
    timer.timeout.connect(beat)
    timer.start(10)
    chunks = [0]
    page.stream.data.connect(lambda _d: chunks.__setitem__(0, chunks[0] + 1))  # type: ignore[attr-defined]
    terminal.paste_text(f"seq 1 {lines}\n")
    start, gui_cpu = time.perf_counter(), time.thread_time()
    shown = lambda: any(line.rstrip() == last  # noqa: E731
                        for line in terminal.emulator.display)
    pump_until(shown, 300)  # type: ignore[operator]
    elapsed = time.perf_counter() - start
    gui_cpu = time.thread_time() - gui_cpu
    timer.stop()
    size = sum(len(str(i)) + 2 for i in range(1, lines + 1))
    print(f"\nflood: seq 1 {lines} ({size / 1024:.0f} KiB) shown in {elapsed:.2f} s "
          f"({size / 1024 / elapsed:.0f} KiB/s); longest GUI stall "
          f"{max(gaps) * 1000:.0f} ms; {chunks[0]} chunks; GUI thread busy "
          f"{gui_cpu / elapsed * 100:.0f}% of the time")


def run(keys: int, screenshot: Path | None) -> None:
    qapp = QApplication(sys.argv[:1])
    from kvmgui.ui.console.serial_console import SerialConsolePage
    from kvmgui.virt.connection import Connection
    from kvmgui.virt.console_stream import ConsoleState

    libvirt.registerErrorHandler(lambda _c, _e: None, None)
    tier = TierDaemon()
    reason = tier.open(cleanup=lambda: None)
    if reason is not None:
        sys.exit(f"no daemon: {reason}")
    name = owned_name("bench-serial", tier.session_pid)
    conn = Connection(URI)
    try:
        with connection() as admin:
            admin.defineXML(tiny_guest_xml(name, tiny_guest_files())).create()
        conn.open()
        clock = PaintClock()

        def pump_until(condition: object, timeout_s: float) -> None:
            deadline = time.monotonic() + timeout_s
            wake = QTimer()  # waiting for events never outlasts a check of the deadline
            wake.start(50)
            while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
                qapp.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            wake.stop()
            if not condition():  # type: ignore[operator]
                raise SystemExit("timed out")

        pump_until(lambda: conn.inventory is not None
                   and any(d.name == name for d in conn.inventory.domains), 60)
        assert conn.inventory is not None
        info = next(d for d in conn.inventory.domains if d.name == name)
        page = SerialConsolePage(conn, info)
        page.resize(900, 520)
        page.show()
        page.terminal.installEventFilter(clock)
        pump_until(lambda: page.stream.state == ConsoleState.OPEN, 30)
        text = lambda: "\n".join(page.terminal.emulator.display)  # noqa: E731
        pump_until(lambda: BANNER in text(), 60)
        time.sleep(1.0)  # the prompt and the kernel's last lines are on their way
        qapp.processEvents()

        to_data: list[float] = []
        to_paint: list[float] = []
        arrived = [0.0]
        page.stream.data.connect(lambda _d: arrived.__setitem__(0, time.perf_counter()))
        emulator = page.terminal.emulator
        while len(to_paint) < keys:
            for char in " ".join(WORDS):
                column = emulator.cursor.x + 1  # where the cursor is once the echo is drawn
                arrived[0] = 0.0
                start = time.perf_counter()
                QGuiApplication.postEvent(page.terminal, QKeyEvent(
                    QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char))
                if not clock.wait(lambda c=column: emulator.cursor.x == c, 5.0):
                    raise SystemExit(f"no echo for {char!r} within 5 s")
                to_paint.append((clock.painted_at - start) * 1000)
                to_data.append((arrived[0] - start) * 1000)
            QGuiApplication.postEvent(page.terminal, QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier,
                "\x15"))  # Ctrl+U: empty the line for the next round
            pump_until(lambda: emulator.cursor.x < 10, 5)

        print(f"| {len(to_paint)} keys | p50 | p95 | max |")
        print("|---|---|---|---|")
        for label, values in (("key -> echo arrives", to_data),
                              ("key -> echo painted", to_paint)):
            print(f"| {label} | {statistics.median(values):.1f} | "
                  f"{percentile(values, 95):.1f} | {max(values):.1f} |")

        flood(qapp, page, pump_until)

        if screenshot is not None:
            for command in ("\x15uname -a", "ls -l --color=always /",
                            "printf '\\033[1;31mred \\033[32mgreen \\033[44;97m blue \\033[0m"
                            "\\033[7m reverse \\033[0m\\n'"):
                page.terminal.paste_text(command + "\n")
                qapp.processEvents()
                time.sleep(0.5)
                qapp.processEvents()
            page.terminal.setFocus()
            qapp.processEvents()
            page.grab().save(str(screenshot))
            print(f"\nscreenshot: {screenshot}")
    finally:
        conn.shutdown()
        with connection() as admin:
            remove_domain(admin, name)
        tier.close(cleanup=lambda _last: None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()
    run(args.keys, args.screenshot)


if __name__ == "__main__":
    main()
