"""Warnings about the host's wiring: each one names the objects (node ids) it is about.

Messages are plain English sentences; the UI layer translates them.
"""

from __future__ import annotations

from collections import defaultdict

from kvmgui.topology.attach import LINUX_BRIDGE_VLAN_SINCE, Attachment, ConnectionKind
from kvmgui.topology.facts import HostInterfaceKind
from kvmgui.topology.host import HostView
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


def nic_label(attachment: Attachment) -> str:
    nic = attachment.nic
    name = nic.target_dev or nic.mac or f"#{nic.index}"
    return f"{attachment.domain.name} NIC {name}"


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
            TopologyWarning(
                WarningKind.BRIDGE_WITHOUT_UPLINK,
                f"Bridge {bridge.name} has no uplink: guests on it reach only each other "
                "and the host.",
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
        TopologyWarning(
            WarningKind.DUPLICATE_VLAN,
            f"{' and '.join(sorted(names))} both use VLAN {tag} on {parent}; "
            "Linux allows only one VLAN device per tag and parent.",
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
            TopologyWarning(
                WarningKind.MISSING_BRIDGE,
                f"Network {network.name} uses bridge {bridge}, which this host does not have.",
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
            TopologyWarning(
                WarningKind.MISSING_NETWORK,
                f"{label} uses network {nic.network}, which does not exist.",
                (vnic, node_id_for_network(str(nic.network))),
            )
        )
    elif attachment.network is not None and not attachment.network.active:
        network = attachment.network.name
        warnings.append(
            TopologyWarning(
                WarningKind.INACTIVE_NETWORK,
                f"{label} is on network {network}, which is not active: "
                + ("the NIC is disconnected." if attachment.domain.active
                   else "the domain will not start until the network is started."),
                (vnic, node_id_for_network(network)),
            )
        )
    if attachment.portgroup_missing and attachment.network is not None:
        warnings.append(
            TopologyWarning(
                WarningKind.MISSING_PORTGROUP,
                f"{label} asks for portgroup {nic.portgroup}, which network "
                f"{attachment.network.name} does not have.",
                (vnic, node_id_for_network(attachment.network.name)),
            )
        )
    # A bridge-mode network's missing bridge is reported once, for the network.
    on_network_bridge = attachment.network is not None and attachment.network.bridge is not None
    if not attachment.bridge_exists and not on_network_bridge:
        warnings.append(
            TopologyWarning(
                WarningKind.MISSING_BRIDGE,
                f"{label} is plugged into bridge {attachment.bridge}, which this host "
                "does not have.",
                (vnic, node_id_for_interface(str(attachment.bridge))),
            )
        )
    if attachment.requested_vlan is not None and not attachment.vlan_applied:
        warnings.append(_vlan_not_applied(view, attachment))
    return warnings


def _vlan_not_applied(view: HostView, attachment: Attachment) -> TopologyWarning:
    vlan = attachment.requested_vlan
    assert vlan is not None
    source = attachment.vlan_source.value if attachment.vlan_source else "interface"
    objects = [attachment.vnic_id]
    if source == "portgroup" and attachment.network and attachment.portgroup:
        objects.append(node_id_for_portgroup(attachment.network.name, attachment.portgroup.name))
    elif source == "network" and attachment.network:
        objects.append(node_id_for_network(attachment.network.name))
    kind = attachment.kind
    if kind is ConnectionKind.LINUX_BRIDGE:
        why = (
            f"libvirt {version_text(view.version)} applies VLAN tags on Linux bridges only "
            f"from {version_text(LINUX_BRIDGE_VLAN_SINCE)}"
        )
    elif kind is ConnectionKind.MACVTAP:
        why = (
            "libvirt applies VLAN tags to macvtap only in passthrough mode, "
            f"not in {attachment.direct_mode} mode"
        )
    else:
        why = f"libvirt does not apply VLAN tags to {kind.value} connections"
    return TopologyWarning(
        WarningKind.VLAN_NOT_APPLIED,
        f"{nic_label(attachment)} asks for {vlan.describe()} (from the {source}), but {why}. "
        "The port is untagged, and libvirt refuses to start the guest with this setting "
        "(\"vlan tag not supported for this connection type\").",
        tuple(objects),
    )
