"""Bounded history of one host: per-CPU busy %, host memory used % and overcommit ratios (no Qt).

Like DomainHistory, index i is the same tick in every series; a CPU series created later starts
with NaN so the series stay aligned. Memory: (4 + CPUs) × capacity × 8 bytes (1 h at 1 s with
16 CPUs: 0.55 MiB).
"""

from collections.abc import Sequence

from kvmgui.stats.ringbuffer import FloatArray, RingBuffer

TIME = "time"
CPU_RATIO = "cpu_ratio"
MEMORY_RATIO = "memory_ratio"
MEMORY_USED = "memory_used_pct"
_BASE = (TIME, CPU_RATIO, MEMORY_RATIO, MEMORY_USED)


def cpu_series(cpu: int) -> str:
    return f"cpu{cpu}_pct"


class HostHistory:
    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._series = {name: RingBuffer(capacity) for name in _BASE}
        self._cpus = 0

    @property
    def cpu_count(self) -> int:
        return self._cpus

    def __len__(self) -> int:
        return len(self._series[TIME])

    def view(self, name: str, last_n: int | None = None) -> FloatArray:
        return self._series[name].view(last_n)

    def append(self, wall_time: float, cpu_busy: Sequence[float | None],
               cpu_ratio: float | None, memory_ratio: float | None,
               memory_used_pct: float | None) -> None:
        recorded = len(self)
        for cpu in range(self._cpus, len(cpu_busy)):
            series = RingBuffer(self._capacity)
            series.append_missing(recorded)
            self._series[cpu_series(cpu)] = series
        self._cpus = max(self._cpus, len(cpu_busy))
        self._series[TIME].append(wall_time)
        self._series[CPU_RATIO].append(cpu_ratio)
        self._series[MEMORY_RATIO].append(memory_ratio)
        self._series[MEMORY_USED].append(memory_used_pct)
        for cpu in range(self._cpus):
            self._series[cpu_series(cpu)].append(cpu_busy[cpu] if cpu < len(cpu_busy) else None)

    def memory_bytes(self) -> int:
        return sum(series.nbytes for series in self._series.values())
