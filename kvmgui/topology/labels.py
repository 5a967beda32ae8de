"""Display text for nodes, shared by the SVG exporter and the Qt view (English)."""

from __future__ import annotations

from kvmgui.topology.model import Node, NodeKind


def node_subtitle(node: Node) -> str:
    """The second line of a node's box (shared wording with the Qt view)."""
    kind = node.kind
    if kind is NodeKind.PHYSICAL:
        return "physical NIC" if node.detail_map.get("listed") != "no" else "device (not listed)"
    if kind is NodeKind.VLAN:
        return node.vlan.describe(compact=True) if node.vlan else "VLAN device"
    if kind is NodeKind.BOND:
        mode = node.detail_map.get("bond mode")
        return f"bond ({mode})" if mode else "bond"
    if kind is NodeKind.BRIDGE:
        if not node.exists:
            return "missing bridge"
        return "Open vSwitch bridge" if node.ovs else "Linux bridge"
    if kind is NodeKind.NETWORK:
        if not node.exists:
            return "missing network"
        parts = [node.forward or "network"]
        if node.bridge:
            parts.append(node.bridge)
        if not node.active:
            parts.append("inactive")
        return " · ".join(parts)
    if kind is NodeKind.PORTGROUP:
        text = node.vlan.describe(compact=True) if node.vlan else "no VLAN"
        return text + (" · default" if node.detail_map.get("default") == "yes" else "")
    if kind is NodeKind.VNIC:
        return node.mac or node.detail_map.get("type", "")
    if kind is NodeKind.DOMAIN:
        return node.detail_map.get("state", "")
    return "NAT / routed"
