"""The integration tier's plumbing against the real libvirtd + QEMU (TCG)."""

from __future__ import annotations

import json
import os
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import libvirt
import libvirt_qemu
import pytest

from daemon_helpers import DaemonControl
from factory_helpers import GuestMaker
from object_helpers import (
    POOL_ROOT,
    PREFIX,
    connection,
    guest_xml,
    network_xml,
    pool_xml,
    remove_domain,
    remove_network,
    remove_pool,
    remove_test_objects,
)
from state_helpers import process_state, session_is_live, tier_lock


def qemu_pid_of(name: str) -> int:
    return int(Path(f"/run/libvirt/qemu/{name}.pid").read_text().strip())


def a_dead_pid() -> int:
    probe = subprocess.Popen(["true"])
    probe.wait()
    return probe.pid


def test_daemon_answers(libvirt_uri: str, virt_conn: libvirt.virConnect,
                        virsh: Callable[..., str]) -> None:
    assert libvirt_uri == "qemu:///system"
    assert virt_conn.getURI() == libvirt_uri
    assert virt_conn.getType() == "QEMU"
    assert virsh("uri").strip() == libvirt_uri


def test_running_guest_reports_every_stats_group(make_guest: GuestMaker,
                                                 virt_conn: libvirt.virConnect) -> None:
    name = make_guest("stats", vcpus=2)

    assert name.startswith(PREFIX)
    domain = virt_conn.lookupByName(name)
    assert domain.state()[0] == libvirt.VIR_DOMAIN_RUNNING
    assert ET.fromstring(domain.XMLDesc(0)).get("type") == "qemu"
    [(_, stats)] = virt_conn.domainListGetStats([domain], 0, 0)
    assert stats["cpu.time"] > 0
    assert any(key.startswith("balloon.") for key in stats)
    assert {"vcpu.0.time", "vcpu.1.time"} <= stats.keys()


def test_vcpu_thread_ids_are_threads_of_the_qemu_process(make_guest: GuestMaker,
                                                        virt_conn: libvirt.virConnect) -> None:
    name = make_guest("threads", vcpus=2)
    domain = virt_conn.lookupByName(name)

    reply = json.loads(libvirt_qemu.qemuMonitorCommand(domain, '{"execute":"query-cpus-fast"}', 0))

    thread_ids = [cpu["thread-id"] for cpu in reply["return"]]
    qemu_pid = qemu_pid_of(name)
    tasks = {int(task) for task in os.listdir(f"/proc/{qemu_pid}/task")}
    assert len(thread_ids) == 2
    assert set(thread_ids) <= tasks
    assert qemu_pid not in thread_ids


def test_isolated_network_is_active_with_a_bridge(test_network: str,
                                                  virt_conn: libvirt.virConnect) -> None:
    network = virt_conn.networkLookupByName(test_network)

    assert network.isActive()
    assert Path(f"/sys/class/net/{network.bridgeName()}/bridge").is_dir()
    definition = ET.fromstring(network.XMLDesc(0))
    assert definition.find("forward") is None
    assert definition.find("ip") is None


def test_guest_with_disk_uses_a_qcow2_volume_of_the_test_pool(
        make_guest: GuestMaker, test_pool: str, virt_conn: libvirt.virConnect) -> None:
    name = make_guest("disk", with_disk=True)
    domain = virt_conn.lookupByName(name)

    source = ET.fromstring(domain.XMLDesc(0)).find("devices/disk/source")
    assert source is not None
    volume = virt_conn.storageVolLookupByPath(source.get("file"))
    assert volume.storagePoolLookupByVolume().name() == test_pool
    volume_format = ET.fromstring(volume.XMLDesc(0)).find("target/format")
    assert volume_format is not None and volume_format.get("type") == "qcow2"
    assert domain.state()[0] == libvirt.VIR_DOMAIN_RUNNING


def test_guest_made_not_running_is_defined_and_shut_off(make_guest: GuestMaker,
                                                        virt_conn: libvirt.virConnect) -> None:
    domain = virt_conn.lookupByName(make_guest("off", running=False))

    assert domain.isPersistent()
    assert domain.state()[0] == libvirt.VIR_DOMAIN_SHUTOFF


def test_cleanup_guard_removes_leftovers_and_keeps_live_sessions_objects(
        request: pytest.FixtureRequest, make_guest: GuestMaker,
        virt_conn: libvirt.virConnect) -> None:
    kept = make_guest("kept")
    dead = a_dead_pid()
    # A crashed run's objects: one owned by a dead session, one from before owners existed.
    leftover_network = f"{PREFIX}{dead}-net"
    leftover_domain = f"{PREFIX}leftover-{os.getpid()}"
    leftover_pool = f"{PREFIX}{dead}-pool"

    def remove_if_the_guard_did_not() -> None:
        with connection() as conn:
            remove_domain(conn, leftover_domain)
            remove_network(conn, leftover_network)
            remove_pool(conn, leftover_pool)

    request.addfinalizer(remove_if_the_guard_did_not)
    # Under the tier lock: a concurrent session's guard would take these leftovers for its own.
    with tier_lock():
        virt_conn.networkDefineXML(network_xml(leftover_network)).create()
        virt_conn.defineXML(guest_xml(leftover_domain, network=leftover_network,
                                      disk_path=None, vcpus=1, memory_mib=64)).create()
        pool_path = POOL_ROOT / leftover_pool
        pool = virt_conn.storagePoolDefineXML(pool_xml(leftover_pool, pool_path), 0)
        pool.build(0)
        pool.create(0)
        (pool_path / "stray-file").write_text("left behind")

        removed = remove_test_objects(virt_conn, keep_owner=session_is_live)

    assert {leftover_domain, leftover_network, leftover_pool} <= set(removed)
    assert kept not in removed
    assert leftover_domain not in [d.name() for d in virt_conn.listAllDomains(0)]
    assert leftover_network not in [n.name() for n in virt_conn.listAllNetworks(0)]
    assert leftover_pool not in [p.name() for p in virt_conn.listAllStoragePools(0)]
    assert not (POOL_ROOT / leftover_pool).exists()
    assert virt_conn.lookupByName(kept).state()[0] == libvirt.VIR_DOMAIN_RUNNING


def test_running_guest_survives_libvirtd_kill_and_restart(daemon: DaemonControl,
                                                          make_guest: GuestMaker) -> None:
    name = make_guest("survivor")
    qemu_pid = qemu_pid_of(name)
    old_daemon_pid = daemon.pid

    daemon.kill()
    assert not daemon.answers(timeout_s=5)
    daemon.restart()

    assert daemon.pid != old_daemon_pid
    with connection() as conn:
        assert name in [domain.name() for domain in conn.listAllDomains(0)]
        assert conn.lookupByName(name).state()[0] == libvirt.VIR_DOMAIN_RUNNING
    assert qemu_pid_of(name) == qemu_pid
    assert process_state(qemu_pid) is not None


def test_stopped_libvirtd_answers_nothing_until_continued(daemon: DaemonControl) -> None:
    daemon.stop()
    try:
        assert not daemon.answers(timeout_s=2)
    finally:
        daemon.cont()

    assert daemon.answers(timeout_s=10)
