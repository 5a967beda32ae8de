"""Form for a disk or a CD-ROM: its bus and what it holds (a new or existing pool volume, a
path on the host, or, for a CD-ROM, nothing yet)."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from kvmgui.logic.hardware_rules import HardwareKind
from kvmgui.logic.new_vm_plan import GIB, VOLUME_EXTENSIONS, next_target_dev
from kvmgui.logic.volume_disks import disk_for_volume, pool_volume_disk
from kvmgui.ui.vm_window.hardware_form import DeviceForm, FormContext, same
from kvmgui.virt.define import NewVolumeRequest
from kvmgui.xml import Device, Domain
from kvmgui.xml.device_storage import new_drive, used_targets
from kvmgui.xml.storage import Volume

DISK_BUSES = ("virtio", "scsi", "sata", "usb")
CDROM_BUSES = ("sata", "scsi", "usb", "ide")
FORMATS = ("qcow2", "raw")
NEW, EXISTING, PATH, EMPTY = "new", "existing", "path", "empty"


class DriveForm(DeviceForm):
    """A disk (``kind`` DISK) or a CD-ROM drive (CDROM)."""

    def __init__(self, context: FormContext, kind: HardwareKind,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._context = context.editor
        cdrom = kind is HardwareKind.CDROM
        self.bus = self.combo(self.tr("&Bus:"), same(CDROM_BUSES if cdrom else DISK_BUSES))
        modes = [(self.tr("Empty (insert media later)"), EMPTY)] if cdrom else [
            (self.tr("A new volume"), NEW)]
        modes += [(self.tr("An existing volume"), EXISTING),
                  (self.tr("A file or device on the host"), PATH)]
        self.mode = self.combo(self.tr("&Holds:"), modes)
        self.pool = self.combo(self.tr("P&ool:"), same([p.name for p in
                                                       self._context.active_pools()]))
        self.pool.setCurrentIndex(max(self.pool.findData("default"), 0))
        self.volume = self.combo(self.tr("&Volume:"), [])
        self.name = self.line(self.tr("N&ame:"))
        self.size_spin = QDoubleSpinBox(self)
        self.size_spin.setRange(0.01, 64 * 1024)
        self.size_spin.setValue(10)
        self.size_spin.setSuffix(" GiB")
        self.size_spin.valueChanged.connect(lambda _v: self.changed.emit())
        self.form.addRow(self.tr("&Size:"), self.size_spin)
        self.format = self.combo(self.tr("&Format:"), same(FORMATS))
        self.path = self.line(self.tr("Pa&th:"), "/var/lib/libvirt/images/disk.iso" if cdrom
                              else "/var/lib/libvirt/images/disk.qcow2")
        self.pool.currentIndexChanged.connect(lambda _i: self._fill_volumes())
        for box in (self.mode, self.bus, self.format):
            box.currentIndexChanged.connect(lambda _i: self._update())
        if not cdrom and self.pool.count() == 0:  # no pool for a volume: a path, then
            self.mode.setCurrentIndex(self.mode.findData(PATH))
        self._fill_volumes()
        self._update()

    def _fill_volumes(self) -> None:
        pool = self._context.pool(str(self.pool.currentData() or ""))
        self.volume.clear()
        volumes = sorted(pool.volumes if pool is not None else (), key=lambda v: v.name)
        if self.kind is HardwareKind.CDROM:
            volumes = [v for v in volumes if v.name.lower().endswith(".iso")] or volumes
        for volume in volumes:
            self.volume.addItem(volume.name, volume.key)

    def _update(self) -> None:
        mode = self.mode.currentData()
        for widget, shown in ((self.pool, mode in (NEW, EXISTING)), (self.volume, mode == EXISTING),
                              (self.name, mode == NEW), (self.size_spin, mode == NEW),
                              (self.format, mode == NEW), (self.path, mode == PATH)):
            self.form.setRowVisible(widget, shown)
        if not self.name.isModified():
            extension = VOLUME_EXTENSIONS.get(self.format.currentText(), ".img")
            guest = self.domain.name if self.domain is not None else "guest"
            self.name.setText(f"{guest}-{self._target()}{extension}")

    def prepare(self, domain: Domain) -> None:
        super().prepare(domain)
        self._update()

    def _target(self) -> str:
        used = used_targets(self.domain) if self.domain is not None else []
        return next_target_dev(str(self.bus.currentData()), used)

    def problem(self) -> str:
        mode = self.mode.currentData()
        if mode in (NEW, EXISTING) and self.pool.count() == 0:
            return self.tr("There is no active storage pool.")
        if mode == EXISTING and self.volume.currentIndex() < 0:
            return self.tr("The pool has no volumes.")
        if mode == NEW:
            name = self.name.text().strip()
            pool = self._context.pool(str(self.pool.currentData()))
            if not name or "/" in name:
                return self.tr("Enter a volume name without '/'.")
            if pool is not None and name in {v.name for v in pool.volumes}:
                return self.tr("The pool already has a volume named %s.") % name
        if mode == PATH and not self.path.text().strip():
            return self.tr("Enter the path of the disk image or device.")
        return ""

    def device(self) -> Device | None:
        mode = self.mode.currentData()
        device = "cdrom" if self.kind is HardwareKind.CDROM else "disk"
        bus, target = str(self.bus.currentData()), self._target()
        if mode == EMPTY:
            return new_drive(target, device=device, bus=bus)
        if mode == PATH:
            return new_drive(target, device=device, bus=bus, source=self.path.text().strip(),
                             driver_type="raw" if device == "cdrom" else None)
        pool_name = str(self.pool.currentData())
        if mode == NEW:
            return pool_volume_disk(target, pool_name, self.name.text().strip(), device=device,
                                    bus=bus, driver_type=self.format.currentText())
        pool = self._context.pool(pool_name)
        info = next((v for v in (pool.volumes if pool is not None else ())
                     if v.key == self.volume.currentData()), None)
        if pool is None or info is None:
            return None
        return disk_for_volume(target, pool, info, device=device, bus=bus)

    def new_volume(self) -> NewVolumeRequest | None:
        if self.mode.currentData() != NEW:
            return None
        name, fmt = self.name.text().strip(), self.format.currentText()
        volume = Volume.new(name, int(self.size_spin.value() * GIB), fmt, allocation=0)
        return NewVolumeRequest(str(self.pool.currentData()), volume.to_xml())
