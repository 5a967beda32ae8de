"""Layer-2 segments: VLAN precedence, trunks, what libvirt really applies, macvtap, states."""

from __future__ import annotations

from topology_helpers import (
    ISOLATED_NETWORK,
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

from kvmgui.topology.model import PortMode, TopologyGraph, UplinkKind

# OVS network: VLAN 5 on the network, portgroups with their own tags, 'pg7' the default.
OVS = bridge_network(
    "ovs", "ovsbr0",
    "<virtualport type='openvswitch'/>" + vlan(5)
    + f"<portgroup name='pg7' default='yes'>{vlan(7)}</portgroup>"
    + "<portgroup name='plain'/>"
    + f"<portgroup name='trunk'>{vlan(7, 8, trunk=True, native=(7, 'untagged'))}</portgroup>",
)


def segments_by_id(graph: TopologyGraph) -> dict[str, tuple[str, ...]]:
    return {segment.id: segment.members for segment in graph.segments}


def test_interface_tag_overrides_portgroup_which_overrides_network() -> None:
    graph = build(networks=[OVS], domains=[
        domain("iface", nic_network("ovs", portgroup="pg7", vlan=vlan(9))),
        domain("group", nic_network("ovs", portgroup="pg7")),
        domain("default_group", nic_network("ovs")),  # no portgroup named: the default one
        domain("net", nic_network("ovs", portgroup="plain")),  # portgroup without a tag
    ])
    assert segments_by_id(graph) == {
        "ovsbr0/vlan9": ("iface",),
        "ovsbr0/vlan7": ("default_group", "group"),
        "ovsbr0/vlan5": ("net",),
    }
    port_vlan = graph.node("vnic:iface/0").vlan
    assert port_vlan is not None and port_vlan.all_tags == (9,)


def test_trunk_port_joins_every_vlan_it_carries() -> None:
    graph = build(networks=[OVS], domains=[
        domain("router", nic_network("ovs", portgroup="trunk")),
        domain("seven", nic_network("ovs")),
        domain("eight", nic_network("ovs", vlan=vlan(8))),
    ])
    assert segments_by_id(graph) == {
        "ovsbr0/vlan7": ("router", "seven"),
        "ovsbr0/vlan8": ("eight", "router"),
    }
    (edge,) = graph.edges_between("pg:ovs/trunk", "vnic:router/0")
    assert (edge.vlans, edge.mode) == ((7, 8), PortMode.TRUNK)
    (edge,) = graph.edges_between("pg:ovs/pg7", "vnic:seven/0")
    assert (edge.vlans, edge.mode) == ((7,), PortMode.ACCESS)


def test_untagged_ovs_port_trunks_all_vlans_of_the_bridge() -> None:
    graph = build(domains=[
        domain("tagged", nic_bridge("ovsbr1", ovs=True, vlan=vlan(4))),
        domain("untagged", nic_bridge("ovsbr1", ovs=True)),
    ])
    assert segments_by_id(graph) == {
        "ovsbr1/untagged": ("untagged",),
        "ovsbr1/vlan4": ("tagged", "untagged"),
    }
    assert {s.uplink.kind for s in graph.segments} == {UplinkKind.UNKNOWN}


def test_linux_bridge_vlan_is_not_applied_on_libvirt_9_but_is_on_11() -> None:
    interfaces = [ethernet("eth0"), host_bridge("br0", "eth0")]
    domains = [
        domain("tagged", nic_bridge("br0", vlan=vlan(30))),
        domain("plain", nic_bridge("br0")),
    ]
    old = build(interfaces=interfaces, domains=domains, version=(9, 0, 0))
    # libvirt 9 leaves the port untagged: both guests share one untagged segment.
    assert segments_by_id(old) == {"br0": ("plain", "tagged")}
    assert old.node("vnic:tagged/0").vlan is None
    new = build(interfaces=interfaces, domains=domains, version=(11, 0, 0))
    assert segments_by_id(new) == {"br0/untagged": ("plain",), "br0/vlan30": ("tagged",)}
    (uplink,) = new.edges_between("if:eth0", "if:br0")
    assert (uplink.vlans, uplink.mode) == ((30,), PortMode.TRUNK)


def test_bridge_over_vlan_device_puts_its_guests_on_that_vlan() -> None:
    graph = build(
        interfaces=[ethernet("eth0"), vlan_device("eth0.10", "eth0", 10),
                    "<interface type='bridge' name='brvlan10'><bridge>"
                    "<interface type='vlan' name='eth0.10'/></bridge></interface>"],
        networks=[bridge_network("lan", "brvlan10")],
        domains=[domain("vm", nic_network("lan", target="vnet0"))],
    )
    (segment,) = graph.segments
    assert (segment.id, segment.vlan, segment.bridge) == ("brvlan10", 10, "brvlan10")
    assert segment.uplink.kind is UplinkKind.PHYSICAL
    assert segment.uplink.description == "eth0 VLAN 10"
    assert segment.uplink.nodes == ("if:eth0", "if:eth0.10")
    chain = [("if:eth0", "if:eth0.10", PortMode.TRUNK),
             ("if:eth0.10", "if:brvlan10", PortMode.ACCESS),
             ("if:brvlan10", "net:lan", PortMode.ACCESS),
             ("net:lan", "vnic:vm/0", PortMode.ACCESS),
             ("vnic:vm/0", "dom:vm", PortMode.ACCESS)]
    for source, target, mode in chain:
        (edge,) = graph.edges_between(source, target)
        assert (edge.vlans, edge.mode) == ((10,), mode)
    assert graph.node("vnic:vm/0").name == "vnet0"


def test_shut_off_domain_is_drawn_but_is_no_member() -> None:
    graph = build(networks=[NAT_NETWORK], domains=[
        domain("up", nic_network("default")),
        domain("down", nic_network("default"), active=False),
        domain("paused", nic_network("default"), state="paused"),
    ])
    assert segments_by_id(graph) == {"virbr0": ("paused", "up")}
    assert not graph.node("vnic:down/0").active
    assert [e.active for e in graph.edges_between("net:default", "vnic:down/0")] == [False]
    assert graph.segments[0].uplink.kind is UplinkKind.NAT


def test_link_down_and_inactive_network_disconnect_the_nic() -> None:
    graph = build(networks=[NAT_NETWORK, (ISOLATED_NETWORK, False)], domains=[
        domain("cable", nic_network("default", extra="<link state='down'/>")),
        domain("iso", nic_network("isolated")),
        domain("ok", nic_network("default")),
    ])
    assert segments_by_id(graph) == {"virbr0": ("ok",)}


def test_macvtap_modes() -> None:
    interfaces = [ethernet("eth0"), vlan_device("eth0.20", "eth0", 20)]
    graph = build(interfaces=interfaces, domains=[
        domain("b1", nic_direct("eth0", "bridge")),
        domain("b2", nic_direct("eth0", "bridge")),
        domain("v1", nic_direct("eth0", "vepa")),
        domain("p1", nic_direct("eth0", "private")),
        domain("p2", nic_direct("eth0", "private")),
        domain("on20", nic_direct("eth0.20", "bridge")),
    ])
    segments = {segment.id: segment for segment in graph.segments}
    assert segments["macvtap:eth0/bridge"].members == ("b1", "b2")
    assert "not the host" in str(segments["macvtap:eth0/bridge"].notes[0])
    assert segments["macvtap:eth0/vepa"].members == ("v1",)
    # private endpoints are each alone
    assert segments["macvtap:eth0/private/vnic:p1/0"].members == ("p1",)
    assert segments["macvtap:eth0/private/vnic:p2/0"].members == ("p2",)
    assert segments["macvtap:eth0.20/bridge"].vlan == 20
    assert segments["macvtap:eth0.20/bridge"].uplink.description == "eth0 VLAN 20"


def test_macvtap_passthrough_applies_its_vlan() -> None:
    graph = build(domains=[domain("pt", nic_direct("eth5", "passthrough", vlan=vlan(12)))])
    (segment,) = graph.segments
    assert segment.vlan == 12 and not graph.warnings
    assert graph.node("if:eth5").detail_map == {"listed": "no"}


def test_sriov_network_groups_vfs_of_one_pf_by_vlan() -> None:
    network = ("<network><name>sriov</name><forward mode='hostdev'><pf dev='eth3'/></forward>"
               "</network>")
    graph = build(networks=[network], domains=[
        domain("a", "<interface type='hostdev'><source network='sriov'/>" + vlan(4)
               + "</interface>"),
        domain("b", "<interface type='network'><source network='sriov'/>" + vlan(4)
               + "</interface>"),
        domain("c", nic_network("sriov", vlan=vlan(6))),
    ])
    assert segments_by_id(graph) == {"sriov:eth3/vlan4": ("a", "b"), "sriov:eth3/vlan6": ("c",)}


def test_user_mode_nic_is_alone_behind_nat() -> None:
    graph = build(domains=[domain("u", "<interface type='user'/>")])
    (segment,) = graph.segments
    assert segment.uplink.kind is UplinkKind.NAT and segment.members == ("u",)
    assert graph.edges_between("outside", "vnic:u/0")


def test_guest_taps_reported_as_host_interfaces_are_not_uplinks() -> None:
    # the udev interface backend lists vnet0 and shows it as a port of the bridge
    interfaces = [ethernet("vnet0"), host_bridge("br5", "vnet0")]
    graph = build(interfaces=interfaces,
                  domains=[domain("vm", nic_bridge("br5", target="vnet0"))])
    assert "if:vnet0" not in graph.nodes
    assert graph.segments[0].uplink.kind is UplinkKind.NONE
