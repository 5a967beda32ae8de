"""Small lxml readers that pull topology facts out of libvirt XML.

Deliberately minimal and read-only: the editable XML documents live elsewhere (kvmgui/xml).
Every reader raises `TopologyXmlError` for text that is not the expected XML.
"""

from __future__ import annotations

import ipaddress

from lxml import etree

from kvmgui.topology.facts import (
    DomainFacts,
    DomainNic,
    HostInterface,
    HostInterfaceKind,
    NetworkFacts,
    NetworkIp,
    NicType,
    Portgroup,
    VlanSpec,
)

# No entity expansion and no network access while parsing text that came from a daemon.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)


class TopologyXmlError(ValueError):
    """The XML of one object could not be read."""


def parse_xml(text: str, root_tag: str) -> etree._Element:
    try:
        root = etree.fromstring(text.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as error:
        raise TopologyXmlError(f"not well-formed XML: {error}") from error
    if root.tag != root_tag:
        raise TopologyXmlError(f"expected <{root_tag}>, got <{root.tag}>")
    return root


def _attr(element: etree._Element | None, name: str) -> str | None:
    if element is None:
        return None
    value = element.get(name)
    return value if value else None


def _int_or_none(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def read_vlan(element: etree._Element | None) -> VlanSpec | None:
    """Read a `<vlan>` element (domain, network or portgroup level)."""
    if element is None:
        return None
    tags: list[int] = []
    native_tag: int | None = None
    native_mode: str | None = None
    for tag in element.findall("tag"):
        tag_id = _int_or_none(tag.get("id"))
        if tag_id is None:
            continue
        tags.append(tag_id)
        if tag.get("nativeMode"):
            native_tag, native_mode = tag_id, tag.get("nativeMode")
    if not tags:
        return None
    return VlanSpec(
        tags=tuple(tags),
        trunk=element.get("trunk") == "yes",
        native_tag=native_tag,
        native_mode=native_mode,
    )


# ------------------------------------------------------------------ host interfaces


def read_host_interfaces(text: str) -> list[HostInterface]:
    """One host interface XML document, flattened: the interface first, then the members
    it defines inline (a bridge's ports, a bond's slaves)."""
    return _read_interface(parse_xml(text, "interface"))


def _read_interface(element: etree._Element) -> list[HostInterface]:
    name = element.get("name")
    try:
        kind = HostInterfaceKind(element.get("type", ""))
    except ValueError:
        kind = HostInterfaceKind.ETHERNET  # unknown kinds behave like a plain NIC
    if not name:
        raise TopologyXmlError("host interface without a name")
    nested: list[HostInterface] = []
    members: list[str] = []
    vlan_tag: int | None = None
    vlan_parent: str | None = None
    bond_mode: str | None = None
    if kind is HostInterfaceKind.VLAN:
        vlan = element.find("vlan")
        vlan_tag = _int_or_none(_attr(vlan, "tag"))
        vlan_parent = _attr(vlan.find("interface") if vlan is not None else None, "name")
    elif kind in (HostInterfaceKind.BRIDGE, HostInterfaceKind.BOND):
        container = element.find(kind.value)
        bond_mode = _attr(container, "mode") if kind is HostInterfaceKind.BOND else None
        for child in container.findall("interface") if container is not None else []:
            child_name = child.get("name")
            if not child_name:
                continue
            members.append(child_name)
            if child.get("type"):
                nested.extend(_read_interface(child))
    addresses = tuple(
        f"{ip.get('address')}/{ip.get('prefix')}" if ip.get("prefix") else str(ip.get("address"))
        for ip in element.findall("protocol/ip")
        if ip.get("address")
    )
    own = HostInterface(
        name=name,
        kind=kind,
        mac=_attr(element.find("mac"), "address"),
        vlan_tag=vlan_tag,
        vlan_parent=vlan_parent,
        members=tuple(members),
        bond_mode=bond_mode,
        addresses=addresses,
    )
    return [own, *nested]


# ------------------------------------------------------------------ networks


def read_network(text: str, active: bool) -> NetworkFacts:
    root = parse_xml(text, "network")
    name = root.findtext("name")
    if not name:
        raise TopologyXmlError("network without a name")
    forward = root.find("forward")
    forward_mode = (forward.get("mode") or "nat") if forward is not None else None
    devices: list[str] = []
    if forward is not None:
        if forward.get("dev"):
            devices.append(str(forward.get("dev")))
        devices.extend(str(i.get("dev")) for i in forward.findall("interface") if i.get("dev"))
    return NetworkFacts(
        name=name,
        active=active,
        uuid=root.findtext("uuid"),
        forward_mode=forward_mode,
        bridge=_attr(root.find("bridge"), "name"),
        forward_devices=tuple(dict.fromkeys(devices)),
        sriov_pf=_attr(forward.find("pf") if forward is not None else None, "dev"),
        ips=tuple(_read_network_ip(ip) for ip in root.findall("ip") if ip.get("address")),
        portgroups=tuple(_read_portgroup(group) for group in root.findall("portgroup")),
        vlan=read_vlan(root.find("vlan")),
        virtualport=_attr(root.find("virtualport"), "type"),
    )


def _read_network_ip(element: etree._Element) -> NetworkIp:
    prefix = _int_or_none(element.get("prefix"))
    netmask = element.get("netmask")
    if prefix is None and netmask:
        try:
            prefix = ipaddress.IPv4Network(f"0.0.0.0/{netmask}").prefixlen
        except ValueError:
            prefix = None
    ranges = tuple(
        (str(r.get("start")), str(r.get("end")))
        for r in element.findall("dhcp/range")
        if r.get("start") and r.get("end")
    )
    return NetworkIp(
        address=str(element.get("address")),
        prefix=prefix,
        family=element.get("family") or "ipv4",
        dhcp_ranges=ranges,
    )


def _read_portgroup(element: etree._Element) -> Portgroup:
    return Portgroup(
        name=element.get("name") or "",
        default=element.get("default") == "yes",
        vlan=read_vlan(element.find("vlan")),
        virtualport=_attr(element.find("virtualport"), "type"),
    )


# ------------------------------------------------------------------ domains


def read_domain(text: str, name: str, uuid: str, active: bool, state: str) -> DomainFacts:
    root = parse_xml(text, "domain")
    nics = tuple(
        _read_nic(index, element) for index, element in enumerate(root.findall("devices/interface"))
    )
    return DomainFacts(name=name, uuid=uuid, active=active, state=state, nics=nics)


def _read_nic(index: int, element: etree._Element) -> DomainNic:
    raw_type = element.get("type") or ""
    try:
        nic_type = NicType(raw_type)
    except ValueError:
        nic_type = NicType.OTHER
    source = element.find("source")
    return DomainNic(
        index=index,
        type=nic_type,
        raw_type=raw_type,
        mac=_attr(element.find("mac"), "address"),
        model=_attr(element.find("model"), "type"),
        # Live XML keeps network= and portgroup= even when type shows the actual connection.
        network=_attr(source, "network"),
        portgroup=_attr(source, "portgroup"),
        bridge=_attr(source, "bridge"),
        dev=_attr(source, "dev"),
        direct_mode=_attr(source, "mode"),
        hostdev_address=_hostdev_address(source),
        target_dev=_attr(element.find("target"), "dev"),
        vlan=read_vlan(element.find("vlan")),
        virtualport=_attr(element.find("virtualport"), "type"),
        link_down=_attr(element.find("link"), "state") == "down",
    )


def _hostdev_address(source: etree._Element | None) -> str | None:
    address = source.find("address") if source is not None else None
    if address is None or address.get("bus") is None:
        return None
    try:
        domain, bus, slot, function = (
            int(address.get(part, "0x0"), 16) for part in ("domain", "bus", "slot", "function")
        )
    except ValueError:
        return None
    return f"{domain:04x}:{bus:02x}:{slot:02x}.{function:x}"
