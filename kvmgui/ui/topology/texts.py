"""Hover texts of the topology view (translated labels; values come from libvirt's XML)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QCoreApplication

from kvmgui.topology.model import (
    Edge,
    LinkKind,
    Node,
    NodeKind,
    PortMode,
    Segment,
    TopologyGraph,
)

Addresses = Mapping[str, tuple[str, ...]]  # MAC (lower case) -> leased IP addresses


def tr(text: str) -> str:
    return QCoreApplication.translate("Topology", text)


def kind_name(kind: NodeKind) -> str:
    return {
        NodeKind.PHYSICAL: tr("Physical NIC"), NodeKind.VLAN: tr("VLAN device"),
        NodeKind.BOND: tr("Bond"), NodeKind.BRIDGE: tr("Bridge"),
        NodeKind.NETWORK: tr("Network"), NodeKind.PORTGROUP: tr("Portgroup"),
        NodeKind.VNIC: tr("Guest NIC"), NodeKind.DOMAIN: tr("Domain"),
        NodeKind.OUTSIDE: tr("Outside (NAT / routed)"),
    }[kind]


def _table(title: str, rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><td>{escape(k)}</td><td>&nbsp;{escape(v)}</td></tr>" for k, v in rows)
    return f"<b>{escape(title)}</b><table>{body}</table>"


def node_tooltip(node: Node, addresses: Addresses) -> str:
    rows: list[tuple[str, str]] = [(tr("Kind"), kind_name(node.kind))]
    if node.mac:
        rows.append((tr("MAC"), node.mac))
        for address in addresses.get(node.mac.lower(), ()):
            rows.append((tr("IP (DHCP lease)"), address))
    if node.forward:
        rows.append((tr("Forward mode"), node.forward))
    if node.bridge:
        rows.append((tr("Bridge"), node.bridge))
    if node.vlan is not None:
        rows.append((tr("VLAN"), node.vlan.describe()))
    if node.ovs:
        rows.append((tr("Switch"), tr("Open vSwitch")))
    if not node.exists:
        rows.append((tr("Problem"), tr("named in the configuration, but the host has no such "
                                       "device")))
    labels = {"ip": tr("IP / DHCP range"), "addresses": tr("Addresses"), "state": tr("State"),
              "uuid": tr("UUID"), "type": tr("Type"), "model": tr("Model"),
              "source": tr("Source"), "portgroup": tr("Portgroup"), "mode": tr("Mode"),
              "vlan": tr("VLAN request"), "link": tr("Link"), "connection": tr("Connection"),
              "bond mode": tr("Bond mode"), "forward devices": tr("Forward devices")}
    for key, value in node.detail:
        if key not in ("listed", "default"):
            rows.append((labels.get(key, key), value))
    return _table(node.name, rows)


def edge_tooltip(edge: Edge, graph: TopologyGraph) -> str:
    ends = f"{graph.nodes[edge.source].name} → {graph.nodes[edge.target].name}"
    if edge.link is LinkKind.NAT:
        what = tr("NAT through the host (not layer 2)")
    elif edge.link is LinkKind.ROUTE:
        what = tr("routed through the host (not layer 2)")
    elif edge.mode is PortMode.TRUNK:
        what = tr("trunk, tagged VLANs %s") % ", ".join(str(v) for v in edge.vlans)
    elif edge.mode is PortMode.ACCESS:
        what = tr("access port, VLAN %s") % edge.vlans[0]
    else:
        what = tr("untagged")
    if not edge.active:
        what += " · " + tr("inactive")
    return _table(ends, [(tr("Link"), what)])


def segment_title(number: int, segment: Segment) -> str:
    return f"S{number}  {segment.label}"


def segment_tooltip(number: int, segment: Segment) -> str:
    rows = [(tr("Uplink"), segment.uplink.description),
            (tr("Members"), ", ".join(segment.members))]
    rows += [(tr("Note"), note) for note in segment.notes]
    return _table(tr("Layer-2 segment %s") % segment_title(number, segment), rows)


def link_label(edge: Edge) -> str:
    if edge.link is LinkKind.NAT:
        return tr("NAT")
    if edge.link is LinkKind.ROUTE:
        return tr("routed")
    return ""
