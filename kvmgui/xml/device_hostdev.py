"""Host devices passed to a guest (``<hostdev>``), and the host's USB and PCI devices as
libvirt's node-device XML describes them (the candidates to pass through)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from kvmgui.xml import tree
from kvmgui.xml.devices import Device
from kvmgui.xml.props import Bool, Str
from kvmgui.xml.tree import ChildOrder, Element, make_element
from kvmgui.xml.units import parse_int

HostBus = Literal["usb", "pci"]
PCI_PARTS = ("domain", "bus", "slot", "function")


def pci_label(domain: int, bus: int, slot: int, function: int) -> str:
    """``0000:03:00.0``, as lspci and libvirt's node device names write it."""
    return f"{domain:04x}:{bus:02x}:{slot:02x}.{function:x}"


class HostDevice(Device):
    """``<hostdev mode='subsystem' type='usb|pci' managed='yes'>`` with its ``<source>``."""

    CHILD_ORDER: ClassVar[ChildOrder] = {
        "hostdev": ("driver", "source", "boot", "rom", "alias", "address"),
        "source": ("vendor", "product", "address"),
    }

    mode = Str("@mode")
    type = Str("@type")
    managed = Bool("@managed")
    vendor_id = Str("source/vendor@id")
    product_id = Str("source/product@id")

    @property
    def pci_address(self) -> tuple[int, int, int, int] | None:
        """(domain, bus, slot, function) of a PCI device; None if absent or not numbers."""
        address = self.find_element("source/address")
        if address is None or self.type != "pci":
            return None
        parts = [address_number(address.get(part, "0")) for part in PCI_PARTS]
        if any(part is None for part in parts):
            return None
        domain, bus, slot, function = (part or 0 for part in parts)
        return domain, bus, slot, function

    @property
    def source_label(self) -> str:
        """``1234:5678`` (USB vendor:product), ``0000:03:00.0`` (PCI), or "" if unknown."""
        if self.type == "usb" and self.vendor_id and self.product_id:
            return f"{_hex4(self.vendor_id)}:{_hex4(self.product_id)}"
        address = self.pci_address
        return pci_label(*address) if address is not None else ""

    @classmethod
    def new_usb(cls, vendor_id: str, product_id: str) -> HostDevice:
        """A USB device found by vendor and product: it follows the device to another port."""
        device = cls(make_element("hostdev", mode="subsystem", type="usb", managed="yes"))
        device.vendor_id = vendor_id
        device.product_id = product_id
        return device

    @classmethod
    def new_pci(cls, domain: int, bus: int, slot: int, function: int) -> HostDevice:
        """A PCI function; ``managed``: libvirt detaches it from its host driver first."""
        device = cls(make_element("hostdev", mode="subsystem", type="pci", managed="yes"))
        address = device.ensure_element("source/address")
        # As libvirt writes them: 0x0000 domain, 0x03 bus and slot, 0x1 function.
        for part, value, digits in zip(PCI_PARTS, (domain, bus, slot, function), (4, 2, 2, 1),
                                       strict=True):
            address.set(part, f"0x{value:0{digits}x}")
        return device


@dataclass(frozen=True)
class NodeDevice:
    """One USB or PCI device of the host (``virNodeDeviceGetXMLDesc``)."""

    name: str
    bus: HostBus
    vendor_id: str  # "0x1234"
    product_id: str
    vendor: str  # names, "" when the host does not know them
    product: str
    address: tuple[int, ...]  # USB (bus, device); PCI (domain, bus, slot, function)

    @property
    def address_label(self) -> str:
        if self.bus == "pci":
            return pci_label(*self.address)
        return "{:03d}:{:03d}".format(*self.address)  # as lsusb writes bus and device

    @property
    def ids_label(self) -> str:
        return f"{_hex4(self.vendor_id)}:{_hex4(self.product_id)}"

    def as_hostdev(self) -> HostDevice:
        if self.bus == "usb":
            return HostDevice.new_usb(self.vendor_id, self.product_id)
        domain, bus, slot, function = self.address
        return HostDevice.new_pci(domain, bus, slot, function)

    def matches(self, device: HostDevice) -> bool:
        """Whether ``device`` (a guest's ``<hostdev>``) is this host device."""
        if device.type != self.bus:
            return False
        if self.bus == "pci":
            return device.pci_address == self.address
        return (_hex4(device.vendor_id or "") == _hex4(self.vendor_id)
                and _hex4(device.product_id or "") == _hex4(self.product_id))


def parse_node_device(xml: str) -> NodeDevice | None:
    """The USB or PCI device ``xml`` describes; None for other kinds or incomplete XML."""
    root = tree.parse_xml(xml)
    name = root.findtext("name") or ""
    for capability in root.iterchildren("capability"):
        kind = capability.get("type")
        if kind == "usb_device":
            return _device(name, "usb", capability, ("bus", "device"))
        if kind == "pci":
            return _device(name, "pci", capability, PCI_PARTS)
    return None


def _device(name: str, bus: HostBus, capability: Element,
            parts: tuple[str, ...]) -> NodeDevice | None:
    numbers = [parse_int(capability.findtext(part) or "") for part in parts]
    vendor, product = capability.find("vendor"), capability.find("product")
    if any(n is None for n in numbers) or vendor is None or product is None:
        return None
    vendor_id, product_id = vendor.get("id"), product.get("id")
    if not vendor_id or not product_id:
        return None
    return NodeDevice(name, bus, vendor_id, product_id, (vendor.text or "").strip(),
                      (product.text or "").strip(), tuple(n or 0 for n in numbers))


def address_number(text: str) -> int | None:
    """A PCI address part as libvirt reads it: ``0x1f`` hexadecimal, else decimal."""
    text = text.strip()
    if text[:2].lower() == "0x":
        try:
            return int(text[2:], 16) if text[2:].isalnum() else None
        except ValueError:
            return None
    return parse_int(text)


def _hex4(value: str) -> str:
    """``0x1d6b`` and ``1D6B`` alike as ``1d6b``; text that is not hex stays as it is."""
    try:
        return f"{int(value, 16):04x}"
    except ValueError:
        return value
