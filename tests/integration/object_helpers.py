"""Libvirt objects the integration tier creates: names, XML, creation and removal.

Every object is named ``kvmgui-test-<session pid>-<suffix>`` so a cleanup guard can tell a
live session's objects from the leftovers of a crashed run (any ``kvmgui-test-*`` object
whose owner is not a live session, including names without a PID).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import libvirt

from daemon_helpers import URI

PREFIX = "kvmgui-test-"
POOL_ROOT = Path("/var/lib/kvmgui-test")  # not under /tmp/pytest-*: QEMU runs as libvirt-qemu
_SUFFIX = re.compile(r"[a-z0-9][a-z0-9-]{0,30}")
_OWNER = re.compile(re.escape(PREFIX) + r"(\d+)-")
_UNDEFINE_EVERYTHING = (
    libvirt.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE
    | libvirt.VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA
    | libvirt.VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA
    | libvirt.VIR_DOMAIN_UNDEFINE_NVRAM
)
# Errors that mean "already gone / already stopped": another client or a guard got there first.
_GONE = {
    libvirt.VIR_ERR_NO_DOMAIN,
    libvirt.VIR_ERR_NO_NETWORK,
    libvirt.VIR_ERR_NO_STORAGE_POOL,
    libvirt.VIR_ERR_NO_STORAGE_VOL,
    libvirt.VIR_ERR_OPERATION_INVALID,
}


def owned_name(suffix: str, owner_pid: int) -> str:
    if not _SUFFIX.fullmatch(suffix):
        raise ValueError(f"name suffix {suffix!r} must match {_SUFFIX.pattern}")
    return f"{PREFIX}{owner_pid}-{suffix}"


def owner_of(name: str) -> int | None:
    match = _OWNER.match(name)
    return int(match.group(1)) if match else None


@contextlib.contextmanager
def connection() -> Iterator[libvirt.virConnect]:
    """A short-lived connection: a fault test may restart the daemon between two uses."""
    conn = libvirt.open(URI)
    try:
        yield conn
    finally:
        with contextlib.suppress(libvirt.libvirtError):
            conn.close()


@contextlib.contextmanager
def unless_gone() -> Iterator[None]:
    try:
        yield
    except libvirt.libvirtError as exc:
        if exc.get_error_code() not in _GONE:
            raise


# --- XML -------------------------------------------------------------------------------


def network_xml(name: str) -> str:
    # No <forward>: isolated. No <ip>: no addresses, no dnsmasq. Nothing leaves the host.
    return f"<network><name>{escape(name)}</name><bridge stp='off' delay='0'/></network>"


def pool_xml(name: str, path: Path) -> str:
    return (f"<pool type='dir'><name>{escape(name)}</name><target>"
            f"<path>{escape(str(path))}</path><permissions><mode>0755</mode></permissions>"
            f"</target></pool>")


def volume_xml(name: str, capacity_mib: int) -> str:
    return (f"<volume><name>{escape(name)}</name><capacity unit='MiB'>{capacity_mib}</capacity>"
            f"<target><format type='qcow2'/></target></volume>")


def guest_xml(name: str, *, network: str | None, disk_path: str | None, vcpus: int,
              memory_mib: int) -> str:
    """A TCG guest that sits in SeaBIOS: no bootable disk, no network boot, no graphics."""
    disk = "" if disk_path is None else (
        "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
        f"<source file={quoteattr(disk_path)}/><target dev='vda' bus='virtio'/></disk>")
    # rom enabled='no' drops the NIC's iPXE option ROM, so the guest can never PXE-boot.
    nic = "" if network is None else (
        f"<interface type='network'><source network={quoteattr(network)}/>"
        "<model type='virtio'/><rom enabled='no'/></interface>")
    return f"""<domain type='qemu'>
  <name>{escape(name)}</name>
  <memory unit='MiB'>{memory_mib}</memory>
  <vcpu>{vcpus}</vcpu>
  <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
  <on_crash>destroy</on_crash>
  <devices>
    {disk}
    {nic}
    <serial type='pty'><target port='0'/></serial>
    <console type='pty'><target type='serial' port='0'/></console>
    <memballoon model='virtio'/>
  </devices>
