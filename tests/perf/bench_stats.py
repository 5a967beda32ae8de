"""Benchmark (not a test): CPU and memory of live performance sampling in the real application.

Each scenario runs in a fresh child process that imports kvmgui.ui.app.Application, installs the
performance feature (kvmgui.ui.performance.install) on a generated test-driver host with N running
domains, lets it warm up, then measures process CPU (time.process_time) over a window:

    idle         nothing sampled (the app as without this feature)
    sparklines   CPU and memory sparklines on: every running domain sampled each tick
    page         one domain's Performance page on screen (charts redrawn each tick)
    both         sparklines on and one Performance page on screen

The test driver runs inside the client library, so "worker" CPU (the connection's thread: libvirt
calls, rate math) is what a real libvirtd would mostly spend in its own process; "GUI" is the Qt
thread (histories, charts, sparkline painting). Qt runs offscreen; numbers are for this machine.

Usage: python tests/perf/bench_stats.py [N ...] [--scenarios a,b] [--cpu-seconds S]
       [--interval S]
Prints a Markdown table.
"""

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from gen_host import host_xml  # noqa: E402

SCENARIOS = ("idle", "sparklines", "page", "both")
TICKS = os.sysconf("SC_CLK_TCK")


def thread_cpu_seconds(native_id: int) -> float:
    fields = Path(f"/proc/self/task/{native_id}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(count: int, scenario: str, window: float, interval: float, workdir: Path) -> None:
    """Run one scenario in this process and print its numbers as JSON."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_NO_GLIB"] = "1"
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    qapp = QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(workdir))
    from kvmgui.ui.app import Application

    xml = workdir / f"host-{count}.xml"
    xml.write_text(host_xml(count))
    app = Application([f"test://{xml}"])
    feature = app.performance
    feature.set_interval(interval)
    result: dict[str, Any] = {}

    def configure() -> None:
        if scenario in ("sparklines", "both"):
            feature.set_sparklines(True)
        if scenario in ("page", "both"):
            app.window.select(app.model.find_by_name("vm0000"))
            app.window.details.tabs.setCurrentWidget(feature.performance_page)
        QTimer.singleShot(8000, measure)  # warm-up: first paint, pyqtgraph import, histories

    def measure() -> None:
        workers = [t for t in threading.enumerate() if t.name.startswith("virt ")]
        gui = threading.main_thread().native_id
        assert gui is not None
        start = (time.monotonic(), time.process_time(), thread_cpu_seconds(gui),
                 sum(thread_cpu_seconds(t.native_id or 0) for t in workers))
        sampler = feature.sampler(f"test://{xml}")
        ticks = sampler.ticks if sampler else 0

        def done() -> None:
            wall = time.monotonic() - start[0]
            result.update(
                cpu=100 * (time.process_time() - start[1]) / wall,
                gui=100 * (thread_cpu_seconds(gui) - start[2]) / wall,
                worker=100 * (sum(thread_cpu_seconds(t.native_id or 0) for t in workers)
                              - start[3]) / wall,
                ticks=(sampler.ticks - ticks) if sampler else 0,
                skipped=sampler.skipped_ticks if sampler else 0,
                history_mib=feature.memory_bytes() / 2**20,
                rss=rss_mib(),
                redraws=feature.performance_page.redraws,
            )
            app.shutdown()
            qapp.quit()

        QTimer.singleShot(int(window * 1000), done)

    app.when_settled(configure)
    app.start()
    app.window.show()
    qapp.exec()
    print(json.dumps(result), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("counts", nargs="*", type=int, default=[500])
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--cpu-seconds", type=float, default=30.0)
    parser.add_argument("--interval", type=float, default=1.0)
    parser.add_argument("--child", nargs=2, metavar=("N", "SCENARIO"), help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), args.child[1], args.cpu_seconds, args.interval,
              Path(args.workdir))
        return
    print(f"| domains | scenario | CPU (% of one core) | GUI thread | worker thread | ticks in "
          f"{args.cpu_seconds:g} s | history (MiB) | RSS (MiB) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    import tempfile

    for count in args.counts:
        for scenario in args.scenarios.split(","):
            with tempfile.TemporaryDirectory(prefix="kvmgui-bench-stats-") as tmp:
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(count), scenario,
                     "--cpu-seconds", str(args.cpu_seconds), "--interval", str(args.interval),
                     "--workdir", tmp],
                    capture_output=True, text=True, check=True,
                    env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
                r = json.loads(out.stdout.strip().splitlines()[-1])
                print(f"| {count} | {scenario} | {r['cpu']:.2f} | {r['gui']:.2f} | "
                      f"{r['worker']:.2f} | {r['ticks']} | {r['history_mib']:.1f} | "
                      f"{r['rss']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
