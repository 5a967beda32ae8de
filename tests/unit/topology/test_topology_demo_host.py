"""Graph and segments of resources/demo-host.xml, worked out by hand from that file.

Running: web01, web02, db01, ceph01, nfs01, router01; paused: build01 (its ports exist, so it
counts); shut off: db02, win10, saved01; crashed: legacy01 (no NIC). Every network is active.
"""

from __future__ import annotations

import pytest
from topology_helpers import DEMO_HOST, load_test_driver_file

from kvmgui.topology import (
    DomainSource,
    HostSource,
    NetworkSource,
    build_topology,
    can_reach,
    version_from_number,
)
from kvmgui.topology.model import NodeKind, PortMode, TopologyGraph, UplinkKind, WarningKind


@pytest.fixture(scope="module")
def demo() -> TopologyGraph:
    return build_topology(load_test_driver_file(DEMO_HOST))


def test_segments_by_hand(demo: TopologyGraph) -> None:
    found = {
        s.id: (s.vlan, s.bridge, s.uplink.kind, s.uplink.description, s.members)
        for s in demo.segments
    }
    ovs_uplink = (UplinkKind.UNKNOWN, "not reported by libvirt (Open vSwitch)")
    assert found == {
        # lan-vlan10 -> brvlan10 -> eth0.10 -> eth0
        "brvlan10": (10, "brvlan10", UplinkKind.PHYSICAL, "eth0 VLAN 10", ("web02",)),
        # db01's second NIC straight on brvlan20 -> eth0.20
        "brvlan20": (20, "brvlan20", UplinkKind.PHYSICAL, "eth0 VLAN 20", ("db01",)),
        # ceph01: macvtap bridge mode on eth0, untagged
        "macvtap:eth0/bridge": (None, None, UplinkKind.PHYSICAL, "eth0", ("ceph01",)),
        # ovs-trunk: web01 via portgroup vlan10, db01 via vlan20, router01 trunk 10,20 on the NIC
        "ovsbr0/vlan10": (10, "ovsbr0", *ovs_uplink, ("router01", "web01")),
        "ovsbr0/vlan20": (20, "ovsbr0", *ovs_uplink, ("db01", "router01")),
        # default NAT: web01, router01 (win10 is shut off)
        "virbr0": (None, "virbr0", UplinkKind.NAT, "NAT", ("router01", "web01")),
        # isolated: nfs01 and the paused build01
        "virbr1": (None, "virbr1", UplinkKind.ISOLATED, "isolated", ("build01", "nfs01")),
        # routed: nfs01 (saved01 is shut off)
        "virbr2": (None, "virbr2", UplinkKind.ROUTED, "routed", ("nfs01",)),
    }


def test_node_and_edge_counts(demo: TopologyGraph) -> None:
    kinds = {kind: sum(1 for _ in demo.nodes_of_kind(kind)) for kind in NodeKind}
    assert kinds == {
        NodeKind.PHYSICAL: 3,  # eth0, eth1, eth2
        NodeKind.BOND: 1,
        NodeKind.VLAN: 2,  # eth0.10, eth0.20
        NodeKind.BRIDGE: 4,  # brvlan10, brvlan20, br0 and the OVS bridge ovsbr0
        NodeKind.NETWORK: 5,
        NodeKind.PORTGROUP: 3,
        NodeKind.OUTSIDE: 1,
        NodeKind.DOMAIN: 11,
        NodeKind.VNIC: 14,  # 2+1+2+1+2+2+1 running/paused, 1+1+1 shut off
    }
    # host: 2 VLAN parents, 2 bond slaves, bond0->br0, 2 VLAN devices into bridges = 7;
    # outside->default, outside->routed, brvlan10->lan-vlan10, ovsbr0->ovs-trunk = 4;
    # ovs-trunk->3 portgroups; 14 vNICs x (parent + domain) = 28
    assert len(demo.edges) == 7 + 4 + 3 + 28


