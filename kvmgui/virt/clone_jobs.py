"""Worker-side steps of a clone (see kvmgui.logic.clone_plan for what is copied where).

Each function returns a job ``(virConnect) -> result`` for ``Connection.run_action`` (the
poll for ``Connection.run``); ``CloneRun`` (clone_run.py) calls them one after another. Every
step records what it created in the clone's ``CloneLedger``; ``undo_clone`` removes exactly
that (never something another client made), and ``finish_clone`` only tidies up.

libvirt copies only from a pool volume into a pool: a file outside every pool (a disk or the
NVRAM) is reached through an active pool on its folder, or else a transient dir pool that the
clone creates and destroys again (the files stay; only the pool object goes).
"""

from __future__ import annotations

import posixpath
import threading
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

import libvirt
from PySide6.QtCore import QCoreApplication

from kvmgui.logic.clone_plan import NVRAM, ClonePlan, VolumeCopy, copy_volume_xml
from kvmgui.virt.define import with_validate
from kvmgui.virt.errors import error_text
from kvmgui.xml import Domain, Pool

T = TypeVar("T")
Job = Callable[[libvirt.virConnect], T]
_FOLDER_POOL_TYPES = ("dir", "fs", "netfs")
_CLONABLE_STATES = (libvirt.VIR_DOMAIN_SHUTOFF, libvirt.VIR_DOMAIN_PAUSED)


class CloneRefused(Exception):
    """The clone cannot start as planned (the source runs, a name was taken meanwhile, ...);
    nothing was created."""


@dataclass(frozen=True, slots=True)
class CreatedVolume:
    key: str
    label: str  # "pool/name" or the path, for people


@dataclass(frozen=True, slots=True)
class UndoReport:
    removed: tuple[str, ...]  # what the clone had created and is gone now
    leftovers: tuple[str, ...]  # what could not be removed, with libvirt's reason


