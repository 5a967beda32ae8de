"""Operating systems known to libosinfo's database (Debian package osinfo-db), read with lxml.

Pure: no Qt, no libvirt.  The database is a tree of ``os/<vendor>/<os>.xml`` files; each
``<os>`` names itself (``short-id``, ``name``, ``family``, ``distro``), the OS it derives from
and the resources it needs per architecture.  Many entries state only some resources or none
at all (point releases often say ``inherit="true"``), so the recommendation for one OS is
built field by field: its own recommended values, then its own minimum, then the same for
the OS it derives from or upgrades, and finally ``DEFAULT_RESOURCES``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from lxml import etree

DEFAULT_ROOT = Path("/usr/share/osinfo")
GIB = 1024**3
DEFAULT_ARCH = "x86_64"
# Used when neither an OS nor anything it derives from states a value.
DEFAULT_RESOURCES_FIELDS = {"memory_bytes": 2 * GIB, "vcpus": 2, "disk_bytes": 20 * GIB}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_VERSION_PART = re.compile(r"(\d+)|(\D+)")


@dataclass(frozen=True)
class Resources:
    """Memory and disk in bytes, vCPUs as a count; None where the database says nothing."""

    memory_bytes: int | None = None
    vcpus: int | None = None
    disk_bytes: int | None = None

    def filled_from(self, other: Resources) -> Resources:
        """These values, with the gaps taken from ``other``."""
        return Resources(
            memory_bytes=self.memory_bytes if self.memory_bytes is not None else other.memory_bytes,
            vcpus=self.vcpus if self.vcpus is not None else other.vcpus,
            disk_bytes=self.disk_bytes if self.disk_bytes is not None else other.disk_bytes,
        )

    @property
    def complete(self) -> bool:
        return None not in (self.memory_bytes, self.vcpus, self.disk_bytes)


DEFAULT_RESOURCES = Resources(**DEFAULT_RESOURCES_FIELDS)


@dataclass(frozen=True)
class MediaId:
    """How the database recognises one installer ISO: regular expressions for the ISO 9660
    identifiers it states (None where it states none) and its exact size when it gives one."""

    arch: str
    volume_id: str | None = None
    system_id: str | None = None
    publisher_id: str | None = None
    application_id: str | None = None
    volume_size: int | None = None


@dataclass(frozen=True)
class OsEntry:
    """One operating system; ``recommended`` is complete (see the module docstring)."""

    id: str
    short_id: str
    name: str
    family: str = ""
    distro: str = ""
    version: str = ""
    vendor: str = ""
    release_date: date | None = None
    eol_date: date | None = None
    recommended: Resources = DEFAULT_RESOURCES
    short_ids: tuple[str, ...] = ()
    iso_url: str | None = None  # an installer ISO for DEFAULT_ARCH, when the database has one
    media: tuple[MediaId, ...] = ()  # its installer ISOs, as kvmgui.logic.iso_media reads them

    @property
    def is_windows(self) -> bool:
        return self.family == "winnt" or self.distro == "win"

    def is_eol(self, today: date) -> bool:
        return self.eol_date is not None and self.eol_date < today

    def matches(self, text: str) -> bool:
        """Case-insensitive match of every word of ``text`` in name, short ids or family."""
        haystack = " ".join((self.name, *self.short_ids, self.family, self.distro)).lower()
        return all(word in haystack for word in text.lower().split())


# The entry for "I do not know": what a wizard offers when the database is missing.
GENERIC_OS = OsEntry(id="http://libosinfo.org/unknown", short_id="unknown",
                     name="Generic or unknown OS", short_ids=("unknown",))


@dataclass
class _RawOs:
    """What one ``<os>`` element says, before inheritance is resolved."""

    entry: OsEntry
    parents: list[str] = field(default_factory=list)  # derives-from, then upgrades / clones
    recommended: Resources = Resources()
    minimum: Resources = Resources()


class OsDatabase:
    """All OS entries, sorted by family, distro and version (newest first)."""

    def __init__(self, entries: Iterable[OsEntry]) -> None:
        self.entries: tuple[OsEntry, ...] = _sorted(entries)
        self._by_short_id = {sid: e for e in self.entries for sid in e.short_ids}
        self._by_id = {e.id: e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)

    def by_short_id(self, short_id: str) -> OsEntry | None:
        return self._by_short_id.get(short_id)

    def by_id(self, os_id: str) -> OsEntry | None:
        return self._by_id.get(os_id)

    def search(self, text: str = "", *, include_eol: bool = True,
               today: date | None = None) -> list[OsEntry]:
        """Entries matching ``text``; end-of-life ones only when ``include_eol``.

        The database's own "unknown" entry is left out: ``GENERIC_OS`` stands for it.
        """
        day = today or date.today()
        return [e for e in self.entries if e.id != GENERIC_OS.id
                and e.matches(text) and (include_eol or not e.is_eol(day))]


def load_os_database(root: Path = DEFAULT_ROOT, arch: str = DEFAULT_ARCH) -> OsDatabase:
    """Read every ``os/*/*.xml`` under ``root``; a missing folder gives an empty database.

    Files that do not parse are skipped: one broken file must not hide the others.
    """
    raws: dict[str, _RawOs] = {}
    for path in sorted(root.glob("os/*/*.xml")):
        try:
            document = etree.parse(str(path), etree.XMLParser(resolve_entities=False,
                                                              no_network=True))
        except (OSError, etree.XMLSyntaxError):
            continue
        for element in document.getroot().iterfind("os"):
            raw = _read_os(element, arch)
            if raw is not None:
                raws[raw.entry.id] = raw
    return OsDatabase(_resolve(raw, raws) for raw in raws.values())


