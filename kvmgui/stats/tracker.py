"""Turns each tick's counters into rates by remembering the previous sample per domain (pure).

The Qt sampler and the headless exporter both run the same loop:
    counters = collector.collect(uuids)            # worker thread, libvirt
    rates = tracker.update(counters)               # pure
    store.extend(rates)  /  writer.write(rates)    # history or export
"""

from collections.abc import Iterable

from kvmgui.stats.config import SamplingConfig
from kvmgui.stats.rates import DomainRates, compute_rates
from kvmgui.stats.samples import DomainCounters


class RateTracker:
    """Previous counters per domain UUID. Not thread-safe: one sampler owns it."""

    def __init__(self, host_cpus: int, max_gap_s: float = SamplingConfig().max_gap_s) -> None:
        self.host_cpus = host_cpus
        self.max_gap_s = max_gap_s
        self._previous: dict[str, DomainCounters] = {}

    def update(self, samples: Iterable[DomainCounters]) -> list[DomainRates]:
        """Rates for each sample against the same domain's previous one."""
        result = []
        for cur in samples:
            prev = self._previous.get(cur.uuid)
            if prev is not None and cur.timestamp - prev.timestamp > self.max_gap_s:
                prev = None  # stale baseline: start over rather than average across the gap
            result.append(compute_rates(prev, cur, self.host_cpus))
            self._previous[cur.uuid] = cur
        return result

    def forget(self, uuid: str) -> None:
        self._previous.pop(uuid, None)

    def retain(self, uuids: Iterable[str]) -> None:
        """Forget every domain not in `uuids` (e.g. the ones no longer running)."""
        keep = set(uuids)
        self._previous = {u: c for u, c in self._previous.items() if u in keep}
