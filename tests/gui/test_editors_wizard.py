"""The new-VM wizard on test:///default: a guest with a new volume, customize-before-create,
refused answers, and a failed define that leaves nothing behind."""

import libvirt
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from editors_helpers import (  # noqa: F401 (fixtures)
    TIMEOUT_MS,
    EditorsApp,
    apply_editor,
    default_editors_fixture,
    inactive_xml,
    open_wizard,
)

from kvmgui.logic.new_vm_plan import LIBOSINFO_NS
from kvmgui.ui.editors.domain_editor import DomainEditor
from kvmgui.ui.editors.new_vm_wizard import NewVmWizard

POOL = "default-pool"


def fill_in(qtbot: QtBot, wizard: NewVmWizard, name: str, *, memory_mib: int = 512) -> None:
    """Debian 11 from a typed ISO path, a new 1 GiB qcow2 disk, the default network."""
    page = wizard.os_page
    page.search.setText("debian 11")
    assert page.selected_os().short_id == "debian11"
    page.name.clear()
    qtbot.keyClicks(page.name, name)
    wizard.next()
    install = wizard.install_page
    assert install.iso_button.isChecked()
    install.iso.setEditText("/isos/debian-11.iso")
    wizard.next()
    resources = wizard.resources_page
    assert resources.memory.value() == 1024  # debian 11's recommendation
    resources.memory.setValue(memory_mib)
    resources.pool.setCurrentIndex(resources.pool.findData(POOL))
    resources.size_spin.setValue(1)
    wizard.next()
    finish = wizard.finish_page
    assert finish.source.currentText() == "default"
    finish.start.setChecked(False)
    assert "debian-11.iso" in finish.summary.text()


def test_wizard_creates_guest_with_new_volume(default_editors: EditorsApp,
                                              default_conn: libvirt.virConnect,
                                              qtbot: QtBot) -> None:
    name = "kvmgui-test-wizard"
    wizard = open_wizard(default_editors)
    fill_in(qtbot, wizard, name)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled()
    with qtbot.waitSignal(wizard.created, timeout=TIMEOUT_MS) as created:
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    domain = default_conn.lookupByName(name)
    assert created.args == [domain.UUIDString()]
    assert not domain.isActive()
    root = etree.fromstring(inactive_xml(default_conn, name))
    assert root.get("type") == "test"  # the test driver runs nothing else
    assert root.findtext("memory") == str(512 * 1024)
    assert [b.get("dev") for b in root.findall("os/boot")] == ["cdrom", "hd"]
    os_id = root.find(f"metadata/{{{LIBOSINFO_NS}}}libosinfo/{{{LIBOSINFO_NS}}}os")
    assert os_id is not None and os_id.get("id") == "http://debian.org/debian/11"
    volume = default_conn.storagePoolLookupByName(POOL).storageVolLookupByName(f"{name}.qcow2")
    assert volume.info()[1] == 1024**3
    disks = root.findall("devices/disk")
    assert [(d.get("device"), d.get("type")) for d in disks] == [("disk", "file"),
                                                                 ("cdrom", "file")]
    assert disks[0].find("source").get("file") == volume.path()
    assert disks[1].find("source").get("file") == "/isos/debian-11.iso"
    assert root.find("devices/interface/source").get("network") == "default"
    default_editors.select(name)  # the new guest shows up in the tree


def test_customize_opens_the_domain_editor_on_the_unsaved_definition(
        default_editors: EditorsApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    name = "kvmgui-test-custom"
    wizard = open_wizard(default_editors)
    fill_in(qtbot, wizard, name)
    wizard.finish_page.customize.setChecked(True)
    editor = default_editors.open(lambda: qtbot.mouseClick(
        wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton))
    assert isinstance(editor, DomainEditor)
    assert editor.original is None and editor.apply_button.text() == "Create"
    assert name not in [d.name() for d in default_conn.listAllDomains(0)]  # not yet defined
    editor.cpu_tab.maximum.setValue(2)
    diff = apply_editor(qtbot, editor)
    assert diff.startswith("--- (nothing)")
    root = etree.fromstring(inactive_xml(default_conn, name))
    assert root.findtext("vcpu") == "2"
    pool = default_conn.storagePoolLookupByName(POOL)
    assert f"{name}.qcow2" in pool.listVolumes()


def test_taken_name_keeps_the_first_page_incomplete(default_editors: EditorsApp,
                                                     qtbot: QtBot) -> None:
    wizard = open_wizard(default_editors)
    page = wizard.os_page
    page.name.clear()
    qtbot.keyClicks(page.name, "test")  # test:///default's own domain
    assert not page.isComplete()
    assert "already exists" in page.problem_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.name.clear()
    qtbot.keyClicks(page.name, "kvmgui-test-free")
    assert page.isComplete()


def test_refused_define_shows_libvirt_error_and_removes_the_new_volume(
        default_editors: EditorsApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    name = "kvmgui-test-race"
    wizard = open_wizard(default_editors)
    fill_in(qtbot, wizard, name)
    # Another client takes the name after the wizard checked it.
    default_conn.defineXML(f"<domain type='test'><name>{name}</name><memory>65536</memory>"
                           "<os><type>hvm</type></os></domain>")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    status = wizard.finish_page.status
    qtbot.waitUntil(lambda: "nothing was created" in status.text(), timeout=TIMEOUT_MS)
    assert name in status.text() and "already" in status.text()  # libvirt's message
    assert wizard.isVisible()
    pool = default_conn.storagePoolLookupByName(POOL)
    assert f"{name}.qcow2" not in pool.listVolumes()
