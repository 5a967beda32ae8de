"""Golden files: load ``NAME-in.xml``, edit through the typed API, compare with ``NAME-out.xml``.

Each ``-out.xml`` is written by hand: it is the input with exactly the listed edits applied,
laid out as libvirt would write it.  Outputs are also checked against libvirt's schemas and
defined on the libvirt test driver (as virt-manager's test_xmlparse does).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kvmgui.xml import (
    Device,
    Disk,
    Domain,
    DomainInterface,
    Network,
    Pool,
    SourceHost,
    Volume,
    canonical,
)
from kvmgui.xml.node import XmlDocument
from xml_helpers import GOLDEN, assert_same_xml, read, schema_errors


def edit_domain_basics(domain: Domain) -> None:
    domain.name = "web02"
    domain.title = "Web 2"
    domain.description = "Front-end web server, second instance"
    domain.memory = 4 * 1024 * 1024
    domain.current_memory = 1024 * 1024  # same as 1024 MiB: left alone
    domain.vcpu_max = 4
    domain.vcpu_current = 2
    domain.os_machine = "pc-q35-7.2"
    domain.boot_devices = ["cdrom", "hd", "network"]
    domain.cpu_mode = "host-passthrough"
    domain.cpu_model = None
    domain.cpu_sockets = 1
    domain.cpu_cores = 2
    domain.cpu_threads = 2


def edit_domain_unset(domain: Domain) -> None:
    # Created then unset: the created <cpu><topology> goes again.
    domain.cpu_sockets = 2
    domain.cpu_sockets = None
    domain.title = None
    domain.vcpu_current = None
    # Loaded elements left empty stay (<cpu/>): only what a setter created is pruned.
    domain.cpu_model = None
    domain.cpu_mode = None
    disk = domain.disks[0]
    disk.driver_type = None
    disk.readonly = True
    disk.readonly = False
    disk.boot_order = 1
    disk.boot_order = None
    nic = domain.interfaces[0]
    nic.target_dev = "vnet5"
    nic.target_dev = None
    nic.vlan.tags = []
    added = domain.add_device(Disk.new("vdz", source="/tmp/x.img"))
    domain.remove_device(added)


def edit_domain_devices(domain: Domain) -> None:
    first, scratch = domain.disks
    first.driver_type = "qcow2"
    first.driver_cache = "none"
    first.source_file = "/var/lib/libvirt/images/devices.qcow2"
    first.boot_order = 2
    domain.remove_device(scratch)
    cdrom = domain.add_device(
        Disk.new("sda", device="cdrom", bus="sata", driver_type="raw",
                 source="/var/lib/libvirt/images/install.iso")
    )
    cdrom.boot_order = 1

    nic = domain.interfaces[0]
    nic.type = "bridge"
    nic.source_network = None
    nic.source_bridge = "br-trunk"
    nic.mac = "52:54:00:12:00:02"
    nic.vlan.tags = [10, 20]
    nic.vlan.trunk = True
    nic.vlan.set_native(20, "untagged")
    nic.virtualport_type = "openvswitch"
    direct = domain.add_device(
        DomainInterface.new("direct", source="eth0", mac="52:54:00:12:00:03", model="e1000e")
    )
    direct.source_mode = "bridge"

    domain.serials[0].target_port = 1
    graphics = domain.graphics[0]
    graphics.port = 5905
    graphics.autoport = False
    graphics.listen = "0.0.0.0"
    domain.remove_device(domain.devices_of("watchdog")[0])
    balloon = domain.memballoon
    assert balloon is not None
    balloon.stats_period = 5
    domain.add_device(Device.from_xml(
        "<rng model='virtio'>\n  <backend model='random'>/dev/urandom</backend>\n</rng>"
    ))


def edit_network(network: Network) -> None:
    network.forward_mode = "route"
    network.forward_dev = "eth1"
    network.bridge_stp = False
    network.bridge_delay = 2
    network.dns_domain = "lab.example"
    ip = network.ips[0]
    ip.dhcp_ranges[0].end = "192.168.100.200"
    ip.add_dhcp_range("192.168.100.20", "192.168.100.29")
    ip.remove_dhcp_host(ip.dhcp_hosts[0])
    ip.add_dhcp_host(mac="52:54:00:10:00:03", name="gamma", ip="192.168.100.12")
    ipv6 = network.add_ip("fd00:100::1", prefix=64, family="ipv6")
    ipv6.add_dhcp_range("fd00:100::100", "fd00:100::1ff")


def edit_network_portgroups(network: Network) -> None:
    network.vlan.tags = [5]
    default, old = network.portgroups
    default.default = None
    network.remove_portgroup(old)
    vlan10 = network.add_portgroup("vlan10", default=True)
    vlan10.vlan.tags = [10]
    trunk = network.add_portgroup("trunk")
    trunk.vlan.tags = [10, 20, 30]
    trunk.vlan.trunk = True
    trunk.vlan.set_native(30, "tagged")


def edit_network_isolate(network: Network) -> None:
    network.forward_mode = None


def edit_network_macvtap(network: Network) -> None:
    network.forward_mode = "passthrough"
    network.forward_interfaces = ["eth10", "eth13"]


def edit_pool_iscsi(pool: Pool) -> None:
    pool.source_hosts = [SourceHost("san2.example.invalid", 3260)]
    pool.iscsi_target_iqn = "iqn.2013-06.com.example:new-target"
    pool.initiator_iqn = "iqn.2013-06.com.example:this-host"
    pool.auth_type = "chap"
    pool.auth_username = "kvm"
    pool.auth_secret_usage = "san-chap"
    pool.target_path = "/dev/disk/by-id"


def edit_pool_rbd(pool: Pool) -> None:
    pool.source_name = "vms"
    pool.source_hosts = [pool.source_hosts[0], SourceHost("mon4.example.invalid", 3300)]
    pool.auth_username = "libvirt"
    pool.auth_secret_uuid = None
    pool.auth_secret_usage = "client.libvirt secret"


def edit_pool_logical(pool: Pool) -> None:
    pool.source_devices = ["/dev/sda2", "/dev/sdb"]
    pool.source_name = "vg0"


def edit_volume(volume: Volume) -> None:
    volume.name = "guest-overlay.qcow2"
    volume.capacity = 20 * 1024**3
    volume.allocation = 200 * 1024**2  # same as 200 M: left alone
    volume.target_path = "/var/lib/libvirt/images/guest-overlay.qcow2"
    volume.backing_path = "/var/lib/libvirt/images/guest.qcow2"
    volume.backing_format = "qcow2"


CASES: dict[str, tuple[type[XmlDocument], Callable[[Any], None]]] = {
    "domain-basics": (Domain, edit_domain_basics),
    "domain-unset": (Domain, edit_domain_unset),
    "domain-devices": (Domain, edit_domain_devices),
    "network-edit": (Network, edit_network),
    "network-portgroups": (Network, edit_network_portgroups),
    "network-isolate": (Network, edit_network_isolate),
    "network-macvtap": (Network, edit_network_macvtap),
    "pool-iscsi": (Pool, edit_pool_iscsi),
    "pool-rbd": (Pool, edit_pool_rbd),
    "pool-logical": (Pool, edit_pool_logical),
    "volume-edit": (Volume, edit_volume),
}


def _edited(name: str) -> str:
    cls, edit = CASES[name]
    document = cls.from_xml(read(GOLDEN / f"{name}-in.xml"))
    edit(document)
    return document.to_xml()


def test_every_golden_file_has_a_case() -> None:
    names = {p.name.removesuffix("-in.xml") for p in GOLDEN.glob("*-in.xml")}
    outs = {p.name.removesuffix("-out.xml") for p in GOLDEN.glob("*-out.xml")}
    assert names == outs == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_edit(name: str) -> None:
    expected = read(GOLDEN / f"{name}-out.xml")
    assert canonical(expected) != canonical(read(GOLDEN / f"{name}-in.xml"))
    assert_same_xml(_edited(name), expected)


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_output_matches_libvirt_schema(name: str) -> None:
    kind = name.split("-")[0]
    assert schema_errors(_edited(name), kind) is None


def test_domain_unset_is_the_input_minus_the_loaded_fields() -> None:
    # The created-then-unset edits leave no trace: only the fields that came with the input
    # and were unset differ.
    result = Domain.from_xml(_edited("domain-unset"))
    assert result.title is None and result.vcpu_current is None
    assert result.find_element("cpu") is not None
    assert result.find_element("cpu/topology") is None
    assert result.interfaces[0].vlan.tags == []
    assert [d.target_dev for d in result.disks] == ["vda"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_output_defines_on_test_driver(name: str, default_conn: Any) -> None:
    xml = _edited(name)
    if name.startswith("domain"):
        obj = default_conn.defineXML(xml)
        assert Domain.from_xml(obj.XMLDesc(0)).name == Domain.from_xml(xml).name
        obj.undefine()
    elif name.startswith("network"):
        obj = default_conn.networkDefineXML(xml)
        assert Network.from_xml(obj.XMLDesc(0)).forward_mode == Network.from_xml(xml).forward_mode
        obj.undefine()
    elif name.startswith("pool"):
        obj = default_conn.storagePoolDefineXML(xml)
        assert Pool.from_xml(obj.XMLDesc(0)).source_name == Pool.from_xml(xml).source_name
        obj.undefine()
    else:
        pool = default_conn.storagePoolLookupByName("default-pool")
        volume = Volume.from_xml(xml)
        volume.target_path = None  # the pool decides where its volumes live
        obj = pool.createXML(volume.to_xml(), 0)
        assert Volume.from_xml(obj.XMLDesc(0)).capacity == volume.capacity
        obj.delete(0)
