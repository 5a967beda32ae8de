"""libvirt work of the headless commands (``kvmgui stats``, ``kvmgui topology``).

They run in the foreground without Qt, so these calls are plain functions; every libvirt
failure comes out as a ``HostError`` whose text is ready to print.
"""

from __future__ import annotations

from collections.abc import Sequence

import libvirt

from kvmgui.topology import build_topology
from kvmgui.topology.model import TopologyGraph
from kvmgui.virt.errors import HostError, error_text, host_errors, is_no_domain, quiet_errors
from kvmgui.virt.topology_source import host_source


class UnknownDomain(HostError):
    """A domain named on the command line does not exist on the host."""


def open_host(uri: str, *, read_only: bool = False) -> libvirt.virConnect:
    quiet_errors()  # the commands print their own messages
    try:
        return libvirt.openReadOnly(uri) if read_only else libvirt.open(uri)
    except libvirt.libvirtError as err:
        raise HostError(f"cannot connect to {uri}: {error_text(err)}") from None


def close_quietly(conn: libvirt.virConnect) -> None:
    try:
        conn.close()
    except libvirt.libvirtError:
        pass


def read_topology_graph(conn: libvirt.virConnect, uri: str) -> TopologyGraph:
    with host_errors(f"cannot read the topology of {uri}"):
        return build_topology(host_source(conn))


def domain_uuids(conn: libvirt.virConnect, names: Sequence[str]) -> list[str] | None:
    """UUIDs of the named domains (None: every running domain); an unknown name raises
    UnknownDomain."""
    if not names:
        return None
    uuids = []
    for name in dict.fromkeys(names):
        try:
            uuids.append(conn.lookupByName(name).UUIDString())
        except libvirt.libvirtError as err:
            if is_no_domain(err):
                raise UnknownDomain(f"no domain named {name!r} on {conn.getURI()}") from None
            raise HostError(f"{conn.getURI()}: {error_text(err)}") from None
    return uuids


def configured_vcpus(conn: libvirt.virConnect, uuids: list[str] | None) -> list[int]:
    """vCPU counts of the named domains (a stopped one may start later with all of them)."""
    counts = []
    for uuid in uuids or []:
        try:
            counts.append(int(conn.lookupByUUIDString(uuid).info()[3]))
        except libvirt.libvirtError:
            continue  # undefined meanwhile: it will not print rows either
    return counts
