"""Which domains use a storage volume (pure, from the domains' definitions)."""

from collections.abc import Iterable

from kvmgui.core.snapshots import DomainInfo
from kvmgui.logic.domain_refs import DiskRef, domain_refs

__all__ = ["DiskRef", "disk_refs", "uses_volume", "volume_users"]


def disk_refs(domain_xml: str) -> tuple[DiskRef, ...]:
    """The disks of a definition (parsed once per XML text, see ``domain_refs``)."""
    return domain_refs(domain_xml).disks


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
