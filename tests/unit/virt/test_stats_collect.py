"""StatsCollector against libvirt's real test driver (whose bulk stats report only state)."""

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest

from kvmgui.stats.host import per_cpu_usage
from kvmgui.stats.samples import StatsGroup
from kvmgui.stats.sparklines import SPARKLINE_GROUPS
from kvmgui.stats.tracker import RateTracker
from kvmgui.virt.stats_collect import StatsCollector, bulk_flags, device_targets

FALLBACK_MESSAGE = "per-domain calls"


def _domain(name: str, index: int, runstate: int, balloon: bool, disks: int, nics: int) -> str:
    disk_xml = "".join(
        f"<disk type='file' device='disk'><source file='/img/{name}-{d}.qcow2'/>"
        f"<target dev='vd{chr(ord('a') + d)}' bus='virtio'/></disk>"
        for d in range(disks)
    )
    nic_xml = "".join(
        f"<interface type='network'><mac address='52:54:00:00:{index:02x}:{n:02x}'/>"
        "<source network='default'/><model type='virtio'/></interface>"
        for n in range(nics)
    )
    return f"""
  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
    <name>{name}</name>
    <uuid>00000000-0000-4000-8000-{index:012d}</uuid>
    <memory unit='MiB'>1024</memory>
    <currentMemory unit='MiB'>512</currentMemory>
    <vcpu>{index % 3 + 1}</vcpu>
    <os><type arch='x86_64'>hvm</type></os>
    <devices>{disk_xml}{nic_xml}{"<memballoon model='virtio'/>" if balloon else ""}</devices>
    <test:runstate>{runstate}</test:runstate>
  </domain>"""


def _host_xml() -> str:
    domains = [
        _domain("run1", 1, 1, balloon=True, disks=2, nics=1),
        _domain("run2", 2, 1, balloon=True, disks=1, nics=2),
        _domain("run3", 3, 1, balloon=False, disks=0, nics=0),
        _domain("paused", 4, 3, balloon=True, disks=1, nics=1),
        _domain("off", 5, 5, balloon=True, disks=1, nics=1),
    ]
    network = (
        "<network><name>default</name><bridge name='virbr0'/><forward mode='nat'/>"
        "<ip address='192.168.122.1' netmask='255.255.255.0'/></network>"
    )
    return (
        "<node><cpu><nodes>1</nodes><sockets>1</sockets><cores>2</cores><threads>2</threads>"
        "<active>4</active><mhz>2000</mhz><model>x86_64</model></cpu>"
        "<memory>8388608</memory>" + "".join(domains) + network + "</node>"
    )


@pytest.fixture(autouse=True)
def _quiet_libvirt() -> None:
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)


@pytest.fixture
def host_conn(tmp_path: Path) -> Iterator[libvirt.virConnect]:
    path = tmp_path / "host.xml"
    path.write_text(_host_xml())
    conn = libvirt.open(f"test://{path}")
    yield conn
    conn.close()


def _fallback_logs(caplog: pytest.LogCaptureFixture) -> int:
    return sum(
        1 for r in caplog.records if r.name == "kvmgui.stats" and FALLBACK_MESSAGE in r.message
    )


def test_default_driver_falls_back_and_logs_once(
    default_conn: libvirt.virConnect, caplog: pytest.LogCaptureFixture
) -> None:
    collector = StatsCollector(default_conn)
    with caplog.at_level(logging.INFO, logger="kvmgui.stats"):
        first = collector.collect()
        second = collector.collect()
    assert collector.uses_fallback
    assert _fallback_logs(caplog) == 1
    assert [c.name for c in first] == [c.name for c in second] == ["test"]
    test = second[0]
    dom = default_conn.lookupByName("test")
    assert test.uuid == dom.UUIDString() and test.state == libvirt.VIR_DOMAIN_RUNNING
    assert test.vcpus == dom.info()[3] and len(test.vcpu_time_ns) == test.vcpus
    assert test.balloon_rss_kib is not None and test.balloon_maximum_kib == dom.maxMemory()
    assert set(test.block) == {"vda"} and test.block["vda"].rd_bytes is not None
    assert set(test.net) == {"testnet0"} and test.net["testnet0"].rx_bytes is not None