</domain>"""


# --- creation --------------------------------------------------------------------------


def define_and_start_network(conn: libvirt.virConnect, name: str,
                             on_defined: Callable[[], None]) -> None:
    network = conn.networkDefineXML(network_xml(name))
    on_defined()  # cleanup is registered before start, so a failed start leaves nothing
    network.create()


def define_and_start_pool(conn: libvirt.virConnect, name: str,
                          on_defined: Callable[[], None]) -> Path:
    path = POOL_ROOT / name
    POOL_ROOT.mkdir(mode=0o755, exist_ok=True)
    pool = conn.storagePoolDefineXML(pool_xml(name, path), 0)
    on_defined()
    pool.build(0)
    pool.create(0)
    return path


# --- removal ---------------------------------------------------------------------------


def remove_domain(conn: libvirt.virConnect, name: str) -> None:
    try:
        domain = conn.lookupByName(name)
    except libvirt.libvirtError:
        return
    with unless_gone():
        if domain.isActive():
            domain.destroy()
    with unless_gone():  # a transient domain is gone after destroy
        if domain.isPersistent():
            domain.undefineFlags(_UNDEFINE_EVERYTHING)


def remove_network(conn: libvirt.virConnect, name: str) -> None:
    try:
        network = conn.networkLookupByName(name)
    except libvirt.libvirtError:
        return
    with unless_gone():
        if network.isActive():
            network.destroy()
    with unless_gone():
        if network.isPersistent():
            network.undefine()


def remove_pool(conn: libvirt.virConnect, name: str) -> None:
    try:
        pool = conn.storagePoolLookupByName(name)
    except libvirt.libvirtError:
        remove_pool_directory(POOL_ROOT / name)
        return
    target = ET.fromstring(pool.XMLDesc(0)).findtext("target/path")
    with unless_gone():
        if pool.isActive():
            pool.refresh(0)
            for volume in pool.listAllVolumes(0):
                with unless_gone():
                    volume.delete(0)
            pool.destroy()
    with unless_gone():
        if pool.isPersistent():
            pool.undefine()
    if target is not None:
        remove_pool_directory(Path(target))


def remove_pool_directory(path: Path) -> None:
    """Remove a test pool's directory, and only that: never anything outside POOL_ROOT."""
    if path.parent == POOL_ROOT and path.name.startswith(PREFIX) and path.is_dir():
        shutil.rmtree(path)


def remove_test_objects(conn: libvirt.virConnect, keep_owner: Callable[[int], bool]) -> list[str]:
    """The cleanup guard: remove every kvmgui-test-* domain, network, pool and pool
    directory unless keep_owner(owner pid) says its session still uses it. Returns the names
    removed. Domains go first: they hold the networks and volumes."""

    def doomed(names: list[str]) -> list[str]:
        return [name for name in names if name.startswith(PREFIX)
                and not ((owner := owner_of(name)) is not None and keep_owner(owner))]

    removed: list[str] = []
    for name in doomed([domain.name() for domain in conn.listAllDomains(0)]):
        remove_domain(conn, name)
        removed.append(name)
    for name in doomed([network.name() for network in conn.listAllNetworks(0)]):
        remove_network(conn, name)
        removed.append(name)
    for name in doomed([pool.name() for pool in conn.listAllStoragePools(0)]):
        remove_pool(conn, name)
        removed.append(name)
    if POOL_ROOT.is_dir():
        for name in doomed([entry.name for entry in POOL_ROOT.iterdir()]):
            remove_pool_directory(POOL_ROOT / name)
            removed.append(name)
    return removed
