"""SparklineStore, the sparkline values of one tick, and the one used-memory rule."""

import math

import numpy as np
import pytest

from kvmgui.stats.memory import used_memory_kib
from kvmgui.stats.rates import DomainRates
from kvmgui.stats.sparklines import (
    SPARKLINE_HISTORY_S,
    SparklineStore,
    sparkline_capacity,
    sparkline_values,
)


def test_sparkline_store_rows_columns_and_capacity() -> None:
    store = SparklineStore(4)
    store.append(["a", "b"], [(1.0, 10.0, 100.0), (2.0, 20.0, 200.0)])
    store.append(["b"], [(3.0, 30.0, 300.0)])
    a, b = store.series("a", 10), store.series("b", 10)
    assert a is not None and b is not None
    assert a[0].tolist()[0] == 1.0 and np.isnan(a[0][1])  # missing from a tick: NaN there
    assert b[1].tolist() == [20.0, 30.0]
    for value in range(5):
        store.append(["b"], [(float(value), 0.0, 0.0)])
    assert store.series("b", 10)[0].tolist() == [1.0, 2.0, 3.0, 4.0]  # type: ignore[index]
    store.set_capacity(2)
    assert store.series("b", 10)[0].tolist() == [3.0, 4.0]  # type: ignore[index]
    store.retain(["b"])
    assert "a" not in store and store.series("a", 1) is None
    store.append(["c"] + [f"x{i}" for i in range(40)], [(9.0, 9.0, 9.0)] * 41)  # rows grow
    assert store.series("c", 1)[0].tolist() == [9.0]  # type: ignore[index]
    assert np.isnan(store.series("c", 2)[0][0])  # type: ignore[index]  # new rows start empty


def test_dropped_rows_are_reused_and_memory_is_counted() -> None:
    store = SparklineStore(3)
    store.append(["a", "b"], [(1.0, 1.0, 1.0), (2.0, 2.0, 2.0)])
    size = store.memory_bytes()
    assert size == 3 * 16 * 3 * 8  # three series, rows grown to 16, three ticks, float64
    store.drop("a")
    store.append(["c"], [(5.0, 5.0, 5.0)])
    assert store.memory_bytes() == size and len(store) == 2
    c = store.series("c", 3)
    assert c is not None and np.isnan(c[0][0]) and c[0][-1] == 5.0  # no leftovers of "a"


def test_capacity_covers_the_sparkline_history() -> None:
    assert sparkline_capacity(1.0) == SPARKLINE_HISTORY_S
    assert sparkline_capacity(0.5) == 2 * SPARKLINE_HISTORY_S
    assert sparkline_capacity(7.0) == math.ceil(SPARKLINE_HISTORY_S / 7.0)
    assert sparkline_capacity(1000.0) == 2


def rates(**values: float | None) -> DomainRates:
    return DomainRates(uuid="u", name="n", timestamp=1.0, wall_time=1.0, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(("current", "unused", "rss", "used"), [
    (1000.0, 300.0, 900.0, 700.0),  # the guest says what it leaves unused: trust it
    (1000.0, None, 900.0, 900.0),  # no balloon statistics: the process's RSS
    (None, 300.0, 900.0, 900.0),
    (1000.0, None, None, None),
])
def test_used_memory_rule(current: float | None, unused: float | None, rss: float | None,
                          used: float | None) -> None:
    assert used_memory_kib(current, unused, rss) == used


def test_sparkline_values_follow_the_rule_and_use_nan_for_unknown() -> None:
    cpu, used, total = sparkline_values(rates(cpu_pct=12.5, mem_current_kib=2048.0,
                                              mem_unused_kib=512.0, mem_rss_kib=4000.0))
    assert (cpu, used, total) == (12.5, 1536.0, 2048.0)
    cpu, used, total = sparkline_values(rates(mem_current_kib=2048.0, mem_rss_kib=1000.0))
    assert math.isnan(cpu) and used == 1000.0 and total == 2048.0
    assert all(math.isnan(v) for v in sparkline_values(rates()))
