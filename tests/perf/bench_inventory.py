"""Benchmark (not a test): start kvmgui on a generated host with N running domains and measure
the time to its `first paint` log line (the tree painted with the rows) and to `inventory ready`,
steady CPU of the process over a window, and RSS; then the cost of each extra domain (the slope
between the smallest and the largest N).

Usage: python tests/perf/bench_inventory.py [N ...] [--cpu-seconds S]
Prints a Markdown table for the README. Runs Qt offscreen; the numbers are for this machine only.
Times count from starting the process. Byte-compile kvmgui first (`python -m compileall kvmgui`)
when PYTHONDONTWRITEBYTECODE is set, as an installed package is.
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


def measure(kvmgui: str, count: int, window: float,
            workdir: Path) -> tuple[float, float, float, float]:
    """(seconds to inventory ready, to first paint, steady CPU %, RSS MiB)."""
    xml = workdir / f"host-{count}.xml"
    xml.write_text(host_xml(count))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(workdir),
               XDG_CONFIG_HOME=str(workdir / "config"))
    start = time.monotonic()
    proc = subprocess.Popen([kvmgui, "--connect", f"test://{xml}", "--log-level", "info"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    ready = painted = float("nan")
    assert proc.stderr is not None
    for line in proc.stderr:
        if "inventory ready" in line:
            ready = time.monotonic() - start
        elif "first paint" in line:
            painted = time.monotonic() - start
            break
    try:
        time.sleep(3)  # let start-up work (details pane, deferred refreshes) finish
        c0, t0 = cpu_seconds(proc.pid), time.monotonic()
        time.sleep(window)
        cpu = 100 * (cpu_seconds(proc.pid) - c0) / (time.monotonic() - t0)
        rss = rss_mib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    return ready, painted, cpu, rss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("counts", nargs="*", type=int, default=[20, 500, 2000, 10000])
    parser.add_argument("--cpu-seconds", type=float, default=30.0)
    args = parser.parse_args()
    kvmgui = shutil.which("kvmgui") or str(Path(sys.executable).with_name("kvmgui"))
    print("| domains | inventory ready (s) | first paint (s) | steady CPU (% of one core) | "
          "RSS (MiB) |")
    print("|---:|---:|---:|---:|---:|")
    results = {}
    with tempfile.TemporaryDirectory(prefix="kvmgui-bench-") as tmp:
        for count in args.counts:
            ready, painted, cpu, rss = measure(kvmgui, count, args.cpu_seconds, Path(tmp))
            results[count] = (painted, rss)
            print(f"| {count} | {ready:.2f} | {painted:.2f} | {cpu:.2f} | {rss:.0f} |",
                  flush=True)
    low, high = min(results), max(results)
    if high > low:
        extra = high - low
        print(f"\nEach extra domain ({low} → {high}): "
              f"{1e6 * (results[high][0] - results[low][0]) / extra:.0f} µs to first paint, "
              f"{1024 * (results[high][1] - results[low][1]) / extra:.1f} KiB of RSS")


if __name__ == "__main__":
    main()
