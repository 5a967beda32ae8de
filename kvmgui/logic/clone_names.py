"""Names and addresses a clone gets: its own name, its volumes' names, new MAC addresses (pure).

    default_clone_name("web01", taken)                 -> "web01-clone" (or "web01-clone-2", ...)
    copy_name("web01-root.qcow2", "web01", "web02")   -> "web02-root.qcow2"
    copy_name("disk.qcow2", "web01", "web02")          -> "disk-clone.qcow2"
    new_mac("52:54:00:12:34:56", used, rng)           -> "52:54:00:" + three random octets
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection

_MAC = re.compile(r"^[0-9a-f]{2}(:[0-9a-f]{2}){5}$")
QEMU_OUI = "52:54:00"  # what libvirt itself gives QEMU/KVM guests
# Extensions kept at the end of a copy's name (".qcow2" stays last in "disk-clone.qcow2").
_EXTENSIONS = (".qcow2", ".img", ".raw", ".vmdk", ".vdi", ".vhd", ".vhdx", ".qed", ".iso", ".fd")


def default_clone_name(source_name: str, taken: Collection[str]) -> str:
    """"NAME-clone", or "NAME-clone-2", "-3", ... when that is taken."""
    return unique_name(f"{source_name}-clone", taken)


def unique_name(name: str, taken: Collection[str]) -> str:
    """``name``, or the first of "stem-2.ext", "stem-3.ext", ... that is not in ``taken``."""
    if name not in taken:
        return name
    stem, extension = split_extension(name)
    number = 2
    while f"{stem}-{number}{extension}" in taken:
        number += 1
    return f"{stem}-{number}{extension}"


def split_extension(name: str) -> tuple[str, str]:
    """("disk", ".qcow2") for "disk.qcow2"; unknown extensions stay part of the stem."""
    lowered = name.lower()
    for extension in _EXTENSIONS:
        if lowered.endswith(extension) and len(name) > len(extension):
            return name[: -len(extension)], name[-len(extension):]
    return name, ""


def copy_name(name: str, old_domain: str, new_domain: str) -> str:
    """A copy's file name: the old domain's name replaced by the new one where the name
    contains it ("web01_VARS.fd" -> "web02_VARS.fd"), else "-clone" before the extension."""
    if old_domain and old_domain in name and old_domain != new_domain:
        return name.replace(old_domain, new_domain, 1)
    stem, extension = split_extension(name)
    return f"{stem}-clone{extension}"


def new_mac(old: str | None, used: Collection[str], rng: random.Random) -> str:
    """A fresh unicast MAC with the old address's vendor prefix (QEMU's when the old one is
    malformed or not unicast), avoiding every address in ``used`` (lower case)."""
    prefix = QEMU_OUI
    if old is not None and _MAC.match(old.lower()) and not int(old[:2], 16) & 1:
        prefix = old.lower()[:8]
    while True:
        mac = prefix + "".join(f":{rng.randrange(256):02x}" for _ in range(3))
        if mac not in used:
            return mac
