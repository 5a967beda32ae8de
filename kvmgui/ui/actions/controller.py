"""Wires the object actions into the main window: menus, toolbar, context menu, shortcuts, and
enabled states that follow the selection and the objects' states."""

from collections.abc import Iterable

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from kvmgui.logic.action_rules import DomainAction, NetworkAction, PoolAction, VolumeAction
from kvmgui.ui.i18n import without_appended_mnemonic
from kvmgui.ui.actions.base import ObjectActions, current_selection
from kvmgui.ui.actions.connection_actions import ConnectionAction, ConnectionActions
from kvmgui.ui.actions.connection_manager import ConnectionManager
from kvmgui.ui.actions.delete_action import DeleteSelected
from kvmgui.ui.actions.domain_actions import DomainActions
from kvmgui.ui.actions.network_actions import NetworkActions
from kvmgui.ui.actions.runner import ActionRunner
from kvmgui.ui.actions.storage_actions import PoolActions, VolumeActions
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.preferences import Preferences
from kvmgui.ui.roles import NodeKind, Role

D, P, N, C = DomainAction, PoolAction, NetworkAction, ConnectionAction
# Enabled states follow state changes at most this often (events can stream in by the hundred).
_UPDATE_MS = 100

_DOMAIN_MENU = (D.CONSOLE, D.EXTERNAL_VIEWER, None, D.START, D.SHUTDOWN, D.REBOOT, D.FORCE_OFF,
                None, D.PAUSE, D.RESUME, None, D.SAVE, D.DISCARD_SAVE, None, D.AUTOSTART_ON,
                D.AUTOSTART_OFF, None, D.CLONE, None, D.DELETE)
_POOL_MENU = (P.START, P.STOP, P.REFRESH, None, P.AUTOSTART_ON, P.AUTOSTART_OFF, None, P.BUILD,
              P.DELETE, P.UNDEFINE)
_NETWORK_MENU = (N.START, N.STOP, None, N.AUTOSTART_ON, N.AUTOSTART_OFF, None, N.UNDEFINE)
_CONNECTION_MENU = (C.CONNECT, C.DISCONNECT, C.RECONNECT, None, C.AUTOCONNECT, C.REMOVE)
_TOOLBAR = (D.CONSOLE, None, D.START, D.PAUSE, D.RESUME, D.SHUTDOWN, D.REBOOT, D.FORCE_OFF,
            None, D.SAVE)  # then Delete, for whatever kind of object is selected


