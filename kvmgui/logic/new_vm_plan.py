"""Turn the answers of the new-VM wizard into a domain definition (and the volume it needs).

Pure: no Qt, no libvirt.  ``NewVmPlan`` holds the answers; ``plan_problems`` checks them
(field names match the wizard's fields); ``build_domain`` writes the ``Domain`` document and
``new_volume`` the ``Volume`` for a new disk.  A new disk is written as a ``type='volume'``
disk (pool + volume name): its path is known only once libvirt has created the volume, and
the define job turns it into a file or block disk then (``kvmgui.virt.define``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from kvmgui.core.message import Message
from kvmgui.logic.guest_types import GuestTarget as GuestTarget  # where callers have found it
from kvmgui.logic.guest_types import choose_target as choose_target
from kvmgui.logic.osinfo import GENERIC_OS, OsEntry
from kvmgui.xml import (
    Disk,
    Domain,
    DomainInterface,
    Graphics,
    MemBalloon,
    Problem,
    SourceHost,
)
from kvmgui.xml.devices import CharDevice
from kvmgui.xml.libosinfo import LIBOSINFO_NS as LIBOSINFO_NS  # where callers have found it
from kvmgui.xml.problems import Problems, check_name
from kvmgui.xml.storage import Volume

MIB = 1024**2
GIB = 1024**3
URL_SCHEMES = {"http": 80, "https": 443, "ftp": 21, "ftps": 990}
VOLUME_EXTENSIONS = {"qcow2": ".qcow2", "raw": ".img", "vmdk": ".vmdk"}


class InstallMethod(StrEnum):
    ISO = "iso"  # a local ISO image: a pool volume or a path on the host
    IMPORT = "import"  # boot an existing disk image, no installer
    URL = "url"  # an installer ISO on an http(s)/ftp server, attached as a network CD-ROM
    PXE = "pxe"  # boot from the network
    NONE = "none"  # manual install: no media now, an empty CD-ROM drive for later


class DiskMode(StrEnum):
    NEW = "new"
    EXISTING = "existing"
    NONE = "none"


class NicMode(StrEnum):
    NETWORK = "network"
    BRIDGE = "bridge"
    NONE = "none"


@dataclass
class NewVmPlan:
    name: str
    memory_mib: int
    vcpus: int
    target: GuestTarget
    os: OsEntry = GENERIC_OS
    install: InstallMethod = InstallMethod.ISO
    iso_path: str = ""
    install_url: str = ""
    disk: DiskMode = DiskMode.NEW
    disk_pool: str = ""
    disk_capacity: int = 20 * GIB  # bytes
    disk_format: str = "qcow2"
    disk_path: str = ""  # an existing image (also the import source)
    nic: NicMode = NicMode.NETWORK
    nic_source: str = ""  # network name or host bridge
    nic_portgroup: str = ""  # a portgroup of the network ("": the network's default)
    graphics: str | None = "vnc"
    existing_names: Collection[str] = field(default_factory=frozenset)
    pool_volumes: Collection[str] = field(default_factory=frozenset)  # names in disk_pool

    @classmethod
    def for_os(cls, os: OsEntry, name: str, target: GuestTarget) -> NewVmPlan:
        """A plan with the database's recommended memory, vCPUs and disk size for ``os``."""
        res = os.recommended
        return cls(name=name, os=os, target=target,
                   memory_mib=max(1, (res.memory_bytes or GIB) // MIB), vcpus=res.vcpus or 1,
                   disk_capacity=res.disk_bytes or 20 * GIB)

    @property
    def volume_name(self) -> str:
        return f"{self.name}{VOLUME_EXTENSIONS.get(self.disk_format, '.img')}"

    @property
    def uses_new_volume(self) -> bool:
        return self.install is not InstallMethod.IMPORT and self.disk is DiskMode.NEW


def plan_problems(plan: NewVmPlan) -> list[Problem]:
    """Everything wrong with the answers, each naming the wizard field it is about."""
    problems = Problems()
    check_name(problems, plan.name, Message.of("virtual machine"))
    if plan.name in plan.existing_names:
        problems.error("name", "A virtual machine named {name} already exists.", name=plan.name)
    if plan.memory_mib < 1:
        problems.error("memory", "Memory must be at least 1 MiB.")
    if plan.vcpus < 1:
        problems.error("vcpus", "The number of vCPUs must be at least 1.")
    if plan.install is InstallMethod.ISO and not plan.iso_path.strip():
        problems.error("install.iso", "Choose the installer ISO (a volume or a path).")
    if plan.install is InstallMethod.URL:
        _check_url(problems, plan.install_url)
    needs_path = plan.install is InstallMethod.IMPORT or plan.disk is DiskMode.EXISTING
    if needs_path and not plan.disk_path.strip():
        problems.error("disk.path", "Choose the existing disk image.")
    if plan.uses_new_volume:
        if not plan.disk_pool:
            problems.error("disk.pool", "Choose the storage pool for the new disk.")
        if plan.disk_capacity <= 0:
            problems.error("disk.size", "The new disk must be larger than 0 bytes.")
        if plan.volume_name in plan.pool_volumes:
            problems.error("disk.pool", "Pool {pool} already has a volume named {volume}.",
                           pool=plan.disk_pool, volume=plan.volume_name)
    if plan.nic is not NicMode.NONE and not plan.nic_source.strip():
        problems.error("nic.source", "Choose the network or bridge for the network card.")
    if plan.install is InstallMethod.PXE and plan.nic is NicMode.NONE:
        problems.error("nic.source", "A network boot (PXE) needs a network card.")
    return problems.items


def _check_url(problems: Problems, url: str) -> None:
    parts = urlsplit(url.strip())
    if parts.scheme not in URL_SCHEMES or not parts.hostname or not parts.path.strip("/"):
        problems.error("install.url", "The install URL must look like "
                       "https://host/path/installer.iso (http, https, ftp or ftps).")
    elif parts.query:
        problems.error("install.url", "The install URL must not have a query (?...): "
                       "libvirt attaches only the path.")


def new_volume(plan: NewVmPlan) -> Volume | None:
    """The volume to create for a new disk (None when the plan uses no new disk)."""
    if not plan.uses_new_volume:
        return None
    return Volume.new(plan.volume_name, plan.disk_capacity, plan.disk_format, allocation=0)


def build_domain(plan: NewVmPlan) -> Domain:
    """The definition for ``plan`` (call ``plan_problems`` first; this does not check)."""
    domain = Domain.new(plan.name, plan.memory_mib * 1024, plan.vcpus,
                        domain_type=plan.target.domain_type, os_type=plan.target.os_type,
                        arch=plan.target.arch)
    domain.libosinfo_os = plan.os.id  # as virt-install records it, so other tools recognise it
    if plan.target.os_type == "hvm":
        for feature in ("acpi", "apic"):
            domain.ensure_element(f"features/{feature}")
        domain.ensure_element("clock").set("offset", "localtime" if plan.os.is_windows else "utc")
    windows = plan.os.is_windows
    disk_bus = "sata" if windows else "virtio"
    used: list[str] = []
    if plan.install is InstallMethod.IMPORT or plan.disk is DiskMode.EXISTING:
        path = plan.disk_path.strip()
        _add_disk(domain, Disk.new(next_target_dev(disk_bus, used), source=path,
                                   disk_type="block" if path.startswith("/dev/") else "file",
                                   bus=disk_bus, driver_type=_format_of(path)), used)
    elif plan.disk is DiskMode.NEW:
        disk = Disk.new(next_target_dev(disk_bus, used), disk_type="volume", bus=disk_bus,
                        driver_type=plan.disk_format)
        disk.source_pool = plan.disk_pool
        disk.source_volume = plan.volume_name
        _add_disk(domain, disk, used)
    if plan.install in (InstallMethod.ISO, InstallMethod.NONE):
        # Manual install: an empty drive, so that an ISO can be inserted later (a SATA
        # CD-ROM cannot be added while the guest runs).
        source = plan.iso_path.strip() if plan.install is InstallMethod.ISO else None
        _add_disk(domain, Disk.new(next_target_dev("sata", used), device="cdrom",
                                   source=source, bus="sata", driver_type="raw"), used)
    elif plan.install is InstallMethod.URL:
        _add_disk(domain, url_cdrom(plan.install_url, next_target_dev("sata", used)), used)
    if plan.nic is not NicMode.NONE:
        nic = domain.add_device(DomainInterface.new(plan.nic.value, source=plan.nic_source,
                                                    model="e1000e" if windows else "virtio"))
        if plan.nic is NicMode.NETWORK and plan.nic_portgroup:
            nic.source_portgroup = plan.nic_portgroup
    domain.boot_devices = boot_devices(plan)
    if plan.target.os_type == "hvm":
        serial = domain.add_device(CharDevice.new("serial", "pty"))
        serial.target_port = 0
        console = domain.add_device(CharDevice.new("console", "pty"))
        console.target_type = "serial"
        console.target_port = 0
    if plan.graphics:
        domain.add_device(Graphics.new(plan.graphics, listen="127.0.0.1"))
    domain.add_device(MemBalloon.new("virtio"))
    return domain


def boot_devices(plan: NewVmPlan) -> list[str]:
    has_disk = plan.install is InstallMethod.IMPORT or plan.disk is not DiskMode.NONE
    if plan.install is InstallMethod.NONE:  # the disk once installed, the drive until then
        return ["hd", "cdrom"] if has_disk else ["cdrom"]
    first = {InstallMethod.ISO: ["cdrom"], InstallMethod.URL: ["cdrom"],
             InstallMethod.PXE: ["network"], InstallMethod.IMPORT: []}[plan.install]
    return first + (["hd"] if has_disk or not first else [])


def url_cdrom(url: str, target_dev: str) -> Disk:
    """A read-only CD-ROM that QEMU reads over http(s)/ftp(s) (``<disk type='network'>``)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme
    disk = Disk.new(target_dev, disk_type="network", device="cdrom", bus="sata",
                    driver_type="raw")
    disk.source_protocol = scheme
    disk.source_name = parts.path
    disk.source_hosts = [SourceHost(parts.hostname or "", parts.port or URL_SCHEMES.get(scheme))]
    return disk


def next_target_dev(bus: str, used: Sequence[str]) -> str:
    """The first free ``vdX`` (virtio) / ``sdX`` (sata, scsi, usb) / ``hdX`` (ide) name."""
    prefix = {"virtio": "vd", "ide": "hd", "xen": "xvd"}.get(bus, "sd")
    for index in range(26 * 27):
        name = prefix + _letters(index)
        if name not in used:
            return name
    raise ValueError(f"no free target device name for bus {bus}")


def _letters(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa (libvirt's disk naming)."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def _add_disk(domain: Domain, disk: Disk, used: list[str]) -> None:
    domain.add_device(disk)
    used.append(disk.target_dev or "")


def _format_of(path: str) -> str:
    lower = path.lower()
    for name, ext in VOLUME_EXTENSIONS.items():
        if lower.endswith(ext):
            return name
    return "qcow2" if lower.endswith(".qcow") else "raw"

