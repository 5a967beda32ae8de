"""Issue 14 item 5: the new-VM wizard's gaps on a first try — Browse… for an ISO or disk
image, a volume picker, a manual install without media, an active network preselected (or
started), a portgroup next to the network, and the OS detected from the chosen ISO."""

import dataclasses
import struct
from pathlib import Path

import libvirt
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTreeWidgetItemIterator, QWizard
from pytestqt.qtbot import QtBot
from editors_helpers import (  # noqa: F401 (fixtures)
    TIMEOUT_MS,
    EditorsApp,
    default_editors_fixture,
    demo_editors_fixture,
    inactive_xml,
    open_wizard,
)

from kvmgui.logic.osinfo import cached_os_database
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.new_vm_wizard import NewVmWizard
from kvmgui.ui.editors.volume_picker import VolumePickerDialog

SECTOR = 2048


def write_iso(path: Path, volume_id: str, system_id: str = "LINUX") -> Path:
    """An ISO 9660 image holding only its primary volume descriptor (what detection reads)."""
    descriptor = bytearray(SECTOR)
    descriptor[0:6] = b"\x01CD001"
    descriptor[8:40] = system_id.ljust(32).encode()
    descriptor[40:72] = volume_id.ljust(32).encode()
    descriptor[80:88] = struct.pack("<I", 18) + struct.pack(">I", 18)  # blocks
    descriptor[128:132] = struct.pack("<H", SECTOR) + struct.pack(">H", SECTOR)
    path.write_bytes(bytes(16 * SECTOR) + bytes(descriptor) + bytes(SECTOR))
    return path


def network_boot_without_disk(editors: EditorsApp, name: str) -> NewVmWizard:
    """The wizard on its last page for `name`: PXE install, no disk."""
    wizard = open_wizard(editors)
    wizard.os_page.name.setText(name)
    wizard.next()
    wizard.install_page.pxe_button.setChecked(True)
    wizard.next()
    wizard.resources_page.no_disk.setChecked(True)
    wizard.next()
    return wizard


def click_finish(qtbot: QtBot, wizard: NewVmWizard) -> None:
    """Click Finish and wait until the domain was created."""
    with qtbot.waitSignal(wizard.created, timeout=TIMEOUT_MS):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)


