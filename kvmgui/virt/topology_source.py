"""Read what the topology is built from (runs on a connection worker, never the GUI thread).

`host_source` returns the XML of host interfaces, networks and domains as the pure
`kvmgui.topology` layer expects it; `guest_addresses` adds the IP addresses the libvirt
networks' DHCP servers handed out, for hover details (not every driver has leases);
`read_topology` does both and also builds and lays out the graph, so the GUI thread only draws.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

import libvirt

from kvmgui.core import log
from kvmgui.topology import (
    DomainSource,
    HostSource,
    Layout,
    NetworkSource,
    TopologyGraph,
    build_topology,
    layout_graph,
    version_from_number,
)
from kvmgui.virt.fetch import is_gone, read_all

T = TypeVar("T")

# libvirt's virDomainState values as the words the topology shows under a domain's name.
_STATE_WORDS = {
    libvirt.VIR_DOMAIN_NOSTATE: "no state",
    libvirt.VIR_DOMAIN_RUNNING: "running",
    libvirt.VIR_DOMAIN_BLOCKED: "blocked",
    libvirt.VIR_DOMAIN_PAUSED: "paused",
    libvirt.VIR_DOMAIN_SHUTDOWN: "shutting down",
    libvirt.VIR_DOMAIN_SHUTOFF: "shut off",
    libvirt.VIR_DOMAIN_CRASHED: "crashed",
    libvirt.VIR_DOMAIN_PMSUSPENDED: "suspended",
}


@dataclass(frozen=True)
class TopologySnapshot:
    """One connection's topology, ready to draw. `addresses`: MAC (lower case) -> leased IPs."""

    uri: str
    graph: TopologyGraph
    layout: Layout
    addresses: Mapping[str, tuple[str, ...]]


def read_topology(conn: libvirt.virConnect, uri: str) -> TopologySnapshot:
    graph = build_topology(host_source(conn))
    return TopologySnapshot(uri, graph, layout_graph(graph), guest_addresses(conn))


def host_source(conn: libvirt.virConnect) -> HostSource:
    """Interfaces, networks and domains of `conn`. Objects removed while they are read are
    left out; a driver without an interface backend gives no interfaces. Everything is read in
    name order: the layout then does not change when libvirt lists objects in another order."""
    return HostSource(
        interfaces=tuple(_interface_xmls(conn)),
        networks=tuple(read_all(_by_name(conn.listAllNetworks(0)), _network_source)),
        domains=tuple(read_all(_by_name(conn.listAllDomains(0)), _domain_source)),
        libvirt_version=version_from_number(conn.getLibVersion()),
    )


def guest_addresses(conn: libvirt.virConnect) -> dict[str, tuple[str, ...]]:
    """MAC address (lower case) -> addresses leased by the active networks' DHCP servers."""
    found: dict[str, list[str]] = {}
    try:
        networks = conn.listAllNetworks(libvirt.VIR_CONNECT_LIST_NETWORKS_ACTIVE)
    except libvirt.libvirtError:
        return {}
    for network in networks:
        try:
            leases = network.DHCPLeases()
        except libvirt.libvirtError:
            continue  # no lease support (test driver), or the network just stopped
        for lease in leases:
            mac, address = str(lease.get("mac") or "").lower(), str(lease.get("ipaddr") or "")
            prefix = lease.get("prefix")
            if mac and address:
                found.setdefault(mac, []).append(f"{address}/{prefix}" if prefix else address)
    return {mac: tuple(addresses) for mac, addresses in found.items()}


def _interface_xmls(conn: libvirt.virConnect) -> list[str]:
    try:
        interfaces = conn.listAllInterfaces(0)
    except libvirt.libvirtError as err:
        # e.g. no interface backend on this host or driver: the rest still draws
        log.virt.info("no host interfaces for the topology: %s", err.get_error_message())
        return []
    xmls: list[str] = []
    for interface in _by_name(interfaces):
        try:
            xmls.append(interface.XMLDesc(0))
        except libvirt.libvirtError as err:
            if not is_gone(err):
                log.virt.warning("cannot read interface %s: %s", interface.name(),
                                 err.get_error_message())
    return xmls


def _by_name(objects: list[T]) -> list[T]:
    return sorted(objects, key=lambda obj: str(obj.name()))  # type: ignore[attr-defined]


def _network_source(network: libvirt.virNetwork) -> NetworkSource:
    return NetworkSource(network.XMLDesc(0), bool(network.isActive()))


def _domain_source(domain: libvirt.virDomain) -> DomainSource:
    state, _reason = domain.state(0)
    # XMLDesc(0) is the live XML of a running domain (tap names, the bridge a network chose).
    return DomainSource(
        name=domain.name(),
        uuid=domain.UUIDString(),
        active=bool(domain.isActive()),
        xml=domain.XMLDesc(0),
        state=_STATE_WORDS.get(state, "unknown"),
    )
