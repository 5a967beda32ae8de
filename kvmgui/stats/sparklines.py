"""Recent CPU % and memory of every running domain, for the sparklines of the main list (pure).

Three numbers per domain per tick (SPARKLINE_SERIES) for SPARKLINE_HISTORY_S, in one numpy array
written with one vectorised store per tick whatever the number of domains.
"""

import math
from collections.abc import Iterable, Sequence

import numpy as np

from kvmgui.stats.memory import used_memory_kib
from kvmgui.stats.rates import DomainRates
from kvmgui.stats.ringbuffer import FloatArray
from kvmgui.stats.samples import StatsGroup

SPARKLINE_HISTORY_S = 120.0
SPARKLINE_SERIES = ("cpu_pct", "mem_used_kib", "mem_total_kib")
# What SPARKLINE_SERIES are made of: one light bulk call, or info() and memoryStats() per domain.
SPARKLINE_GROUPS = StatsGroup.STATE | StatsGroup.CPU | StatsGroup.BALLOON

SparklineValues = tuple[float, float, float]


def sparkline_capacity(interval_s: float) -> int:
    """Ticks that hold SPARKLINE_HISTORY_S at `interval_s` (at least two: a line needs them)."""
    return max(2, math.ceil(SPARKLINE_HISTORY_S / interval_s - 1e-9))


def sparkline_values(rates: DomainRates) -> SparklineValues:
    """SPARKLINE_SERIES of one domain's tick; NaN for what is not known."""
    used = used_memory_kib(rates.mem_current_kib, rates.mem_unused_kib, rates.mem_rss_kib)
    return _nan_if_none(rates.cpu_pct), _nan_if_none(used), _nan_if_none(rates.mem_current_kib)


def _nan_if_none(value: float | None) -> float:
    return math.nan if value is None else float(value)


class SparklineStore:
    """SPARKLINE_SERIES of many domains in one (series × domains × ticks) array.

    Every tick writes one column for all domains at once; a domain missing from a tick reads NaN
    there. Memory: 3 × 8 bytes × capacity per domain (2 min at 1 s: 2.8 KiB).
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

    def append(self, uuids: Sequence[str], values: Sequence[SparklineValues]) -> None:
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