class ActionsController(QObject):
    """Owns the action groups (`domain`, `pool`, `volume`, `network`, `connection`) and the
    runner that executes them; the groups ask `preferences` (the application's)."""

    def __init__(self, window: MainWindow, model: InventoryModel,
                 manager: ConnectionManager, preferences: Preferences) -> None:
        super().__init__(window)
        self.window = window
        self.runner = ActionRunner(model, window)
        self._selection = current_selection(window)
        args = (window, model, self.runner, self._selection, preferences)
        self.domain = DomainActions(*args)
        self.pool = PoolActions(*args)
        self.volume = VolumeActions(*args)
        self.network = NetworkActions(*args)
        self.connection = ConnectionActions(*args, manager)
        self._groups: tuple[ObjectActions, ...] = (
            self.domain, self.pool, self.volume, self.network, self.connection)
        self.delete = DeleteSelected(window, {
            NodeKind.DOMAIN: self.domain.actions[D.DELETE],
            NodeKind.POOL: self.pool.actions[P.UNDEFINE],
            NodeKind.VOLUME: self.volume.actions[VolumeAction.DELETE],
            NodeKind.NETWORK: self.network.actions[N.UNDEFINE]})
        self._build_menus()
        self._build_toolbar()
        self._scope_delete_key()
        window.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.tree.customContextMenuRequested.connect(self._context_menu)
        self._timer = QTimer(self, singleShot=True, interval=_UPDATE_MS)
        self._timer.timeout.connect(self.update_enabled)
        window.tree.selectionModel().selectionChanged.connect(self.update_enabled)
        # The objects were just re-read: what they can do next is known now, not a tick later.
        self.runner.batchFinished.connect(self.update_enabled)
        for signal in (model.dataChanged, model.rowsRemoved, model.modelReset):
            signal.connect(self._timer.start)
        self.update_enabled()

    def update_enabled(self) -> None:
        items = self._selection()
        for group in self._groups:
            group.update(items)
        self.delete.update(items)  # it follows the groups' actions

    # ---- building ----------------------------------------------------------------------------

    def _fill(self, menu: QMenu, group: ObjectActions, keys: Iterable[object]) -> None:
        for key in keys:
            if key is None:
                menu.addSeparator()
            else:
                menu.addAction(group.actions[key])

    def _build_menus(self) -> None:
        w = self.window
        w.file_menu.insertAction(w.refresh_action, self.connection.open_demo_action)
        w.file_menu.insertSeparator(w.refresh_action)
        before = w.view_menu.menuAction()
        connection_menu = QMenu(self.tr("&Connection"), w)
        connection_menu.addAction(self.connection.actions[C.ADD])
        connection_menu.addSeparator()
        self._fill(connection_menu, self.connection, _CONNECTION_MENU)
        domain_menu = QMenu(self.tr("&Domain"), w)
        self._fill(domain_menu, self.domain, _DOMAIN_MENU)
        storage_menu = QMenu(self.tr("&Storage"), w)
        self._fill(storage_menu, self.pool, _POOL_MENU)
        storage_menu.addSeparator()
        storage_menu.addAction(self.volume.actions[VolumeAction.DELETE])
        network_menu = QMenu(self.tr("&Network"), w)
        self._fill(network_menu, self.network, _NETWORK_MENU)
        for menu in (connection_menu, domain_menu, storage_menu, network_menu):
            w.menuBar().insertMenu(before, menu)
        # Context menus hold only the clicked kind's actions.
        pool_menu = QMenu(w)
        self._fill(pool_menu, self.pool, _POOL_MENU)
        volume_menu = QMenu(w)
        volume_menu.addAction(self.volume.actions[VolumeAction.DELETE])
        self.context_menus = {NodeKind.CONNECTION: connection_menu, NodeKind.DOMAIN: domain_menu,
                              NodeKind.POOL: pool_menu, NodeKind.VOLUME: volume_menu,
                              NodeKind.NETWORK: network_menu}

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("Actions"), self.window)
        self.toolbar.setObjectName("actions-toolbar")  # lets QMainWindow.saveState name it
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.connection.actions[C.ADD])
        self.toolbar.addSeparator()
        for key in _TOOLBAR:
            if key is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(self.domain.actions[key])
        self.toolbar.addAction(self.delete.action)
        for key in (D.SHUTDOWN, D.REBOOT, D.FORCE_OFF, D.SAVE):
            button = self.toolbar.widgetForAction(self.domain.actions[key])
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for action in self.toolbar.actions():
            if action.isSeparator():
                # Its widget is of a private Qt class: converting one makes PySide6 build every
                # QtWidgets type to find its nearest public base (once, ~12 ms).
                continue
            plain = without_appended_mnemonic(action.text())
            if "&" in action.text() and "&" not in plain:  # a translation's "启动(&S)"
                action.setIconText(plain)
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                # Screen readers name icon-only buttons by this (the text without "&" or "…").
                button.setAccessibleName(action.iconText())
        self.window.addToolBar(self.toolbar)

    def _scope_delete_key(self) -> None:
        # Del deletes the selection only while the tree has focus: in the filter box it edits text.
        delete = self.delete.action
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.window.tree.addAction(delete)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.window.tree.indexAt(pos)
        kind = index.data(Role.KIND) if index.isValid() else None
        menu = self.context_menus.get(NodeKind(kind)) if kind is not None else None
        if menu is None:
            return
        self.update_enabled()
        menu.popup(self.window.tree.viewport().mapToGlobal(pos))

    def all_actions(self) -> list[QAction]:
        return [a for g in self._groups for a in g.actions.values()] + [self.delete.action]
