"""Bounded per-domain history of rates (pure, numpy ring buffers).

Every series of one domain has the same length and index i is the same tick in each, so charts can
plot any series against `time` (wall-clock seconds). Memory per domain is fixed by the capacity:
`history_bytes(capacity, vcpus)` states it before any sample exists (about 0.52 MiB for one hour at
1 s with 2 vCPUs).
"""

from collections.abc import Iterable, Iterator

from kvmgui.stats.rates import SCALAR_SERIES, DomainRates
from kvmgui.stats.ringbuffer import FloatArray, RingBuffer

TIME_SERIES = "time"
BASE_SERIES: tuple[str, ...] = (TIME_SERIES, *SCALAR_SERIES)
BYTES_PER_SAMPLE = 8  # float64


def vcpu_series(index: int) -> str:
    """Name of vCPU `index`'s utilisation series (% of one host CPU)."""
    return f"vcpu{index}_pct"


def history_bytes(capacity: int, vcpus: int) -> int:
    """Bytes one domain's history holds at `capacity` samples with `vcpus` vCPU series."""
    return (len(BASE_SERIES) + max(0, vcpus)) * capacity * BYTES_PER_SAMPLE


class DomainHistory:
    """The rate series of one domain; vCPU series appear when the vCPU count becomes known."""

    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._series: dict[str, RingBuffer] = {name: RingBuffer(capacity) for name in BASE_SERIES}
        self._vcpus = 0

    @property
    def capacity(self) -> int:
        return self._capacity

    @property
    def vcpu_count(self) -> int:
        """Number of vCPU series (the most vCPUs seen; a vCPU unplugged later records NaN)."""
        return self._vcpus

    def __len__(self) -> int:
        return len(self._series[TIME_SERIES])

    def series_names(self) -> list[str]:
        return list(self._series)

    def view(self, name: str, last_n: int | None = None) -> FloatArray:
        """Newest `last_n` samples of one series, oldest first (see RingBuffer.view)."""
        return self._series[name].view(last_n)

    def latest(self, name: str) -> float:
        return self._series[name].latest()

    def append(self, rates: DomainRates) -> None:
        self._grow_vcpus(max(len(rates.vcpu_pct), rates.vcpus or 0))
        self._series[TIME_SERIES].append(rates.wall_time)
        for name in SCALAR_SERIES:
            self._series[name].append(rates.value(name))
        for index in range(self._vcpus):
            value = rates.vcpu_pct[index] if index < len(rates.vcpu_pct) else None
            self._series[vcpu_series(index)].append(value)

    def memory_bytes(self) -> int:
        return sum(series.nbytes for series in self._series.values())

    def set_capacity(self, capacity: int) -> None:
        """Change how many samples are kept, keeping the newest ones."""
        if capacity == self._capacity:
            return
        self._series = {name: s.resized(capacity) for name, s in self._series.items()}
        self._capacity = capacity

    def _grow_vcpus(self, count: int) -> None:
        recorded = len(self)
        for index in range(self._vcpus, count):
            series = RingBuffer(self._capacity)
            series.append_missing(recorded)  # keep index i == tick i across series
            self._series[vcpu_series(index)] = series
        self._vcpus = max(self._vcpus, count)


class HistoryStore:
    """Histories of many domains, keyed by UUID, all with the same capacity."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self._capacity = capacity
        self._domains: dict[str, DomainHistory] = {}

    @property
    def capacity(self) -> int:
        return self._capacity

    def __len__(self) -> int:
        return len(self._domains)

    def __contains__(self, uuid: object) -> bool:
        return uuid in self._domains

    def __iter__(self) -> Iterator[str]:
        return iter(self._domains)

    def get(self, uuid: str) -> DomainHistory | None:
        return self._domains.get(uuid)

    def append(self, rates: DomainRates) -> DomainHistory:
        history = self._domains.get(rates.uuid)
        if history is None:
            history = self._domains[rates.uuid] = DomainHistory(self._capacity)
        history.append(rates)
        return history

    def extend(self, rates: Iterable[DomainRates]) -> None:
        for item in rates:
            self.append(item)

    def drop(self, uuid: str) -> None:
        """Forget a domain (undefined, or its connection closed); unknown UUIDs are ignored."""
        self._domains.pop(uuid, None)

    def retain(self, uuids: Iterable[str]) -> None:
        """Drop every domain not in `uuids`."""
        keep = set(uuids)
        for uuid in [u for u in self._domains if u not in keep]:
            del self._domains[uuid]

    def set_capacity(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self._capacity = capacity
        for history in self._domains.values():
            history.set_capacity(capacity)

    def memory_bytes(self) -> int:
        """Bytes held by all histories' sample storage."""
        return sum(history.memory_bytes() for history in self._domains.values())
