"""The Hardware page on a real libvirtd with the tiny guest: a virtio disk plugged into the
running guest is seen by its kernel (and goes again when unplugged), a CD-ROM's media is
ejected and inserted live and the guest's drive follows, and an operation libvirt refuses
says why and changes nothing.

The tiny guest's kernel has virtio and the IDE CD-ROM driver as modules: the guest here boots
the tiny guest with those modules loaded first (tiny_guest_with_virtio_modules). It is a PC
machine with ACPI, which PCI hot-plug needs, and an empty IDE CD-ROM drive.
"""

from __future__ import annotations

from collections.abc import Iterator

import libvirt
import pytest
from daemon_helpers import URI, TierDaemon
from fixture_helpers import StartApp
from guest_console_helpers import GuestSerial
from object_helpers import connection
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from tiny_guest_helpers import (
    BANNER,
    TinyGuestMaker,
    TinyGuestUnavailable,
    tiny_guest_with_virtio_modules,
)

from app_helpers import find_row, open_dialog, open_vm_page
from kvmgui.logic.hardware_rules import HardwareKind
from kvmgui.ui.app import Application
from kvmgui.ui.roles import Category
from kvmgui.ui.vm_window.hardware_form_storage import NEW, PATH, DriveForm
from kvmgui.ui.vm_window.hardware_media_dialog import InsertMediaDialog
from kvmgui.ui.vm_window.hardware_page import HardwarePage
from kvmgui.xml import Disk, Domain, canonical

BOOT_MS = 90000  # TCG on a busy 2-core machine, ACPI and a dozen modules
ANSWER_MS = 20000
TIMEOUT_MS = 60000
K = HardwareKind


# --- the guest ---------------------------------------------------------------------------


def for_hotplug(_name: str, xml: str) -> str:
    """The tiny guest's XML on a PC machine with ACPI and an empty IDE CD-ROM drive."""
    domain = Domain.from_xml(xml)
    domain.os_machine = "pc"  # IDE for the CD-ROM; PCI hot-plug through ACPI
    domain.ensure_element("features/acpi")
    domain.add_device(Disk.new("hdc", device="cdrom", bus="ide", driver_type="raw"))
    return domain.to_xml()


@pytest.fixture
def make_hotplug_guest(request: pytest.FixtureRequest,
                       libvirt_tier: TierDaemon) -> TinyGuestMaker:
    try:
        files = tiny_guest_with_virtio_modules()
    except TinyGuestUnavailable as exc:
        pytest.skip(f"cannot build the tiny guest with modules: {exc}")
    return TinyGuestMaker.for_test(request, libvirt_tier, files)


@pytest.fixture
def guest(qtbot: QtBot, start_app: StartApp,
          make_hotplug_guest: TinyGuestMaker) -> Iterator[tuple[Application, str, GuestSerial]]:
    """(the app on qemu:///system, the running guest's name, its shell)."""
    # Started paused: resumed once its console is attached.
    name = make_hotplug_guest("hotplug", paused=True, edit=for_hotplug)
    app = start_app(URI, timeout_ms=TIMEOUT_MS)
    conn = app.model.connection(URI)
    assert conn is not None
    qtbot.waitUntil(lambda: find_row(app, URI, Category.DOMAINS, name).isValid(),
                    timeout=TIMEOUT_MS)
    with connection() as virt:
        domain = virt.lookupByName(name)
        shell = GuestSerial(qtbot, conn, domain.UUIDString(), ANSWER_MS)
        shell.wait_open()
        domain.resume()
    qtbot.waitUntil(lambda: BANNER in shell.text, timeout=BOOT_MS)
    qtbot.waitUntil(lambda: "# " in shell.text.rpartition(BANNER)[2], timeout=BOOT_MS)
    yield app, name, shell
    shell.close()


def open_page(qtbot: QtBot, app: Application, name: str) -> HardwarePage:
    return open_vm_page(qtbot, app, URI, name, "hardware", HardwarePage, lambda p: p.loaded,
                        timeout=TIMEOUT_MS)


def accept_change(qtbot: QtBot, page: HardwarePage, applied: bool = True) -> str:
    assert page.flow is not None and page.flow.dialog is not None
    intro = page.flow.dialog.intro.text()
    with qtbot.waitSignal(page.changeFinished, timeout=TIMEOUT_MS) as finished:
        page.flow.dialog.accept_button.click()
    assert finished.args == [applied]
    return intro


def xmls(name: str) -> tuple[bytes, bytes]:
    with connection() as conn:
        dom = conn.lookupByName(name)
        return (canonical(dom.XMLDesc(0)),
                canonical(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)))


def targets(xml: str) -> list[str]:
    return [d.target_dev or "" for d in Domain.from_xml(xml).disks]


# --- the tests ---------------------------------------------------------------------------


