"""``<network>`` documents (libvirt formatnetwork)."""

from __future__ import annotations

import ipaddress
from typing import ClassVar

from kvmgui.xml.network_checks import validate_network
from kvmgui.xml.node import XmlDocument, XmlNode
from kvmgui.xml.problems import IpInterface, Problem
from kvmgui.xml.props import Bool, Int, Str, StrList
from kvmgui.xml.tree import ChildOrder, make_element
from kvmgui.xml.vlan import Vlan

FORWARD_MODES = ("nat", "route", "open", "bridge", "private", "vepa", "passthrough", "hostdev")


class DhcpRange(XmlNode):
    """``<range start=.. end=..>`` of a DHCP pool."""

    start = Str("@start")
    end = Str("@end")


class DhcpHost(XmlNode):
    """A static lease: ``<host mac=.. name=.. ip=..>``."""

    mac = Str("@mac")
    name = Str("@name")
    ip = Str("@ip")


class NetworkIp(XmlNode):
    """``<ip address=.. netmask=..|prefix=.. family=..>`` with its DHCP settings."""

    CHILD_ORDER: ClassVar[ChildOrder] = {"ip": ("tftp", "dhcp"), "dhcp": ("range", "host", "bootp")}

    address = Str("@address")
    netmask = Str("@netmask")
    prefix = Int("@prefix")
    family = Str("@family")

    @property
    def interface(self) -> IpInterface | None:
        """Address plus prefix as an ``ipaddress`` interface, or None if they do not parse.

        Without netmask or prefix libvirt uses the classful IPv4 mask and /64 for IPv6.
        """
        if self.address is None:
            return None
        mask = self.netmask or self.element.get("prefix") or _default_prefix(self.address)
        if mask is None:
            return None
        try:
            return ipaddress.ip_interface(f"{self.address.strip()}/{mask.strip()}")
        except ValueError:
            return None

    @property
    def dhcp_ranges(self) -> list[DhcpRange]:
        return self.wrap_all(DhcpRange, "dhcp/range")

    @property
    def dhcp_hosts(self) -> list[DhcpHost]:
        return self.wrap_all(DhcpHost, "dhcp/host")

    def add_dhcp_range(self, start: str, end: str) -> DhcpRange:
        element = make_element("range", start=start, end=end)
        self.append_element("dhcp", element)
        return self.wrap(DhcpRange, element)

    def add_dhcp_host(
        self, *, mac: str | None = None, name: str | None = None, ip: str | None = None
    ) -> DhcpHost:
        attrs = {key: value for key, value in (("mac", mac), ("name", name), ("ip", ip)) if value}
        element = make_element("host", **attrs)
        self.append_element("dhcp", element)
        return self.wrap(DhcpHost, element)

    def remove_dhcp_range(self, dhcp_range: DhcpRange) -> None:
        self._remove_from_dhcp(dhcp_range)

    def remove_dhcp_host(self, host: DhcpHost) -> None:
        self._remove_from_dhcp(host)

    def _remove_from_dhcp(self, node: XmlNode) -> None:
        dhcp = self.find_element("dhcp")
        if dhcp is None or node.element.getparent() is not dhcp:
            raise ValueError(f"{node!r} is not part of this <ip>")
        self.remove_element(node.element)


class Portgroup(XmlNode):
    """``<portgroup name=.. default=yes>`` with its own VLAN and virtualport settings."""

    CHILD_ORDER: ClassVar[ChildOrder] = {"portgroup": ("vlan", "virtualport", "bandwidth")}

    name = Str("@name")
    default = Bool("@default")
    virtualport_type = Str("virtualport@type")

    @property
    def vlan(self) -> Vlan:
        return self.view(Vlan)


