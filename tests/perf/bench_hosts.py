"""Benchmark (not a test): one kvmgui with many hosts. Starts the app on H test-driver hosts of
D running domains each (generated like gen_host.py) and reports when each host's rows were
first painted (the app's `first paint: <uri> rows=<n>` log line), then the steady CPU and the
RSS of the process. Then the same with one hung host among them: a qemu+tcp:// URI to a local
listener that accepts the connection and never answers, so its connection waits inside
libvirt forever. No connection may delay another's first paint: the report compares the two.

Usage: python tests/perf/bench_hosts.py [--hosts H] [--domains D] [--cpu-seconds S] [--repeat N]
Prints a Markdown table. Runs Qt offscreen; numbers are for this machine only and count from
starting the process. Only 127.0.0.1 is used: nothing leaves the machine.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_inventory import cpu_seconds, rss_mib  # noqa: E402
from gen_host import host_xml  # noqa: E402

FIRST_PAINT = re.compile(r"first paint: (\S+) rows=(\d+)")
READY = re.compile(r"inventory ready: (\S+) ")
PAINT_TIMEOUT_S = 300.0
SETTLE_S = 3.0  # start-up work after the last paint (details pane, deferred refreshes)


@dataclass
class Run:
    painted: dict[str, float] = field(default_factory=dict)  # uri -> seconds from start
    ready: dict[str, float] = field(default_factory=dict)  # uri -> its inventory arrived
    rows: dict[str, int] = field(default_factory=dict)
    cpu_pct: float = float("nan")
    rss: float = float("nan")


@contextmanager
def silent_host() -> Iterator[str]:
    """A qemu+tcp URI whose 'daemon' accepts connections and never says a word."""
    server = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []

    def accept() -> None:
        try:
            while True:
                held.append(server.accept()[0])
        except OSError:
            pass  # the listener was shut down

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"qemu+tcp://127.0.0.1:{server.getsockname()[1]}/system"
    finally:
        server.shutdown(socket.SHUT_RDWR)
        server.close()
        thread.join()
        for conn in held:
            conn.close()


def host_files(workdir: Path, hosts: int, domains: int) -> list[str]:
    xml = host_xml(domains)
    uris = []
    for n in range(hosts):
        path = workdir / f"host-{n:02d}.xml"
        path.write_text(xml)
        uris.append(f"test://{path}")
    return uris


def measure(kvmgui: str, uris: list[str], waited: set[str], window: float,
            workdir: Path) -> Run:
    """Start kvmgui on `uris`; wait for the first paint of each of `waited`."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(workdir),
               XDG_CONFIG_HOME=str(workdir / "config"))
    args = [kvmgui, "--log-level", "info"]
    for uri in uris:
        args += ["--connect", uri]
    run = Run()
    start = time.monotonic()
    proc = subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            env=env)
    assert proc.stderr is not None
    try:
        lines = proc.stderr
        deadline = start + PAINT_TIMEOUT_S

        def read() -> None:
            for line in lines:
                if ready := READY.search(line):
                    run.ready[ready.group(1)] = time.monotonic() - start
                match = FIRST_PAINT.search(line)
                if match:
                    run.painted[match.group(1)] = time.monotonic() - start
                    run.rows[match.group(1)] = int(match.group(2))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        while not waited <= run.painted.keys() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(SETTLE_S)
        c0, t0 = cpu_seconds(proc.pid), time.monotonic()
        time.sleep(window)
        run.cpu_pct = 100 * (cpu_seconds(proc.pid) - c0) / (time.monotonic() - t0)
        run.rss = rss_mib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)
    return run


def row(label: str, run: Run, hosts: list[str]) -> str:
    times = sorted(run.painted[u] for u in hosts if u in run.painted)
    ready = sorted(run.ready[u] for u in hosts if u in run.ready)
    missing = " (!)" if len(times) < len(hosts) else ""
    if not times or not ready:
        return f"| {label} | {len(times)}/{len(hosts)}{missing} | – | – | – | – | – | – |"
    rows = sum(run.rows.get(u, 0) for u in hosts)
    return (f"| {label} | {len(times)}/{len(hosts)}{missing} | {rows} "
            f"| {ready[0]:.2f} / {ready[-1]:.2f} | {times[0]:.2f} / {statistics.median(times):.2f}"
            f" / {times[-1]:.2f} | {run.cpu_pct:.1f} | {run.rss:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--domains", type=int, default=200)
    parser.add_argument("--cpu-seconds", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind, alternating")
    args = parser.parse_args()
    kvmgui = shutil.which("kvmgui") or str(Path(sys.executable).with_name("kvmgui"))
    print(f"{args.hosts} test-driver hosts × {args.domains} running domains "
          f"({args.hosts * args.domains} domains); times in s from process start\n")
    print("| run | hosts painted | object rows | inventory ready first / last "
          "| first paint first / median / last | steady CPU (% of one core) | RSS (MiB) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    lasts: dict[str, list[float]] = {"alone": [], "hung": []}
    with tempfile.TemporaryDirectory(prefix="kvmgui-bench-hosts-") as tmp, \
            silent_host() as hung:
        workdir = Path(tmp)
        hosts = host_files(workdir, args.hosts, args.domains)
        for n in range(1, args.repeat + 1):
            plain = measure(kvmgui, hosts, set(hosts), args.cpu_seconds, workdir)
            print(row(f"{n}: all hosts answer", plain, hosts), flush=True)
            # The hung host first: its connection starts waiting before any other opens.
            beside = measure(kvmgui, [hung, *hosts], set(hosts), args.cpu_seconds, workdir)
            print(row(f"{n}: + 1 hung host", beside, hosts), flush=True)
            if hung in beside.painted or hung in beside.ready:
                print(f"(!) the hung host {hung} reported an inventory")
            lasts["alone"].append(max(plain.painted.values(), default=float("nan")))
            lasts["hung"].append(max((beside.painted[u] for u in hosts if u in beside.painted),
                                     default=float("nan")))
    alone, beside_hung = statistics.median(lasts["alone"]), statistics.median(lasts["hung"])
    print(f"\nHung host: {hung} accepts and never answers; its row keeps waiting.")
    print(f"Every answering host painted (median of {args.repeat}): {alone:.2f} s alone, "
          f"{beside_hung:.2f} s beside the hung host ({beside_hung - alone:+.2f} s).")


if __name__ == "__main__":
    main()
