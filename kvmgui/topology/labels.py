"""Display text for nodes, shared by the SVG exporter and the Qt view.

Texts are ``Message``s: English for the SVG export, translated by the Qt view.
"""

from __future__ import annotations

from kvmgui.core.message import Message
from kvmgui.topology.attach import VlanSource
from kvmgui.topology.model import NodeKind, TopologyNode


def node_subtitle(node: TopologyNode) -> str:
    """The second line of a node's box, in English."""
    return str(node_subtitle_message(node))


def node_subtitle_message(node: TopologyNode) -> Message:
    """The second line of a node's box (shared wording with the Qt view)."""
    kind = node.kind
    if kind is NodeKind.PHYSICAL:
        if node.detail_map.get("listed") != "no":
            return Message.of("physical NIC")
        return Message.of("device (not listed)")
    if kind is NodeKind.VLAN:
        return _plain(node.vlan.describe(compact=True)) if node.vlan else Message.of("VLAN device")
    if kind is NodeKind.BOND:
        mode = node.detail_map.get("bond mode")
        return Message.of("bond ({mode})", mode=mode) if mode else Message.of("bond")
    if kind is NodeKind.BRIDGE:
        if not node.exists:
            return Message.of("missing bridge")
        return Message.of("Open vSwitch bridge") if node.ovs else Message.of("Linux bridge")
    if kind is NodeKind.NETWORK:
        return _network_subtitle(node)
    if kind is NodeKind.PORTGROUP:
        vlan = _plain(node.vlan.describe(compact=True)) if node.vlan else Message.of("no VLAN")
        if node.detail_map.get("default") == "yes":
            return Message.of("{vlan} · default", vlan=vlan)
        return vlan
    if kind is NodeKind.VNIC:
        return _plain(node.mac or node.detail_map.get("type", ""))
    if kind is NodeKind.DOMAIN:
        return state_word(node.detail_map.get("state", ""))
    return Message.of("NAT / routed")


def _network_subtitle(node: TopologyNode) -> Message:
    if not node.exists:
        return Message.of("missing network")
    mode = _plain(node.forward) if node.forward else Message.of("network")
    if node.bridge and not node.active:
        return Message.of("{mode} · {bridge} · inactive", mode=mode, bridge=node.bridge)
    if node.bridge:
        return Message.of("{mode} · {bridge}", mode=mode, bridge=node.bridge)
    if not node.active:
        return Message.of("{mode} · inactive", mode=mode)
    return mode


def state_word(state: str) -> Message:
    """A state word as the topology records it (kvmgui.virt.topology_source for domains,
    the builder for networks), translatable."""
    words = {
        "active": Message.of("active"), "inactive": Message.of("inactive"),
        "no state": Message.of("no state"), "running": Message.of("running"),
        "blocked": Message.of("blocked"), "paused": Message.of("paused"),
        "shutting down": Message.of("shutting down"), "shut off": Message.of("shut off"),
        "crashed": Message.of("crashed"), "suspended": Message.of("suspended"),
        "unknown": Message.of("unknown"),
    }
    return words.get(state, _plain(state))


def vlan_source_word(source: VlanSource) -> Message:
    """Where a NIC's VLAN request comes from, as a word for a sentence."""
    return {
        VlanSource.INTERFACE: Message.of("interface"),
        VlanSource.PORTGROUP: Message.of("portgroup"),
        VlanSource.NETWORK: Message.of("network"),
    }[source]


def _plain(text: str) -> Message:
    """Text that is not translated (names, addresses, libvirt's own words)."""
    return Message("{text}", (("text", text),))
