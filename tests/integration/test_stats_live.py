"""The stats engine on a real QEMU guest: bulk getAllDomainStats groups feed it, and its per-vCPU
percentages agree with the vCPU threads' CPU time that the kernel reports."""

import os
import time
from pathlib import Path

import libvirt
from object_helpers import POOL_ROOT, connection, owned_name, remove_domain

from kvmgui.stats.rates import compute_rates
from kvmgui.virt.stats_collect import StatsCollector

TICK = os.sysconf("SC_CLK_TCK")


def thread_cpu_s(pid: int, tid: int) -> float:
    fields = Path(f"/proc/{pid}/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def qemu_pid(name: str) -> int:
    return int(Path(f"/run/libvirt/qemu/{name}.pid").read_text().strip())


# A boot sector that spins forever (`jmp $`): vCPU 0 stays busy, vCPU 1 never leaves its halt.
SPIN_MBR = b"\xeb\xfe" + bytes(508) + b"\x55\xaa"


def spinning_guest(conn: libvirt.virConnect, name: str, image: Path) -> libvirt.virDomain:
    image.write_bytes(SPIN_MBR + bytes(1024 * 1024 - len(SPIN_MBR)))
    return conn.createXML(f"""<domain type='qemu'><name>{name}</name>
      <memory unit='MiB'>64</memory><vcpu>2</vcpu>
      <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
      <devices><disk type='file' device='disk'><driver name='qemu' type='raw'/>
        <source file='{image}'/><target dev='hda' bus='ide'/></disk>
        <memballoon model='virtio'/></devices></domain>""", 0)


def test_per_vcpu_percent_matches_the_threads_cpu_time(  # type: ignore[no-untyped-def]
        virt_conn: libvirt.virConnect, test_pool: str, libvirt_tier, request) -> None:
    name = owned_name("spin", libvirt_tier.session_pid)

    def remove() -> None:
        with connection() as conn:
            remove_domain(conn, name)
    request.addfinalizer(remove)
    dom = spinning_guest(virt_conn, name, POOL_ROOT / test_pool / "spin.img")
    collector = StatsCollector(virt_conn)
    uuid = dom.UUIDString()

    threads = collector.vcpu_threads(uuid)
    pid = qemu_pid(name)
    assert threads is not None and sorted(threads) == [0, 1]
    tasks = {int(t) for t in os.listdir(f"/proc/{pid}/task")}
    assert set(threads.values()) <= tasks  # the ids shown are qemu's own threads

    host_cpus = virt_conn.getInfo()[2]
    first = collector.collect([uuid])
    before = {v: thread_cpu_s(pid, tid) for v, tid in threads.items()}
    t0 = time.monotonic()
    time.sleep(3)  # the measurement window
    second = collector.collect([uuid])
    after = {v: thread_cpu_s(pid, tid) for v, tid in threads.items()}
    window = time.monotonic() - t0

    assert not collector.uses_fallback  # the real driver answers the bulk call with every group
    assert len(first) == len(second) == 1
    sample = second[0]
    assert sample.cpu_time_ns is not None and sample.balloon_current_kib is not None
    assert sample.balloon_rss_kib is not None and len(sample.vcpu_time_ns) == 2

    rates = compute_rates(first[0], sample, host_cpus)
    assert rates.cpu_pct is not None and rates.mem_rss_kib is not None
    busy, idle = rates.vcpu_pct
    assert busy is not None and idle is not None and busy > 50 > idle  # the picture is real
    for vcpu in (0, 1):
        kernel_pct = 100 * (after[vcpu] - before[vcpu]) / window
        engine_pct = rates.vcpu_pct[vcpu]
        assert engine_pct is not None
        assert abs(engine_pct - kernel_pct) <= 10, (vcpu, engine_pct, kernel_pct)


def test_placement_names_a_host_cpu_for_each_vcpu(make_guest, virt_conn: libvirt.virConnect  # type: ignore[no-untyped-def]
                                                  ) -> None:
    name = make_guest("place", running=True, vcpus=2)
    collector = StatsCollector(virt_conn)
    placement = collector.vcpu_placement(virt_conn.lookupByName(name).UUIDString())
    host_cpus = virt_conn.getInfo()[2]
    assert [v for v, _cpu in placement] == [0, 1]
    assert all(0 <= cpu < host_cpus for _v, cpu in placement)
