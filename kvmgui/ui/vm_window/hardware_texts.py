"""The hardware page's words: names of device kinds and groups, one line about each device,
and what a planned change will do (translated; device fields are host data, shown as text)."""

from __future__ import annotations

from kvmgui.logic.hardware_rules import (
    HardwareGroup,
    HardwareKind,
    ListedDevice,
    Plan,
    Presence,
    When,
)
from kvmgui.ui.i18n import TranslationContext, translate_message
from kvmgui.xml import CharDevice, Device, Disk, DomainInterface, Graphics
from kvmgui.xml.device_char import GUEST_AGENT, SPICE_AGENT
from kvmgui.xml.device_controller import Controller
from kvmgui.xml.device_display import Input, Sound, Video
from kvmgui.xml.device_filesystem import Filesystem
from kvmgui.xml.device_hostdev import HostDevice
from kvmgui.xml.device_platform import Rng, Tpm, Watchdog
from kvmgui.xml.device_views import typed

K, G = HardwareKind, HardwareGroup
SEPARATOR = " · "


class Hw(TranslationContext):
    """Translation context of the hardware page's shared words (short: it is used a lot)."""


def kind_name(kind: HardwareKind) -> str:
    names = {
        K.DISK: Hw.tr("Disk"), K.CDROM: Hw.tr("CD-ROM"), K.FLOPPY: Hw.tr("Floppy"),
        K.NIC: Hw.tr("Network interface"), K.GRAPHICS: Hw.tr("Graphical display"),
        K.VIDEO: Hw.tr("Video"), K.SOUND: Hw.tr("Sound"), K.INPUT: Hw.tr("Input"),
        K.SERIAL: Hw.tr("Serial port"), K.CONSOLE: Hw.tr("Console"), K.CHANNEL: Hw.tr("Channel"),
        K.USB_HOST: Hw.tr("USB host device"), K.PCI_HOST: Hw.tr("PCI host device"),
        K.FILESYSTEM: Hw.tr("Shared folder"), K.TPM: Hw.tr("TPM"),
        K.RNG: Hw.tr("Random number generator"), K.WATCHDOG: Hw.tr("Watchdog"),
        K.CONTROLLER: Hw.tr("Controller"), K.OTHER: Hw.tr("Other device"),
    }
    return names[kind]


def group_name(group: HardwareGroup) -> str:
    names = {
        G.DISKS: Hw.tr("Disks"), G.CDROMS: Hw.tr("CD-ROMs and floppies"),
        G.NICS: Hw.tr("Network interfaces"), G.GRAPHICS: Hw.tr("Graphical displays"),
        G.VIDEO: Hw.tr("Video"), G.SOUND: Hw.tr("Sound"), G.INPUT: Hw.tr("Input"),
        G.CHARACTER: Hw.tr("Serial ports, consoles and channels"),
        G.HOST_DEVICES: Hw.tr("USB and PCI host devices"),
        G.FILESYSTEMS: Hw.tr("Shared folders"),
        G.TPM: Hw.tr("TPM"), G.RNG: Hw.tr("Random number generators"),
        G.WATCHDOG: Hw.tr("Watchdogs"), G.CONTROLLERS: Hw.tr("Controllers"),
        G.OTHER: Hw.tr("Other devices"),
    }
    return names[group]


def presence_note(presence: Presence) -> str:
    if presence is Presence.CONFIG_ONLY:
        return Hw.tr("From the next boot")
    if presence is Presence.LIVE_ONLY:
        return Hw.tr("Until the guest stops")
    return ""


def row_title(row: ListedDevice) -> str:
    """The kind and what tells it apart: "Disk vda", "Network interface 52:54:00:…"."""
    device = row.device
    ident = ""
    if row.kind in (K.DISK, K.CDROM, K.FLOPPY):
        ident = Disk(device.element).target_dev or ""
    elif row.kind is K.NIC:
        ident = DomainInterface(device.element).mac or ""
    elif row.kind is K.SERIAL:
        port = CharDevice(device.element).target_port
        ident = "" if port is None else str(port)
    elif row.kind is K.CONTROLLER:
        controller = Controller(device.element)
        index = "" if controller.index is None else str(controller.index)
        ident = f"{controller.type or ''} {index}"
    elif row.kind is K.OTHER:
        return other_name(device.tag)
    return f"{kind_name(row.kind)} {ident}".strip()


