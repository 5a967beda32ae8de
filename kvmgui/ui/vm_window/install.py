"""Wires the VM windows into the main window: "Open" (toolbar, Domain menu, context menu),
Enter or double-click on a domain, "Open console" (the window on its Console page), "Edit…"
in the Domain menu, and a live thumbnail of the current domain's screen in the main window's
summary. The domain actions' rule (action_rules.domain_ready) enables these entries too.

    feature = install_vm_windows(window, model, actions, editors, performance, QSettings())
    # settings None: remember nothing (a --screenshot run leaves no trace)
    feature.manager.open(uri, uuid)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton

from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.actions.selection import Selected, selected_items
from kvmgui.ui.i18n import without_appended_mnemonic
from kvmgui.ui.icons import action_icon, themed_icon
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.roles import NodeKind, Role
from kvmgui.ui.vm_window.manager import VmWindows
from kvmgui.ui.vm_window.hardware_menu import AddHardwareAction
from kvmgui.ui.vm_window.snapshots_menu import TakeSnapshotAction
from kvmgui.ui.vm_window.thumbnail import ScreenThumbnail
from kvmgui.ui.vm_window.window_memory import WindowMemory

if TYPE_CHECKING:
    from kvmgui.ui.actions.controller import ActionsController
    from kvmgui.ui.editors.install import EditorsFeature
    from kvmgui.ui.performance.install import PerformanceFeature
    from kvmgui.ui.vm_window.vm_view import VmView


class VmWindowsFeature(QObject):
    """Owns the VM windows (`manager`), the Open action and the summary's thumbnail."""

    def __init__(self, window: MainWindow, model: InventoryModel, actions: ActionsController,
                 editors: EditorsFeature, performance: PerformanceFeature,
                 settings: QSettings | None) -> None:
        super().__init__(window)
        self._window = window
        self._model = model
        self._domain_actions = actions.domain
        self.manager = VmWindows(model, actions.runner, window.preferences,
                                 WindowMemory(settings),
                                 performance.sampler, performance.set_interval, self)
        self.open_action = QAction(themed_icon("window-new", action_icon("console")),
                                   self.tr("&Open"), window)
        self.open_action.setToolTip(self.tr(
            "Open the virtual machine's window: its console, details and performance"))
        self.open_action.setStatusTip(self.open_action.toolTip())
        self.open_action.triggered.connect(lambda _checked=False: self.open_selected())
        actions.domain.govern(DomainAction.OPEN, self.open_action)
        actions.domain.consoleRequested.connect(self.open_console)
        self._add_to_menus(actions, editors)
        self.thumbnail = ScreenThumbnail(window.details.page)
        window.details.page.add_header_widget(self.thumbnail)
        self.thumbnail.clicked.connect(lambda: self.open_index(self._current()))

        window.tree.activated.connect(self._activated)
        window.tree.selectionModel().currentChanged.connect(lambda *_a: self._follow_current())
        model.dataChanged.connect(self._data_changed)
        window.closing.connect(self.manager.close_all)

    # ---- public ------------------------------------------------------------------------------

    def open_index(self, source_index: QModelIndex) -> VmView | None:
        """Open the VM window of the domain at `source_index` (other rows: nothing)."""
        index = source_index.siblingAtColumn(0)
        if index.data(Role.KIND) != NodeKind.DOMAIN:
            return None
        return self.manager.open(str(index.data(Role.URI)), str(index.data(Role.KEY)))

    def open_selected(self) -> list[VmView]:
        """Open a VM window for each selected domain that can be acted on (its host is up)."""
        opened = [self.manager.open(item.uri, item.snapshot.uuid)
                  for item in self._domain_actions.selected()
                  if self._domain_actions.ready(DomainAction.OPEN, item)]
        return [view for view in opened if view is not None]

    def open_console(self, item: Selected) -> VmView | None:
        """The VM window of the selected domain `item`, on its Console page."""
        from kvmgui.ui.vm_window import builtin_pages  # the consoles: on first use

        view = self.manager.open(item.uri, item.snapshot.uuid)
        if view is not None:
            view.show_page(builtin_pages.CONSOLE)
        return view

    # ---- internals ---------------------------------------------------------------------------

    def _add_to_menus(self, actions: ActionsController, editors: EditorsFeature) -> None:
        console = actions.domain.actions[DomainAction.CONSOLE]
        actions.toolbar.insertAction(console, self.open_action)
        self.open_action.setIconText(without_appended_mnemonic(self.open_action.text())
                                     .replace("&", ""))  # a translation's "打开(&O)"
        button = actions.toolbar.widgetForAction(self.open_action)
        if isinstance(button, QToolButton):
            button.setAccessibleName(self.open_action.iconText())  # for screen readers
        # The Domain menu is also the domains' context menu.
        menu = actions.context_menus[NodeKind.DOMAIN]
        first = menu.actions()[0]  # Open console
        menu.insertAction(first, self.open_action)
        menu.insertAction(first, editors.edit_action)
        self.take_snapshot = TakeSnapshotAction(self, actions.domain, menu, first)
        self.add_hardware = AddHardwareAction(self, actions.domain, menu, first)
        menu.insertSeparator(first)
        self.domain_menu: QMenu = menu

    def _current(self) -> QModelIndex:
        return self._window.source_index(self._window.tree.currentIndex()).siblingAtColumn(0)

    def _activated(self, proxy_index: QModelIndex) -> None:
        """Enter or double-click: what Open would do for that row."""
        rows = selected_items([self._window.source_index(proxy_index).siblingAtColumn(0)])
        if rows and rows[0].kind == NodeKind.DOMAIN and self._domain_actions.ready(
                DomainAction.OPEN, rows[0]):
            self.manager.open(rows[0].uri, rows[0].snapshot.uuid)

    def _follow_current(self) -> None:
        index = self._current()
        if index.data(Role.KIND) != NodeKind.DOMAIN:
            self.thumbnail.set_domain(None, None)
            return
        self.thumbnail.set_domain(self._model.connection(str(index.data(Role.URI))),
                                  index.data(Role.SNAPSHOT))

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        current = self._current()
        if (current.isValid() and top_left.parent() == current.parent()
                and top_left.row() <= current.row() <= bottom_right.row()):
            self._follow_current()


def install_vm_windows(window: MainWindow, model: InventoryModel, actions: ActionsController,
                       editors: EditorsFeature, performance: PerformanceFeature,
                       settings: QSettings | None) -> VmWindowsFeature:
    """Add VM windows to `window` (after the actions, editors and performance features)."""
    return VmWindowsFeature(window, model, actions, editors, performance, settings)