def test_a_virtio_disk_plugged_in_live_is_seen_by_the_guest(
        guest: tuple[Application, str, GuestSerial], test_pool: str, qtbot: QtBot) -> None:
    app, name, shell = guest
    assert "vda" not in shell.run("ls /sys/block").split()
    page = open_page(qtbot, app, name)
    dialog = page.add_hardware()
    assert dialog is not None
    form = dialog.select_kind(K.DISK)
    assert isinstance(form, DriveForm) and form.mode.currentData() == NEW
    form.pool.setCurrentIndex(form.pool.findData(test_pool))
    form.size_spin.setValue(0.02)
    assert dialog.now.isEnabled() and dialog.now.isChecked()
    assert "plugged into the running guest now" in dialog.when.text()
    dialog.add_button.click()
    assert "plugged into the running guest now" in accept_change(qtbot, page)

    with connection() as conn:
        dom = conn.lookupByName(name)
        assert "vda" in targets(dom.XMLDesc(0))  # the running guest has it
        assert "vda" in targets(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))  # and keeps it
    qtbot.waitUntil(lambda: "vda" in shell.run("ls /sys/block").split(), timeout=ANSWER_MS)
    sectors = int(shell.run("cat /sys/block/vda/size"))
    assert sectors * 512 >= int(0.02 * 1024**3) - 512

    row = next(r for r in page.devices.device_rows() if r.kind is K.DISK)
    page.select(row.key)
    page.remove_selected()
    assert "unplugged from the running guest now" in accept_change(qtbot, page)
    qtbot.waitUntil(lambda: "vda" not in shell.run("ls /sys/block").split(), timeout=ANSWER_MS)
    with connection() as conn:
        dom = conn.lookupByName(name)
        qtbot.waitUntil(lambda: "vda" not in targets(dom.XMLDesc(0)), timeout=ANSWER_MS)
        assert "vda" not in targets(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))


def test_cdrom_media_is_ejected_and_inserted_live(
        guest: tuple[Application, str, GuestSerial], test_pool: str, qtbot: QtBot) -> None:
    app, name, shell = guest
    # Reading the drive makes the kernel look at the media; the size then says what is in it.
    media = ("dd if=/dev/sr0 of=/dev/null bs=2048 count=1 2>/dev/null && "
             "cat /sys/block/sr0/size || echo no-medium")
    assert shell.run(media) == "no-medium"  # an empty drive
    with connection() as conn:
        pool = conn.storagePoolLookupByName(test_pool)
        volume = pool.createXML("<volume><name>kvmgui-test.iso</name>"
                                "<capacity unit='MiB'>1</capacity>"
                                "<target><format type='raw'/></target></volume>", 0)
        path = volume.path()
    app.model.connection(URI).refresh()  # type: ignore[union-attr]
    page = open_page(qtbot, app, name)
    row = next(r for r in page.devices.device_rows() if r.kind is K.CDROM)
    page.select(row.key)
    dialog = page.insert_media()
    assert isinstance(dialog, InsertMediaDialog)
    dialog.volume.setCurrentIndex(0)
    dialog.path_edit.setText(path)
    dialog.accept()
    assert "media changes in the running guest now" in accept_change(qtbot, page)
    with connection() as conn:
        live = Domain.from_xml(conn.lookupByName(name).XMLDesc(0))
        assert [d.source_file for d in live.disks if d.device == "cdrom"] == [path]
    qtbot.waitUntil(lambda: shell.run(media) == "2048", timeout=ANSWER_MS)  # 1 MiB

    page.select(row.key)
    assert page.eject_button.isEnabled()
    page.eject_media()
    accept_change(qtbot, page)
    with connection() as conn:
        live = Domain.from_xml(conn.lookupByName(name).XMLDesc(0))
        assert [d.source_file for d in live.disks if d.device == "cdrom"] == [None]
    qtbot.waitUntil(lambda: shell.run(media) == "no-medium", timeout=ANSWER_MS)


def test_a_refused_hotplug_says_why_and_changes_nothing(
        guest: tuple[Application, str, GuestSerial], qtbot: QtBot) -> None:
    app, name, _shell = guest
    before = xmls(name)
    page = open_page(qtbot, app, name)
    dialog = page.add_hardware()
    assert dialog is not None
    form = dialog.select_kind(K.DISK)
    assert isinstance(form, DriveForm)
    form.mode.setCurrentIndex(form.mode.findData(PATH))
    form.path.setText("/var/lib/kvmgui-test/no-such-disk.img")
    dialog.add_button.click()
    accept_change(qtbot, page, applied=False)
    box = open_dialog(page, QMessageBox)
    assert "libvirt refused the change; nothing was changed." in box.text()
    assert "no-such-disk.img" in box.text()  # libvirt's own words say which file
    box.close()
    assert xmls(name) == before

    # A sound card cannot be plugged in: it waits for the next boot, and the dialog says why.
    dialog = page.add_hardware()
    assert dialog is not None
    dialog.select_kind(K.SOUND)
    assert not dialog.now.isEnabled()
    assert "A sound card cannot be plugged into or out of a running guest." in \
        dialog.when.text()
    dialog.reject()
