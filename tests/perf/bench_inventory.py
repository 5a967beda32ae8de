"""Benchmark (not a test): start kvmgui on a generated host with N running domains and measure
time to the `inventory ready` log line, steady CPU of the process over a window, and RSS.

Usage: python tests/perf/bench_inventory.py [N ...] [--cpu-seconds S]
Prints a Markdown table for the README. Runs Qt offscreen; the numbers are for this machine only.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gen_host import host_xml  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(kvmgui: str, count: int, window: float, workdir: Path) -> tuple[float, float, float]:
    xml = workdir / f"host-{count}.xml"
    xml.write_text(host_xml(count))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(workdir),
               XDG_CONFIG_HOME=str(workdir / "config"))
    start = time.monotonic()
    proc = subprocess.Popen([kvmgui, "--connect", f"test://{xml}", "--log-level", "info"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    ready = float("nan")
    assert proc.stderr is not None
    for line in proc.stderr:
        if "inventory ready" in line:
            ready = time.monotonic() - start
            break
    try:
        time.sleep(3)  # let start-up work (first paint, details pane) finish
        c0, t0 = cpu_seconds(proc.pid), time.monotonic()
        time.sleep(window)
        cpu = 100 * (cpu_seconds(proc.pid) - c0) / (time.monotonic() - t0)
        rss = rss_mib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    return ready, cpu, rss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("counts", nargs="*", type=int, default=[100, 500, 2000])
    parser.add_argument("--cpu-seconds", type=float, default=30.0)
    args = parser.parse_args()
    kvmgui = shutil.which("kvmgui") or str(Path(sys.executable).with_name("kvmgui"))
    print("| domains | ready (s) | steady CPU (% of one core) | RSS (MiB) |")
    print("|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="kvmgui-bench-") as tmp:
        for count in args.counts:
            ready, cpu, rss = measure(kvmgui, count, args.cpu_seconds, Path(tmp))
            print(f"| {count} | {ready:.2f} | {cpu:.2f} | {rss:.0f} |", flush=True)


if __name__ == "__main__":
    main()
