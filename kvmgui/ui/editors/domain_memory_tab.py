"""Domain editor, Memory tab: maximum and current memory, next to what the host has."""

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from kvmgui.ui.editors.form_tab import FormTab, note_label, top_form
from kvmgui.core.units import format_kib
from kvmgui.xml import Domain

MAX_MIB = 16 * 1024 * 1024  # 16 TiB, libvirt's practical ceiling for a guest


def mib_spin(parent: QWidget) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(0, MAX_MIB)
    spin.setSuffix(" MiB")
    spin.setSingleStep(256)
    spin.setKeyboardTracking(False)
    spin.setGroupSeparatorShown(True)
    return spin


class DomainMemoryTab(FormTab):
    FIELDS = ("memory", "current_memory")

    def __init__(self, host_memory_kib: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.domain: Domain | None = None
        # Current allocation moves with the maximum while the two are equal (the common case);
        # an invalid maximum (0) changes nothing but itself.
        self._linked = False
        self.maximum = mib_spin(self)
        self.current = mib_spin(self)
        self.host = QLabel(format_kib(host_memory_kib) if host_memory_kib else self.tr("unknown"),
                           self)
        form = top_form(self)
        form.addRow(self.tr("&Maximum memory:"), self.maximum)
        form.addRow(self.tr("&Current allocation:"), self.current)
        form.addRow(self.tr("Host memory:"), self.host)
        form.addRow(note_label(self, self.tr(
            "The guest starts with the current allocation and can be given more while it "
            "runs, up to the maximum (with a memory balloon driver in the guest).")))
        self.field_widgets = {"memory": self.maximum, "current_memory": self.current}
        self.maximum.valueChanged.connect(lambda v: self.write(lambda: self._set_maximum(v)))
        self.current.valueChanged.connect(lambda v: self.write(lambda: self._set_current(v)))

    def fill(self, document: Domain) -> None:
        self.domain = document
        self.maximum.setValue((document.memory or 0) // 1024)
        self.current.setValue((document.current_memory or document.memory or 0) // 1024)
        if document.memory:  # while the maximum is invalid, keep the link as it was
            self._linked = document.current_memory in (None, document.memory)

    def _set_maximum(self, mib: int) -> None:
        assert self.domain is not None
        self.domain.memory = mib * 1024
        if self._linked and mib > 0:
            self.domain.current_memory = mib * 1024
            with self.loading():
                self.current.setValue(mib)

    def _set_current(self, mib: int) -> None:
        assert self.domain is not None
        self.domain.current_memory = mib * 1024
        self._linked = self.domain.memory == self.domain.current_memory
