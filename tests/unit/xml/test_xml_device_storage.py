"""Drives: new disks and CD-ROMs, and a CD-ROM's media change (golden device files)."""

from __future__ import annotations

import pytest

from kvmgui.xml import Disk, Domain, canonical
from kvmgui.xml.device_storage import has_media, is_removable, new_drive, used_targets, with_media
from xml_helpers import DATA, assert_same_xml, read

DEVICES = DATA / "devices"

# A running guest's CD-ROM as its live XML shows it (alias included).
LIVE_CDROM = """<disk type='volume' device='cdrom'>
  <driver name='qemu' type='raw'/>
  <source pool='isos' volume='old.iso'/>
  <target dev='sda' bus='sata'/>
  <readonly/>
  <alias name='sata0-0-0'/>
  <address type='drive' controller='0' bus='0' target='0' unit='0'/>
</disk>"""


def live_cdrom() -> Disk:
    device = Disk.from_xml(LIVE_CDROM)
    assert isinstance(device, Disk)
    return device


def test_insert_media_keeps_the_drive_and_replaces_the_source() -> None:
    assert_same_xml(with_media(live_cdrom(), "/srv/isos/debian-12.iso").to_xml(),
                    read(DEVICES / "cdrom-inserted.xml"))


def test_eject_leaves_an_empty_drive() -> None:
    ejected = with_media(live_cdrom(), None)
    assert_same_xml(ejected.to_xml(), read(DEVICES / "cdrom-ejected.xml"))
    assert not has_media(ejected)


def test_media_change_does_not_touch_the_original() -> None:
    drive = live_cdrom()
    before = canonical(drive.element)
    with_media(drive, "/dev/sr0")
    assert canonical(drive.element) == before and has_media(drive)


def test_a_device_node_becomes_a_block_source() -> None:
    inserted = with_media(live_cdrom(), "/dev/sr0")
    assert (inserted.type, inserted.source_dev, inserted.source_file) == ("block", "/dev/sr0",
                                                                          None)
    assert inserted.element.getparent() is None and inserted.element.tail is None


@pytest.mark.parametrize(("device", "removable"), [("cdrom", True), ("floppy", True),
                                                    ("disk", False), ("lun", False)])
def test_only_cdroms_and_floppies_change_media(device: str, removable: bool) -> None:
    assert is_removable(Disk.new("sdz", device=device)) is removable


def test_new_cdrom_is_read_only_and_raw_and_may_be_empty() -> None:
    drive = new_drive("sdb", device="cdrom", bus="sata")
    assert drive.readonly and drive.driver_type == "raw" and not has_media(drive)
    disk = new_drive("vdb", source="/dev/vg0/data")
    assert (disk.type, disk.source_dev, disk.readonly, disk.driver_type) == (
        "block", "/dev/vg0/data", False, None)


def test_used_targets() -> None:
    domain = Domain.from_xml(read(DEVICES / "base.xml"))
    assert used_targets(domain) == ["vda", "sda"]
