"""The DHCP leases tab of a network: read on the connection's worker when the network is shown
(and again when it starts or stops)."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QHeaderView, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.plain_text import plain_label
from kvmgui.ui.roles import NodeKind, Role
from kvmgui.virt.errors import error_text

if TYPE_CHECKING:
    from kvmgui.virt.leases import LeaseReport


class LeasesPage(QWidget):
    """A table of MAC, address, host name, client id and expiry; or why there is none."""

    def __init__(self, model: InventoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._current = QPersistentModelIndex()
        self._shown_active: bool | None = None  # the network's state the leases were read in
        self._request = 0  # answers to older requests are dropped
        self.status = plain_label("", self)  # may quote libvirt's error
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("MAC address"), self.tr("IP address"),
                                              self.tr("Host name"), self.tr("Client ID"),
                                              self.tr("Expires")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.clicked.connect(self.reload)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reload_button)
        model.dataChanged.connect(self._data_changed)

    def applies_to(self, kind: NodeKind) -> bool:
        return kind == NodeKind.NETWORK

    def show_index(self, source_index: QModelIndex) -> None:
        if QPersistentModelIndex(source_index) == self._current:
            return
        self._current = QPersistentModelIndex(source_index)
        self.reload()

    def reload(self) -> None:
        self._request += 1
        self.table.setRowCount(0)
        index = self._current
        conn = self._model.connection(index.data(Role.URI)) if index.isValid() else None
        if conn is None or index.data(Role.KIND) != NodeKind.NETWORK:
            self._shown_active = None
            return
        uuid = index.data(Role.KEY)
        self._shown_active = index.data(Role.SNAPSHOT).active
        request = self._request
        self.status.setText(self.tr("Reading leases…"))
        from kvmgui.virt.leases import network_leases  # on first use: start-up

        conn.run(lambda c: network_leases(c, uuid),
                 lambda report: self._show(request, report),
                 lambda exc: self._failed(request, exc))

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        index = self._current
        if (index.isValid() and top_left.parent() == index.parent()
                and top_left.row() <= index.row() <= bottom_right.row()
                and index.data(Role.KIND) == NodeKind.NETWORK
                and index.data(Role.SNAPSHOT).active != self._shown_active):
            self.reload()

    def _show(self, request: int, report: "LeaseReport") -> None:
        import datetime

        from kvmgui.virt.leases import LeasesUnavailable

        if request != self._request:
            return
        self.table.setVisible(report.unavailable is None)
        if report.unavailable is LeasesUnavailable.NOT_SUPPORTED:
            self.status.setText(self.tr("DHCP leases are not available on this connection "
                                        "(its driver does not report them)."))
            return
        if report.unavailable is LeasesUnavailable.INACTIVE:
            self.status.setText(self.tr("The network is not active: it hands out no leases."))
            return
        self.status.setText(self.tr("%n lease(s)", "", len(report.leases)))
        self.table.setRowCount(len(report.leases))
        for row, lease in enumerate(report.leases):
            expiry = (datetime.datetime.fromtimestamp(lease.expiry).isoformat(" ", "minutes")
                      if lease.expiry else "")
            for column, text in enumerate((lease.mac, lease.address, lease.hostname,
                                           lease.client_id, expiry)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _failed(self, request: int, exc: Exception) -> None:
        if request == self._request:
            self.table.setVisible(False)
            self.status.setText(self.tr("Cannot read the leases: %s") % error_text(exc))