@lru_cache(maxsize=4)
def cached_os_database(root: Path = DEFAULT_ROOT, arch: str = DEFAULT_ARCH) -> OsDatabase:
    """``load_os_database`` once per process (the files change only with the package)."""
    return load_os_database(root, arch)


# ---- reading ------------------------------------------------------------------------------


def _read_os(element: etree._Element, arch: str) -> _RawOs | None:
    os_id = element.get("id")
    short_ids = tuple(t for t in (s.text for s in element.iterfind("short-id")) if t)
    name = _untranslated(element, "name")
    if not os_id or not short_ids or not name:
        return None
    entry = OsEntry(
        id=os_id, short_id=short_ids[0], name=name, family=_text(element, "family"),
        distro=_text(element, "distro"), version=_text(element, "version"),
        vendor=_untranslated(element, "vendor"), release_date=_date(element, "release-date"),
        eol_date=_date(element, "eol-date"), short_ids=short_ids,
        iso_url=_iso_url(element, arch), media=_media_ids(element),
    )
    parents = [p.get("id", "") for tag in ("derives-from", "upgrades", "clones")
               for p in element.iterfind(tag)]
    recommended, minimum = _resources(element, arch)
    return _RawOs(entry, [p for p in parents if p], recommended, minimum)


def _resources(element: etree._Element, arch: str) -> tuple[Resources, Resources]:
    """(recommended, minimum) for ``arch``, an arch-specific block winning over ``all``."""
    recommended, minimum = Resources(), Resources()
    blocks = [r for r in element.iterfind("resources") if r.get("arch") == arch]
    blocks += [r for r in element.iterfind("resources") if r.get("arch") == "all"]
    for block in blocks:
        recommended = recommended.filled_from(_resource_values(block.find("recommended")))
        minimum = minimum.filled_from(_resource_values(block.find("minimum")))
    return recommended, minimum


def _resource_values(element: etree._Element | None) -> Resources:
    if element is None:
        return Resources()
    return Resources(memory_bytes=_positive(element.findtext("ram")),
                     vcpus=_positive(element.findtext("n-cpus")),
                     disk_bytes=_positive(element.findtext("storage")))


def _iso_url(element: etree._Element, arch: str) -> str | None:
    for media in element.iterfind("media"):
        url = media.findtext("url")
        if media.get("arch") == arch and url and url.lower().endswith(".iso"):
            return url.strip()
    return None


def _media_ids(element: etree._Element) -> tuple[MediaId, ...]:
    result = []
    for media in element.iterfind("media"):
        iso = media.find("iso")
        if iso is None:
            continue
        media_id = MediaId(
            arch=media.get("arch", "all"), volume_id=iso.findtext("volume-id"),
            system_id=iso.findtext("system-id"), publisher_id=iso.findtext("publisher-id"),
            application_id=iso.findtext("application-id"),
            volume_size=_positive(iso.findtext("volume-size")))
        if any((media_id.volume_id, media_id.system_id, media_id.publisher_id,
                media_id.application_id)):
            result.append(media_id)
    return tuple(result)


def _resolve(raw: _RawOs, raws: dict[str, _RawOs]) -> OsEntry:
    resources = Resources()
    seen: set[str] = set()
    queue: list[_RawOs] = [raw]
    while queue and not resources.complete:
        current = queue.pop(0)
        if current.entry.id in seen:
            continue  # the database has no cycles, but a local file could add one
        seen.add(current.entry.id)
        resources = resources.filled_from(current.recommended).filled_from(current.minimum)
        queue.extend(raws[p] for p in current.parents if p in raws)
    return replace(raw.entry, recommended=resources.filled_from(DEFAULT_RESOURCES))


def _text(element: etree._Element, tag: str) -> str:
    return (element.findtext(tag) or "").strip()


def _untranslated(element: etree._Element, tag: str) -> str:
    for child in element.iterfind(tag):
        if child.get(_XML_LANG) is None and child.text:
            return child.text.strip()
    return ""


def _date(element: etree._Element, tag: str) -> date | None:
    try:
        return date.fromisoformat(_text(element, tag))
    except ValueError:
        return None


def _positive(text: str | None) -> int | None:
    try:
        value = int((text or "").strip())
    except ValueError:
        return None
    return value if value > 0 else None


def _version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """'10.10' after '10.9' after '9' after '1.1' after '1': numbers compare as numbers."""
    return tuple((0, int(num)) if num else (1, text)
                 for num, text in _VERSION_PART.findall(version))


def _sorted(entries: Iterable[OsEntry]) -> tuple[OsEntry, ...]:
    """Grouped by distribution (alphabetically), newest version first within one."""
    ordered = sorted(entries, key=lambda e: e.name.lower())
    ordered.sort(key=lambda e: _version_key(e.version), reverse=True)  # stable sorts
    ordered.sort(key=lambda e: (e.distro or e.name).lower())
    return tuple(ordered)
