"""RateTracker: previous sample per domain, stale baselines dropped."""

import pytest

from kvmgui.stats.samples import DomainCounters
from kvmgui.stats.tracker import RateTracker


def counters(uuid: str, t: float, cpu: int) -> DomainCounters:
    return DomainCounters(
        timestamp=t, wall_time=t, uuid=uuid, name=uuid, state=1, vcpus=1, cpu_time_ns=cpu
    )


def test_rates_follow_each_domain_separately() -> None:
    tracker = RateTracker(host_cpus=2)
    first = tracker.update([counters("a", 0.0, 0), counters("b", 0.0, 0)])
    assert [r.cpu_pct for r in first] == [None, None]
    second = tracker.update([counters("a", 1.0, 10**9), counters("b", 1.0, 25 * 10**7)])
    assert second[0].cpu_pct == pytest.approx(100.0)
    assert second[1].cpu_pct == pytest.approx(25.0)
    assert second[1].cpu_pct_of_host == pytest.approx(12.5)


def test_gap_longer_than_max_gap_restarts_the_baseline() -> None:
    tracker = RateTracker(host_cpus=1, max_gap_s=5.0)
    tracker.update([counters("a", 0.0, 0)])
    assert tracker.update([counters("a", 60.0, 30 * 10**9)])[0].cpu_pct is None
    assert tracker.update([counters("a", 61.0, 31 * 10**9)])[0].cpu_pct == pytest.approx(100.0)


def test_forget_and_retain() -> None:
    tracker = RateTracker(host_cpus=1)
    tracker.update([counters("a", 0.0, 0), counters("b", 0.0, 0)])
    tracker.forget("a")
    tracker.retain(["a"])  # drops b
    after = tracker.update([counters("a", 1.0, 10**9), counters("b", 1.0, 10**9)])
    assert after[0].cpu_pct is None and after[1].cpu_pct is None
