""""Can A reach B at layer 2?" on small hosts."""

from __future__ import annotations

from itertools import pairwise

from topology_helpers import (
    ISOLATED_NETWORK,
    NAT_NETWORK,
    bridge_network,
    build,
    domain,
    ethernet,
    host_bridge,
    nic_direct,
    nic_network,
    vlan,
)

from kvmgui.topology import can_reach

OVS = bridge_network("ovs", "ovsbr0", "<virtualport type='openvswitch'/>")


def test_path_runs_through_the_shared_bridge() -> None:
    graph = build(interfaces=[ethernet("eth0"), host_bridge("br0", "eth0")],
                  networks=[bridge_network("lan", "br0")],
                  domains=[domain("a", nic_network("lan")), domain("b", nic_network("lan"))])
    answer = can_reach(graph, "a", "b")
    assert answer.reachable and answer.segment == "br0"
    assert answer.path == ("dom:a", "vnic:a/0", "net:lan", "vnic:b/0", "dom:b")
    for first, second in pairwise(answer.path):
        assert graph.edges_between(first, second), (first, second)


def test_different_vlans_on_one_ovs_bridge_need_a_router() -> None:
    graph = build(networks=[OVS], domains=[
        domain("ten", nic_network("ovs", vlan=vlan(10))),
        domain("twenty", nic_network("ovs", vlan=vlan(20))),
        domain("router", nic_network("ovs", vlan=vlan(10, 20))),
    ])
    apart = can_reach(graph, "ten", "twenty")
    assert not apart.reachable and apart.path == ()
    assert "different VLANs" in apart.reason and "router" in apart.reason
    # the trunk port is in both VLANs
    assert can_reach(graph, "ten", "router").segment == "ovsbr0/vlan10"
    assert can_reach(graph, "router", "twenty").segment == "ovsbr0/vlan20"


def test_nat_and_isolated_networks_do_not_meet() -> None:
    graph = build(networks=[NAT_NETWORK, ISOLATED_NETWORK], domains=[
        domain("nat", nic_network("default")),
        domain("iso", nic_network("isolated")),
        domain("both", nic_network("default"), nic_network("isolated")),
    ])
    assert not can_reach(graph, "nat", "iso").reachable
    assert can_reach(graph, "nat", "both").path == (
        "dom:nat", "vnic:nat/0", "net:default", "vnic:both/0", "dom:both")
    assert can_reach(graph, "iso", "both").path == (
        "dom:iso", "vnic:iso/0", "net:isolated", "vnic:both/1", "dom:both")


def test_reasons_for_unknown_shut_off_and_nic_less_domains() -> None:
    graph = build(networks=[NAT_NETWORK], domains=[
        domain("up", nic_network("default")),
        domain("off", nic_network("default"), active=False),
        domain("bare"),
    ])
    assert "no domain named ghost" in can_reach(graph, "up", "ghost").reason
    assert "shut off" in can_reach(graph, "off", "up").reason
    assert "no network interface" in can_reach(graph, "up", "bare").reason
    assert can_reach(graph, "up", "up").reachable


def test_macvtap_guests_reach_each_other_but_private_ones_do_not() -> None:
    graph = build(interfaces=[ethernet("eth0")], domains=[
        domain("b1", nic_direct("eth0", "bridge")),
        domain("b2", nic_direct("eth0", "bridge")),
        domain("p1", nic_direct("eth0", "private")),
        domain("p2", nic_direct("eth0", "private")),
    ])
    together = can_reach(graph, "b1", "b2")
    assert together.path == ("dom:b1", "vnic:b1/0", "if:eth0", "vnic:b2/0", "dom:b2")
    assert "not the host" in together.reason
    apart = can_reach(graph, "p1", "p2")
    assert not apart.reachable
    assert "eth0" in apart.reason and "external switch" in apart.reason


def test_same_vlan_on_separate_bridges_hints_at_the_outside_switch() -> None:
    graph = build(networks=[OVS], interfaces=[ethernet("eth0"), host_bridge("br0", "eth0")],
                  domains=[domain("ovs10", nic_network("ovs", vlan=vlan(10))),
                           domain("plain", "<interface type='bridge'><source bridge='br0'/>"
                                  "</interface>")])
    assert "switches outside" not in can_reach(graph, "ovs10", "plain").reason
    graph = build(networks=[OVS], domains=[
        domain("a", nic_network("ovs", vlan=vlan(10))),
        domain("b", "<interface type='bridge'><source bridge='ovsbr9'/>"
               "<virtualport type='openvswitch'/>" + vlan(10) + "</interface>"),
    ])
    answer = can_reach(graph, "a", "b")
    assert not answer.reachable
    assert "segment on VLAN 10" in answer.reason and "switches outside" in answer.reason
