"""The domain editor: one dialog, a tab per part of the definition, plus the XML tab.

Opened on a defined domain (``uuid`` given: Apply redefines it, conflict-checked) or on an
unsaved definition from the new-VM wizard (``uuid`` None: Create defines it, creating the
volumes its new disks need first).
"""

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from kvmgui.ui.editors.domain_boot_tab import DomainBootTab
from kvmgui.ui.editors.domain_cpu_tab import DomainCpuTab
from kvmgui.ui.editors.domain_disks_tab import DomainDisksTab
from kvmgui.ui.editors.domain_graphics_tab import DomainGraphicsTab
from kvmgui.ui.editors.domain_memory_tab import DomainMemoryTab
from kvmgui.ui.editors.domain_nics_tab import DomainNicsTab
from kvmgui.ui.editors.domain_overview_tab import DomainOverviewTab
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.editor_dialog import EditorDialog, Job, while_alive
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import (
    DefineResult,
    DomainChange,
    NewVolumeRequest,
    define_domain,
    read_cpu_models,
)
from kvmgui.logic.guest_types import domain_type_problems
from kvmgui.logic.vlan_support import nic_vlan_problems
from kvmgui.xml import Domain, Problem


class DomainEditor(EditorDialog[Domain]):
    def __init__(self, conn: Connection, context: EditorContext, xml: str, *,
                 uuid: str | None = None, autostart: bool = False, active: bool = False,
                 new_volumes: Sequence[NewVolumeRequest] = (), start: bool = False,
                 parent: QWidget | None = None) -> None:
        document = Domain.from_xml(xml)
        super().__init__(conn, context, document, Domain,
                         original=xml if uuid is not None else None, title="", parent=parent)
        self.setWindowTitle(self.tr("Edit Virtual Machine %s") % document.name if uuid is not None
                            else self.tr("New Virtual Machine %s") % document.name)
        self.uuid = uuid
        self._autostart_before = autostart
        self._start = start
        self._type_before = document.type
        self.overview_tab = DomainOverviewTab(context.capabilities_xml, self)
        self.cpu_tab = DomainCpuTab(context.host_cpus, self)
        self.memory_tab = DomainMemoryTab(context.host_memory_kib, self)
        self.boot_tab = DomainBootTab(autostart, self)
        self.disks_tab = DomainDisksTab(context, new_volumes, self)
        self.nics_tab = DomainNicsTab(context, self)
        self.graphics_tab = DomainGraphicsTab(self)
        for tab, label in ((self.overview_tab, self.tr("&Overview")),
                           (self.cpu_tab, self.tr("&CPUs")),
                           (self.memory_tab, self.tr("&Memory")),
                           (self.boot_tab, self.tr("&Boot")),
                           (self.disks_tab, self.tr("&Disks")),
                           (self.nics_tab, self.tr("&Network")),
                           (self.graphics_tab, self.tr("Di&splay"))):
            self.add_form_tab(tab, label)
        if active:
            self.set_notice(self.tr("%s is running: changes are saved to its definition and take "
                                    "effect the next time it starts.") % document.name)
        self.finish_setup()
        arch = document.os_arch or "x86_64"
        conn.run(read_cpu_models(arch), while_alive(self.cpu_tab, self.cpu_tab.set_models),
                 lambda _exc: None)

    # ---- EditorDialog ---------------------------------------------------------------------

    def validate_document(self) -> list[Problem]:
        return self.document.validate(self.context.host_memory_kib)

    def extra_problems(self) -> list[Problem]:
        problems = nic_vlan_problems(self.document, self.context.network_xml,
                                     self.context.version)
        # The CPU check is a guess (nested set-ups may hide vmx): only a type the user
        # chooses here is questioned, not one the guest already runs with.
        chosen = self.document.type != self._type_before
        problems += domain_type_problems(
            self.document, self.context.capabilities_xml,
            hardware_virt=self.context.hardware_virt if chosen else None)
        name = self.document.name
        taken = {d.name for d in self.context.domains if d.uuid != self.uuid}
        if name and name in taken:
            problems.append(Problem.error("name", "Another virtual machine is named {name}.",
                                          name=name))
        return problems

    def extra_changes(self) -> list[str]:
        changes = []
        if self.autostart != self._autostart_before:
            changes.append(self.tr("Autostart: on") if self.autostart
                           else self.tr("Autostart: off"))
        for request in self.disks_tab.pending_volumes():
            changes.append(self.tr("New volume in pool %s (created first)") % request.pool)
        if self._start:
            changes.append(self.tr("The virtual machine starts once it is defined."))
        return changes

    @property
    def autostart(self) -> bool:
        return self.boot_tab.autostart.isChecked()

    def make_job(self) -> Job:
        return define_domain(DomainChange(
            xml=self.document.to_xml(), original=self.original, uuid=self.uuid,
            autostart=self.autostart if self.autostart != self._autostart_before or
            self.uuid is None else None,
            new_volumes=self.disks_tab.pending_volumes(), start=self._start))

    def on_applied(self, result: DefineResult) -> None:
        self.uuid = result.uuid
        self.conn.refresh_object("domain", result.uuid)
        for request in self.disks_tab.pending_volumes():
            pool = self.context.pool(request.pool)
            if pool is not None:
                self.conn.refresh_object("pool", pool.uuid)
