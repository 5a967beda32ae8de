"""One typed edit changes exactly one thing.

Each case edits a corpus document through the typed API, and independently makes the same
change with plain lxml on the input; the canonical forms must match.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from lxml import etree

from kvmgui.xml import Domain, HostInterface, Network, Pool, SourceHost, Volume, canonical
from kvmgui.xml.tree import parse_xml
from xml_helpers import ROUNDTRIP

Raw = etree._Element
CLASSES = {"domain": Domain, "network": Network, "pool": Pool, "volume": Volume}


@dataclass(frozen=True)
class Case:
    file: str
    edit: Callable[[Any], None]
    expect: Callable[[Raw], None]
    label: str


def _one(root: Raw, xpath: str) -> Raw:
    found = root.xpath(xpath)
    assert isinstance(found, list) and len(found) == 1, xpath
    element = found[0]
    assert isinstance(element, etree._Element)
    return element


def set_attr(xpath: str, **attrs: str) -> Callable[[Raw], None]:
    def apply(root: Raw) -> None:
        for key, value in attrs.items():
            _one(root, xpath).set(key, value)
    return apply


def del_attr(xpath: str, name: str) -> Callable[[Raw], None]:
    def apply(root: Raw) -> None:
        del _one(root, xpath).attrib[name]
    return apply


def set_text(xpath: str, text: str, **attrs: str) -> Callable[[Raw], None]:
    def apply(root: Raw) -> None:
        element = _one(root, xpath)
        element.text = text
        for key, value in attrs.items():
            element.set(key, value)
    return apply


def remove(xpath: str) -> Callable[[Raw], None]:
    def apply(root: Raw) -> None:
        element = _one(root, xpath)
        parent = element.getparent()
        assert parent is not None
        parent.remove(element)
    return apply


def add_after(xpath: str, tag: str, **attrs: str) -> Callable[[Raw], None]:
    return lambda root: _one(root, xpath).addnext(etree.Element(tag, attrs))


def nothing(root: Raw) -> None:
    """The edit must be a no-op (the value was already there, maybe in another unit)."""


def both(*steps: Callable[[Raw], None]) -> Callable[[Raw], None]:
    def apply(root: Raw) -> None:
        for step in steps:
            step(root)
    return apply


ALL = "domain-kvm-all-devices.xml"
DISKS = "domain-disk-sources.xml"
NICS = "domain-interface-types.xml"
NAT = "network-nat-dhcp-dns.xml"
OVS = "network-ovs-portgroups.xml"

CASES = [
    Case(ALL, lambda d: setattr(d, "name", "renamed"), set_text("name", "renamed"), "name"),
    Case(ALL, lambda d: setattr(d, "title", None), remove("title"), "title-unset"),
    Case(ALL, lambda d: setattr(d, "type", "qemu"), set_attr(".", type="qemu"), "type"),
    Case(ALL, lambda d: setattr(d, "memory", 8 * 1024**2),
         set_text("memory", "8388608", unit="KiB"), "memory"),
    Case(ALL, lambda d: setattr(d, "memory", 4 * 1024**2), nothing, "memory-same-other-unit"),
    Case(ALL, lambda d: setattr(d, "current_memory", 1024),
         set_text("currentMemory", "1024", unit="KiB"), "current-memory"),
    Case(ALL, lambda d: setattr(d, "vcpu_max", 8), set_text("vcpu", "8"), "vcpu-max"),
    Case(ALL, lambda d: setattr(d, "vcpu_current", None), del_attr("vcpu", "current"),
         "vcpu-current-unset"),
    Case(ALL, lambda d: setattr(d, "cpu_mode", "host-model"), set_attr("cpu", mode="host-model"),
         "cpu-mode"),
    Case(ALL, lambda d: setattr(d, "cpu_model", "EPYC"), set_text("cpu/model", "EPYC"),
         "cpu-model"),
    Case(ALL, lambda d: setattr(d, "cpu_cores", 4), set_attr("cpu/topology", cores="4"),
         "cpu-cores"),
    Case(ALL, lambda d: setattr(d, "os_machine", "q35"), set_attr("os/type", machine="q35"),
         "os-machine"),
    Case(ALL, lambda d: setattr(d.disks[0], "source_file", "/x.qcow2"),
         set_attr("devices/disk[1]/source", file="/x.qcow2"), "disk-source"),
    Case(ALL, lambda d: setattr(d.disks[0], "driver_cache", "writeback"),
         set_attr("devices/disk[1]/driver", cache="writeback"), "disk-cache"),
    Case(ALL, lambda d: setattr(d.disks[0], "boot_order", 5),
         set_attr("devices/disk[1]/boot", order="5"), "disk-boot-order"),
    Case(ALL, lambda d: setattr(d.disks[0], "readonly", True),
         add_after("devices/disk[1]/boot", "readonly"), "disk-readonly"),
    Case(ALL, lambda d: setattr(d.disks[1], "readonly", False),
         remove("devices/disk[2]/readonly"), "cdrom-not-readonly"),
    Case(ALL, lambda d: setattr(d.interfaces[0], "source_portgroup", None),
         del_attr("devices/interface/source", "portgroup"), "nic-portgroup-unset"),
    Case(ALL, lambda d: setattr(d.interfaces[0], "target_dev", "vnet9"),
         add_after("devices/interface/source", "target", dev="vnet9"), "nic-target-created"),
    Case(ALL, lambda d: setattr(d.graphics[1], "listen", "0.0.0.0"),
         both(set_attr("devices/graphics[2]", listen="0.0.0.0"),
              set_attr("devices/graphics[2]/listen", address="0.0.0.0")), "vnc-listen"),
    Case(ALL, lambda d: setattr(d.graphics[0], "autoport", False),
         set_attr("devices/graphics[1]", autoport="no"), "spice-autoport"),
    Case(ALL, lambda d: setattr(d.memballoon, "stats_period", 30),
         set_attr("devices/memballoon/stats", period="30"), "balloon-period"),
    Case(ALL, lambda d: setattr(d.serials[0], "target_port", 1),
         set_attr("devices/serial/target", port="1"), "serial-port"),
    Case(DISKS, lambda d: setattr(d, "boot_devices", ["cdrom"]),
         both(set_attr("os/boot[1]", dev="cdrom"), remove("os/boot[2]")), "boot-devices"),
    Case(DISKS, lambda d: setattr(d.disks[2], "source_volume", "other.qcow2"),
         set_attr("devices/disk[3]/source", volume="other.qcow2"), "disk-volume"),
    Case(DISKS, lambda d: setattr(d.disks[4], "source_hosts",
                                  [*d.disks[4].source_hosts[:2], SourceHost("mon9", 6790)]),
         set_attr("devices/disk[5]/source/host[3]", name="mon9", port="6790"), "rbd-hosts"),
    Case(NICS, lambda d: setattr(d.interfaces[0].vlan, "tags", [42]),
         remove("devices/interface[1]/vlan/tag[2]"), "nic-vlan-tags"),
    Case(NICS, lambda d: setattr(d.interfaces[0].vlan, "trunk", False),
         set_attr("devices/interface[1]/vlan", trunk="no"), "nic-vlan-trunk"),
    Case(NICS, lambda d: d.interfaces[0].vlan.set_native(None),
         del_attr("devices/interface[1]/vlan/tag[2]", "nativeMode"), "nic-native-unset"),
    Case(NICS, lambda d: setattr(d.interfaces[1], "mac", "52:54:00:ff:ff:ff"),
         set_attr("devices/interface[2]/mac", address="52:54:00:ff:ff:ff"), "nic-mac"),
    Case(NICS, lambda d: setattr(d.interfaces[3], "source_mode", "private"),
         set_attr("devices/interface[4]/source", mode="private"), "nic-direct-mode"),
    Case(NAT, lambda d: setattr(d, "forward_mode", "nat"), nothing, "forward-same"),
    Case(NAT, lambda d: setattr(d, "bridge_stp", False), set_attr("bridge", stp="off"), "stp"),
    Case(NAT, lambda d: setattr(d, "dns_domain", "lan"), set_attr("domain", name="lan"), "dns"),
    Case(NAT, lambda d: setattr(d.ips[0].dhcp_ranges[1], "end", "192.168.122.20"),
         set_attr("ip[1]/dhcp/range[2]", end="192.168.122.20"), "dhcp-range-end"),
    Case(NAT, lambda d: setattr(d.ips[0].dhcp_hosts[1], "ip", "192.168.122.12"),
         set_attr("ip[1]/dhcp/host[2]", ip="192.168.122.12"), "dhcp-host-ip"),
    Case(NAT, lambda d: d.ips[0].remove_dhcp_range(d.ips[0].dhcp_ranges[0]),
         remove("ip[1]/dhcp/range[1]"), "dhcp-range-removed"),
    Case(OVS, lambda d: setattr(d.portgroups[1], "default", True),
         set_attr("portgroup[2]", default="yes"), "portgroup-default"),
    Case(OVS, lambda d: setattr(d.portgroups[0].vlan, "tags", [42, 43]),
         add_after("portgroup[1]/vlan/tag", "tag", id="43"), "portgroup-vlan-added"),
    Case(OVS, lambda d: setattr(d, "virtualport_type", None),
         del_attr("virtualport", "type"), "virtualport-unset"),
    Case("network-macvtap-passthrough.xml", lambda d: setattr(d, "forward_interfaces", ["eth10"]),
         both(remove("forward/interface[3]"), remove("forward/interface[2]")), "forward-devs"),
    Case("pool-iscsi.xml", lambda d: setattr(d, "initiator_iqn", "iqn.2000-01.x:y"),
         set_attr("source/initiator/iqn", name="iqn.2000-01.x:y"), "initiator"),
    Case("pool-rbd.xml", lambda d: setattr(d, "auth_username", "libvirt"),
         set_attr("source/auth", username="libvirt"), "rbd-user"),
    Case("pool-dir.xml", lambda d: setattr(d, "target_path", "/srv/images"),
         set_text("target/path", "/srv/images"), "pool-path"),
    Case("volume-qcow2-backing.xml", lambda d: setattr(d, "capacity", 30 * 1024**3),
         set_text("capacity", str(30 * 1024**3), unit="bytes"), "volume-capacity"),
    Case("volume-qcow2-backing.xml", lambda d: setattr(d, "capacity", 20 * 1024**3),
         nothing, "volume-capacity-same"),
    Case("volume-raw.xml", lambda d: setattr(d, "allocation", 4096),
         set_text("allocation", "4096", unit="bytes"), "volume-allocation"),
    Case("volume-qcow2-backing.xml", lambda d: setattr(d, "backing_format", "qcow2"),
         set_attr("backingStore/format", type="qcow2"), "volume-backing-format"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.label)
def test_one_edit_changes_one_thing(case: Case) -> None:
    source = (ROUNDTRIP / case.file).read_bytes()
    document = CLASSES[case.file.split("-")[0]].from_xml(source)
    case.edit(document)
    expected = parse_xml(source)
    case.expect(expected)
    assert canonical(document.to_xml()) == canonical(expected)


def test_host_interfaces_refuse_edits() -> None:
    interface = HostInterface.from_xml((ROUNDTRIP / "interface-ethernet.xml").read_bytes())
    with pytest.raises(AttributeError):
        interface.mtu = 9000
    with pytest.raises(AttributeError):
        interface.ipv4_dhcp = False
    assert interface.mtu == 1492