def test_vlan10_chain_from_the_trunk_uplink_to_web02(demo: TopologyGraph) -> None:
    chain = [("if:eth0", "if:eth0.10", PortMode.TRUNK),
             ("if:eth0.10", "if:brvlan10", PortMode.ACCESS),
             ("if:brvlan10", "net:lan-vlan10", PortMode.ACCESS),
             ("net:lan-vlan10", "vnic:web02/0", PortMode.ACCESS),
             ("vnic:web02/0", "dom:web02", PortMode.ACCESS)]
    for source, target, mode in chain:
        (edge,) = demo.edges_between(source, target)
        assert (edge.source, edge.vlans, edge.mode) == (source, (10,), mode)


def test_ovs_ports(demo: TopologyGraph) -> None:
    (router,) = demo.edges_between("pg:ovs-trunk/vlan10", "vnic:router01/0")
    assert (router.vlans, router.mode) == ((10, 20), PortMode.TRUNK)
    (trunk_group,) = demo.edges_between("net:ovs-trunk", "pg:ovs-trunk/trunk")
    assert (trunk_group.vlans, trunk_group.mode) == ((10, 20), PortMode.TRUNK)
    (db02,) = demo.edges_between("pg:ovs-trunk/trunk", "vnic:db02/0")
    assert not db02.active and db02.mode is PortMode.TRUNK
    assert demo.node("if:ovsbr0").ovs


def test_only_warning_is_win10_vlan_on_the_nat_bridge(demo: TopologyGraph) -> None:
    (warning,) = demo.warnings
    assert warning.kind is WarningKind.VLAN_NOT_APPLIED
    assert warning.objects == ("vnic:win10/0",)
    assert "VLAN 30" in warning.message


@pytest.mark.parametrize(
    ("first", "second", "segment"),
    [
        ("web01", "router01", "ovsbr0/vlan10"),
        ("db01", "router01", "ovsbr0/vlan20"),
        ("nfs01", "build01", "virbr1"),
        ("web01", "db01", None),  # VLAN 10 vs VLAN 20
        ("web02", "web01", None),  # both VLAN 10, but brvlan10 and ovsbr0 meet only outside
        ("ceph01", "web02", None),
        ("db02", "db01", None),  # shut off
    ],
)
def test_reachability(demo: TopologyGraph, first: str, second: str, segment: str | None) -> None:
    answer = can_reach(demo, first, second)
    assert answer.reachable is (segment is not None)
    assert answer.segment == segment
    if segment is not None:
        assert answer.path[0] == f"dom:{first}" and answer.path[-1] == f"dom:{second}"


def test_web01_to_router01_path(demo: TopologyGraph) -> None:
    assert can_reach(demo, "web01", "router01").path == (
        "dom:web01", "vnic:web01/1", "pg:ovs-trunk/vlan10", "vnic:router01/0", "dom:router01")


def test_same_answer_from_the_libvirt_test_driver() -> None:
    """What libvirt itself returns for the file gives the same segments and warnings."""
    libvirt = pytest.importorskip("libvirt")
    libvirt.registerErrorHandler(lambda _context, _error: None, None)
    conn = libvirt.open(f"test://{DEMO_HOST}")
    try:
        source = HostSource(
            interfaces=[i.XMLDesc(0) for i in conn.listAllInterfaces(0)],
            networks=[NetworkSource(n.XMLDesc(0), bool(n.isActive()))
                      for n in conn.listAllNetworks(0)],
            domains=[DomainSource(d.name(), d.UUIDString(), bool(d.isActive()), d.XMLDesc(0))
                     for d in conn.listAllDomains(0)],
            libvirt_version=version_from_number(conn.getLibVersion()),
        )
    finally:
        conn.close()
    live = build_topology(source)
    expected = build_topology(load_test_driver_file(DEMO_HOST, source.libvirt_version))
    assert [(s.id, s.members) for s in live.segments] == [
        (s.id, s.members) for s in expected.segments]
    assert [(w.kind, w.objects) for w in live.warnings] == [
        (w.kind, w.objects) for w in expected.warnings]
    assert set(live.nodes) == set(expected.nodes)