def test_cpu_time_grows_between_collects(default_conn: libvirt.virConnect) -> None:
    collector = StatsCollector(default_conn)
    tracker = RateTracker(collector.host_cpu_count())
    before = collector.collect()
    time.sleep(0.05)
    after = collector.collect()
    assert before[0].cpu_time_ns is not None and after[0].cpu_time_ns is not None
    assert after[0].cpu_time_ns > before[0].cpu_time_ns
    assert after[0].timestamp > before[0].timestamp
    tracker.update(before)
    (rates,) = tracker.update(after)
    assert rates.cpu_pct is not None and rates.cpu_pct > 0
    assert rates.disk_rd_bps is not None and rates.net_rx_bps is not None


def test_only_active_domains_with_their_devices(host_conn: libvirt.virConnect) -> None:
    counters = {c.name: c for c in StatsCollector(host_conn).collect()}
    assert set(counters) == {"run1", "run2", "run3", "paused"}
    assert set(counters["run1"].block) == {"vda", "vdb"} and len(counters["run1"].net) == 1
    assert set(counters["run2"].block) == {"vda"} and len(counters["run2"].net) == 2
    assert dict(counters["run3"].block) == {} and dict(counters["run3"].net) == {}
    assert counters["run1"].balloon_rss_kib is not None
    assert counters["run1"].balloon_usable_kib is not None
    assert counters["run3"].balloon_rss_kib is None  # no <memballoon>
    assert counters["run3"].balloon_current_kib == 512 * 1024
    assert counters["paused"].state == libvirt.VIR_DOMAIN_PAUSED


def test_subset_of_domains(host_conn: libvirt.virConnect) -> None:
    run2 = host_conn.lookupByName("run2").UUIDString()
    off = host_conn.lookupByName("off").UUIDString()
    counters = StatsCollector(host_conn).collect([run2, off])
    assert [c.name for c in counters] == ["run2"]
    assert StatsCollector(host_conn).collect([]) == []


def test_groups_choose_the_per_domain_calls(default_conn: libvirt.virConnect) -> None:
    collector = StatsCollector(default_conn)
    (light,) = collector.collect(groups=SPARKLINE_GROUPS)
    assert collector.uses_fallback
    dom = default_conn.lookupByName("test")
    assert light.cpu_time_ns is not None and light.balloon_current_kib == dom.info()[2]
    assert light.balloon_rss_kib == dom.memoryStats()["rss"]
    assert light.vcpu_time_ns == () and dict(light.block) == {} and dict(light.net) == {}
    (bare,) = collector.collect(groups=StatsGroup.STATE | StatsGroup.CPU)
    assert bare.cpu_time_ns is not None and bare.balloon_rss_kib is None
    (full,) = collector.collect()
    assert len(full.vcpu_time_ns) == full.vcpus and set(full.block) == {"vda"}
    assert set(full.net) == {"testnet0"} and full.balloon_rss_kib is not None


def test_skip_leaves_domains_out_of_a_collect_of_all(host_conn: libvirt.virConnect) -> None:
    collector = StatsCollector(host_conn)
    run1 = host_conn.lookupByName("run1").UUIDString()
    names = {c.name for c in collector.collect(None, SPARKLINE_GROUPS, skip={run1})}
    assert names == {"run2", "run3", "paused"}
    assert {c.name for c in collector.collect()} == {"run1", "run2", "run3", "paused"}


