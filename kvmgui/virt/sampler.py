"""Live stats of one connection: a timer on the GUI thread, the libvirt calls on the worker.

Per tick, one job on the connection's worker (`Connection.run`) samples what someone looks at:
- watched domains (open Performance pages): every stats group, through StatsCollector, into a
  full DomainHistory (`SamplingConfig.history_s`, 1 h; the few most recently watched keep theirs);
- while the main list shows sparklines, every other running domain with only the groups a
  sparkline needs (state, CPU time, balloon): one light bulk call, or `info()` and `memoryStats()`
  per domain on drivers without bulk stats. These go to a SparklineStore: three numbers per domain
  per tick for `SPARKLINE_HISTORY_S`, written with one vectorised store per tick;
- while the host page is on screen, per-CPU times and where every vCPU runs.
A tick is never queued while the previous one is still running: a hung connection skips ticks
instead of piling up jobs.
"""

import math
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import libvirt
import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from kvmgui.core import log
from kvmgui.stats.config import SamplingConfig
from kvmgui.stats.history import DomainHistory
from kvmgui.stats.host import CpuTimes, CpuUsage, HostMemory, per_cpu_usage
from kvmgui.stats.placement import VcpuPlacement, merge_placement
from kvmgui.stats.rates import NS_PER_S, DomainRates, counter_delta
from kvmgui.stats.ringbuffer import FloatArray
from kvmgui.stats.samples import ACTIVE_STATES, is_state_only
from kvmgui.stats.tracker import RateTracker
from kvmgui.virt.connection import Connection
from kvmgui.core.snapshots import ConnectionState
from kvmgui.virt.stats_collect import StatsCollector

SPARKLINE_HISTORY_S = 120.0
# Domains whose Performance page was closed keep their full history for a while: flipping between
# a few domains in the tree must not throw their charts away.
RECENT_FULL_HISTORIES = 4
SPARKLINE_SERIES = ("cpu_pct", "mem_used_kib", "mem_total_kib")
LIGHT_GROUPS = (libvirt.VIR_DOMAIN_STATS_STATE | libvirt.VIR_DOMAIN_STATS_CPU_TOTAL
                | libvirt.VIR_DOMAIN_STATS_BALLOON)
_ALL_ACTIVE = (libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE
               | libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT)


@dataclass(frozen=True, slots=True)
class DomainPlacement:
    """Where the vCPUs of one running domain are."""

    uuid: str
    name: str
    vcpus: tuple[VcpuPlacement, ...]


@dataclass(frozen=True, slots=True)
class HostSample:
    """One tick of host stats. Per-CPU tuples are indexed by physical CPU number; `cpu_usage` is
    empty when the driver has no per-CPU times and None for a CPU without a usable delta."""

    wall_time: float
    online: tuple[bool, ...]
    cpu_usage: tuple[CpuUsage | None, ...]
    memory: HostMemory | None
    placements: tuple[DomainPlacement, ...]


@dataclass(frozen=True, slots=True)
class _Request:
    watched: tuple[str, ...]
    sparklines: bool
    host: bool
    max_gap_s: float


@dataclass(slots=True)
class _Result:
    rates: list[DomainRates] = field(default_factory=list)
    placements: dict[str, tuple[VcpuPlacement, ...]] = field(default_factory=dict)
    host: HostSample | None = None
    # Sparklines: one value of each SPARKLINE_SERIES per running domain (rows of `light`).
    sparklines: bool = False
    light_uuids: list[str] = field(default_factory=list)
    light: list[tuple[float, float, float]] = field(default_factory=list)


