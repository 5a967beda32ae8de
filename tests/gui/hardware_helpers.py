"""Shared helpers of the hardware page tests (tests/gui/test_vm_window_hardware*.py): open a
domain's Hardware page, add a device of one kind through the dialog, remove a row, answer
the diff, read a refusal."""

from __future__ import annotations

import libvirt
from app_helpers import open_dialog
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fixture_helpers import StartApp

from kvmgui.logic.hardware_rules import HardwareKind, ListedDevice
from kvmgui.ui.app import Application
from kvmgui.ui.vm_window.hardware_add_dialog import AddHardwareDialog
from kvmgui.ui.vm_window.hardware_form import DeviceForm
from kvmgui.ui.vm_window.hardware_form_misc import FilesystemForm
from kvmgui.ui.vm_window.hardware_form_network import NicForm
from kvmgui.ui.vm_window.hardware_form_storage import PATH, DriveForm
from kvmgui.ui.vm_window.hardware_page import HardwarePage
from kvmgui.xml import Domain

from vm_window_helpers import DEFAULT, TIMEOUT_MS, open_vm

K = HardwareKind
# The element each kind of the Add dialog adds (with the form as fill_form leaves it).
ADDED_TAG = {
    K.DISK: "disk", K.CDROM: "disk", K.NIC: "interface", K.GRAPHICS: "graphics",
    K.VIDEO: "video", K.SOUND: "sound", K.INPUT: "input", K.SERIAL: "serial",
    K.CONSOLE: "console", K.CHANNEL: "channel", K.USB_HOST: "hostdev", K.PCI_HOST: "hostdev",
    K.FILESYSTEM: "filesystem", K.TPM: "tpm", K.RNG: "rng", K.WATCHDOG: "watchdog",
    K.CONTROLLER: "controller",
}
DISK_PATH = "/var/lib/libvirt/images/kvmgui-test-data.img"


def hardware_page(qtbot: QtBot, app: Application, name: str, uri: str = DEFAULT) -> HardwarePage:
    """The Hardware page of `name`'s VM window, shown and read."""
    view = open_vm(qtbot, app, name, uri)
    page = view.page("hardware")
    assert isinstance(page, HardwarePage)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT_MS):
        view.show_page("hardware")
    return page


def defined_page(qtbot: QtBot, start_app: StartApp, conn: libvirt.virConnect, template: str,
                 name: str) -> HardwarePage:
    """`name` defined from `template` (a "{name}" XML) through another client of
    test:///default, then the app started and its Hardware page shown."""
    conn.defineXML(template.format(name=name))
    return hardware_page(qtbot, start_app(DEFAULT), name)


def refusal(page: HardwarePage) -> str:
    """The text of the message box the page opened to refuse something (closed once read)."""
    box = open_dialog(page, QMessageBox)
    text = box.text()
    box.close()
    return text


def fill_form(form: DeviceForm) -> None:
    """What a user fills in where the defaults are not enough."""
    if isinstance(form, DriveForm) and form.kind is K.DISK:
        form.mode.setCurrentIndex(form.mode.findData(PATH))
        form.path.setText(DISK_PATH)
    elif isinstance(form, NicForm):
        form.source.setEditText("default")
    elif isinstance(form, FilesystemForm):
        form.source.setText("/srv/kvmgui-test-share")


def open_add(page: HardwarePage, kind: HardwareKind) -> AddHardwareDialog:
    dialog = page.add_hardware()
    assert dialog is not None and dialog.isVisible()
    dialog.select_kind(kind)
    return dialog


def confirm(qtbot: QtBot, page: HardwarePage, accept: bool = True) -> str:
    """Answer the diff the change shows first, wait for the change to finish; returns the
    diff as it was shown (the dialog is gone by then)."""
    assert page.flow is not None and page.flow.dialog is not None
    diff = page.flow.dialog
    assert diff.isVisible()
    shown = diff.text.toPlainText()
    with qtbot.waitSignal(page.changeFinished, timeout=TIMEOUT_MS) as finished:
        (diff.accept_button if accept else diff.cancel_button).click()
    assert finished.args == [accept]
    qtbot.waitSignal(page.loaded, timeout=TIMEOUT_MS, raising=False).wait()
    return shown


def row_of(page: HardwarePage, kind: HardwareKind) -> ListedDevice:
    """The first row of `kind` (for consoles: a virtio one, which is a device of its own)."""
    return next(row for row in page.devices.device_rows() if row.kind is kind and (
        kind is not HardwareKind.CONSOLE or "virtio" in row.device.to_xml()))


def definition(conn: libvirt.virConnect, name: str) -> Domain:
    return Domain.from_xml(conn.lookupByName(name).XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
