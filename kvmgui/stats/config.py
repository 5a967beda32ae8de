"""Sampling interval and history length (pure)."""

import math
from dataclasses import dataclass

DEFAULT_INTERVAL_S = 1.0
MIN_INTERVAL_S = 0.5
DEFAULT_HISTORY_S = 3600.0


@dataclass(frozen=True, slots=True)
class SamplingConfig:
    """How often a connection's sampler ticks and how much history each domain keeps.

    Build with `SamplingConfig.create(...)`, which clamps the interval to MIN_INTERVAL_S.
    """

    interval_s: float = DEFAULT_INTERVAL_S
    history_s: float = DEFAULT_HISTORY_S

    @classmethod
    def create(
        cls, interval_s: float = DEFAULT_INTERVAL_S, history_s: float = DEFAULT_HISTORY_S
    ) -> "SamplingConfig":
        interval = max(MIN_INTERVAL_S, float(interval_s))
        return cls(interval_s=interval, history_s=max(interval, float(history_s)))

    @property
    def capacity(self) -> int:
        """Samples per series needed to hold `history_s` at `interval_s` (3600 by default)."""
        return max(1, math.ceil(self.history_s / self.interval_s - 1e-9))

    @property
    def max_gap_s(self) -> float:
        """Samples further apart than this are not turned into a rate (the domain was not
        sampled for a while, e.g. its chart was closed): an average over the gap would mislead."""
        return max(5.0 * self.interval_s, 5.0)
