"""Build snapshots from libvirt objects. Runs on connection workers only (never the GUI thread).

Every function either returns a snapshot or raises libvirt.libvirtError; objects that vanish while
being read are the caller's business (see `is_gone`).
"""

import re
import socket
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import libvirt

from kvmgui.core.uris import is_local, is_test_driver, uri_parts
from kvmgui.virt import hostcheck
from kvmgui.core.snapshots import (
    DomainInfo,
    DomainState,
    HostInfo,
    InterfaceInfo,
    Inventory,
    NetworkInfo,
    PausedReason,
    PoolInfo,
    VolumeInfo,
)
from kvmgui.core import log
from kvmgui.xml import Capabilities, HostInterface, Network, Pool, Volume, XmlSyntaxError
from kvmgui.xml.node import XmlDocument

_GONE_CODES = {
    libvirt.VIR_ERR_NO_DOMAIN, libvirt.VIR_ERR_NO_NETWORK, libvirt.VIR_ERR_NO_STORAGE_POOL,
    libvirt.VIR_ERR_NO_STORAGE_VOL, libvirt.VIR_ERR_NO_INTERFACE,
}


def is_gone(err: libvirt.libvirtError) -> bool:
    """The object was removed by someone else between listing and reading it."""
    return err.get_error_code() in _GONE_CODES


def version_string(number: int) -> str:
    return f"{number // 1000000}.{number // 1000 % 1000}.{number % 1000}"


T = TypeVar("T")
S = TypeVar("S")
D = TypeVar("D", bound=XmlDocument)


def _flag(call: Callable[[], int]) -> bool:
    try:
        return bool(call())
    except libvirt.libvirtError:
        return False  # e.g. autostart of a transient object: not applicable


def domain_info(dom: libvirt.virDomain) -> DomainInfo:
    state, max_mem, mem, vcpus, _cpu_time = dom.info()
    paused_reason = None
    if state == libvirt.VIR_DOMAIN_PAUSED:
        # Only a paused domain costs the extra call: an I/O error or QEMU stopping by itself
        # must show as such, not as a pause the user asked for. State and reason come together.
        state, reason = dom.state()
        if state == libvirt.VIR_DOMAIN_PAUSED:
            paused_reason = _paused_reason(reason)
    persistent = _flag(dom.isPersistent)
    return DomainInfo(
        uuid=dom.UUIDString(), name=dom.name(), state=DomainState(state), vcpus=vcpus,
        memory_kib=mem, max_memory_kib=max_mem,
        autostart=persistent and _flag(dom.autostart), persistent=persistent,
        managed_save=persistent and _flag(lambda: dom.hasManagedSaveImage(0)),
        xml=dom.XMLDesc(0), paused_reason=paused_reason,
    )


def _paused_reason(reason: int) -> PausedReason:
    try:
        return PausedReason(reason)
    except ValueError:  # a reason newer than this program: say "unknown", not crash
        return PausedReason.UNKNOWN


def volume_info(vol: libvirt.virStorageVol, pool_uuid: str) -> VolumeInfo:
    xml = vol.XMLDesc(0)
    _type, capacity, allocation = vol.info()
    return VolumeInfo(
        key=vol.key(), name=vol.name(), path=vol.path(), pool_uuid=pool_uuid,
        format=_document(Volume, xml, vol.name()).format or "", capacity=capacity,
        allocation=allocation, xml=xml,
    )


def pool_info(pool: libvirt.virStoragePool) -> PoolInfo:
    xml = pool.XMLDesc(0)
    doc = _document(Pool, xml, pool.name())
    _state, capacity, allocation, available = pool.info()
    active = _flag(pool.isActive)
    uuid = pool.UUIDString()
    volumes: tuple[VolumeInfo, ...] = ()
    if active:
        volumes = tuple(read_all(pool.listAllVolumes(0), lambda v: volume_info(v, uuid)))
    persistent = _flag(pool.isPersistent)
    return PoolInfo(
        uuid=uuid, name=pool.name(), pool_type=doc.type or "", active=active,
        autostart=persistent and _flag(pool.autostart), persistent=persistent,
        capacity=capacity, allocation=allocation, available=available,
        target_path=doc.target_path or "", source_name=doc.source_name or "",
        xml=xml, volumes=volumes,
    )


