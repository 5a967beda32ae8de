"""Form for a USB or PCI host device, picked from the host's devices (listed on the worker).

Devices the guest already has are shown but cannot be picked. Passing a PCI device through
takes it away from the host: the tooltip says so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget
from shiboken6 import isValid

from kvmgui.logic.hardware_rules import HardwareKind
from kvmgui.ui.plain_text import plain_label
from kvmgui.ui.vm_window.hardware_form import DeviceForm, FormContext
from kvmgui.virt.device_jobs import list_host_devices
from kvmgui.virt.errors import error_text
from kvmgui.xml import Device, Domain
from kvmgui.xml.device_hostdev import HostDevice, NodeDevice

DEVICE_ROLE = Qt.ItemDataRole.UserRole + 1


class HostDeviceForm(DeviceForm):
    """The host's USB (``bus`` "usb") or PCI devices."""

    def __init__(self, context: FormContext, bus: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = HardwareKind.USB_HOST if bus == "usb" else HardwareKind.PCI_HOST
        self._bus = bus
        self._connection = context.connection
        self._devices: tuple[NodeDevice, ...] | None = None
        self._error = ""
        self.list = QListWidget(self)
        self.list.currentItemChanged.connect(lambda *_a: self.changed.emit())
        self.status = plain_label(self.tr("Reading the host's devices…"), self)
        self.status.setWordWrap(True)
        self.form.addRow(self.list)
        self.form.addRow(self.status)
        if bus == "pci":
            self.setToolTip(self.tr("A PCI device passed to a guest is taken away from the host "
                                    "while the guest runs."))
        self._connection.run(list_host_devices(), self._listed, self._failed)

    def prepare(self, domain: Domain) -> None:
        super().prepare(domain)
        self._fill()

    def _listed(self, devices: tuple[NodeDevice, ...]) -> None:
        if isValid(self):
            self._devices = devices
            self._fill()

    def _failed(self, exc: Exception) -> None:
        if isValid(self):
            self._error = error_text(exc)
            self.status.setText(self.tr("Cannot list the host's devices: %s") % self._error)
            self.changed.emit()

    def _fill(self) -> None:
        if self._devices is None:
            return
        assigned = [HostDevice(d.element) for d in
                    (self.domain.devices_of("hostdev") if self.domain is not None else [])]
        self.list.clear()
        for device in (d for d in self._devices if d.bus == self._bus):
            names = " ".join(part for part in (device.vendor, device.product) if part)
            item = QListWidgetItem(f"{device.address_label}  {device.ids_label}  {names}")
            item.setData(DEVICE_ROLE, device)
            if any(device.matches(other) for other in assigned):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self.tr("Already passed to this guest"))
            self.list.addItem(item)
        self.status.setText("" if self.list.count() else self.tr("The host has no such devices."))
        self.status.setVisible(not self.list.count())
        self.changed.emit()

    def _chosen(self) -> NodeDevice | None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        device = item.data(DEVICE_ROLE)
        return device if isinstance(device, NodeDevice) else None

    def device(self) -> Device | None:
        chosen = self._chosen()
        return chosen.as_hostdev() if chosen is not None else None

    def problem(self) -> str:
        if self._error:
            return self.tr("Cannot list the host's devices: %s") % self._error
        if self._devices is None:
            return self.tr("Reading the host's devices…")
        if self._chosen() is None:
            return self.tr("Choose a host device.")
        return ""
