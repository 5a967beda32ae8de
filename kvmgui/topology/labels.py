"""Display text for nodes, shared by the SVG exporter and the Qt view.

Texts are ``Message``s: English for the SVG export, translated by the Qt view. libvirt's own
words (forward modes, NIC types, macvtap modes) stay as libvirt writes them in English, and are
translatable words for the view.
"""

from __future__ import annotations

from kvmgui.core.message import Message
from kvmgui.topology.attach import ConnectionKind, VlanSource
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
        return node.vlan.describe_message(compact=True) if node.vlan else Message.of("VLAN device")
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
        vlan = node.vlan.describe_message(compact=True) if node.vlan else Message.of("no VLAN")
        if node.detail_map.get("default") == "yes":
            return Message.of("{vlan} · default", vlan=vlan)
        return vlan
    if kind is NodeKind.VNIC:
        return _plain(node.mac) if node.mac else nic_type_word(node.detail_map.get("type", ""))
    if kind is NodeKind.DOMAIN:
        return state_word(node.detail_map.get("state", ""))
    return Message.of("NAT / routed")


def _network_subtitle(node: TopologyNode) -> Message:
    if not node.exists:
        return Message.of("missing network")
    mode = forward_word(node.forward) if node.forward else Message.of("network")
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


def forward_word(mode: str) -> Message:
    """A network's forward mode as libvirt names it ("isolated" without one), translatable."""
    words = {
        "nat": Message.of("nat"), "route": Message.of("route"), "open": Message.of("open"),
        "bridge": Message.of("bridge"), "private": Message.of("private"),
        "vepa": Message.of("vepa"), "passthrough": Message.of("passthrough"),
        "hostdev": Message.of("hostdev"), "isolated": Message.of("isolated"),
    }
    return words.get(mode, _plain(mode))


def direct_mode_word(mode: str) -> Message:
    """The mode of a macvtap ("direct") NIC: the same words as forward modes."""
    return forward_word(mode)


def nic_type_word(nic_type: str) -> Message:
    """The type of a guest NIC (<interface type='...'>), translatable."""
    words = {
        "network": Message.of("network"), "bridge": Message.of("bridge"),
        "direct": Message.of("direct"), "hostdev": Message.of("hostdev"),
        "user": Message.of("user"), "ethernet": Message.of("ethernet"),
        "vhostuser": Message.of("vhostuser"), "vdpa": Message.of("vdpa"),
        "unknown": Message.of("unknown"),
    }
    return words.get(nic_type, _plain(nic_type))


def connection_word(kind: ConnectionKind) -> Message:
    """How a NIC is connected, as a word for a tooltip or a sentence."""
    return {
        ConnectionKind.LINUX_BRIDGE: Message.of("linux bridge"),
        ConnectionKind.OVS_BRIDGE: Message.of("Open vSwitch"),
        ConnectionKind.MACVTAP: Message.of("macvtap"),
        ConnectionKind.HOSTDEV: Message.of("hostdev"),
        ConnectionKind.USER: Message.of("user-mode"),
        ConnectionKind.OTHER: Message.of("other"),
    }[kind]


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