class SparklineStore:
    """Recent CPU % and memory of many domains in one (series × domains × ticks) array.

    Every tick writes one column for all domains at once, whatever their number; a domain missing
    from a tick reads NaN there. Memory: 3 × 8 bytes × capacity per domain (2 min at 1 s: 2.8 KiB).
    """

    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._rows: dict[str, int] = {}
        self._free: list[int] = []
        self._data: FloatArray = np.full((len(SPARKLINE_SERIES), 0, capacity), np.nan)
        self._next = 0
        self._ticks = 0

    def __contains__(self, uuid: object) -> bool:
        return uuid in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def capacity(self) -> int:
        return self._capacity

    def append(self, uuids: Sequence[str], values: Sequence[tuple[float, float, float]]) -> None:
        """One tick: `values[i]` holds the SPARKLINE_SERIES of `uuids[i]`."""
        column = self._next
        self._data[:, :, column] = np.nan
        if uuids:
            rows = [self._row(uuid) for uuid in uuids]
            self._data[:, rows, column] = np.asarray(values, dtype=np.float64).T
        self._next = (column + 1) % self._capacity
        self._ticks = min(self._ticks + 1, self._capacity)

    def series(self, uuid: str, last_n: int) -> FloatArray | None:
        """The newest `last_n` ticks of one domain, oldest first: a (3 × n) copy, or None."""
        row = self._rows.get(uuid)
        if row is None:
            return None
        count = max(0, min(last_n, self._ticks))
        columns = np.arange(self._next - count, self._next) % self._capacity
        return self._data[:, row, columns]

    def retain(self, uuids: Iterable[str]) -> None:
        """Forget every domain not in `uuids` (stopped, or undefined)."""
        keep = set(uuids)
        for uuid in [u for u in self._rows if u not in keep]:
            self.drop(uuid)

    def drop(self, uuid: str) -> None:
        row = self._rows.pop(uuid, None)
        if row is not None:
            self._data[:, row, :] = np.nan
            self._free.append(row)

    def set_capacity(self, capacity: int) -> None:
        """Keep the newest ticks that fit (the interval changed)."""
        if capacity == self._capacity:
            return
        kept = min(self._ticks, capacity)
        columns = np.arange(self._next - kept, self._next) % self._capacity
        data = np.full((self._data.shape[0], self._data.shape[1], capacity), np.nan)
        data[:, :, :kept] = self._data[:, :, columns]
        self._data, self._capacity = data, capacity
        self._next, self._ticks = kept % capacity, kept

    def memory_bytes(self) -> int:
        return int(self._data.nbytes)

    def _row(self, uuid: str) -> int:
        row = self._rows.get(uuid)
        if row is not None:
            return row
        if not self._free:
            grown = max(16, self._data.shape[1] * 2)  # doubling: appends stay amortised O(1)
            extra = np.full((self._data.shape[0], grown - self._data.shape[1], self._capacity),
                            np.nan)
            self._free = list(range(grown - 1, self._data.shape[1] - 1, -1))
            self._data = np.concatenate((self._data, extra), axis=1)
        row = self._rows[uuid] = self._free.pop()
        return row


