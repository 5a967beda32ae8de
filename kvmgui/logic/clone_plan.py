"""What cloning a domain makes (pure): the new definition, the volumes to copy, what is shared.

The clone dialog lists the source's disks (``source_disks``); per disk the user picks Clone,
Share or Skip and, for a copy, its pool and name (``DiskChoice``). ``plan_clone`` turns that
into a ``ClonePlan``: the new domain XML (new name, UUID, MAC addresses, NVRAM path, disks that
point at their copies), the copies to make (``VolumeCopy``, for kvmgui.virt.clone_jobs) and
the problems: errors block the clone, warnings are shown for the user to accept.

Where copies go: a disk on a volume of an active pool is copied into a pool (its own by
default); a disk on a plain file outside every pool, and the NVRAM file, are copied beside the
original (libvirt copies only between pool volumes: the job reaches such a folder through a
temporary pool). Copies are sparse (allocation 0) and keep the original's format; a qcow2 copy
is a standalone image (libvirt's qemu-img convert reads through any backing chain).
"""

from __future__ import annotations

import posixpath
import random
import uuid as uuidlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from kvmgui.core.message import Message
from kvmgui.core.snapshots import DomainInfo, PoolInfo, VolumeInfo
from kvmgui.core.units import format_bytes
from kvmgui.logic.action_rules import resolve_volume
from kvmgui.logic.clone_names import copy_name, default_clone_name, new_mac, unique_name
from kvmgui.logic.domain_refs import DiskRef
from kvmgui.xml import Disk, Domain, Problem, Volume, XmlSyntaxError
from kvmgui.xml.problems import Problems, check_name

__all__ = ["ClonePlan", "DiskChoice", "DiskPolicy", "SourceDisk", "VolumeCopy",
           "copy_volume_xml", "default_clone_name", "plan_clone", "source_disks"]

NVRAM = "nvram"  # VolumeCopy.what of the NVRAM file
_PATH_POOL_TYPES = ("dir", "fs", "netfs", "logical", "disk")  # a volume's path: target/name


class DiskPolicy(StrEnum):
    CLONE = "clone"  # copy the volume; the clone uses the copy
    SHARE = "share"  # the clone uses the same disk
    SKIP = "skip"  # the clone has no such disk


@dataclass(frozen=True, slots=True)
class SourceDisk:
    """One disk of the source domain, as the clone dialog lists it."""

    index: int  # position among the definition's <disk> elements
    target: str  # vda, sdb, ...
    device: str  # disk, cdrom, floppy, lun
    source: str  # what it points at, for display ("" for an empty drive)
    path: str  # file or block device path ("" for pool/volume or network disks)
    pool: PoolInfo | None  # the active pool holding its volume
    volume: VolumeInfo | None
    read_only: bool  # read-only, shareable or a CD-ROM: two guests may use it at once
    in_folder: bool  # a plain file that no pool holds: copied beside the original

    @property
    def copyable(self) -> bool:
        return self.volume is not None or self.in_folder

    @property
    def default_policy(self) -> DiskPolicy:
        """CD-ROMs, read-only disks and empty drives are shared; other disks are copied when
        libvirt can copy them, else left out (sharing a writable disk corrupts it)."""
        if not self.source or self.read_only:
            return DiskPolicy.SHARE
        return DiskPolicy.CLONE if self.copyable else DiskPolicy.SKIP


@dataclass(frozen=True, slots=True)
class DiskChoice:
    """The user's answer for one disk; empty pool/name mean "as proposed"."""

    policy: DiskPolicy
    pool: str = ""  # the pool the copy goes to ("" = where the original is)
    name: str = ""  # the copy's volume name


@dataclass(frozen=True, slots=True)
class VolumeCopy:
    """One volume (or NVRAM file) to copy with libvirt's createXMLFrom."""

    what: str  # the disk's target ("vda") or NVRAM
    source_pool: str  # the pool holding the original ("" = reach `folder` through a temporary pool)
    source_name: str  # the original's volume (file) name
    folder: str  # the original's folder, for a temporary pool ("" when not needed)
    pool: str  # the pool the copy goes to ("" = the original's folder)
    name: str  # the copy's name
    path: str  # where the copy will be, as far as it can be known before ("" when not)
    format: str  # the original's format ("" = the pool's default)
    expected_bytes: int  # the original's allocation: what a copy writes at most (0: unknown)
    pool_uuid: str = ""  # the target pool's UUID, to re-read it afterwards ("" for a folder)

    @property
    def where(self) -> str:
        """The copy's place for people: "pool/name" or its path."""
        return f"{self.pool}/{self.name}" if self.pool else self.path


