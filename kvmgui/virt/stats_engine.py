"""One tick of a connection's live stats, on its worker thread (no Qt).

The same pipeline as `kvmgui stats`: StatsCollector (libvirt) → RateTracker (every rate) → what
the sampler keeps. Per tick, what the request asks for:
- watched domains: every StatsGroup, into DomainRates (their charts' history);
- sparklines: every other running domain with SPARKLINE_GROUPS only, into SparklineValues (a
  watched domain's sparkline comes from its full rates, by the same rule);
- host: per-CPU usage and where every vCPU runs.
"""

import time
from dataclasses import dataclass, field

import libvirt

from kvmgui.stats.host import CpuTimes, HostSample, per_cpu_usage
from kvmgui.stats.placement import DomainPlacement, VcpuPlacement, merge_placement
from kvmgui.stats.rates import DomainRates
from kvmgui.stats.sparklines import SPARKLINE_GROUPS, SparklineValues, sparkline_values
from kvmgui.stats.tracker import RateTracker
from kvmgui.virt.stats_collect import StatsCollector


@dataclass(frozen=True, slots=True)
class TickRequest:
    watched: tuple[str, ...]
    sparklines: bool
    host: bool
    max_gap_s: float


@dataclass(slots=True)
class TickResult:
    rates: list[DomainRates] = field(default_factory=list)
    placements: dict[str, tuple[VcpuPlacement, ...]] = field(default_factory=dict)
    host: HostSample | None = None
    # Sparklines: one SparklineValues per running domain (rows of `light`).
    sparklines: bool = False
    light_uuids: list[str] = field(default_factory=list)
    light: list[SparklineValues] = field(default_factory=list)


class StatsEngine:
    """Collector, rate trackers and previous host times of one virConnect. Worker thread only.

    Two trackers: a domain moving between the light and the full set starts a fresh baseline, as
    the counters of the two sets are not the same (a light sample has no disks, NICs or vCPUs).
    """

    def __init__(self, conn: libvirt.virConnect) -> None:
        self.conn = conn
        self.collector = StatsCollector(conn)
        host_cpus = self.collector.host_cpu_count()
        self.full = RateTracker(host_cpus)
        self.light = RateTracker(host_cpus)
        self.cpu_times: list[CpuTimes | None] = []

    def tick(self, request: TickRequest) -> TickResult:
        result = TickResult(sparklines=request.sparklines)
        self.full.max_gap_s = self.light.max_gap_s = request.max_gap_s
        if request.watched:
            result.rates = self.full.update(self.collector.collect(request.watched))
            result.placements = {uuid: self._placement(uuid) for uuid in request.watched}
        if request.sparklines:
            light = self.light.update(self.collector.collect(
                None, SPARKLINE_GROUPS, skip=frozenset(request.watched)))
            self.light.retain([r.uuid for r in light] + [r.uuid for r in result.rates])
            for rates in (*result.rates, *light):
                result.light_uuids.append(rates.uuid)
                result.light.append(sparkline_values(rates))
        if request.host:
            result.host = self._host()
        return result

    def _placement(self, uuid: str) -> tuple[VcpuPlacement, ...]:
        pairs = self.collector.vcpu_placement(uuid)
        threads = self.collector.vcpu_threads(uuid) if pairs else None
        return tuple(merge_placement(pairs, threads))

    def _host(self) -> HostSample:
        times = self.collector.host_cpu_times()
        usage = per_cpu_usage(self.cpu_times, times) if times is not None else []
        self.cpu_times = times or []
        placements = []
        for dom in self.conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE):
            try:
                uuid, name, (info, cpumaps) = dom.UUIDString(), dom.name(), dom.vcpus()
            except libvirt.libvirtError:
                continue  # stopped since the listing, or the driver cannot say
            pairs = [(int(v[0]), int(v[3])) for v in info]
            threads = self.collector.vcpu_threads(uuid)
            placements.append(DomainPlacement(uuid, name, tuple(
                merge_placement(pairs, threads, cpumaps))))
        return HostSample(
            wall_time=time.time(),
            online=tuple(t is not None for t in times or []),
            cpu_usage=tuple(usage),
            memory=self.collector.host_memory(),
            placements=tuple(sorted(placements, key=lambda p: p.name)),
        )
