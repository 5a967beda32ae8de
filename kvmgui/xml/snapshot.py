"""``<domainsnapshot>`` documents (libvirt formatsnapshot).

Reading: what a snapshot list shows (name, description, state, creation time, parent, where
memory and each disk went).  Writing: a new snapshot's request (``DomainSnapshot.new``) and a
description edit of an existing one, which is then redefined with the whole document.

``memory`` / each disk's ``snapshot`` is ``"no"``, ``"internal"`` or ``"external"``
(libvirt also writes ``"manual"``).  A ``state`` of ``"disk-snapshot"`` means disk-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from kvmgui.core.message import Message
from kvmgui.xml.domain import Domain
from kvmgui.xml.node import XmlDocument, XmlNode
from kvmgui.xml.problems import Problem, Problems, check_name
from kvmgui.xml.props import Int, Str
from kvmgui.xml.tree import ChildOrder, make_element

LOCATIONS = ("no", "internal", "external", "manual")
STATES = ("running", "blocked", "paused", "shutdown", "shutoff", "crashed", "pmsuspended",
          "nostate", "disk-snapshot")


@dataclass(frozen=True)
class DiskRequest:
    """One disk of a new snapshot: its target (``vda``), where its snapshot goes, and for an
    external one optionally the new overlay file (None: libvirt names it)."""

    target: str
    location: str
    file: str | None = None


class SnapshotDisk(XmlNode):
    """``<disk name='vda' snapshot='internal|external|no'>`` of a snapshot."""

    CHILD_ORDER: ClassVar[ChildOrder] = {"disk": ("driver", "source")}

    name = Str("@name")
    location = Str("@snapshot")
    type = Str("@type")
    source_file = Str("source@file")
    driver_type = Str("driver@type")


class DomainSnapshot(XmlDocument):
    """A domain snapshot; ``creation_time`` is seconds since the epoch (set by libvirt)."""

    ROOT_TAG = "domainsnapshot"
    CHILD_ORDER: ClassVar[ChildOrder] = {
        "domainsnapshot": ("name", "description", "state", "parent", "creationTime", "memory",
                           "disks", "active", "domain", "inactiveDomain", "cookie"),
    }

    name = Str("name")
    description = Str("description")
    state = Str("state")
    parent_name = Str("parent/name")
    creation_time = Int("creationTime")
    memory = Str("memory@snapshot")
    memory_file = Str("memory@file")

    @classmethod
    def new(cls, name: str, description: str = "", *, memory: str | None = None,
            memory_file: str | None = None, disks: Sequence[DiskRequest] = ()) -> DomainSnapshot:
        """A request for a new snapshot: only what is given is written, libvirt fills in the
        rest (disks not listed follow the domain's defaults)."""
        snapshot = cls(make_element("domainsnapshot"))
        snapshot.name = name
        snapshot.description = description or None
        snapshot.memory = memory
        if memory is not None:
            snapshot.memory_file = memory_file
        for request in disks:
            element = make_element("disk", name=request.target, snapshot=request.location)
            if request.file is not None:
                element.set("type", "file")
                element.append(make_element("source", file=request.file))
            snapshot.append_element("disks", element)
        return cls.from_xml(snapshot.to_xml())

    @property
    def disks(self) -> list[SnapshotDisk]:
        return self.wrap_all(SnapshotDisk, "disks/disk")

    def domain(self) -> Domain | None:
        """The domain definition saved with the snapshot (None for a bare request)."""
        element = self.find_element("domain")
        return None if element is None else Domain(element)

    @property
    def is_external(self) -> bool:
        """Memory or any disk went to files of their own (overlays, a memory file)."""
        return self.memory == "external" or any(d.location == "external" for d in self.disks)

    @property
    def is_disk_only(self) -> bool:
        return self.state == "disk-snapshot"

    def validate(self) -> list[Problem]:
        """The name (QEMU keeps one file per snapshot: no '/'), known locations and states, and
        an absolute memory file for external memory."""
        problems = Problems()
        check_name(problems, self.name, Message.of("snapshot"))
        if self.memory is not None and self.memory not in LOCATIONS:
            problems.error("memory", "Unknown memory snapshot location '{value}'.",
                           value=self.memory)
        if self.memory == "external" and not (self.memory_file or "").startswith("/"):
            problems.error("memory.file", "The memory file must be an absolute path on the "
                           "host, e.g. /var/lib/libvirt/qemu/snapshot/vm.mem.")
        if self.state is not None and self.state not in STATES:
            problems.error("state", "Unknown snapshot state '{value}'.", value=self.state)
        for index, disk in enumerate(self.disks):
            if disk.location is not None and disk.location not in LOCATIONS:
                problems.error(f"disk[{index}].snapshot",
                               "Unknown snapshot location '{value}' of disk {disk}.",
                               value=disk.location, disk=disk.name or index + 1)
            if disk.source_file is not None and not disk.source_file.startswith("/"):
                problems.error(f"disk[{index}].source",
                               "The new file of disk {disk} must be an absolute path: {value}",
                               disk=disk.name or index + 1, value=disk.source_file)
        return problems.items
