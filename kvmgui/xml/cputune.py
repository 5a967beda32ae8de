"""``<cputune>`` pins (libvirt formatdomain "CPU Tuning"): the host CPUs each vCPU and the
emulator threads may run on.

Cpusets are kept as written ("0-3,^2"); what they mean is a rule of
``kvmgui.logic.pinning_rules`` (this layer stores strings and never checks them).
"""

from __future__ import annotations

from typing import ClassVar

from kvmgui.xml.node import XmlNode
from kvmgui.xml.props import Int, Str
from kvmgui.xml.tree import ChildOrder, Element, make_element

# libvirt's own order of <cputune>'s children, for the pins we add.
CPUTUNE_ORDER = (
    "shares", "period", "quota", "global_period", "global_quota", "emulator_period",
    "emulator_quota", "iothread_period", "iothread_quota", "vcpupin", "emulatorpin",
    "iothreadpin", "vcpusched", "iothreadsched", "emulatorsched", "cachetune", "memorytune",
)


class VcpuPin(XmlNode):
    """``<vcpupin vcpu='0' cpuset='1-3'/>``, read-only: ``CpuTune.set_vcpu_pin`` edits pins
    (a pin without its cpuset would be invalid, so there is no clearing one field)."""

    vcpu = Int("@vcpu", read_only=True)
    cpuset = Str("@cpuset", read_only=True)


class CpuTune(XmlNode):
    """The pins in a domain's ``<cputune>``: a view over the ``<domain>`` element (like
    ``Vlan``), so reading a domain without ``<cputune>`` creates nothing.

    Shares, quotas, schedulers and cache tuning are not typed and stay exactly as loaded.
    Writing back what was read changes nothing: ``set_vcpu_pin(v, vcpu_pin(v))`` and
    ``emulator_pin = emulator_pin`` leave the document as it is, even when it is damaged
    (a duplicate pin, an ``<emulatorpin>`` without cpuset).
    """

    CHILD_ORDER: ClassVar[ChildOrder] = {"cputune": CPUTUNE_ORDER}

    @property
    def vcpu_pins(self) -> list[VcpuPin]:
        """Every ``<vcpupin>`` in document order (also ones whose vcpu does not parse)."""
        return self.wrap_all(VcpuPin, "cputune/vcpupin")

    def vcpu_pin(self, vcpu: int) -> str | None:
        """The cpuset vCPU ``vcpu`` is pinned to, as written; None when it is not pinned."""
        pins = self._pins_of(vcpu)
        return pins[0].get("cpuset") if pins else None

    def set_vcpu_pin(self, vcpu: int, cpuset: str | None) -> None:
        """Pin vCPU ``vcpu`` to ``cpuset`` (one ``<vcpupin>``, in vCPU order), or unpin it
        (None removes its ``<vcpupin>``s; one without a cpuset was read as None and stays)."""
        pins = self._pins_of(vcpu)
        if cpuset is None:
            for element in pins:
                if element.get("cpuset") is not None:
                    self.remove_element(element)
            return
        if pins and pins[0].get("cpuset") == cpuset:
            return
        for element in pins[1:]:
            self.remove_element(element)  # one pin per vCPU: libvirt refuses duplicates
        if pins:
            pins[0].set("cpuset", cpuset)
            return
        element = make_element("vcpupin", vcpu=str(vcpu), cpuset=cpuset)
        following = next((e for e in self.find_elements("cputune/vcpupin")
                          if (other := _vcpu_of(e)) is not None and other > vcpu), None)
        if following is None:
            self.append_element("cputune", element)
        else:
            _insert_before(following, element)
            self._tracker.created.setdefault(element, ())

    @property
    def emulator_pin(self) -> str | None:
        """The cpuset of the emulator threads (``<emulatorpin>``); None when not pinned."""
        element = self.find_element("cputune/emulatorpin")
        return None if element is None else element.get("cpuset")

    @emulator_pin.setter
    def emulator_pin(self, cpuset: str | None) -> None:
        element = self.find_element("cputune/emulatorpin")
        if cpuset is None:
            if element is not None and element.get("cpuset") is not None:
                self.remove_element(element)
            return  # an <emulatorpin> without cpuset was read as None: kept (del removes it)
        if element is None:
            self.append_element("cputune", make_element("emulatorpin", cpuset=cpuset))
        elif element.get("cpuset") != cpuset:
            element.set("cpuset", cpuset)

    @emulator_pin.deleter
    def emulator_pin(self) -> None:
        element = self.find_element("cputune/emulatorpin")
        if element is not None:
            self.remove_element(element)

    def _pins_of(self, vcpu: int) -> list[Element]:
        return [e for e in self.find_elements("cputune/vcpupin") if _vcpu_of(e) == vcpu]


def _vcpu_of(element: Element) -> int | None:
    text = element.get("vcpu")
    return VcpuPin.vcpu.parse(text) if text is not None else None


def _insert_before(following: Element, element: Element) -> None:
    """Put ``element`` before its sibling ``following``, indented like it."""
    previous = following.getprevious()
    parent = following.getparent()
    indent = previous.tail if previous is not None else (
        parent.text if parent is not None else None)
    following.addprevious(element)
    element.tail = indent
