"""What the hardware page may do with a guest's devices, and when it takes effect (pure).

Each device belongs to a kind (a disk, a NIC, a USB host device, ...) and the kinds to the
groups the page lists. A change is planned before anything is sent to libvirt:

* a shut-off guest: the definition changes (``When.SAVED``);
* a running guest, and a device QEMU can plug in or out while it runs: both now and in the
  definition (``When.NOW``), or in the definition only if the user prefers;
* a running guest and a device that cannot: the definition only, "takes effect at next boot"
  (``When.NEXT_BOOT``), with the reason;
* a transient guest has no definition: now, or refused.

Refusals and reasons are ``Message`` templates the UI translates. The hot-plug rules follow
QEMU under libvirt 9: libvirt itself still has the last word, and its refusal is shown as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kvmgui.core.message import Message
from kvmgui.core.snapshots import DomainState
from kvmgui.xml import CharDevice, Device, Disk, Domain
from kvmgui.xml.device_identity import device_keys
from kvmgui.xml.device_char import is_serial_console
from kvmgui.xml.device_controller import PCI_ROOTS, Controller, controller_users
from kvmgui.xml.device_display import Input
from kvmgui.xml.device_storage import is_removable
from kvmgui.xml.device_views import typed


class HardwareKind(Enum):
    DISK = "disk"
    CDROM = "cdrom"
    FLOPPY = "floppy"
    NIC = "nic"
    GRAPHICS = "graphics"
    VIDEO = "video"
    SOUND = "sound"
    INPUT = "input"
    SERIAL = "serial"
    CONSOLE = "console"
    CHANNEL = "channel"
    USB_HOST = "usb-host"
    PCI_HOST = "pci-host"
    FILESYSTEM = "filesystem"
    TPM = "tpm"
    RNG = "rng"
    WATCHDOG = "watchdog"
    CONTROLLER = "controller"
    OTHER = "other"


class HardwareGroup(Enum):
    """The page's groups, in the order it lists them."""

    DISKS = "disks"
    CDROMS = "cdroms"
    NICS = "nics"
    GRAPHICS = "graphics"
    VIDEO = "video"
    SOUND = "sound"
    INPUT = "input"
    CHARACTER = "character"
    HOST_DEVICES = "host-devices"
    FILESYSTEMS = "filesystems"
    TPM = "tpm"
    RNG = "rng"
    WATCHDOG = "watchdog"
    CONTROLLERS = "controllers"
    OTHER = "other"


K, G = HardwareKind, HardwareGroup
GROUP_OF: dict[HardwareKind, HardwareGroup] = {
    K.DISK: G.DISKS, K.CDROM: G.CDROMS, K.FLOPPY: G.CDROMS, K.NIC: G.NICS,
    K.GRAPHICS: G.GRAPHICS, K.VIDEO: G.VIDEO, K.SOUND: G.SOUND, K.INPUT: G.INPUT,
    K.SERIAL: G.CHARACTER, K.CONSOLE: G.CHARACTER, K.CHANNEL: G.CHARACTER,
    K.USB_HOST: G.HOST_DEVICES, K.PCI_HOST: G.HOST_DEVICES, K.FILESYSTEM: G.FILESYSTEMS,
    K.TPM: G.TPM, K.RNG: G.RNG, K.WATCHDOG: G.WATCHDOG, K.CONTROLLER: G.CONTROLLERS,
    K.OTHER: G.OTHER,
}
# What "Add hardware…" offers, in its order.
ADDABLE = (K.DISK, K.CDROM, K.NIC, K.GRAPHICS, K.VIDEO, K.SOUND, K.INPUT, K.SERIAL, K.CONSOLE,
           K.CHANNEL, K.USB_HOST, K.PCI_HOST, K.FILESYSTEM, K.TPM, K.RNG, K.WATCHDOG,
           K.CONTROLLER)
_TAG_KINDS = {
    "interface": K.NIC, "graphics": K.GRAPHICS, "video": K.VIDEO, "sound": K.SOUND,
    "input": K.INPUT, "serial": K.SERIAL, "console": K.CONSOLE, "channel": K.CHANNEL,
    "filesystem": K.FILESYSTEM, "tpm": K.TPM, "rng": K.RNG, "watchdog": K.WATCHDOG,
    "controller": K.CONTROLLER,
}
_DISK_KINDS = {"cdrom": K.CDROM, "floppy": K.FLOPPY}
# Drivers that change the devices of a running guest (libvirt's virConnectGetType names).
LIVE_DRIVERS = frozenset({"QEMU"})
HOTPLUG_DISK_BUSES = ("virtio", "scsi", "usb")
HOTPLUG_SERIAL_TARGETS = ("usb-serial", "pci-serial")


