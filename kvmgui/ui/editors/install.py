"""Wires the editors into the main window: a Create menu, an Edit… action, double-click.

    feature = install_editors(window, model)
    toolbar.addAction(feature.new_vm_action)    # each action is an attribute

Editors open without blocking the window.  What they need from libvirt (the inactive XML,
the host's capabilities) is read on the connection's worker first; the editor appears when
it arrives.  ``editorOpened`` announces every editor or wizard shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from kvmgui.logic.action_rules import connection_up
from kvmgui.ui.errors import show_error, show_information
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.roles import NodeKind, Role
from kvmgui.virt.connection import Connection
from kvmgui.virt.errors import error_text
from kvmgui.core.snapshots import ConnectionState, PoolInfo, VolumeInfo

if TYPE_CHECKING:
    from kvmgui.logic.osinfo import OsDatabase
    from kvmgui.virt.define import EditSource
    from kvmgui.ui.editors.editor_context import EditorContext

# The editor modules are imported when an editor first opens, not with the main window: they
# are a fifth of start-up time and many sessions never open an editor.

EDITABLE = {NodeKind.DOMAIN: "domain", NodeKind.NETWORK: "network"}


class EditorsFeature(QObject):
    """Owns the editor actions of one main window and the editors they open.

    Signals:
        editorOpened(QWidget): an editor dialog or the new-VM wizard was shown.
    """

    editorOpened = Signal(object)

    def __init__(self, window: MainWindow, model: InventoryModel) -> None:
        super().__init__(window)
        self._window = window
        self._model = model
        self._open: dict[tuple[str, str], QDialog] = {}
        self.new_vm_action = self._action(self.tr("New &virtual machine…"), self.new_vm)
        self.new_pool_action = self._action(self.tr("New storage &pool…"), self.new_pool)
        self.new_volume_action = self._action(self.tr("New v&olume…"), self.new_volume)
        self.new_network_action = self._action(self.tr("New &network…"), self.new_network)
        self.edit_action = self._action(self.tr("&Edit…"), self.edit_current)
        self.edit_action.setToolTip(self.tr("Edit the definition of the selected virtual "
                                            "machine or network"))
        self.edit_action.setShortcut(QKeySequence("F2"))
        self.edit_action.setEnabled(False)
        window.tree.selectionModel().currentChanged.connect(self._current_changed)
        model.dataChanged.connect(self._update_edit)  # e.g. its host disconnected
        window.tree.doubleClicked.connect(self._double_clicked)

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def build_menu(self) -> QMenu:
        """The Create menu, placed before the window's last menu (Help)."""
        menu = QMenu(self.tr("C&reate"), self._window)  # Alt+C is the Connection menu
        for action in (self.new_vm_action, self.new_pool_action, self.new_volume_action,
                       self.new_network_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.edit_action)
        bar = self._window.menuBar()
        existing = bar.actions()
        if existing:
            bar.insertMenu(existing[-1], menu)
        else:
            bar.addMenu(menu)
        return menu

    # ---- which connection and object ------------------------------------------------------

    def current_index(self) -> QModelIndex:
        return self._window.source_index(self._window.tree.currentIndex())

    def target_connection(self) -> Connection | None:
        """The connection of the current row, else the first connected one."""
        uri = self.current_index().data(Role.URI)
        conn = self._model.connection(str(uri)) if uri else None
        if conn is not None and conn.state == ConnectionState.CONNECTED:
            return conn
        return next((c for c in self._model.connections()
                     if c.state == ConnectionState.CONNECTED), None)

    def _connection_or_warn(self) -> Connection | None:
        conn = self.target_connection()
        if conn is None:
            show_information(self._window, self.tr("No connection"),
                             self.tr("Connect to a host first."))
        return conn

    def _context(self, conn: Connection) -> EditorContext:
        from kvmgui.ui.editors.editor_context import EditorContext

        return EditorContext.of(self._model, conn.uri)

    # ---- creating -------------------------------------------------------------------------

    def new_vm(self) -> None:
        conn = self._connection_or_warn()
        if conn is None:
            return

        def read(c: object) -> tuple[str, str, OsDatabase]:
            from kvmgui.logic.osinfo import cached_os_database

            # The OS database is read here too, on the worker: a few hundred files.
            return c.getType(), c.getCapabilities(), cached_os_database()  # type: ignore[attr-defined]

        conn.run(read, lambda result: self._open_wizard(conn, *result),
                 lambda exc: self._failed(self.tr("New virtual machine"), exc))

    def _open_wizard(self, conn: Connection, driver: str, caps: str,
                     database: OsDatabase) -> None:
        from kvmgui.logic.new_vm_plan import choose_target
        from kvmgui.ui.editors.domain_editor import DomainEditor
        from kvmgui.ui.editors.new_vm_wizard import NewVmWizard

        wizard = NewVmWizard(conn, self._context(conn), database, choose_target(driver, caps),
                             self._window)
        wizard.customizeRequested.connect(
            lambda xml, volumes, start: self._show(DomainEditor(
                conn, self._context(conn), xml, new_volumes=volumes, start=start,
                parent=self._window)))
        self._show(wizard)

    def new_pool(self) -> None:
        conn = self._connection_or_warn()
        if conn is not None:
            from kvmgui.ui.editors.pool_editor import PoolEditor

            self._show(PoolEditor(conn, self._context(conn), self._window))

    def new_volume(self) -> None:
        from kvmgui.ui.editors.volume_editor import VolumeEditor

        conn = self._connection_or_warn()
        if conn is None:
            return
        snapshot = self.current_index().data(Role.SNAPSHOT)
        pool_name = snapshot.name if isinstance(snapshot, PoolInfo) else None
        if isinstance(snapshot, VolumeInfo):
            context = self._context(conn)
            pool_name = next((p.name for p in context.pools if p.uuid == snapshot.pool_uuid),
                             None)
        self._show(VolumeEditor(conn, self._context(conn), pool_name, self._window))

    def new_network(self) -> None:
        conn = self._connection_or_warn()
        if conn is not None:
            from kvmgui.ui.editors.network_editor import NetworkEditor

            self._show(NetworkEditor(conn, self._context(conn), parent=self._window))

    # ---- editing --------------------------------------------------------------------------

    def edit_current(self) -> None:
        self.edit(self.current_index())

    def edit(self, index: QModelIndex) -> None:
        """Open the editor for the domain or network at ``index`` of the inventory model."""
        kind = EDITABLE.get(index.data(Role.KIND))
        conn = self._model.connection(str(index.data(Role.URI)))
        if kind is None or conn is None:
            return
        uuid = str(index.data(Role.KEY))
        already = self._open.get((conn.uri, uuid))
        if already is not None:
            already.raise_()
            already.activateWindow()
            return
        from kvmgui.virt.define import read_for_edit

        conn.run(read_for_edit(kind, uuid),  # type: ignore[arg-type]
                 lambda source: self._open_editor(conn, kind, uuid, source),
                 lambda exc: self._failed(self.tr("Edit"), exc))

    def _open_editor(self, conn: Connection, kind: str, uuid: str, source: EditSource) -> None:
        from kvmgui.ui.editors.domain_editor import DomainEditor
        from kvmgui.ui.editors.network_editor import NetworkEditor

        context = self._context(conn)
        editor: QDialog
        if kind == "domain":
            editor = DomainEditor(conn, context, source.xml, uuid=uuid,
                                  autostart=source.autostart, active=source.active,
                                  parent=self._window)
        else:
            editor = NetworkEditor(conn, context, source.xml, uuid=uuid,
                                   autostart=source.autostart, active=source.active,
                                   parent=self._window)
        self._open[(conn.uri, uuid)] = editor
        editor.finished.connect(lambda _r: self._open.pop((conn.uri, uuid), None))
        self._show(editor)

    def _show(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # many editors over a session
        dialog.show()
        self.editorOpened.emit(dialog)

    def _failed(self, title: str, exc: Exception) -> None:
        show_error(self._window, title, error_text(exc))

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_edit()

    def _update_edit(self, *_changed: object) -> None:
        # Not while its host is disconnected: what the tree shows of the object is unknown.
        index = self.current_index()
        conn = self._model.connection(str(index.data(Role.URI)))
        self.edit_action.setEnabled(index.data(Role.KIND) in EDITABLE and conn is not None
                                    and connection_up(conn.state))

    def _double_clicked(self, proxy_index: QModelIndex) -> None:
        # A domain opens its VM window instead (kvmgui.ui.vm_window), the editor inside.
        index = self._window.source_index(proxy_index)
        if index.data(Role.KIND) == NodeKind.NETWORK:
            self.edit(index.siblingAtColumn(0))


def install_editors(window: MainWindow, model: InventoryModel) -> EditorsFeature:
    """Add the Create menu, the Edit… action and double-click editing to ``window``."""
    feature = EditorsFeature(window, model)
    feature.build_menu()
    return feature

