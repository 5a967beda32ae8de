"""Topology facts from the `kvmgui.xml` documents: only what the graph needs, nothing editable.

The documents parse (with the one hardened parser) and read the XML; this module only turns
their values into the frozen facts the topology computes with. `read_document` raises
`TopologyXmlError` for text that is not the expected document; after that nothing raises:
values the documents cannot read are left out, as libvirt would ignore them.
"""

from __future__ import annotations

import ipaddress
from typing import TypeVar

from kvmgui.topology.facts import (
    DomainFacts,
    DomainNic,
    HostInterfaceFacts,
    HostInterfaceKind,
    NetworkFacts,
    NetworkIpFacts,
    NicType,
    PortgroupFacts,
    VlanSpec,
)
from kvmgui.xml import (
    Domain,
    DomainInterface,
    HostInterface,
    Network,
    NetworkIp,
    Portgroup,
    Vlan,
    XmlSyntaxError,
)
from kvmgui.xml.node import XmlDocument

DocumentT = TypeVar("DocumentT", bound=XmlDocument)


class TopologyXmlError(ValueError):
    """The XML of one object could not be read."""


def read_document(kind: type[DocumentT], text: str) -> DocumentT:
    """Parse `text` as a `kind` document (e.g. `Network`), or raise `TopologyXmlError`."""
    try:
        return kind.from_xml(text)
    except XmlSyntaxError as error:
        raise TopologyXmlError(f"not well-formed XML: {error}") from error
    except ValueError as error:  # the wrong root element
        raise TopologyXmlError(str(error)) from error


def _text(value: str | None) -> str | None:
    """An empty attribute says nothing: read it like a missing one."""
    return value if value else None


def vlan_spec(vlan: Vlan) -> VlanSpec | None:
    """A `<vlan>` (domain, network or portgroup level); None without a readable tag."""
    tags = tuple(tag for tag in vlan.tags if tag is not None)
    if not tags:
        return None
    native_tag, native_mode = vlan.native_tag, _text(vlan.native_mode)
    if native_tag is None or native_mode is None:
        native_tag = native_mode = None
    return VlanSpec(
        tags=tags, trunk=vlan.trunk is True, native_tag=native_tag, native_mode=native_mode
    )


# ------------------------------------------------------------------ host interfaces


def interface_facts(interface: HostInterface) -> list[HostInterfaceFacts]:
    """One host interface document, flattened: the interface first, then the members it
    defines inline (a bridge's ports, a bond's slaves)."""
    if not interface.name:
        raise TopologyXmlError("host interface without a name")
    return _flatten(interface, interface.name)


def _flatten(interface: HostInterface, name: str) -> list[HostInterfaceFacts]:
    try:
        kind = HostInterfaceKind(interface.type or "")
    except ValueError:
        kind = HostInterfaceKind.ETHERNET  # unknown kinds behave like a plain NIC
    members: list[str] = []
    nested: list[HostInterfaceFacts] = []
    inner = {HostInterfaceKind.BRIDGE: interface.bridge_members,
             HostInterfaceKind.BOND: interface.bond_slaves}.get(kind, [])
    for member in inner:
        if not member.name:
            continue
        members.append(member.name)
        if member.type:  # a full definition, not just a reference by name
            nested.extend(_flatten(member, member.name))
    is_vlan = kind is HostInterfaceKind.VLAN
    own = HostInterfaceFacts(
        name=name,
        kind=kind,
        mac=_text(interface.mac),
        vlan_tag=interface.vlan_tag if is_vlan else None,
        vlan_parent=_text(interface.vlan_parent) if is_vlan else None,
        members=tuple(members),
        bond_mode=_text(interface.bond_mode) if kind is HostInterfaceKind.BOND else None,
        addresses=tuple(interface.ip_addresses),
    )
    return [own, *nested]


# ------------------------------------------------------------------ networks


def network_facts(network: Network, active: bool) -> NetworkFacts:
    if not network.name:
        raise TopologyXmlError("network without a name")
    mode = network.forward_mode
    devices = [network.forward_dev, *network.forward_interfaces] if mode is not None else []
    return NetworkFacts(
        name=network.name,
        active=active,
        uuid=network.uuid,
        forward_mode=None if mode is None else mode or "nat",  # <forward/> means NAT
        bridge=_text(network.bridge_name),
        forward_devices=tuple(dict.fromkeys(device for device in devices if device)),
        sriov_pf=_text(network.forward_pf_dev),
        ips=tuple(_ip_facts(ip) for ip in network.ips if ip.address),
        portgroups=tuple(_portgroup_facts(group) for group in network.portgroups),
        vlan=vlan_spec(network.vlan),
        virtualport=_text(network.virtualport_type),
    )


def _ip_facts(ip: NetworkIp) -> NetworkIpFacts:
    prefix = ip.prefix
    if prefix is None and ip.netmask:
        try:
            prefix = ipaddress.IPv4Network(f"0.0.0.0/{ip.netmask}").prefixlen
        except ValueError:
            prefix = None
    ranges = tuple((r.start, r.end) for r in ip.dhcp_ranges if r.start and r.end)
    return NetworkIpFacts(
        address=ip.address or "",
        prefix=prefix,
        family=ip.family or "ipv4",
        dhcp_ranges=ranges,
    )


def _portgroup_facts(group: Portgroup) -> PortgroupFacts:
    return PortgroupFacts(
        name=group.name or "",
        default=group.default is True,
        vlan=vlan_spec(group.vlan),
        virtualport=_text(group.virtualport_type),
    )


# ------------------------------------------------------------------ domains


def domain_facts(domain: Domain, name: str, uuid: str, active: bool, state: str) -> DomainFacts:
    """The guest's NICs; name, UUID and state come from libvirt, not from the XML."""
    nics = tuple(_nic_facts(index, nic) for index, nic in enumerate(domain.interfaces))
    return DomainFacts(name=name, uuid=uuid, active=active, state=state, nics=nics)


def _nic_facts(index: int, nic: DomainInterface) -> DomainNic:
    raw_type = nic.type or ""
    try:
        nic_type = NicType(raw_type)
    except ValueError:
        nic_type = NicType.OTHER
    return DomainNic(
        index=index,
        type=nic_type,
        raw_type=raw_type,
        mac=_text(nic.mac),
        model=_text(nic.model),
        # Live XML keeps network= and portgroup= even when type shows the actual connection.
        network=_text(nic.source_network),
        portgroup=_text(nic.source_portgroup),
        bridge=_text(nic.source_bridge),
        dev=_text(nic.source_dev),
        direct_mode=_text(nic.source_mode),
        hostdev_address=nic.source_pci_address,
        target_dev=_text(nic.target_dev),
        vlan=vlan_spec(nic.vlan),
        virtualport=_text(nic.virtualport_type),
        link_down=nic.link_state == "down",
    )
