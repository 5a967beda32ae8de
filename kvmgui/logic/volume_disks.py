"""The <disk> that attaches a storage volume to a domain (pure).

File and block pools give the guest the volume's path; other pools (RBD, Gluster, iSCSI
direct, ...) have no local path, so the disk names the pool and the volume (type "volume").
"""

from __future__ import annotations

from kvmgui.core.snapshots import PoolInfo, VolumeInfo
from kvmgui.xml import Disk

FILE_POOL_TYPES = ("dir", "fs", "netfs")
BLOCK_POOL_TYPES = ("logical", "disk", "iscsi", "iscsi-direct", "scsi", "mpath")


def disk_source_for(pool: PoolInfo, volume: VolumeInfo) -> tuple[str, str]:
    """(disk type, source) for attaching ``volume``: a path for file and block pools, else
    the ``pool/volume`` reference (network pools such as RBD have no local path)."""
    if pool.pool_type in FILE_POOL_TYPES:
        return "file", volume.path
    if pool.pool_type in BLOCK_POOL_TYPES:
        return "block", volume.path
    return "volume", f"{pool.name}/{volume.name}"


def pool_volume_disk(target: str, pool_name: str, volume_name: str, *, device: str, bus: str,
                     driver_type: str) -> Disk:
    """A disk of type "volume": `volume_name` of pool `pool_name` (also one not created yet)."""
    disk = Disk.new(target, disk_type="volume", device=device, bus=bus, driver_type=driver_type)
    disk.source_pool, disk.source_volume = pool_name, volume_name
    return disk


def disk_for_volume(target: str, pool: PoolInfo, volume: VolumeInfo, *, device: str,
                    bus: str) -> Disk:
    """The disk attaching the existing ``volume`` of ``pool`` as ``target`` (its driver reads
    the volume's format, raw when the pool does not say)."""
    driver_type = volume.format or "raw"
    kind, source = disk_source_for(pool, volume)
    if kind == "volume":
        return pool_volume_disk(target, pool.name, volume.name, device=device, bus=bus,
                                driver_type=driver_type)
    return Disk.new(target, disk_type=kind, device=device, bus=bus, source=source,
                    driver_type=driver_type)
