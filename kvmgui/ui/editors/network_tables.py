"""Network editor, Portgroups and hosts tab: portgroups with VLAN tags, trunk flag and Open
vSwitch virtualport; static DHCP hosts of the IPv4 address."""

import ipaddress
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.ui.editors.domain_nics_tab import parse_tags, random_mac
from kvmgui.ui.editors.form_tab import (
    FormTab,
    show_warning,
    translate_problem,
    warning_label,
)
from kvmgui.ui.editors.network_general_tab import OVS, ip_of
from kvmgui.xml import Network, Problem


def _check_item(checked: bool) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                  | Qt.ItemFlag.ItemIsSelectable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _checked(table: QTableWidget, row: int, column: int) -> bool:
    item = table.item(row, column)
    return item is not None and item.checkState() == Qt.CheckState.Checked


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


def _table(parent: QWidget, headers: Sequence[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table


class NetworkPortsTab(FormTab):
    FIELDS = ("portgroup",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network: Network | None = None
        self.portgroups = _table(self, [self.tr("Name"), self.tr("Default"),
                                        self.tr("VLAN tags"), self.tr("Trunk"),
                                        self.tr("Open vSwitch")], 0)
        self.portgroups.setAccessibleName(self.tr("Portgroups"))
        self.add_portgroup = QPushButton(self.tr("&Add portgroup"), self)
        self.remove_portgroup = QPushButton(self.tr("&Remove"), self)
        self.vlan_note = warning_label(self)
        self.hosts = _table(self, [self.tr("MAC address"), self.tr("Host name"),
                                   self.tr("IP address")], 1)
        self.hosts.setAccessibleName(self.tr("Static DHCP hosts"))
        self.add_host = QPushButton(self.tr("Add &host"), self)
        self.remove_host = QPushButton(self.tr("Re&move"), self)
        groups = QGroupBox(self.tr("Portgroups (guests pick one; its VLAN applies to them)"), self)
        group_layout = QVBoxLayout(groups)
        group_layout.addWidget(self.portgroups)
        group_layout.addLayout(self._buttons(self.add_portgroup, self.remove_portgroup))
        group_layout.addWidget(self.vlan_note)
        hosts = QGroupBox(self.tr("Static DHCP hosts (IPv4)"), self)
        host_layout = QVBoxLayout(hosts)
        host_layout.addWidget(self.hosts)
        host_layout.addLayout(self._buttons(self.add_host, self.remove_host))
        self.hosts_box = hosts
        layout = QVBoxLayout(self)
        layout.addWidget(groups, 3)
        layout.addWidget(hosts, 2)
        self.field_widgets = {"portgroup": self.portgroups, "ip": self.hosts}
        self.portgroups.itemChanged.connect(lambda item: self.write(lambda: self._store_pg(item)))
        self.hosts.itemChanged.connect(lambda item: self.write(lambda: self._store_host(item)))
        self.add_portgroup.clicked.connect(lambda: self.write(self._new_portgroup))
        self.remove_portgroup.clicked.connect(lambda: self.write(self._drop_portgroup))
        self.add_host.clicked.connect(lambda: self.write(self._new_host))
        self.remove_host.clicked.connect(lambda: self.write(self._drop_host))

    def owns(self, field: str) -> bool:
        return super().owns(field) or ".dhcp.host" in field

    def _buttons(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    # ---- document → widgets ---------------------------------------------------------------

    def fill(self, document: Network) -> None:
        self.network = document
        self.portgroups.setRowCount(0)
        for row, portgroup in enumerate(document.portgroups):
            self.portgroups.insertRow(row)
            tags = ", ".join(str(t) for t in portgroup.vlan.tags if t is not None)
            self.portgroups.setItem(row, 0, QTableWidgetItem(portgroup.name or ""))
            self.portgroups.setItem(row, 1, _check_item(bool(portgroup.default)))
            self.portgroups.setItem(row, 2, QTableWidgetItem(tags))
            self.portgroups.setItem(row, 3, _check_item(bool(portgroup.vlan.trunk)))
            self.portgroups.setItem(row, 4, _check_item(portgroup.virtualport_type == OVS))
        self.hosts.setRowCount(0)
        ipv4 = ip_of(document, 4)
        for row, host in enumerate(ipv4.dhcp_hosts if ipv4 is not None else []):
            self.hosts.insertRow(row)
            for column, value in enumerate((host.mac, host.name, host.ip)):
                self.hosts.setItem(row, column, QTableWidgetItem(value or ""))
        self.hosts_box.setEnabled(ipv4 is not None)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        notes = [translate_problem(p) for p in problems if p.field.endswith(".vlan")
                 or ".vlan." in p.field]
        show_warning(self.vlan_note, "\n".join(notes))

    # ---- widgets → document ---------------------------------------------------------------

    def _store_pg(self, item: QTableWidgetItem) -> None:
        assert self.network is not None
        row, column = item.row(), item.column()
        portgroup = self.network.portgroups[row]
        if column == 0:
            portgroup.name = _text(self.portgroups, row, 0) or None
        elif column == 1:
            default = _checked(self.portgroups, row, 1)
            for other in self.network.portgroups:  # one default at most
                if other == portgroup and default:
                    other.default = True
                else:  # del: also clears a default='...' that does not parse
                    del other.default
            with self.loading():
                self.fill(self.network)
        elif column in (2, 3):
            tags = parse_tags(_text(self.portgroups, row, 2))
            if tags:
                portgroup.vlan.tags = tags
            else:  # emptied: drop <vlan> even when it holds no valid tag
                del portgroup.vlan.tags
            portgroup.vlan.trunk = True if tags and _checked(self.portgroups, row, 3) else None
        elif column == 4:
            portgroup.virtualport_type = OVS if _checked(self.portgroups, row, 4) else None

    def _new_portgroup(self) -> None:
        assert self.network is not None
        names = {pg.name for pg in self.network.portgroups}
        number = len(names) + 1
        while f"portgroup{number}" in names:
            number += 1
        self.network.add_portgroup(f"portgroup{number}", default=not names)
        with self.loading():
            self.fill(self.network)
        self.portgroups.selectRow(self.portgroups.rowCount() - 1)

    def _drop_portgroup(self) -> None:
        row = self.portgroups.currentRow()
        assert self.network is not None
        if 0 <= row < len(self.network.portgroups):
            self.network.remove_portgroup(self.network.portgroups[row])
            with self.loading():
                self.fill(self.network)

    def _store_host(self, item: QTableWidgetItem) -> None:
        assert self.network is not None
        ipv4 = ip_of(self.network, 4)
        assert ipv4 is not None
        host = ipv4.dhcp_hosts[item.row()]
        attribute = ("mac", "name", "ip")[item.column()]
        setattr(host, attribute, _text(self.hosts, item.row(), item.column()) or None)

    def _new_host(self) -> None:
        assert self.network is not None
        ipv4 = ip_of(self.network, 4)
        if ipv4 is None:
            return
        number = len(ipv4.dhcp_hosts) + 1
        ipv4.add_dhcp_host(mac=random_mac(), name=f"host{number}", ip=_free_address(self.network))
        with self.loading():
            self.fill(self.network)
        self.hosts.selectRow(self.hosts.rowCount() - 1)

    def _drop_host(self) -> None:
        assert self.network is not None
        ipv4 = ip_of(self.network, 4)
        row = self.hosts.currentRow()
        if ipv4 is not None and 0 <= row < len(ipv4.dhcp_hosts):
            ipv4.remove_dhcp_host(ipv4.dhcp_hosts[row])
            with self.loading():
                self.fill(self.network)


def _free_address(network: Network) -> str | None:
    """The first address of the IPv4 subnet outside the host address, DHCP ranges and hosts."""
    ipv4 = ip_of(network, 4)
    interface = ipv4.interface if ipv4 is not None else None
    if ipv4 is None or interface is None or interface.version != 4:
        return None
    used = {str(interface.ip)} | {h.ip for h in ipv4.dhcp_hosts if h.ip}
    ranges = []
    for dhcp_range in ipv4.dhcp_ranges:
        try:
            ranges.append((ipaddress.IPv4Address(dhcp_range.start),
                           ipaddress.IPv4Address(dhcp_range.end)))
        except ValueError:
            continue
    for address in list(interface.network.hosts())[:4096]:
        if str(address) in used or any(start <= address <= end for start, end in ranges):
            continue
        return str(address)
    return None
