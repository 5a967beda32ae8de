"""Converters from libvirt answers to DomainCounters."""

from typing import Any

from kvmgui.stats.samples import (
    BlockCounters,
    from_bulk_stats,
    from_fallback_calls,
    is_state_only,
)

# Shaped after what a QEMU domain reports, with the key names documented for
# virConnectGetAllDomainStats (state, cpu-total, balloon, vcpu, interface, block groups).
QEMU_RECORD: dict[str, Any] = {
    "state.state": 1,
    "state.reason": 1,
    "cpu.time": 52_301_000_000,
    "cpu.user": 31_000_000_000,
    "cpu.system": 12_000_000_000,
    "balloon.current": 1_048_576,
    "balloon.maximum": 2_097_152,
    "balloon.swap_in": 0,
    "balloon.swap_out": 0,
    "balloon.major_fault": 310,
    "balloon.minor_fault": 91_234,
    "balloon.unused": 712_340,
    "balloon.available": 1_003_532,
    "balloon.usable": 801_200,
    "balloon.last-update": 1_706_700_000,
    "balloon.disk_caches": 61_234,
    "balloon.rss": 389_120,
    "vcpu.current": 2,
    "vcpu.maximum": 4,
    "vcpu.0.state": 1,
    "vcpu.0.time": 21_000_000_000,
    "vcpu.0.wait": 0,
    "vcpu.1.state": 1,
    "vcpu.1.time": 19_500_000_000,
    "vcpu.1.wait": 0,
    "net.count": 1,
    "net.0.name": "vnet3",
    "net.0.rx.bytes": 9_876_543,
    "net.0.rx.pkts": 8_765,
    "net.0.rx.errs": 0,
    "net.0.rx.drop": 2,
    "net.0.tx.bytes": 1_234_567,
    "net.0.tx.pkts": 4_321,
    "net.0.tx.errs": 0,
    "net.0.tx.drop": 0,
    "block.count": 2,
    "block.0.name": "vda",
    "block.0.path": "/var/lib/libvirt/images/web.qcow2",
    "block.0.rd.reqs": 10_500,
    "block.0.rd.bytes": 280_000_000,
    "block.0.rd.times": 9_000_000_000,
    "block.0.wr.reqs": 3_200,
    "block.0.wr.bytes": 64_000_000,
    "block.0.wr.times": 4_000_000_000,
    "block.0.fl.reqs": 120,
    "block.0.fl.times": 100_000_000,
    "block.0.allocation": 1_900_000_000,
    "block.0.capacity": 10_737_418_240,
    "block.0.physical": 1_900_000_000,
    "block.1.name": "sda",  # empty CD-ROM: a name and nothing else
}


def _bulk(record: dict[str, Any]) -> Any:
    return from_bulk_stats(
        record, uuid="u-1", name="web", timestamp=10.0, wall_time=1_700_000_000.0, domain_id=7
    )


def test_bulk_record_maps_every_field() -> None:
    c = _bulk(QEMU_RECORD)
    assert (c.uuid, c.name, c.state, c.domain_id, c.vcpus) == ("u-1", "web", 1, 7, 2)
    assert c.cpu_time_ns == 52_301_000_000
    assert c.vcpu_time_ns == (21_000_000_000, 19_500_000_000)
    assert c.balloon_current_kib == 1_048_576
    assert c.balloon_maximum_kib == 2_097_152
    assert c.balloon_usable_kib == 801_200
    assert c.balloon_unused_kib == 712_340
    assert c.balloon_rss_kib == 389_120
    assert c.block["vda"] == BlockCounters(
        rd_bytes=280_000_000, wr_bytes=64_000_000, rd_reqs=10_500, wr_reqs=3_200
    )
    assert c.block["sda"] == BlockCounters()
    assert c.net["vnet3"].rx_bytes == 9_876_543
    assert c.net["vnet3"].tx_packets == 4_321


def test_totals_skip_devices_that_report_nothing() -> None:
    c = _bulk(QEMU_RECORD)
    assert c.block_total.rd_bytes == 280_000_000
    assert c.net_total.rx_packets == 8_765


def test_state_only_record_gives_empty_counters() -> None:
    record = {"state.state": 1, "state.reason": 0}
    assert is_state_only(record)
    assert not is_state_only(QEMU_RECORD)
    c = _bulk(record)
    assert c.cpu_time_ns is None and c.vcpus is None and c.balloon_rss_kib is None
    assert c.vcpu_time_ns == () and dict(c.block) == {} and dict(c.net) == {}


def test_offline_vcpu_in_the_middle_is_none() -> None:
    record = {"state.state": 1, "vcpu.current": 2, "vcpu.0.time": 5, "vcpu.2.time": 9}
    assert _bulk(record).vcpu_time_ns == (5, None, 9)


def test_backing_chain_entries_do_not_replace_the_top_image() -> None:
    record = {
        "state.state": 1, "block.count": 2,
        "block.0.name": "vda", "block.0.rd.bytes": 500,
        "block.1.name": "vda", "block.1.backingIndex": 1, "block.1.rd.bytes": 7,
    }
    assert _bulk(record).block["vda"].rd_bytes == 500


def test_negative_and_non_integer_values_are_missing() -> None:
    record = {"state.state": 1, "cpu.time": -1, "balloon.rss": "n/a", "vcpu.current": True}
    c = _bulk(record)
    assert c.cpu_time_ns is None and c.balloon_rss_kib is None and c.vcpus is None


def test_fallback_calls_with_balloon() -> None:
    c = from_fallback_calls(
        uuid="u-2", name="db", timestamp=1.0, wall_time=2.0, domain_id=3,
        info=[1, 4_194_304, 2_097_152, 2, 9_000_000_000],
        vcpu_info=[(0, 1, 4_000_000_000, 5), (1, 1, 3_000_000_000, 2)],
        memory_stats={
            "actual": 2_000_000, "usable": 1_500_000, "unused": 1_200_000, "rss": 800_000,
        },
        block_stats={"vda": (11, 2048, 7, 4096, -1)},
        interface_stats={"vnet0": (1000, 10, 0, 0, 500, 5, 0, 0)},
    )
    assert (c.state, c.vcpus, c.cpu_time_ns) == (1, 2, 9_000_000_000)
    assert c.vcpu_time_ns == (4_000_000_000, 3_000_000_000)
    assert c.balloon_current_kib == 2_000_000  # the balloon's value wins over info()
    assert c.balloon_maximum_kib == 4_194_304
    assert (c.balloon_usable_kib, c.balloon_unused_kib, c.balloon_rss_kib) == (
        1_500_000, 1_200_000, 800_000,
    )
    assert c.block["vda"] == BlockCounters(rd_bytes=2048, wr_bytes=4096, rd_reqs=11, wr_reqs=7)
    net = c.net["vnet0"]
    assert (net.rx_bytes, net.rx_packets, net.tx_bytes, net.tx_packets) == (1000, 10, 500, 5)


def test_fallback_without_balloon_uses_info_memory() -> None:
    c = from_fallback_calls(
        uuid="u", name="n", timestamp=1.0, wall_time=2.0,
        info=[3, 524_288, 262_144, 1, 77], memory_stats={},
    )
    assert c.balloon_current_kib == 262_144
    assert c.balloon_rss_kib is None and c.balloon_usable_kib is None
    assert c.vcpu_time_ns == () and dict(c.block) == {}
