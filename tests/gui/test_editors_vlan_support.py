"""Which VLAN settings libvirt applies or rejects (kvmgui.logic.vlan_support; pure, no Qt)."""

import pytest

from kvmgui.logic.vlan_support import (
    network_vlan_problems,
    network_vlans_allowed,
    nic_vlan_problems,
    parse_version,
)
from kvmgui.xml import Domain, DomainInterface, Network

OLD = (9, 0, 0)
NEW = (11, 0, 0)

NETWORKS = {
    "linux": "<network><name>linux</name><forward mode='bridge'/><bridge name='br0'/></network>",
    "ovs": ("<network><name>ovs</name><forward mode='bridge'/><bridge name='ovsbr0'/>"
            "<virtualport type='openvswitch'/><portgroup name='v10'><vlan><tag id='10'/></vlan>"
            "</portgroup></network>"),
    "nat": "<network><name>nat</name><forward mode='nat'/><ip address='10.254.1.1' prefix='24'/>"
           "</network>",
}


def guest(*nics: DomainInterface) -> Domain:
    domain = Domain.new("g", 65536, 1)
    for nic in nics:
        domain.add_device(nic)
    return domain


def tagged(nic: DomainInterface, *tags: int) -> DomainInterface:
    nic.vlan.tags = list(tags)
    return nic


def test_parse_version() -> None:
    assert parse_version("9.0.0") == (9, 0, 0)
    assert parse_version("11.2") == (11, 2, 0)
    assert parse_version("") is None


def test_nic_tag_on_linux_bridge_is_refused_before_libvirt_11() -> None:
    domain = guest(tagged(DomainInterface.new("network", source="linux"), 10))
    problems = nic_vlan_problems(domain, NETWORKS, OLD)
    assert [(p.field, p.severity) for p in problems] == [("interface[0].vlan", "warning")]
    assert "Linux bridges only from 11.0" in problems[0].message
    assert nic_vlan_problems(domain, NETWORKS, NEW) == []


def test_nic_tags_applied_by_ovs_and_macvtap_passthrough() -> None:
    ovs = tagged(DomainInterface.new("network", source="ovs"), 20)
    passthrough = tagged(DomainInterface.new("direct", source="eth0"), 30)
    passthrough.source_mode = "passthrough"
    vepa = tagged(DomainInterface.new("direct", source="eth0"), 40)
    vepa.source_mode = "vepa"
    problems = nic_vlan_problems(guest(ovs, passthrough, vepa), NETWORKS, OLD)
    assert [p.field for p in problems] == ["interface[2].vlan"]
    assert "not in vepa mode" in problems[0].message


def test_nic_inherits_the_portgroup_vlan_and_unknown_networks_are_not_judged() -> None:
    on_portgroup = DomainInterface.new("network", source="ovs")
    on_portgroup.source_portgroup = "v10"
    nat = DomainInterface.new("network", source="nat")
    unknown = tagged(DomainInterface.new("network", source="elsewhere"), 5)
    assert nic_vlan_problems(guest(on_portgroup, nat, unknown), NETWORKS, OLD) == []
    nat_tagged = tagged(DomainInterface.new("network", source="nat"), 7)
    problems = nic_vlan_problems(guest(nat_tagged), NETWORKS, OLD)
    assert len(problems) == 1 and "VLAN 7" in problems[0].message


@pytest.mark.parametrize("broken", ["<network><name>nat</name>", "<domain/>", "<network/>"])
def test_a_network_whose_xml_cannot_be_read_is_not_judged(broken: str) -> None:
    networks = {**NETWORKS, "nat": broken}
    assert nic_vlan_problems(guest(tagged(DomainInterface.new("network", source="nat"), 7)),
                             networks, OLD) == []
    # the other networks are still judged
    domain = guest(tagged(DomainInterface.new("network", source="linux"), 10),
                   tagged(DomainInterface.new("network", source="nat"), 7))
    problems = nic_vlan_problems(domain, networks, OLD)
    assert [p.field for p in problems] == ["interface[0].vlan"]


@pytest.mark.parametrize(("xml", "old_ok", "new_ok"), [
    ("<network><name>n</name><forward mode='nat'/></network>", False, False),
    ("<network><name>n</name></network>", False, False),
    ("<network><name>n</name><forward mode='bridge'/><bridge name='br0'/></network>", False, True),
    (("<network><name>n</name><forward mode='bridge'/><bridge name='br0'/>"
     "<virtualport type='openvswitch'/></network>"), True, True),
    ("<network><name>n</name><forward mode='hostdev'/></network>", True, True),
    ("<network><name>n</name><forward mode='passthrough' dev='eth0'/></network>", True, True),
])
def test_where_networks_may_carry_vlans(xml: str, old_ok: bool, new_ok: bool) -> None:
    network = Network.from_xml(xml)
    assert network_vlans_allowed(network, OLD) is old_ok
    assert network_vlans_allowed(network, NEW) is new_ok


def test_network_vlan_problems_name_the_portgroup() -> None:
    network = Network.new("n", forward_mode="nat", ipv4="10.254.2.1/24")
    plain = network.add_portgroup("plain")
    tagged_group = network.add_portgroup("tagged")
    tagged_group.vlan.tags = [10]
    problems = network_vlan_problems(network, OLD)
    assert [(p.field, p.severity) for p in problems] == [("portgroup[1].vlan", "error")]
    network.vlan.tags = [5]  # network-wide: every portgroup gets it
    assert [p.field for p in network_vlan_problems(network, OLD)] == [
        "portgroup[0].vlan", "portgroup[1].vlan"]
    network.remove_portgroup(plain)
    network.remove_portgroup(network.portgroups[0])
    assert [p.field for p in network_vlan_problems(network, OLD)] == ["vlan"]


def test_portgroup_with_its_own_ovs_virtualport_on_a_bridge_network() -> None:
    network = Network.from_xml("<network><name>n</name><forward mode='bridge'/>"
                               "<bridge name='br0'/></network>")
    group = network.add_portgroup("ovs")
    group.vlan.tags = [10]
    assert len(network_vlan_problems(network, OLD)) == 1
    group.virtualport_type = "openvswitch"
    assert network_vlan_problems(network, OLD) == []
