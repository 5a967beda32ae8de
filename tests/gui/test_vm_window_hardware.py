"""The Hardware page on test:///default: the devices grouped, each kind of device added and
removed through the page (the test driver has no hot-plug, so the persistent definition is
changed, by a define, after the diff was shown), Add disabled with a reason for bad input."""

from __future__ import annotations

import libvirt
import pytest
from app_helpers import open_dialog, select
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from fixture_helpers import StartApp
from hardware_helpers import (
    ADDED_TAG,
    confirm,
    defined_page,
    definition,
    fill_form,
    hardware_page,
    open_add,
    refusal,
    row_of,
)
from kvmgui.logic.hardware_rules import ADDABLE, HardwareKind
from kvmgui.ui.app import show_requested
from kvmgui.ui.vm_window.hardware_add_dialog import AddHardwareDialog
from kvmgui.ui.vm_window.hardware_form_network import NicForm
from kvmgui.ui.vm_window.hardware_form_storage import NEW, DriveForm
from kvmgui.xml import Disk, canonical

from vm_window_helpers import DEFAULT, PREFIX, TIMEOUT_MS

K = HardwareKind
LOCAL_KINDS = [k for k in ADDABLE if k not in (K.USB_HOST, K.PCI_HOST)]  # test:///default
# has no USB or PCI node devices: test_vm_window_hardware_host.py uses a host file with some.

EVERY_KIND = """<domain type='test'><name>{name}</name><memory>65536</memory><vcpu>1</vcpu>
<os><type>hvm</type></os><devices>
  <disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/>
    <target dev='vda' bus='virtio'/></disk>
  <disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>
  <controller type='scsi' index='0' model='virtio-scsi'/>
  <filesystem type='mount' accessmode='passthrough'><driver type='virtiofs'/>
    <source dir='/srv/share'/><target dir='share'/></filesystem>
  <interface type='network'><mac address='52:54:00:aa:00:01'/><source network='default'/>
    <model type='virtio'/></interface>
  <serial type='pty'><target port='0'/></serial>
  <console type='pty'><target type='virtio' port='0'/></console>
  <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
  <input type='tablet' bus='usb'/>
  <tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>
  <graphics type='vnc' port='-1' autoport='yes'/>
  <sound model='ich9'/>
  <video><model type='virtio' heads='1'/></video>
  <video><model type='qxl'/></video>
  <hostdev mode='subsystem' type='usb' managed='yes'><source><vendor id='0x1234'/>
    <product id='0x5678'/></source></hostdev>
  <watchdog model='i6300esb' action='reset'/>
  <memballoon model='virtio'/>
  <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>
</devices><memoryBacking><access mode='shared'/></memoryBacking></domain>"""


def empty_vm(conn: libvirt.virConnect, short: str) -> str:
    name = PREFIX + short
    conn.defineXML(f"<domain type='test'><name>{name}</name><memory>65536</memory>"
                   "<vcpu>1</vcpu><os><type>hvm</type></os><devices/></domain>")
    return name


def test_the_page_lists_every_device_in_its_group(start_app: StartApp,
                                                  default_conn: libvirt.virConnect,
                                                  qtbot: QtBot) -> None:
    page = defined_page(qtbot, start_app, default_conn, EVERY_KIND, PREFIX + "every")
    model = page.devices
    groups = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert groups == [
        "Disks", "CD-ROMs and floppies", "Network interfaces", "Graphical displays", "Video",
        "Sound", "Input", "Serial ports, consoles and channels", "USB and PCI host devices",
        "Shared folders", "TPM", "Random number generators", "Watchdogs", "Controllers",
        "Other devices"]
    kinds = {row.kind for row in model.device_rows()}
    assert kinds == set(ADDABLE) - {K.PCI_HOST} | {K.OTHER}
    assert page.select(row_of(page, K.NIC).key)
    assert page.title.text() == "Network interface 52:54:00:aa:00:01"
    assert page.settings.text() == "network default · virtio"
    assert "<mac address=\"52:54:00:aa:00:01\"/>" in page.xml.toPlainText()
    assert not page.insert_button.isVisible()  # only drives with media have these
    assert page.select(row_of(page, K.CDROM).key)
    assert page.insert_button.isVisibleTo(page) and not page.eject_button.isEnabled()


def test_the_model_passes_the_model_tester(start_app: StartApp,
                                           default_conn: libvirt.virConnect, qtbot: QtBot,
                                           qtmodeltester: ModelTester) -> None:
    page = defined_page(qtbot, start_app, default_conn, EVERY_KIND, PREFIX + "tested")
    qtmodeltester.check(page.devices)


