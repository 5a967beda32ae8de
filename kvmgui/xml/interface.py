"""Host ``<interface>`` documents (libvirt formatnode "interface"), read-only.

libvirt's udev backend cannot define interfaces, so every property here refuses assignment.
Bridge members and bond slaves are nested ``<interface>`` elements, returned as the same class.
"""

from __future__ import annotations

from kvmgui.core.message import Message
from kvmgui.xml.node import XmlDocument
from kvmgui.xml.problems import (
    Problem,
    Problems,
    check_mac,
    check_name,
    check_vlan_tags,
)
from kvmgui.xml.props import Bool, Flag, Int, Str

INTERFACE_TYPES = ("ethernet", "vlan", "bridge", "bond")


class HostInterface(XmlDocument):
    """A host network interface: physical NIC, VLAN device, bridge or bond."""

    ROOT_TAG = "interface"

    name = Str("@name", read_only=True)
    type = Str("@type", read_only=True)
    mac = Str("mac@address", read_only=True)
    mtu = Int("mtu@size", read_only=True)
    start_mode = Str("start@mode", read_only=True)
    link_state = Str("link@state", read_only=True)
    link_speed = Int("link@speed", read_only=True)
    vlan_tag = Int("vlan@tag", read_only=True)
    vlan_parent = Str("vlan/interface@name", read_only=True)
    bridge_stp = Bool("bridge@stp", true="on", false="off", read_only=True)
    bridge_delay = Str("bridge@delay", read_only=True)
    bond_mode = Str("bond@mode", read_only=True)
    ipv4_dhcp = Flag("protocol[@family='ipv4']/dhcp", read_only=True)
    ipv6_autoconf = Flag("protocol[@family='ipv6']/autoconf", read_only=True)

    @property
    def ipv4_addresses(self) -> list[str]:
        """Configured IPv4 addresses as ``"address/prefix"`` (prefix omitted when absent)."""
        return self._addresses("ipv4")

    @property
    def ipv6_addresses(self) -> list[str]:
        return self._addresses("ipv6")

    @property
    def ip_addresses(self) -> list[str]:
        """Every configured address of every ``<protocol>``, any family, in document order."""
        result = []
        for protocol in self.find_elements("protocol"):
            for element in protocol.iterchildren("ip"):
                address, prefix = element.get("address"), element.get("prefix")
                if address:
                    result.append(f"{address}/{prefix}" if prefix else address)
        return result

    @property
    def bridge_members(self) -> list[HostInterface]:
        return self.wrap_all(HostInterface, "bridge/interface")

    @property
    def bond_slaves(self) -> list[HostInterface]:
        return self.wrap_all(HostInterface, "bond/interface")

    def _addresses(self, family: str) -> list[str]:
        result = []
        for element in self.find_elements(f"protocol[@family='{family}']/ip"):
            address, prefix = element.get("address"), element.get("prefix")
            if address:
                result.append(f"{address}/{prefix}" if prefix else address)
        return result

    def validate(self) -> list[Problem]:
        problems = Problems()
        check_name(problems, self.name, Message.of("interface"))
        label = (Message.of("interface {name}", name=self.name) if self.name
                 else Message.of("interface"))
        check_mac(problems, self.mac, "mac", label)
        if self.find_element("vlan") is not None:
            check_vlan_tags(problems, [self.vlan_tag], "", label)
        return problems.items
