"""Connection actions: add (dialog), connect, disconnect, reconnect, autoconnect, remove, and
File › Open demo host (with a word in the status bar while the demo host is not shown)."""

from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from kvmgui.core.resource_paths import demo_host_uri, resource
from kvmgui.ui.actions.base import ObjectActions
from kvmgui.ui.actions.connection_manager import ConnectionManager
from kvmgui.ui.actions.runner import ActionRunner
from kvmgui.ui.actions.selection import Selected
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.preferences import Preferences
from kvmgui.ui.roles import NodeKind
from kvmgui.core.snapshots import ConnectionState

if TYPE_CHECKING:
    from kvmgui.ui.dialogs.add_connection_dialog import AddConnectionDialog


class ConnectionAction(Enum):
    ADD = "add"
    CONNECT = "connect"
    DISCONNECT = "disconnect"
    RECONNECT = "reconnect"
    AUTOCONNECT = "autoconnect"
    REMOVE = "remove"


C = ConnectionAction


class ConnectionActions(ObjectActions):
    """QActions in `actions` (keyed by ConnectionAction) for the selected connection rows."""

    kind = NodeKind.CONNECTION

    def __init__(self, window: MainWindow, model: InventoryModel, runner: ActionRunner,
                 selection: Any, preferences: Preferences, manager: ConnectionManager) -> None:
        super().__init__(window, model, runner, selection, preferences)
        self.manager = manager
        self._main_window = window
        self.add(C.ADD, self.tr("&Add Connection…"), self.add_connection, "Ctrl+Shift+N")
        self.add(C.CONNECT, self.tr("&Connect"), self.connect_selected)
        self.add(C.DISCONNECT, self.tr("&Disconnect"), self.disconnect_selected)
        self.add(C.RECONNECT, self.tr("&Reconnect"), self.reconnect_selected)
        autoconnect = self.add(C.AUTOCONNECT, self.tr("Connect &automatically at start"),
                               self._toggle_autoconnect)
        autoconnect.setCheckable(True)
        self.add(C.REMOVE, self.tr("Re&move connection"), self.remove_selected)
        self.actions[C.ADD].setEnabled(True)
        # Shown at the first start only; once a connection is saved it is one menu entry away.
        self.open_demo_action = QAction(self.tr("Open &demo host"), window)
        self.open_demo_action.setStatusTip(self.tr(
            "Show the bundled demo host: a simulated host to try kvmgui on (nothing is saved)"))
        self.open_demo_action.triggered.connect(self.open_demo)
        self.demo_hint = QLabel(self.tr("The demo host is in File › Open demo host."), window)
        self.demo_hint.setTextFormat(Qt.TextFormat.PlainText)
        window.statusBar().addWidget(self.demo_hint)
        for signal in (model.rowsInserted, model.rowsRemoved):
            signal.connect(self._update_demo_hint)
        self._update_demo_hint()

    def can(self, key: Any, item: Selected) -> bool:
        state = item.snapshot.state
        if key is C.ADD:
            return True
        if key is C.CONNECT:
            return state in (ConnectionState.DISCONNECTED, ConnectionState.ERROR)
        if key is C.DISCONNECT:
            return state in (ConnectionState.CONNECTED, ConnectionState.CONNECTING)
        return True  # RECONNECT, AUTOCONNECT, REMOVE

    def connected(self, item: Selected) -> bool:
        return True  # connecting is what these actions are for

    def update(self, items: Any) -> None:
        super().update(items)
        self.actions[C.ADD].setEnabled(True)
        mine = self.selected()
        autoconnect = self.actions[C.AUTOCONNECT]
        autoconnect.setEnabled(len(mine) == 1)
        autoconnect.setChecked(len(mine) == 1 and self.manager.autoconnect(mine[0].uri))

    # ---- handlers ----------------------------------------------------------------------------

    def add_connection(self) -> None:
        from kvmgui.ui.dialogs.add_connection_dialog import AddConnectionDialog  # on first use

        dialog = AddConnectionDialog(str(resource("demo-host.xml").resolve()), self.window)
        self.open_dialog(dialog, lambda: self._added(dialog))

    def _added(self, dialog: "AddConnectionDialog") -> None:
        result = dialog.result_uri()
        if not result.ok:
            return
        existed = self.model.connection(result.uri) is not None
        conn = self.manager.add_saved(result.uri, dialog.autoconnect.isChecked())
        if existed and conn.state == ConnectionState.CONNECTED:
            self.window.statusBar().showMessage(self.tr("%s is already open") % result.uri, 5000)

    def connect_selected(self) -> None:
        for item in self.selected():
            if self.can(C.CONNECT, item):
                item.snapshot.open()

    def disconnect_selected(self) -> None:
        for item in self.selected():
            if self.can(C.DISCONNECT, item):
                item.snapshot.close()

    def reconnect_selected(self) -> None:
        for item in self.selected():
            item.snapshot.open()  # open() closes the old connection first, on the worker

    def remove_selected(self) -> None:
        for item in self.selected():
            self.manager.remove(item.uri)

    def open_demo(self) -> None:
        """Show the demo host (for this run: it is not saved) and select it."""
        conn = self.manager.add(demo_host_uri())
        if conn.state not in (ConnectionState.CONNECTED, ConnectionState.CONNECTING):
            conn.open()
        index = self.model.find_by_name(conn.uri)
        if index.isValid():
            self._main_window.select(index)

    def _update_demo_hint(self) -> None:
        self.demo_hint.setVisible(self.model.connection(demo_host_uri()) is None)

    def _toggle_autoconnect(self, checked: bool) -> None:
        mine = self.selected()
        if len(mine) == 1:
            self.manager.set_autoconnect(mine[0].uri, checked)
