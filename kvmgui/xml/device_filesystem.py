"""Host folders shared with the guest: ``<filesystem>`` with the virtiofs driver.

virtiofs needs the guest's memory shared with the virtiofsd process: ``share_memory`` adds
the ``<memoryBacking>`` it needs (memfd, shared access) to a definition that lacks it.
"""

from __future__ import annotations

from typing import ClassVar

from kvmgui.xml.devices import Device
from kvmgui.xml.domain import Domain
from kvmgui.xml.props import Flag, Str
from kvmgui.xml.tree import ChildOrder, make_element


class Filesystem(Device):
    """``<filesystem type='mount' accessmode=..>``: a host ``source_dir`` the guest mounts by
    the tag ``target_dir``."""

    CHILD_ORDER: ClassVar[ChildOrder] = {
        "filesystem": ("driver", "binary", "source", "target", "readonly", "alias", "address"),
    }

    type = Str("@type")
    accessmode = Str("@accessmode")
    driver_type = Str("driver@type")
    source_dir = Str("source@dir")
    target_dir = Str("target@dir")
    readonly = Flag("readonly")

    @classmethod
    def new_virtiofs(cls, source_dir: str, tag: str) -> Filesystem:
        fs = cls(make_element("filesystem", type="mount", accessmode="passthrough"))
        fs.driver_type = "virtiofs"
        fs.source_dir = source_dir
        fs.target_dir = tag
        return fs


def filesystems(domain: Domain) -> list[Filesystem]:
    return domain.wrap_all(Filesystem, "devices/filesystem")


def has_shared_memory(domain: Domain) -> bool:
    access = domain.find_element("memoryBacking/access")
    return access is not None and access.get("mode") == "shared"


def share_memory(domain: Domain) -> None:
    """Back the guest's memory by memfd with shared access (what virtiofs asks for)."""
    if has_shared_memory(domain):
        return
    if domain.find_element("memoryBacking/source") is None:
        domain.ensure_element("memoryBacking/source").set("type", "memfd")
    domain.ensure_element("memoryBacking/access").set("mode", "shared")
