"""The Hardware page beyond adding and removing on a shut-off guest: USB and PCI devices of
the host (a test host file with node devices), CD-ROM media, a running guest on a driver
without hot-plug (the change waits for the next boot, and says so), another client's change
in between (nothing is changed)."""

from __future__ import annotations

from pathlib import Path

import libvirt
from fixture_helpers import StartApp
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hardware_helpers import (
    confirm,
    defined_page,
    definition,
    fill_form,
    hardware_page,
    open_add,
    refusal,
    row_of,
)
from kvmgui.logic.hardware_rules import HardwareKind, Presence
from kvmgui.ui.vm_window.hardware_form_hostdev import HostDeviceForm
from kvmgui.ui.vm_window.hardware_media_dialog import InsertMediaDialog
from kvmgui.xml import Disk, Domain, canonical
from kvmgui.xml.device_hostdev import HostDevice
from kvmgui.xml.device_storage import has_media

from vm_window_helpers import DEFAULT, PREFIX, TIMEOUT_MS

K = HardwareKind
HOST = """<node>
  <cpu><mhz>2000</mhz><model>x86_64</model><nodes>1</nodes><sockets>1</sockets><cores>2</cores>
    <threads>1</threads></cpu>
  <memory>4194304</memory>
  <domain type='test'><name>hosted</name><memory>65536</memory><vcpu>1</vcpu>
    <os><type>hvm</type></os><devices>
      <hostdev mode='subsystem' type='usb' managed='yes'><source><vendor id='0x046d'/>
        <product id='0xc52b'/></source></hostdev>
    </devices></domain>
  <device><name>usb_1_2</name><parent>computer</parent><capability type='usb_device'>
    <bus>1</bus><device>2</device><product id='0x5678'>Demo Token</product>
    <vendor id='0x1234'>Acme</vendor></capability></device>
  <device><name>usb_1_3</name><parent>computer</parent><capability type='usb_device'>
    <bus>1</bus><device>3</device><product id='0xc52b'>Unifying Receiver</product>
    <vendor id='0x046d'>Logitech</vendor></capability></device>
  <device><name>pci_0000_03_00_0</name><parent>computer</parent><capability type='pci'>
    <domain>0</domain><bus>3</bus><slot>0</slot><function>0</function>
    <product id='0x10d3'>82574L Gigabit Network Connection</product>
    <vendor id='0x8086'>Intel Corporation</vendor></capability></device>
</node>"""

WITH_CDROM = """<domain type='test'><name>{name}</name><memory>65536</memory><vcpu>1</vcpu>
<os><type>hvm</type></os><devices>
  <disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>
</devices></domain>"""


def pick(qtbot: QtBot, form: HostDeviceForm, label: str) -> None:
    qtbot.waitUntil(lambda: form.list.count() > 0, timeout=TIMEOUT_MS)
    item = next(form.list.item(i) for i in range(form.list.count())
                if label in form.list.item(i).text())
    form.list.setCurrentItem(item)


def test_usb_and_pci_devices_of_the_host(start_app: StartApp, tmp_path: Path,
                                         qtbot: QtBot) -> None:
    host = tmp_path / "host.xml"
    host.write_text(HOST)
    uri = f"test://{host}"
    page = hardware_page(qtbot, start_app(uri), "hosted", uri)
    dialog = open_add(page, K.USB_HOST)
    form = dialog.form
    assert isinstance(form, HostDeviceForm)
    qtbot.waitUntil(lambda: form.list.count() == 2, timeout=TIMEOUT_MS)  # USB only
    taken = next(form.list.item(i) for i in range(2) if "Logitech" in form.list.item(i).text())
    assert not taken.flags() & Qt.ItemFlag.ItemIsEnabled  # already this guest's
    assert not dialog.add_button.isEnabled() and "Choose a host device." in dialog.problem.text()
    pick(qtbot, form, "Acme Demo Token")
    assert form.list.currentItem().text() == "001:002  1234:5678  Acme Demo Token"
    dialog.add_button.click()
    confirm(qtbot, page)

    dialog = open_add(page, K.PCI_HOST)
    form = dialog.form
    assert isinstance(form, HostDeviceForm)
    pick(qtbot, form, "0000:03:00.0")
    dialog.add_button.click()
    confirm(qtbot, page)
    assert page.source is not None and page.source.config_xml is not None
    hostdevs = [HostDevice(d.element) for d in
                Domain.from_xml(page.source.config_xml).devices_of("hostdev")]
    assert [h.source_label for h in hostdevs] == ["046d:c52b", "1234:5678", "0000:03:00.0"]


