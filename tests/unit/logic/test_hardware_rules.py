"""Hardware rules: each device's kind and group, and how adding, removing or changing media
is planned for a shut-off, running, transient guest on a driver with or without hot-plug."""

from __future__ import annotations

import pytest

from kvmgui.core.snapshots import DomainState
from kvmgui.logic.hardware_rules import (
    ADDABLE,
    GROUP_OF,
    GuestState,
    HardwareGroup,
    HardwareKind,
    Plan,
    Presence,
    When,
    group_of,
    hotplug_refusal,
    kind_of,
    list_devices,
    plan_add,
    plan_media,
    plan_remove,
)
from kvmgui.xml import Device, Disk, Domain, DomainInterface, Graphics
from kvmgui.xml.device_char import guest_agent_channel, serial_port, text_console
from kvmgui.xml.device_controller import Controller, controllers
from kvmgui.xml.device_display import Input, Sound, Video
from kvmgui.xml.device_filesystem import Filesystem
from kvmgui.xml.device_hostdev import HostDevice
from kvmgui.xml.device_platform import Rng, Tpm, Watchdog
from kvmgui.xml.device_storage import new_drive

K = HardwareKind
QEMU_RUNNING = GuestState.of(DomainState.RUNNING, True, "QEMU")
QEMU_PAUSED = GuestState.of(DomainState.PAUSED, True, "QEMU")
QEMU_OFF = GuestState.of(DomainState.SHUTOFF, True, "QEMU")
QEMU_TRANSIENT = GuestState.of(DomainState.RUNNING, False, "QEMU")
TEST_RUNNING = GuestState.of(DomainState.RUNNING, True, "TEST")

DOMAIN = Domain.from_xml("""<domain><name>r</name><devices>
  <disk type='file' device='disk'><target dev='sda' bus='scsi'/></disk>
  <controller type='scsi' index='0' model='virtio-scsi'/>
  <controller type='scsi' index='1' model='virtio-scsi'/>
  <controller type='pci' index='0' model='pcie-root'/>
  <controller type='usb' index='0' model='qemu-xhci'/>
</devices></domain>""")


def controller(kind: str, index: int) -> Controller:
    return next(c for c in controllers(DOMAIN) if (c.type, c.index) == (kind, index))


SAMPLES: list[tuple[Device, HardwareKind, bool]] = [  # device, kind, hot-pluggable
    (new_drive("vdb"), K.DISK, True),
    (new_drive("sdb", bus="sata"), K.DISK, False),
    (new_drive("sdc", device="cdrom", bus="scsi"), K.CDROM, True),
    (new_drive("hdc", device="cdrom", bus="ide"), K.CDROM, False),
    (new_drive("fda", device="floppy", bus="fdc"), K.FLOPPY, False),
    (DomainInterface.new(source="default"), K.NIC, True),
    (Graphics.new("spice"), K.GRAPHICS, False),
    (Video.new("qxl"), K.VIDEO, False),
    (Sound.new("ich9"), K.SOUND, False),
    (Input.new("tablet", "usb"), K.INPUT, True),
    (Input.new("keyboard", "virtio"), K.INPUT, True),
    (Input.new("mouse", "ps2"), K.INPUT, False),
    (serial_port(), K.SERIAL, False),
    (text_console("virtio"), K.CONSOLE, True),
    (text_console("serial"), K.CONSOLE, False),
    (guest_agent_channel(), K.CHANNEL, True),
    (HostDevice.new_usb("0x1", "0x2"), K.USB_HOST, True),
    (HostDevice.new_pci(0, 3, 0, 0), K.PCI_HOST, True),
    (Filesystem.new_virtiofs("/srv", "srv"), K.FILESYSTEM, False),
    (Tpm.new_emulated(), K.TPM, False),
    (Rng.new(), K.RNG, True),
    (Watchdog.new("i6300esb"), K.WATCHDOG, True),
    (Watchdog.new("itco"), K.WATCHDOG, False),
    (Controller.new("scsi", index=2, model="virtio-scsi"), K.CONTROLLER, True),
    (Controller.new("usb", index=1, model="qemu-xhci"), K.CONTROLLER, False),
    (Device.from_xml("<panic model='isa'/>"), K.OTHER, False),
]


@pytest.mark.parametrize(("device", "kind", "hotplug"), SAMPLES)
def test_kind_and_hotplug(device: Device, kind: HardwareKind, hotplug: bool) -> None:
    assert kind_of(device) is kind
    assert group_of(device) is GROUP_OF[kind]
    refusal = hotplug_refusal(device, QEMU_RUNNING)
    assert (refusal is None) is hotplug, refusal
    if refusal is not None:
        assert str(refusal).endswith(".") and "{" not in str(refusal)


