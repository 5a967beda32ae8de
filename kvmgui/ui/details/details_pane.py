"""The right-hand pane: tabs about whatever is current in the tree.

The Summary tab is built in; other features add tabs with `add_page` (Performance for domains,
Topology for connections, ...). A page is any QWidget with the `DetailsPage` methods; a tab shows
only for the kinds of rows its page `applies_to`.
"""

from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from kvmgui.logic import usage
from kvmgui.ui import texts
from kvmgui.ui.details import summaries
from kvmgui.ui.details.form_page import FormPage
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.roles import NodeKind, Role
from kvmgui.virt.connection import Connection
from kvmgui.core.snapshots import ConnectionState, PoolInfo, VolumeInfo

# Refresh at most this often while events stream in (a mass start of hundreds of domains).
_REFRESH_MS = 200


class DetailsPage(Protocol):
    """What a tab of the details pane provides (it is also a QWidget)."""

    def applies_to(self, kind: NodeKind) -> bool: ...

    def show_index(self, source_index: QModelIndex) -> None: ...


class DetailsPane(QWidget):
    """Summary (and the Host page for a connection) of the current object, plus added tabs."""

    def __init__(self, model: InventoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._current = QPersistentModelIndex()
        self._pages: list[DetailsPage] = []
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.page = FormPage(self.tabs)
        self.tabs.addTab(self.page, self.tr("Summary"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._timer = QTimer(self, singleShot=True, interval=_REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._timer.start)
        self.refresh()

    def add_page(self, page: DetailsPage, title: str) -> None:
        """Add a tab; it shows whenever the current row's kind is one the page applies to."""
        assert isinstance(page, QWidget)
        self._pages.append(page)
        self.tabs.addTab(page, title)
        self._update_tabs(self._current_index())

    def replace_page(self, old: DetailsPage, new: DetailsPage) -> None:
        """Put `new` in `old`'s tab, keeping its place and title (a page built on first use
        takes its stand-in's place: see kvmgui.ui.deferred_page)."""
        assert isinstance(old, QWidget) and isinstance(new, QWidget)
        tab = self.tabs.indexOf(old)
        was_current = self.tabs.currentIndex() == tab
        self._pages[self._pages.index(old)] = new
        self.tabs.insertTab(tab, new, self.tabs.tabText(tab))
        self.tabs.setTabVisible(tab, self.tabs.isTabVisible(tab + 1))
        if was_current:
            self.tabs.setCurrentIndex(tab)
        self.tabs.removeTab(tab + 1)
        self._update_tabs(self._current_index())

    def show_index(self, source_index: QModelIndex) -> None:
        """Show the object at `source_index` of the inventory model (invalid: nothing)."""
        self._current = QPersistentModelIndex(source_index)
        self._update_tabs(source_index)
        self.refresh()

    def _update_tabs(self, index: QModelIndex) -> None:
        kind = index.data(Role.KIND) if index.isValid() else None
        for page in self._pages:
            applies = kind is not None and page.applies_to(kind)
            self.tabs.setTabVisible(self.tabs.indexOf(page), applies)  # type: ignore[arg-type]
            if applies:
                page.show_index(index)

    def _current_index(self) -> QModelIndex:
        """The current row as a plain index (the persistent one follows row moves)."""
        current = self._current
        if not current.isValid():
            return QModelIndex()
        return self._model.index(current.row(), current.column(), current.parent())

    def refresh(self) -> None:
        index = self._current_index()
        if not index.isValid():
            self.page.set_content(self.tr("Nothing selected"), [
                (self.tr("Tip"), self.tr(
                    "Select a connection for its host page, or an object for "
                    "its summary. Type in the filter box to narrow the tree."))])
            return
        kind = index.data(Role.KIND)
        snap = index.data(Role.SNAPSHOT)
        uri = index.data(Role.URI)
        conn = self._model.connection(uri)
        if kind not in (NodeKind.CONNECTION, NodeKind.CATEGORY) and conn is not None \
                and conn.state != ConnectionState.CONNECTED:
            # What it was when last seen may not be what it is now.
            self.page.set_content(str(snap.name), [(self.tr("State"), texts.unknown_state()),
                                                   (self.tr("Connection"),
                                                    texts.offline_note(uri))])
            return
        if kind == NodeKind.CONNECTION:
            self._show_connection(snap)
        elif kind == NodeKind.CATEGORY:
            count = str(self._model.rowCount(index))
            self.page.set_content(index.data(), [(self.tr("Objects"), count)])
        elif kind == NodeKind.DOMAIN:
            self.page.set_content(snap.name, summaries.domain_rows(snap))
        elif kind == NodeKind.POOL:
            self.page.set_content(snap.name, summaries.pool_rows(snap))
        elif kind == NodeKind.VOLUME:
            self._show_volume(uri, snap, index.parent().data(Role.SNAPSHOT))
        elif kind == NodeKind.NETWORK:
            self.page.set_content(snap.name, summaries.network_rows(snap))
        elif kind == NodeKind.INTERFACE:
            self.page.set_content(snap.name, summaries.interface_rows(snap))

    def _show_connection(self, conn: Connection) -> None:
        state = texts.connection_state(conn.state, conn.message)
        if conn.inventory is None:
            self.page.set_content(conn.uri, [(self.tr("State"), state)])
            return
        host = conn.inventory.host
        domains = self._model.domains(conn.uri)
        rows = [(self.tr("State"), state)] + summaries.host_rows(host, domains)
        if conn.inventory.errors:
            # Parts of the inventory libvirt would not list (e.g. no interface backend).
            rows.append((self.tr("Not loaded"), None))
            rows += [(self.tr("Problem"), problem) for problem in conn.inventory.errors]
        self.page.set_content(self.tr("Host %s") % host.hostname, rows)

    def _show_volume(self, uri: str, vol: VolumeInfo, pool: PoolInfo) -> None:
        users = usage.volume_users(self._model.domains(uri), pool.name, vol.name, vol.path,
                                   pool.source_name)
        self.page.set_content(vol.name, summaries.volume_rows(vol, [d.name for d in users]))

