"""How each guest NIC is really connected: which bridge or device, which VLANs libvirt applies.

VLAN precedence follows libvirt: a `<vlan>` on the interface wins over the portgroup's, which
wins over the network's. Whether the tag is then *applied* depends on the connection type and
on the libvirt version (see `vlan_is_applied`); a tag that is not applied leaves the port
untagged, and the segments are computed from that, not from what the XML asks for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from kvmgui.topology.facts import (
    DomainFacts,
    DomainNic,
    NetworkFacts,
    NicType,
    PortgroupFacts,
    VlanSpec,
)
from kvmgui.topology.inputs import LibvirtVersion
from kvmgui.topology.model import node_id_for_vnic

# libvirt < 11 applies <vlan> only for Open vSwitch, macvtap passthrough and SR-IOV hostdev
# (domain_validate.c: "vlan tag not supported for this connection type"); 11.0 adds Linux bridges.
LINUX_BRIDGE_VLAN_SINCE: LibvirtVersion = (11, 0, 0)

# libvirt's default macvtap mode when <source mode=...> is absent.
DEFAULT_DIRECT_MODE = "vepa"


class ConnectionKind(StrEnum):
    LINUX_BRIDGE = "linux bridge"
    OVS_BRIDGE = "Open vSwitch"
    MACVTAP = "macvtap"
    HOSTDEV = "hostdev"
    USER = "user-mode"
    OTHER = "other"


class VlanSource(StrEnum):
    INTERFACE = "interface"
    PORTGROUP = "portgroup"
    NETWORK = "network"


@dataclass(frozen=True)
class Attachment:
    """One guest NIC resolved against the networks and host bridges."""

    domain: DomainFacts
    nic: DomainNic
    kind: ConnectionKind
    network: NetworkFacts | None = None
    portgroup: PortgroupFacts | None = None
    bridge: str | None = None  # the Linux/OVS bridge the tap is a port of
    device: str | None = None  # macvtap parent or SR-IOV physical function
    direct_mode: str | None = None
    requested_vlan: VlanSpec | None = None
    vlan_source: VlanSource | None = None
    vlan_applied: bool = False
    bridge_exists: bool = True
    connected: bool = False  # active domain, link up, network active, bridge present

    @property
    def vnic_id(self) -> str:
        return node_id_for_vnic(self.domain.name, self.nic.index)

    @property
    def port_vlan(self) -> VlanSpec | None:
        """The VLAN configuration the port really gets."""
        return self.requested_vlan if self.vlan_applied else None

    @property
    def network_missing(self) -> bool:
        return self.nic.network is not None and self.network is None

    @property
    def portgroup_missing(self) -> bool:
        asked = self.nic.portgroup is not None and self.network is not None
        return asked and self.portgroup is None


def vlan_is_applied(
    kind: ConnectionKind, direct_mode: str | None, version: LibvirtVersion
) -> bool:
    if kind in (ConnectionKind.OVS_BRIDGE, ConnectionKind.HOSTDEV):
        return True
    if kind is ConnectionKind.MACVTAP:
        return direct_mode == "passthrough"
    if kind is ConnectionKind.LINUX_BRIDGE:
        return version >= LINUX_BRIDGE_VLAN_SINCE
    return False


def effective_vlan(
    nic: DomainNic, portgroup: PortgroupFacts | None, network: NetworkFacts | None
) -> tuple[VlanSpec | None, VlanSource | None]:
    """The `<vlan>` libvirt uses for this NIC and where it came from."""
    if nic.vlan is not None:
        return nic.vlan, VlanSource.INTERFACE
    if portgroup is not None and portgroup.vlan is not None:
        return portgroup.vlan, VlanSource.PORTGROUP
    if network is not None and network.vlan is not None:
        return network.vlan, VlanSource.NETWORK
    return None, None


def resolve_attachment(
    domain: DomainFacts,
    nic: DomainNic,
    networks: Mapping[str, NetworkFacts],
    existing_bridges: frozenset[str],
    version: LibvirtVersion,
) -> Attachment:
    network = networks.get(nic.network) if nic.network else None
    portgroup = network.portgroup(nic.portgroup) if network is not None else None
    kind, bridge, device, direct_mode = _connection(nic, network, portgroup)
    vlan, vlan_source = effective_vlan(nic, portgroup, network)
    bridge_exists = bridge is None or bridge in existing_bridges
    network_ok = nic.network is None or (network is not None and network.active)
    return Attachment(
        domain=domain,
        nic=nic,
        kind=kind,
        network=network,
        portgroup=portgroup,
        bridge=bridge,
        device=device,
        direct_mode=direct_mode,
        requested_vlan=vlan,
        vlan_source=vlan_source,
        vlan_applied=vlan is not None and vlan_is_applied(kind, direct_mode, version),
        bridge_exists=bridge_exists,
        connected=domain.active and not nic.link_down and network_ok and bridge_exists,
    )


def _connection(
    nic: DomainNic, network: NetworkFacts | None, portgroup: PortgroupFacts | None
) -> tuple[ConnectionKind, str | None, str | None, str | None]:
    """(kind, bridge, device, macvtap mode) for one NIC."""
    virtualport = nic.virtualport or (portgroup.virtualport if portgroup else None)
    if virtualport is None and network is not None:
        virtualport = network.virtualport
    bridge_kind = (
        ConnectionKind.OVS_BRIDGE if virtualport == "openvswitch" else ConnectionKind.LINUX_BRIDGE
    )
    first_device = network.forward_devices[0] if network and network.forward_devices else None
    if nic.type is NicType.DIRECT:
        mode = nic.direct_mode
        if mode is None and network is not None and network.forward_mode != "bridge":
            mode = network.forward_mode
        return ConnectionKind.MACVTAP, None, nic.dev or first_device, mode or DEFAULT_DIRECT_MODE
    if nic.type is NicType.HOSTDEV:
        return ConnectionKind.HOSTDEV, None, network.sriov_pf if network else None, None
    if nic.type is NicType.BRIDGE:
        return bridge_kind, nic.bridge or (network.bridge if network else None), None, None
    if nic.type is NicType.USER:
        return ConnectionKind.USER, None, None, None
    if nic.type is not NicType.NETWORK or network is None:
        return ConnectionKind.OTHER, None, None, None
    kind, direct_mode = network_connection(network)
    if kind in (ConnectionKind.LINUX_BRIDGE, ConnectionKind.OVS_BRIDGE) or nic.bridge:
        return bridge_kind, nic.bridge or network.bridge, None, None
    if kind is ConnectionKind.HOSTDEV:
        return ConnectionKind.HOSTDEV, None, network.sriov_pf, None
    return ConnectionKind.MACVTAP, None, nic.dev or first_device or network.sriov_pf, direct_mode


def network_connection(network: NetworkFacts) -> tuple[ConnectionKind, str | None]:
    """How a network connects its guests: (kind, macvtap mode). A portgroup or NIC can still
    switch a bridge port to Open vSwitch with its own <virtualport>."""
    mode = network.forward_mode
    if network.owns_bridge or (mode == "bridge" and network.bridge):
        ovs = network.virtualport == "openvswitch"
        return (ConnectionKind.OVS_BRIDGE if ovs else ConnectionKind.LINUX_BRIDGE), None
    if mode == "hostdev":
        return ConnectionKind.HOSTDEV, None
    # forward bridge without a bridge name, private, vepa, passthrough: macvtap on a device
    return ConnectionKind.MACVTAP, "bridge" if mode == "bridge" else mode
