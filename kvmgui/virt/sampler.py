"""Live stats of one connection: a timer on the GUI thread, the libvirt calls on the worker.

Per tick, one job on the connection's worker (`Connection.run`) runs a StatsEngine over what
someone looks at (see kvmgui/virt/stats_engine.py):
- watched domains (open Performance pages): every stats group, into a full DomainHistory
  (`SamplingConfig.history_s`, 1 h; the few most recently watched keep theirs), in a HistoryStore;
- while the main list shows sparklines, every other running domain with only the groups a
  sparkline needs, into a SparklineStore (three numbers per domain per tick for
  SPARKLINE_HISTORY_S);
- while the host page is on screen, per-CPU times and where every vCPU runs.
A tick is never queued while the previous one is still running: a hung connection skips ticks
instead of piling up jobs.
"""

from collections import OrderedDict
from collections.abc import Callable

import libvirt
from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from kvmgui.core import log
from kvmgui.core.snapshots import ConnectionState
from kvmgui.stats.config import SamplingConfig
from kvmgui.stats.history import DomainHistory, HistoryStore
from kvmgui.stats.host import HostSample
from kvmgui.stats.placement import VcpuPlacement
from kvmgui.stats.ringbuffer import FloatArray
from kvmgui.stats.sparklines import SparklineStore, sparkline_capacity
from kvmgui.virt.connection import Connection
from kvmgui.virt.stats_engine import StatsEngine, TickRequest, TickResult

# Domains whose Performance page was closed keep their full history for a while: flipping between
# a few domains in the tree must not throw their charts away.
RECENT_FULL_HISTORIES = 4


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
        self._histories = HistoryStore(self._config.capacity)
        self._store: SparklineStore | None = None
        self._placements: dict[str, tuple[VcpuPlacement, ...]] = {}
        self._engine: StatsEngine | None = None  # created and used on the worker thread only
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
        self._histories.set_capacity(config.capacity)
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
            self._histories.drop(old)
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
        return store + self._histories.memory_bytes()

    def stop(self) -> None:
        """No more ticks; results still on their way are ignored."""
        self._stopped = True
        self._timer.stop()

    # ---- ticks -------------------------------------------------------------------------------

    def _interval_ms(self) -> int:
        return round(self._config.interval_s * 1000)

    def _sparkline_capacity(self) -> int:
        return sparkline_capacity(self._config.interval_s)

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
        request = TickRequest(
            watched=tuple(self._watchers),
            sparklines=self._store is not None,
            host=self._host_watchers > 0,
            max_gap_s=self._config.max_gap_s,
        )
        self._in_flight = True
        self._conn.run(lambda conn: self._engine_for(conn).tick(request), self._done, self._failed)

    def _engine_for(self, conn: libvirt.virConnect) -> StatsEngine:
        """Worker thread: a new engine after a reconnect (a new virConnect)."""
        if self._engine is None or self._engine.conn is not conn:
            self._engine = StatsEngine(conn)
        return self._engine

    def _done(self, result: TickResult) -> None:
        self._in_flight = False
        if self._stopped or not isValid(self):
            return
        self._last_error = ""
        self._histories.extend(result.rates)
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
        self._histories.drop(uuid)
        self._placements.pop(uuid, None)
        self._recent.pop(uuid, None)
        if self._store is not None:
            self._store.drop(uuid)


SamplerLookup = Callable[[str], StatsSampler | None]
