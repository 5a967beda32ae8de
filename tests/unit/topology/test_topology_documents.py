"""Topology facts read through the kvmgui.xml documents."""

from __future__ import annotations

import pytest

from kvmgui.topology.documents import (
    TopologyXmlError,
    domain_facts,
    interface_facts,
    network_facts,
    read_document,
    vlan_spec,
)
from kvmgui.topology.facts import (
    DomainFacts,
    HostInterfaceFacts,
    HostInterfaceKind,
    NetworkFacts,
    NicType,
    VlanSpec,
)
from kvmgui.xml import Domain, HostInterface, Network


def read_vlan(vlan_xml: str) -> VlanSpec | None:
    """The `<vlan>` of a network holding `vlan_xml`."""
    return vlan_spec(read_document(Network, f"<network><name>n</name>{vlan_xml}</network>").vlan)


def read_host_interfaces(text: str) -> list[HostInterfaceFacts]:
    return interface_facts(read_document(HostInterface, text))


def read_network(text: str, active: bool) -> NetworkFacts:
    return network_facts(read_document(Network, text), active)


def read_domain(text: str, name: str, uuid: str, active: bool, state: str) -> DomainFacts:
    return domain_facts(read_document(Domain, text), name, uuid, active, state)


def test_read_vlan_access_trunk_and_native() -> None:
    assert read_vlan("<vlan><tag id='42'/></vlan>") == VlanSpec((42,))
    trunk = read_vlan(
        "<vlan trunk='yes'><tag id='42' nativeMode='untagged'/><tag id='47'/></vlan>"
    )
    assert trunk == VlanSpec((42, 47), trunk=True, native_tag=42, native_mode="untagged")
    assert trunk.is_trunk and trunk.all_tags == (42, 47)
    assert trunk.describe() == "trunk 42,47 (native 42 untagged)"
    assert read_vlan("<vlan/>") is None
    assert read_vlan("") is None


def test_single_tag_with_trunk_yes_is_still_a_trunk() -> None:
    spec = read_vlan("<vlan trunk='yes'><tag id='5'/></vlan>")
    assert spec is not None and spec.is_trunk and spec.describe() == "trunk 5"


def test_bridge_interface_flattens_nested_members() -> None:
    xml = """<interface type='bridge' name='br0'>
      <protocol family='ipv4'><ip address='192.0.2.10' prefix='24'/></protocol>
      <bridge stp='off'>
        <interface type='bond' name='bond0'>
          <bond mode='802.3ad'>
            <interface type='ethernet' name='eth1'><mac address='52:54:00:aa:00:02'/></interface>
            <interface type='ethernet' name='eth2'/>
          </bond>
        </interface>
      </bridge>
    </interface>"""
    bridge, bond, eth1, eth2 = read_host_interfaces(xml)
    assert (bridge.name, bridge.kind) == ("br0", HostInterfaceKind.BRIDGE)
    assert bridge.members == ("bond0",)
    assert bridge.addresses == ("192.0.2.10/24",)
    assert (bond.kind, bond.members, bond.bond_mode) == (
        HostInterfaceKind.BOND, ("eth1", "eth2"), "802.3ad")
    assert eth1.mac == "52:54:00:aa:00:02" and eth2.kind is HostInterfaceKind.ETHERNET


def test_vlan_interface_tag_and_parent() -> None:
    (vlan_device,) = read_host_interfaces(
        "<interface type='vlan' name='eth0.10'><vlan tag='10'><interface name='eth0'/></vlan>"
        "</interface>"
    )
    assert (vlan_device.vlan_tag, vlan_device.vlan_parent) == (10, "eth0")


def test_network_facts() -> None:
    xml = """<network>
      <name>lab</name><uuid>u-1</uuid>
      <forward/>
      <bridge name='virbr7'/>
      <ip address='10.1.0.1' netmask='255.255.255.0'>
        <dhcp><range start='10.1.0.10' end='10.1.0.20'/></dhcp>
      </ip>
      <ip family='ipv6' address='fd00::1' prefix='64'/>
      <portgroup name='a' default='yes'><vlan><tag id='3'/></vlan></portgroup>
      <portgroup name='b'><virtualport type='openvswitch'/></portgroup>
    </network>"""
    network = read_network(xml, active=False)
    assert network.forward_mode == "nat"  # <forward/> without mode means NAT
    assert network.bridge == "virbr7" and not network.active and network.owns_bridge
    assert network.ips[0].prefix == 24
    assert network.ips[0].describe() == "10.1.0.1/24 DHCP 10.1.0.10-10.1.0.20"
    assert network.ips[1].family == "ipv6"
    default, ovs = network.portgroup(None), network.portgroup("b")
    assert default is not None and default.name == "a"
    assert ovs is not None and ovs.virtualport == "openvswitch"
    assert network.portgroup("missing") is None


def test_isolated_network_has_no_forward_mode_and_macvtap_devices_are_collected() -> None:
    assert read_network("<network><name>iso</name></network>", True).mode_label == "isolated"
    direct = read_network(
        "<network><name>d</name><forward mode='private' dev='eth3'>"
        "<interface dev='eth3'/><interface dev='eth4'/></forward></network>", True)
    assert direct.forward_devices == ("eth3", "eth4") and not direct.owns_bridge