def test_insert_and_eject_media_of_a_shut_off_guest(start_app: StartApp,
                                                    default_conn: libvirt.virConnect,
                                                    qtbot: QtBot) -> None:
    name = PREFIX + "media"
    page = defined_page(qtbot, start_app, default_conn, WITH_CDROM, name)
    page.select(row_of(page, K.CDROM).key)
    assert page.insert_button.isEnabled() and not page.eject_button.isEnabled()
    dialog = page.insert_media()
    assert isinstance(dialog, InsertMediaDialog)
    dialog.volume.setCurrentIndex(0)  # a path on the host
    qtbot.keyClicks(dialog.path_edit, "relative.iso")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.path_edit.setText("/srv/isos/kvmgui-test.iso")
    dialog.accept()
    diff = confirm(qtbot, page)
    assert "+      <source file=\"/srv/isos/kvmgui-test.iso\"/>" in diff
    assert Disk(definition(default_conn, name).disks[0].element).source_file == \
        "/srv/isos/kvmgui-test.iso"
    assert page.eject_button.isEnabled()

    page.eject_media()
    confirm(qtbot, page)
    assert not has_media(definition(default_conn, name).disks[0])
    assert not page.eject_button.isEnabled()


def test_a_running_guest_on_a_driver_without_hotplug_waits_for_the_next_boot(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    name = PREFIX + "running"
    default_conn.defineXML(WITH_CDROM.format(name=name)).create()
    page = hardware_page(qtbot, start_app(DEFAULT), name)
    dialog = open_add(page, K.SOUND)
    assert not dialog.now.isEnabled() and not dialog.now.isChecked()
    assert "(TEST) cannot change the devices of a running guest" in dialog.when.text()
    assert "Takes effect at next boot" in dialog.when.text()
    dialog.add_button.click()
    assert page.flow is not None and page.flow.dialog is not None
    assert "Takes effect at next boot" in page.flow.dialog.intro.text()
    confirm(qtbot, page)
    dom = default_conn.lookupByName(name)
    assert len(Domain.from_xml(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
               .devices_of("sound")) == 1
    assert Domain.from_xml(dom.XMLDesc(0)).devices_of("sound") == []  # not in the running one
    sound = row_of(page, K.SOUND)
    assert sound.presence is Presence.CONFIG_ONLY
    note = page.devices.index_of(sound.key).siblingAtColumn(2).data()
    assert note == "From the next boot"


def test_another_clients_change_in_between_changes_nothing(start_app: StartApp,
                                                           default_conn: libvirt.virConnect,
                                                           qtbot: QtBot) -> None:
    name = PREFIX + "conflict"
    page = defined_page(qtbot, start_app, default_conn, WITH_CDROM, name)
    dialog = open_add(page, K.RNG)
    fill_form(dialog.form)
    dialog.add_button.click()
    other = definition(default_conn, name)
    other.title = "changed by someone else"
    default_conn.defineXML(other.to_xml())
    confirm_refused = page.flow
    assert confirm_refused is not None and confirm_refused.dialog is not None
    with qtbot.waitSignal(page.changeFinished, timeout=TIMEOUT_MS) as finished:
        confirm_refused.dialog.accept_button.click()
    assert finished.args == [False]
    assert "Another client changed this guest's definition" in refusal(page)
    now = definition(default_conn, name)
    assert canonical(now.to_xml()) == canonical(other.to_xml())  # theirs, and nothing of ours
    assert now.devices_of("rng") == []


def test_a_transient_guest_without_hotplug_refuses_and_says_why(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    name = PREFIX + "transient"
    default_conn.createXML(WITH_CDROM.format(name=name), 0)  # running, never defined
    page = hardware_page(qtbot, start_app(DEFAULT), name)
    assert page.source is not None and page.source.config_xml is None
    dialog = open_add(page, K.SOUND)
    assert not dialog.add_button.isEnabled()
    assert "This guest is transient" in dialog.problem.text()
    assert "(TEST) cannot change the devices of a running guest" in dialog.problem.text()
    dialog.reject()
    page.select(row_of(page, K.CDROM).key)
    assert page.eject_media() is None  # no live change here, and no definition for later
    assert "(TEST) cannot change the devices of a running guest" in refusal(page)
