"""Editors leave values that do not parse alone unless the user edits them (issue 16.5).

libvirt's test driver refuses every definition below ("unknown suffix 'bogus'", "must be yes
or no", ...), so the editors are opened on the XML directly, as they are on what a host
returns: the path from the document through the form tabs and back to the XML to apply.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from editors_helpers import (  # noqa: F401 (fixtures)
    EditorsApp,
    demo_editors_fixture,
)

from kvmgui.ui.editors.diff_dialog import DiffDialog
from kvmgui.ui.editors.domain_editor import DomainEditor
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.editor_dialog import EditorDialog
from kvmgui.ui.editors.network_editor import NetworkEditor
from kvmgui.xml import xml_diff

UUID = "0bad0bad-0000-4000-8000-000000000016"

BROKEN_MEMORY = f"""<domain type='test'>
  <name>kvmgui-test-unparseable</name>
  <uuid>{UUID}</uuid>
  <memory unit='bogus'>1024</memory>
  <currentMemory unit='KiB'>65536</currentMemory>
  <vcpu current='all'>two</vcpu>
  <os><type>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/var/lib/libvirt/images/u.img'/><target dev='vda' bus='virtio'/>
      <boot order='first'/>
    </disk>
    <graphics type='vnc' port='auto' autoport='maybe'/>
  </devices>
</domain>"""

# Only values no rule of ours calls an error: Apply goes as far as comparing.
QUIET_DOMAIN = f"""<domain type='test'>
  <name>kvmgui-test-unparseable</name>
  <uuid>{UUID}</uuid>
  <memory unit='KiB'>65536</memory>
  <vcpu current='all'>1</vcpu>
  <os><type>hvm</type></os>
  <devices>
    <graphics type='vnc' port='auto' autoport='maybe'/>
    <memballoon model='virtio' autodeflate='maybe'><stats period='often'/></memballoon>
  </devices>
</domain>"""

NAT_NETWORK = f"""<network>
  <name>kvmgui-test-unparseable</name>
  <uuid>{UUID}</uuid>
  <forward mode='nat'/>
  <bridge name='virbr16' stp='maybe' delay='soon'/>
  <ip address='192.168.216.1' prefix='24'/>
  <portgroup name='a' default='si'/>
  <portgroup name='b'/>
</network>"""

OVS_NETWORK = f"""<network>
  <name>kvmgui-test-unparseable</name>
  <uuid>{UUID}</uuid>
  <forward mode='bridge'/>
  <bridge name='ovsbr16'/>
  <virtualport type='openvswitch'/>
  <portgroup name='trunk' default='si'>
    <vlan trunk='maybe'><tag id='10'/><tag id='20'/></vlan>
  </portgroup>