def test_domain_nics_from_live_xml() -> None:
    xml = """<domain><devices>
      <interface type='bridge'>
        <mac address='52:54:00:00:00:01'/>
        <source network='host-bridge' portgroup='pg1' bridge='br0'/>
        <target dev='vnet3'/><model type='virtio'/><link state='down'/>
      </interface>
      <interface type='direct'><source dev='eth0' mode='bridge'/></interface>
      <interface type='hostdev'>
        <source><address type='pci' domain='0x0000' bus='0x03' slot='0x10' function='0x2'/>
        </source>
      </interface>
      <interface type='vhostuser'/>
    </devices></domain>"""
    facts = read_domain(xml, "vm", "uuid", True, "running")
    live, direct, hostdev, other = facts.nics
    assert (live.type, live.network, live.portgroup, live.bridge) == (
        NicType.BRIDGE, "host-bridge", "pg1", "br0")
    assert (live.target_dev, live.model, live.link_down) == ("vnet3", "virtio", True)
    assert (direct.dev, direct.direct_mode) == ("eth0", "bridge")
    assert hostdev.hostdev_address == "0000:03:10.2"
    assert (other.type, other.raw_type, other.index) == (NicType.OTHER, "vhostuser", 3)


@pytest.mark.parametrize("text", ["<network><name>x</name>", "<domain/>", ""])
def test_bad_xml_raises_a_topology_error(text: str) -> None:
    with pytest.raises(TopologyXmlError):
        read_network(text, True)


@pytest.mark.parametrize(("text", "message"), [
    ("<network><name>x</name>", "not well-formed XML: "),
    ("", "not well-formed XML: "),
    ("<domain/>", "expected a <network> document, got <domain>"),
])
def test_read_document_says_why(text: str, message: str) -> None:
    with pytest.raises(TopologyXmlError, match=message):
        read_document(Network, text)


def test_objects_without_a_name_are_unreadable() -> None:
    with pytest.raises(TopologyXmlError, match="network without a name"):
        read_network("<network><name></name></network>", True)
    with pytest.raises(TopologyXmlError, match="host interface without a name"):
        read_host_interfaces("<interface type='ethernet'/>")


def test_empty_attributes_read_as_missing() -> None:
    (eth,) = read_host_interfaces("<interface type='ethernet' name='eth0'><mac address=''/>"
                                  "</interface>")
    assert eth.mac is None
    network = read_network(
        "<network><name>n</name><forward mode='' dev=''><interface dev=''/>"
        "<interface dev='eth1'/><pf dev=''/></forward><bridge name=''/>"
        "<virtualport type=''/></network>", True)
    assert (network.forward_mode, network.bridge, network.virtualport) == ("nat", None, None)
    assert (network.forward_devices, network.sriov_pf) == (("eth1",), None)
    (nic,) = read_domain("<domain><devices><interface type=''><mac address=''/>"
                         "<source network='' bridge=''/><target dev=''/></interface>"
                         "</devices></domain>", "vm", "u", True, "running").nics
    assert (nic.type, nic.raw_type, nic.mac, nic.network, nic.bridge, nic.target_dev) == (
        NicType.OTHER, "", None, None, None, None)


def test_sriov_network_and_forward_devices_without_duplicates() -> None:
    network = read_network(
        "<network><name>vf</name><forward mode='hostdev' dev='eth3'><pf dev='enp3s0f0'/>"
        "<interface dev='eth3'/><interface dev='eth4'/></forward></network>", True)
    assert (network.sriov_pf, network.forward_devices) == ("enp3s0f0", ("eth3", "eth4"))
    assert not network.owns_bridge


def test_host_interface_details() -> None:
    bridge, eth1 = read_host_interfaces(
        "<interface type='bridge' name='br1'>"
        "<protocol family='ipv6'><ip address='fd00::2' prefix='64'/></protocol>"
        "<protocol family='ipv4'><ip address='192.0.2.2' prefix='24'/></protocol>"
        "<bridge><interface type='ethernet' name='eth1'/><interface name='eth9'/><interface/>"
        "</bridge><vlan tag='7'><interface name='eth0'/></vlan></interface>")
    # members named only are listed but not defined here; nameless ones are skipped
    assert (bridge.members, eth1.name) == (("eth1", "eth9"), "eth1")
    assert bridge.addresses == ("fd00::2/64", "192.0.2.2/24")
    assert (bridge.vlan_tag, bridge.vlan_parent) == (None, None)  # only VLAN devices have one
    (odd,) = read_host_interfaces("<interface type='team' name='team0'/>")
    assert odd.kind is HostInterfaceKind.ETHERNET  # unknown kinds behave like a plain NIC


def test_vlan_tags_that_are_not_numbers_are_left_out() -> None:
    assert read_vlan("<vlan><tag id='x'/><tag id='12'/></vlan>") == VlanSpec((12,))
    assert read_vlan("<vlan><tag id='x'/></vlan>") is None
    assert read_vlan("<vlan><tag id='12' nativeMode=''/></vlan>") == VlanSpec((12,))
