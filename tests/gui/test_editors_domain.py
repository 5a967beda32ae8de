"""The domain editor: edits reach libvirt, problems block or warn, the XML tab follows the
form (and back), libvirt's errors and other clients' changes are shown, nothing is lost."""

import libvirt
from lxml import etree
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from editors_helpers import (  # noqa: F401 (fixtures)
    EditorsApp,
    apply_editor,
    default_editors_fixture,
    demo_editors_fixture,
    diff_dialog,
    inactive_xml,
)

from kvmgui.ui.editors.domain_add_disk import AddDiskDialog
from kvmgui.ui.editors.domain_editor import DomainEditor

GUEST = """<domain type='test'>
  <name>{name}</name>
  <memory unit='KiB'>65536</memory>
  <vcpu>1</vcpu>
  <os><type>hvm</type><boot dev='hd'/></os>
  <devices>
    <interface type='network'><source network='default'/></interface>
  </devices>
</domain>"""


def domain_root(editors: EditorsApp, name: str) -> etree._Element:
    xml = editors.run(lambda c: c.lookupByName(name).XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
    return etree.fromstring(xml)


def test_memory_edit_is_defined(demo_editors: EditorsApp,
                                qtbot: QtBot) -> None:
    editor = demo_editors.edit("web01")
    assert isinstance(editor, DomainEditor)
    assert "running" in editor.notice.text()
    editor.tabs.setCurrentWidget(editor.memory_tab)
    assert editor.memory_tab.host.text() == "32 GiB"
    editor.memory_tab.maximum.setValue(3072)
    diff = apply_editor(qtbot, editor)
    assert any(line.startswith("+") and "3145728" in line for line in diff.splitlines())
    assert any(line.startswith("-") and "2097152" in line for line in diff.splitlines())
    root = domain_root(demo_editors, "web01")
    assert root.findtext("memory") == "3145728"
    assert root.findtext("currentMemory") == "3145728"  # followed the maximum
    assert root.findtext("title") == "Web front end 1"  # untouched fields stay


def test_nic_portgroup_change_is_defined(demo_editors: EditorsApp, qtbot: QtBot) -> None:
    editor = demo_editors.edit("web01")
    tab = editor.nics_tab
    editor.tabs.setCurrentWidget(tab)
    tab.table.selectRow(1)
    assert tab.network.currentText() == "ovs-trunk"
    assert tab.portgroup.currentData() == "vlan10"
    tab.portgroup.setCurrentIndex(tab.portgroup.findData("vlan20"))
    assert 'portgroup="vlan20"' in editor.xml_tab.text()
    apply_editor(qtbot, editor)
    sources = domain_root(demo_editors, "web01").findall("devices/interface/source")
    assert [s.get("portgroup") for s in sources] == [None, "vlan20"]
    assert [s.get("network") for s in sources] == ["default", "ovs-trunk"]


def test_errors_block_apply_and_warnings_are_asked(demo_editors: EditorsApp,
                                                   qtbot: QtBot) -> None:
    editor = demo_editors.edit("web01")
    tab = editor.nics_tab
    tab.table.selectRow(0)
    tab.mac.clear()
    qtbot.keyClicks(tab.mac, "52:54:zz")
    assert not editor.apply_button.isEnabled()
    assert any(m.startswith("Network") and "MAC address" in m for m in editor.problems.messages())
    tab.mac.clear()
    qtbot.keyClicks(tab.mac, "52:54:00:01:00:09")
    assert editor.apply_button.isEnabled()
    editor.memory_tab.maximum.setValue(64 * 1024)  # the demo host has 32 GiB
    assert editor.warnings() and editor.apply_button.isEnabled()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    review = diff_dialog(qtbot, editor)
    warnings = [review.warnings.item(i).text() for i in range(review.warnings.count())]
    assert any("more than the host has" in w for w in warnings)
    review.reject()
    assert domain_root(demo_editors, "web01").findtext("memory") == "2097152"


def test_vlan_note_marks_tags_this_libvirt_would_not_apply(demo_editors: EditorsApp,
                                                           qtbot: QtBot) -> None:
    editor = demo_editors.edit("web02")  # on lan-vlan10, a Linux bridge
    tab = editor.nics_tab
    editor.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    assert tab.vlan_note.isHidden()
    qtbot.keyClicks(tab.vlan, "10")
    assert "Linux bridges only from 11.0" in tab.vlan_note.text()
    assert not tab.vlan_note.isHidden()
    assert editor.apply_button.isEnabled()  # a warning: libvirt accepts the definition
    ovs_editor = demo_editors.edit("web01")
    ovs_editor.nics_tab.table.selectRow(1)
    qtbot.keyClicks(ovs_editor.nics_tab.vlan, "30")
    assert ovs_editor.nics_tab.vlan_note.text() == ""  # Open vSwitch applies VLANs


def test_xml_tab_and_form_follow_each_other(demo_editors: EditorsApp, qtbot: QtBot) -> None:
    editor = demo_editors.edit("db01")
    editor.memory_tab.maximum.setValue(1024)
    assert '<memory unit="KiB">1048576</memory>' in editor.xml_tab.text()
    editor.tabs.setCurrentWidget(editor.xml_tab)
    first_line = editor.xml_tab.editor.document().firstBlock()
    coloured = {(f.start, f.length) for f in first_line.layout().formats()}
    assert (0, len("<domain")) in coloured  # the tag is highlighted
    edited = editor.xml_tab.text().replace(">1048576</memory>", ">2097152</memory>")
    editor.xml_tab.editor.setPlainText(edited)
    qtbot.waitUntil(lambda: editor.memory_tab.maximum.value() == 2048)
    editor.xml_tab.editor.setPlainText("<domain><name>db01</name")
    qtbot.waitUntil(lambda: not editor.xml_tab.status.isHidden())
    assert "does not parse" in editor.xml_tab.status.text()
    assert not editor.apply_button.isEnabled()
    assert not editor.memory_tab.isEnabled()


def test_boot_order_and_autostart(demo_editors: EditorsApp, qtbot: QtBot) -> None:
    editor = demo_editors.edit("web02")
    tab = editor.boot_tab
    labels = [tab.order.item(i).text() for i in range(tab.order.count())]
    cdrom = labels.index("CD/DVD-ROM")
    tab.order.item(cdrom).setCheckState(Qt.CheckState.Checked)
    tab.order.setCurrentRow(cdrom)
    for _ in range(cdrom):
        qtbot.mouseClick(tab.up, Qt.MouseButton.LeftButton)
    tab.autostart.setChecked(True)
    apply_editor(qtbot, editor)
    root = domain_root(demo_editors, "web02")
    assert [b.get("dev") for b in root.findall("os/boot")] == ["cdrom", "hd"]
    assert demo_editors.run(lambda c: c.lookupByName("web02").autostart()) == 1


def test_external_change_is_refused_shown_and_reloadable(
        default_editors: EditorsApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    name = "kvmgui-test-conflict"
    default_conn.defineXML(GUEST.format(name=name))
    editor = default_editors.edit(name)
    editor.memory_tab.maximum.setValue(256)
    changed = inactive_xml(default_conn, name).replace(
        "</name>", "</name>\n  <description>changed elsewhere</description>", 1)
    default_conn.defineXML(changed)  # another program, while the editor is open

    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(diff_dialog(qtbot, editor).accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: diff_dialog(qtbot, editor).accept_button.text() == "Reload")
    conflict = diff_dialog(qtbot, editor)
    assert "+  <description>changed elsewhere</description>" in conflict.text.toPlainText()
    assert "another client" in editor.status.text()
    root = etree.fromstring(inactive_xml(default_conn, name))
    assert root.findtext("memory") == "65536" and root.findtext("description")

    qtbot.mouseClick(conflict.accept_button, Qt.MouseButton.LeftButton)  # Reload
    assert editor.document.description == "changed elsewhere"
    assert editor.overview_tab.description.toPlainText() == "changed elsewhere"
    assert editor.memory_tab.maximum.value() == 64
    editor.memory_tab.maximum.setValue(256)
    apply_editor(qtbot, editor)
    root = etree.fromstring(inactive_xml(default_conn, name))
    assert root.findtext("memory") == "262144"
    assert root.findtext("description") == "changed elsewhere"


def test_libvirt_error_is_shown_and_nothing_changes(
        default_editors: EditorsApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    name = "kvmgui-test-refused"
    default_conn.defineXML(GUEST.format(name=name))
    before = inactive_xml(default_conn, name)
    editor = default_editors.edit(name)
    editor.tabs.setCurrentWidget(editor.xml_tab)
    text = editor.xml_tab.text().replace("<devices>", "<devices>\n    <bogus/>", 1)
    editor.xml_tab.editor.setPlainText(text)
    qtbot.waitUntil(lambda: "<bogus/>" in editor.document.to_xml())
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(diff_dialog(qtbot, editor).accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "nothing was changed" in editor.status.text(), timeout=10000)
    assert "schema" in editor.status.text()  # libvirt's own message (VALIDATE flag)
    assert editor.isVisible() and editor.apply_button.isEnabled()
    assert inactive_xml(default_conn, name) == before


def test_add_disk_with_new_volume_creates_it_first(
        default_editors: EditorsApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    name = "kvmgui-test-disk"
    default_conn.defineXML(GUEST.format(name=name))
    editor = default_editors.edit(name)
    tab = editor.disks_tab
    editor.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(tab.findChildren(AddDiskDialog)))
    dialog = tab.findChildren(AddDiskDialog)[-1]
    dialog.use_new.setChecked(True)
    dialog.pool.setCurrentIndex(dialog.pool.findData("default-pool"))
    dialog.size_spin.setValue(1)
    assert dialog.new_name.text() == f"{name}-vda.qcow2"
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 1 and "(new)" in tab.table.item(0, 3).text()
    apply_editor(qtbot, editor)
    volume = default_conn.storagePoolLookupByName("default-pool").storageVolLookupByName(
        f"{name}-vda.qcow2")
    assert volume.info()[1] == 1024**3
    disk = etree.fromstring(inactive_xml(default_conn, name)).find("devices/disk")
    assert disk is not None and disk.get("type") == "file"
    assert disk.find("source").get("file") == volume.path()
    assert disk.find("driver").get("type") == "qcow2"
