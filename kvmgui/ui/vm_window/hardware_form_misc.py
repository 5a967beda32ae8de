"""Forms for a shared folder (virtiofs), TPM, random number generator, watchdog and
controller."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kvmgui.logic.hardware_rules import HardwareKind
from kvmgui.ui.vm_window.hardware_form import DeviceForm, same
from kvmgui.xml import Device, Domain
from kvmgui.xml.device_controller import CONTROLLER_MODELS, Controller, next_controller_index
from kvmgui.xml.device_filesystem import Filesystem, has_shared_memory, share_memory
from kvmgui.xml.device_platform import (
    RNG_SOURCES,
    TPM_MODELS,
    WATCHDOG_MODELS,
    Rng,
    Tpm,
    Watchdog,
)


class FilesystemForm(DeviceForm):
    kind = HardwareKind.FILESYSTEM

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = self.line(self.tr("&Host folder:"), "/srv/shared")
        self.tag = self.line(self.tr("&Tag:"), "shared")
        self.tag.setToolTip(self.tr("The guest mounts the folder by this name: "
                                    "mount -t virtiofs TAG /mnt"))
        self.source.textChanged.connect(self._suggest_tag)

    def _suggest_tag(self, path: str) -> None:
        if not self.tag.isModified():
            self.tag.setText(path.rstrip("/").rsplit("/", 1)[-1])

    def device(self) -> Device:
        return Filesystem.new_virtiofs(self.source.text().strip(), self.tag.text().strip())

    def problem(self) -> str:
        if not self.source.text().strip():
            return self.tr("Enter the host folder to share.")
        return ""

    def edit_domain(self, domain: Domain) -> None:
        if not has_shared_memory(domain):
            share_memory(domain)  # virtiofsd maps the guest's memory


class TpmForm(DeviceForm):
    kind = HardwareKind.TPM

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = self.combo(self.tr("&Model:"), same(TPM_MODELS))
        self.version = self.combo(self.tr("&Version:"), same(("2.0", "1.2")))
        self.setToolTip(self.tr("An emulated TPM (swtpm): Windows 11 needs version 2.0."))

    def device(self) -> Device:
        return Tpm.new_emulated(str(self.model.currentData()), str(self.version.currentData()))


class RngForm(DeviceForm):
    kind = HardwareKind.RNG

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = self.combo(self.tr("&Host source:"), same(RNG_SOURCES))
        self.source.setEditable(True)
        self.source.editTextChanged.connect(lambda _t: self.changed.emit())

    def device(self) -> Device:
        return Rng.new(self.source.currentText().strip())


class WatchdogForm(DeviceForm):
    kind = HardwareKind.WATCHDOG

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = self.combo(self.tr("&Model:"), same(WATCHDOG_MODELS))
        self.action = self.combo(self.tr("&When the guest hangs:"), [
            (self.tr("Reset it"), "reset"), (self.tr("Power it off"), "poweroff"),
            (self.tr("Shut it down"), "shutdown"), (self.tr("Pause it"), "pause"),
            (self.tr("Dump its memory"), "dump"), (self.tr("Send it an NMI"), "inject-nmi"),
            (self.tr("Nothing"), "none")])

    def device(self) -> Device:
        return Watchdog.new(str(self.model.currentData()), str(self.action.currentData()))


class ControllerForm(DeviceForm):
    kind = HardwareKind.CONTROLLER

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type = self.combo(self.tr("&Type:"), [
            ("USB", "usb"), ("SCSI", "scsi"), ("virtio-serial", "virtio-serial"),
            ("SATA", "sata")])
        self.model = self.combo(self.tr("&Model:"), [])
        self.type.currentIndexChanged.connect(lambda _i: self._fill_models())
        self._fill_models()

    def _fill_models(self) -> None:
        self.model.clear()
        for model in CONTROLLER_MODELS[str(self.type.currentData())]:
            self.model.addItem(model or self.tr("Default"), model)

    def device(self) -> Device:
        kind = str(self.type.currentData())
        index = next_controller_index(self.domain, kind) if self.domain is not None else 0
        return Controller.new(kind, index=index, model=str(self.model.currentData() or ""))
