"""New-VM wizard, last pages: memory, vCPUs, domain type and storage; then network and a
summary."""

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
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
from kvmgui.logic.new_vm_plan import GIB, DiskMode, InstallMethod, NewVmPlan, NicMode
from kvmgui.logic.osinfo import GENERIC_OS
from kvmgui.ui.editors.domain_memory_tab import mib_spin
from kvmgui.ui.editors.editor_context import (
    BLOCK_POOL_TYPES,
    FILE_POOL_TYPES,
    EditorContext,
)
from kvmgui.ui.editors.form_tab import note_label
from kvmgui.ui.editors.guest_type_combo import fill_domain_types, guest_type_combo
from kvmgui.ui.editors.new_vm_pages import PlanPage
from kvmgui.ui.plain_text import plain_label
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
        self.path = QComboBox(self)
        self.path.setEditable(True)
        self.path.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.path.addItems(sorted(v.path for p in context.active_pools()
                                  if p.pool_type in FILE_POOL_TYPES + BLOCK_POOL_TYPES
                                  for v in p.volumes if not v.name.lower().endswith(".iso")))
        self.path.setCurrentIndex(-1)
        self.import_note = QLabel(self.tr("The imported image is the boot disk."), self)
        self.import_note.setEnabled(False)
        storage_form = QFormLayout(self.storage)
        storage_form.addRow(self.new_disk)
        storage_form.addRow(self.tr("&Pool:"), self.pool)
        storage_form.addRow(self.tr("&Size:"), self.size_spin)
        storage_form.addRow(self.tr("&Format:"), self.format)
        storage_form.addRow(self.existing_disk)
        storage_form.addRow(self.tr("Pa&th:"), self.path)
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
                       self.domain_type.currentIndexChanged, self.size_spin.valueChanged, self.pool.currentIndexChanged,
                       self.format.currentIndexChanged, self.path.currentTextChanged):
            signal.connect(lambda *_a: self.changed.emit())
        self._update()

    def _type_note(self, offered: Sequence[str], target: GuestTarget) -> str:
        if target.domain_type == "test":
            return ""
        if KVM not in offered:
            return self.tr("This host offers no KVM: the guest runs in QEMU's emulator (TCG), "
                           "several times slower than with hardware virtualization.")
        if target.domain_type != KVM and self.context.hardware_virt is False:
            return self.tr("libvirt offers KVM, but this machine's CPU shows no hardware "
                           "virtualization (vmx/svm): a KVM guest would stop at once, so QEMU "
                           "emulation is chosen.")
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
        self.path.setEnabled(existing)
        self.changed.emit()


class FinishPage(PlanPage):
    FIELDS = ("nic",)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setTitle(self.tr("Network and summary"))
        self.setSubTitle(self.tr("Check the summary, then create the virtual machine."))
        self.nic_mode = QComboBox(self)
        self.nic_mode.addItem(self.tr("Virtual network"), NicMode.NETWORK.value)
        self.nic_mode.addItem(self.tr("Host bridge"), NicMode.BRIDGE.value)
        self.nic_mode.addItem(self.tr("No network card"), NicMode.NONE.value)
        self.source = QComboBox(self)
        self.source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # a table; the values are escaped
        self.summary.setWordWrap(True)
        self.customize = QCheckBox(self.tr("&Customize configuration before creating"), self)
        self.start = QCheckBox(self.tr("&Start the virtual machine once it is created"), self)
        self.start.setChecked(True)
        self.status = plain_label("", self)  # libvirt's error
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b3261e;")
        self.status.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Network:"), self.nic_mode)
        form.addRow(self.tr("S&ource:"), self.source)
        form.addRow(self.summary)
        form.addRow(self.customize)
        form.addRow(self.start)
        form.addRow(self.status)
        self.finish_layout(form)
        self.nic_mode.currentIndexChanged.connect(self._fill_sources)
        self.source.currentTextChanged.connect(lambda _t: self.changed.emit())
        self._fill_sources()

    def _fill_sources(self) -> None:
        mode = NicMode(str(self.nic_mode.currentData()))
        self.source.clear()
        self.source.setEditable(mode is NicMode.BRIDGE)
        if mode is NicMode.NETWORK:
            names = [n.name for n in self.context.networks]
            self.source.addItems(names)
            if "default" in names:
                self.source.setCurrentText("default")
        elif mode is NicMode.BRIDGE:
            self.source.addItems(self.context.host_bridges())
        self.source.setEnabled(mode is not NicMode.NONE)
        self.changed.emit()

    def initializePage(self) -> None:
        self.show_summary(self.wizard().plan())  # type: ignore[attr-defined]

    def apply_to(self, plan: NewVmPlan) -> None:
        plan.nic = NicMode(str(self.nic_mode.currentData()))
        plan.nic_source = self.source.currentText().strip()

    def show_summary(self, plan: NewVmPlan) -> None:
        install = {InstallMethod.ISO: plan.iso_path, InstallMethod.URL: plan.install_url,
                   InstallMethod.IMPORT: plan.disk_path,
                   InstallMethod.PXE: self.tr("network boot (PXE)")}[plan.install]
        if plan.uses_new_volume:
            disk = self.tr("new %s %s volume %s in pool %s") % (
                format_bytes(plan.disk_capacity), plan.disk_format, plan.volume_name,
                plan.disk_pool)
        elif plan.disk is DiskMode.NONE and plan.install is not InstallMethod.IMPORT:
            disk = self.tr("none")
        else:
            disk = plan.disk_path
        os_name = (self.tr("Generic or unknown OS") if plan.os.id == GENERIC_OS.id
                   else plan.os.name)
        rows = ((self.tr("Name"), plan.name), (self.tr("Operating system"), os_name),
                (self.tr("Install from"), install),
                (self.tr("Memory"), format_bytes(plan.memory_mib * 2**20)),
                (self.tr("vCPUs"), str(plan.vcpus)), (self.tr("Disk"), disk),
                (self.tr("Guest type"), f"{plan.target.domain_type} · {plan.target.arch}"))
        self.summary.setText("<table>" + "".join(
            f"<tr><td><b>{label}:</b>&nbsp;</td><td>{_escape(value)}</td></tr>"
            for label, value in rows) + "</table>")

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
