"""New-VM wizard, last page: the network card (network and portgroup, or a host bridge) and
a summary of the answers."""

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from kvmgui.core.snapshots import NetworkInfo
from kvmgui.core.units import format_bytes
from kvmgui.logic.new_vm_plan import DiskMode, InstallMethod, NewVmPlan, NicMode
from kvmgui.logic.osinfo import GENERIC_OS
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.form_tab import show_warning, warning_label
from kvmgui.ui.editors.new_vm_pages import PlanPage
from kvmgui.ui.plain_text import plain_label
from kvmgui.xml import Network


def preferred_network(networks: list[NetworkInfo]) -> NetworkInfo | None:
    """"default" when it runs, else the first network that runs, else "default" or the first:
    a guest on a network that is not running cannot start."""
    running = [n for n in networks if n.active]
    by_name = {n.name: n for n in networks}
    default = by_name.get("default")
    if default is not None and default.active:
        return default
    return running[0] if running else default or (networks[0] if networks else None)


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
        self.portgroup = QComboBox(self)
        self.portgroup.setAccessibleName(self.tr("Portgroup"))
        self.network_note = warning_label(self)
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
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Network:"), self.nic_mode)
        self.form.addRow(self.tr("S&ource:"), self.source)
        self.form.addRow(self.tr("&Portgroup:"), self.portgroup)
        self.form.addRow("", self.network_note)
        self.form.addRow(self.summary)
        self.form.addRow(self.customize)
        self.form.addRow(self.start)
        self.form.addRow(self.status)
        self.finish_layout(self.form)
        self.nic_mode.currentIndexChanged.connect(self._fill_sources)
        self.source.currentIndexChanged.connect(lambda _i: self._source_changed())
        self.source.editTextChanged.connect(lambda _t: self.changed.emit())
        self.portgroup.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.start.toggled.connect(lambda _on: self._show_network_note())
        self._fill_sources()

    def selected_network(self) -> NetworkInfo | None:
        if NicMode(str(self.nic_mode.currentData())) is not NicMode.NETWORK:
            return None
        return self.context.network(str(self.source.currentData() or ""))

    def network_to_start(self) -> NetworkInfo | None:
        """The chosen network, when it is not running and the guest is to start."""
        network = self.selected_network()
        if network is None or network.active or not self.start.isChecked():
            return None
        return network

    def _fill_sources(self) -> None:
        mode = NicMode(str(self.nic_mode.currentData()))
        self.source.blockSignals(True)
        self.source.clear()
        self.source.setEditable(mode is NicMode.BRIDGE)
        if mode is NicMode.NETWORK:
            for network in self.context.networks:
                label = network.name if network.active else self.tr("%s (inactive)") % network.name
                self.source.addItem(label, network.name)
            chosen = preferred_network(list(self.context.networks))
            if chosen is not None:
                self.source.setCurrentIndex(self.source.findData(chosen.name))
        elif mode is NicMode.BRIDGE:
            for bridge in self.context.host_bridges():
                self.source.addItem(bridge, bridge)
        self.source.setEnabled(mode is not NicMode.NONE)
        self.source.blockSignals(False)
        self._source_changed()

    def _source_changed(self) -> None:
        network = self.selected_network()
        groups = Network.from_xml(network.xml).portgroups if network is not None else []
        self.portgroup.blockSignals(True)
        self.portgroup.clear()
        default = next((g.name for g in groups if g.default and g.name), "")
        self.portgroup.addItem(self.tr("the network's default (%s)") % default if default
                               else self.tr("none"), "")
        for group in groups:
            if group.name:
                self.portgroup.addItem(group.name, group.name)
        self.portgroup.blockSignals(False)
        self.form.setRowVisible(self.portgroup, bool(groups))
        self._show_network_note()
        self.changed.emit()

    def _show_network_note(self) -> None:
        network = self.selected_network()
        text = ""
        if network is not None and not network.active:
            text = (self.tr("Network %s is not running: it will be started when the virtual "
                            "machine is created.") if self.start.isChecked() else
                    self.tr("Network %s is not running: start it before the virtual machine."))
            text %= network.name
        show_warning(self.network_note, text)

    def initializePage(self) -> None:
        self.show_summary(self.wizard().plan())  # type: ignore[attr-defined]

    def apply_to(self, plan: NewVmPlan) -> None:
        plan.nic = NicMode(str(self.nic_mode.currentData()))
        if plan.nic is NicMode.NETWORK:
            plan.nic_source = str(self.source.currentData() or "")
        else:
            plan.nic_source = self.source.currentText().strip()
        plan.nic_portgroup = str(self.portgroup.currentData() or "") \
            if plan.nic is NicMode.NETWORK else ""

    def show_summary(self, plan: NewVmPlan) -> None:
        install = {InstallMethod.ISO: plan.iso_path, InstallMethod.URL: plan.install_url,
                   InstallMethod.IMPORT: plan.disk_path,
                   InstallMethod.PXE: self.tr("network boot (PXE)"),
                   InstallMethod.NONE: self.tr("manual install, no installation media")
                   }[plan.install]
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
                (self.tr("Network"), self._network_text(plan)),
                (self.tr("Guest type"), f"{plan.target.domain_type} · {plan.target.arch}"))
        self.summary.setText("<table>" + "".join(
            f"<tr><td><b>{html.escape(label)}:</b>&nbsp;</td><td>{html.escape(value)}</td></tr>"
            for label, value in rows) + "</table>")

    def _network_text(self, plan: NewVmPlan) -> str:
        if plan.nic is NicMode.NONE:
            return self.tr("no network card")
        if plan.nic is NicMode.BRIDGE:
            return self.tr("host bridge %s") % plan.nic_source
        if plan.nic_portgroup:
            return self.tr("%s, portgroup %s") % (plan.nic_source, plan.nic_portgroup)
        return plan.nic_source

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
