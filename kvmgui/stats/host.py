"""Host CPU usage per physical CPU and host memory, from libvirt's node stats (pure).

`virNodeGetCPUStats(cpu)` returns cumulative ns counters {kernel, user, idle, iowait} (Linux folds
nice into user and irq/softirq into kernel). Usage is the share of the elapsed counter time that was
not idle; two snapshots are needed. `virNodeGetMemoryStats(-1)` returns KiB {total, free, buffers,
cached}.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kvmgui.stats.placement import DomainPlacement
from kvmgui.stats.rates import counter_delta


@dataclass(frozen=True, slots=True)
class CpuTimes:
    """Cumulative time one physical CPU spent in each mode, ns."""

    kernel_ns: int | None = None
    user_ns: int | None = None
    idle_ns: int | None = None
    iowait_ns: int | None = None

    @classmethod
    def from_libvirt(cls, stats: Mapping[str, int]) -> "CpuTimes":
        return cls(
            kernel_ns=stats.get("kernel"),
            user_ns=stats.get("user"),
            idle_ns=stats.get("idle"),
            iowait_ns=stats.get("iowait"),
        )


@dataclass(frozen=True, slots=True)
class CpuUsage:
    """Share of one physical CPU's time between two snapshots, in %. busy = kernel + user."""

    busy_pct: float
    kernel_pct: float
    user_pct: float
    iowait_pct: float | None


def cpu_usage(prev: CpuTimes | None, cur: CpuTimes | None) -> CpuUsage | None:
    """Usage of one CPU between two snapshots; None when a counter is missing, reset or idle time
    did not advance at all (the test driver returns constant numbers)."""
    if prev is None or cur is None:
        return None
    kernel = counter_delta(prev.kernel_ns, cur.kernel_ns)
    user = counter_delta(prev.user_ns, cur.user_ns)
    idle = counter_delta(prev.idle_ns, cur.idle_ns)
    if kernel is None or user is None or idle is None:
        return None
    iowait = counter_delta(prev.iowait_ns, cur.iowait_ns)
    total = kernel + user + idle + (iowait or 0)
    if total <= 0:
        return None
    return CpuUsage(
        busy_pct=100.0 * (kernel + user) / total,
        kernel_pct=100.0 * kernel / total,
        user_pct=100.0 * user / total,
        iowait_pct=None if iowait is None else 100.0 * iowait / total,
    )


def per_cpu_usage(
    prev: Sequence[CpuTimes | None], cur: Sequence[CpuTimes | None]
) -> list[CpuUsage | None]:
    """Usage of each CPU in `cur` (CPUs offline or new since `prev` give None)."""
    return [cpu_usage(prev[i] if i < len(prev) else None, times) for i, times in enumerate(cur)]


@dataclass(frozen=True, slots=True)
class HostMemory:
    """Host memory in KiB; `used_kib` excludes buffers and page cache, like `free` does."""

    total_kib: int
    free_kib: int
    buffers_kib: int | None = None
    cached_kib: int | None = None

    @property
    def used_kib(self) -> int:
        reclaimable = (self.buffers_kib or 0) + (self.cached_kib or 0)
        return max(0, self.total_kib - self.free_kib - reclaimable)

    @property
    def used_pct(self) -> float | None:
        return 100.0 * self.used_kib / self.total_kib if self.total_kib > 0 else None

    @classmethod
    def from_libvirt(cls, stats: Mapping[str, int]) -> "HostMemory | None":
        """From `getMemoryStats(-1)`; None without total and free."""
        total, free = stats.get("total"), stats.get("free")
        if total is None or free is None:
            return None
        return cls(total, free, stats.get("buffers"), stats.get("cached"))


@dataclass(frozen=True, slots=True)
class HostSample:
    """One tick of host stats. Per-CPU tuples are indexed by physical CPU number; `cpu_usage` is
    empty when the driver has no per-CPU times and None for a CPU without a usable delta."""

    wall_time: float
    online: tuple[bool, ...]
    cpu_usage: tuple[CpuUsage | None, ...]
    memory: HostMemory | None
    placements: tuple[DomainPlacement, ...]
