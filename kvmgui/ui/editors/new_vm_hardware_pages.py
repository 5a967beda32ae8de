"""New-VM wizard, third page: memory, vCPUs, domain type and storage."""

import dataclasses
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kvmgui.logic.guest_types import KVM, GuestTarget
from kvmgui.logic.new_vm_plan import GIB, DiskMode, InstallMethod, NewVmPlan
from kvmgui.ui.editors.domain_memory_tab import mib_spin
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.form_tab import note_label
from kvmgui.ui.editors.guest_type_combo import fill_domain_types, guest_type_combo
from kvmgui.ui.editors.new_vm_pages import PlanPage
from kvmgui.ui.editors.path_chooser import PathChooser
from kvmgui.core.units import format_bytes, format_kib

VOLUME_FORMATS = ("qcow2", "raw")


class ResourcesPage(PlanPage):
    FIELDS = ("memory", "vcpus", "disk", "type")

    def __init__(self, context: EditorContext, target: GuestTarget,
                 domain_types: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Memory, CPUs and storage"))
        self.setSubTitle(self.tr("Filled in from the operating system's recommendations."))
        self._defaults_for = ""  # the OS whose recommendations the fields hold
        self.memory = mib_spin(self)
        self.memory.setMinimum(1)
        self.vcpus = QSpinBox(self)
        self.vcpus.setRange(1, 4096)
        host_memory = context.host_memory_kib
        self.host = QLabel(self.tr("The host has %s of memory and %n logical CPU(s).", "",
                                   context.host_cpus)
                           % (format_kib(host_memory) if host_memory else self.tr("unknown")),
                           self)
        self.host.setEnabled(False)
        self.domain_type = guest_type_combo(self)
        fill_domain_types(self.domain_type, domain_types, target.domain_type)
        self.domain_type_note = note_label(self, self._type_note(domain_types, target))
        self.domain_type_note.setVisible(bool(self.domain_type_note.text()))
        self.storage = QGroupBox(self.tr("Storage"), self)
        self.new_disk = QRadioButton(self.tr("Create a &new disk"), self)
        self.existing_disk = QRadioButton(self.tr("Use an &existing disk image"), self)
        self.no_disk = QRadioButton(self.tr("No &disk"), self)
        self.mode = QButtonGroup(self)
        for button, mode in ((self.new_disk, DiskMode.NEW), (self.existing_disk, DiskMode.EXISTING),
                             (self.no_disk, DiskMode.NONE)):
            self.mode.addButton(button)
            button.setProperty("mode", mode.value)
        self.pool = QComboBox(self)
        for pool in context.active_pools():
            self.pool.addItem(self.tr("%s (%s free)") % (pool.name, format_bytes(pool.available)),
                              pool.name)
        default = self.pool.findData("default")
        self.pool.setCurrentIndex(max(default, 0))
        self.size_spin = QDoubleSpinBox(self)
        self.size_spin.setRange(0.0, 64 * 1024)
        self.size_spin.setDecimals(1)
        self.size_spin.setSuffix(" GiB")
        self.format = QComboBox(self)
        self.format.addItems(list(VOLUME_FORMATS))
        self.path_chooser = PathChooser(context, iso=False, parent=self)
        self.path = self.path_chooser.combo
        self.import_note = QLabel(self.tr("The imported image is the boot disk."), self)
        self.import_note.setEnabled(False)
        storage_form = QFormLayout(self.storage)
        storage_form.addRow(self.new_disk)
        storage_form.addRow(self.tr("&Pool:"), self.pool)
        storage_form.addRow(self.tr("&Size:"), self.size_spin)
        storage_form.addRow(self.tr("&Format:"), self.format)
        storage_form.addRow(self.existing_disk)
        storage_form.addRow(self.tr("Pa&th:"), self.path_chooser)
        storage_form.addRow(self.no_disk)
        form = QFormLayout()
        form.addRow(self.tr("&Memory:"), self.memory)
        form.addRow(self.tr("&vCPUs:"), self.vcpus)
        form.addRow(self.host)
        form.addRow(self.tr("Virtuali&zation:"), self.domain_type)
        form.addRow(self.domain_type_note)
        layout = QVBoxLayout()
        layout.addLayout(form)
        layout.addWidget(self.storage)
        layout.addWidget(self.import_note)
        self.finish_layout(layout)
        self.new_disk.setChecked(True)
        self.mode.buttonToggled.connect(lambda _b, _on: self._update())
        for signal in (self.memory.valueChanged, self.vcpus.valueChanged,
                       self.domain_type.currentIndexChanged, self.size_spin.valueChanged,
                       self.pool.currentIndexChanged, self.format.currentIndexChanged,
                       self.path.currentTextChanged):
            signal.connect(lambda *_a: self.changed.emit())
        self._update()

    def _type_note(self, offered: Sequence[str], target: GuestTarget) -> str:
        if target.domain_type == "test":
            return ""
        if KVM not in offered:
            return self.tr("This host offers no KVM: the guest runs in QEMU's emulator (TCG), "
                           "several times slower than with hardware virtualization.")
        if target.domain_type != KVM and self.context.hardware_virt is False:
            return self.tr("libvirt offers KVM, but this machine's CPU does not report "
                           "hardware virtualization (vmx/svm), and a KVM guest may pause at "
                           "once: QEMU emulation is chosen. Choose KVM if it works here.")
        return ""

    def initializePage(self) -> None:
        plan = self.wizard().plan()  # type: ignore[attr-defined]
        if plan.os.id != self._defaults_for:  # a new OS choice brings its recommendations
            self._defaults_for = plan.os.id
            res = plan.os.recommended
            self.memory.setValue(max(1, (res.memory_bytes or GIB) // 2**20))
            self.vcpus.setValue(res.vcpus or 1)
            self.size_spin.setValue((res.disk_bytes or 20 * GIB) / GIB)
        importing = plan.install is InstallMethod.IMPORT
        self.storage.setVisible(not importing)
        self.import_note.setVisible(importing)

    def owns(self, field: str, plan: NewVmPlan) -> bool:
        if field == "disk.path" and plan.install is InstallMethod.IMPORT:
            return False
        return super().owns(field, plan)

    def apply_to(self, plan: NewVmPlan) -> None:
        plan.memory_mib = self.memory.value()
        plan.vcpus = self.vcpus.value()
        domain_type = self.domain_type.currentData()
        if domain_type:
            plan.target = dataclasses.replace(plan.target, domain_type=str(domain_type))
        button = self.mode.checkedButton()
        plan.disk = DiskMode(str(button.property("mode"))) if button else DiskMode.NEW
        plan.disk_pool = str(self.pool.currentData() or "")
        plan.disk_capacity = int(self.size_spin.value() * GIB)
        plan.disk_format = self.format.currentText()
        if plan.install is not InstallMethod.IMPORT:
            plan.disk_path = self.path.currentText().strip() if plan.disk is DiskMode.EXISTING \
                else ""
        pool = self.context.pool(plan.disk_pool)
        plan.pool_volumes = {v.name for v in pool.volumes} if pool is not None else set()

    def _update(self) -> None:
        new, existing = self.new_disk.isChecked(), self.existing_disk.isChecked()
        for widget in (self.pool, self.size_spin, self.format):
            widget.setEnabled(new)
        self.path_chooser.setEnabled(existing)
        self.changed.emit()