@pytest.mark.parametrize("kind", LOCAL_KINDS, ids=[k.value for k in LOCAL_KINDS])
def test_add_each_kind_to_a_shut_off_guest(kind: HardwareKind, start_app: StartApp,
                                           default_conn: libvirt.virConnect,
                                           qtbot: QtBot) -> None:
    name = empty_vm(default_conn, "add-" + kind.value)
    page = hardware_page(qtbot, start_app(DEFAULT), name)
    before = definition(default_conn, name)
    assert before.devices_of(ADDED_TAG[kind]) == []
    dialog = open_add(page, kind)
    fill_form(dialog.form)
    qtbot.waitUntil(lambda: dialog.add_button.isEnabled(), timeout=TIMEOUT_MS)
    assert "shut off" in dialog.when.text()
    dialog.add_button.click()
    assert page.flow is not None and page.flow.dialog is not None
    diff = page.flow.dialog.text.toPlainText()
    assert f"+    <{ADDED_TAG[kind]}" in diff  # the new element, before anything is defined
    assert canonical(definition(default_conn, name).to_xml()) == canonical(before.to_xml())
    confirm(qtbot, page)
    after = definition(default_conn, name)
    assert len(after.devices_of(ADDED_TAG[kind])) == 1
    assert any(row.kind is kind for row in page.devices.device_rows())  # listed at once


@pytest.mark.parametrize("kind", sorted(set(ADDABLE) - {K.PCI_HOST}, key=lambda k: k.value),
                         ids=lambda k: k.value)
def test_remove_each_kind_from_a_shut_off_guest(kind: HardwareKind, start_app: StartApp,
                                                default_conn: libvirt.virConnect,
                                                qtbot: QtBot) -> None:
    name = PREFIX + "remove-" + kind.value
    page = defined_page(qtbot, start_app, default_conn, EVERY_KIND, name)
    row = row_of(page, kind)
    if kind is K.CONTROLLER:  # the SCSI controller is free: no SCSI drive in EVERY_KIND
        row = next(r for r in page.devices.device_rows()
                   if r.kind is kind and r.device.element.get("type") == "scsi")
    tag = ADDED_TAG[kind]
    count = len(definition(default_conn, name).devices_of(tag))
    assert page.select(row.key)
    flow = page.remove_selected()
    assert flow is not None and flow.dialog is not None
    assert flow.dialog.cancel_button.isDefault()  # Enter never removes anything
    assert f"-    <{tag}" in flow.dialog.text.toPlainText()
    listed = sum(r.kind is kind for r in page.devices.device_rows())
    confirm(qtbot, page)
    assert len(definition(default_conn, name).devices_of(tag)) == count - 1
    assert sum(r.kind is kind for r in page.devices.device_rows()) == listed - 1


def test_cancel_changes_nothing(start_app: StartApp, default_conn: libvirt.virConnect,
                                qtbot: QtBot) -> None:
    name = PREFIX + "cancelled"
    page = defined_page(qtbot, start_app, default_conn, EVERY_KIND, name)
    before = canonical(definition(default_conn, name).to_xml())
    page.select(row_of(page, K.SOUND).key)
    page.remove_selected()
    confirm(qtbot, page, accept=False)
    assert canonical(definition(default_conn, name).to_xml()) == before
    assert any(r.kind is K.SOUND for r in page.devices.device_rows())


def test_a_disk_on_a_new_volume(start_app: StartApp, default_conn: libvirt.virConnect,
                                qtbot: QtBot) -> None:
    name = empty_vm(default_conn, "new-volume")
    page = hardware_page(qtbot, start_app(DEFAULT), name)
    dialog = open_add(page, K.DISK)
    form = dialog.form
    assert isinstance(form, DriveForm) and form.mode.currentData() == NEW
    assert form.name.text() == f"{name}-vda.qcow2"
    dialog.add_button.click()
    confirm(qtbot, page)
    pool = default_conn.storagePoolLookupByName("default-pool")
    volume = pool.storageVolLookupByName(f"{name}-vda.qcow2")
    disk = definition(default_conn, name).disks[0]
    assert (disk.type, disk.source_file, disk.target_dev) == ("file", volume.path(), "vda")
    volume.delete(0)


