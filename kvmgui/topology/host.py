"""Read a `HostSource` into one consistent view: interfaces, networks, domains, attachments.

Decisions worth knowing:
- A host interface whose name is a guest's tap/macvtap device (`<target dev>` of a NIC) is the
  guest's port, drawn as a vNIC; it is dropped from the host interfaces and bridge members.
- A bridge created by a NAT, routed, open or isolated network belongs to that network and is
  drawn as the network node; host bridges (`type='bridge'` interfaces) are drawn on their own.
- Open vSwitch bridges are named by networks or NICs with `<virtualport type='openvswitch'>`;
  libvirt does not report their ports, so their uplink is unknown (and not warned about).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from kvmgui.core.message import Message
from kvmgui.topology.attach import Attachment, resolve_attachment
from kvmgui.topology.documents import (
    TopologyXmlError,
    domain_facts,
    interface_facts,
    network_facts,
    read_document,
)
from kvmgui.topology.facts import DomainFacts, HostInterfaceFacts, HostInterfaceKind, NetworkFacts
from kvmgui.topology.inputs import HostSource, LibvirtVersion
from kvmgui.topology.model import TopologyWarning, WarningKind
from kvmgui.xml import Domain, HostInterface, Network


@dataclass(frozen=True)
class UplinkChain:
    """How one bridge port or macvtap parent leads out of the host."""

    description: Message  # "eth0 VLAN 10", "bond0 (eth1+eth2)"
    nodes: tuple[str, ...]  # interface names, outermost (physical) first
    vlan: int | None  # the 802.1Q tag the chain adds, if any


@dataclass(frozen=True)
class HostView:
    interfaces: Mapping[str, HostInterfaceFacts]
    networks: Mapping[str, NetworkFacts]
    domains: tuple[DomainFacts, ...]
    attachments: tuple[Attachment, ...]
    ovs_bridges: frozenset[str]
    network_bridges: Mapping[str, str]  # bridge name -> network owning it
    version: LibvirtVersion
    read_errors: tuple[TopologyWarning, ...] = ()

    def host_bridges(self) -> list[HostInterfaceFacts]:
        return [i for i in self.interfaces.values() if i.kind is HostInterfaceKind.BRIDGE]

    def bridge_ports(self, bridge: str) -> tuple[str, ...]:
        """Members of a host bridge that lead out (guest taps already removed)."""
        interface = self.interfaces.get(bridge)
        return interface.members if interface is not None else ()

    def chain(self, name: str) -> UplinkChain:
        return _chain(self.interfaces, name, depth=0)


def _chain(interfaces: Mapping[str, HostInterfaceFacts], name: str, depth: int) -> UplinkChain:
    interface = interfaces.get(name)
    if interface is None or depth > 8:  # depth guards against a VLAN loop in broken XML
        return UplinkChain(_name(name), (name,), None)
    if interface.kind is HostInterfaceKind.VLAN and interface.vlan_parent:
        parent = _chain(interfaces, interface.vlan_parent, depth + 1)
        return UplinkChain(
            Message.of("{parent} VLAN {tag}", parent=parent.description, tag=interface.vlan_tag),
            (*parent.nodes, name),
            interface.vlan_tag,
        )
    if interface.kind is HostInterfaceKind.BOND and interface.members:
        slaves = "+".join(interface.members)
        return UplinkChain(_name(f"{name} ({slaves})"), (*interface.members, name), None)
    return UplinkChain(_name(name), (name,), None)


def _name(text: str) -> Message:
    """Names of host devices: not translated."""
    return Message("{text}", (("text", text),))


def read_host(source: HostSource) -> HostView:
    errors: list[TopologyWarning] = []
    networks: dict[str, NetworkFacts] = {}
    for network_source in source.networks:
        try:
            network = network_facts(read_document(Network, network_source.xml),
                                    network_source.active)
        except TopologyXmlError as error:
            errors.append(_unreadable(Message.of("network"), "?", error))
            continue
        networks[network.name] = network
    domains: list[DomainFacts] = []
    for domain_source in source.domains:
        try:
            domains.append(
                domain_facts(
                    read_document(Domain, domain_source.xml),
                    domain_source.name,
                    domain_source.uuid,
                    domain_source.active,
                    domain_source.state or ("running" if domain_source.active else "shut off"),
                )
            )
        except TopologyXmlError as error:
            errors.append(_unreadable(Message.of("domain"), domain_source.name, error))
    taps = {nic.target_dev for d in domains for nic in d.nics if nic.target_dev}
    interfaces = _merge_interfaces(source.interfaces, taps, errors)
    network_bridges = {
        n.bridge: n.name for n in networks.values() if n.owns_bridge and n.bridge is not None
    }
    ovs_bridges = _ovs_bridges(networks, domains)
    existing = frozenset(
        {i.name for i in interfaces.values() if i.kind is HostInterfaceKind.BRIDGE}
        | {bridge for bridge, net in network_bridges.items() if networks[net].active}
        | ovs_bridges
    )
    attachments = tuple(
        resolve_attachment(domain, nic, networks, existing, source.libvirt_version)
        for domain in domains
        for nic in domain.nics
    )
    return HostView(
        interfaces=interfaces,
        networks=networks,
        domains=tuple(domains),
        attachments=attachments,
        ovs_bridges=ovs_bridges,
        network_bridges=network_bridges,
        version=source.libvirt_version,
        read_errors=tuple(errors),
    )


def _unreadable(what: Message, name: str, error: Exception) -> TopologyWarning:
    return TopologyWarning.of(
        WarningKind.UNREADABLE_XML,
        Message.of("The XML of {what} {name} could not be read: {error}", what=what, name=name,
                   error=error),
        (name,),
    )


def _merge_interfaces(
    texts: Sequence[str], taps: set[str], errors: list[TopologyWarning]
) -> dict[str, HostInterfaceFacts]:
    """Top-level definitions win over the copies nested inside bridges and bonds."""
    top: dict[str, HostInterfaceFacts] = {}
    nested: dict[str, HostInterfaceFacts] = {}
    for text in texts:
        try:
            own, *inner = interface_facts(read_document(HostInterface, text))
        except TopologyXmlError as error:
            errors.append(_unreadable(Message.of("host interface"), "?", error))
            continue
        top[own.name] = own
        for interface in inner:
            nested.setdefault(interface.name, interface)
    merged = {**nested, **top}
    return {
        name: _without_taps(interface, taps)
        for name, interface in sorted(merged.items())
        if name not in taps and not _local_only(interface)
    }


def _local_only(interface: HostInterfaceFacts) -> bool:
    """Loopback and ifb (traffic-shaping) devices carry no layer-2 traffic to anyone: the udev
    backend lists them as ethernet, but drawing them as uplinks would mislead."""
    if interface.kind is not HostInterfaceKind.ETHERNET:
        return False
    return interface.mac == "00:00:00:00:00:00" or interface.name == "lo" or (
        interface.name.startswith("ifb") and interface.name[3:].isdigit())


def _without_taps(interface: HostInterfaceFacts, taps: set[str]) -> HostInterfaceFacts:
    if not any(member in taps for member in interface.members):
        return interface
    return replace(interface, members=tuple(m for m in interface.members if m not in taps))


def _ovs_bridges(
    networks: Mapping[str, NetworkFacts], domains: list[DomainFacts]
) -> frozenset[str]:
    names: set[str] = set()
    for network in networks.values():
        uses_ovs = network.virtualport == "openvswitch" or any(
            group.virtualport == "openvswitch" for group in network.portgroups
        )
        if uses_ovs and network.bridge:
            names.add(network.bridge)
    for domain in domains:
        for nic in domain.nics:
            if nic.virtualport == "openvswitch" and nic.bridge:
                names.add(nic.bridge)
    return frozenset(names)
