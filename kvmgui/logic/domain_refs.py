"""What a domain definition refers to (disks, NICs, displays, serial), as the rules read it,
parsed once per XML text (pure).

Who uses a volume or a network is asked of every domain of a connection each time the user
selects something, and deleting domains asks it per disk. A snapshot's XML never changes, so
each definition is parsed once (through ``kvmgui.xml.Domain``) into small frozen facts, kept
by XML text: the next question about the same snapshot reads them without parsing. Frozen,
so no caller can change what another reads; editors parse their own documents.
"""

from dataclasses import dataclass
from functools import lru_cache

from kvmgui.xml import Domain, XmlSyntaxError

# Facts of this many definitions are kept (least recently asked dropped first). A few KiB
# each; hosts with more domains than this still work, asking costs a parse again.
CACHED_DEFINITIONS = 4096


@dataclass(frozen=True, slots=True)
class DiskRef:
    """Where a disk's data lives, and what kind of disk it is."""

    target: str
    path: str  # file or block device path, "" if the disk names a pool volume or network source
    pool: str
    volume: str
    network_name: str  # e.g. "vms/ceph01-root" for rbd
    device: str = "disk"  # disk, cdrom, floppy, lun
    read_only: bool = False


@dataclass(frozen=True, slots=True)
class NicSource:
    """What a NIC plugs into: a libvirt network by name, or a host bridge ("" when absent)."""

    type: str
    network: str
    bridge: str


@dataclass(frozen=True, slots=True)
class GraphicsListen:
    """Where a graphical display (VNC, SPICE, ...) can be reached."""

    kind: str  # vnc, spice, ...
    port: int  # -1 while not assigned (autoport on a stopped domain)
    listen: str  # address, "" for libvirt's default
    socket: str  # a UNIX socket path instead of a TCP port


@dataclass(frozen=True, slots=True)
class DomainRefs:
    disks: tuple[DiskRef, ...]
    nics: tuple[NicSource, ...]
    graphics: tuple[GraphicsListen, ...]
    serial: bool  # a serial port or a console to attach a terminal to


NO_REFS = DomainRefs((), (), (), serial=False)


@lru_cache(maxsize=CACHED_DEFINITIONS)
def domain_refs(domain_xml: str) -> DomainRefs:
    """The facts of one definition; the same XML text gets the same (shared) object. A
    definition that does not parse (a hostile or broken host) has no facts: it uses nothing."""
    try:
        doc = Domain.from_xml(domain_xml)
    except (XmlSyntaxError, ValueError):
        return NO_REFS
    disks = tuple(
        DiskRef(target=d.target_dev or "", path=d.source_file or d.source_dev or "",
                pool=d.source_pool or "", volume=d.source_volume or "",
                network_name=d.source_name or "",
                device=d.device if d.device is not None else "disk", read_only=d.readonly)
        for d in doc.disks)
    nics = tuple(NicSource(type=n.type or "", network=n.source_network or "",
                           bridge=n.source_bridge or "") for n in doc.interfaces)
    graphics = tuple(GraphicsListen(kind=g.type or "", port=g.port if g.port is not None else -1,
                                    listen=g.listen or "", socket=g.socket or "")
                     for g in doc.graphics)
    return DomainRefs(disks, nics, graphics, serial=bool(doc.consoles or doc.serials))
