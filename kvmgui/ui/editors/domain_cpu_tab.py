"""Domain editor, CPUs tab: vCPU count, topology and CPU model."""

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kvmgui.ui.editors.form_tab import FormTab, note_label, set_combo_data
from kvmgui.xml import Domain

MAX_VCPUS = 4096


def _spin(parent: QWidget, minimum: int = 1, maximum: int = MAX_VCPUS) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(minimum, maximum)
    spin.setKeyboardTracking(False)
    return spin


class DomainCpuTab(FormTab):
    FIELDS = ("vcpu", "cpu")

    def __init__(self, host_cpus: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.domain: Domain | None = None
        self.maximum = _spin(self)
        self.current = _spin(self)
        self.current.setToolTip(self.tr("vCPUs online when the guest starts; the rest can be "
                                        "plugged in later, up to the maximum"))
        self.topology = QGroupBox(self.tr("Manual &topology"), self)
        self.topology.setCheckable(True)
        self.sockets, self.cores, self.threads = _spin(self), _spin(self), _spin(self)
        topo_form = QFormLayout(self.topology)
        topo_form.addRow(self.tr("Sockets:"), self.sockets)
        topo_form.addRow(self.tr("Cores per socket:"), self.cores)
        topo_form.addRow(self.tr("Threads per core:"), self.threads)
        self.mode = QComboBox(self)
        for label, mode in ((self.tr("Hypervisor default"), None),
                            (self.tr("Host passthrough (fastest, not migratable)"),
                             "host-passthrough"),
                            (self.tr("Host model (migratable between alike hosts)"), "host-model"),
                            (self.tr("Named model"), "custom")):
            self.mode.addItem(label, mode)
        self.model = QComboBox(self)
        self.model.setEditable(True)
        self.model.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        counts = QFormLayout()
        counts.addRow(self.tr("&Maximum vCPUs:"), self.maximum)
        counts.addRow(self.tr("vCPUs at &boot:"), self.current)
        counts.addRow(note_label(self, self.tr("The host has %n logical CPU(s).", "", host_cpus)))
        model_form = QFormLayout()
        model_form.addRow(self.tr("CPU &mode:"), self.mode)
        model_form.addRow(self.tr("Model &name:"), self.model)
        layout = QVBoxLayout(self)
        layout.addLayout(counts)
        layout.addWidget(self.topology)
        layout.addLayout(model_form)
        layout.addStretch(1)
        self.field_widgets = {"vcpu": self.maximum, "vcpu.current": self.current,
                              "cpu.topology": self.sockets, "cpu": self.mode}

        self.maximum.valueChanged.connect(lambda v: self.write(lambda: self._set_maximum(v)))
        self.current.valueChanged.connect(lambda v: self.write(lambda: self._set_current(v)))
        self.topology.toggled.connect(lambda on: self.write(lambda: self._set_topology(on)))
        for spin in (self.sockets, self.cores, self.threads):
            spin.valueChanged.connect(lambda _v: self.write(lambda: self._set_topology(True)))
        self.mode.currentIndexChanged.connect(lambda _i: self.write(self._set_mode))
        self.model.currentTextChanged.connect(lambda _t: self.write(self._set_mode))

    def set_models(self, names: Sequence[str]) -> None:
        """CPU model names the host knows (fetched on the worker after the editor opened)."""
        with self.loading():
            text = self.model.currentText()
            self.model.clear()
            self.model.addItems(list(names))
            self.model.setEditText(text)

    def fill(self, document: Domain) -> None:
        self.domain = document
        maximum = document.vcpu_max or 1
        self.maximum.setValue(maximum)
        self.current.setMaximum(max(maximum, 1))
        self.current.setValue(document.vcpus_effective or maximum)
        has_topology = document.find_element("cpu/topology") is not None
        self.topology.setChecked(has_topology)
        self.sockets.setValue(document.cpu_sockets or 1)
        self.cores.setValue(document.cpu_cores or (1 if has_topology else maximum))
        self.threads.setValue(document.cpu_threads or 1)
        mode = document.cpu_mode
        if mode is None and document.cpu_model:
            mode = "custom"  # libvirt's default mode when only a model is named
        set_combo_data(self.mode, mode, add_text=mode)
        self.model.setEditText(document.cpu_model or "")
        self.model.setEnabled(mode == "custom")

    def _set_maximum(self, value: int) -> None:
        assert self.domain is not None
        current = self.domain.vcpu_current
        self.domain.vcpu_max = value
        if current is not None and current >= value:
            self.domain.vcpu_current = None  # all vCPUs online: libvirt's default
        with self.loading():
            self.current.setMaximum(value)
            self.current.setValue(self.domain.vcpus_effective or value)
            if not self.topology.isChecked():
                self.cores.setValue(value)

    def _set_current(self, value: int) -> None:
        assert self.domain is not None
        self.domain.vcpu_current = None if value >= (self.domain.vcpu_max or 1) else value

    def _set_topology(self, enabled: bool) -> None:
        assert self.domain is not None
        if enabled:
            self.domain.cpu_sockets = self.sockets.value()
            self.domain.cpu_cores = self.cores.value()
            self.domain.cpu_threads = self.threads.value()
            return
        element = self.domain.find_element("cpu/topology")
        if element is not None:
            self.domain.remove_element(element)

    def _set_mode(self) -> None:
        assert self.domain is not None
        mode = self.mode.currentData()
        self.model.setEnabled(mode == "custom")
        self.domain.cpu_mode = mode
        self.domain.cpu_model = (self.model.currentText().strip() or None) \
            if mode == "custom" else None
