"""Rate math over synthetic counter sequences."""

from dataclasses import replace

import pytest

from kvmgui.stats.rates import SCALAR_SERIES, compute_rates, counter_delta
from kvmgui.stats.samples import BlockCounters, DomainCounters, NetCounters

GIB = 1 << 30


def sample(t: float, cpu: int | None, **changes: object) -> DomainCounters:
    base = DomainCounters(
        timestamp=t, wall_time=1_700_000_000.0 + t, uuid="u", name="vm", state=1, domain_id=4,
        vcpus=2, cpu_time_ns=cpu, vcpu_time_ns=(0, 0), balloon_current_kib=1024,
        balloon_rss_kib=900,
        block={"vda": BlockCounters(rd_bytes=0, wr_bytes=0, rd_reqs=0, wr_reqs=0)},
        net={"vnet0": NetCounters(rx_bytes=0, tx_bytes=0, rx_packets=0, tx_packets=0)},
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_first_sample_has_gauges_but_no_rates() -> None:
    r = compute_rates(None, sample(1.0, 10), host_cpus=4)
    assert r.cpu_pct is None and r.disk_rd_bps is None and r.vcpu_pct == ()
    assert r.mem_current_kib == 1024 and r.mem_rss_kib == 900
    assert not r.restarted


def test_normal_rates() -> None:
    prev = sample(10.0, 1_000_000_000, vcpu_time_ns=(100, 200))
    cur = sample(
        12.0, 2_000_000_000,  # 1 s of CPU in 2 s
        vcpu_time_ns=(100 + 1_500_000_000, 200 + 500_000_000),
        block={"vda": BlockCounters(rd_bytes=4096, wr_bytes=8192, rd_reqs=10, wr_reqs=6)},
        net={"vnet0": NetCounters(rx_bytes=2000, tx_bytes=1000, rx_packets=20, tx_packets=4)},
    )
    r = compute_rates(prev, cur, host_cpus=4)
    assert r.cpu_pct == pytest.approx(50.0)
    assert r.cpu_pct_of_vcpus == pytest.approx(25.0)
    assert r.cpu_pct_of_host == pytest.approx(12.5)
    assert r.vcpu_pct == pytest.approx((75.0, 25.0))
    assert (r.disk_rd_bps, r.disk_wr_bps) == pytest.approx((2048, 4096))
    assert (r.disk_rd_iops, r.disk_wr_iops) == pytest.approx((5, 3))
    assert (r.net_rx_bps, r.net_tx_bps) == pytest.approx((1000, 500))
    assert (r.net_rx_pps, r.net_tx_pps) == pytest.approx((10, 2))


def test_rates_sum_over_devices() -> None:
    prev = sample(0.0, 0, block={
        "vda": BlockCounters(rd_bytes=100), "vdb": BlockCounters(rd_bytes=1000),
    })
    cur = sample(1.0, 0, block={
        "vda": BlockCounters(rd_bytes=300), "vdb": BlockCounters(rd_bytes=1500),
    })
    assert compute_rates(prev, cur, 1).disk_rd_bps == pytest.approx(700)


@pytest.mark.parametrize("dt", [0.0, -1.0])
def test_no_rates_when_time_does_not_advance(dt: float) -> None:
    r = compute_rates(sample(5.0, 0), sample(5.0 + dt, 10**9), host_cpus=1)
    assert r.cpu_pct is None and r.net_rx_bps is None
    assert r.mem_current_kib == 1024


def test_restart_by_cpu_time_going_down_gives_a_gap_then_recovers() -> None:
    big = 50 * 10**9
    ticks = [
        sample(0.0, big, block={"vda": BlockCounters(rd_bytes=10 * GIB)}),
        sample(1.0, 10**8, block={"vda": BlockCounters(rd_bytes=4096)}),  # restarted
        sample(2.0, 6 * 10**8, block={"vda": BlockCounters(rd_bytes=4096 + 1000)}),
    ]
    restart = compute_rates(ticks[0], ticks[1], 2)
    assert restart.restarted
    assert all(restart.value(name) is None for name in SCALAR_SERIES if "mem" not in name)
    after = compute_rates(ticks[1], ticks[2], 2)
    assert not after.restarted
    assert after.cpu_pct == pytest.approx(50.0)
    assert after.disk_rd_bps == pytest.approx(1000)


def test_restart_by_new_domain_id_even_if_cpu_time_grew() -> None:
    r = compute_rates(sample(0.0, 10, domain_id=4), sample(1.0, 10**9, domain_id=9), 1)
    assert r.restarted and r.cpu_pct is None


def test_missing_fields_only_blank_their_own_rate() -> None:
    prev = sample(0.0, None, balloon_rss_kib=None, vcpu_time_ns=())
    cur = sample(1.0, 10**9, balloon_rss_kib=None, vcpu_time_ns=(5, 5),
                 net={"vnet0": NetCounters(rx_bytes=300)})
    r = compute_rates(prev, cur, 1)
    assert r.cpu_pct is None and r.cpu_pct_of_vcpus is None
    assert r.vcpu_pct == (None, None)
    assert r.mem_rss_kib is None
    assert r.net_rx_bps == pytest.approx(300)
    assert r.net_tx_bps is None  # went from 0 to unreported


def test_device_counter_reset_blanks_that_sum_only() -> None:
    prev = sample(0.0, 0, block={"vda": BlockCounters(rd_bytes=5000, wr_bytes=100)})
    cur = sample(1.0, 10**9, block={"vda": BlockCounters(rd_bytes=10, wr_bytes=400)})
    r = compute_rates(prev, cur, 1)
    assert r.disk_rd_bps is None
    assert r.disk_wr_bps == pytest.approx(300)
    assert r.cpu_pct == pytest.approx(100.0)


def test_hot_plugged_device_is_not_a_spike() -> None:
    prev = sample(0.0, 0, net={"vnet0": NetCounters(rx_bytes=1000)})
    cur = sample(1.0, 0, net={
        "vnet0": NetCounters(rx_bytes=1100), "vnet1": NetCounters(rx_bytes=50 * GIB),
    })
    assert compute_rates(prev, cur, 1).net_rx_bps == pytest.approx(100)


def test_unplugged_device_is_left_out() -> None:
    prev = sample(0.0, 0, net={
        "vnet0": NetCounters(rx_bytes=1000), "vnet1": NetCounters(rx_bytes=9000),
    })
    cur = sample(1.0, 0, net={"vnet0": NetCounters(rx_bytes=1400)})
    assert compute_rates(prev, cur, 1).net_rx_bps == pytest.approx(400)


def test_32_bit_counter_wrap() -> None:
    prev = sample(0.0, 0, net={"vnet0": NetCounters(rx_bytes=2**32 - 100)})
    cur = sample(1.0, 0, net={"vnet0": NetCounters(rx_bytes=50)})
    assert compute_rates(prev, cur, 1).net_rx_bps == pytest.approx(150)


def test_counter_delta_rules() -> None:
    assert counter_delta(10, 25) == 15
    assert counter_delta(None, 5) is None and counter_delta(5, None) is None
    assert counter_delta(2**64 - 10, 5) == 15
    assert counter_delta(2**32 - 1, 0) == 1
    # A drop that does not cross the top of a range is a reset, not a wrap.
    assert counter_delta(1000, 10) is None
    assert counter_delta(2**33, 10) is None


def test_value_rejects_unknown_series() -> None:
    r = compute_rates(None, sample(0.0, 0), 1)
    with pytest.raises(KeyError):
        r.value("uuid")


def test_cpu_share_without_vcpu_or_host_count() -> None:
    prev, cur = sample(0.0, 0, vcpus=None), sample(1.0, 10**9, vcpus=None)
    r = compute_rates(prev, cur, host_cpus=0)
    assert r.cpu_pct == pytest.approx(100.0)
    assert r.cpu_pct_of_vcpus is None and r.cpu_pct_of_host is None
