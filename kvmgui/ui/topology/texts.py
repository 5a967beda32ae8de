"""Hover texts of the topology view (translated labels; values come from libvirt's XML)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from kvmgui.core.message import Message
from kvmgui.ui.i18n import TranslationContext, translate_message
from kvmgui.topology.labels import forward_word, state_word
from kvmgui.topology.model import (
    Edge,
    LinkKind,
    NodeKind,
    PortMode,
    Segment,
    TopologyGraph,
    TopologyNode,
)

Addresses = Mapping[str, tuple[str, ...]]  # MAC (lower case) -> leased IP addresses


class Topology(TranslationContext):
    """Translation context of the topology view's texts."""


def kind_name(kind: NodeKind) -> str:
    return {
        NodeKind.PHYSICAL: Topology.tr("Physical NIC"), NodeKind.VLAN: Topology.tr("VLAN device"),
        NodeKind.BOND: Topology.tr("Bond"), NodeKind.BRIDGE: Topology.tr("Bridge"),
        NodeKind.NETWORK: Topology.tr("Network"), NodeKind.PORTGROUP: Topology.tr("Portgroup"),
        NodeKind.VNIC: Topology.tr("Guest NIC"), NodeKind.DOMAIN: Topology.tr("Domain"),
        NodeKind.OUTSIDE: Topology.tr("Outside (NAT / routed)"),
    }[kind]


def node_name(node: TopologyNode) -> str:
    """What a node is called: the host's name for it, or ours for the world outside."""
    return Topology.tr("outside") if node.kind is NodeKind.OUTSIDE else node.name


def _table(title: str, rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><td>{escape(k)}</td><td>&nbsp;{escape(v)}</td></tr>" for k, v in rows)
    return f"<b>{escape(title)}</b><table>{body}</table>"


def node_tooltip(node: TopologyNode, addresses: Addresses) -> str:
    rows: list[tuple[str, str]] = [(Topology.tr("Kind"), kind_name(node.kind))]
    if node.mac:
        rows.append((Topology.tr("MAC"), node.mac))
        for address in addresses.get(node.mac.lower(), ()):
            rows.append((Topology.tr("IP (DHCP lease)"), address))
    if node.forward:
        rows.append((Topology.tr("Forward mode"), translate_message(forward_word(node.forward))))
    if node.bridge:
        rows.append((Topology.tr("Bridge"), node.bridge))
    if node.vlan is not None:
        rows.append((Topology.tr("VLAN"), translate_message(node.vlan.describe_message())))
    if node.ovs:
        rows.append((Topology.tr("Switch"), Topology.tr("Open vSwitch")))
    if not node.exists:
        rows.append((Topology.tr("Problem"),
                     Topology.tr("named in the configuration, but the host has no such device")))
    labels = {"ip": Topology.tr("IP / DHCP range"), "addresses": Topology.tr("Addresses"),
              "state": Topology.tr("State"), "uuid": Topology.tr("UUID"),
              "type": Topology.tr("Type"), "model": Topology.tr("Model"),
              "source": Topology.tr("Source"), "portgroup": Topology.tr("Portgroup"),
              "mode": Topology.tr("Mode"), "vlan": Topology.tr("VLAN request"),
              "link": Topology.tr("Link"), "connection": Topology.tr("Connection"),
              "bond mode": Topology.tr("Bond mode"),
              "forward devices": Topology.tr("Forward devices")}
    for key, value in node.detail:
        if key == "state":
            value = state_word(str(value))
        if key not in ("listed", "default"):
            rows.append((labels.get(key, key), _text(value)))
    return _table(node_name(node), rows)


def _text(value: str | Message) -> str:
    """Host text as it is; libvirt's words, translated."""
    return translate_message(value) if isinstance(value, Message) else value


def edge_tooltip(edge: Edge, graph: TopologyGraph) -> str:
    ends = f"{node_name(graph.nodes[edge.source])} → {node_name(graph.nodes[edge.target])}"
    if edge.link is LinkKind.NAT:
        what = Topology.tr("NAT through the host (not layer 2)")
    elif edge.link is LinkKind.ROUTE:
        what = Topology.tr("routed through the host (not layer 2)")
    elif edge.mode is PortMode.TRUNK:
        what = Topology.tr("trunk, tagged VLANs %s") % ", ".join(str(v) for v in edge.vlans)
    elif edge.mode is PortMode.ACCESS:
        what = Topology.tr("access port, VLAN %s") % edge.vlans[0]
    else:
        what = Topology.tr("untagged")
    if not edge.active:
        what += " · " + Topology.tr("inactive")
    return _table(ends, [(Topology.tr("Link"), what)])


def segment_title(number: int, segment: Segment) -> str:
    return f"S{number}  {translate_message(segment.label_message)}"


def segment_tooltip(number: int, segment: Segment) -> str:
    rows = [(Topology.tr("Uplink"), translate_message(segment.uplink.text)),
            (Topology.tr("Members"), ", ".join(segment.members))]
    rows += [(Topology.tr("Note"), translate_message(note)) for note in segment.notes]
    return _table(Topology.tr("Layer-2 segment %s") % segment_title(number, segment), rows)


def link_label(edge: Edge) -> str:
    if edge.link is LinkKind.NAT:
        return Topology.tr("NAT")
    if edge.link is LinkKind.ROUTE:
        return Topology.tr("routed")
    return ""
