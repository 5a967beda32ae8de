"""Each warning: one host that raises it and a close one that does not."""

from __future__ import annotations

from topology_helpers import (
    NAT_NETWORK,
    bridge_network,
    build,
    domain,
    ethernet,
    host_bridge,
    nic_bridge,
    nic_direct,
    nic_network,
    vlan,
    vlan_device,
)

from kvmgui.topology.model import TopologyGraph, TopologyWarning, WarningKind


def warnings_of(graph: TopologyGraph, kind: WarningKind) -> list[TopologyWarning]:
    return [warning for warning in graph.warnings if warning.kind is kind]


def test_bridge_without_uplink() -> None:
    bare = build(interfaces=[host_bridge("br9")], networks=[bridge_network("lan9", "br9")])
    (warning,) = warnings_of(bare, WarningKind.BRIDGE_WITHOUT_UPLINK)
    assert warning.objects == ("if:br9", "net:lan9")
    assert "br9" in warning.message
    wired = build(interfaces=[ethernet("eth1"), host_bridge("br9", "eth1")])
    assert warnings_of(wired, WarningKind.BRIDGE_WITHOUT_UPLINK) == []


def test_network_owned_and_ovs_bridges_need_no_uplink() -> None:
    # virbr0 listed by the host (udev does) belongs to the NAT network; ovsbr0 ports are unknown
    graph = build(
        interfaces=[host_bridge("virbr0")],
        networks=[NAT_NETWORK,
                  bridge_network("ovs", "ovsbr0", "<virtualport type='openvswitch'/>")],
    )
    assert graph.warnings == ()
    assert "if:virbr0" not in graph.nodes  # drawn as its network


def test_vlan_not_applied_on_linux_bridge_before_libvirt_11() -> None:
    domains = [domain("vm", nic_network("default", vlan=vlan(30)))]
    old = build(networks=[NAT_NETWORK], domains=domains, version=(9, 0, 0))
    (warning,) = warnings_of(old, WarningKind.VLAN_NOT_APPLIED)
    assert warning.objects == ("vnic:vm/0",)
    assert "VLAN 30" in warning.message and "9.0.0" in warning.message
    new = build(networks=[NAT_NETWORK], domains=domains, version=(11, 0, 0))
    assert warnings_of(new, WarningKind.VLAN_NOT_APPLIED) == []


def test_vlan_not_applied_names_the_portgroup_it_came_from() -> None:
    group = f"<portgroup name='g' default='yes'>{vlan(4)}</portgroup>"
    network = bridge_network("lan", "br0", group)
    graph = build(interfaces=[ethernet("eth0"), host_bridge("br0", "eth0")], networks=[network],
                  domains=[domain("vm", nic_network("lan"))])
    (warning,) = warnings_of(graph, WarningKind.VLAN_NOT_APPLIED)
    assert warning.objects == ("vnic:vm/0", "pg:lan/g")
    assert "portgroup" in warning.message


def test_vlan_on_macvtap_bridge_mode_is_never_applied_but_ovs_is() -> None:
    graph = build(domains=[
        domain("mv", nic_direct("eth0", "bridge", vlan=vlan(3))),
        domain("ovs", nic_bridge("ovsbr0", ovs=True, vlan=vlan(3))),
    ], version=(11, 0, 0))
    (warning,) = warnings_of(graph, WarningKind.VLAN_NOT_APPLIED)
    assert warning.objects == ("vnic:mv/0",)
    assert "passthrough" in warning.message


def test_nic_on_inactive_network() -> None:
    graph = build(networks=[(NAT_NETWORK, False)], domains=[
        domain("up", nic_network("default")),
        domain("down", nic_network("default"), active=False),
    ])
    warnings = warnings_of(graph, WarningKind.INACTIVE_NETWORK)
    assert [w.objects for w in warnings] == [("vnic:up/0", "net:default"),
                                             ("vnic:down/0", "net:default")]
    assert "disconnected" in warnings[0].message and "will not start" in warnings[1].message
    active = build(networks=[NAT_NETWORK], domains=[domain("up", nic_network("default"))])
    assert warnings_of(active, WarningKind.INACTIVE_NETWORK) == []


def test_two_vlan_devices_with_one_tag_on_one_parent() -> None:
    clash = build(interfaces=[ethernet("eth0"), vlan_device("eth0.10", "eth0", 10),
                              vlan_device("vlan10", "eth0", 10)])
    (warning,) = warnings_of(clash, WarningKind.DUPLICATE_VLAN)
    assert warning.objects == ("if:eth0.10", "if:vlan10")
    # same tag on different parents, or different tags on one parent: fine
    fine = build(interfaces=[ethernet("eth0"), ethernet("eth1"),
                             vlan_device("eth0.10", "eth0", 10),
                             vlan_device("eth1.10", "eth1", 10),
                             vlan_device("eth0.20", "eth0", 20)])
    assert warnings_of(fine, WarningKind.DUPLICATE_VLAN) == []


def test_nic_on_a_bridge_that_does_not_exist() -> None:
    graph = build(interfaces=[ethernet("eth0"), host_bridge("br0", "eth0")],
                  domains=[domain("vm", nic_bridge("br1"), nic_bridge("br0"))])
    (warning,) = warnings_of(graph, WarningKind.MISSING_BRIDGE)
    assert warning.objects == ("vnic:vm/0", "if:br1")
    assert not graph.node("if:br1").exists
    assert not graph.node("vnic:vm/0").active  # cannot be plugged in
    assert graph.node("vnic:vm/1").active


def test_bridge_network_on_a_missing_bridge_is_reported_once() -> None:
    graph = build(networks=[bridge_network("lan", "brX")],
                  domains=[domain("vm", nic_network("lan"))])
    (warning,) = warnings_of(graph, WarningKind.MISSING_BRIDGE)
    assert warning.objects == ("net:lan", "if:brX")


def test_missing_network_and_portgroup() -> None:
    graph = build(networks=[NAT_NETWORK], domains=[
        domain("vm", nic_network("nowhere"), nic_network("default", portgroup="nope"),
               nic_network("default")),
    ])
    assert [w.objects for w in warnings_of(graph, WarningKind.MISSING_NETWORK)] == [
        ("vnic:vm/0", "net:nowhere")]
    assert not graph.node("net:nowhere").exists
    assert graph.edges_between("net:nowhere", "vnic:vm/0")
    assert [w.objects for w in warnings_of(graph, WarningKind.MISSING_PORTGROUP)] == [
        ("vnic:vm/1", "net:default")]


def test_unreadable_xml_is_a_warning_not_a_crash() -> None:
    graph = build(networks=["<network><name>broken"], domains=[domain("ok", nic_network("x"))])
    assert graph.warnings[0].kind is WarningKind.UNREADABLE_XML
    assert "dom:ok" in graph.nodes


def test_loopback_and_ifb_devices_are_not_drawn_as_uplinks() -> None:
    from kvmgui.topology import HostSource, build_topology

    interfaces = [
        "<interface type='ethernet' name='lo'><mac address='00:00:00:00:00:00'/></interface>",
        "<interface type='ethernet' name='ifb0'><mac address='aa:bb:cc:00:00:01'/></interface>",
        "<interface type='ethernet' name='eth0'><mac address='52:54:00:aa:00:01'/></interface>",
    ]
    graph = build_topology(HostSource(interfaces=interfaces, networks=[], domains=[]))
    assert {n.name for n in graph.nodes.values()} == {"eth0"}