@pytest.mark.parametrize(("mac", "message"), [
    ("52:54:00:aa:00", "52:54:00:aa:00 is not a MAC address"),
    ("52:54:00:aa:00:01", "Another NIC of the guest already has the MAC address"),
])
def test_bad_input_disables_add_and_says_why(mac: str, message: str, start_app: StartApp,
                                             default_conn: libvirt.virConnect,
                                             qtbot: QtBot) -> None:
    name = PREFIX + "bad-input"
    page = defined_page(qtbot, start_app, default_conn, EVERY_KIND, name)
    dialog = open_add(page, K.NIC)
    form = dialog.form
    assert isinstance(form, NicForm)
    fill_form(form)
    qtbot.keyClicks(form.mac, mac)
    assert not dialog.add_button.isEnabled()
    assert message in dialog.problem.text() and dialog.problem.isVisibleTo(dialog)
    form.mac.clear()
    assert dialog.add_button.isEnabled() and not dialog.problem.isVisibleTo(dialog)
    dialog.reject()


def test_a_path_from_the_host_is_shown_as_text(start_app: StartApp,
                                               default_conn: libvirt.virConnect,
                                               qtbot: QtBot) -> None:
    name = empty_vm(default_conn, "markup")
    page = hardware_page(qtbot, start_app(DEFAULT), name)
    dialog = open_add(page, K.DISK)
    fill_form(dialog.form)
    assert isinstance(dialog.form, DriveForm)
    dialog.form.path.setText("/srv/<b>bold</b>.img")
    dialog.add_button.click()
    confirm(qtbot, page)
    page.select(row_of(page, K.DISK).key)
    assert page.settings.text().endswith("/srv/<b>bold</b>.img")
    assert page.settings.textFormat().name == "PlainText"
    assert Disk(definition(default_conn, name).disks[0].element).source_file == \
        "/srv/<b>bold</b>.img"


def test_a_refused_removal_says_why_and_changes_nothing(start_app: StartApp,
                                                         default_conn: libvirt.virConnect,
                                                         qtbot: QtBot) -> None:
    name = PREFIX + "refused"
    page = defined_page(qtbot, start_app, default_conn, EVERY_KIND, name)
    before = canonical(definition(default_conn, name).to_xml())
    serial_console = next(r for r in page.devices.device_rows() if r.kind is K.CONSOLE
                          and "virtio" not in r.device.to_xml())
    page.select(serial_console.key)
    assert page.remove_selected() is None
    assert refusal(page) == ("This console shows the first serial port; remove the serial "
                             "port to remove it.")
    assert canonical(definition(default_conn, name).to_xml()) == before


def test_removing_the_serial_port_takes_its_console_along(start_app: StartApp,
                                                          default_conn: libvirt.virConnect,
                                                          qtbot: QtBot) -> None:
    name = PREFIX + "serial-gone"
    page = defined_page(qtbot, start_app, default_conn, EVERY_KIND, name)
    assert len(definition(default_conn, name).consoles) == 2
    page.select(row_of(page, K.SERIAL).key)
    page.remove_selected()
    confirm(qtbot, page)
    after = definition(default_conn, name)
    assert after.serials == []
    assert [c.target_type for c in after.consoles] == ["virtio"]  # libvirt made no port again


def test_tab_hardware_opens_the_vm_window_on_its_page(start_app: StartApp,
                                                     default_conn: libvirt.virConnect,
                                                     qtbot: QtBot) -> None:
    name = empty_vm(default_conn, "cli")
    app = start_app(DEFAULT)
    qtbot.waitUntil(lambda: app.model.find_by_name(name).isValid(), timeout=TIMEOUT_MS)
    window = show_requested(app, name, "hardware")  # kvmgui --select NAME --tab hardware
    assert window is not None and window.isVisible()
    views = app.vm_windows.manager.views()
    assert [v.current_page_name() for v in views] == ["hardware"]


def test_add_hardware_in_the_domain_menu(start_app: StartApp, default_conn: libvirt.virConnect,
                                         qtbot: QtBot) -> None:
    name = empty_vm(default_conn, "menu")
    app = start_app(DEFAULT)
    qtbot.waitUntil(lambda: app.model.find_by_name(name).isValid(), timeout=TIMEOUT_MS)
    action = app.vm_windows.add_hardware.action
    assert action in app.vm_windows.domain_menu.actions()
    assert not action.isEnabled()  # nothing selected
    select(app, app.model.find_by_name(name))
    assert action.isEnabled()
    action.trigger()
    view = app.vm_windows.manager.views()[0]
    assert view.current_page_name() == "hardware"
    page = view.page("hardware")
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(AddHardwareDialog)),
                    timeout=TIMEOUT_MS)
    open_dialog(page, AddHardwareDialog).reject()