class Network(XmlDocument):
    """A virtual network. ``forward_mode`` None means isolated (no ``<forward>``)."""

    ROOT_TAG = "network"
    CHILD_ORDER: ClassVar[ChildOrder] = {
        "network": ("name", "uuid", "title", "description", "metadata", "forward", "bridge",
                    "mtu", "mac", "domain", "dns", "vlan", "bandwidth", "virtualport",
                    "portgroup", "ip", "route"),
        "forward": ("driver", "pf", "interface", "address", "nat"),
    }

    name = Str("name")
    uuid = Str("uuid")
    forward_dev = Str("forward@dev")
    forward_interfaces = StrList("forward/interface@dev")
    # The SR-IOV physical function a hostdev network hands out virtual functions of.
    forward_pf_dev = Str("forward/pf@dev", read_only=True)
    bridge_name = Str("bridge@name")
    bridge_stp = Bool("bridge@stp", true="on", false="off")
    bridge_delay = Int("bridge@delay")
    mac = Str("mac@address")
    mtu = Int("mtu@size")
    dns_domain = Str("domain@name")
    virtualport_type = Str("virtualport@type")

    @property
    def forward_mode(self) -> str | None:
        forward = self.find_element("forward")
        if forward is None:
            return None
        return forward.get("mode", "nat")  # libvirt's default for a bare <forward/>

    @forward_mode.setter
    def forward_mode(self, mode: str | None) -> None:
        """None (isolated) removes ``<forward>`` with everything in it.

        Leaving NAT also drops ``<nat>``: libvirt rejects it with any other mode.
        """
        forward = self.find_element("forward")
        if mode is None:
            if forward is not None:
                self.remove_element(forward)
            return
        if mode == self.forward_mode:
            return
        forward = self.ensure_element("forward")
        forward.set("mode", mode)
        nat = self.find_element("forward/nat")
        if nat is not None and mode != "nat":
            self.remove_element(nat)

    @property
    def vlan(self) -> Vlan:
        return self.view(Vlan)

    @property
    def ips(self) -> list[NetworkIp]:
        return self.wrap_all(NetworkIp, "ip")

    @property
    def portgroups(self) -> list[Portgroup]:
        return self.wrap_all(Portgroup, "portgroup")

    def add_ip(
        self,
        address: str,
        *,
        prefix: int | None = None,
        netmask: str | None = None,
        family: str | None = None,
    ) -> NetworkIp:
        element = make_element("ip")
        if family is not None:
            element.set("family", family)
        element.set("address", address)
        if netmask is not None:
            element.set("netmask", netmask)
        if prefix is not None:
            element.set("prefix", str(prefix))
        self.append_element("", element)
        return self.wrap(NetworkIp, element)

    def remove_ip(self, ip: NetworkIp) -> None:
        self._remove_child(ip)

    def add_portgroup(self, name: str, *, default: bool = False) -> Portgroup:
        element = make_element("portgroup", name=name)
        if default:
            element.set("default", "yes")
        self.append_element("", element)
        return self.wrap(Portgroup, element)

    def remove_portgroup(self, portgroup: Portgroup) -> None:
        self._remove_child(portgroup)

    def portgroup(self, name: str) -> Portgroup | None:
        return next((pg for pg in self.portgroups if pg.name == name), None)

    def _remove_child(self, node: XmlNode) -> None:
        if node.element.getparent() is not self.element:
            raise ValueError(f"{node!r} is not part of this network")
        self.remove_element(node.element)

    @classmethod
    def new(
        cls,
        name: str,
        *,
        forward_mode: str | None = "nat",
        bridge_name: str | None = None,
        ipv4: str | None = None,
        dhcp_range: tuple[str, str] | None = None,
    ) -> Network:
        """A minimal network; ``ipv4`` is the host side as ``"192.168.100.1/24"``.

        NAT, routed and open networks also need ``ipv4`` (or an IPv6 ``add_ip``) to be valid.
        """
        network = cls(make_element("network"))
        network.name = name
        network.forward_mode = forward_mode
        if bridge_name is not None:
            network.bridge_name = bridge_name
            if forward_mode in (None, "nat", "route", "open"):  # libvirt runs this bridge
                network.bridge_stp = True
                network.bridge_delay = 0
        if ipv4 is not None:
            interface = ipaddress.IPv4Interface(ipv4)
            ip = network.add_ip(str(interface.ip), prefix=interface.network.prefixlen)
            if dhcp_range is not None:
                ip.add_dhcp_range(*dhcp_range)
        elif dhcp_range is not None:
            raise ValueError("a DHCP range needs an ipv4 address")
        return cls.from_xml(network.to_xml())

    def validate(self) -> list[Problem]:
        return validate_network(self)


def _default_prefix(address: str) -> str | None:
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    if parsed.version == 6:
        return "64"
    first = int(parsed) >> 24
    if first < 128:
        return "8"
    if first < 192:
        return "16"
    if first < 224:
        return "24"
    return None
