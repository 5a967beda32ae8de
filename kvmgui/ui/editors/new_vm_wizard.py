"""The new-VM wizard: name and OS, installation source, resources and storage, network.

Finish defines the guest (creating its new volume first) on the connection's worker, or,
with "Customize configuration before creating", hands the unsaved definition to the domain
editor (``customizeRequested``).  A guest that is to start on a network that is not running
starts that network first.  A libvirt error is shown on the last page; nothing is left
behind (the define job deletes a volume it created when the define fails).
"""

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from kvmgui.logic.guest_types import (
    choose_target,
    domain_type_problems,
    offered_domain_types,
    preferred_domain_type,
)
from kvmgui.logic.new_vm_plan import (
    GuestTarget,
    NewVmPlan,
    build_domain,
    new_volume,
    plan_problems,
)
from kvmgui.logic.osinfo import OsDatabase
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.editor_dialog import while_alive
from kvmgui.ui.editors.new_vm_detection import IsoDetection
from kvmgui.ui.editors.new_vm_finish_page import FinishPage
from kvmgui.ui.editors.new_vm_hardware_pages import ResourcesPage
from kvmgui.ui.editors.new_vm_install_page import InstallPage
from kvmgui.ui.editors.new_vm_pages import OsPage, PlanPage
from kvmgui.ui.errors import show_warning
from kvmgui.virt.actions import bind, network_start
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import (
    DefineResult,
    DomainChange,
    NewVolumeRequest,
    define_domain,
)
from kvmgui.virt.errors import error_text
from kvmgui.xml import Problem


class NewVmWizard(QWizard):
    """Signals:
        created(str): the new domain's UUID, once libvirt defined it.
        customizeRequested(str, object, bool): XML of the unsaved definition, the
            ``NewVolumeRequest`` tuple its new disk needs, and whether to start it.
    """

    created = Signal(str)
    customizeRequested = Signal(str, object, bool)

    def __init__(self, conn: Connection, context: EditorContext, database: OsDatabase,
                 target: GuestTarget, parent: QWidget | None = None, *,
                 domain_types: Sequence[str] = ()) -> None:
        """``target``: the guest's architecture and a domain type; ``domain_types``: what the
        host offers for that architecture (by default read from the context's capabilities).
        The user chooses among them; kvm is preselected only where this machine can run it."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Virtual Machine"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.conn = conn
        self.context = context
        offered = list(domain_types) or offered_domain_types(
            context.capabilities_xml, target.arch, os_type=target.os_type)
        if target.domain_type in offered:
            target = dataclasses.replace(target, domain_type=preferred_domain_type(
                offered, context.hardware_virt) or target.domain_type)
        self.target = target
        self._busy = False
        self.os_page = OsPage(context, database, self)
        self.install_page = InstallPage(context, self)
        self.resources_page = ResourcesPage(context, target, offered or [target.domain_type],
                                            self)
        self.finish_page = FinishPage(context, self)
        self.detection = IsoDetection(conn, context, self.os_page, self.install_page,
                                      target.arch)
        self.pages: list[PlanPage] = [self.os_page, self.install_page, self.resources_page,
                                      self.finish_page]
        for page in self.pages:
            self.addPage(page)
            page.changed.connect(self.check)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Create"))
        self.resize(680, 600)
        self.check()

    @staticmethod
    def default_target(context: EditorContext) -> GuestTarget:
        """The guest type the context's host suggests (see ``choose_target``)."""
        driver = context.host.driver if context.host is not None else ""
        return choose_target(driver, context.capabilities_xml,
                             hardware_virt=context.hardware_virt)

    def plan(self) -> NewVmPlan:
        """The answers so far (pages not yet shown give their defaults)."""
        plan = NewVmPlan(name="", memory_mib=1024, vcpus=1, target=self.target,
                         existing_names=self.context.domain_names())
        for page in self.pages:
            page.apply_to(plan)
        return plan

    def problems(self, plan: NewVmPlan) -> list[Problem]:
        problems = plan_problems(plan)
        if not any(p.severity == "error" for p in problems):
            domain = build_domain(plan)
            problems += [p for p in domain.validate(self.context.host_memory_kib)
                         if p.severity == "warning"]
            problems += domain_type_problems(domain, self.context.capabilities_xml,
                                             hardware_virt=self.context.hardware_virt)
        return problems

    def check(self) -> None:
        plan = self.plan()
        problems = self.problems(plan)
        for page in self.pages:
            page.show_problems([p for p in problems if page.owns(p.field, plan)])
        self.finish_page.show_summary(plan)

    # ---- finishing ------------------------------------------------------------------------

    def accept(self) -> None:
        if self._busy:
            return
        plan = self.plan()
        if any(p.severity == "error" for p in self.problems(plan)):
            self.check()
            return
        xml = build_domain(plan).to_xml()
        volume = new_volume(plan)
        requests = (NewVolumeRequest(plan.disk_pool, volume.to_xml()),) if volume else ()
        start = self.finish_page.start.isChecked()
        if self.finish_page.customize.isChecked():
            self.customizeRequested.emit(xml, requests, start)
            super().accept()
            return
        self._busy = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        change = DomainChange(xml=xml, new_volumes=requests, start=start)
        network = self.finish_page.network_to_start()
        if network is None:
            self._define(change)
            return
        self.finish_page.set_status(self.tr("Starting network %s…") % network.name)

        def started(_result: object) -> None:
            self.conn.refresh_object("network", network.uuid)
            self._define(change)

        def not_started(exc: Exception) -> None:
            self._failed_with(self.tr("libvirt could not start network %s; nothing was "
                                      "created:\n%s") % (network.name, error_text(exc)))

        self.conn.run(bind(network_start, network.uuid), while_alive(self, started),
                      while_alive(self, not_started))

    def _define(self, change: DomainChange) -> None:
        self.finish_page.set_status(self.tr("Creating…"))
        self.conn.run(define_domain(change), while_alive(self, self._created),
                      while_alive(self, self._failed))

    def reject(self) -> None:
        if not self._busy:  # while libvirt creates the guest, its answer must find us
            super().reject()

    def _created(self, result: DefineResult) -> None:
        self._busy = False
        self.conn.refresh_object("domain", result.uuid)
        pool = self.context.pool(self.plan().disk_pool)
        if result.created_volumes and pool is not None:
            self.conn.refresh_object("pool", pool.uuid)
        self.created.emit(result.uuid)
        if result.warning:
            show_warning(self.parentWidget(), self.windowTitle(),
                         self.tr("The virtual machine was created, but it did not start:\n%s")
                         % result.warning)
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self._failed_with(self.tr("libvirt refused to create the virtual machine; nothing was "
                                  "created:\n%s") % error_text(exc))

    def _failed_with(self, text: str) -> None:
        self._busy = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.finish_page.set_status(text)
