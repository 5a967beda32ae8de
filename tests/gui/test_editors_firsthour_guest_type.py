"""Issue 14 item 2: the user sees and chooses the guest's domain type (kvm, qemu, ...) in the
new-VM wizard and in the domain editor; kvm is not preselected where it cannot run.

The real-daemon test (tests/integration/test_editors_live.py) checks the choice against
what a real libvirtd offers; here the wizard and editor run on the test driver."""

import dataclasses

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from editors_helpers import (  # noqa: F401 (fixtures)
    EditorsApp,
    default_editors_fixture,
    demo_editors_fixture,
    open_wizard,
)

from kvmgui.core.snapshots import HwVirt
from kvmgui.logic.guest_types import choose_target
from kvmgui.logic.osinfo import OsDatabase
from kvmgui.ui.editors.domain_editor import DomainEditor
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.new_vm_wizard import NewVmWizard

# What libvirtd reports on a machine with /dev/kvm but no vmx/svm in its CPU flags.
KVM_CAPS = """<capabilities>
  <host><cpu><arch>x86_64</arch></cpu></host>
  <guest><os_type>hvm</os_type><arch name='x86_64'><domain type='qemu'/><domain type='kvm'/>
  </arch></guest>
</capabilities>"""
NO_VMX = HwVirt(cpu_flag="", kvm_device=True, kvm_accessible=True)


def test_wizard_shows_the_test_drivers_type_and_puts_it_in_the_summary(
        default_editors: EditorsApp) -> None:
    wizard = open_wizard(default_editors)
    combo = wizard.resources_page.domain_type
    assert [combo.itemData(i) for i in range(combo.count())] == ["test"]
    assert wizard.plan().target.domain_type == "test"


def test_wizard_on_a_host_without_hardware_virtualization_chooses_qemu(
        default_editors: EditorsApp, qtbot: QtBot) -> None:
    context = EditorContext.of(default_editors.app.model, default_editors.uri)
    assert context.host is not None
    context = dataclasses.replace(context, host=dataclasses.replace(
        context.host, capabilities_xml=KVM_CAPS, hw_virt=NO_VMX))
    target = choose_target("QEMU", KVM_CAPS)  # what libvirt's offer alone would pick
    assert target.domain_type == "kvm"
    # the types offered come from the context's capabilities; this CPU's check picks qemu
    wizard = NewVmWizard(default_editors.conn, context, OsDatabase([]), target)
    qtbot.addWidget(wizard)
    wizard.os_page.name.setText("kvmgui-test-tcg")
    wizard.install_page.iso.setEditText("/isos/installer.iso")
    wizard.show()
    wizard.next()
    wizard.next()
    page = wizard.resources_page
    assert wizard.currentPage() is page
    assert [page.domain_type.itemData(i) for i in range(page.domain_type.count())] == [
        "kvm", "qemu"]
    assert page.domain_type.currentData() == "qemu"
    assert "vmx/svm" in page.domain_type_note.text()
    page.domain_type.setCurrentIndex(page.domain_type.findData("kvm"))  # the user insists
    plan = wizard.plan()
    assert plan.target.domain_type == "kvm"
    warnings = [p for p in wizard.problems(plan) if p.field == "type"]
    assert warnings and warnings[0].severity == "warning"
    wizard.next()
    assert wizard.currentPage() is wizard.finish_page
    assert "kvm · x86_64" in wizard.finish_page.summary.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()  # a warning only


def test_domain_editor_overview_chooses_the_type(demo_editors: EditorsApp) -> None:
    demo_editors.select("web01")
    editor = demo_editors.open(demo_editors.feature.edit_current)
    assert isinstance(editor, DomainEditor)
    overview = editor.overview_tab
    combo = overview.domain_type
    assert combo.currentData() == "test"
    assert not [p for p in editor.problems_list if p.field == "type"]
    text = editor.document.to_xml().replace("<domain type=\"test\"", "<domain type=\"kvm\"", 1)
    text = text.replace("<domain type='test'", "<domain type='kvm'", 1)
    editor.reload_from(text)
    assert combo.currentData() == "kvm"
    assert "not offered" in combo.currentText()
    assert [p.severity for p in editor.problems_list if p.field == "type"] == ["warning"]
    combo.setCurrentIndex(combo.findData("test"))
    assert editor.document.type == "test"
    assert not [p for p in editor.problems_list if p.field == "type"]
