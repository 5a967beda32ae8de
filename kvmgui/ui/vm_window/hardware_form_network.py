"""Form for a network interface: what it connects to, its model and (optionally) its MAC."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from kvmgui.logic.hardware_rules import HardwareKind
from kvmgui.ui.vm_window.hardware_form import DeviceForm, FormContext, same
from kvmgui.xml import Device, DomainInterface

NIC_MODELS = ("virtio", "e1000e", "e1000", "rtl8139")


class NicForm(DeviceForm):
    kind = HardwareKind.NIC

    def __init__(self, context: FormContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context.editor
        self.type = self.combo(self.tr("&Connect to:"), [
            (self.tr("Virtual network"), "network"), (self.tr("Host bridge"), "bridge"),
            (self.tr("Host device (macvtap)"), "direct")])
        self.source = QComboBox(self)
        self.source.setEditable(True)
        self.source.editTextChanged.connect(lambda _t: self.changed.emit())
        self.form.addRow(self.tr("&Source:"), self.source)
        self.model = self.combo(self.tr("&Model:"), same(NIC_MODELS))
        self.mac = self.line(self.tr("M&AC address:"), self.tr("chosen by libvirt"))
        self.type.currentIndexChanged.connect(lambda _i: self._fill_sources())
        self._fill_sources()

    def _fill_sources(self) -> None:
        kind = self.type.currentData()
        if kind == "network":
            names = [n.name for n in sorted(self._context.networks, key=lambda n: not n.active)]
        elif kind == "bridge":
            names = self._context.host_bridges()
        else:
            names = self._context.host_devices()
        self.source.clear()
        self.source.addItems(names)

    def device(self) -> Device:
        return DomainInterface.new(str(self.type.currentData()),
                                   source=self.source.currentText().strip() or None,
                                   mac=self.mac.text().strip() or None,
                                   model=str(self.model.currentData()))
