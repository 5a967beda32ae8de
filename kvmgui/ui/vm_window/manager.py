"""Which VM windows are open: one per domain, raised when opened again, as separate windows
or as tabs of one window (the `vm_windows_as_tabs` preference, applied at once).

Each window's size and page are kept per domain UUID (window_memory.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from kvmgui.ui.actions.runner import ActionRunner
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.preferences import Preferences
from kvmgui.ui.roles import Category
from kvmgui.ui.vm_window.window_memory import WindowMemory

SESSION_EXIT_S = 2.0  # the longest the exit waits for the consoles' threads

if TYPE_CHECKING:
    from kvmgui.ui.vm_window.tabs_window import VmTabsWindow
    from kvmgui.ui.vm_window.vm_view import VmView
    from kvmgui.virt.sampler import SamplerLookup

DEFAULT_SIZE = (1100, 780)
Key = tuple[str, str]  # (connection URI, domain UUID)


class VmWindows(QObject):
    """Opens, raises and closes the VM windows (see the module docstring).

    Signals:
        opened(VmView): a VM window (or tab) was created and shown.
    """

    opened = Signal(object)

    def __init__(self, model: InventoryModel, runner: ActionRunner, preferences: Preferences,
                 memory: WindowMemory, samplers: SamplerLookup,
                 set_interval: Callable[[float], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._runner = runner
        self._preferences = preferences
        self._memory = memory
        self._samplers = samplers
        self._set_interval = set_interval
        self._views: dict[Key, VmView] = {}
        self._tabs: VmTabsWindow | None = None
        self._as_tabs = preferences.vm_windows_as_tabs
        preferences.changed.connect(self._preferences_changed)

    # ---- public ------------------------------------------------------------------------------

    def open(self, uri: str, uuid: str) -> VmView | None:
        """Show the VM window of domain `uuid` on `uri` (raise it if open); None when the
        domain is not in the inventory."""
        view = self._views.get((uri, uuid))
        if view is not None:
            self._raise(view)
            return view
        connection = self._model.connection(uri)
        if connection is None or not self._model.find(uri, Category.DOMAINS, uuid).isValid():
            return None
        from kvmgui.ui.vm_window.vm_view import VmView  # the windows' modules: on first use

        view = VmView(self._model, connection, uuid, self._runner, self._preferences,
                      self._memory, self._samplers, self._set_interval)
        self._views[(uri, uuid)] = view
        view.closed.connect(lambda key=(uri, uuid): self._views.pop(key, None))
        self._place(view)
        self.opened.emit(view)
        return view

    def view(self, uri: str, uuid: str) -> VmView | None:
        return self._views.get((uri, uuid))

    def views(self) -> list[VmView]:
        return list(self._views.values())

    @property
    def tabs_window(self) -> VmTabsWindow | None:
        return self._tabs

    def close_all(self) -> None:
        """Close every VM window (the main window closes)."""
        if self._tabs is not None:
            self._tabs.close()
        for view in list(self._views.values()):
            view.close()
        # Graphical consoles read their sockets on threads of their own: let them end before the
        # application is torn down. (Only if one was ever opened: nothing is imported at exit.)
        sessions = sys.modules.get("kvmgui.virt.vnc_session")
        if sessions is not None:
            sessions.wait_for_sessions(SESSION_EXIT_S)

    # ---- placing -----------------------------------------------------------------------------

    def _place(self, view: VmView) -> None:
        if self._as_tabs:
            self._tabs_window().add(view)
            self._tabs_window().show_view(view)
            return
        saved = self._memory.geometry(view.uuid)
        if saved is None or not view.restoreGeometry(saved):
            view.resize(*DEFAULT_SIZE)
        view.show()

    def _raise(self, view: VmView) -> None:
        if self._tabs is not None and view.window() is self._tabs:
            self._tabs.show_view(view)
            return
        if view.isMinimized():
            view.showNormal()
        view.show()
        view.raise_()
        view.activateWindow()

    def _tabs_window(self) -> VmTabsWindow:
        if self._tabs is None or self._tabs.closing:
            from kvmgui.ui.vm_window.tabs_window import VmTabsWindow

            self._tabs = VmTabsWindow(self._memory)
            self._tabs.destroyed.connect(self._tabs_gone)
        return self._tabs

    def _tabs_gone(self) -> None:
        self._tabs = None

    def _preferences_changed(self, names: frozenset[str]) -> None:
        if "vm_windows_as_tabs" not in names:
            return
        self._as_tabs = self._preferences.vm_windows_as_tabs
        views = self.views()
        if self._as_tabs:
            for view in views:
                if view.isWindow():
                    self._memory.set_geometry(view.uuid, view.saveGeometry())
                    view.hide()
                    self._tabs_window().add(view)
            if views:
                self._tabs_window().show_view(views[-1])
        elif self._tabs is not None:
            tabs = self._tabs
            for view in tabs.views():
                tabs.take(view)
                view.setWindowFlag(Qt.WindowType.Window, True)
                self._place(view)
            tabs.close()
