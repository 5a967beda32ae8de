"""Validation rules for ``Network``: names, VLANs, portgroups, addresses and DHCP."""

from __future__ import annotations

import ipaddress
from collections import Counter
from typing import TYPE_CHECKING

from kvmgui.core.message import Message
from kvmgui.xml.problems import (
    IpInterface,
    Problem,
    Problems,
    check_mac,
    check_name,
    check_vlan,
    parse_ip,
)

if TYPE_CHECKING:
    from kvmgui.xml.network import Network, NetworkIp

# Modes where libvirt runs the bridge and gives the host an address on it.
ROUTED_MODES = ("nat", "route", "open")


def validate_network(network: Network) -> list[Problem]:
    problems = Problems()
    check_name(problems, network.name, Message.of("network"))
    check_vlan(problems, network.vlan, "", Message.of("the network"))
    _check_forward(problems, network)
    _check_portgroups(problems, network)
    for index, ip in enumerate(network.ips):
        _check_ip(problems, ip, f"ip[{index}]", index + 1)
    return problems.items


def _check_forward(problems: Problems, network: Network) -> None:
    """libvirt's own rules for routed (host-side IP) versus bridged networks."""
    mode = network.forward_mode
    if mode in ROUTED_MODES and not network.ips:
        problems.error("forward", "Forward mode {mode} needs at least one IP address.", mode=mode)
    bridge = network.find_element("bridge")
    routed = mode is None or mode in ROUTED_MODES
    if bridge is not None and not routed and ("stp" in bridge.attrib or "delay" in bridge.attrib):
        problems.error("bridge", "Bridge STP and delay only apply to isolated, NAT, routed and "
                       "open networks, not to forward mode {mode}.", mode=mode)


def _check_portgroups(problems: Problems, network: Network) -> None:
    names = Counter(pg.name for pg in network.portgroups)
    defaults = 0
    for index, portgroup in enumerate(network.portgroups):
        prefix = f"portgroup[{index}]."
        label = Message.of("portgroup {name}", name=portgroup.name or index + 1)
        if not portgroup.name:
            problems.error(prefix + "name", "Portgroup {number} has no name.", number=index + 1)
        elif names[portgroup.name] > 1:
            problems.error(prefix + "name", "The portgroup name {name} is used more than once.",
                           name=portgroup.name)
        if portgroup.default:
            defaults += 1
            if defaults > 1:
                problems.error(prefix + "default",
                               "Only one portgroup can be the default; {name} is another.",
                               name=portgroup.name or index + 1)
        check_vlan(problems, portgroup.vlan, prefix, label)


def _check_ip(problems: Problems, ip: NetworkIp, field: str, number: int) -> None:
    subnet = _check_address(problems, ip, field, number)
    if subnet is None:
        return
    network = subnet.network
    for index, dhcp_range in enumerate(ip.dhcp_ranges):
        range_field = f"{field}.dhcp.range[{index}]"
        start, end = parse_ip(dhcp_range.start), parse_ip(dhcp_range.end)
        if start is None or end is None:
            problems.error(range_field, "DHCP range {range} of IP address {number} has a start or "
                           "end that is not an IP address.", range=index + 1, number=number)
        elif start not in network or end not in network:
            problems.error(range_field, "DHCP range {start}-{end} is outside the network "
                           "{network}.", start=start, end=end, network=network)
        elif int(start) > int(end):
            problems.error(range_field, "DHCP range {start}-{end} starts after it ends.",
                           start=start, end=end)
    _check_hosts(problems, ip, field, network)


def _check_hosts(
    problems: Problems, ip: NetworkIp, field: str,
    network: ipaddress.IPv4Network | ipaddress.IPv6Network,
) -> None:
    seen_ips: set[object] = set()
    seen_macs: set[str] = set()
    for index, host in enumerate(ip.dhcp_hosts):
        host_field = f"{field}.dhcp.host[{index}]"
        label = Message.of("DHCP host {name}", name=host.name or index + 1)
        check_mac(problems, host.mac, host_field + ".mac", label)
        if host.mac is not None:
            mac = host.mac.lower()
            if mac in seen_macs:
                problems.error(host_field + ".mac", "The MAC address {mac} of {label} is "
                               "already used by another DHCP host.", mac=host.mac, label=label)
            seen_macs.add(mac)
        if host.ip is None:
            continue
        address = parse_ip(host.ip)
        if address is None:
            problems.error(host_field + ".ip", "The IP address of {label} does not parse: {ip}",
                           label=label, ip=host.ip)
        elif address not in network:
            problems.error(host_field + ".ip", "The IP address {ip} of {label} is outside the "
                           "network {network}.", ip=address, label=label, network=network)
        elif address in seen_ips:
            problems.error(host_field + ".ip", "The IP address {ip} of {label} is already used "
                           "by another DHCP host.", ip=address, label=label)
        seen_ips.add(address)


def _check_address(
    problems: Problems, ip: NetworkIp, field: str, number: int
) -> IpInterface | None:
    """Report address/netmask/prefix problems; the interface when everything parses."""
    address = parse_ip(ip.address)
    if address is None:
        problems.error(field + ".address", "IP address {number} does not parse: {value}",
                       number=number, value=ip.address or "(missing)")
        return None
    family = ip.family
    if family is not None and family != f"ipv{address.version}":
        problems.error(field + ".family", "IP address {address} does not match family {family}.",
                       address=address, family=family)
        return None
    netmask, prefix = ip.netmask, ip.element.get("prefix")
    if netmask is not None and prefix is not None:
        problems.error(field, "IP address {address} has both a netmask and a prefix; use one.",
                       address=address)
        return None
    if netmask is not None and (address.version == 6 or not _is_ipv4_netmask(netmask)):
        problems.error(field + ".netmask", "The netmask of IP address {address} is not "
                       "valid: {netmask}", address=address, netmask=netmask)
        return None
    if prefix is not None:
        limit = 32 if address.version == 4 else 128
        if not prefix.strip().isdigit() or int(prefix) > limit:
            problems.error(field + ".prefix", "The prefix of IP address {address} must be a "
                           "number from 0 to {limit}: {prefix}", address=address, limit=limit,
                           prefix=prefix)
            return None
    interface = ip.interface
    if interface is None:
        problems.error(field + ".prefix", "IP address {address} needs a netmask or prefix.",
                       address=address)
    return interface


def _is_ipv4_netmask(netmask: str) -> bool:
    """Dotted quad of leading ones then zeros (ipaddress alone would also take host masks)."""
    try:
        bits = int(ipaddress.IPv4Address(netmask.strip()))
    except ValueError:
        return False
    host_bits = ~bits & 0xFFFFFFFF
    return host_bits & (host_bits + 1) == 0