def kind_of(device: Device) -> HardwareKind:
    if device.tag == "disk":
        return _DISK_KINDS.get(device.element.get("device") or "disk", K.DISK)
    if device.tag == "hostdev":
        return {"usb": K.USB_HOST, "pci": K.PCI_HOST}.get(device.element.get("type") or "",
                                                            K.OTHER)
    return _TAG_KINDS.get(device.tag, K.OTHER)


def group_of(device: Device) -> HardwareGroup:
    return GROUP_OF[kind_of(device)]


# ---- what the page lists ---------------------------------------------------------------


@dataclass(frozen=True)
class ListedDevice:
    """One row of the page: the device (from the definition; from the live XML when only the
    running guest has it), its live twin while the guest runs, and where it is."""

    key: str
    kind: HardwareKind
    presence: Presence
    device: Device
    live: Device | None

    @property
    def shown(self) -> Device:
        """What the guest has now (a running CD-ROM's media), else what it will have."""
        return self.live if self.live is not None else self.device


def list_devices(config: Domain | None, live: Domain | None) -> list[ListedDevice]:
    """The devices of a definition and of the running guest (either may be None), matched by
    key, in the page's group order and then in document order."""
    config_devices = config.devices if config is not None else []
    live_devices = live.devices if live is not None else []
    live_by_key = dict(zip(device_keys(live_devices), live_devices, strict=True))
    listed = []
    for key, device in zip(device_keys(config_devices), config_devices, strict=True):
        twin = live_by_key.pop(key, None)
        presence = Presence.BOTH if live is None or twin is not None else Presence.CONFIG_ONLY
        listed.append(ListedDevice(key, kind_of(device), presence, device, twin))
    only_live = Presence.LIVE_ONLY if config is not None else Presence.BOTH
    listed += [ListedDevice(key, kind_of(device), only_live, device, device)
               for key, device in live_by_key.items()]
    order = list(HardwareGroup)
    return sorted(listed, key=lambda row: order.index(GROUP_OF[row.kind]))


# ---- when a change takes effect --------------------------------------------------------


@dataclass(frozen=True)
class GuestState:
    """What decides how a device change is made: does it run, is it defined, does the
    host's driver change a running guest's devices."""

    active: bool
    persistent: bool
    driver: str

    @classmethod
    def of(cls, state: DomainState, persistent: bool, driver: str) -> GuestState:
        return cls(state.is_active, persistent, driver)

    @property
    def live_changes(self) -> bool:
        return self.driver in LIVE_DRIVERS


class When(Enum):
    NOW = "now"  # the running guest now (and its definition, when it has one)
    NEXT_BOOT = "next-boot"  # the definition only: a running guest sees it after a restart
    SAVED = "saved"  # a shut-off guest's definition


class Presence(Enum):
    """Where a listed device is: a running guest's devices differ from its definition after
    a change made for the next boot only, or made live only."""

    BOTH = "both"
    CONFIG_ONLY = "config-only"  # added for the next boot, or removed from the running guest
    LIVE_ONLY = "live-only"  # added to the running guest only, or removed for the next boot


@dataclass(frozen=True)
class Plan:
    """How a change is made: ``live`` (the running guest), ``config`` (the definition)."""

    when: When | None
    live: bool = False
    config: bool = False
    why_not_now: Message | None = None  # a running guest waits for its next boot: why
    refused: Message | None = None  # not possible at all: why

    @property
    def allowed(self) -> bool:
        return self.refused is None


def hotplug_refusal(device: Device, guest: GuestState) -> Message | None:
    """Why ``device`` cannot be plugged into (or out of) the running guest; None if it can."""
    if not guest.live_changes:
        return Message.of("This host's driver ({driver}) cannot change the devices of a "
                          "running guest.", driver=guest.driver)
    device = typed(device)
    kind = kind_of(device)
    if kind in (K.DISK, K.CDROM, K.FLOPPY):
        bus = Disk(device.element).target_bus or ""
        if bus not in HOTPLUG_DISK_BUSES:
            return Message.of("A drive on the {bus} bus cannot be plugged into or out of a "
                              "running guest; virtio, SCSI and USB drives can.", bus=bus or "?")
        return None
    if kind in (K.NIC, K.USB_HOST, K.PCI_HOST, K.RNG, K.CHANNEL):
        return None
    if kind is K.INPUT:
        if isinstance(device, Input) and device.bus in ("usb", "virtio"):
            return None
        return Message.of("Only USB and virtio input devices can be plugged into or out of a "
                          "running guest.")
    if kind is K.SERIAL:
        target = CharDevice(device.element).target_type or ""
        if target in HOTPLUG_SERIAL_TARGETS:
            return None
        return Message.of("Only USB and PCI serial ports can be plugged into or out of a "
                          "running guest.")
    if kind is K.CONSOLE:
        if CharDevice(device.element).target_type == "virtio":
            return None
        return Message.of("Only virtio consoles can be plugged into or out of a running guest.")
    if kind is K.WATCHDOG:
        if device.element.get("model") == "i6300esb":
            return None
        return Message.of("Only an i6300esb watchdog can be plugged into or out of a running "
                          "guest.")
    if kind is K.CONTROLLER:
        if isinstance(device, Controller) and device.type == "scsi":
            return None
        return Message.of("Only SCSI controllers can be plugged into or out of a running guest.")
    return Message.of("{device} cannot be plugged into or out of a running guest.",
                      device=_device_words(kind))


