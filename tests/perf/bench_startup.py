"""Benchmark (not a test): time to the first painted tree, repeated, under the shared bench's own
launch (`xvfb-run -a … dbus-run-session -- CMD`), for kvmgui and for the bench's floor program.

The shared bench (`../shared/bench/compare_virt_manager.py`) runs each program once, starts
kvmgui's clock before `xvfb-run` and the floor's inside Python. This script runs every program
R times, interleaved, and reports medians on both clocks:

  launch     `python -c pass` under the same wrapper: Xvfb, D-Bus and interpreter start
  floor      the bench's floor program: in-process (the bench's figure) and from launch
  kvmgui     its `first paint` log line, from launch (the bench's figure)

Usage: python tests/perf/bench_startup.py [N ...] [--runs R] [--kvmgui CMD]
Needs xvfb-run and dbus-run-session. Byte-compile kvmgui first when PYTHONDONTWRITEBYTECODE is set.
"""

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gen_host import host_xml  # noqa: E402

WRAPPER = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", "dbus-run-session", "--"]

# The shared bench's floor program, step for step; it also prints a line the moment it has
# painted, so that the same run gives the in-process time and the time from launch.
FLOOR = r"""
import sys, time; t0 = time.perf_counter()
from PySide6 import QtWidgets, QtCore
import libvirt, lxml.etree
app = QtWidgets.QApplication([])
libvirt.registerErrorHandler(lambda c, e: None, None)
c = libvirt.open("test://" + sys.argv[1])
docs = [lxml.etree.fromstring(d.XMLDesc()) for d in c.listAllDomains()]
tree = QtWidgets.QTreeWidget(); tree.setHeaderLabels(["Name", "State"])
tree.addTopLevelItems([QtWidgets.QTreeWidgetItem([d.findtext("name"), "running"]) for d in docs])
painted = []
class F(QtCore.QObject):
    def eventFilter(self, o, e):
        if e.type() == QtCore.QEvent.Type.Paint and not painted:
            painted.append(time.perf_counter())
        return False
f = F(); tree.viewport().installEventFilter(f); tree.resize(1000, 700); tree.show()
while not painted: app.processEvents()
print("floor painted", painted[0] - t0, flush=True)
"""


def timed(cmd: list[str], mark: str, env: dict[str, str]) -> tuple[float, str]:
    """(seconds from launch to the first output line containing `mark`, that line)."""
    start = time.monotonic()
    proc = subprocess.Popen(WRAPPER + cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env=env, start_new_session=True)
    assert proc.stdout is not None
    seen, found = float("nan"), ""
    try:
        for line in proc.stdout:
            if mark in line:
                seen, found = time.monotonic() - start, line
                break
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(10)
    return seen, found


def run(count: int, runs: int, kvmgui: list[str], workdir: Path) -> dict[str, list[float]]:
    xml = workdir / f"host-{count}.xml"
    xml.write_text(host_xml(count))
    env = dict(os.environ, HOME=str(workdir), XDG_CONFIG_HOME=str(workdir / "config"),
               XDG_CACHE_HOME=str(workdir / "cache"), NO_AT_BRIDGE="1")
    env.pop("QT_QPA_PLATFORM", None)
    python = sys.executable  # the venv that runs this script, as kvmgui's own
    times: dict[str, list[float]] = {"launch": [], "floor in-process": [],
                                     "floor from launch": [], "kvmgui first paint": []}
    for _ in range(runs):
        times["launch"].append(timed([python, "-c", "print('up', flush=True)"], "up", env)[0])
        seen, line = timed([python, "-c", FLOOR, str(xml)], "floor painted", env)
        times["floor from launch"].append(seen)
        times["floor in-process"].append(float(line.split()[-1]) if line else float("nan"))
        times["kvmgui first paint"].append(timed(
            [*kvmgui, "--connect", f"test://{xml}", "--log-level", "info"], "first paint",
            env)[0])
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("counts", nargs="*", type=int, default=[20])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--kvmgui", default=shutil.which("kvmgui") or "kvmgui",
                        help="command that starts kvmgui (default: kvmgui on PATH)")
    args = parser.parse_args()
    print("| N | launch (s) | floor in-process (s) | floor from launch (s) | "
          "kvmgui first paint (s) | kvmgui ÷ floor in-process | kvmgui ÷ floor from launch |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="kvmgui-startup-") as tmp:
        for count in args.counts:
            times = run(count, args.runs, shlex.split(args.kvmgui), Path(tmp))
            med = {name: statistics.median(values) for name, values in times.items()}
            kv = med["kvmgui first paint"]
            print(f"| {count} | {med['launch']:.3f} | {med['floor in-process']:.3f} | "
                  f"{med['floor from launch']:.3f} | {kv:.3f} | "
                  f"{kv / med['floor in-process']:.2f} | {kv / med['floor from launch']:.2f} |",
                  flush=True)
            spread = ", ".join(f"{name} {min(v):.3f}–{max(v):.3f}" for name, v in times.items())
            print(f"<!-- N={count}, {args.runs} runs each, min–max: {spread} -->", flush=True)


if __name__ == "__main__":
    main()
