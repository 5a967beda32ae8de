"""The host's ``<capabilities>`` (libvirt formatcaps), read-only: what the host is and runs."""

from __future__ import annotations

from kvmgui.xml.node import XmlDocument, XmlNode
from kvmgui.xml.problems import Problem
from kvmgui.xml.props import Int, Str, StrList


class GuestCapability(XmlNode):
    """One ``<guest>``: an OS type the host runs on one architecture, and with which drivers."""

    os_type = Str("os_type", read_only=True)
    arch = Str("arch@name", read_only=True)
    domain_types = StrList("arch/domain@type", read_only=True)


class TopologyCpu(XmlNode):
    """One host CPU of a NUMA cell: ``<cpu id='3' socket_id='0' die_id='0' core_id='3'
    siblings='3,11'/>`` (ids that are missing or not numbers read as None)."""

    id = Int("@id", read_only=True)
    socket_id = Int("@socket_id", read_only=True)
    die_id = Int("@die_id", read_only=True)
    core_id = Int("@core_id", read_only=True)
    siblings = Str("@siblings", read_only=True)


class TopologyCell(XmlNode):
    """One NUMA node of ``<host><topology><cells>``: its id and its CPUs."""

    id = Int("@id", read_only=True)

    @property
    def cpus(self) -> list[TopologyCpu]:
        return self.wrap_all(TopologyCpu, "cpus/cpu")


class Capabilities(XmlDocument):
    """The host description libvirt reports; nothing in it is editable."""

    ROOT_TAG = "capabilities"

    host_arch = Str("host/cpu/arch", read_only=True)
    host_cpu_model = Str("host/cpu/model", read_only=True)

    @property
    def cells(self) -> list[TopologyCell]:
        """The host's NUMA nodes and their CPUs ([] when the driver reports no topology)."""
        return self.wrap_all(TopologyCell, "host/topology/cells/cell")

    @property
    def guests(self) -> list[GuestCapability]:
        return self.wrap_all(GuestCapability, "guest")

    def validate(self) -> list[Problem]:
        return []  # the host wrote it and nobody edits it: nothing to check
