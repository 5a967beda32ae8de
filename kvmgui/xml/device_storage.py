"""Drives: a new disk or CD-ROM, and the media of a CD-ROM or floppy (insert, eject).

A media change is sent to libvirt as the whole drive with another ``<source>`` (or none, to
eject), so the copy keeps the drive's target, bus, driver, alias and address.
"""

from __future__ import annotations

import copy

from kvmgui.xml.devices import Disk
from kvmgui.xml.domain import Domain

REMOVABLE = ("cdrom", "floppy")


def source_type(path: str) -> str:
    """``block`` for a device node, ``file`` for anything else."""
    return "block" if path.startswith("/dev/") else "file"


def new_drive(target_dev: str, *, device: str = "disk", bus: str = "virtio",
              source: str | None = None, driver_type: str | None = None) -> Disk:
    """A detached disk, CD-ROM or floppy on ``bus`` with the file or device ``source``
    (none: an empty CD-ROM drive).  A CD-ROM is read-only and its driver reads raw data."""
    if device == "cdrom" and driver_type is None:
        driver_type = "raw"
    kind = source_type(source) if source is not None else "file"
    return Disk.new(target_dev, disk_type=kind, device=device, source=source, bus=bus,
                    driver_type=driver_type)


def is_removable(disk: Disk) -> bool:
    """A drive whose media can change while the guest runs."""
    return disk.device in REMOVABLE


def has_media(disk: Disk) -> bool:
    return disk.find_element("source") is not None


def with_media(disk: Disk, source: str | None) -> Disk:
    """A detached copy of ``disk`` holding ``source`` (a file or device path), or empty."""
    element = copy.deepcopy(disk.element)
    element.tail = None
    drive = Disk(element)
    old = drive.find_element("source")
    if old is not None:
        drive.remove_element(old)
    if source is None:
        if drive.type not in ("file", "block"):
            drive.type = "file"  # an empty drive: no pool volume or network source left
    else:
        drive.type = source_type(source)
        if drive.type == "block":
            drive.source_dev = source
        else:
            drive.source_file = source
    return drive


def used_targets(domain: Domain) -> list[str]:
    """The target device names the domain's drives use (``vda``, ``sda``, ...)."""
    return [disk.target_dev for disk in domain.disks if disk.target_dev]