class CloneLedger:
    """What one clone created so far. The action worker writes it step by step; the progress
    poll (another worker) reads the folder pools, hence the lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.volumes: list[CreatedVolume] = []
        self.paths: dict[str, str] = {}  # VolumeCopy.what -> the copy's real path
        self.domain_uuid = ""
        self.temporary_pools: list[str] = []  # transient pools to destroy at the end
        self.refresh: set[str] = set()  # names of pools whose volumes changed
        self._folder_pools: dict[str, str] = {}  # folder -> name of the pool reaching it

    def folder_pool(self, folder: str) -> str:
        with self._lock:
            return self._folder_pools.get(folder, "")

    def set_folder_pool(self, folder: str, name: str) -> None:
        with self._lock:
            self._folder_pools[folder] = name


# ---- steps (action worker) ----------------------------------------------------------------


def check_clone(plan: ClonePlan, ledger: CloneLedger) -> Job[list[int]]:
    """Before anything is copied: the source exists and is shut off or paused, the clone's
    name and UUID are free, every original is there and every copy's name free. Returns each
    copy's expected size in bytes (the original's allocation; 0 when unknown) for the
    progress bars."""
    def job(conn: libvirt.virConnect) -> list[int]:
        try:
            source = conn.lookupByUUIDString(plan.source_uuid)
        except libvirt.libvirtError as err:
            gone = QCoreApplication.translate("CloneJobs", "The domain to clone is gone: %s")
            raise CloneRefused(gone % error_text(err)) from None
        if source.state()[0] not in _CLONABLE_STATES:
            raise CloneRefused(QCoreApplication.translate(
                "CloneJobs", "%s is running: shut it down or pause it first.") % source.name())
        if _exists(lambda: conn.lookupByName(plan.name)) or _exists(
                lambda: conn.lookupByUUIDString(plan.uuid)):
            raise CloneRefused(QCoreApplication.translate(
                "CloneJobs", "A virtual machine named %s already exists.") % plan.name)
        sizes = []
        for copy in plan.copies:
            original = _original(conn, copy, ledger)
            target = _target_pool(conn, copy, ledger)
            if _exists(partial(target.storageVolLookupByName, copy.name)):
                raise CloneRefused(QCoreApplication.translate(
                    "CloneJobs", "A volume named %s already exists.") % copy.where)
            sizes.append(int(original.info()[2]))
        return sizes
    return job


def copy_volume(copy: VolumeCopy, ledger: CloneLedger) -> Job[str]:
    """Copy one volume (sparse, same format, the original's capacity); returns its path.
    libvirt removes a copy that fails half-way; a finished one is in the ledger."""
    def job(conn: libvirt.virConnect) -> str:
        original = _original(conn, copy, ledger)
        target = _target_pool(conn, copy, ledger)
        xml = copy_volume_xml(copy, int(original.info()[1]), str(original.XMLDesc(0)))
        flag = libvirt.VIR_STORAGE_VOL_CREATE_VALIDATE
        volume = with_validate(lambda: target.createXMLFrom(xml, original, flag),
                               lambda: target.createXMLFrom(xml, original, 0))
        path = str(volume.path())
        ledger.volumes.append(CreatedVolume(str(volume.key()), copy.where or path))
        ledger.paths[copy.what] = path
        ledger.refresh.add(str(target.name()))
        return path
    return job


def define_clone(plan: ClonePlan, ledger: CloneLedger) -> Job[str]:
    """Define the clone with its disks on the copies' real paths; returns its UUID."""
    def job(conn: libvirt.virConnect) -> str:
        xml = with_real_paths(plan, ledger.paths)
        domain = with_validate(
            lambda: conn.defineXMLFlags(xml, libvirt.VIR_DOMAIN_DEFINE_VALIDATE),
            lambda: conn.defineXML(xml))
        ledger.domain_uuid = str(domain.UUIDString())
        return ledger.domain_uuid
    return job


def finish_clone(ledger: CloneLedger) -> Job[None]:
    """Destroy the temporary pools and let the pools show their new volumes."""
    def job(conn: libvirt.virConnect) -> None:
        _drop_temporary_pools(conn, ledger, [])
        _refresh_pools(conn, ledger)
    return job


def undo_clone(ledger: CloneLedger) -> Job[UndoReport]:
    """Remove what the clone created: the domain, then the copies (newest first)."""
    def job(conn: libvirt.virConnect) -> UndoReport:
        removed: list[str] = []
        leftovers: list[str] = []
        if ledger.domain_uuid:
            _remove_domain(conn, ledger.domain_uuid, removed, leftovers)
        for created in reversed(ledger.volumes):
            try:
                conn.storageVolLookupByKey(created.key).delete(0)
                removed.append(created.label)
            except libvirt.libvirtError as err:
                if err.get_error_code() != libvirt.VIR_ERR_NO_STORAGE_VOL:
                    leftovers.append(f"{created.label}: {error_text(err)}")
        _drop_temporary_pools(conn, ledger, leftovers)
        _refresh_pools(conn, ledger)
        return UndoReport(tuple(removed), tuple(leftovers))
    return job


def volume_allocation(copy: VolumeCopy, ledger: CloneLedger) -> Job[int | None]:
    """How much of a copy is written so far (for the progress poll; None while unknown)."""
    def job(conn: libvirt.virConnect) -> int | None:
        pool_name = copy.pool or ledger.folder_pool(copy.folder)
        if not pool_name:
            return None
        try:
            pool = conn.storagePoolLookupByName(pool_name)
            return int(pool.storageVolLookupByName(copy.name).info()[2])
        except libvirt.libvirtError:
            return None  # not created yet, or being built where libvirt cannot tell
    return job


def with_real_paths(plan: ClonePlan, paths: dict[str, str]) -> str:
    """The plan's definition with each copy's disk (and NVRAM) at the path libvirt gave it."""
    doc = Domain.from_xml(plan.xml)
    for copy in plan.copies:
        path = paths.get(copy.what, "")
        if not path or path == copy.path:
            continue
        if copy.what == NVRAM:
            nvram = doc.find_element("os/nvram")
            source = nvram.find("source") if nvram is not None else None
            if source is not None:
                source.set("file", path)
            elif nvram is not None:
                nvram.text = path
            continue
        for disk in doc.disks:
            if disk.target_dev == copy.what and disk.type in ("file", "block"):
                if disk.type == "block":
                    disk.source_dev = path
                else:
                    disk.source_file = path
    return doc.to_xml()


# ---- helpers ------------------------------------------------------------------------------


def _exists(lookup: Callable[[], object]) -> bool:
    try:
        lookup()
    except libvirt.libvirtError as err:
        if err.get_error_code() in (libvirt.VIR_ERR_NO_DOMAIN, libvirt.VIR_ERR_NO_STORAGE_VOL):
            return False
        raise
    return True


def _original(conn: libvirt.virConnect, copy: VolumeCopy,
              ledger: CloneLedger) -> libvirt.virStorageVol:
    pool = (conn.storagePoolLookupByName(copy.source_pool) if copy.source_pool
            else _folder_pool(conn, copy.folder, ledger))
    return pool.storageVolLookupByName(copy.source_name)


def _target_pool(conn: libvirt.virConnect, copy: VolumeCopy,
                 ledger: CloneLedger) -> libvirt.virStoragePool:
    if not copy.pool:
        return _folder_pool(conn, copy.folder, ledger)
    pool = conn.storagePoolLookupByName(copy.pool)
    if not pool.isActive():
        raise CloneRefused(QCoreApplication.translate(
            "CloneJobs", "The storage pool %s is not running.") % copy.pool)
    return pool


def _folder_pool(conn: libvirt.virConnect, folder: str,
                 ledger: CloneLedger) -> libvirt.virStoragePool:
    """An active pool on `folder`: one that exists (refreshed, so it sees the file), or a
    transient dir pool made for this clone."""
    name = ledger.folder_pool(folder)
    if name:
        return conn.storagePoolLookupByName(name)
    wanted = posixpath.normpath(folder)
    for pool in conn.listAllStoragePools(libvirt.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE):
        doc = Pool.from_xml(pool.XMLDesc(0))
        if doc.type in _FOLDER_POOL_TYPES and doc.target_path and \
                posixpath.normpath(doc.target_path) == wanted:
            pool.refresh(0)
            ledger.set_folder_pool(folder, str(pool.name()))
            return pool
    temporary = Pool.new("dir", f"kvmgui-clone-{uuidlib.uuid4().hex[:12]}", target_path=folder)
    pool = conn.storagePoolCreateXML(temporary.to_xml(), 0)
    ledger.temporary_pools.append(str(pool.name()))
    ledger.set_folder_pool(folder, str(pool.name()))
    return pool


def _remove_domain(conn: libvirt.virConnect, uuid: str, removed: list[str],
                   leftovers: list[str]) -> None:
    try:
        domain = conn.lookupByUUIDString(uuid)
        name = str(domain.name())
    except libvirt.libvirtError as err:
        if err.get_error_code() != libvirt.VIR_ERR_NO_DOMAIN:
            leftovers.append(f"{uuid}: {error_text(err)}")
        return
    try:
        if domain.isActive():
            domain.destroy()
        # Keep the NVRAM file: it is one of our copies, removed with the others (drivers
        # without the flag do not guard NVRAM).
        with_validate(lambda: domain.undefineFlags(libvirt.VIR_DOMAIN_UNDEFINE_KEEP_NVRAM),
                      lambda: domain.undefineFlags(0))
        removed.append(name)
    except libvirt.libvirtError as err:
        leftovers.append(f"{name}: {error_text(err)}")


def _drop_temporary_pools(conn: libvirt.virConnect, ledger: CloneLedger,
                          leftovers: list[str]) -> None:
    while ledger.temporary_pools:
        name = ledger.temporary_pools.pop()
        try:
            conn.storagePoolLookupByName(name).destroy()  # transient: gone; its files stay
        except libvirt.libvirtError as err:
            if err.get_error_code() != libvirt.VIR_ERR_NO_STORAGE_POOL:
                leftovers.append(f"{name}: {error_text(err)}")
        ledger.refresh.discard(name)


def _refresh_pools(conn: libvirt.virConnect, ledger: CloneLedger) -> None:
    for name in sorted(ledger.refresh):
        try:
            conn.storagePoolLookupByName(name).refresh(0)
        except libvirt.libvirtError:
            pass  # only the pool's listing is stale; the next refresh shows it
