"""Fixed-capacity float64 ring buffer."""

import math

import numpy as np
import pytest

from kvmgui.stats.ringbuffer import RingBuffer


def filled(capacity: int, values: range) -> RingBuffer:
    buf = RingBuffer(capacity)
    for v in values:
        buf.append(float(v))
    return buf


def test_before_wrapping_keeps_everything_in_order() -> None:
    buf = filled(5, range(3))
    assert len(buf) == 3 and buf.capacity == 5
    assert buf.view().tolist() == [0.0, 1.0, 2.0]


def test_order_after_wrap_is_oldest_first() -> None:
    buf = filled(4, range(10))
    assert len(buf) == 4
    assert buf.view().tolist() == [6.0, 7.0, 8.0, 9.0]
    assert buf.view(2).tolist() == [8.0, 9.0]
    assert buf.view(3).tolist() == [7.0, 8.0, 9.0]
    assert buf.latest() == 9.0


def test_view_larger_than_content_or_zero() -> None:
    buf = filled(8, range(3))
    assert buf.view(100).tolist() == [0.0, 1.0, 2.0]
    assert buf.view(0).tolist() == []


def test_contiguous_view_does_not_copy_and_wrapped_view_copies_only_last_n() -> None:
    buf = filled(6, range(4))
    contiguous = buf.view(3)
    assert np.shares_memory(contiguous, buf.view())
    buf = filled(6, range(8))  # storage now holds 6,7,2,3,4,5 -> newest four wrap
    wrapped = buf.view(4)
    assert wrapped.tolist() == [4.0, 5.0, 6.0, 7.0]
    assert wrapped.nbytes == 4 * 8


def test_views_are_read_only() -> None:
    view = filled(3, range(2)).view()
    with pytest.raises(ValueError):
        view[0] = 5.0


def test_none_is_stored_as_nan() -> None:
    buf = RingBuffer(3)
    buf.append(None)
    buf.append(1.5)
    values = buf.view()
    assert math.isnan(values[0]) and values[1] == 1.5


def test_nbytes_is_fixed_by_capacity() -> None:
    buf = RingBuffer(100)
    before = buf.nbytes
    assert before == 100 * np.dtype(np.float64).itemsize
    for i in range(1000):
        buf.append(i)
    assert buf.nbytes == before and len(buf) == 100


def test_append_missing_pads_with_nan_and_wraps() -> None:
    buf = filled(5, range(4))
    buf.append_missing(3)
    values = buf.view()
    assert values[:2].tolist() == [2.0, 3.0]
    assert np.isnan(values[2:]).all()
    buf.append(9.0)
    assert buf.latest() == 9.0 and len(buf) == 5
    buf.append_missing(50)
    assert len(buf) == 5 and np.isnan(buf.view()).all()


def test_empty_buffer() -> None:
    buf = RingBuffer(2)
    assert len(buf) == 0 and buf.view().size == 0 and math.isnan(buf.latest())


def test_resized_keeps_newest() -> None:
    buf = filled(5, range(12))
    smaller = buf.resized(3)
    assert smaller.view().tolist() == [9.0, 10.0, 11.0]
    bigger = buf.resized(8)
    assert bigger.view().tolist() == [7.0, 8.0, 9.0, 10.0, 11.0]
    bigger.append(12.0)
    assert bigger.view(2).tolist() == [11.0, 12.0]


def test_clear() -> None:
    buf = filled(3, range(5))
    buf.clear()
    assert len(buf) == 0
    buf.append(1.0)
    assert buf.view().tolist() == [1.0]


def test_capacity_must_be_positive() -> None:
    with pytest.raises(ValueError):
        RingBuffer(0)
