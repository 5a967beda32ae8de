"""Controllers: which devices hang off one (by address, or by default on index 0)."""

from __future__ import annotations

from kvmgui.xml import Device, Domain
from kvmgui.xml.device_controller import (
    Controller,
    controller_users,
    controllers,
    next_controller_index,
)
from xml_helpers import DATA, read

DOMAIN = """<domain><name>c</name><devices>
  <disk type='file' device='disk'><target dev='sda' bus='scsi'/>
    <address type='drive' controller='1' bus='0' target='0' unit='0'/></disk>
  <disk type='file' device='disk'><target dev='sdb' bus='scsi'/></disk>
  <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>
  <controller type='scsi' index='0' model='virtio-scsi'/>
  <controller type='scsi' index='1' model='virtio-scsi'/>
  <controller type='scsi' index='2' model='virtio-scsi'/>
  <controller type='usb' index='0' model='qemu-xhci'/>
  <controller type='pci' index='0' model='pcie-root'/>
  <controller type='pci' index='1' model='pcie-root-port'/>
  <controller type='virtio-serial' index='0'/>
  <interface type='network'><source network='default'/>
    <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></interface>
  <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
  <input type='tablet' bus='usb'><address type='usb' bus='0' port='1'/></input>
  <input type='mouse' bus='ps2'/>
  <hostdev mode='subsystem' type='usb'><source><vendor id='0x1'/><product id='0x2'/></source>
  </hostdev>
</devices></domain>"""


def by_type(domain: Domain) -> dict[tuple[str | None, int | None], Controller]:
    return {(c.type, c.index): c for c in controllers(domain)}


def tags(devices: list[Device]) -> list[str]:
    return [d.tag for d in devices]


def test_users_by_address_and_by_default() -> None:
    domain = Domain.from_xml(DOMAIN)
    found = by_type(domain)
    scsi0 = controller_users(domain, found[("scsi", 0)])
    assert [d.element.find("target").get("dev") for d in scsi0] == ["sdb"]  # type: ignore[union-attr]
    scsi1 = controller_users(domain, found[("scsi", 1)])
    assert [d.element.find("target").get("dev") for d in scsi1] == ["sda"]  # type: ignore[union-attr]
    assert controller_users(domain, found[("scsi", 2)]) == []
    assert tags(controller_users(domain, found[("usb", 0)])) == ["input", "hostdev"]
    assert tags(controller_users(domain, found[("virtio-serial", 0)])) == ["channel"]
    assert tags(controller_users(domain, found[("pci", 1)])) == ["interface"]


def test_next_index() -> None:
    domain = Domain.from_xml(DOMAIN)
    assert next_controller_index(domain, "scsi") == 3
    assert next_controller_index(domain, "sata") == 0
    base = Domain.from_xml(read(DATA / "devices" / "base.xml"))
    assert next_controller_index(base, "usb") == 1


def test_new_controller_without_model() -> None:
    controller = Controller.new("virtio-serial", index=1, model="")
    assert controller.to_xml() == '<controller type="virtio-serial" index="1"/>'


def test_drive_addresses_of_another_bus_do_not_count() -> None:
    domain = Domain.from_xml("""<domain><name>d</name><devices>
      <disk type='file' device='cdrom'><target dev='sda' bus='sata'/>
        <address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
      <controller type='scsi' index='0' model='virtio-scsi'/>
      <controller type='sata' index='0'/></devices></domain>""")
    found = by_type(domain)
    assert controller_users(domain, found[("scsi", 0)]) == []
    assert tags(controller_users(domain, found[("sata", 0)])) == ["disk"]
