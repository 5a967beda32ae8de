"""Host devices: node-device XML as libvirt writes it, and the ``<hostdev>`` made from it."""

from __future__ import annotations

import pytest

from kvmgui.xml import Domain
from kvmgui.xml.device_hostdev import HostDevice, address_number, parse_node_device
from kvmgui.xml.device_views import typed

USB = """<device>
  <name>usb_1_4</name>
  <path>/sys/devices/pci0000:00/0000:00:14.0/usb1/1-4</path>
  <parent>usb_usb1</parent>
  <driver><name>usb</name></driver>
  <capability type='usb_device'>
    <bus>1</bus>
    <device>4</device>
    <product id='0x5678'>Token &lt;v2&gt;</product>
    <vendor id='0x1D6B'>Acme</vendor>
  </capability>
</device>"""

PCI = """<device>
  <name>pci_0000_03_00_1</name>
  <parent>pci_0000_00_1c_0</parent>
  <capability type='pci'>
    <class>0x020000</class>
    <domain>0</domain>
    <bus>3</bus>
    <slot>0</slot>
    <function>1</function>
    <product id='0x10d3'>82574L Gigabit Network Connection</product>
    <vendor id='0x8086'>Intel Corporation</vendor>
    <iommuGroup number='12'><address domain='0x0000' bus='0x03' slot='0x00' function='0x1'/>
    </iommuGroup>
  </capability>
</device>"""

NET = """<device><name>net_eth0</name><capability type='net'><interface>eth0</interface>
</capability></device>"""


def test_usb_node_device() -> None:
    device = parse_node_device(USB)
    assert device is not None
    assert (device.bus, device.vendor, device.product) == ("usb", "Acme", "Token <v2>")
    assert (device.address_label, device.ids_label) == ("001:004", "1d6b:5678")
    hostdev = device.as_hostdev()
    assert (hostdev.type, hostdev.vendor_id, hostdev.product_id, hostdev.managed) == (
        "usb", "0x1D6B", "0x5678", True)
    assert hostdev.source_label == "1d6b:5678" and device.matches(hostdev)


def test_pci_node_device() -> None:
    device = parse_node_device(PCI)
    assert device is not None
    assert device.address == (0, 3, 0, 1) and device.address_label == "0000:03:00.1"
    hostdev = device.as_hostdev()
    assert hostdev.pci_address == (0, 3, 0, 1) and hostdev.source_label == "0000:03:00.1"
    assert device.matches(hostdev)
    assert not device.matches(HostDevice.new_pci(0, 3, 0, 0))
    assert not device.matches(HostDevice.new_usb("0x8086", "0x10d3"))


@pytest.mark.parametrize("xml", [
    NET,
    "<device><name>x</name><capability type='pci'><domain>0</domain><bus>3</bus>"
    "<slot>0</slot><product id='0x1'/><vendor id='0x2'/></capability></device>",  # no function
    "<device><name>x</name><capability type='usb_device'><bus>1</bus><device>2</device>"
    "<product id=''/><vendor id='0x2'/></capability></device>",
])
def test_other_or_incomplete_node_devices_are_none(xml: str) -> None:
    assert parse_node_device(xml) is None


def test_hostdev_in_a_definition_reads_hex_and_decimal() -> None:
    domain = Domain.from_xml(
        "<domain><name>h</name><devices>"
        "<hostdev mode='subsystem' type='pci' managed='yes'><source>"
        "<address domain='0' bus='10' slot='0x1f' function='0x7'/></source></hostdev>"
        "<hostdev mode='subsystem' type='pci'><source><address bus='0xzz'/></source></hostdev>"
        "</devices></domain>")
    first, broken = (typed(d) for d in domain.devices)
    assert isinstance(first, HostDevice) and isinstance(broken, HostDevice)
    assert first.pci_address == (0, 10, 31, 7) and first.source_label == "0000:0a:1f.7"
    assert broken.pci_address is None and broken.source_label == ""


@pytest.mark.parametrize(("text", "value"), [("0x1f", 31), ("0X0a", 10), ("12", 12),
                                             (" 3 ", 3), ("0x", None), ("zz", None)])
def test_address_numbers(text: str, value: int | None) -> None:
    assert address_number(text) == value
