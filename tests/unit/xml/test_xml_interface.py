"""Host interfaces: what the topology view and host pages read."""

from __future__ import annotations

from kvmgui.xml import HostInterface
from xml_helpers import ROUNDTRIP


def load(name: str) -> HostInterface:
    return HostInterface.from_xml((ROUNDTRIP / name).read_bytes())


def test_ethernet() -> None:
    eth = load("interface-ethernet.xml")
    assert (eth.name, eth.type, eth.mac, eth.mtu, eth.start_mode) == (
        "eth0", "ethernet", "aa:bb:cc:dd:ee:ff", 1492, "onboot")
    assert (eth.link_state, eth.link_speed) == ("up", 1000)
    assert (eth.ipv4_dhcp, eth.ipv6_autoconf) == (True, True)
    assert (eth.ipv4_addresses, eth.ipv6_addresses) == ([], ["2001:db8::10/64"])


def test_vlan() -> None:
    vlan = load("interface-vlan.xml")
    assert (vlan.type, vlan.vlan_tag, vlan.vlan_parent) == ("vlan", 42, "eth0")
    assert vlan.ipv4_addresses == ["192.0.2.42/24"] and vlan.ipv4_dhcp is False


def test_bridge_members_are_interfaces() -> None:
    bridge = load("interface-bridge.xml")
    assert (bridge.bridge_stp, bridge.bridge_delay) == (False, "0.01")
    assert bridge.ipv4_addresses == ["192.168.0.5/24", "192.168.1.5/24"]
    members = bridge.bridge_members
    assert [(m.name, m.type) for m in members] == [("eth1", "ethernet"), ("eth2.100", "vlan")]
    assert (members[1].vlan_tag, members[1].vlan_parent) == (100, "eth2")
    assert bridge.bond_slaves == []


def test_bond() -> None:
    bond = load("interface-bond.xml")
    assert (bond.bond_mode, bond.start_mode) == ("active-backup", "hotplug")
    assert [(s.name, s.mac) for s in bond.bond_slaves] == [
        ("eth3", "52:54:00:ab:00:03"), ("eth4", "52:54:00:ab:00:04")]
