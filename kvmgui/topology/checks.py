"""Warnings about the host's wiring: each one names the objects (node ids) it is about.

Each warning's `message` is an English sentence; its `template` and `args` let the UI
translate it.
"""

from __future__ import annotations

from collections import defaultdict

from kvmgui.core.message import Message
from kvmgui.topology.attach import (
    LINUX_BRIDGE_VLAN_SINCE,
    Attachment,
    ConnectionKind,
    VlanSource,
)
from kvmgui.topology.facts import HostInterfaceKind
from kvmgui.topology.host import HostView
from kvmgui.topology.labels import connection_word, direct_mode_word, vlan_source_word
from kvmgui.topology.model import (
    TopologyWarning,
    WarningKind,
    node_id_for_interface,
    node_id_for_network,
    node_id_for_portgroup,
)


def find_warnings(view: HostView) -> tuple[TopologyWarning, ...]:
    warnings = [
        *view.read_errors,
        *_bridges_without_uplink(view),
        *_duplicate_vlan_devices(view),
        *_missing_network_bridges(view),
    ]
    for attachment in view.attachments:
        warnings.extend(_nic_warnings(view, attachment))
    return tuple(warnings)


def version_text(version: tuple[int, int, int]) -> str:
    return ".".join(str(part) for part in version)


def nic_label(attachment: Attachment) -> Message:
    nic = attachment.nic
    name = nic.target_dev or nic.mac or f"#{nic.index}"
    return Message.of("{domain} NIC {nic}", domain=attachment.domain.name, nic=name)


def _bridges_without_uplink(view: HostView) -> list[TopologyWarning]:
    warnings = []
    for bridge in view.host_bridges():
        if bridge.members or bridge.name in view.ovs_bridges:
            continue  # OVS ports are not reported, so "no uplink" cannot be told
        if bridge.name in view.network_bridges:
            continue  # a NAT/routed/isolated network's own bridge needs no port
        users = sorted(
            node_id_for_network(n.name) for n in view.networks.values() if n.bridge == bridge.name
        )
        warnings.append(
            TopologyWarning.of(
                WarningKind.BRIDGE_WITHOUT_UPLINK,
                Message.of("Bridge {bridge} has no uplink: guests on it reach only each other "
                           "and the host.", bridge=bridge.name),
                (node_id_for_interface(bridge.name), *users),
            )
        )
    return warnings


def _duplicate_vlan_devices(view: HostView) -> list[TopologyWarning]:
    by_parent_tag: dict[tuple[str, int], list[str]] = defaultdict(list)
    for interface in view.interfaces.values():
        if (
            interface.kind is HostInterfaceKind.VLAN
            and interface.vlan_parent is not None
            and interface.vlan_tag is not None
        ):
            by_parent_tag[(interface.vlan_parent, interface.vlan_tag)].append(interface.name)
    return [
        TopologyWarning.of(
            WarningKind.DUPLICATE_VLAN,
            Message.of("{devices} both use VLAN {tag} on {parent}; Linux allows only one VLAN "
                       "device per tag and parent.", devices=_and_list(sorted(names)), tag=tag,
                       parent=parent),
            tuple(node_id_for_interface(name) for name in sorted(names)),
        )
        for (parent, tag), names in sorted(by_parent_tag.items())
        if len(names) > 1
    ]


def _missing_network_bridges(view: HostView) -> list[TopologyWarning]:
    warnings = []
    for network in view.networks.values():
        bridge = network.bridge
        if network.forward_mode != "bridge" or bridge is None or bridge in view.ovs_bridges:
            continue
        if bridge in view.interfaces:
            continue
        warnings.append(
            TopologyWarning.of(
                WarningKind.MISSING_BRIDGE,
                Message.of("Network {network} uses bridge {bridge}, which this host does not "
                           "have.", network=network.name, bridge=bridge),
                (node_id_for_network(network.name), node_id_for_interface(bridge)),
            )
        )
    return warnings


