"""``<domain>`` documents (libvirt formatdomain)."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from kvmgui.xml.cputune import CpuTune
from kvmgui.xml.devices import (
    DEVICE_ORDER,
    CharDevice,
    Device,
    Disk,
    DomainInterface,
    Graphics,
    MemBalloon,
    wrap_device,
)
from kvmgui.xml.domain_checks import validate_domain
from kvmgui.xml.libosinfo import LibosinfoOs
from kvmgui.xml.node import XmlDocument
from kvmgui.xml.problems import Problem
from kvmgui.xml.props import Flag, Int, Size, Str, StrList
from kvmgui.xml.tree import ChildOrder, make_element

DeviceT = TypeVar("DeviceT", bound=Device)

CPU_MODES = ("host-passthrough", "host-model", "custom", "maximum")
BOOT_DEVICES = ("hd", "cdrom", "network", "fd")


class Domain(XmlDocument):
    """A guest definition. Sizes are KiB; ``vcpu_current`` None means "all of ``vcpu_max``"."""

    ROOT_TAG = "domain"
    CHILD_ORDER: ClassVar[ChildOrder] = {
        "domain": (
            "name", "uuid", "genid", "title", "description", "metadata", "maxMemory", "memory",
            "currentMemory", "blkiotune", "memtune", "memoryBacking", "vcpu", "vcpus",
            "iothreads", "iothreadids", "cputune", "numatune", "resource", "sysinfo",
            "bootloader", "bootloader_args", "os", "idmap", "features", "cpu", "clock",
            "on_poweroff", "on_reboot", "on_crash", "on_lockfailure", "pm", "perf", "devices",
            "seclabel", "keywrap", "launchSecurity",
        ),
        "os": ("type", "firmware", "loader", "nvram", "init", "initarg", "initenv", "initdir",
               "inituser", "initgroup", "kernel", "initrd", "cmdline", "dtb", "acpi", "boot",
               "bootmenu", "smbios", "bios"),
        "cpu": ("model", "vendor", "topology", "cache", "maxphysaddr", "feature", "numa"),
        "devices": DEVICE_ORDER,
    }

    name = Str("name")
    uuid = Str("uuid")
    title = Str("title")
    description = Str("description")
    type = Str("@type")
    memory = Size("memory", default_unit="KiB", out_unit="KiB")
    current_memory = Size("currentMemory", default_unit="KiB", out_unit="KiB")
    vcpu_max = Int("vcpu")
    vcpu_current = Int("vcpu@current")
    cpu_mode = Str("cpu@mode")
    cpu_model = Str("cpu/model", owns_element=True)
    cpu_sockets = Int("cpu/topology@sockets")
    cpu_cores = Int("cpu/topology@cores")
    cpu_threads = Int("cpu/topology@threads")
    cpu_dies = Int("cpu/topology@dies")
    os_type = Str("os/type")
    os_arch = Str("os/type@arch")
    os_machine = Str("os/type@machine")
    boot_devices = StrList("os/boot@dev")
    libosinfo_os = LibosinfoOs()  # e.g. "http://debian.org/debian/12", for other tools too
    # UEFI variables stored beside the definition: undefining must then ask to remove them.
    has_nvram = Flag("os/nvram", read_only=True)

    @classmethod
    def new(
        cls,
        name: str,
        memory_kib: int,
        vcpus: int,
        *,
        domain_type: str = "kvm",
        os_type: str = "hvm",
        arch: str | None = "x86_64",
        machine: str | None = None,
        uuid: str | None = None,
    ) -> Domain:
        """A minimal definition libvirt accepts: name, memory, vCPUs, OS type, no devices."""
        root = make_element("domain", type=domain_type)
        domain = cls(root)
        domain.name = name
        domain.uuid = uuid
        domain.memory = memory_kib
        domain.current_memory = memory_kib
        domain.vcpu_max = vcpus
        domain.os_type = os_type
        domain.os_arch = arch
        domain.os_machine = machine
        domain.ensure_element("devices")
        # Reparse: the skeleton is the document itself, not elements a setter may prune.
        return cls.from_xml(domain.to_xml())

    @property
    def cputune(self) -> CpuTune:
        """The vCPU and emulator pins of ``<cputune>`` (see kvmgui.xml.cputune)."""
        return self.view(CpuTune)

    # -- devices ------------------------------------------------------------------------------

    @property
    def devices(self) -> list[Device]:
        """Every device, in document order, typed where a class exists."""
        devices = self.find_element("devices")
        if devices is None:
            return []
        return [wrap_device(e, self) for e in devices if isinstance(e.tag, str)
                and e.tag != "emulator"]

    def devices_of(self, tag: str) -> list[Device]:
        return [device for device in self.devices if device.tag == tag]

    @property
    def disks(self) -> list[Disk]:
        return self.wrap_all(Disk, "devices/disk")

    @property
    def interfaces(self) -> list[DomainInterface]:
        return self.wrap_all(DomainInterface, "devices/interface")

    @property
    def graphics(self) -> list[Graphics]:
        return self.wrap_all(Graphics, "devices/graphics")

    @property
    def serials(self) -> list[CharDevice]:
        return self.wrap_all(CharDevice, "devices/serial")

    @property
    def consoles(self) -> list[CharDevice]:
        return self.wrap_all(CharDevice, "devices/console")

    @property
    def text_consoles(self) -> list[CharDevice]:
        """``<serial>`` then ``<console>`` devices, each backing character device once:
        in live XML the ``<console>`` that mirrors serial port 0 carries the serial's alias
        (e.g. ``serial0``) and is left out. The alias names what a console client opens."""
        seen: set[str] = set()
        unique = []
        for device in self.serials + self.consoles:
            alias = device.alias
            if alias is not None and alias in seen:
                continue
            if alias is not None:
                seen.add(alias)
            unique.append(device)
        return unique

    @property
    def channels(self) -> list[CharDevice]:
        return self.wrap_all(CharDevice, "devices/channel")

    @property
    def parallels(self) -> list[CharDevice]:
        return self.wrap_all(CharDevice, "devices/parallel")

    @property
    def memballoon(self) -> MemBalloon | None:
        element = self.find_element("devices/memballoon")
        return None if element is None else self.wrap(MemBalloon, element)

    @property
    def emulator(self) -> str | None:
        element = self.find_element("devices/emulator")
        return None if element is None else (element.text or "")

    def add_device(self, device: DeviceT) -> DeviceT:
        """Insert a detached device where libvirt would list it; returns it bound to us."""
        if device.element.getparent() is not None:
            raise ValueError(f"{device!r} already belongs to a document")
        self._tracker.adopt(device._tracker)
        self.append_element("devices", device.element)
        return self.wrap(type(device), device.element)

    def remove_device(self, device: Device) -> None:
        devices = self.find_element("devices")
        if devices is None or device.element.getparent() is not devices:
            raise ValueError(f"{device!r} is not a device of this domain")
        self.remove_element(device.element)

    def boot_order(self) -> list[Device]:
        """Devices with a per-device ``<boot order=..>``, first to boot first."""
        ordered = [d for d in self.devices if d.boot_order is not None]
        return sorted(ordered, key=lambda d: d.boot_order or 0)

    @property
    def vcpus_effective(self) -> int | None:
        """vCPUs online at boot: ``current`` if set, else the maximum."""
        return self.vcpu_current if self.vcpu_current is not None else self.vcpu_max

    def validate(self, host_memory_kib: int | None = None) -> list[Problem]:
        """Problems with this definition; memory above ``host_memory_kib`` is a warning."""
        return validate_domain(self, host_memory_kib)

