"""Fixed-capacity ring buffer of float64 samples (pure, numpy).

Memory is allocated once (capacity * 8 bytes) and never grows. Missing samples are NaN, which
pyqtgraph draws as gaps (connect='finite').
"""

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


class RingBuffer:
    """The newest `capacity` values appended, oldest first when viewed."""

    __slots__ = ("_data", "_next", "_size")

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self._data: FloatArray = np.full(capacity, np.nan, dtype=np.float64)
        self._next = 0  # index the next value is written to
        self._size = 0

    @property
    def capacity(self) -> int:
        return int(self._data.shape[0])

    @property
    def nbytes(self) -> int:
        """Bytes held by the sample storage (fixed for the buffer's life)."""
        return int(self._data.nbytes)

    def __len__(self) -> int:
        return self._size

    def append(self, value: float | None) -> None:
        """Add one sample, overwriting the oldest when full. None is stored as NaN."""
        self._data[self._next] = np.nan if value is None else value
        self._next = (self._next + 1) % self.capacity
        self._size = min(self._size + 1, self.capacity)

    def append_missing(self, count: int) -> None:
        """Add `count` NaN samples at once (aligns a series created after its siblings)."""
        if count <= 0:
            return
        count = min(count, self.capacity)
        first = min(count, self.capacity - self._next)
        self._data[self._next:self._next + first] = np.nan
        self._data[: count - first] = np.nan
        self._next = (self._next + count) % self.capacity
        self._size = min(self._size + count, self.capacity)

    def latest(self) -> float:
        """The newest sample, or NaN when empty."""
        if self._size == 0:
            return float("nan")
        return float(self._data[self._next - 1])

    def view(self, last_n: int | None = None) -> FloatArray:
        """The newest `last_n` samples (all when None), oldest first, read-only.

        When they lie contiguously in storage this is a view (no copy) that stays valid only
        until the next append; when they wrap around, exactly those `last_n` values are copied.
        """
        n = self._size if last_n is None else max(0, min(last_n, self._size))
        start = (self._next - n) % self.capacity
        if start + n <= self.capacity:
            result = self._data[start:start + n]
        else:
            result = np.concatenate((self._data[start:], self._data[: self._next]))
        result.flags.writeable = False
        return result

    def clear(self) -> None:
        self._next = 0
        self._size = 0

    def resized(self, capacity: int) -> "RingBuffer":
        """A new buffer of `capacity` holding the newest samples of this one."""
        other = RingBuffer(capacity)
        kept = self.view(capacity)
        other._data[: len(kept)] = kept
        other._size = len(kept)
        other._next = len(kept) % capacity
        return other