def network_info(net: libvirt.virNetwork) -> NetworkInfo:
    xml = net.XMLDesc(0)
    doc = _document(Network, xml, net.name())
    tags = {tag for vlan in (doc.vlan, *(group.vlan for group in doc.portgroups))
            for tag in vlan.tags if tag is not None}
    persistent = _flag(net.isPersistent)
    return NetworkInfo(
        uuid=net.UUIDString(), name=net.name(), active=_flag(net.isActive),
        autostart=persistent and _flag(net.autostart), persistent=persistent,
        forward_mode=doc.forward_mode or "", bridge=doc.bridge_name or "",
        vlans=tuple(sorted(tags)), xml=xml,
    )


def interface_info(iface: libvirt.virInterface) -> InterfaceInfo:
    xml = iface.XMLDesc(0)
    doc = _document(HostInterface, xml, iface.name())
    members = [m.name or "" for m in doc.bridge_members + doc.bond_slaves]
    return InterfaceInfo(
        name=iface.name(), iface_type=doc.type or "", active=_flag(iface.isActive),
        mac=iface.MACString() or doc.mac or "", vlan=doc.vlan_tag,
        parent=doc.vlan_parent or "", members=tuple(members), xml=xml,
    )


def _document(kind: type[D], xml: str, name: str) -> D:
    """The object's document; an empty one when its XML does not parse, so one bad object (libvirt
    9.0 writes a portgroup named `<b>` unescaped) shows with its name instead of failing the whole
    inventory. The page or editor that needs the XML reports the error itself."""
    try:
        return kind.from_xml(xml)
    except (XmlSyntaxError, ValueError) as err:
        log.virt.warning("unreadable XML of %s %r: %s", kind.ROOT_TAG, name, err)
        return kind.from_xml(f"<{kind.ROOT_TAG}/>")


def read_all(objects: Iterable[T], read: Callable[[T], S]) -> list[S]:
    """`read` each object, dropping objects removed while we read them."""
    result: list[S] = []
    for obj in objects:
        try:
            result.append(read(obj))
        except libvirt.libvirtError as err:
            if not is_gone(err):
                raise
    return result


def host_info(conn: libvirt.virConnect, uri: str) -> HostInfo:
    model, memory_mib, cpus, mhz, nodes, sockets, cores, threads = conn.getInfo()
    capabilities_xml = conn.getCapabilities()
    cpu_model = Capabilities.from_xml(capabilities_xml).host_cpu_model or model
    try:
        hv_version = version_string(conn.getVersion())
    except libvirt.libvirtError:
        hv_version = ""
    local = is_local(uri) and not is_test_driver(uri)  # the test driver is not this machine
    try:
        daemon_version = version_string(conn.getLibVersion())
    except libvirt.libvirtError:
        daemon_version = ""
    hostname = conn.getHostname() if not is_test_driver(uri) else _test_hostname(uri)
    return HostInfo(
        uri=uri, hostname=hostname, driver=conn.getType(), hypervisor_version=hv_version,
        library_version=version_string(libvirt.getVersion()), daemon_version=daemon_version,
        cpu_model=cpu_model, cpu_mhz=mhz, numa_nodes=nodes, sockets=sockets, cores=cores,
        threads=threads, logical_cpus=cpus, memory_kib=memory_mib * 1024, is_local=local,
        hw_virt=hostcheck.probe_local() if local else None, capabilities_xml=capabilities_xml,
    )


def _test_hostname(uri: str) -> str:
    # The test driver reports this machine's hostname; name the simulated host after its file.
    path = uri_parts(uri).path
    stem = re.sub(r"\.xml$", "", path.rsplit("/", 1)[-1]) or "default"
    return f"{stem} (test driver on {socket.gethostname()})"


def inventory(conn: libvirt.virConnect, uri: str) -> Inventory:
    errors: list[str] = []

    def section(name: str, build: Callable[[], list[Any]]) -> list[Any]:
        try:
            return build()
        except libvirt.libvirtError as err:
            # e.g. the interface backend is not available: the rest of the inventory still loads
            errors.append(f"{name}: {err.get_error_message()}")
            return []

    return Inventory(
        host=host_info(conn, uri),
        domains=tuple(section("domains", lambda: read_all(conn.listAllDomains(0), domain_info))),
        pools=tuple(section("pools", lambda: read_all(conn.listAllStoragePools(0), pool_info))),
        networks=tuple(section("networks",
                               lambda: read_all(conn.listAllNetworks(0), network_info))),
        interfaces=tuple(section("interfaces",
                                 lambda: read_all(conn.listAllInterfaces(0), interface_info))),
        errors=tuple(errors),
    )
