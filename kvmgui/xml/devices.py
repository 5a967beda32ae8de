"""Domain devices: small typed views for the ones editors show, ``Device`` for all others."""

from __future__ import annotations

from typing import ClassVar

from lxml import etree

from kvmgui.xml import tree
from kvmgui.xml.hosts import HostList
from kvmgui.xml.node import XmlNode
from kvmgui.xml.props import Bool, Flag, Int, Str
from kvmgui.xml.tree import ChildOrder, Element, make_element
from kvmgui.xml.vlan import Vlan

# The order libvirt writes devices in; new devices are inserted accordingly.
DEVICE_ORDER = (
    "emulator", "disk", "controller", "lease", "filesystem", "interface", "smartcard", "serial",
    "parallel", "console", "channel", "input", "tpm", "graphics", "sound", "audio", "video",
    "hostdev", "redirdev", "redirfilter", "hub", "watchdog", "memballoon", "rng", "nvram",
    "panic", "shmem", "memory", "iommu", "vsock", "crypto", "pstore",
)


class Device(XmlNode):
    """Any element under ``<devices>``; ``element`` gives raw access to everything."""

    boot_order = Int("boot@order")
    alias = Str("alias@name")
    address_type = Str("address@type")

    @classmethod
    def from_xml(cls, xml: str | bytes) -> Device:
        """Parse one device element into the matching class (``Device`` when not typed)."""
        return wrap_device(tree.parse_xml(xml))

    def to_xml(self) -> str:
        return etree.tostring(self.element, encoding="unicode", with_tail=False)


class Disk(Device):
    """``<disk type=file|block|volume|network|dir device=disk|cdrom|floppy|lun>``."""

    CHILD_ORDER: ClassVar[ChildOrder] = {
        "disk": ("driver", "auth", "source", "backingStore", "target", "iotune", "boot",
                 "readonly", "shareable", "transient", "serial", "wwn", "vendor", "product",
                 "encryption", "alias", "address"),
        "source": ("host", "snapshot", "config", "auth", "encryption", "reservations",
                   "initiator", "address", "slices"),
    }

    type = Str("@type")
    device = Str("@device")
    source_file = Str("source@file")
    source_dev = Str("source@dev")
    source_dir = Str("source@dir")
    source_pool = Str("source@pool")
    source_volume = Str("source@volume")
    source_protocol = Str("source@protocol")
    source_name = Str("source@name")
    source_hosts = HostList("source")
    target_dev = Str("target@dev")
    target_bus = Str("target@bus")
    driver_name = Str("driver@name")
    driver_type = Str("driver@type")
    driver_cache = Str("driver@cache")
    readonly = Flag("readonly")
    shareable = Flag("shareable")
    serial = Str("serial")

    @property
    def source_path(self) -> str | None:
        """What the disk points at, for display: file, device, dir, pool/volume or protocol."""
        if self.source_pool or self.source_volume:
            return f"{self.source_pool or ''}/{self.source_volume or ''}"
        if self.source_protocol:
            return f"{self.source_protocol}:{self.source_name or ''}"
        return self.source_file or self.source_dev or self.source_dir

    @classmethod
    def new(
        cls,
        target_dev: str,
        *,
        disk_type: str = "file",
        device: str = "disk",
        source: str | None = None,
        bus: str | None = None,
        driver_type: str | None = None,
    ) -> Disk:
        """A detached disk; ``source`` is the file (type file) or device path (type block)."""
        disk = cls(make_element("disk", type=disk_type, device=device))
        if driver_type is not None:
            disk.driver_name = "qemu"
            disk.driver_type = driver_type
        if source is not None:
            if disk_type == "block":
                disk.source_dev = source
            elif disk_type == "dir":
                disk.source_dir = source
            else:
                disk.source_file = source
        disk.target_dev = target_dev
        disk.target_bus = bus
        if device == "cdrom":
            disk.readonly = True
        return disk


