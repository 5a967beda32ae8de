"""What the topology is built from: XML strings as libvirt returns them, plus a little state."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

LibvirtVersion = tuple[int, int, int]


@dataclass(frozen=True)
class NetworkSource:
    """One libvirt network: its XML (`network.XMLDesc()`) and `network.isActive()`."""

    xml: str
    active: bool


@dataclass(frozen=True)
class DomainSource:
    """One domain. `xml` is the live XML for a running domain (it names the tap devices and
    the bridge a network handed out), the persistent XML otherwise.

    `active` is True for every state in which the guest's ports exist (running, paused,
    blocked, suspended); `state` is a display word such as "running" or "shut off".
    """

    name: str
    uuid: str
    active: bool
    xml: str
    state: str = ""


@dataclass(frozen=True)
class HostSource:
    """Everything a topology is built from.

    `interfaces` are host interface XML strings (`conn.listAllInterfaces()` then `XMLDesc()`);
    `libvirt_version` is the daemon's version, e.g. (9, 0, 0) from `conn.getLibVersion()`.
    """

    interfaces: Sequence[str] = field(default_factory=tuple)
    networks: Sequence[NetworkSource] = field(default_factory=tuple)
    domains: Sequence[DomainSource] = field(default_factory=tuple)
    libvirt_version: LibvirtVersion = (9, 0, 0)


def version_from_number(number: int) -> LibvirtVersion:
    """Turn libvirt's packed version (major * 1_000_000 + minor * 1000 + micro) into a tuple."""
    return (number // 1_000_000, number // 1000 % 1000, number % 1000)
