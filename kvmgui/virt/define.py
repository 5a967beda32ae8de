"""Worker-side jobs of the editors: read definitions, define, create, with conflict checks.

Every function here returns a job ``(virConnect) -> result`` for ``Connection.run``; nothing
runs on the GUI thread.  Definitions are sent with libvirt's VALIDATE flag (schema check in
the daemon); a driver that does not know the flag gets the call without it.

Conflict safety: an edit carries the XML the editor started from (``original``).  Before
defining, the job re-reads the current inactive definition and compares the two
canonically; if someone else changed the object meanwhile it raises ``DefineConflict``
carrying the current XML, and defines nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, TypeVar

import libvirt

from kvmgui.xml import Domain, canonical

T = TypeVar("T")
Job = Callable[[libvirt.virConnect], T]
EditKind = Literal["domain", "network", "pool"]


class DefineConflict(Exception):
    """The definition changed after the editor read it; ``current_xml`` is what it is now."""

    def __init__(self, current_xml: str) -> None:
        super().__init__("the definition was changed by another client")
        self.current_xml = current_xml


class DefineRefused(Exception):
    """A change libvirt cannot make in this state (e.g. renaming a running domain)."""


@dataclass(frozen=True)
class EditSource:
    """What an editor starts from: the inactive XML, autostart, and whether it runs."""

    xml: str
    autostart: bool
    active: bool


@dataclass(frozen=True)
class NewVolumeRequest:
    """A volume to create in ``pool`` before defining a domain whose disk refers to it
    as ``<disk type='volume'><source pool=.. volume=..>``; ``clone_from`` names a volume of
    the same pool to copy."""

    pool: str
    xml: str
    clone_from: str | None = None


@dataclass(frozen=True)
class DomainChange:
    xml: str
    original: str | None = None  # None: a new domain
    uuid: str | None = None
    autostart: bool | None = None  # None: leave as it is
    new_volumes: tuple[NewVolumeRequest, ...] = ()
    start: bool = False  # start the domain once it is defined (a new guest's installation)


@dataclass(frozen=True)
class DefineResult:
    uuid: str
    warning: str = ""  # e.g. defined, but could not be started
    created_volumes: tuple[str, ...] = field(default=())


# ---- reading --------------------------------------------------------------------------------


def read_for_edit(kind: EditKind, uuid: str) -> Job[EditSource]:
    def job(conn: libvirt.virConnect) -> EditSource:
        obj = _lookup(conn, kind, uuid)
        try:
            autostart = bool(obj.autostart())
        except libvirt.libvirtError:
            autostart = False  # a transient object has no autostart
        return EditSource(_inactive_xml(kind, obj), autostart, bool(obj.isActive()))
    return job


def read_guest_capabilities() -> Job[tuple[str, str]]:
    """(driver name, capabilities XML) for choosing a new guest's domain type."""
    return lambda conn: (conn.getType(), conn.getCapabilities())


def read_cpu_models(arch: str) -> Job[list[str]]:
    """Named CPU models the host knows for ``arch`` (empty when the driver cannot tell)."""
    def job(conn: libvirt.virConnect) -> list[str]:
        try:
            return sorted(conn.getCPUModelNames(arch, 0) or [])
        except libvirt.libvirtError:
            return []
    return job


def _lookup(conn: libvirt.virConnect, kind: EditKind, uuid: str) -> libvirt.virDomain:
    lookups = {"domain": conn.lookupByUUIDString, "network": conn.networkLookupByUUIDString,
               "pool": conn.storagePoolLookupByUUIDString}
    return lookups[kind](uuid)


def _inactive_xml(kind: EditKind, obj: libvirt.virDomain) -> str:
    flags = {"domain": libvirt.VIR_DOMAIN_XML_INACTIVE | libvirt.VIR_DOMAIN_XML_SECURE,
             "network": libvirt.VIR_NETWORK_XML_INACTIVE,
             "pool": libvirt.VIR_STORAGE_XML_INACTIVE}[kind]
    try:
        return str(obj.XMLDesc(flags))
    except libvirt.libvirtError as err:
        # The test driver rejects INACTIVE for networks and pools; a read-only connection
        # may not see secrets.  Without the flags we still get the whole definition.
        if err.get_error_code() not in (libvirt.VIR_ERR_INVALID_ARG,
                                        libvirt.VIR_ERR_OPERATION_DENIED,
                                        libvirt.VIR_ERR_NO_SUPPORT):
            raise
    fallback = libvirt.VIR_DOMAIN_XML_INACTIVE if kind == "domain" else 0
    return str(obj.XMLDesc(fallback))


def _check_unchanged(kind: EditKind, obj: libvirt.virDomain, original: str) -> None:
    current = _inactive_xml(kind, obj)
    if canonical(current) != canonical(original):
        raise DefineConflict(current)


def with_validate(validating: Callable[[], T], plain: Callable[[], T]) -> T:
    """``validating()``, or ``plain()`` when the driver does not support the VALIDATE flag."""
    try:
        return validating()
    except libvirt.libvirtError as err:
        code, message = err.get_error_code(), (err.get_error_message() or "").lower()
        unsupported = code == libvirt.VIR_ERR_NO_SUPPORT or (
            code == libvirt.VIR_ERR_INVALID_ARG and "unsupported flags" in message)
        if not unsupported:
            raise
    return plain()


# ---- domains --------------------------------------------------------------------------------


