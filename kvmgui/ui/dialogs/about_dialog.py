"""About kvmgui: what it is, and the versions of everything it runs on (for bug reports).

The libvirt versions come from each connection's inventory (read on its worker when it
connected): the GUI thread never calls libvirt.
"""

import platform
from collections.abc import Sequence

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

import kvmgui
from kvmgui.ui import texts
from kvmgui.ui.plain_text import plain_label, plain_tooltip
from kvmgui.virt.connection import Connection


def component_versions() -> list[tuple[str, str]]:
    """(component, version) of kvmgui and the libraries in this process."""
    return [("kvmgui", kvmgui.__version__), ("Qt", qVersion()),
            ("PySide6", PySide6.__version__), ("Python", platform.python_version())]


def connection_versions(connections: Sequence[Connection]) -> list[tuple[str, str, str, str]]:
    """(URI, libvirt library, daemon, hypervisor) per connection; "" where not known (a
    connection that is not open, a driver without a daemon)."""
    rows = []
    for conn in connections:
        inventory = conn.inventory
        if inventory is None:
            rows.append((conn.uri, "", "", ""))
            continue
        host = inventory.host
        hypervisor = " ".join(part for part in (host.driver, host.hypervisor_version) if part)
        rows.append((conn.uri, host.library_version, host.daemon_version, hypervisor))
    return rows


def versions_text(connections: Sequence[Connection]) -> str:
    """Everything the dialog shows, as plain text to paste into a bug report."""
    lines = [f"{name} {version}" for name, version in component_versions()]
    for uri, library, daemon, hypervisor in connection_versions(connections):
        if not library:
            lines.append(f"{uri}: " + QCoreApplication.translate("AboutDialog", "not connected"))
            continue
        lines.append(f"{uri}: " + QCoreApplication.translate(
            "AboutDialog", "libvirt library %s, daemon %s, hypervisor %s")
            % (library, daemon or "-", hypervisor or "-"))
    return "\n".join(lines)


class AboutDialog(QDialog):
    """kvmgui's purpose and licence, library versions, and per connection the libvirt library,
    daemon and hypervisor versions; "Copy" puts them on the clipboard."""

    def __init__(self, connections: Sequence[Connection], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About kvmgui"))
        self._connections = list(connections)
        title = QLabel(self.tr("<h2>kvmgui %s</h2><p>A fast, VLAN-aware desktop manager for "
                               "libvirt/KVM.</p>") % kvmgui.__version__, self)
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        self.components = plain_label(", ".join(f"{name} {version}"
                                           for name, version in component_versions()[1:]), self)
        self.components.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.components.setAccessibleName(self.tr("Library versions"))
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Versions per connection"))
        self.table.setHorizontalHeaderLabels([self.tr("Connection"), self.tr("libvirt library"),
                                              self.tr("Daemon"), self.tr("Hypervisor")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long URIs keep both ends
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._fill_table()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy versions"), self)
        self.copy_button.setToolTip(self.tr("Copy all versions as text, e.g. for a bug report"))
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_versions)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.components)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(640, 360)

    def _fill_table(self) -> None:
        rows = connection_versions(self._connections)
        self.table.setRowCount(len(rows))
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for row, (uri, library, daemon, hypervisor) in enumerate(rows):
            conn = self._connections[row]
            cells = (uri, library or self.tr("not connected"), daemon or "-" if library else "",
                     hypervisor)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column > 0 and library:
                    item.setFont(fixed)
                # Why it is not connected (the error can be long) shows on hovering.
                item.setToolTip(plain_tooltip(
                    text if library else
                    f"{uri}\n{texts.connection_state(conn.state, conn.message)}"))
                self.table.setItem(row, column, item)

    def copy_versions(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(versions_text(self._connections))