class DomainInterface(Device):
    """A guest NIC: ``<interface type=network|bridge|direct|hostdev|ethernet|user|...>``."""

    CHILD_ORDER: ClassVar[ChildOrder] = {
        "interface": ("mac", "source", "vlan", "virtualport", "ip", "route", "script",
                      "backenddomain", "target", "guest", "model", "driver", "backend",
                      "filterref", "tune", "teaming", "bandwidth", "link", "mtu", "coalesce",
                      "boot", "rom", "alias", "address"),
    }

    type = Str("@type")
    mac = Str("mac@address")
    source_network = Str("source@network")
    source_portgroup = Str("source@portgroup")
    source_bridge = Str("source@bridge")
    source_dev = Str("source@dev")
    source_mode = Str("source@mode")
    target_dev = Str("target@dev")
    model = Str("model@type")
    virtualport_type = Str("virtualport@type")
    link_state = Str("link@state")

    @property
    def vlan(self) -> Vlan:
        return self.view(Vlan)

    @property
    def source_pci_address(self) -> str | None:
        """A hostdev NIC's PCI device as ``"0000:03:10.2"``; None without a bus or on bad hex."""
        address = self.find_element("source/address")
        if address is None or address.get("bus") is None:
            return None
        try:
            domain, bus, slot, function = (
                int(address.get(part, "0x0"), 16) for part in ("domain", "bus", "slot", "function")
            )
        except ValueError:
            return None
        return f"{domain:04x}:{bus:02x}:{slot:02x}.{function:x}"

    @classmethod
    def new(
        cls,
        iface_type: str = "network",
        *,
        source: str | None = None,
        mac: str | None = None,
        model: str | None = "virtio",
    ) -> DomainInterface:
        """A detached NIC; ``source`` is the network, bridge or host device, per type."""
        nic = cls(make_element("interface", type=iface_type))
        nic.mac = mac
        if source is not None:
            if iface_type == "network":
                nic.source_network = source
            elif iface_type == "bridge":
                nic.source_bridge = source
            else:
                nic.source_dev = source
        nic.model = model
        return nic


class Graphics(Device):
    """``<graphics type=vnc|spice|...>``; ``listen`` keeps attribute and child in step."""

    CHILD_ORDER: ClassVar[ChildOrder] = {
        "graphics": ("listen", "image", "streaming", "clipboard", "mouse", "filetransfer", "gl",
                     "audio", "channel"),
    }

    type = Str("@type")
    port = Int("@port")
    autoport = Bool("@autoport")
    passwd = Str("@passwd")

    @property
    def listen(self) -> str | None:
        """The listen address (attribute, or the first ``<listen type='address'>``)."""
        attr = self.element.get("listen")
        if attr is not None:
            return attr
        child = self.find_element("listen[@type='address']")
        return None if child is None else child.get("address")

    @listen.setter
    def listen(self, address: str | None) -> None:
        # libvirt requires the attribute and the first address <listen> to agree.
        child = self.find_element("listen[@type='address']")
        if address is None and self.listen is None:
            return  # nothing to clear; a <listen type='address'/> without one stays
        if address is None:
            tree.drop_attr(self.element, "listen")
            if child is not None:
                self.remove_element(child)
            return
        if self.listen == address:
            return
        if child is not None:
            child.set("address", address)
        if child is None or "listen" in self.element.attrib:
            self.element.set("listen", address)

    @property
    def socket(self) -> str | None:
        """The UNIX socket it listens on: ``<listen type='socket' socket=..>``, else ``@socket``."""
        child = self.find_element("listen[@type='socket']")
        path = child.get("socket") if child is not None else None
        return path if path is not None else self.element.get("socket")

    @classmethod
    def new(cls, graphics_type: str = "vnc", *, listen: str | None = None) -> Graphics:
        graphics = cls(make_element("graphics", type=graphics_type, port="-1", autoport="yes"))
        graphics.listen = listen
        return graphics


class CharDevice(Device):
    """``<serial>``, ``<console>``, ``<parallel>`` or ``<channel>``; ``tag`` tells which."""

    CHILD_ORDER: ClassVar[ChildOrder] = {
        kind: ("source", "protocol", "log", "target", "alias", "address")
        for kind in ("serial", "console", "parallel", "channel")
    }

    type = Str("@type")
    source_path = Str("source@path")
    source_mode = Str("source@mode")
    target_type = Str("target@type")
    target_port = Int("target@port")
    target_name = Str("target@name")

    @classmethod
    def new(cls, kind: str = "serial", char_type: str = "pty") -> CharDevice:
        if kind not in ("serial", "console", "parallel", "channel"):
            raise ValueError(f"not a character device: {kind}")
        return cls(make_element(kind, type=char_type))


class MemBalloon(Device):
    """``<memballoon model=virtio|none>``; ``stats_period`` in seconds."""

    CHILD_ORDER: ClassVar[ChildOrder] = {"memballoon": ("stats", "alias", "address", "driver")}

    model = Str("@model")
    autodeflate = Bool("@autodeflate", true="on", false="off")
    stats_period = Int("stats@period")

    @classmethod
    def new(cls, model: str = "virtio") -> MemBalloon:
        return cls(make_element("memballoon", model=model))


DEVICE_CLASSES: dict[str, type[Device]] = {
    "disk": Disk,
    "interface": DomainInterface,
    "graphics": Graphics,
    "serial": CharDevice,
    "console": CharDevice,
    "parallel": CharDevice,
    "channel": CharDevice,
    "memballoon": MemBalloon,
}


def device_class(tag: str) -> type[Device]:
    return DEVICE_CLASSES.get(tag, Device)


def wrap_device(element: Element, node: XmlNode | None = None) -> Device:
    """A typed view of a device element (sharing ``node``'s tracker when given)."""
    cls = device_class(element.tag if isinstance(element.tag, str) else "")
    return node.wrap(cls, element) if node is not None else cls(element)