class _LightSampler:
    """CPU time and memory of every running domain for sparklines. Worker thread only."""

    def __init__(self, conn: libvirt.virConnect) -> None:
        self._conn = conn
        self._bulk: bool | None = None  # None until a conclusive answer, as in StatsCollector
        self._memory_stats = True
        self._previous: dict[str, tuple[float, int | None, int]] = {}  # time, domain id, cpu ns

    def sample(self, skip: frozenset[str], max_gap_s: float,
               result: _Result) -> None:
        records = [(d, r) for d, r in self._conn.getAllDomainStats(LIGHT_GROUPS, _ALL_ACTIVE)
                   if r.get("state.state") in ACTIVE_STATES]
        if self._bulk is None and records:
            self._bulk = not all(is_state_only(r) for _, r in records)
        seen = []
        for dom, record in records:
            uuid = dom.UUIDString()
            seen.append(uuid)
            if uuid in skip:
                continue  # watched: sampled in full, its sparkline comes from those rates
            now = time.monotonic()
            values = self._from_bulk(record) if self._bulk else self._from_calls(dom)
            if values is None:
                continue  # stopped since the listing
            cpu_ns, current, used = values
            cpu_pct = self._cpu_pct(uuid, now, dom.ID(), cpu_ns, max_gap_s)
            result.light_uuids.append(uuid)
            result.light.append((cpu_pct, used, current))
        running = set(seen)
        self._previous = {u: p for u, p in self._previous.items() if u in running}

    def _cpu_pct(self, uuid: str, now: float, domain_id: int, cpu_ns: int | None,
                 max_gap_s: float) -> float:
        previous = self._previous.get(uuid)
        if cpu_ns is None:
            self._previous.pop(uuid, None)
            return math.nan
        self._previous[uuid] = (now, domain_id, cpu_ns)
        if previous is None or previous[1] != domain_id or not 0 < now - previous[0] <= max_gap_s:
            return math.nan  # first sample, restart or stale baseline: no rate (see rates.py)
        delta = counter_delta(previous[2], cpu_ns)
        return math.nan if delta is None else delta / ((now - previous[0]) * NS_PER_S) * 100.0

    @staticmethod
    def _from_bulk(record: dict[str, Any]) -> tuple[int | None, float, float]:
        current = _number(record.get("balloon.current"))
        unused = _number(record.get("balloon.unused"))
        used = current - unused if not math.isnan(current + unused) \
            else _number(record.get("balloon.rss"))
        cpu = record.get("cpu.time")
        return (cpu if isinstance(cpu, int) else None), current, used

    def _from_calls(self, dom: libvirt.virDomain) -> tuple[int | None, float, float] | None:
        try:
            info = dom.info()
            memory: dict[str, int] = {}
            if self._memory_stats:
                try:
                    memory = dom.memoryStats()
                except libvirt.libvirtError as err:
                    if err.get_error_code() == libvirt.VIR_ERR_NO_SUPPORT:
                        self._memory_stats = False
        except libvirt.libvirtError:
            return None
        if info[0] not in ACTIVE_STATES:
            return None
        current = float(memory.get("actual", info[2]))
        used = current - memory["unused"] if "unused" in memory \
            else _number(memory.get("rss"))
        return int(info[4]), current, used


class _Engine:
    """Collectors, rate tracker and previous host times of one virConnect. Worker thread only."""

    def __init__(self, conn: libvirt.virConnect) -> None:
        self.conn = conn
        self.collector = StatsCollector(conn)
        self.light = _LightSampler(conn)
        self.tracker = RateTracker(self.collector.host_cpu_count())
        self.cpu_times: list[CpuTimes | None] = []
        # Same test as the collector's: asking each domain costs a lookup, so decide once.
        self.threads_known = conn.getType() == "QEMU" and not urlsplit(conn.getURI()).hostname

    def tick(self, request: _Request) -> _Result:
        result = _Result(sparklines=request.sparklines)
        self.tracker.max_gap_s = request.max_gap_s
        if request.watched:
            result.rates = self.tracker.update(self.collector.collect(request.watched))
            result.placements = {uuid: self._placement(uuid) for uuid in request.watched}
        if request.sparklines:
            for rates in result.rates:
                result.light_uuids.append(rates.uuid)
                result.light.append(_sparkline_values(rates))
            self.light.sample(frozenset(request.watched), request.max_gap_s, result)
        if request.host:
            result.host = self._host()
        return result

    def _threads(self, uuid: str) -> dict[int, int] | None:
        return self.collector.vcpu_threads(uuid) if self.threads_known else None

    def _placement(self, uuid: str) -> tuple[VcpuPlacement, ...]:
        pairs = self.collector.vcpu_placement(uuid)
        return tuple(merge_placement(pairs, self._threads(uuid) if pairs else None))

    def _host(self) -> HostSample:
        times = self.collector.host_cpu_times()
        usage = per_cpu_usage(self.cpu_times, times) if times is not None else []
        self.cpu_times = times or []
        placements = []
        for dom in self.conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE):
            try:
                uuid, name, info = dom.UUIDString(), dom.name(), dom.vcpus()[0]
            except libvirt.libvirtError:
                continue  # stopped since the listing, or the driver cannot say
            pairs = [(int(v[0]), int(v[3])) for v in info]
            placements.append(
                DomainPlacement(uuid, name, tuple(merge_placement(pairs, self._threads(uuid)))))
        return HostSample(
            wall_time=time.time(),
            online=tuple(t is not None for t in times or []),
            cpu_usage=tuple(usage),
            memory=self.collector.host_memory(),
            placements=tuple(sorted(placements, key=lambda p: p.name)),
        )


