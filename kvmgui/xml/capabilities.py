"""The host's ``<capabilities>`` (libvirt formatcaps), read-only: what the host is and runs."""

from __future__ import annotations

from kvmgui.xml.node import XmlDocument, XmlNode
from kvmgui.xml.problems import Problem
from kvmgui.xml.props import Str, StrList


class GuestCapability(XmlNode):
    """One ``<guest>``: an OS type the host runs on one architecture, and with which drivers."""

    os_type = Str("os_type", read_only=True)
    arch = Str("arch@name", read_only=True)
    domain_types = StrList("arch/domain@type", read_only=True)


class Capabilities(XmlDocument):
    """The host description libvirt reports; nothing in it is editable."""

    ROOT_TAG = "capabilities"

    host_arch = Str("host/cpu/arch", read_only=True)
    host_cpu_model = Str("host/cpu/model", read_only=True)

    @property
    def guests(self) -> list[GuestCapability]:
        return self.wrap_all(GuestCapability, "guest")

    def validate(self) -> list[Problem]:
        return []  # the host wrote it and nobody edits it: nothing to check