def test_every_addable_kind_has_a_group_and_the_groups_are_all_used() -> None:
    assert set(GROUP_OF) == set(HardwareKind)
    assert set(GROUP_OF.values()) == set(HardwareGroup)
    assert K.OTHER not in ADDABLE and len(set(ADDABLE)) == len(ADDABLE)


def test_a_driver_without_hotplug_says_which_it_is() -> None:
    refusal = hotplug_refusal(new_drive("vdb"), TEST_RUNNING)
    assert refusal is not None and "(TEST)" in str(refusal)


def test_add_to_a_shut_off_guest_changes_the_definition() -> None:
    assert plan_add(Sound.new(), QEMU_OFF) == Plan(When.SAVED, config=True)


@pytest.mark.parametrize("guest", [QEMU_RUNNING, QEMU_PAUSED])
def test_add_hotpluggable_to_a_running_guest_is_now_and_saved(guest: GuestState) -> None:
    assert plan_add(new_drive("vdb"), guest) == Plan(When.NOW, live=True, config=True)


def test_the_user_may_wait_for_the_next_boot() -> None:
    plan = plan_add(new_drive("vdb"), QEMU_RUNNING, now=False)
    assert plan == Plan(When.NEXT_BOOT, config=True)


def test_add_what_cannot_hotplug_waits_for_the_next_boot_and_says_why() -> None:
    plan = plan_add(Sound.new(), QEMU_RUNNING)
    assert (plan.when, plan.live, plan.config) == (When.NEXT_BOOT, False, True)
    assert str(plan.why_not_now) == "A sound card cannot be plugged into or out of a running guest."


def test_transient_guest_only_now_or_refused() -> None:
    assert plan_add(new_drive("vdb"), QEMU_TRANSIENT) == Plan(When.NOW, live=True)
    refused = plan_add(Tpm.new_emulated(), QEMU_TRANSIENT)
    assert not refused.allowed and refused.when is None
    assert "transient" in str(refused.refused) and "A TPM" in str(refused.refused)


def test_remove_plans() -> None:
    nic = DomainInterface.new(source="default")
    assert plan_remove(nic, DOMAIN, QEMU_OFF) == Plan(When.SAVED, config=True)
    assert plan_remove(nic, DOMAIN, QEMU_RUNNING) == Plan(When.NOW, live=True, config=True)
    video = plan_remove(Video.new(), DOMAIN, QEMU_RUNNING)
    assert video.when is When.NEXT_BOOT and video.why_not_now is not None
    # Added for the next boot only: removing it touches the definition only.
    assert plan_remove(nic, DOMAIN, QEMU_RUNNING, Presence.CONFIG_ONLY) == Plan(
        When.NEXT_BOOT, config=True)
    # Only the running guest has it: out of the running guest, or not at all.
    assert plan_remove(nic, DOMAIN, QEMU_RUNNING, Presence.LIVE_ONLY) == Plan(When.NOW,
                                                                              live=True)
    stuck = plan_remove(Video.new(), DOMAIN, QEMU_RUNNING, Presence.LIVE_ONLY)
    assert not stuck.allowed and "goes away when the guest stops" in str(stuck.refused)


def test_controllers_in_use_and_the_pci_root_stay() -> None:
    busy = plan_remove(controller("scsi", 0), DOMAIN, QEMU_OFF)
    assert str(busy.refused) == "1 device(s) use this controller (disk): remove them first."
    assert plan_remove(controller("scsi", 1), DOMAIN, QEMU_OFF).allowed
    root = plan_remove(controller("pci", 0), DOMAIN, QEMU_OFF)
    assert str(root.refused) == "The root PCI controller cannot be removed."
    usb = plan_remove(controller("usb", 0), DOMAIN, QEMU_RUNNING)
    assert usb.when is When.NEXT_BOOT  # not in use, but USB controllers do not hot-unplug


def test_media_plans() -> None:
    cdrom = new_drive("sda", device="cdrom", bus="sata")  # a SATA drive: its media changes
    assert plan_media(cdrom, QEMU_RUNNING) == Plan(When.NOW, live=True, config=True)
    assert plan_media(cdrom, QEMU_OFF) == Plan(When.SAVED, config=True)
    assert plan_media(cdrom, QEMU_TRANSIENT) == Plan(When.NOW, live=True)
    assert plan_media(cdrom, QEMU_RUNNING, Presence.LIVE_ONLY) == Plan(When.NOW, live=True)
    test = plan_media(cdrom, TEST_RUNNING)
    assert test.when is When.NEXT_BOOT and test.config and not test.live
    assert not plan_media(new_drive("vdb"), QEMU_RUNNING).allowed