def test_bulk_flags_of_the_groups() -> None:
    assert bulk_flags(StatsGroup.ALL) == (
        libvirt.VIR_DOMAIN_STATS_STATE | libvirt.VIR_DOMAIN_STATS_CPU_TOTAL
        | libvirt.VIR_DOMAIN_STATS_BALLOON | libvirt.VIR_DOMAIN_STATS_VCPU
        | libvirt.VIR_DOMAIN_STATS_INTERFACE | libvirt.VIR_DOMAIN_STATS_BLOCK)
    assert bulk_flags(SPARKLINE_GROUPS) == (
        libvirt.VIR_DOMAIN_STATS_STATE | libvirt.VIR_DOMAIN_STATS_CPU_TOTAL
        | libvirt.VIR_DOMAIN_STATS_BALLOON)
    assert bulk_flags(StatsGroup.NET) == (
        libvirt.VIR_DOMAIN_STATS_STATE | libvirt.VIR_DOMAIN_STATS_INTERFACE)


def test_domains_gone_between_list_and_stats_do_not_break_the_batch(
    host_conn: libvirt.virConnect,
) -> None:
    collector = StatsCollector(host_conn)
    active = host_conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)
    listed = [d.UUIDString() for d in active]
    collector.collect(listed)  # settles fallback detection, fills the device cache
    host_conn.lookupByName("run1").destroy()
    doomed = host_conn.lookupByName("run2")
    doomed.destroy()
    doomed.undefine()
    names = {c.name for c in collector.collect(listed)}
    assert names == {"run3", "paused"}
    assert {c.name for c in collector.collect()} == {"run3", "paused"}


def test_domains_vanishing_during_collects(host_conn: libvirt.virConnect) -> None:
    """Another thread creates and destroys transient domains while we sample."""
    collector = StatsCollector(host_conn)
    collector.collect()
    stop = threading.Event()
    failures: list[BaseException] = []
    transient = _domain("blink", 9, 1, balloon=True, disks=1, nics=1).replace(
        "<test:runstate>1</test:runstate>", ""
    )

    def churn() -> None:
        try:
            while not stop.is_set():
                host_conn.createXML(transient, 0).destroy()
        except BaseException as exc:  # reported to the main thread below
            failures.append(exc)

    worker = threading.Thread(target=churn)
    worker.start()
    try:
        for _ in range(200):
            names = {c.name for c in collector.collect()}
            assert {"run1", "run2", "run3", "paused"} <= names <= {
                "run1", "run2", "run3", "paused", "blink",
            }
    finally:
        stop.set()
        worker.join()
    assert failures == []


def test_host_cpu_times_and_memory(default_conn: libvirt.virConnect) -> None:
    collector = StatsCollector(default_conn)
    count, online, _ = default_conn.getCPUMap()
    first = collector.host_cpu_times()
    second = collector.host_cpu_times()
    assert first is not None and second is not None and len(first) == count
    assert [t is not None for t in first] == list(online)
    assert all(t is None or t.kernel_ns is not None for t in first)
    usage = per_cpu_usage(first, second)  # the test driver's counters never move
    assert len(usage) == count
    assert collector.host_memory() is None  # virNodeGetMemoryStats is unsupported here


def test_vcpu_placement_and_threads(default_conn: libvirt.virConnect) -> None:
    collector = StatsCollector(default_conn)
    dom = default_conn.lookupByName("test")
    placement = collector.vcpu_placement(dom.UUIDString())
    assert [vcpu for vcpu, _ in placement] == list(range(dom.info()[3]))
    assert all(cpu >= 0 for _, cpu in placement)
    assert collector.vcpu_placement("00000000-0000-4000-8000-00000000dead") == []
    assert collector.vcpu_threads(dom.UUIDString()) is None  # not a QEMU connection


def test_device_targets_prefer_target_dev_then_mac() -> None:
    xml = """<domain><devices>
      <disk device='disk'><target dev='vda'/></disk>
      <disk device='cdrom'><target dev='sda'/></disk>
      <disk device='disk'/>
      <interface type='network'><mac address='52:54:00:aa:bb:cc'/><target dev='vnet7'/></interface>
      <interface type='bridge'><mac address='52:54:00:11:22:33'/></interface>
    </devices></domain>"""
    assert device_targets(xml) == (("vda", "sda"), ("vnet7", "52:54:00:11:22:33"))
