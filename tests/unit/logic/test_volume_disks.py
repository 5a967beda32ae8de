"""The <disk> that attaches a storage volume: a path for file and block pools, the pool and
volume by name for the others."""

import pytest

from kvmgui.core.snapshots import PoolInfo, VolumeInfo
from kvmgui.logic.volume_disks import disk_for_volume, disk_source_for, pool_volume_disk
from kvmgui.xml import canonical


def pool(name: str, pool_type: str) -> PoolInfo:
    return PoolInfo(uuid=f"p-{name}", name=name, pool_type=pool_type, active=True,
                    autostart=False, persistent=True, capacity=0, allocation=0, available=0,
                    target_path="", source_name="", xml="<pool/>")


def volume(name: str, path: str, fmt: str) -> VolumeInfo:
    return VolumeInfo(key=path or name, name=name, path=path, pool_uuid="p", format=fmt,
                      capacity=0, allocation=0, xml="<volume/>")


@pytest.mark.parametrize(("pool_type", "kind", "source"), [
    ("dir", "file", "/images/a.qcow2"),
    ("netfs", "file", "/images/a.qcow2"),
    ("logical", "block", "/images/a.qcow2"),
    ("iscsi", "block", "/images/a.qcow2"),
    ("rbd", "volume", "tank/a.qcow2"),
    ("gluster", "volume", "tank/a.qcow2"),
])
def test_the_source_follows_the_pool_type(pool_type: str, kind: str, source: str) -> None:
    assert disk_source_for(pool("tank", pool_type), volume("a.qcow2", "/images/a.qcow2",
                                                           "qcow2")) == (kind, source)


def test_a_file_pool_volume_is_attached_by_its_path() -> None:
    disk = disk_for_volume("vdb", pool("default", "dir"),
                           volume("data.qcow2", "/var/lib/libvirt/images/data.qcow2", "qcow2"),
                           device="disk", bus="virtio")
    assert canonical(disk.to_xml()) == canonical(
        "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
        "<source file='/var/lib/libvirt/images/data.qcow2'/>"
        "<target dev='vdb' bus='virtio'/></disk>")


def test_a_block_pool_volume_is_attached_as_a_block_device_read_raw() -> None:
    disk = disk_for_volume("sdb", pool("vg0", "logical"), volume("lv", "/dev/vg0/lv", ""),
                           device="disk", bus="scsi")
    assert (disk.type, disk.source_dev, disk.driver_type, disk.target_bus) == \
        ("block", "/dev/vg0/lv", "raw", "scsi")


def test_a_network_pool_volume_is_named_by_pool_and_volume() -> None:
    disk = disk_for_volume("vdc", pool("ceph", "rbd"), volume("img", "", "raw"),
                           device="disk", bus="virtio")
    assert canonical(disk.to_xml()) == canonical(pool_volume_disk(
        "vdc", "ceph", "img", device="disk", bus="virtio", driver_type="raw").to_xml())
    assert (disk.type, disk.source_pool, disk.source_volume) == ("volume", "ceph", "img")
    assert disk.source_file is None
