"""Jobs that change libvirt objects. They run on a connection's action worker, never the GUI thread.

Each takes the worker's virConnect plus UUIDs, names or volume keys (never a libvirt object from
the GUI), and raises libvirt.libvirtError with libvirt's own message when libvirt refuses. They
return nothing about the new state: that comes back by events and refreshes.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import libvirt
from kvmgui.virt.errors import error_text
from kvmgui.xml import Domain


# What Connection.run_action runs, and a job function for one object (UUID or volume key).
Job = Callable[[libvirt.virConnect], Any]
KeyedJob = Callable[[libvirt.virConnect, str], None]


def bind(job: KeyedJob, key: str) -> Job:
    """`job` for one object, ready for Connection.run_action."""
    return lambda conn: job(conn, key)


# ---- domains -----------------------------------------------------------------------------------

def _domain(conn: libvirt.virConnect, uuid: str) -> libvirt.virDomain:
    return conn.lookupByUUIDString(uuid)


def domain_start(conn: libvirt.virConnect, uuid: str) -> None:
    """Start (restores the managed-save image when there is one)."""
    _domain(conn, uuid).create()


def domain_shutdown(conn: libvirt.virConnect, uuid: str) -> None:
    """Ask the guest to shut down (ACPI or agent); it may take a while or be ignored."""
    _domain(conn, uuid).shutdown()


def domain_reboot(conn: libvirt.virConnect, uuid: str) -> None:
    _domain(conn, uuid).reboot(0)


def domain_force_off(conn: libvirt.virConnect, uuid: str) -> None:
    _domain(conn, uuid).destroy()


def domain_pause(conn: libvirt.virConnect, uuid: str) -> None:
    _domain(conn, uuid).suspend()


def domain_resume(conn: libvirt.virConnect, uuid: str) -> None:
    _domain(conn, uuid).resume()


def domain_save(conn: libvirt.virConnect, uuid: str) -> None:
    """Managed save: memory to disk, the domain stops; the next start restores it."""
    _domain(conn, uuid).managedSave(0)


def domain_discard_save(conn: libvirt.virConnect, uuid: str) -> None:
    _domain(conn, uuid).managedSaveRemove(0)


def domain_set_autostart(conn: libvirt.virConnect, uuid: str, on: bool) -> None:
    _domain(conn, uuid).setAutostart(1 if on else 0)


def undefine_flags(dom: libvirt.virDomain) -> int:
    """The undefine flags for what this domain has: a managed-save image, snapshot metadata,
    NVRAM. Asking only for what is there keeps drivers that lack a flag working."""
    flags = 0
    if dom.hasManagedSaveImage(0):
        flags |= libvirt.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE
    if dom.snapshotNum(0) > 0:
        flags |= libvirt.VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA
    if Domain.from_xml(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)).has_nvram:
        flags |= libvirt.VIR_DOMAIN_UNDEFINE_NVRAM
    return flags


@dataclass(frozen=True, slots=True)
class VolumeFailure:
    name: str
    message: str


def domain_delete(conn: libvirt.virConnect, uuid: str,
                  volume_keys: Iterable[str] = ()) -> list[VolumeFailure]:
    """Force off if running, undefine (with the flags it needs), then delete the chosen volumes.

    Raises if the domain cannot be removed (its volumes are then left alone). Volume deletions
    that fail are returned: the domain is gone by then and the others are still deleted.
    """
    dom = _domain(conn, uuid)
    if dom.isActive():
        dom.destroy()
    if dom.isPersistent():
        dom.undefineFlags(undefine_flags(dom))
    failures = []
    for key in volume_keys:
        name = key
        try:
            vol = conn.storageVolLookupByKey(key)
            name = vol.name()
            vol.delete(0)
        except libvirt.libvirtError as err:
            failures.append(VolumeFailure(name, error_text(err)))
    return failures


# ---- storage -----------------------------------------------------------------------------------

def _pool(conn: libvirt.virConnect, uuid: str) -> libvirt.virStoragePool:
    return conn.storagePoolLookupByUUIDString(uuid)


def pool_start(conn: libvirt.virConnect, uuid: str) -> None:
    _pool(conn, uuid).create(0)


def pool_stop(conn: libvirt.virConnect, uuid: str) -> None:
    _pool(conn, uuid).destroy()


def pool_refresh(conn: libvirt.virConnect, uuid: str) -> None:
    _pool(conn, uuid).refresh(0)


def pool_build(conn: libvirt.virConnect, uuid: str) -> None:
    _pool(conn, uuid).build(0)


def pool_delete(conn: libvirt.virConnect, uuid: str) -> None:
    """Remove the pool's underlying storage (what that means depends on the pool type)."""
    _pool(conn, uuid).delete(0)


def pool_undefine(conn: libvirt.virConnect, uuid: str) -> None:
    """Forget the pool's definition (stopping it first); its data stays."""
    pool = _pool(conn, uuid)
    if pool.isActive():
        pool.destroy()
    pool.undefine()


def pool_set_autostart(conn: libvirt.virConnect, uuid: str, on: bool) -> None:
    _pool(conn, uuid).setAutostart(1 if on else 0)


def volume_delete(conn: libvirt.virConnect, key: str) -> None:
    conn.storageVolLookupByKey(key).delete(0)


# ---- networks ----------------------------------------------------------------------------------

def _network(conn: libvirt.virConnect, uuid: str) -> libvirt.virNetwork:
    return conn.networkLookupByUUIDString(uuid)


def network_start(conn: libvirt.virConnect, uuid: str) -> None:
    _network(conn, uuid).create()


def network_stop(conn: libvirt.virConnect, uuid: str) -> None:
    _network(conn, uuid).destroy()


def network_undefine(conn: libvirt.virConnect, uuid: str) -> None:
    """Forget the network's definition (stopping it first)."""
    net = _network(conn, uuid)
    if net.isActive():
        net.destroy()
    net.undefine()


def network_set_autostart(conn: libvirt.virConnect, uuid: str, on: bool) -> None:
    _network(conn, uuid).setAutostart(1 if on else 0)
