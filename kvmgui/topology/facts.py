"""Plain facts read from libvirt XML: only what the topology needs, nothing editable."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from kvmgui.core.message import Message


class HostInterfaceKind(StrEnum):
    """The `type` attribute of a libvirt host `<interface>`."""

    ETHERNET = "ethernet"
    VLAN = "vlan"
    BRIDGE = "bridge"
    BOND = "bond"


class NicType(StrEnum):
    """The `type` attribute of a domain `<interface>` (the ones the topology tells apart)."""

    NETWORK = "network"
    BRIDGE = "bridge"
    DIRECT = "direct"
    HOSTDEV = "hostdev"
    USER = "user"
    ETHERNET = "ethernet"
    OTHER = "other"


@dataclass(frozen=True)
class VlanSpec:
    """A libvirt `<vlan>` element: one tag is an access port, several (or trunk='yes') a trunk.

    `native_tag` is the tag carrying `nativeMode`; `native_mode` is 'tagged' or 'untagged'.
    """

    tags: tuple[int, ...]
    trunk: bool = False
    native_tag: int | None = None
    native_mode: str | None = None

    @property
    def is_trunk(self) -> bool:
        return self.trunk or len(self.tags) > 1

    @property
    def all_tags(self) -> tuple[int, ...]:
        """Every VLAN the port joins, the native one included, sorted."""
        tags = set(self.tags)
        if self.native_tag is not None:
            tags.add(self.native_tag)
        return tuple(sorted(tags))

    def describe(self, *, compact: bool = False) -> str:
        """English text such as 'VLAN 10' or 'trunk 10,20 (native 10 untagged)';
        `compact` drops the native mode ('trunk 10,20 native 10')."""
        return str(self.describe_message(compact=compact))

    def describe_message(self, *, compact: bool = False) -> Message:
        """`describe` as a message a UI can translate."""
        if not self.is_trunk:
            if not self.all_tags:
                return Message.of("no VLAN")
            return Message.of("VLAN {tag}", tag=self.all_tags[0])
        tags = ",".join(str(tag) for tag in self.all_tags)
        if self.native_tag is None:
            return Message.of("trunk {tags}", tags=tags)
        if compact:
            return Message.of("trunk {tags} native {native}", tags=tags, native=self.native_tag)
        mode = Message.of("untagged") if self.native_mode == "untagged" else Message.of("tagged")
        return Message.of("trunk {tags} (native {native} {mode})", tags=tags,
                          native=self.native_tag, mode=mode)


@dataclass(frozen=True)
class HostInterfaceFacts:
    """One host interface from listAllInterfaces XML (nested definitions are flattened)."""

    name: str
    kind: HostInterfaceKind
    mac: str | None = None
    vlan_tag: int | None = None  # only for kind VLAN
    vlan_parent: str | None = None  # only for kind VLAN
    members: tuple[str, ...] = ()  # bridge ports or bond slaves, by name
    bond_mode: str | None = None
    addresses: tuple[str, ...] = ()  # "10.0.10.2/24"


@dataclass(frozen=True)
class NetworkIpFacts:
    """One `<ip>` of a libvirt network, with its DHCP ranges."""

    address: str
    prefix: int | None
    family: str = "ipv4"
    dhcp_ranges: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        return str(self.describe_message())

    def describe_message(self) -> Message:
        """'10.1.0.1/24 DHCP 10.1.0.10-10.1.0.20', translatable."""
        address = self.address if self.prefix is None else f"{self.address}/{self.prefix}"
        if not self.dhcp_ranges:
            return Message("{text}", (("text", address),))
        ranges = ", ".join(f"{start}-{end}" for start, end in self.dhcp_ranges)
        return Message.of("{address} DHCP {ranges}", address=address, ranges=ranges)


@dataclass(frozen=True)
class PortgroupFacts:
    name: str
    default: bool = False
    vlan: VlanSpec | None = None
    virtualport: str | None = None  # e.g. "openvswitch"


@dataclass(frozen=True)
class NetworkFacts:
    """A libvirt network. `forward_mode` is None for an isolated network (no `<forward>`)."""

    name: str
    active: bool
    uuid: str | None = None
    forward_mode: str | None = None
    bridge: str | None = None
    forward_devices: tuple[str, ...] = ()  # <forward dev=...> and <interface dev=...>
    sriov_pf: str | None = None  # <forward><pf dev=...>
    ips: tuple[NetworkIpFacts, ...] = ()
    portgroups: tuple[PortgroupFacts, ...] = ()
    vlan: VlanSpec | None = None
    virtualport: str | None = None

    @property
    def mode_label(self) -> str:
        return self.forward_mode or "isolated"

    @property
    def owns_bridge(self) -> bool:
        """NAT, routed, open and isolated networks create (and own) their bridge."""
        return self.forward_mode in (None, "nat", "route", "open")

    def portgroup(self, name: str | None) -> PortgroupFacts | None:
        """The named portgroup, or the default one when `name` is None."""
        for group in self.portgroups:
            if (name is None and group.default) or (name is not None and group.name == name):
                return group
        return None


@dataclass(frozen=True)
class DomainNic:
    """One domain `<interface>`. Live XML adds `target_dev` (running) and, for NICs on a
    network, the actual `bridge` or `dev` the network handed out."""

    index: int
    type: NicType
    raw_type: str
    mac: str | None = None
    model: str | None = None
    network: str | None = None
    portgroup: str | None = None
    bridge: str | None = None
    dev: str | None = None
    direct_mode: str | None = None
    hostdev_address: str | None = None
    target_dev: str | None = None
    vlan: VlanSpec | None = None
    virtualport: str | None = None
    link_down: bool = False


@dataclass(frozen=True)
class DomainFacts:
    name: str
    uuid: str
    active: bool
    state: str
    nics: tuple[DomainNic, ...] = field(default_factory=tuple)
