"""Which operating system an installer ISO holds, from its ISO 9660 identifiers.

Pure: no Qt, no libvirt (it reads one file; callers run it off the GUI thread).  An ISO's
primary volume descriptor (sector 16) names the volume, the system, the publisher and the
application; libosinfo's database (osinfo-db) gives regular expressions for those per
installer medium (``OsEntry.media``).  A medium matches when every identifier it states is
found in the ISO's and its size, when stated, is the ISO's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kvmgui.logic.osinfo import DEFAULT_ARCH, MediaId, OsDatabase, OsEntry

SECTOR = 2048
_PVD_OFFSET = 16 * SECTOR
_MAGIC = b"\x01CD001"


@dataclass(frozen=True)
class IsoIdentity:
    volume_id: str
    system_id: str = ""
    publisher_id: str = ""
    application_id: str = ""
    volume_size: int = 0  # bytes


@dataclass(frozen=True)
class Detection:
    """What an ISO was found to be: ``os`` None when no database entry matches."""

    path: str
    identity: IsoIdentity | None  # None: not an ISO 9660 image
    os: OsEntry | None


def read_iso_identity(path: str | Path) -> IsoIdentity | None:
    """The identifiers of the ISO image at ``path``; None when it is not an ISO 9660 image.

    Raises OSError when the file cannot be read."""
    with open(path, "rb") as image:
        image.seek(_PVD_OFFSET)
        descriptor = image.read(SECTOR)
    if len(descriptor) < SECTOR or not descriptor.startswith(_MAGIC):
        return None
    blocks = int.from_bytes(descriptor[80:84], "little")
    block_size = int.from_bytes(descriptor[128:130], "little")
    return IsoIdentity(volume_id=_text(descriptor[40:72]), system_id=_text(descriptor[8:40]),
                       publisher_id=_text(descriptor[318:446]),
                       application_id=_text(descriptor[574:702]),
                       volume_size=blocks * block_size)


def identify(database: OsDatabase, identity: IsoIdentity,
             arch: str = DEFAULT_ARCH) -> OsEntry | None:
    """The database entry whose installer ISO this is, or None.

    Several media can match (a pattern shared by point releases): a medium for ``arch``
    wins, then one stating more identifiers, then the database's order (newest first)."""
    best: tuple[int, int] | None = None
    found: OsEntry | None = None
    for entry in database.entries:
        for media in entry.media:
            stated = _matches(media, identity)
            if stated is None:
                continue
            score = (1 if media.arch in (arch, "all") else 0, stated)
            if best is None or score > best:
                best, found = score, entry
    return found


def detect(database: OsDatabase, path: str, arch: str = DEFAULT_ARCH) -> Detection:
    """Read ``path`` and identify it (raises OSError when it cannot be read)."""
    identity = read_iso_identity(path)
    return Detection(path, identity, identify(database, identity, arch) if identity else None)


def _matches(media: MediaId, identity: IsoIdentity) -> int | None:
    """How many identifiers ``media`` states, when all of them match; else None."""
    stated = 0
    for pattern, value in ((media.volume_id, identity.volume_id),
                           (media.system_id, identity.system_id),
                           (media.publisher_id, identity.publisher_id),
                           (media.application_id, identity.application_id)):
        if pattern is None:
            continue
        compiled = _compile(pattern)
        if compiled is None or not compiled.search(value):
            return None
        stated += 1
    if media.volume_size is not None and media.volume_size != identity.volume_size:
        return None
    return stated or None


@cache
def _compile(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:  # a PCRE construct Python lacks: that medium cannot be recognised
        return None


def _text(field: bytes) -> str:
    return field.decode("latin-1").strip(" \x00")