def _number(value: object) -> float:
    """A reported non-negative number as float, NaN when missing (libvirt says -1 for unknown)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        return math.nan
    return float(value)


def _sparkline_values(rates: DomainRates) -> tuple[float, float, float]:
    """SPARKLINE_SERIES of a fully sampled domain, by the same rules as the light sampler."""
    current = _number(rates.mem_current_kib)
    unused = _number(rates.mem_unused_kib)
    used = current - unused if not math.isnan(current + unused) else _number(rates.mem_rss_kib)
    return _number(rates.cpu_pct), used, current

class StatsSampler(QObject):
    """Samples one `Connection` while anything wants its stats (see the module docstring).

    Signals:
        sampled(frozenset[str]): a tick finished; the UUIDs that got a new sample.
        hostSampled(HostSample): a tick with host stats finished (only while the host is watched).
    """

    sampled = Signal(object)
    hostSampled = Signal(object)

    def __init__(self, conn: Connection, config: SamplingConfig | None = None,
                 sample_all: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conn = conn
        self._config = config or SamplingConfig.create()
        self._watchers: dict[str, int] = {}
        self._recent: OrderedDict[str, None] = OrderedDict()
        self._host_watchers = 0
        self._histories: dict[str, DomainHistory] = {}
        self._store: SparklineStore | None = None
        self._placements: dict[str, tuple[VcpuPlacement, ...]] = {}
        self._engine: _Engine | None = None  # created and used on the worker thread only
        self._in_flight = False
        self._stopped = False
        self._last_error = ""
        self.last_host: HostSample | None = None
        self.ticks = 0
        self.skipped_ticks = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer)
        self._timer.setInterval(self._interval_ms())
        conn.domainRemoved.connect(self._forget)
        self.set_sample_all(sample_all)

    # ---- public ------------------------------------------------------------------------------

    @property
    def uri(self) -> str:
        return self._conn.uri

    @property
    def config(self) -> SamplingConfig:
        return self._config

    @property
    def sample_all(self) -> bool:
        """Every running domain is sampled for sparklines."""
        return self._store is not None

    @property
    def busy(self) -> bool:
        """A tick is running on the worker."""
        return self._in_flight

    def set_config(self, config: SamplingConfig) -> None:
        """New interval and history length; histories keep their newest samples."""
        self._config = config
        self._timer.setInterval(self._interval_ms())
        for history in self._histories.values():
            history.set_capacity(config.capacity)
        if self._store is not None:
            self._store.set_capacity(self._sparkline_capacity())

    def set_interval(self, seconds: float) -> None:
        """Sample every `seconds` (at least MIN_INTERVAL_S); histories keep the same duration."""
        self.set_config(SamplingConfig.create(seconds, self._config.history_s))

    def set_sample_all(self, enabled: bool) -> None:
        """Sample every running domain for sparklines, or only the watched ones."""
        if enabled and self._store is None:
            self._store = SparklineStore(self._sparkline_capacity())
        elif not enabled:
            self._store = None  # nobody draws sparklines: give the memory back
        self._update_timer()
        self._tick()

    def watch(self, uuid: str) -> None:
        """Someone shows this domain's charts: sample it fully and keep its whole history."""
        self._watchers[uuid] = self._watchers.get(uuid, 0) + 1
        self._recent.pop(uuid, None)
        self._update_timer()
        self._tick()

    def unwatch(self, uuid: str) -> None:
        count = self._watchers.get(uuid, 0) - 1
        if count > 0:
            self._watchers[uuid] = count
            return
        self._watchers.pop(uuid, None)
        self._recent[uuid] = None
        while len(self._recent) > RECENT_FULL_HISTORIES:
            old, _ = self._recent.popitem(last=False)
            self._histories.pop(old, None)
        self._update_timer()

    def watched(self) -> frozenset[str]:
        return frozenset(self._watchers)

    def watch_host(self) -> None:
        """Someone shows the host page: sample per-CPU usage and vCPU placement too."""
        self._host_watchers += 1
        self._update_timer()
        self._tick()

    def unwatch_host(self) -> None:
        self._host_watchers = max(0, self._host_watchers - 1)
        self._update_timer()

    @property
    def host_watched(self) -> bool:
        return self._host_watchers > 0

    def history(self, uuid: str) -> DomainHistory | None:
        """Full history of a watched (or recently watched) domain."""
        return self._histories.get(uuid)

    def sparkline(self, uuid: str, last_n: int) -> FloatArray | None:
        """The newest `last_n` ticks of SPARKLINE_SERIES (rows) of a running domain, or None."""
        return self._store.series(uuid, last_n) if self._store is not None else None

    def placement(self, uuid: str) -> tuple[VcpuPlacement, ...]:
        """Where the vCPUs of a watched domain ran at the last tick."""
        return self._placements.get(uuid, ())

    def memory_bytes(self) -> int:
        """Bytes held by this connection's domain histories and sparklines."""
        store = self._store.memory_bytes() if self._store is not None else 0
        return store + sum(h.memory_bytes() for h in self._histories.values())

    def stop(self) -> None:
        """No more ticks; results still on their way are ignored."""
        self._stopped = True
        self._timer.stop()

    # ---- ticks -------------------------------------------------------------------------------

    def _interval_ms(self) -> int:
        return round(self._config.interval_s * 1000)

    def _sparkline_capacity(self) -> int:
        return max(2, math.ceil(SPARKLINE_HISTORY_S / self._config.interval_s - 1e-9))

    def _wanted(self) -> bool:
        return bool(self._store is not None or self._watchers or self._host_watchers)

    def _update_timer(self) -> None:
        if self._stopped or not self._wanted():
            self._timer.stop()
        elif not self._timer.isActive():
            self._timer.start()

    def _on_timer(self) -> None:
        if self._in_flight:
            self.skipped_ticks += 1  # the previous tick hangs: skip, never queue
            return
        self._tick()

    def _tick(self) -> None:
        if self._stopped or self._in_flight or not self._wanted():
            return
        if self._conn.state != ConnectionState.CONNECTED:
            return
        request = _Request(
            watched=tuple(self._watchers),
            sparklines=self._store is not None,
            host=self._host_watchers > 0,
            max_gap_s=self._config.max_gap_s,
        )
        self._in_flight = True
        self._conn.run(lambda conn: self._engine_for(conn).tick(request), self._done, self._failed)

    def _engine_for(self, conn: libvirt.virConnect) -> _Engine:
        """Worker thread: a new engine after a reconnect (a new virConnect)."""
        if self._engine is None or self._engine.conn is not conn:
            self._engine = _Engine(conn)
        return self._engine

    def _done(self, result: _Result) -> None:
        self._in_flight = False
        if self._stopped or not isValid(self):
            return
        self._last_error = ""
        for rates in result.rates:
            history = self._histories.get(rates.uuid)
            if history is None:
                history = self._histories[rates.uuid] = DomainHistory(self._config.capacity)
            history.append(rates)
        if self._store is not None and result.sparklines:
            self._store.append(result.light_uuids, result.light)
            if len(self._store) > len(result.light_uuids):
                self._store.retain(result.light_uuids)  # stopped domains lose their sparkline
        self._placements = result.placements
        self.ticks += 1
        if result.host is not None:
            self.last_host = result.host
            self.hostSampled.emit(result.host)
        self.sampled.emit(frozenset(r.uuid for r in result.rates) | frozenset(result.light_uuids))

    def _failed(self, exc: Exception) -> None:
        self._in_flight = False
        message = str(exc)
        if message != self._last_error:  # once per distinct failure, not once per second
            self._last_error = message
            log.stats.warning("sampling %s failed: %s", self._conn.uri, message)

    def _forget(self, uuid: str) -> None:
        self._histories.pop(uuid, None)
        self._placements.pop(uuid, None)
        self._recent.pop(uuid, None)
        if self._store is not None:
            self._store.drop(uuid)


SamplerLookup = Callable[[str], StatsSampler | None]
