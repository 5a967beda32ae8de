"""Add a disk to a domain: an existing pool volume, a new volume, or a path on the host."""

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kvmgui.logic.new_vm_plan import GIB, VOLUME_EXTENSIONS, next_target_dev
from kvmgui.logic.volume_disks import disk_for_volume, pool_volume_disk
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.plain_text import plain_label
from kvmgui.virt.define import NewVolumeRequest
from kvmgui.xml import Disk
from kvmgui.xml.storage import Volume

DISK_BUSES = ("virtio", "sata", "scsi", "usb", "ide")
DISK_FORMATS = ("qcow2", "raw", "vmdk")


@dataclass(frozen=True)
class DiskSpec:
    """A detached disk to add, and the volume to create for it (if any)."""

    disk: Disk
    volume: NewVolumeRequest | None = None


class AddDiskDialog(QDialog):
    """Opened with ``open()``; after ``accepted``, ``spec()`` gives the disk to add."""

    def __init__(self, context: EditorContext, domain_name: str, used_targets: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Disk"))
        self._context = context
        self._domain_name = domain_name
        self._used = list(used_targets)
        self.device = QComboBox(self)
        self.device.addItem(self.tr("Hard disk"), "disk")
        self.device.addItem(self.tr("CD/DVD-ROM"), "cdrom")
        self.bus = QComboBox(self)
        for bus in DISK_BUSES:
            self.bus.addItem(bus, bus)
        self.use_existing = QRadioButton(self.tr("&Existing volume"), self)
        self.use_new = QRadioButton(self.tr("&New volume"), self)
        self.use_path = QRadioButton(self.tr("File or device &path"), self)
        self.mode = QButtonGroup(self)
        for button in (self.use_existing, self.use_new, self.use_path):
            self.mode.addButton(button)
        self.pool = QComboBox(self)
        for pool in context.active_pools():
            self.pool.addItem(pool.name, pool.name)
        self.pool.setCurrentIndex(max(self.pool.findData("default"), 0))
        self.volume = QComboBox(self)
        self.new_name = QLineEdit(self)
        self.size_spin = QDoubleSpinBox(self)
        self.size_spin.setRange(0.01, 1024 * 64)
        self.size_spin.setDecimals(2)
        self.size_spin.setValue(10)
        self.size_spin.setSuffix(" GiB")
        self.format = QComboBox(self)
        self.format.addItems(list(DISK_FORMATS))
        self.path = QLineEdit(self)
        self.path.setPlaceholderText("/var/lib/libvirt/images/disk.qcow2")
        self.problem = plain_label("", self)
        self.problem.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Device:"), self.device)
        form.addRow(self.tr("&Bus:"), self.bus)
        form.addRow(self.use_existing)
        form.addRow(self.use_new)
        form.addRow(self.use_path)
        form.addRow(self.tr("P&ool:"), self.pool)
        form.addRow(self.tr("&Volume:"), self.volume)
        form.addRow(self.tr("N&ame:"), self.new_name)
        form.addRow(self.tr("&Size:"), self.size_spin)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("Pa&th:"), self.path)
        self._form = form
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.use_existing.setChecked(True)
        for signal in (self.mode.buttonToggled, self.pool.currentIndexChanged,
                       self.device.currentIndexChanged, self.format.currentIndexChanged):
            signal.connect(self._update)
        for edit in (self.new_name, self.path):
            edit.textChanged.connect(self._update)
        self.volume.currentIndexChanged.connect(self._update)
        self._fill_volumes()
        self.pool.currentIndexChanged.connect(self._fill_volumes)
        self._update()
        self.setMinimumWidth(460)

    def _fill_volumes(self) -> None:
        pool = self._context.pool(self.pool.currentData() or "")
        self.volume.clear()
        for volume in sorted(pool.volumes if pool else (), key=lambda v: v.name):
            self.volume.addItem(volume.name, volume.key)
        self._suggest_name()

    def _suggest_name(self) -> None:
        target = next_target_dev(self.bus.currentData() or "virtio", self._used)
        extension = VOLUME_EXTENSIONS.get(self.format.currentText(), ".img")
        if not self.new_name.isModified():
            self.new_name.setText(f"{self._domain_name}-{target}{extension}")

    def _update(self) -> None:
        existing, new = self.use_existing.isChecked(), self.use_new.isChecked()
        self._form.setRowVisible(self.pool, existing or new)
        self._form.setRowVisible(self.volume, existing)
        for widget in (self.new_name, self.size_spin, self.format):
            self._form.setRowVisible(widget, new)
        self._form.setRowVisible(self.path, self.use_path.isChecked())
        self._suggest_name()
        problem = self._problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)
        self.adjustSize()

    def _problem(self) -> str:
        if (self.use_existing.isChecked() or self.use_new.isChecked()) and self.pool.count() == 0:
            return self.tr("There is no active storage pool.")
        if self.use_existing.isChecked() and self.volume.currentIndex() < 0:
            return self.tr("The pool has no volumes.")
        if self.use_new.isChecked():
            name = self.new_name.text().strip()
            pool = self._context.pool(self.pool.currentData() or "")
            if not name or "/" in name:
                return self.tr("Enter a volume name without '/'.")
            if pool is not None and name in {v.name for v in pool.volumes}:
                return self.tr("The pool already has a volume named %s.") % name
        if self.use_path.isChecked() and not self.path.text().strip():
            return self.tr("Enter the path of the disk image or device.")
        return ""

    def spec(self) -> DiskSpec:
        device = str(self.device.currentData())
        bus = str(self.bus.currentData())
        target = next_target_dev(bus, self._used)
        if self.use_path.isChecked():
            path = self.path.text().strip()
            kind = "block" if path.startswith("/dev/") else "file"
            return DiskSpec(Disk.new(target, disk_type=kind, device=device, source=path, bus=bus,
                                     driver_type="raw" if device == "cdrom" else None))
        pool_name = str(self.pool.currentData())
        if self.use_new.isChecked():
            name, fmt = self.new_name.text().strip(), self.format.currentText()
            disk = pool_volume_disk(target, pool_name, name, device=device, bus=bus,
                                    driver_type=fmt)
            volume = Volume.new(name, int(self.size_spin.value() * GIB), fmt, allocation=0)
            return DiskSpec(disk, NewVolumeRequest(pool_name, volume.to_xml()))
        pool = self._context.pool(pool_name)
        info = next(v for v in (pool.volumes if pool else ()) if v.key == self.volume.currentData())
        assert pool is not None
        return DiskSpec(disk_for_volume(target, pool, info, device=device, bus=bus))
