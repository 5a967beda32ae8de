"""`kvmgui stats`: print live domain statistics, one row per domain per tick (no Qt).

    kvmgui stats --connect URI [--domain NAME ...] [--interval S] [--count N] [--format csv|json]

The same engine as the GUI's charts: StatsCollector → RateTracker → export writers.

Ticks and the baseline: rates need two samples, so the command first takes an unprinted baseline
sample, waits one interval, and then prints `--count` ticks. Every printed row of a domain that
was running at the baseline therefore carries rates. A domain that starts (or restarts) later
gets its first row with empty rate cells, because it has no baseline yet. Rows of one tick are
sorted by domain name; domains that are not running print nothing.

Columns: see kvmgui/stats/export.py. CSV has one header line whose vCPU columns cover the largest
vCPU count seen when the baseline is taken; JSON is JSON Lines (one object per row).

Exit codes: 0 done (or interrupted with Ctrl-C), 1 libvirt or output error, 2 bad arguments or an
unknown domain.
"""

import argparse
import os
import sys
import time
from typing import Any, TextIO

from kvmgui.stats.config import DEFAULT_INTERVAL_S, MIN_INTERVAL_S, SamplingConfig
from kvmgui.stats.export import CsvStatsWriter, JsonLinesStatsWriter
from kvmgui.stats.tracker import RateTracker
from kvmgui.virt.errors import HostError, host_errors
from kvmgui.virt.headless import (
    UnknownDomain,
    close_quietly,
    configured_vcpus,
    domain_uuids,
    open_host,
)
from kvmgui.virt.stats_collect import StatsCollector

PROG = "kvmgui stats"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _interval(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value >= MIN_INTERVAL_S:  # also rejects NaN
        raise argparse.ArgumentTypeError(f"must be at least {MIN_INTERVAL_S:g} seconds, got {text}")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Print live CPU, memory, disk and network statistics of running domains, one row per "
        "domain per tick. A baseline sample is taken first and not printed, so every row of a "
        "domain running from the start has rates; --count N prints N ticks after it.")
    parser.add_argument("--connect", metavar="URI", required=True, help="libvirt URI to sample")
    parser.add_argument("--domain", metavar="NAME", action="append", default=[],
                        help="only this domain (repeatable); default: every running domain")
    parser.add_argument("--interval", metavar="SECONDS", type=_interval,
                        default=DEFAULT_INTERVAL_S,
                        help=f"time between ticks (default {DEFAULT_INTERVAL_S:g}, "
                             f"minimum {MIN_INTERVAL_S:g})")
    parser.add_argument("--count", metavar="N", type=_count, default=0,
                        help="ticks to print after the baseline; 0 (default) runs until Ctrl-C")
    parser.add_argument("--format", choices=["csv", "json"], default="csv",
                        help="csv (with a header line) or json (JSON Lines)")


def run(args: argparse.Namespace) -> int:
    try:
        conn = open_host(args.connect)
    except HostError as err:
        return _fail(str(err), EXIT_FAILED)
    try:
        with host_errors(args.connect):
            return _sample(conn, args, sys.stdout)
    except UnknownDomain as err:
        return _fail(str(err), EXIT_USAGE)
    except HostError as err:
        return _fail(str(err), EXIT_FAILED)
    except KeyboardInterrupt:
        return EXIT_OK
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python's final flush of stdout
        # from reporting the same broken pipe (the recipe of the `signal` module's docs).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    finally:
        close_quietly(conn)


def _sample(conn: Any, args: argparse.Namespace, out: TextIO) -> int:
    uuids = domain_uuids(conn, args.domain)
    config = SamplingConfig.create(args.interval)
    collector = StatsCollector(conn)
    tracker = RateTracker(collector.host_cpu_count(), config.max_gap_s)
    baseline = collector.collect(uuids)
    tracker.update(baseline)
    if args.domain and not baseline:
        print(f"{PROG}: none of the chosen domains is running yet; waiting", file=sys.stderr)
    columns = max([c.vcpus or 0 for c in baseline] + [len(c.vcpu_time_ns) for c in baseline]
                  + configured_vcpus(conn, uuids))
    writer = CsvStatsWriter(out, columns) if args.format == "csv" else JsonLinesStatsWriter(out)
    due = time.monotonic()
    tick = 0
    while args.count == 0 or tick < args.count:
        tick += 1
        due = _next_due(due, config.interval_s)
        time.sleep(max(0.0, due - time.monotonic()))
        rates = tracker.update(collector.collect(uuids))
        if uuids is None:
            tracker.retain(r.uuid for r in rates)
        writer.write_tick(sorted(rates, key=lambda r: r.name))
    return EXIT_OK


def _next_due(previous: float, interval: float) -> float:
    """Ticks keep a steady rhythm; after a slow tick that overran, the missed ones are skipped
    rather than caught up in a burst of rows a few milliseconds apart."""
    due = previous + interval
    now = time.monotonic()
    return due if due >= now else now + interval


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code

