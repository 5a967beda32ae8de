"""Golden files of the hardware page's device builders: ``devices/base.xml`` plus the devices
of one family, added through the typed API, must equal ``devices/FAMILY-out.xml``.

Each ``-out.xml`` is written by hand: the input with exactly those devices, where libvirt
lists them. Outputs are also checked against libvirt's schema and defined on the test driver.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from kvmgui.xml import Domain, DomainInterface, Graphics, canonical
from kvmgui.xml.device_char import (
    guest_agent_channel,
    next_serial_port,
    serial_port,
    spice_agent_channel,
    text_console,
)
from kvmgui.xml.device_controller import Controller, next_controller_index
from kvmgui.xml.device_display import Input, Sound, Video
from kvmgui.xml.device_filesystem import Filesystem, share_memory
from kvmgui.xml.device_hostdev import HostDevice
from kvmgui.xml.device_platform import Rng, Tpm, Watchdog
from kvmgui.xml.device_storage import new_drive
from xml_helpers import DATA, assert_same_xml, read, schema_errors

DEVICES = DATA / "devices"


def add_storage(domain: Domain) -> None:
    domain.add_device(new_drive("vdb", source="/var/lib/libvirt/images/hw01-data.qcow2",
                                driver_type="qcow2"))
    domain.add_device(new_drive("sdb", device="cdrom", bus="sata"))
    domain.add_device(new_drive("sdc", device="cdrom", bus="scsi", source="/dev/sr0"))


def add_network(domain: Domain) -> None:
    domain.add_device(DomainInterface.new("bridge", source="br0", mac="52:54:00:12:34:56",
                                          model="e1000e"))


def add_display(domain: Domain) -> None:
    domain.add_device(Graphics.new("spice", listen="127.0.0.1"))
    domain.add_device(Video.new("qxl", heads=2))
    domain.add_device(Sound.new("ich9"))
    domain.add_device(Input.new("tablet", "usb"))
    domain.add_device(Input.new("keyboard", "virtio"))


def add_char(domain: Domain) -> None:
    domain.add_device(serial_port(next_serial_port(domain)))
    domain.add_device(text_console("virtio"))
    domain.add_device(guest_agent_channel())
    domain.add_device(spice_agent_channel())


def add_hostdev(domain: Domain) -> None:
    domain.add_device(HostDevice.new_usb("0x1234", "0x5678"))
    domain.add_device(HostDevice.new_pci(0, 3, 0, 1))


def add_filesystem(domain: Domain) -> None:
    domain.add_device(Filesystem.new_virtiofs("/srv/shared", "shared"))
    share_memory(domain)


def add_platform(domain: Domain) -> None:
    domain.add_device(Tpm.new_emulated("tpm-crb"))
    domain.add_device(Rng.new("/dev/urandom", rate_bytes=1024, rate_period=1000))
    domain.add_device(Watchdog.new("i6300esb", "poweroff"))


def add_controller(domain: Domain) -> None:
    domain.add_device(Controller.new("scsi", index=next_controller_index(domain, "scsi"),
                                     model="virtio-scsi"))
    domain.add_device(Controller.new("usb", index=next_controller_index(domain, "usb"),
                                     model="ich9-ehci1"))


CASES: dict[str, Callable[[Domain], None]] = {
    "storage": add_storage, "network": add_network, "display": add_display, "char": add_char,
    "hostdev": add_hostdev, "filesystem": add_filesystem, "platform": add_platform,
    "controller": add_controller,
}


def edited(name: str) -> str:
    domain = Domain.from_xml(read(DEVICES / "base.xml"))
    CASES[name](domain)
    return domain.to_xml()


def test_every_golden_file_has_a_case() -> None:
    outs = {p.name.removesuffix("-out.xml") for p in DEVICES.glob("*-out.xml")}
    assert outs == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_added_devices_match_the_golden_file(name: str) -> None:
    expected = read(DEVICES / f"{name}-out.xml")
    assert canonical(expected) != canonical(read(DEVICES / "base.xml"))
    assert_same_xml(edited(name), expected)


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_output_matches_libvirt_schema(name: str) -> None:
    assert schema_errors(edited(name), "domain") is None


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_output_defines_on_test_driver(name: str, default_conn: Any) -> None:
    xml = edited(name)
    domain = default_conn.defineXML(xml)
    try:
        defined = Domain.from_xml(domain.XMLDesc(0))
        ours = Counter(d.tag for d in Domain.from_xml(xml).devices)
        # libvirt kept every device (and may add implicit ones, e.g. a SCSI disk's controller)
        assert ours <= Counter(d.tag for d in defined.devices)
    finally:
        domain.undefine()