</network>"""


def context(editors: EditorsApp) -> EditorContext:
    return EditorContext.of(editors.app.model, editors.uri)


def open_domain(editors: EditorsApp, xml: str) -> DomainEditor:
    editor = DomainEditor(editors.conn, context(editors), xml, uuid=UUID,
                          parent=editors.app.window)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.show()
    return editor


def open_network(editors: EditorsApp, xml: str) -> NetworkEditor:
    editor = NetworkEditor(editors.conn, context(editors), xml, uuid=UUID,
                           parent=editors.app.window)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.show()
    return editor


def visit_every_tab(editor: QDialog) -> None:
    assert isinstance(editor, EditorDialog)
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
    editor.tabs.setCurrentIndex(0)


def review_dialogs(editor: QDialog) -> list[DiffDialog]:
    return [d for d in editor.findChildren(DiffDialog) if d.isVisible()]


def test_untouched_unknown_unit_stays_and_is_named(demo_editors: EditorsApp,
                                                   qtbot: QtBot) -> None:
    editor = open_domain(demo_editors, BROKEN_MEMORY)
    visit_every_tab(editor)
    assert xml_diff(BROKEN_MEMORY, editor.document.to_xml()) == ""
    assert xml_diff(BROKEN_MEMORY, editor.xml_tab.text()) == ""
    assert any("unknown unit 'bogus'" in p.message for p in editor.errors())

    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert review_dialogs(editor) == []  # errors first: nothing is offered to apply
    assert any("unknown unit 'bogus'" in m for m in editor.problems.messages())
    assert xml_diff(BROKEN_MEMORY, editor.document.to_xml()) == ""
    editor.close()


def test_a_real_value_typed_by_the_user_replaces_the_unknown_unit(
        demo_editors: EditorsApp) -> None:
    editor = open_domain(demo_editors, BROKEN_MEMORY)
    editor.tabs.setCurrentWidget(editor.memory_tab)
    editor.memory_tab.maximum.setValue(128)
    memory = editor.document.element.find("memory")
    assert memory is not None
    assert (memory.text, memory.get("unit")) == ("131072", "KiB")
    assert not any(p.field == "memory" for p in editor.errors())
    # Only the memory lines change: the fields the user did not touch keep their text.
    diff = xml_diff(BROKEN_MEMORY, editor.document.to_xml()).splitlines()[2:]
    changed = [line for line in diff if line.startswith(("+", "-"))]
    assert changed and all("emory" in line for line in changed), changed
    editor.close()


def test_domain_with_untouched_unparseable_values_has_nothing_to_apply(
        demo_editors: EditorsApp, qtbot: QtBot) -> None:
    editor = open_domain(demo_editors, QUIET_DOMAIN)
    visit_every_tab(editor)
    assert editor.errors() == []
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert review_dialogs(editor) == []
    assert editor.status.text() == editor.tr("Nothing to apply: the definition is unchanged.")
    assert xml_diff(QUIET_DOMAIN, editor.document.to_xml()) == ""
    editor.close()


def test_networks_with_untouched_unparseable_values_have_nothing_to_apply(
        demo_editors: EditorsApp, qtbot: QtBot) -> None:
    for xml in (NAT_NETWORK, OVS_NETWORK):
        editor = open_network(demo_editors, xml)
        visit_every_tab(editor)
        assert editor.errors() == [], xml
        qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
        assert review_dialogs(editor) == []
        assert editor.status.text() == editor.tr(
            "Nothing to apply: the definition is unchanged.")
        assert xml_diff(xml, editor.document.to_xml()) == ""
        editor.close()


def test_leaving_nat_clears_stp_and_delay_that_do_not_parse(demo_editors: EditorsApp) -> None:
    editor = open_network(demo_editors, NAT_NETWORK)
    mode = editor.general.mode
    mode.setCurrentIndex(mode.findData("bridge-host"))
    bridge = editor.document.element.find("bridge")
    assert bridge is not None
    assert "stp" not in bridge.attrib and "delay" not in bridge.attrib
    assert not any(p.field == "bridge" for p in editor.errors())
    editor.close()


def test_another_default_portgroup_clears_a_default_that_does_not_parse(
        demo_editors: EditorsApp) -> None:
    editor = open_network(demo_editors, NAT_NETWORK)
    editor.tabs.setCurrentWidget(editor.ports)
    editor.ports.portgroups.item(1, 1).setCheckState(Qt.CheckState.Checked)
    defaults = [pg.get("default") for pg in editor.document.element.iter("portgroup")]
    assert defaults == [None, "yes"]
    editor.close()


def test_clearing_a_portgroup_vlan_field_removes_a_vlan_without_ids(
        demo_editors: EditorsApp) -> None:
    xml = OVS_NETWORK.replace("<tag id='10'/><tag id='20'/>", "")
    editor = open_network(demo_editors, xml)
    assert [p.field for p in editor.errors()] == ["portgroup[0].vlan"]  # no VLAN id in it
    editor.tabs.setCurrentWidget(editor.ports)
    editor.ports.portgroups.item(0, 2).setText("none")  # no number: the field is cleared
    assert editor.document.element.find("portgroup/vlan") is None
    assert editor.errors() == []
    editor.close()


def test_vcpus_at_boot_replace_a_current_count_that_does_not_parse(
        demo_editors: EditorsApp) -> None:
    editor = open_domain(demo_editors, QUIET_DOMAIN)
    cpus = editor.cpu_tab
    editor.tabs.setCurrentWidget(cpus)
    cpus.maximum.setValue(2)
    vcpu = editor.document.element.find("vcpu")
    assert vcpu is not None and vcpu.get("current") == "all"  # not touched yet
    cpus.current.setValue(1)  # the spin box showed 2 (all): a real edit replaces 'all'
    assert vcpu.get("current") == "1"
    cpus.current.setValue(2)  # all at boot again: libvirt's default, no attribute
    assert "current" not in vcpu.attrib and vcpu.text == "2"
    editor.close()