def define_domain(change: DomainChange) -> Job[DefineResult]:
    """Define a new or changed domain: volumes first, then a rename, then the XML."""
    def job(conn: libvirt.virConnect) -> DefineResult:
        existing = None
        if change.uuid is not None:
            existing = conn.lookupByUUIDString(change.uuid)
            if change.original is not None:
                _check_unchanged("domain", existing, change.original)
        created: list[libvirt.virStorageVol] = []
        renamed_from: str | None = None
        try:
            xml = change.xml
            for request in change.new_volumes:
                volume = _create_volume(conn, request)
                created.append(volume)
                xml = bind_volume(xml, request.pool, volume)
            new_name = Domain.from_xml(xml).name or ""
            if existing is not None and existing.name() != new_name:
                if existing.isActive():
                    raise DefineRefused("A running virtual machine cannot be renamed; "
                                        "shut it down first.")
                renamed_from = existing.name()
                existing.rename(new_name, 0)
            domain = with_validate(
                lambda: conn.defineXMLFlags(xml, libvirt.VIR_DOMAIN_DEFINE_VALIDATE),
                lambda: conn.defineXML(xml))
        except Exception:
            if renamed_from is not None and existing is not None:
                existing.rename(renamed_from, 0)
            for volume in reversed(created):
                volume.delete(0)
            raise
        if change.autostart is not None and bool(domain.autostart()) != change.autostart:
            domain.setAutostart(int(change.autostart))
        warning = ""
        if change.start and not domain.isActive():
            try:
                domain.create()
            except libvirt.libvirtError as err:
                warning = err.get_error_message() or str(err)
        return DefineResult(domain.UUIDString(), warning, tuple(v.name() for v in created))
    return job


def bind_volume(domain_xml: str, pool: str, volume: libvirt.virStorageVol) -> str:
    """Point the disks that refer to ``pool``/``volume`` at the volume's file or device.

    A ``type='volume'`` disk would work with QEMU too, but a path is what every tool
    (and every pool type with a local path) understands.
    """
    kind = volume.info()[0]
    disk_type = {libvirt.VIR_STORAGE_VOL_FILE: "file",
                 libvirt.VIR_STORAGE_VOL_BLOCK: "block"}.get(kind)
    if disk_type is None:
        return domain_xml  # network volumes (RBD, Gluster) stay pool references
    domain = Domain.from_xml(domain_xml)
    path, name = volume.path(), volume.name()
    for disk in domain.disks:
        if disk.type == "volume" and disk.source_pool == pool and disk.source_volume == name:
            disk.element.set("type", disk_type)
            disk.source_pool = None
            disk.source_volume = None
            if disk_type == "file":
                disk.source_file = path
            else:
                disk.source_dev = path
    return domain.to_xml()


# ---- storage --------------------------------------------------------------------------------


def _create_volume(conn: libvirt.virConnect, request: NewVolumeRequest) -> libvirt.virStorageVol:
    pool = conn.storagePoolLookupByName(request.pool)
    flag = libvirt.VIR_STORAGE_VOL_CREATE_VALIDATE
    if request.clone_from:
        source = pool.storageVolLookupByName(request.clone_from)
        return with_validate(lambda: pool.createXMLFrom(request.xml, source, flag),
                             lambda: pool.createXMLFrom(request.xml, source, 0))
    return with_validate(lambda: pool.createXML(request.xml, flag),
                         lambda: pool.createXML(request.xml, 0))


def create_volume(request: NewVolumeRequest) -> Job[str]:
    """Create (or clone) one volume; returns its key."""
    def job(conn: libvirt.virConnect) -> str:
        volume = _create_volume(conn, request)
        conn.storagePoolLookupByName(request.pool).refresh(0)
        return str(volume.key())
    return job


def define_pool(xml: str, *, build: bool, start: bool, autostart: bool) -> Job[DefineResult]:
    """Define a new pool, build it (optional), start it and set autostart.

    A failed define or build leaves nothing behind; a pool that is defined but cannot start
    (e.g. its server is down) stays defined and the result carries the reason.
    """
    def job(conn: libvirt.virConnect) -> DefineResult:
        pool = with_validate(
            lambda: conn.storagePoolDefineXML(xml, libvirt.VIR_STORAGE_POOL_DEFINE_VALIDATE),
            lambda: conn.storagePoolDefineXML(xml, 0))
        if build:
            try:
                pool.build(0)
            except libvirt.libvirtError:
                pool.undefine()
                raise
        pool.setAutostart(int(autostart))
        warning = ""
        if start:
            try:
                pool.create(0)
            except libvirt.libvirtError as err:
                warning = err.get_error_message() or str(err)
        return DefineResult(pool.UUIDString(), warning)
    return job


# ---- networks -------------------------------------------------------------------------------


def define_network(xml: str, *, original: str | None = None, uuid: str | None = None,
                   start: bool = False, autostart: bool | None = None) -> Job[DefineResult]:
    """Define a new or changed network (conflict-checked against ``original``)."""
    def job(conn: libvirt.virConnect) -> DefineResult:
        if uuid is not None and original is not None:
            _check_unchanged("network", conn.networkLookupByUUIDString(uuid), original)
        network = with_validate(
            lambda: conn.networkDefineXMLFlags(xml, libvirt.VIR_NETWORK_DEFINE_VALIDATE),
            lambda: conn.networkDefineXML(xml))
        if autostart is not None and bool(network.autostart()) != autostart:
            network.setAutostart(int(autostart))
        warning = ""
        if start and not network.isActive():
            try:
                network.create()
            except libvirt.libvirtError as err:
                warning = err.get_error_message() or str(err)
        return DefineResult(network.UUIDString(), warning)
    return job