def plan_add(device: Device, guest: GuestState, *, now: bool = True) -> Plan:
    """How to add ``device``; ``now`` False: the running guest waits for its next boot."""
    if not guest.active:
        return Plan(When.SAVED, config=True)
    why = hotplug_refusal(device, guest)
    if not guest.persistent:
        if why is not None:
            return Plan(None, refused=Message.of(
                "This guest is transient: it has no definition to change for its next boot, "
                "and {reason}", reason=why))
        return Plan(When.NOW, live=True)
    if why is None and now:
        return Plan(When.NOW, live=True, config=True)
    return Plan(When.NEXT_BOOT, config=True, why_not_now=why)


def removal_refusal(device: Device, domain: Domain) -> Message | None:
    """Why ``device`` cannot leave ``domain`` at all (whatever the guest's state)."""
    device = typed(device)
    if device.tag == "console" and is_serial_console(CharDevice(device.element)) \
            and domain.serials:
        return Message.of("This console shows the first serial port; remove the serial port "
                          "to remove it.")
    if device.tag == "video" and domain.graphics and len(domain.devices_of("video")) == 1:
        return Message.of("A guest with a graphical display needs a video card: libvirt would "
                          "add a default one again. Remove the display first.")
    if device.tag == "input" and device.element.get("bus") == "ps2":
        return Message.of("The PS/2 mouse and keyboard are part of the PC's chipset: libvirt "
                          "always gives a PC guest them.")
    if device.tag == "memballoon":
        return Message.of("libvirt gives a guest without one a default memory balloon; to turn "
                          "it off, set its model to none in the XML.")
    if isinstance(device, Controller):
        if device.model in PCI_ROOTS:
            return Message.of("The root PCI controller cannot be removed.")
        users = controller_users(domain, device)
        if users:
            names = ", ".join(sorted({user.tag for user in users}))
            return Message.of("{count} device(s) use this controller ({devices}): remove them "
                              "first.", count=len(users), devices=names)
    return None


def plan_remove(device: Device, domain: Domain, guest: GuestState,
                presence: Presence = Presence.BOTH) -> Plan:
    """How to remove ``device`` of ``domain`` (the definition, or the live XML for a device
    only the running guest has)."""
    refused = removal_refusal(device, domain)
    if refused is not None:
        return Plan(None, refused=refused)
    if not guest.active:
        return Plan(When.SAVED, config=True)
    if presence is Presence.CONFIG_ONLY:
        return Plan(When.NEXT_BOOT, config=True)
    why = hotplug_refusal(device, guest)
    if presence is Presence.LIVE_ONLY or not guest.persistent:
        if why is not None:
            return Plan(None, refused=Message.of(
                "This device goes away when the guest stops; it cannot be removed while the "
                "guest runs: {reason}", reason=why))
        return Plan(When.NOW, live=True)
    if why is None:
        return Plan(When.NOW, live=True, config=True)
    return Plan(When.NEXT_BOOT, config=True, why_not_now=why)


def plan_media(disk: Device, guest: GuestState, presence: Presence = Presence.BOTH) -> Plan:
    """How to insert or eject a drive's media: a running guest's drive changes now."""
    if kind_of(disk) not in (K.CDROM, K.FLOPPY) or not is_removable(Disk(disk.element)):
        return Plan(None, refused=Message.of("Only CD-ROM and floppy drives have removable "
                                             "media."))
    if not guest.active:
        return Plan(When.SAVED, config=True)
    if presence is Presence.CONFIG_ONLY:
        return Plan(When.NEXT_BOOT, config=True)
    # Any drive's media changes in a running QEMU guest, whatever its bus.
    why = None if guest.live_changes else hotplug_refusal(disk, guest)
    if why is None:
        return Plan(When.NOW, live=True,
                    config=guest.persistent and presence is Presence.BOTH)
    if not guest.persistent or presence is Presence.LIVE_ONLY:
        return Plan(None, refused=why)
    return Plan(When.NEXT_BOOT, config=True, why_not_now=why)


def _device_words(kind: HardwareKind) -> Message:
    words = {
        K.GRAPHICS: Message.of("A graphical display"), K.VIDEO: Message.of("A video card"),
        K.SOUND: Message.of("A sound card"), K.TPM: Message.of("A TPM"),
        K.FILESYSTEM: Message.of("A shared folder"),
    }
    return words.get(kind, Message.of("This device"))
