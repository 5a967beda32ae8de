"""Bounded per-domain histories and the store holding them."""

import math

import numpy as np
import pytest

from kvmgui.stats.config import MIN_INTERVAL_S, SamplingConfig
from kvmgui.stats.history import (
    BASE_SERIES,
    TIME_SERIES,
    DomainHistory,
    HistoryStore,
    history_bytes,
    vcpu_series,
)
from kvmgui.stats.rates import SCALAR_SERIES, DomainRates


def rates(tick: int, uuid: str = "u", vcpus: int = 2) -> DomainRates:
    return DomainRates(
        uuid=uuid, name=uuid, timestamp=float(tick), wall_time=1000.0 + tick, vcpus=vcpus,
        cpu_pct=float(tick), vcpu_pct=tuple(float(tick + i) for i in range(vcpus)),
        mem_current_kib=2048.0,
    )


def test_all_series_stay_aligned_and_bounded() -> None:
    history = DomainHistory(capacity=10)
    for tick in range(35):
        history.append(rates(tick))
    assert len(history) == 10
    assert history.view(TIME_SERIES).tolist() == [1000.0 + t for t in range(25, 35)]
    assert history.view("cpu_pct").tolist() == [float(t) for t in range(25, 35)]
    assert history.view(vcpu_series(1)).tolist() == [float(t + 1) for t in range(25, 35)]
    assert np.isnan(history.view("net_rx_bps")).all()
    assert set(history.series_names()) == {*BASE_SERIES, vcpu_series(0), vcpu_series(1)}


def test_memory_is_stated_up_front_and_does_not_grow() -> None:
    history = DomainHistory(capacity=50)
    history.append(rates(0, vcpus=3))
    stated = history_bytes(50, 3)
    assert history.memory_bytes() == stated
    for tick in range(1, 500):
        history.append(rates(tick, vcpus=3))
    assert history.memory_bytes() == stated
    # One float64 per series per sample: time, every scalar series, three vCPUs.
    assert stated == (1 + len(SCALAR_SERIES) + 3) * 50 * 8


def test_default_hour_at_one_second_stays_under_a_mebibyte_for_four_vcpus() -> None:
    assert history_bytes(SamplingConfig().capacity, 4) < 1 << 20


def test_vcpu_series_created_later_are_padded_with_nan() -> None:
    history = DomainHistory(capacity=8)
    history.append(rates(0, vcpus=1))
    history.append(rates(1, vcpus=1))
    history.append(rates(2, vcpus=3))  # vCPUs hot-plugged
    new = history.view(vcpu_series(2))
    assert len(new) == len(history) == 3
    assert math.isnan(new[0]) and math.isnan(new[1]) and new[2] == 4.0
    assert history.vcpu_count == 3
    history.append(rates(3, vcpus=1))  # unplugged again: series kept, NaN recorded
    assert math.isnan(history.latest(vcpu_series(2)))
    assert history.vcpu_count == 3


def test_vcpu_count_known_before_any_rate() -> None:
    first = DomainRates(uuid="u", name="u", timestamp=0.0, wall_time=0.0, vcpus=2)
    history = DomainHistory(capacity=4)
    history.append(first)
    assert history.vcpu_count == 2 and math.isnan(history.latest(vcpu_series(1)))


def test_set_capacity_keeps_newest() -> None:
    history = DomainHistory(capacity=10)
    for tick in range(10):
        history.append(rates(tick))
    history.set_capacity(4)
    assert history.view("cpu_pct").tolist() == [6.0, 7.0, 8.0, 9.0]
    assert history.memory_bytes() == history_bytes(4, 2)


def test_store_holds_drops_and_counts_memory() -> None:
    store = HistoryStore(capacity=6)
    store.extend([rates(0, "a"), rates(0, "b", vcpus=1), rates(1, "a")])
    assert len(store) == 2 and "a" in store and set(store) == {"a", "b"}
    a = store.get("a")
    assert a is not None and len(a) == 2
    assert store.memory_bytes() == history_bytes(6, 2) + history_bytes(6, 1)
    store.drop("b")
    store.drop("never-seen")
    assert "b" not in store and store.memory_bytes() == history_bytes(6, 2)
    store.append(rates(2, "c"))
    store.retain(["c"])
    assert set(store) == {"c"}
    store.set_capacity(3)
    assert store.memory_bytes() == history_bytes(3, 2)
    with pytest.raises(ValueError):
        store.set_capacity(0)


def test_config_clamps_interval_and_sizes_capacity() -> None:
    assert SamplingConfig().capacity == 3600
    fast = SamplingConfig.create(interval_s=0.1, history_s=60)
    assert fast.interval_s == MIN_INTERVAL_S
    assert fast.capacity == 120
    assert SamplingConfig.create(interval_s=2.0, history_s=7200).capacity == 3600
    assert SamplingConfig.create(interval_s=3.0, history_s=10).capacity == 4