def other_name(tag: str) -> str:
    """Devices the page lists but does not add, by their element's name."""
    names = {"memballoon": Hw.tr("Memory balloon"), "panic": Hw.tr("Panic notifier"),
             "redirdev": Hw.tr("USB redirection"), "smartcard": Hw.tr("Smartcard reader"),
             "vsock": Hw.tr("VM socket (vsock)"), "iommu": Hw.tr("IOMMU"),
             "hub": Hw.tr("USB hub"), "parallel": Hw.tr("Parallel port"),
             "shmem": Hw.tr("Shared memory"), "memory": Hw.tr("Memory module"),
             "lease": Hw.tr("Lease"), "hostdev": Hw.tr("Host device"),
             "audio": Hw.tr("Audio backend")}
    return names.get(tag, tag)


def describe(device: Device) -> str:
    """One line of the device's settings (plain text: it quotes the host's names and paths)."""
    device = typed(device)
    parts: list[str | None] = []
    if isinstance(device, Disk) or device.tag == "disk":
        disk = Disk(device.element)
        parts = [disk.target_bus, disk.driver_type, disk.source_path or Hw.tr("(empty)")]
    elif device.tag == "interface":
        nic = DomainInterface(device.element)
        source = nic.source_network or nic.source_bridge or nic.source_dev
        parts = [f"{nic.type or ''} {source or ''}".strip(), nic.model]
    elif device.tag == "graphics":
        graphics = Graphics(device.element)
        parts = [(graphics.type or "").upper(), graphics.listen or graphics.socket]
    elif isinstance(device, Video):
        heads = device.heads
        parts = [device.model, Hw.tr("%n head(s)", "", heads) if heads and heads > 1 else None]
    elif isinstance(device, Sound):
        parts = [device.model]
    elif isinstance(device, Input):
        parts = [device.type, device.bus]
    elif device.tag in ("serial", "console", "channel", "parallel"):
        parts = _char_parts(CharDevice(device.element))
    elif isinstance(device, HostDevice):
        parts = [device.source_label]
    elif isinstance(device, Filesystem):
        parts = [f"{device.source_dir or '?'} → {device.target_dir or '?'}", device.driver_type]
    elif isinstance(device, Tpm):
        parts = [device.model, device.backend_type, device.backend_version]
    elif isinstance(device, Rng):
        parts = [device.model, device.source]
    elif isinstance(device, Watchdog):
        parts = [device.model, device.action]
    elif isinstance(device, Controller):
        parts = [device.model]
    else:
        parts = [device.element.get("model") or device.element.get("type")]
    return SEPARATOR.join(part for part in parts if part)


def _char_parts(device: CharDevice) -> list[str | None]:
    name = device.target_name
    agent = {GUEST_AGENT: Hw.tr("QEMU guest agent"),
             SPICE_AGENT: Hw.tr("SPICE agent")}.get(name or "")
    return [agent or name, device.target_type, device.type, device.source_path]


def plan_text(plan: Plan, action: str) -> str:
    """What a planned change does, for the confirmation: ``action`` is "add", "remove" or
    "media" (the same plan reads differently for each)."""
    if plan.refused is not None:
        return translate_message(plan.refused)
    if plan.when is When.SAVED:
        return Hw.tr("The guest is shut off: its definition changes now, and it has the change "
                     "from its next start.")
    if plan.when is When.NEXT_BOOT:
        why = translate_message(plan.why_not_now) if plan.why_not_now is not None else ""
        text = Hw.tr("Takes effect at next boot: the definition changes now, the running guest "
                     "keeps its devices until it is shut down and started again.")
        return f"{why}\n{text}" if why else text
    if plan.config:
        texts = {
            "add": Hw.tr("The device is plugged into the running guest now and kept in its "
                         "definition."),
            "remove": Hw.tr("The device is unplugged from the running guest now and removed "
                            "from its definition. The guest's operating system is asked to "
                            "let go of it first."),
            "media": Hw.tr("The media changes in the running guest now and in its "
                           "definition."),
        }
    else:
        texts = {
            "add": Hw.tr("The device is plugged into the running guest only: it is gone when "
                         "the guest stops."),
            "remove": Hw.tr("The device is unplugged from the running guest."),
            "media": Hw.tr("The media changes in the running guest only."),
        }
    return texts[action]