def choose_file(qtbot: QtBot, wizard: NewVmWizard, button: object, path: Path) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    dialogs = [d for d in wizard.findChildren(QFileDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].selectFile(str(path))
    dialogs[0].accept()


def pick_volume(qtbot: QtBot, wizard: NewVmWizard, button: object, name: str) -> list[str]:
    """Pick volume ``name`` in the volume picker; returns the volume names it listed."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    picker = next(d for d in wizard.findChildren(VolumePickerDialog) if d.isVisible())
    listed = []
    iterator = QTreeWidgetItemIterator(picker.tree)
    while iterator.value():
        item = iterator.value()
        if item.parent() is not None:
            listed.append(item.text(0))
            if item.text(0) == name:
                picker.tree.setCurrentItem(item)
        iterator += 1
    assert picker.ok_button.isEnabled()
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    return listed


def test_browse_for_an_iso_detects_its_operating_system(default_editors: EditorsApp,
                                                        qtbot: QtBot, tmp_path: Path) -> None:
    iso = write_iso(tmp_path / "install.iso", "Debian 11.6.0 amd64 n")
    wizard = open_wizard(default_editors)
    assert wizard.os_page.selected_os().short_id == "unknown"
    wizard.next()
    install = wizard.install_page
    choose_file(qtbot, wizard, install.iso_chooser.browse_button, iso)
    assert install.iso.currentText() == str(iso)
    qtbot.waitUntil(lambda: "Debian 11" in install.detection.text(), timeout=TIMEOUT_MS)
    assert wizard.os_page.selected_os().short_id == "debian11"
    assert wizard.plan().os.short_id == "debian11"


def test_an_unknown_iso_is_said_to_be_unknown(default_editors: EditorsApp, qtbot: QtBot,
                                              tmp_path: Path) -> None:
    iso = write_iso(tmp_path / "mystery.iso", "NOTHING KNOWN")
    wizard = open_wizard(default_editors)
    wizard.os_page.search.setText("debian 11")  # the user's own choice stays
    wizard.next()
    install = wizard.install_page
    choose_file(qtbot, wizard, install.iso_chooser.browse_button, iso)
    qtbot.waitUntil(lambda: "not recognised" in install.detection.text(), timeout=TIMEOUT_MS)
    assert wizard.os_page.selected_os().short_id == "debian11"


def test_a_detected_os_does_not_override_the_users_choice_unasked(
        default_editors: EditorsApp, qtbot: QtBot, tmp_path: Path) -> None:
    iso = write_iso(tmp_path / "install.iso", "Debian 11.6.0 amd64 n")
    wizard = open_wizard(default_editors)
    wizard.os_page.search.setText("debian 10")
    wizard.next()
    install = wizard.install_page
    choose_file(qtbot, wizard, install.iso_chooser.browse_button, iso)
    qtbot.waitUntil(lambda: install.use_detected.isVisible(), timeout=TIMEOUT_MS)
    assert wizard.os_page.selected_os().short_id == "debian10"
    qtbot.mouseClick(install.use_detected, Qt.MouseButton.LeftButton)
    assert wizard.os_page.selected_os().short_id == "debian11"
    assert not install.use_detected.isVisible()


def test_remote_connection_picks_volumes_and_says_detection_needs_a_local_file(
        demo_editors: EditorsApp, qtbot: QtBot) -> None:
    context = dataclasses.replace(EditorContext.of(demo_editors.app.model, demo_editors.uri),
                                  uri="qemu+ssh://admin@kvm1.example/system")
    wizard = NewVmWizard(demo_editors.conn, context, cached_os_database(),
                         NewVmWizard.default_target(context))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    install = wizard.install_page
    assert not install.iso_chooser.browse_button.isEnabled()  # no file dialog for remote files
    listed = pick_volume(qtbot, wizard, install.iso_chooser.volume_button, "debian-12.iso")
    assert listed == ["debian-12.iso"]  # only ISO images, only from pools with paths
    assert install.iso.currentText() == "/var/lib/libvirt/images/debian-12.iso"
    assert "local file" in install.detection.text()


def test_existing_disk_from_the_volume_picker(demo_editors: EditorsApp, qtbot: QtBot) -> None:
    wizard = open_wizard(demo_editors)
    wizard.next()
    install = wizard.install_page
    install.import_button.setChecked(True)
    listed = pick_volume(qtbot, wizard, install.disk_chooser.volume_button, "db01-root")
    assert "web01.qcow2" in listed and "debian-12.iso" not in listed
    assert "ceph01-root" not in listed  # an RBD volume has no path a disk could use
    assert install.disk.currentText() == "/dev/vg_guests/db01-root"
    assert wizard.plan().disk_path == "/dev/vg_guests/db01-root"


def test_manual_install_without_media(default_editors: EditorsApp, qtbot: QtBot,
                                      default_conn: libvirt.virConnect) -> None:
    name = "kvmgui-test-manual"
    wizard = open_wizard(default_editors)
    wizard.os_page.name.setText(name)
    wizard.next()
    install = wizard.install_page
    install.manual_button.setChecked(True)
    assert not install.iso.isEnabled() and install.isComplete()
    wizard.next()
    wizard.resources_page.no_disk.setChecked(True)
    wizard.next()
    wizard.finish_page.start.setChecked(False)
    assert "no installation media" in wizard.finish_page.summary.text()
    click_finish(qtbot, wizard)
    root = etree.fromstring(inactive_xml(default_conn, name))
    cdroms = [d for d in root.findall("devices/disk") if d.get("device") == "cdrom"]
    assert len(cdroms) == 1 and cdroms[0].find("source") is None  # an empty drive
    assert [b.get("dev") for b in root.findall("os/boot")] == ["cdrom"]


def test_an_active_network_is_preselected_and_an_inactive_one_is_started(
        demo_editors: EditorsApp, qtbot: QtBot) -> None:
    demo_editors.run(lambda c: c.networkLookupByName("default").destroy())
    qtbot.waitUntil(lambda: not EditorContext.of(demo_editors.app.model, demo_editors.uri)
                    .network("default").active, timeout=TIMEOUT_MS)  # type: ignore[union-attr]
    wizard = network_boot_without_disk(demo_editors, "kvmgui-test-net")
    finish = wizard.finish_page
    assert finish.source.currentData() == "isolated"  # the first active one
    assert not finish.network_note.text()
    finish.source.setCurrentIndex(finish.source.findData("default"))
    assert "(inactive)" in finish.source.currentText()
    assert "will be started" in finish.network_note.text()
    click_finish(qtbot, wizard)
    assert demo_editors.run(lambda c: c.networkLookupByName("default").isActive()) == 1
    assert demo_editors.run(lambda c: c.lookupByName("kvmgui-test-net").isActive()) == 1


def test_portgroup_next_to_the_network(demo_editors: EditorsApp, qtbot: QtBot) -> None:
    wizard = network_boot_without_disk(demo_editors, "kvmgui-test-pg")
    finish = wizard.finish_page
    assert not finish.portgroup.isVisible()  # default has no portgroups
    finish.source.setCurrentIndex(finish.source.findData("ovs-trunk"))
    assert finish.portgroup.isVisible()
    groups = [finish.portgroup.itemData(i) for i in range(finish.portgroup.count())]
    assert groups == ["", "vlan10", "vlan20", "trunk"]
    finish.portgroup.setCurrentIndex(finish.portgroup.findData("vlan20"))
    finish.start.setChecked(False)
    assert "vlan20" in finish.summary.text()
    click_finish(qtbot, wizard)
    xml = demo_editors.run(lambda c: c.lookupByName("kvmgui-test-pg").XMLDesc(0))
    source = etree.fromstring(xml).find("devices/interface/source")
    assert (source.get("network"), source.get("portgroup")) == ("ovs-trunk", "vlan20")
