"""Raw counters of one domain at one instant, and converters from libvirt's answers (pure).

Two sources feed the same `DomainCounters`:
- `from_bulk_stats`: one record of `getAllDomainStats` / `domainListGetStats` (real drivers).
- `from_fallback_calls`: the results of `info()`, `vcpus()`, `memoryStats()`, `blockStats()` and
  `interfaceStats()`, for drivers whose bulk call reports only `state.*` (the test driver).

Counters stay raw (cumulative ns, bytes, requests); `rates.py` turns two of them into rates.
Anything a driver does not report is None, never 0, so a missing value cannot look like a reset.
Disks and NICs are kept per device (keyed by target name) so that hot-plugging one device does not
make a summed counter jump.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Flag, auto
from typing import Any

# virDomainState values (stable ABI) for which a domain has a process and therefore counters.
ACTIVE_STATES = frozenset({1, 2, 3, 4, 7})  # running, blocked, paused, shutting down, pmsuspended


class StatsGroup(Flag):
    """Which counters one collect reads. Fewer groups cost fewer libvirt calls: a sparkline needs
    only state, CPU time and balloon, a chart needs everything."""

    STATE = auto()
    CPU = auto()
    BALLOON = auto()
    VCPU = auto()
    BLOCK = auto()
    NET = auto()
    ALL = STATE | CPU | BALLOON | VCPU | BLOCK | NET


@dataclass(frozen=True, slots=True)
class BlockCounters:
    """Cumulative I/O of one disk since the domain started."""

    rd_bytes: int | None = None
    wr_bytes: int | None = None
    rd_reqs: int | None = None
    wr_reqs: int | None = None


@dataclass(frozen=True, slots=True)
class NetCounters:
    """Cumulative traffic of one vNIC, seen from the guest (rx = into the guest)."""

    rx_bytes: int | None = None
    tx_bytes: int | None = None
    rx_packets: int | None = None
    tx_packets: int | None = None


@dataclass(frozen=True, slots=True)
class DomainCounters:
    """Everything sampled from one domain in one tick.

    `timestamp` is `time.monotonic()` (rates use it); `wall_time` is `time.time()` (exports and
    chart axes use it). `domain_id` is libvirt's runtime id, which changes when the domain restarts.
    Memory values are KiB. `vcpu_time_ns[i]` is vCPU i's cumulative run time (None if not reported).
    """

    timestamp: float
    wall_time: float
    uuid: str
    name: str
    state: int
    domain_id: int | None = None
    vcpus: int | None = None
    cpu_time_ns: int | None = None
    vcpu_time_ns: tuple[int | None, ...] = ()
    balloon_current_kib: int | None = None
    balloon_maximum_kib: int | None = None
    balloon_usable_kib: int | None = None
    balloon_unused_kib: int | None = None
    balloon_rss_kib: int | None = None
    block: Mapping[str, BlockCounters] = field(default_factory=dict)
    net: Mapping[str, NetCounters] = field(default_factory=dict)

    @property
    def block_total(self) -> BlockCounters:
        """All disks summed over those reporting each field (an empty CD-ROM reports nothing)."""
        return BlockCounters(
            rd_bytes=_sum(d.rd_bytes for d in self.block.values()),
            wr_bytes=_sum(d.wr_bytes for d in self.block.values()),
            rd_reqs=_sum(d.rd_reqs for d in self.block.values()),
            wr_reqs=_sum(d.wr_reqs for d in self.block.values()),
        )

    @property
    def net_total(self) -> NetCounters:
        """All vNICs summed over those reporting each field."""
        return NetCounters(
            rx_bytes=_sum(n.rx_bytes for n in self.net.values()),
            tx_bytes=_sum(n.tx_bytes for n in self.net.values()),
            rx_packets=_sum(n.rx_packets for n in self.net.values()),
            tx_packets=_sum(n.tx_packets for n in self.net.values()),
        )


def from_bulk_stats(
    record: Mapping[str, Any],
    *,
    uuid: str,
    name: str,
    timestamp: float,
    wall_time: float,
    domain_id: int | None = None,
) -> DomainCounters:
    """Convert one record of `virConnectGetAllDomainStats` (its dict of typed parameters)."""
    vcpu_times: dict[int, int | None] = {}
    for key, value in record.items():
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "vcpu" and parts[2] == "time" and parts[1].isdigit():
            vcpu_times[int(parts[1])] = _counter(value)
    return DomainCounters(
        timestamp=timestamp,
        wall_time=wall_time,
        uuid=uuid,
        name=name,
        state=_int(record.get("state.state")) or 0,
        domain_id=domain_id,
        vcpus=_counter(record.get("vcpu.current")),
        cpu_time_ns=_counter(record.get("cpu.time")),
        vcpu_time_ns=_indexed(vcpu_times),
        balloon_current_kib=_counter(record.get("balloon.current")),
        balloon_maximum_kib=_counter(record.get("balloon.maximum")),
        balloon_usable_kib=_counter(record.get("balloon.usable")),
        balloon_unused_kib=_counter(record.get("balloon.unused")),
        balloon_rss_kib=_counter(record.get("balloon.rss")),
        block=_bulk_block(record),
        net=_bulk_net(record),
    )


def from_fallback_calls(
    *,
    uuid: str,
    name: str,
    timestamp: float,
    wall_time: float,
    info: Sequence[int],
    domain_id: int | None = None,
    vcpu_info: Sequence[Sequence[int]] | None = None,
    memory_stats: Mapping[str, int] | None = None,
    block_stats: Mapping[str, Sequence[int]] | None = None,
    interface_stats: Mapping[str, Sequence[int]] | None = None,
) -> DomainCounters:
    """Build counters from per-domain calls.

    info: `dom.info()` = [state, maxMem KiB, memory KiB, nrVirtCpu, cpuTime ns].
    vcpu_info: `dom.vcpus()[0]` = [(number, state, cpuTime ns, physical cpu), ...].
    memory_stats: `dom.memoryStats()` (keys actual, unused, usable, rss, ... in KiB; {} without a
    balloon). block_stats: target -> `dom.blockStats(target)` = (rd_req, rd_bytes, wr_req, wr_bytes,
    errs). interface_stats: name -> `dom.interfaceStats(name)` = (rx_bytes, rx_packets, rx_errs,
    rx_drop, tx_bytes, tx_packets, tx_errs, tx_drop).
    """
    memory = memory_stats or {}
    vcpu_times = {int(v[0]): _counter(v[2]) for v in vcpu_info or ()}
    current = _counter(memory.get("actual"))
    return DomainCounters(
        timestamp=timestamp,
        wall_time=wall_time,
        uuid=uuid,
        name=name,
        state=int(info[0]),
        domain_id=domain_id,
        vcpus=_counter(info[3]),
        cpu_time_ns=_counter(info[4]),
        vcpu_time_ns=_indexed(vcpu_times),
        balloon_current_kib=current if current is not None else _counter(info[2]),
        balloon_maximum_kib=_counter(info[1]),
        balloon_usable_kib=_counter(memory.get("usable")),
        balloon_unused_kib=_counter(memory.get("unused")),
        balloon_rss_kib=_counter(memory.get("rss")),
        block={
            dev: BlockCounters(
                rd_reqs=_counter(s[0]), rd_bytes=_counter(s[1]),
                wr_reqs=_counter(s[2]), wr_bytes=_counter(s[3]),
            )
            for dev, s in (block_stats or {}).items()
        },
        net={
            dev: NetCounters(
                rx_bytes=_counter(s[0]), rx_packets=_counter(s[1]),
                tx_bytes=_counter(s[4]), tx_packets=_counter(s[5]),
            )
            for dev, s in (interface_stats or {}).items()
        },
    )


def is_state_only(record: Mapping[str, Any]) -> bool:
    """True when a bulk record carries nothing but `state.*` (drivers without bulk stats)."""
    return all(key.startswith("state.") for key in record)


def _bulk_block(record: Mapping[str, Any]) -> dict[str, BlockCounters]:
    disks: dict[str, BlockCounters] = {}
    for i in range(_int(record.get("block.count")) or 0):
        prefix = f"block.{i}."
        dev = str(record.get(prefix + "name", i))
        # With VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING a disk repeats for each backing image;
        # the first entry is the top image, the one the guest's I/O goes through.
        if dev in disks:
            continue
        disks[dev] = BlockCounters(
            rd_bytes=_counter(record.get(prefix + "rd.bytes")),
            wr_bytes=_counter(record.get(prefix + "wr.bytes")),
            rd_reqs=_counter(record.get(prefix + "rd.reqs")),
            wr_reqs=_counter(record.get(prefix + "wr.reqs")),
        )
    return disks


def _bulk_net(record: Mapping[str, Any]) -> dict[str, NetCounters]:
    nics: dict[str, NetCounters] = {}
    for i in range(_int(record.get("net.count")) or 0):
        prefix = f"net.{i}."
        dev = str(record.get(prefix + "name", i))
        nics[dev] = NetCounters(
            rx_bytes=_counter(record.get(prefix + "rx.bytes")),
            tx_bytes=_counter(record.get(prefix + "tx.bytes")),
            rx_packets=_counter(record.get(prefix + "rx.pkts")),
            tx_packets=_counter(record.get(prefix + "tx.pkts")),
        )
    return nics


def _indexed(values: Mapping[int, int | None]) -> tuple[int | None, ...]:
    """{index: value} -> tuple with None in the gaps (offline vCPUs between online ones)."""
    if not values:
        return ()
    return tuple(values.get(i) for i in range(max(values) + 1))


def _int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def _counter(value: object) -> int | None:
    """A non-negative integer counter, or None (libvirt reports -1 for unsupported fields)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def _sum(values: Iterable[int | None]) -> int | None:
    """Sum of the reported values; None when none is reported."""
    present = [value for value in values if value is not None]
    return sum(present) if present else None
