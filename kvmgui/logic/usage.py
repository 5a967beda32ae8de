"""Which domains use a storage volume (pure, from domain XML)."""

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from kvmgui.core.snapshots import DomainInfo


@dataclass(frozen=True, slots=True)
class DiskRef:
    target: str
    path: str  # file or block device path, "" if the disk names a pool volume or network source
    pool: str
    volume: str
    network_name: str  # e.g. "vms/ceph01-root" for rbd


def disk_refs(domain_xml: str) -> list[DiskRef]:
    root = etree.fromstring(domain_xml)
    refs = []
    for disk in root.iterfind("devices/disk"):
        source = disk.find("source")
        target = disk.find("target")
        get = source.get if source is not None else (lambda _k, _d="": _d)
        refs.append(DiskRef(
            target=target.get("dev", "") if target is not None else "",
            path=get("file", "") or get("dev", ""),
            pool=get("pool", ""), volume=get("volume", ""), network_name=get("name", ""),
        ))
    return refs


def uses_volume(ref: DiskRef, pool: str, volume: str, path: str,
                pool_source_name: str = "") -> bool:
    if ref.pool and ref.volume:
        return ref.pool == pool and ref.volume == volume
    if ref.path:
        return ref.path == path
    # Network disks (rbd) name the volume as "<source pool name>/<volume>".
    return bool(ref.network_name) and ref.network_name == f"{pool_source_name or pool}/{volume}"


def volume_users(domains: Iterable[DomainInfo], pool: str, volume: str, path: str,
                 pool_source_name: str = "") -> list[DomainInfo]:
    """Domains with a disk on this volume, by pool/volume name, path or network name."""
    return [d for d in domains
            if any(uses_volume(r, pool, volume, path, pool_source_name) for r in disk_refs(d.xml))]