CONFIG = Domain.from_xml("""<domain><name>l</name><devices>
  <emulator>/usr/bin/qemu-system-x86_64</emulator>
  <input type='keyboard' bus='ps2'/>
  <disk type='file' device='cdrom'><source file='/isos/a.iso'/><target dev='sda' bus='sata'/>
  </disk>
  <disk type='file' device='disk'><target dev='vda' bus='virtio'/></disk>
  <sound model='ich9'/>
</devices></domain>""")
LIVE = Domain.from_xml("""<domain id='4'><name>l</name><devices>
  <emulator>/usr/bin/qemu-system-x86_64</emulator>
  <disk type='file' device='cdrom'><source file='/isos/b.iso'/><target dev='sda' bus='sata'/>
    <alias name='sata0-0-0'/></disk>
  <disk type='file' device='disk'><target dev='vda' bus='virtio'/><alias name='virtio-disk0'/>
  </disk>
  <disk type='file' device='disk'><target dev='vdb' bus='virtio'/><alias name='virtio-disk1'/>
  </disk>
  <input type='keyboard' bus='ps2'><alias name='input0'/></input>
</devices></domain>""")


def test_list_devices_matches_the_live_guest_with_its_definition() -> None:
    rows = list_devices(CONFIG, LIVE)
    summary = [(row.kind, row.key.split("#")[0], row.presence) for row in rows]
    assert summary == [
        (K.DISK, "disk|vda", Presence.BOTH),
        (K.DISK, "disk|vdb", Presence.LIVE_ONLY),  # plugged in live only
        (K.CDROM, "disk|sda", Presence.BOTH),
        (K.SOUND, "sound", Presence.CONFIG_ONLY),  # added for the next boot
        (K.INPUT, "input|keyboard|ps2", Presence.BOTH),
    ]
    cdrom = rows[2]
    assert cdrom.live is not None and cdrom.shown is cdrom.live  # the media inserted now
    assert Disk(cdrom.device.element).source_file == "/isos/a.iso"
    assert Disk(cdrom.shown.element).source_file == "/isos/b.iso"


def test_list_devices_of_a_shut_off_or_transient_guest() -> None:
    off = list_devices(CONFIG, None)
    assert {row.presence for row in off} == {Presence.BOTH} and len(off) == 4
    assert all(row.live is None and row.shown is row.device for row in off)
    transient = list_devices(None, LIVE)
    assert {row.presence for row in transient} == {Presence.BOTH} and len(transient) == 4


def test_the_serial_console_goes_with_its_serial_port() -> None:
    domain = Domain.from_xml("""<domain><name>s</name><devices>
      <serial type='pty'><target port='0'/></serial>
      <console type='pty'><target type='serial' port='0'/></console>
      <console type='pty'><target type='virtio' port='0'/></console></devices></domain>""")
    serial_console, virtio_console = domain.consoles
    refused = plan_remove(serial_console, domain, QEMU_OFF)
    assert str(refused.refused) == ("This console shows the first serial port; remove the "
                                    "serial port to remove it.")
    assert plan_remove(virtio_console, domain, QEMU_OFF).allowed
    assert plan_remove(domain.serials[0], domain, QEMU_OFF).allowed


@pytest.mark.parametrize(("xml", "reason"), [
    ("<video><model type='virtio'/></video>", "needs a video card"),
    ("<input type='mouse' bus='ps2'/>", "part of the PC's chipset"),
    ("<memballoon model='virtio'/>", "default memory balloon"),
])
def test_what_libvirt_would_add_again_stays(xml: str, reason: str) -> None:
    domain = Domain.from_xml(f"<domain><name>i</name><devices><graphics type='vnc'/>{xml}"
                             "</devices></domain>")
    device = domain.devices[1]
    assert reason in str(plan_remove(device, domain, QEMU_OFF).refused)


def test_a_second_video_card_can_go() -> None:
    domain = Domain.from_xml("<domain><name>v</name><devices><graphics type='vnc'/>"
                             "<video><model type='virtio'/></video><video><model type='qxl'/>"
                             "</video></devices></domain>")
    assert plan_remove(domain.devices[2], domain, QEMU_OFF).allowed