def _nic_warnings(view: HostView, attachment: Attachment) -> list[TopologyWarning]:
    label = nic_label(attachment)
    vnic = attachment.vnic_id
    nic = attachment.nic
    warnings = []
    if attachment.network_missing:
        warnings.append(
            TopologyWarning.of(
                WarningKind.MISSING_NETWORK,
                Message.of("{nic} uses network {network}, which does not exist.", nic=label,
                           network=nic.network),
                (vnic, node_id_for_network(str(nic.network))),
            )
        )
    elif attachment.network is not None and not attachment.network.active:
        network = attachment.network.name
        warnings.append(
            TopologyWarning.of(
                WarningKind.INACTIVE_NETWORK,
                Message.of("{nic} is on network {network}, which is not active: the NIC is "
                           "disconnected.", nic=label, network=network)
                if attachment.domain.active else
                Message.of("{nic} is on network {network}, which is not active: the domain "
                           "will not start until the network is started.", nic=label,
                           network=network),
                (vnic, node_id_for_network(network)),
            )
        )
    if attachment.portgroup_missing and attachment.network is not None:
        warnings.append(
            TopologyWarning.of(
                WarningKind.MISSING_PORTGROUP,
                Message.of("{nic} asks for portgroup {portgroup}, which network {network} does "
                           "not have.", nic=label, portgroup=nic.portgroup,
                           network=attachment.network.name),
                (vnic, node_id_for_network(attachment.network.name)),
            )
        )
    # A bridge-mode network's missing bridge is reported once, for the network.
    on_network_bridge = attachment.network is not None and attachment.network.bridge is not None
    if not attachment.bridge_exists and not on_network_bridge:
        warnings.append(
            TopologyWarning.of(
                WarningKind.MISSING_BRIDGE,
                Message.of("{nic} is plugged into bridge {bridge}, which this host does not "
                           "have.", nic=label, bridge=attachment.bridge),
                (vnic, node_id_for_interface(str(attachment.bridge))),
            )
        )
    if attachment.requested_vlan is not None and not attachment.vlan_applied:
        warnings.append(_vlan_not_applied(view, attachment))
    return warnings


def _vlan_not_applied(view: HostView, attachment: Attachment) -> TopologyWarning:
    vlan = attachment.requested_vlan
    assert vlan is not None
    source = attachment.vlan_source or VlanSource.INTERFACE
    objects = [attachment.vnic_id]
    if source is VlanSource.PORTGROUP and attachment.network and attachment.portgroup:
        objects.append(node_id_for_portgroup(attachment.network.name, attachment.portgroup.name))
    elif source is VlanSource.NETWORK and attachment.network:
        objects.append(node_id_for_network(attachment.network.name))
    kind = attachment.kind
    if kind is ConnectionKind.LINUX_BRIDGE:
        why = Message.of("libvirt {version} applies VLAN tags on Linux bridges only from {since}",
                         version=version_text(view.version),
                         since=version_text(LINUX_BRIDGE_VLAN_SINCE))
    elif kind is ConnectionKind.MACVTAP:
        why = Message.of("libvirt applies VLAN tags to macvtap only in passthrough mode, not in "
                         "{mode} mode", mode=direct_mode_word(attachment.direct_mode or "vepa"))
    else:
        why = Message.of("libvirt does not apply VLAN tags to {kind} connections",
                         kind=connection_word(kind))
    return TopologyWarning.of(
        WarningKind.VLAN_NOT_APPLIED,
        Message.of("{nic} asks for {vlan} (from the {source}), but {why}. The port is untagged, "
                   "and libvirt refuses to start the guest with this setting (\"vlan tag not "
                   "supported for this connection type\").", nic=nic_label(attachment),
                   vlan=vlan.describe_message(), source=vlan_source_word(source), why=why),
        tuple(objects),
    )


def _and_list(names: list[str]) -> Message:
    """Names joined like "a and b" or "a and b and c", as a translatable phrase."""
    text = Message.of("{first} and {second}", first=names[0], second=names[1])
    for name in names[2:]:
        text = Message.of("{first} and {second}", first=text, second=name)
    return text
