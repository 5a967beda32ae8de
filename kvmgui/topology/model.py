"""The topology graph: nodes, edges, layer-2 segments and warnings (plain, immutable data)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from kvmgui.core.message import Message
from kvmgui.topology.facts import VlanSpec
from kvmgui.topology.inputs import LibvirtVersion

OUTSIDE_ID = "outside"


class NodeKind(StrEnum):
    PHYSICAL = "physical"
    VLAN = "vlan"
    BOND = "bond"
    BRIDGE = "bridge"
    NETWORK = "network"
    PORTGROUP = "portgroup"
    VNIC = "vnic"
    DOMAIN = "domain"
    OUTSIDE = "outside"


class PortMode(StrEnum):
    """ACCESS: one VLAN, untagged on the far side. TRUNK: tagged VLANs. NONE: no VLAN known."""

    ACCESS = "access"
    TRUNK = "trunk"
    NONE = "none"


class LinkKind(StrEnum):
    """L2 edges are wires and bridge ports; NAT and ROUTE edges cross a router (the host)."""

    L2 = "l2"
    NAT = "nat"
    ROUTE = "route"


class UplinkKind(StrEnum):
    PHYSICAL = "physical"  # a host NIC (maybe through a VLAN device or bond)
    NAT = "nat"
    ROUTED = "routed"
    ISOLATED = "isolated"  # by design: an isolated libvirt network
    NONE = "none"  # a host bridge with nothing leading out (warned about)
    UNKNOWN = "unknown"  # Open vSwitch ports and PCI devices are not reported by libvirt


class WarningKind(StrEnum):
    BRIDGE_WITHOUT_UPLINK = "bridge_without_uplink"
    VLAN_NOT_APPLIED = "vlan_not_applied"
    INACTIVE_NETWORK = "inactive_network"
    DUPLICATE_VLAN = "duplicate_vlan"
    MISSING_BRIDGE = "missing_bridge"
    MISSING_NETWORK = "missing_network"
    MISSING_PORTGROUP = "missing_portgroup"
    UNREADABLE_XML = "unreadable_xml"


@dataclass(frozen=True)
class TopologyNode:
    """One thing in the picture. `exists` is False for something referenced but not reported
    (a bridge a NIC names but the host does not have); `active` is False for a shut-off domain,
    its vNICs and an inactive network. `detail` holds display-only extras (state, IPs, ...):
    text from the host as it is, libvirt's words and phrases as messages a UI translates."""

    id: str
    kind: NodeKind
    name: str
    active: bool = True
    exists: bool = True
    vlan: VlanSpec | None = None
    mac: str | None = None
    bridge: str | None = None
    forward: str | None = None
    ovs: bool = False
    detail: tuple[tuple[str, str | Message], ...] = ()

    @property
    def detail_map(self) -> dict[str, str]:
        """The details in English."""
        return {key: str(value) for key, value in self.detail}


@dataclass(frozen=True)
class Edge:
    """From the uplink side towards the guest. `vlans` are the VLANs the link carries."""

    source: str
    target: str
    vlans: tuple[int, ...] = ()
    mode: PortMode = PortMode.NONE
    link: LinkKind = LinkKind.L2
    active: bool = True


@dataclass(frozen=True)
class Uplink:
    kind: UplinkKind
    text: Message  # "eth0 VLAN 10", "NAT via eth1", ...
    nodes: tuple[str, ...] = ()  # node ids of the uplink devices, outermost first

    @property
    def description(self) -> str:
        """`text` in English."""
        return str(self.text)


@dataclass(frozen=True)
class Segment:
    """A layer-2 broadcast domain: the vNICs in it reach each other without a router.

    `vlan` is the VLAN the segment is on (None: untagged / not known); `members` are the
    domains with a connected vNIC in it (sorted names); `nodes` are the bridge/network/
    portgroup/vNIC nodes the segment spans, used to trace paths.
    """

    id: str
    vlan: int | None
    bridge: str | None
    uplink: Uplink
    members: tuple[str, ...]
    vnics: tuple[str, ...]
    nodes: frozenset[str] = frozenset()
    notes: tuple[Message, ...] = ()
    title: str | Message = ""  # where it lives: "ovsbr0", "macvtap on eth0", ...

    @property
    def label(self) -> str:
        return str(self.label_message)

    @property
    def label_message(self) -> Message:
        where = self.title or self.bridge or self.id
        if self.vlan is not None:
            return Message.of("{where} · VLAN {vlan}", where=where, vlan=self.vlan)
        return Message.of("{where} · untagged", where=where)


@dataclass(frozen=True)
class TopologyWarning:
    """`message` is English; `template` and `args` are the same text for a UI to translate."""

    kind: WarningKind
    message: str
    objects: tuple[str, ...] = ()  # node ids (or names, for objects that have no node)
    template: str = ""
    args: tuple[tuple[str, str | Message], ...] = ()

    @classmethod
    def of(cls, kind: WarningKind, text: Message, objects: tuple[str, ...] = ()) -> TopologyWarning:
        return cls(kind, str(text), objects, text.template, text.args)


@dataclass(frozen=True)
class TopologyGraph:
    nodes: Mapping[str, TopologyNode]
    edges: tuple[Edge, ...]
    segments: tuple[Segment, ...] = ()
    warnings: tuple[TopologyWarning, ...] = ()
    libvirt_version: LibvirtVersion = (0, 0, 0)
    _adjacency: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        neighbours: dict[str, list[str]] = {node_id: [] for node_id in self.nodes}
        for edge in self.edges:
            neighbours.setdefault(edge.source, []).append(edge.target)
            neighbours.setdefault(edge.target, []).append(edge.source)
        self._adjacency.update({key: tuple(value) for key, value in neighbours.items()})

    def node(self, node_id: str) -> TopologyNode:
        return self.nodes[node_id]

    def neighbours(self, node_id: str) -> tuple[str, ...]:
        return self._adjacency.get(node_id, ())

    def nodes_of_kind(self, kind: NodeKind) -> Iterator[TopologyNode]:
        return (node for node in self.nodes.values() if node.kind is kind)

    def edges_between(self, first: str, second: str) -> list[Edge]:
        return [e for e in self.edges if {e.source, e.target} == {first, second}]

    def segments_of_domain(self, name: str) -> list[Segment]:
        return [segment for segment in self.segments if name in segment.members]

    def segment(self, segment_id: str) -> Segment:
        for segment in self.segments:
            if segment.id == segment_id:
                return segment
        raise KeyError(segment_id)


def node_id_for_interface(name: str) -> str:
    return f"if:{name}"


def node_id_for_network(name: str) -> str:
    return f"net:{name}"


def node_id_for_portgroup(network: str, portgroup: str) -> str:
    return f"pg:{network}/{portgroup}"


def node_id_for_domain(name: str) -> str:
    return f"dom:{name}"


def node_id_for_vnic(domain: str, index: int) -> str:
    return f"vnic:{domain}/{index}"
