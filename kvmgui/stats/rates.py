"""Rates from two successive counter samples of one domain (pure).

Rules, chosen so a chart never shows a spike that did not happen:
- First sample of a domain, dt <= 0, or a different domain: no rates (None), gauges still filled.
- Domain restart (runtime id changed, or total CPU time went down): no rates for that tick and
  `restarted` is True; the next tick computes rates against the new counters. We do not compute
  "rate from zero" because we cannot know when, inside the interval, the new process started.
- A single counter going down while the domain kept running: if the old value sat in the top
  quarter of a 32- or 64-bit range and the new one in the bottom quarter, it wrapped and the delta
  is taken across the wrap; otherwise the counter was reset (device re-plugged): that rate is None.
- Missing fields (None on either side) give None for that rate only.
- Disks and NICs are matched by name; a device present in only one sample (hot-plug/unplug) is left
  out of the sums, and a reset on any matched device makes that summed rate None for the tick.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from kvmgui.stats.samples import DomainCounters

NS_PER_S = 1_000_000_000
_BLOCK_FIELDS = ("rd_bytes", "wr_bytes", "rd_reqs", "wr_reqs")
_NET_FIELDS = ("rx_bytes", "tx_bytes", "rx_packets", "tx_packets")

# Float-valued series every DomainRates carries, in the order history and exports list them.
SCALAR_SERIES: tuple[str, ...] = (
    "cpu_pct", "cpu_pct_of_vcpus", "cpu_pct_of_host",
    "mem_current_kib", "mem_maximum_kib", "mem_usable_kib", "mem_unused_kib", "mem_rss_kib",
    "disk_rd_bps", "disk_wr_bps", "disk_rd_iops", "disk_wr_iops",
    "net_rx_bps", "net_tx_bps", "net_rx_pps", "net_tx_pps",
)


@dataclass(frozen=True, slots=True)
class DomainRates:
    """Per-second rates and memory gauges of one domain for one tick.

    cpu_pct is % of one host CPU (200 = two host CPUs busy, as `top` shows it); cpu_pct_of_vcpus is
    scaled to the domain's vCPU count (100 = every vCPU busy); cpu_pct_of_host to all host CPUs.
    vcpu_pct[i] is vCPU i's % of one host CPU. Memory values are KiB gauges copied from the sample.
    """

    uuid: str
    name: str
    timestamp: float
    wall_time: float
    vcpus: int | None = None
    restarted: bool = False
    cpu_pct: float | None = None
    cpu_pct_of_vcpus: float | None = None
    cpu_pct_of_host: float | None = None
    vcpu_pct: tuple[float | None, ...] = ()
    mem_current_kib: float | None = None
    mem_maximum_kib: float | None = None
    mem_usable_kib: float | None = None
    mem_unused_kib: float | None = None
    mem_rss_kib: float | None = None
    disk_rd_bps: float | None = None
    disk_wr_bps: float | None = None
    disk_rd_iops: float | None = None
    disk_wr_iops: float | None = None
    net_rx_bps: float | None = None
    net_tx_bps: float | None = None
    net_rx_pps: float | None = None
    net_tx_pps: float | None = None

    def value(self, series: str) -> float | None:
        """One of SCALAR_SERIES by name."""
        if series not in SCALAR_SERIES:
            raise KeyError(series)
        result: float | None = getattr(self, series)
        return result


def compute_rates(prev: DomainCounters | None, cur: DomainCounters, host_cpus: int) -> DomainRates:
    """Rates between `prev` and `cur` (see the module docstring for resets, wraps and gaps)."""
    if prev is None or prev.uuid != cur.uuid or cur.timestamp <= prev.timestamp:
        return _gauges(cur)
    if _restarted(prev, cur):
        return _gauges(cur, restarted=True)
    dt = cur.timestamp - prev.timestamp

    cpu_pct = _pct(counter_delta(prev.cpu_time_ns, cur.cpu_time_ns), dt)
    vcpu_pct = tuple(
        _pct(counter_delta(_at(prev.vcpu_time_ns, i), now), dt)
        for i, now in enumerate(cur.vcpu_time_ns)
    )
    disk = _device_rates(prev.block, cur.block, _BLOCK_FIELDS, dt)
    net = _device_rates(prev.net, cur.net, _NET_FIELDS, dt)
    return DomainRates(
        uuid=cur.uuid,
        name=cur.name,
        timestamp=cur.timestamp,
        wall_time=cur.wall_time,
        vcpus=cur.vcpus,
        cpu_pct=cpu_pct,
        cpu_pct_of_vcpus=_share(cpu_pct, cur.vcpus),
        cpu_pct_of_host=_share(cpu_pct, host_cpus),
        vcpu_pct=vcpu_pct,
        mem_current_kib=_float(cur.balloon_current_kib),
        mem_maximum_kib=_float(cur.balloon_maximum_kib),
        mem_usable_kib=_float(cur.balloon_usable_kib),
        mem_unused_kib=_float(cur.balloon_unused_kib),
        mem_rss_kib=_float(cur.balloon_rss_kib),
        disk_rd_bps=disk[0],
        disk_wr_bps=disk[1],
        disk_rd_iops=disk[2],
        disk_wr_iops=disk[3],
        net_rx_bps=net[0],
        net_tx_bps=net[1],
        net_rx_pps=net[2],
        net_tx_pps=net[3],
    )


def _gauges(cur: DomainCounters, restarted: bool = False) -> DomainRates:
    """No rates, only the memory gauges (built once: a tick makes one of these per domain)."""
    return DomainRates(
        uuid=cur.uuid,
        name=cur.name,
        timestamp=cur.timestamp,
        wall_time=cur.wall_time,
        vcpus=cur.vcpus,
        restarted=restarted,
        mem_current_kib=_float(cur.balloon_current_kib),
        mem_maximum_kib=_float(cur.balloon_maximum_kib),
        mem_usable_kib=_float(cur.balloon_usable_kib),
        mem_unused_kib=_float(cur.balloon_unused_kib),
        mem_rss_kib=_float(cur.balloon_rss_kib),
    )


def counter_delta(prev: int | None, cur: int | None) -> int | None:
    """Increase of a cumulative counter, across a 32/64-bit wrap; None when reset or missing."""
    if prev is None or cur is None:
        return None
    if cur >= prev:
        return cur - prev
    for bits in (32, 64):
        limit = 1 << bits
        quarter = limit // 4
        if limit - quarter <= prev < limit and cur < quarter:
            return cur + limit - prev
    return None


def _restarted(prev: DomainCounters, cur: DomainCounters) -> bool:
    if prev.domain_id is not None and cur.domain_id is not None and prev.domain_id != cur.domain_id:
        return True
    return (
        prev.cpu_time_ns is not None
        and cur.cpu_time_ns is not None
        and cur.cpu_time_ns < prev.cpu_time_ns
    )


def _device_rates(prev: Mapping[str, object], cur: Mapping[str, object],
                  attrs: tuple[str, ...], dt: float) -> tuple[float | None, ...]:
    """_device_rate of each field; all None at once when either sample has no such devices
    (a light sample for sparklines reads none: skip the per-field work)."""
    if not prev or not cur:
        return (None,) * len(attrs)
    return tuple(_device_rate(prev, cur, attr, dt) for attr in attrs)


def _device_rate(
    prev: Mapping[str, object], cur: Mapping[str, object], attr: str, dt: float
) -> float | None:
    """Sum of one field's rate over the devices (BlockCounters/NetCounters) in both samples."""
    total = 0
    matched = False
    for dev, now in cur.items():
        before = prev.get(dev)
        if before is None:
            continue  # hot-plugged since the last tick: no baseline yet
        old: int | None = getattr(before, attr)
        new: int | None = getattr(now, attr)
        if old is None and new is None:
            continue  # this device never reports the field
        delta = counter_delta(old, new)
        if delta is None:
            return None
        total += delta
        matched = True
    return total / dt if matched else None


def _pct(delta_ns: int | None, dt: float) -> float | None:
    return None if delta_ns is None else delta_ns / (dt * NS_PER_S) * 100.0


def _share(pct: float | None, parts: int | None) -> float | None:
    return None if pct is None or not parts or parts <= 0 else pct / parts


def _at(values: tuple[int | None, ...], index: int) -> int | None:
    return values[index] if index < len(values) else None


def _float(value: int | None) -> float | None:
    return None if value is None else float(value)
