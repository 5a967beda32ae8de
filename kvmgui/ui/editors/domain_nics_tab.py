"""Domain editor, Network cards tab: source (network + portgroup, bridge, macvtap), model,
MAC and VLAN, with a note where this host's libvirt would not apply the VLAN."""

import re
import secrets
from collections.abc import Sequence

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.form_tab import (
    FormTab,
    list_with_details,
    set_combo_data,
    show_warning,
    translate_problem,
    warning_label,
)
from kvmgui.xml import Domain, DomainInterface, Network, Problem

NIC_MODELS = ("virtio", "e1000e", "e1000", "rtl8139")
DIRECT_MODES = ("vepa", "bridge", "private", "passthrough")
_TAGS = re.compile(r"[,\s]+")
_FIELD = re.compile(r"^interface\[(\d+)\](?:\.(\w+))?")


def parse_tags(text: str) -> list[int]:
    return [int(part) for part in _TAGS.split(text.strip()) if part.isdigit()]


def random_mac() -> str:
    """A locally administered address in QEMU's 52:54:00 range."""
    return "52:54:00:" + ":".join(f"{b:02x}" for b in secrets.token_bytes(3))


class DomainNicsTab(FormTab):
    FIELDS = ("interface",)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.domain: Domain | None = None
        self._context = context
        self._problems: list[Problem] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Type"), self.tr("Source"),
                                              self.tr("Model"), self.tr("MAC"), self.tr("VLAN")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("&Add network card"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)

        self.details = QGroupBox(self.tr("Selected network card"), self)
        self.kind = QComboBox(self)
        for label, kind in ((self.tr("Virtual network"), "network"),
                            (self.tr("Host bridge"), "bridge"),
                            (self.tr("Macvtap on a host device (direct)"), "direct")):
            self.kind.addItem(label, kind)
        self.network = QComboBox(self)
        self.network.addItems([n.name for n in context.networks])
        self.portgroup = QComboBox(self)
        self.bridge = self._editable(context.host_bridges())
        self.device = self._editable(context.host_devices())
        self.mode = QComboBox(self)
        self.mode.addItems(list(DIRECT_MODES))
        self.model = self._editable(list(NIC_MODELS))
        self.mac = QLineEdit(self)
        self.mac.setPlaceholderText(self.tr("assigned by libvirt"))
        self.generate = QPushButton(self.tr("&Generate"), self)
        self.vlan = QLineEdit(self)
        self.vlan.setPlaceholderText(self.tr("none, e.g. 10 or 10, 20"))
        self.vlan.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9,\s]*"), self))
        self.trunk = QCheckBox(self.tr("Trunk (tagged frames to the guest)"), self)
        self.vlan_note = warning_label(self)
        mac_row = QWidget(self)
        mac_layout = QHBoxLayout(mac_row)
        mac_layout.setContentsMargins(0, 0, 0, 0)
        mac_layout.addWidget(self.mac, 1)
        mac_layout.addWidget(self.generate)
        self.form = QFormLayout(self.details)
        self.form.addRow(self.tr("&Connect to:"), self.kind)
        self.form.addRow(self.tr("&Network:"), self.network)
        self.form.addRow(self.tr("&Portgroup:"), self.portgroup)
        self.form.addRow(self.tr("&Bridge:"), self.bridge)
        self.form.addRow(self.tr("&Host device:"), self.device)
        self.form.addRow(self.tr("Macvtap mo&de:"), self.mode)
        self.form.addRow(self.tr("M&odel:"), self.model)
        self.form.addRow(self.tr("&MAC address:"), mac_row)
        mac_label = self.form.labelForField(mac_row)
        if isinstance(mac_label, QLabel):
            mac_label.setBuddy(self.mac)
        self.form.addRow(self.tr("&VLAN tags:"), self.vlan)
        self.form.addRow("", self.trunk)
        self.form.addRow(self.vlan_note)
        list_with_details(self, self.table, self.add_button, self.remove_button, self.details)
        self.field_widgets = {"interface": self.table}

        self.table.itemSelectionChanged.connect(self._show_selected)
        self.add_button.clicked.connect(lambda: self.write(self._add))
        self.remove_button.clicked.connect(lambda: self.write(self._remove_selected))
        self.kind.currentIndexChanged.connect(lambda _i: self.write(self._set_kind))
        self.network.currentIndexChanged.connect(lambda _i: self.write(self._set_network))
        self.portgroup.currentIndexChanged.connect(lambda _i: self.write(self._set_portgroup))
        self.bridge.currentTextChanged.connect(lambda t: self.write(lambda: self._set("bridge", t)))
        self.device.currentTextChanged.connect(lambda t: self.write(lambda: self._set("dev", t)))
        self.mode.currentTextChanged.connect(lambda t: self.write(lambda: self._set("mode", t)))
        self.model.currentTextChanged.connect(lambda t: self.write(lambda: self._set("model", t)))
        self.mac.textEdited.connect(lambda t: self.write(lambda: self._set("mac", t)))
        self.generate.clicked.connect(self._generate_mac)
        self.vlan.textEdited.connect(lambda _t: self.write(self._set_vlan))
        self.trunk.toggled.connect(lambda _on: self.write(self._set_vlan))

    def _field_widget(self, field: str) -> tuple[int, QWidget] | None:
        """(row, widget) for ``interface[N].mac`` / ``interface[N].vlan...``."""
        match = _FIELD.match(field)
        if match is None:
            return None
        widget = {"mac": self.mac, "vlan": self.vlan}.get(match.group(2) or "", self.table)
        return int(match.group(1)), widget

    def focus_field(self, field: str) -> None:
        found = self._field_widget(field)
        if found is None:
            super().focus_field(field)
            return
        row, widget = found
        self.table.selectRow(row)
        widget.setFocus()

    def field_label(self, field: str) -> str:
        found = self._field_widget(field)
        if found is None or found[1] is self.table:
            return ""
        widget = found[1]
        label = self.form.labelForField(widget)
        parent = widget.parentWidget()
        if label is None and parent is not None:  # the MAC edit sits in a row with a button
            label = self.form.labelForField(parent)
        return label.text().replace("&", "").rstrip(":") if isinstance(label, QLabel) else ""

    def _editable(self, items: Sequence[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(list(items))
        return combo

    # ---- document → widgets ---------------------------------------------------------------

    def fill(self, document: Domain) -> None:
        self.domain = document
        row = max(self.table.currentRow(), 0)
        self.table.setRowCount(0)
        for _nic in document.interfaces:
            self.table.insertRow(self.table.rowCount())
            self._refresh_row(self.table.rowCount() - 1)
        self.table.resizeColumnsToContents()
        if self.table.rowCount():
            self.table.selectRow(min(row, self.table.rowCount() - 1))
        self._show_selected()

    def selected(self) -> DomainInterface | None:
        row = self.table.currentRow()
        nics = self.domain.interfaces if self.domain is not None else []
        return nics[row] if 0 <= row < len(nics) else None

    def _refresh_row(self, row: int) -> None:
        assert self.domain is not None
        nic = self.domain.interfaces[row]
        source = nic.source_network or nic.source_bridge or nic.source_dev or ""
        if nic.source_portgroup:
            source += f" / {nic.source_portgroup}"
        tags = nic.vlan.tags
        vlan = ",".join(str(t) for t in tags)
        if nic.vlan.trunk:
            vlan = self.tr("%s trunk") % vlan
        for column, value in enumerate((nic.type, source, nic.model, nic.mac, vlan)):
            self.table.setItem(row, column, QTableWidgetItem(value or ""))

    def _show_selected(self) -> None:
        nic = self.selected()
        self.details.setEnabled(nic is not None)
        self.remove_button.setEnabled(nic is not None)
        if nic is None:
            show_warning(self.vlan_note, "")
            return
        with self.loading():
            set_combo_data(self.kind, nic.type, add_text=nic.type)
            self._select_network(nic.source_network or "")
            self._fill_portgroups(nic.source_network)
            set_combo_data(self.portgroup, nic.source_portgroup, add_text=nic.source_portgroup)
            self.bridge.setEditText(nic.source_bridge or "")
            self.device.setEditText(nic.source_dev or "")
            self.mode.setCurrentText(nic.source_mode or "vepa")
            self.model.setEditText(nic.model or "")
            self.mac.setText(nic.mac or "")
            self.vlan.setText(", ".join(str(t) for t in nic.vlan.tags if t is not None))
            self.trunk.setChecked(bool(nic.vlan.trunk))
        self._show_rows(nic.type or "")
        self._show_note()

    def _select_network(self, name: str) -> None:
        index = self.network.findText(name)
        if index < 0 and name:  # a network this connection does not list (yet)
            self.network.addItem(name)
            index = self.network.count() - 1
        self.network.setCurrentIndex(index)

    def _fill_portgroups(self, network_name: str | None) -> None:
        self.portgroup.clear()
        self.portgroup.addItem(self.tr("(network default)"), None)
        info = self._context.network(network_name or "")
        if info is not None:
            for portgroup in Network.from_xml(info.xml).portgroups:
                tags = ",".join(str(t) for t in portgroup.vlan.tags)
                label = portgroup.name or ""
                self.portgroup.addItem(self.tr("%s (VLAN %s)") % (label, tags) if tags else label,
                                       portgroup.name)

    def _show_rows(self, kind: str) -> None:
        rows = {self.network: kind == "network", self.portgroup: kind == "network",
                self.bridge: kind == "bridge", self.device: kind == "direct",
                self.mode: kind == "direct"}
        for widget, visible in rows.items():
            self.form.setRowVisible(widget, visible)
        self.trunk.setEnabled(bool(self.vlan.text().strip()))

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self._problems = list(problems)
        self._show_note()

    def _show_note(self) -> None:
        prefix = f"interface[{self.table.currentRow()}].vlan"
        notes = [translate_problem(p) for p in self._problems if p.field.startswith(prefix)]
        show_warning(self.vlan_note, "\n".join(notes))

    # ---- widgets → document ---------------------------------------------------------------

    def _set_kind(self) -> None:
        nic = self.selected()
        assert nic is not None
        kind = str(self.kind.currentData())
        nic.type = kind
        for attribute in ("source_network", "source_portgroup", "source_bridge", "source_dev",
                          "source_mode"):
            setattr(nic, attribute, None)
        if kind == "network" and self.network.count():
            nic.source_network = self.network.itemText(max(self.network.currentIndex(), 0))
        elif kind == "bridge":
            nic.source_bridge = self.bridge.currentText().strip() or None
        elif kind == "direct":
            nic.source_dev = self.device.currentText().strip() or None
            nic.source_mode = self.mode.currentText()
        self._after_change()

    def _set_network(self) -> None:
        nic = self.selected()
        assert nic is not None
        nic.source_network = self.network.currentText() or None
        nic.source_portgroup = None  # portgroups belong to one network
        with self.loading():
            self._fill_portgroups(nic.source_network)
        self._after_change()

    def _set_portgroup(self) -> None:
        nic = self.selected()
        assert nic is not None
        nic.source_portgroup = self.portgroup.currentData()
        self._after_change()

    def _set(self, what: str, text: str) -> None:
        nic = self.selected()
        assert nic is not None
        value = text.strip() or None
        attribute = {"bridge": "source_bridge", "dev": "source_dev", "mode": "source_mode",
                     "model": "model", "mac": "mac"}[what]
        setattr(nic, attribute, value)
        self._after_change()

    def _set_vlan(self) -> None:
        nic = self.selected()
        assert nic is not None
        tags = parse_tags(self.vlan.text())
        if tags:
            nic.vlan.tags = tags
            nic.vlan.trunk = True if self.trunk.isChecked() else None
        else:  # the user emptied the field: drop <vlan> even when it holds no valid tag
            del nic.vlan.tags
        self.trunk.setEnabled(bool(tags))
        self._after_change()

    def _generate_mac(self) -> None:
        mac = random_mac()
        self.mac.setText(mac)
        self.write(lambda: self._set("mac", mac))

    def _after_change(self) -> None:
        self._refresh_row(self.table.currentRow())
        self._show_rows(str(self.kind.currentData()))

    def _add(self) -> None:
        assert self.domain is not None
        networks = [n.name for n in self._context.networks]
        source = "default" if "default" in networks else (networks[0] if networks else None)
        self.domain.add_device(DomainInterface.new("network", source=source, mac=random_mac()))
        self.fill(self.domain)
        self.table.selectRow(self.table.rowCount() - 1)

    def _remove_selected(self) -> None:
        nic = self.selected()
        assert nic is not None and self.domain is not None
        self.domain.remove_device(nic)
        self.fill(self.domain)