@dataclass(frozen=True, slots=True)
class ClonePlan:
    source_uuid: str
    source_name: str
    name: str
    uuid: str
    xml: str  # the new definition (copies at their predicted paths)
    copies: tuple[VolumeCopy, ...]
    shared: tuple[str, ...]  # targets of the disks both use
    skipped: tuple[str, ...]  # targets of the disks the clone does not get
    macs: tuple[tuple[str, str], ...]  # (old, new) per NIC that had an address
    problems: tuple[Problem, ...]

    @property
    def blocked(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def source_disks(domain_xml: str, pools: Sequence[PoolInfo]) -> list[SourceDisk]:
    """The source's disks with the volumes they are on (raises ValueError or XmlSyntaxError
    for a definition that does not parse)."""
    disks = Domain.from_xml(domain_xml).disks
    return [_source_disk(index, disk, pools) for index, disk in enumerate(disks)]


def _source_disk(index: int, disk: Disk, pools: Sequence[PoolInfo]) -> SourceDisk:
    device = disk.device or "disk"
    path = disk.source_file or disk.source_dev or ""
    ref = DiskRef(target=disk.target_dev or "", path=path, pool=disk.source_pool or "",
                  volume=disk.source_volume or "", network_name=disk.source_name or "")
    found = resolve_volume(ref, pools) if disk.type in ("file", "block", "volume", "network") \
        else None
    pool, volume = found if found is not None else (None, None)
    return SourceDisk(index=index, target=disk.target_dev or "", device=device,
                      source=disk.source_path or "", path=path, pool=pool, volume=volume,
                      read_only=disk.readonly or disk.shareable or device == "cdrom",
                      in_folder=volume is None and disk.type == "file" and bool(path))


def plan_clone(source_xml: str, name: str, choices: Mapping[int, DiskChoice],
               pools: Sequence[PoolInfo], domains: Sequence[DomainInfo], *,
               uuid: str | None = None, rng: random.Random | None = None,
               source_paused: bool = False) -> ClonePlan:
    """The clone of ``source_xml`` named ``name``; disks without a choice get their default.
    ``domains`` are the connection's (names and MAC addresses must be new); ``uuid`` and
    ``rng`` (MAC addresses) are for repeatable results. A paused source's QEMU still holds
    its images: libvirt copies a raw file itself, but qemu-img cannot open a locked qcow2."""
    doc = Domain.from_xml(source_xml)
    disks = source_disks(source_xml, pools)
    old_name, old_uuid = doc.name or "", doc.uuid or ""
    problems = Problems()
    _check_clone_name(problems, name, domains)
    new_uuid = uuid or str(uuidlib.uuid4())
    planner = _CopyPlanner(pools, old_name, name, problems, source_paused)
    shared, skipped = [], []
    elements = doc.disks
    for disk in disks:
        choice = choices.get(disk.index, DiskChoice(disk.default_policy))
        element = elements[disk.index]
        if choice.policy is DiskPolicy.SKIP:
            doc.remove_device(element)
            skipped.append(disk.target)
        elif choice.policy is DiskPolicy.SHARE:
            shared.append(disk.target)
            if disk.source and not disk.read_only:
                problems.warning(f"disk[{disk.index}]", "Both virtual machines would write to "
                                 "{target} ({source}): running both corrupts it.",
                                 target=disk.target, source=disk.source)
        else:
            planner.copy_disk(disk, choice, element)
    planner.copy_nvram(doc)
    doc.name = name
    doc.uuid = new_uuid
    _renew_identity(doc, new_uuid)
    macs = _renew_nics(doc, domains, rng or random.Random())
    _check_space(problems, planner.copies, pools)
    _check_fixed_ports(problems, doc)
    return ClonePlan(old_uuid, old_name, name, new_uuid, doc.to_xml(), tuple(planner.copies),
                     tuple(shared), tuple(skipped), macs, tuple(problems.items))


def copy_volume_xml(copy: VolumeCopy, capacity: int, original_xml: str = "") -> str:
    """The new volume's definition for createXMLFrom: sparse, in the original's format (the
    pool's default without one: libvirt's schema still wants the <target> element) and, for
    qcow2, the original's compat level, else 1.1 (libvirt 9.0 would write the old 0.10)."""
    volume = Volume.new(copy.name, capacity, copy.format or None, allocation=0)
    volume.ensure_element("target")
    if copy.format == "qcow2":
        volume.ensure_element("target/compat").text = _compat_of(original_xml) or "1.1"
    return volume.to_xml()


def _compat_of(volume_xml: str) -> str | None:
    if not volume_xml:
        return None
    try:
        element = Volume.from_xml(volume_xml).find_element("target/compat")
    except (XmlSyntaxError, ValueError):
        return None
    return element.text.strip() if element is not None and element.text else None


def _check_clone_name(problems: Problems, name: str, domains: Iterable[DomainInfo]) -> None:
    check_name(problems, name, Message.of("virtual machine"))
    if any(d.name == name for d in domains):
        problems.error("name", "A virtual machine named {name} already exists.", name=name)


class _CopyPlanner:
    """Collects the copies of one plan: names unique per pool, disks pointed at them."""

    def __init__(self, pools: Sequence[PoolInfo], old_name: str, new_name: str,
                 problems: Problems, source_paused: bool) -> None:
        self._pools = {p.name: p for p in pools}
        self._paused = source_paused
        self._old, self._new = old_name, new_name
        self._problems = problems
        self._planned: dict[str, set[str]] = {}  # per pool name (or folder): names planned
        self.copies: list[VolumeCopy] = []

    def copy_disk(self, disk: SourceDisk, choice: DiskChoice, element: Disk) -> None:
        field = f"disk[{disk.index}]"
        if not disk.copyable:
            self._problems.error(field, "{target} cannot be copied: it is not a volume of an "
                                 "active storage pool nor a file. Share or skip it.",
                                 target=disk.target)
            return
        fmt = (disk.volume.format if disk.volume is not None else element.driver_type) or ""
        if self._paused and fmt not in ("", "raw"):
            self._problems.error(field, "{target} cannot be copied while {name} is paused: QEMU "
                                 "locks its {format} image. Shut {name} down first, or share "
                                 "or skip the disk.", target=disk.target, name=self._old,
                                 format=fmt)
            return
        source_pool = disk.pool.name if disk.pool is not None else ""
        pool_name = choice.pool or source_pool
        pool = self._pools.get(pool_name) if pool_name else None
        if pool_name and (pool is None or not pool.active):
            self._problems.error(f"{field}.pool", "Choose an active storage pool.")
            return
        source_name = disk.volume.name if disk.volume is not None else posixpath.basename(disk.path)
        folder = "" if disk.volume is not None else posixpath.dirname(disk.path)
        copy = self._add(disk.target, field, choice.name, source_pool, source_name, folder, pool,
                         fmt, disk.volume.allocation if disk.volume is not None else 0)
        if copy is not None:
            _point_disk(element, copy, pool)

    def copy_nvram(self, doc: Domain) -> None:
        nvram = doc.find_element("os/nvram")
        if nvram is None:
            return
        source = nvram.find("source")
        path = (source.get("file") if source is not None else nvram.text) or ""
        path = path.strip()
        if not path:
            return  # libvirt makes one from the template at the first start
        pool, volume = _volume_at(path, self._pools.values())
        copy = self._add(NVRAM, NVRAM, "", pool.name if pool else "",
                         volume.name if volume else posixpath.basename(path),
                         "" if volume else posixpath.dirname(path), pool, "raw",
                         volume.allocation if volume else 0)
        if copy is None:
            return
        if source is not None:
            source.set("file", copy.path)
        else:
            nvram.text = copy.path

    def _add(self, what: str, field: str, wanted: str, source_pool: str, source_name: str,
             folder: str, pool: PoolInfo | None, fmt: str, expected: int) -> VolumeCopy | None:
        place = pool.name if pool is not None else folder
        taken = self._planned.setdefault(place, set())
        existing = {v.name for v in pool.volumes} if pool is not None else set()
        name = wanted or unique_name(copy_name(source_name, self._old, self._new),
                                     existing | taken)
        before = len(self._problems.items)
        check_name(self._problems, name, Message.of("volume"), f"{field}.name")
        if name in existing:
            self._problems.error(f"{field}.name", "A volume named {name} already exists in "
                                 "{pool}.", name=name, pool=place)
        elif name in taken:
            self._problems.error(f"{field}.name", "Two copies would both be named {name} in "
                                 "{pool}.", name=name, pool=place)
        if len(self._problems.items) != before:
            return None
        taken.add(name)
        directory = pool.target_path if pool is not None else folder
        knows_path = pool is None or (pool.pool_type in _PATH_POOL_TYPES and directory)
        copy = VolumeCopy(what=what, source_pool=source_pool, source_name=source_name,
                          folder=folder, pool=pool.name if pool is not None else "", name=name,
                          path=posixpath.join(directory, name) if knows_path else "",
                          format=fmt, expected_bytes=expected,
                          pool_uuid=pool.uuid if pool is not None else "")
        self.copies.append(copy)
        return copy


def _point_disk(element: Disk, copy: VolumeCopy, pool: PoolInfo | None) -> None:
    """Make the clone's disk use the copy; its backing chain stays with the original."""
    if element.type == "volume":
        element.source_pool = copy.pool
        element.source_volume = copy.name
    elif element.type == "network" and pool is not None:
        element.source_name = f"{pool.source_name or pool.name}/{copy.name}"
    elif element.type == "block":
        element.source_dev = copy.path
    else:
        element.source_file = copy.path
    backing = element.find_element("backingStore")
    if backing is not None:
        element.remove_element(backing)


def _volume_at(path: str, pools: Iterable[PoolInfo]) -> tuple[PoolInfo | None,
                                                               VolumeInfo | None]:
    for pool in pools:
        for volume in pool.volumes:
            if volume.path == path:
                return pool, volume
    return None, None


def _renew_identity(doc: Domain, new_uuid: str) -> None:
    """What must differ between two guests besides the UUID: the SMBIOS UUID (libvirt
    refuses one that disagrees with <uuid>) and the VM generation ID (empty: a new one)."""
    for entry in doc.find_elements("sysinfo/system/entry"):
        if entry.get("name") == "uuid":
            entry.text = new_uuid
    genid = doc.find_element("genid")
    if genid is not None:
        genid.text = None


def _renew_nics(doc: Domain, domains: Iterable[DomainInfo],
                rng: random.Random) -> tuple[tuple[str, str], ...]:
    """New MAC addresses; a fixed host-side device name goes (two guests cannot both use
    it; libvirt names one), except for type 'ethernet', whose tap device the user made."""
    used = set().union(*(_macs_of(d.xml) for d in domains))
    changed = []
    for nic in doc.interfaces:
        target = nic.find_element("target")
        if target is not None and nic.type != "ethernet":
            nic.remove_element(target)
        old = nic.mac
        if old is None:
            continue  # libvirt gives it one
        mac = new_mac(old, used, rng)
        used.add(mac)
        nic.mac = mac
        changed.append((old, mac))
    return tuple(changed)


@lru_cache(maxsize=4096)
def _macs_of(domain_xml: str) -> frozenset[str]:
    try:
        return frozenset((n.mac or "").lower() for n in Domain.from_xml(domain_xml).interfaces)
    except (XmlSyntaxError, ValueError):
        return frozenset()


def _check_space(problems: Problems, copies: Sequence[VolumeCopy],
                 pools: Sequence[PoolInfo]) -> None:
    for pool in pools:
        need = sum(c.expected_bytes for c in copies if c.pool == pool.name)
        if need > pool.available:
            problems.warning("space", "The copies to {pool} may need up to {need}; it has "
                             "{free} free.", pool=pool.name, need=format_bytes(need),
                             free=format_bytes(pool.available))


def _check_fixed_ports(problems: Problems, doc: Domain) -> None:
    for graphics in doc.graphics:
        if graphics.autoport is not True and graphics.port is not None and graphics.port > 0:
            problems.warning("graphics", "The display listens on the fixed port {port}: the "
                             "clone cannot run while the original runs.", port=graphics.port)
