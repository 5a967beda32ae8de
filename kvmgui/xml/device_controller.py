"""Controllers (``<controller type=.. index=.. model=..>``) and the devices that hang off one.

A device names its controller through its ``<address>``: ``controller=`` for drive addresses
(IDE, SATA, SCSI, floppy) and virtio-serial ports, ``bus=`` for USB ports and PCI slots. A
device without an address is placed by libvirt on the first controller of its kind (index 0).
"""

from __future__ import annotations

from kvmgui.xml.devices import Device, Disk
from kvmgui.xml.domain import Domain
from kvmgui.xml.props import Int, Str
from kvmgui.xml.tree import make_element
from kvmgui.xml.units import parse_int

CONTROLLER_MODELS: dict[str, tuple[str, ...]] = {
    "usb": ("qemu-xhci", "nec-xhci", "ich9-ehci1", "piix3-uhci"),
    "scsi": ("virtio-scsi", "lsilogic"),
    "virtio-serial": ("",),
    "sata": ("",),
}
PCI_ROOTS = ("pci-root", "pcie-root")
# Which address type a controller's devices use, and the attribute naming the controller.
_ADDRESS_OF = {
    "ide": ("drive", "controller"), "sata": ("drive", "controller"),
    "scsi": ("drive", "controller"), "fdc": ("drive", "controller"),
    "virtio-serial": ("virtio-serial", "controller"), "usb": ("usb", "bus"),
    "pci": ("pci", "bus"), "ccid": ("ccid", "controller"),
}


class Controller(Device):
    type = Str("@type")
    index = Int("@index")
    model = Str("@model")

    @classmethod
    def new(cls, controller_type: str, *, index: int = 0, model: str | None = None) -> Controller:
        controller = cls(make_element("controller", type=controller_type, index=str(index)))
        controller.model = model or None
        return controller


def controllers(domain: Domain) -> list[Controller]:
    return domain.wrap_all(Controller, "devices/controller")


def next_controller_index(domain: Domain, controller_type: str) -> int:
    """The lowest index no controller of ``controller_type`` uses."""
    used = {c.index for c in controllers(domain) if c.type == controller_type}
    return next(i for i in range(len(used) + 1) if i not in used)


def controller_users(domain: Domain, controller: Controller) -> list[Device]:
    """The devices placed on ``controller`` (by their address, or by default on index 0)."""
    kind = controller.type or ""
    if kind not in _ADDRESS_OF:
        return []
    address_type, attribute = _ADDRESS_OF[kind]
    index = controller.index if controller.index is not None else 0
    users = []
    for device in domain.devices:
        if device.element is controller.element:
            continue
        address = device.find_element("address")
        if address is not None and address.get("type") is not None:
            on_it = address.get("type") == address_type and \
                _number(address.get(attribute, "0")) == index
            # Drive addresses look alike for IDE, SATA and SCSI: the device's bus tells.
            if on_it and (kind in ("pci", "ccid") or _hangs_on(device, kind)):
                users.append(device)
        elif index == 0 and _hangs_on(device, kind):
            users.append(device)  # libvirt puts it on the first controller of its kind
    return users


def _hangs_on(device: Device, kind: str) -> bool:
    """Whether ``device`` goes on a controller of type ``kind`` (its address says which)."""
    element = device.element
    if isinstance(device, Disk) or device.tag == "disk":
        return Disk(element).target_bus == kind
    if kind == "usb":
        return (element.get("bus") == "usb" and device.tag in ("input", "redirdev")) or (
            device.tag == "hostdev" and element.get("type") == "usb")
    if kind == "virtio-serial":
        target = element.find("target")
        return (device.tag in ("channel", "console") and target is not None
                and target.get("type") == "virtio")
    if kind == "scsi":
        return device.tag == "hostdev" and element.get("type") == "scsi"
    return False


def _number(text: str) -> int | None:
    text = text.strip()
    if text[:2].lower() == "0x":
        try:
            return int(text[2:], 16)
        except ValueError:
            return None
    return parse_int(text)
