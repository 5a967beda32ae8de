"""Build the topology graph (nodes and edges) from a `HostSource`.

Edges run from the uplink side towards the guest: physical NIC -> VLAN device / bond ->
bridge -> network -> portgroup -> vNIC -> domain, and "outside" -> NAT/routed network.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kvmgui.core.message import Message
from functools import cached_property

from kvmgui.topology.attach import Attachment, ConnectionKind, network_connection, vlan_is_applied
from kvmgui.topology.checks import find_warnings
from kvmgui.topology.facts import HostInterfaceKind, NetworkFacts, VlanSpec
from kvmgui.topology.host import HostView, read_host
from kvmgui.topology.labels import (
    connection_word, direct_mode_word, nic_type_word, vlan_source_word,
)
from kvmgui.topology.inputs import HostSource
from kvmgui.topology.model import (
    OUTSIDE_ID,
    Edge,
    LinkKind,
    NodeKind,
    PortMode,
    TopologyGraph,
    TopologyNode,
    node_id_for_domain,
    node_id_for_interface,
    node_id_for_network,
    node_id_for_portgroup,
)
from kvmgui.topology.segments import (
    bridge_node_id,
    compute_segments,
    path_nodes,
    segment_keys,
    vlan_aware_bridges,
    vlans_per_bridge,
)

_INTERFACE_KINDS = {
    HostInterfaceKind.ETHERNET: NodeKind.PHYSICAL,
    HostInterfaceKind.VLAN: NodeKind.VLAN,
    HostInterfaceKind.BOND: NodeKind.BOND,
    HostInterfaceKind.BRIDGE: NodeKind.BRIDGE,
}


def build_topology(source: HostSource) -> TopologyGraph:
    """The whole picture: nodes, edges, segments and warnings."""
    view = read_host(source)
    builder = _GraphBuilder(view)
    builder.add_host_interfaces()
    builder.add_networks()
    builder.add_guests()
    return TopologyGraph(
        nodes=builder.nodes,
        edges=tuple(builder.edges.values()),
        segments=compute_segments(view),
        warnings=find_warnings(view),
        libvirt_version=view.version,
    )


def port_edge_vlans(vlan: VlanSpec | None) -> tuple[tuple[int, ...], PortMode]:
    if vlan is None:
        return (), PortMode.NONE
    return vlan.all_tags, PortMode.TRUNK if vlan.is_trunk else PortMode.ACCESS


@dataclass
class _GraphBuilder:
    view: HostView
    nodes: dict[str, TopologyNode] = field(default_factory=dict)
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)

    @cached_property
    def bridge_vlans(self) -> dict[str, set[int]]:
        return vlans_per_bridge(self.view)

    @cached_property
    def vlan_aware(self) -> set[str]:
        return vlan_aware_bridges(self.view)

    def node(self, node: TopologyNode) -> str:
        self.nodes.setdefault(node.id, node)
        return node.id

    def edge(self, edge: Edge) -> None:
        self.edges.setdefault((edge.source, edge.target), edge)

    def interface_node(self, name: str, *, bridge: bool = False) -> str:
        """The node of a host device, made up when a reference names an unlisted device."""
        node_id = bridge_node_id(self.view, name) if bridge else node_id_for_interface(name)
        if node_id in self.nodes:
            return node_id
        ovs = name in self.view.ovs_bridges
        if bridge:
            # A missing Linux bridge is drawn (and warned about); OVS bridges are not listed.
            return self.node(TopologyNode(node_id, NodeKind.BRIDGE, name, exists=ovs, ovs=ovs))
        return self.node(TopologyNode(node_id, NodeKind.PHYSICAL, name, detail=(("listed", "no"),)))

    # ------------------------------------------------------------------ host side

    def add_host_interfaces(self) -> None:
        view = self.view
        for interface in view.interfaces.values():
            if interface.name in view.network_bridges:
                continue  # drawn as its network
            detail: list[tuple[str, str]] = []
            if interface.addresses:
                detail.append(("addresses", ", ".join(interface.addresses)))
            if interface.bond_mode:
                detail.append(("bond mode", interface.bond_mode))
            vlan = VlanSpec((interface.vlan_tag,)) if interface.vlan_tag is not None else None
            self.node(
                TopologyNode(
                    node_id_for_interface(interface.name),
                    _INTERFACE_KINDS[interface.kind],
                    interface.name,
                    vlan=vlan,
                    mac=interface.mac,
                    ovs=interface.name in view.ovs_bridges,
                    detail=tuple(detail),
                )
            )
        for interface in view.interfaces.values():
            own_id = node_id_for_interface(interface.name)
            if interface.kind is HostInterfaceKind.VLAN and interface.vlan_parent:
                parent = self.interface_node(interface.vlan_parent)
                tag = interface.vlan_tag
                self.edge(Edge(parent, own_id, (tag,) if tag is not None else (), PortMode.TRUNK))
            elif interface.kind is HostInterfaceKind.BOND:
                for slave in interface.members:
                    self.edge(Edge(self.interface_node(slave), own_id))
            elif interface.kind is HostInterfaceKind.BRIDGE:
                for port in interface.members:
                    self.add_bridge_port(interface.name, port)

    def add_bridge_port(self, bridge: str, port: str) -> None:
        """A VLAN device is an access port of its VLAN; on a bridge that separates VLANs a
        plain uplink is taken to carry them all tagged."""
        bridge_id = bridge_node_id(self.view, bridge)
        port_id = self.interface_node(port)
        port_vlan = self.view.chain(port).vlan
        bridge_vlans = self.bridge_vlans.get(bridge)
        if port_vlan is not None:
            self.edge(Edge(port_id, bridge_id, (port_vlan,), PortMode.ACCESS))
        elif bridge in self.vlan_aware and bridge_vlans:
            self.edge(Edge(port_id, bridge_id, tuple(sorted(bridge_vlans)), PortMode.TRUNK))
        else:
            self.edge(Edge(port_id, bridge_id))

    # ------------------------------------------------------------------ networks

    def add_networks(self) -> None:
        for network in self.view.networks.values():
            self.add_network(network)

    def add_network(self, network: NetworkFacts) -> None:
        view = self.view
        net_id = node_id_for_network(network.name)
        kind, direct_mode = network_connection(network)
        detail: list[tuple[str, str | Message]] = [("uuid", network.uuid)] if network.uuid else []
        detail += [("ip", ip.describe_message()) for ip in network.ips]
        if network.forward_devices:
            detail.append(("forward devices", ", ".join(network.forward_devices)))
        detail.append(("state", "active" if network.active else "inactive"))
        self.node(
            TopologyNode(
                net_id,
                NodeKind.NETWORK,
                network.name,
                active=network.active,
                vlan=network.vlan,
                bridge=network.bridge,
                forward=network.mode_label,
                ovs=kind is ConnectionKind.OVS_BRIDGE,
                detail=tuple(detail),
            )
        )
        if network.forward_mode in ("nat", "route", "open"):
            link = LinkKind.NAT if network.forward_mode == "nat" else LinkKind.ROUTE
            self.node(TopologyNode(OUTSIDE_ID, NodeKind.OUTSIDE, "outside"))
            self.edge(Edge(OUTSIDE_ID, net_id, link=link, active=network.active))
        elif network.bridge is not None and not network.owns_bridge:
            bridge_id = self.interface_node(network.bridge, bridge=True)
            tags = sorted(self.bridge_vlans.get(network.bridge, set()))
            uplink_vlan = self._bridge_uplink_vlan(network.bridge)
            if tags:
                self.edge(Edge(bridge_id, net_id, tuple(tags), PortMode.TRUNK,
                               active=network.active))
            elif uplink_vlan is not None:
                self.edge(Edge(bridge_id, net_id, (uplink_vlan,), PortMode.ACCESS,
                               active=network.active))
            else:
                self.edge(Edge(bridge_id, net_id, active=network.active))
        else:
            for device in (*network.forward_devices, network.sriov_pf):
                if device is None:
                    continue
                chain_vlan = view.chain(device).vlan
                vlans, mode = port_edge_vlans(VlanSpec((chain_vlan,)) if chain_vlan else None)
                self.edge(Edge(self.interface_node(device), net_id, vlans, mode,
                               active=network.active))
        for group in network.portgroups:
            pg_id = node_id_for_portgroup(network.name, group.name)
            self.node(
                TopologyNode(
                    pg_id,
                    NodeKind.PORTGROUP,
                    group.name,
                    active=network.active,
                    vlan=group.vlan,
                    ovs=kind is ConnectionKind.OVS_BRIDGE,
                    detail=(("default", "yes"),) if group.default else (),
                )
            )
            applied = vlan_is_applied(kind, direct_mode, view.version)
            vlans, mode = port_edge_vlans(group.vlan if applied else None)
            self.edge(Edge(net_id, pg_id, vlans, mode, active=network.active))

    def _bridge_uplink_vlan(self, bridge: str) -> int | None:
        vlans = {self.view.chain(port).vlan for port in self.view.bridge_ports(bridge)}
        return vlans.pop() if len(vlans) == 1 else None

    # ------------------------------------------------------------------ guests

    def add_guests(self) -> None:
        view = self.view
        for domain in view.domains:
            detail = (("state", domain.state), ("uuid", domain.uuid))
            self.node(
                TopologyNode(node_id_for_domain(domain.name), NodeKind.DOMAIN, domain.name,
                     active=domain.active, detail=detail)
            )
        for attachment in view.attachments:
            keys = list(segment_keys(view, attachment, self.vlan_aware, self.bridge_vlans))
            self.add_vnic(attachment, [key.vlan for key in keys])

    def add_vnic(self, attachment: Attachment, segment_vlans: list[int | None]) -> None:
        nic = attachment.nic
        vnic_id = attachment.vnic_id
        self.node(
            TopologyNode(
                vnic_id,
                NodeKind.VNIC,
                nic.target_dev or f"nic{nic.index}",
                active=attachment.connected,
                vlan=attachment.port_vlan,
                mac=nic.mac,
                bridge=attachment.bridge,
                ovs=attachment.kind is ConnectionKind.OVS_BRIDGE,
                detail=_vnic_detail(attachment),
            )
        )
        vlans, mode = port_edge_vlans(attachment.port_vlan)
        if attachment.port_vlan is None:
            tagged = sorted({vlan for vlan in segment_vlans if vlan is not None})
            if len(tagged) == 1 and len(segment_vlans) == 1:
                vlans, mode = (tagged[0],), PortMode.ACCESS
            elif tagged:
                vlans, mode = tuple(tagged), PortMode.TRUNK
        parent = self._vnic_parent(attachment)
        if parent is not None:
            link = LinkKind.NAT if parent == OUTSIDE_ID else LinkKind.L2
            self.edge(Edge(parent, vnic_id, vlans, mode, link, attachment.connected))
        domain_id = node_id_for_domain(attachment.domain.name)
        self.edge(Edge(vnic_id, domain_id, vlans, mode, active=attachment.connected))

    def _vnic_parent(self, attachment: Attachment) -> str | None:
        if attachment.kind is ConnectionKind.USER:
            return self.node(TopologyNode(OUTSIDE_ID, NodeKind.OUTSIDE, "outside"))
        if attachment.network_missing:  # drawn, dashed, so the dangling NIC points somewhere
            name = str(attachment.nic.network)
            return self.node(TopologyNode(node_id_for_network(name), NodeKind.NETWORK, name,
                                  active=False, exists=False))
        chain = path_nodes(self.view, attachment)
        if len(chain) < 2:
            return None
        parent = chain[1]
        if parent not in self.nodes:  # a bridge or device nobody listed
            name = attachment.bridge or attachment.device or parent
            self.interface_node(name, bridge=attachment.bridge is not None)
        return parent


def _vnic_detail(attachment: Attachment) -> tuple[tuple[str, str | Message], ...]:
    """Host text (model, source, portgroup) as it is; libvirt's words and phrases as messages."""
    nic = attachment.nic
    detail: list[tuple[str, str | Message]] = [
        ("type", nic_type_word(nic.raw_type)), ("connection", connection_word(attachment.kind))]
    if nic.model:
        detail.append(("model", nic.model))
    source = nic.network or nic.bridge or nic.dev or nic.hostdev_address
    if source:
        detail.append(("source", source))
    if attachment.portgroup is not None:
        detail.append(("portgroup", attachment.portgroup.name))
    if attachment.direct_mode:
        detail.append(("mode", direct_mode_word(attachment.direct_mode)))
    if attachment.requested_vlan is not None:
        detail.append(("vlan", _vlan_request(attachment)))
    if nic.link_down:
        detail.append(("link", Message.of("down")))
    return tuple(detail)


def _vlan_request(attachment: Attachment) -> Message:
    """"VLAN 10 from portgroup, not applied"."""
    vlan = attachment.requested_vlan
    assert vlan is not None
    source = attachment.vlan_source
    if source is None:
        if attachment.vlan_applied:
            return Message.of("{vlan}, applied", vlan=vlan.describe_message())
        return Message.of("{vlan}, not applied", vlan=vlan.describe_message())
    if attachment.vlan_applied:
        return Message.of("{vlan} from {source}, applied", vlan=vlan.describe_message(),
                          source=vlan_source_word(source))
    return Message.of("{vlan} from {source}, not applied", vlan=vlan.describe_message(),
                      source=vlan_source_word(source))
