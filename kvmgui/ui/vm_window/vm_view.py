"""One domain's VM window: toolbar, pages (Console, Details, Performance, ...), status bar.

It is a QMainWindow: shown on its own it is the window; with the "tabs" preference it is a
tab of the VM tabs window. It follows its domain through the inventory model (title, enabled
actions, pages) and acts through the same domain actions as the main window (confirmations,
the action worker, progress in the tree's row).
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QImageWriter, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QTabWidget, QWidget
from shiboken6 import isValid

from kvmgui.core.snapshots import ConnectionState, DomainInfo, DomainState
from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.actions.domain_actions import DomainActions
from kvmgui.ui.actions.runner import ActionRunner
from kvmgui.ui.actions.selection import Selected
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.preferences import Preferences
from kvmgui.ui.roles import Category, NodeKind, Role
from kvmgui.ui.vm_window import builtin_pages
from kvmgui.ui.vm_window.console_page import ConsolePage
from kvmgui.ui.vm_window.key_combos import KeyCombo
from kvmgui.ui.vm_window.pages import PAGES, LazyPage, PageContext
from kvmgui.ui.vm_window.rules import ConsoleKind, ViewState
from kvmgui.ui.vm_window.spice_help import AddVncDisplay, open_in_remote_viewer
from kvmgui.ui.vm_window.toolbar import build_toolbar
from kvmgui.ui.vm_window.window_memory import WindowMemory
from kvmgui.virt.connection import Connection

if TYPE_CHECKING:
    from kvmgui.virt.sampler import SamplerLookup

D = DomainAction
GONE_AFTER_MS = 1500  # a domain missing from the inventory this long was deleted


def window_title(text: str) -> str:
    """`text` as a window title shows it: Qt reads "[*]" as the modified-marker placeholder."""
    return text.replace("[*]", "[*][*]")


class VmView(QMainWindow):
    """The VM window of domain `uuid` on `connection` (see the module docstring).

    Signals:
        titleChanged(str): the domain's name (or state) changed.
        closed(): the view closed (the manager forgets it).
    """

    titleChanged = Signal(str)
    closed = Signal()

    def __init__(self, model: InventoryModel, connection: Connection, uuid: str,
                 runner: ActionRunner, preferences: Preferences, memory: WindowMemory,
                 samplers: "SamplerLookup", set_interval: Callable[[float], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.model = model
        self.connection = connection
        self.uuid = uuid
        self._preferences = preferences
        self._memory = memory
        self._runner = runner
        self._index = QPersistentModelIndex(model.find(connection.uri, Category.DOMAINS, uuid))
        self._domain: DomainInfo | None = self._index.data(Role.SNAPSHOT)
        self.title = ""

        self.domain_actions = DomainActions(self, model, runner, self.selection, preferences)
        for action in self.domain_actions.actions.values():
            action.setShortcut(QKeySequence())  # keys belong to the guest's console here
            # The status bar tells this window's news (screenshot saved, host gone); a hover
            # would replace it with what the tooltip already says.
            action.setStatusTip("")
        actions: dict[DomainAction, QAction] = self.domain_actions.actions
        context = PageContext(model, connection, uuid, actions, samplers, set_interval,
                              memory.settings)
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self._lazy: dict[str, LazyPage] = {}
        for spec in PAGES:
            lazy = LazyPage(spec, context, self.pages)
            self._lazy[spec.name] = lazy
            self.pages.addTab(lazy, spec.title())
        console = self._lazy[builtin_pages.CONSOLE].build()
        assert isinstance(console, ConsolePage)
        self.console = console
        self.setCentralWidget(self.pages)
        self.parts = build_toolbar(self, actions, self.send_key, self.ask_screenshot_path,
                                   self.set_fullscreen, self.console.set_scale_mode,
                                   self.resize_to_guest)
        self.addToolBar(self.parts.toolbar)
        self.statusBar()

        self.console.viewStateChanged.connect(lambda _state: self._update_actions())
        self.console.consoleChanged.connect(lambda _kind: self._update_actions())
        self.console.remoteViewerRequested.connect(self._open_remote_viewer)
        self.console.addVncRequested.connect(self.add_vnc_display)
        self.pages.currentChanged.connect(self._page_changed)
        model.dataChanged.connect(self._data_changed)
        model.rowsInserted.connect(self._rows_inserted)
        model.rowsRemoved.connect(self._rows_removed)
        self._gone_timer = QTimer(self, singleShot=True, interval=GONE_AFTER_MS)
        self._gone_timer.timeout.connect(self._check_gone)
        runner.batchFinished.connect(self._update_actions)
        saved = memory.page(uuid)
        self.show_page(saved if saved in self._lazy else builtin_pages.CONSOLE)
        self._follow()

    # ---- public ------------------------------------------------------------------------------

    @property
    def domain(self) -> DomainInfo | None:
        return self._domain

    def selection(self) -> list[Selected]:
        """The domain as the actions see a selection (empty while it is not in the model)."""
        if not self._index.isValid() or self._domain is None:
            return []
        return [Selected(self.connection.uri, NodeKind.DOMAIN, self._domain, self._index)]

    def page(self, name: str) -> QWidget:
        """The page named `name` ("console", "details", "performance"), built if need be."""
        return self._lazy[name].build()

    def page_names(self) -> list[str]:
        return list(self._lazy)

    def current_page_name(self) -> str:
        widget = self.pages.currentWidget()
        return widget.objectName() if widget is not None else ""

    def show_page(self, name: str) -> None:
        self.pages.setCurrentWidget(self._lazy[name])

    def send_key(self, combo: KeyCombo) -> None:
        self.console.current_view().send_keys(combo)

    def save_screenshot(self, path: str) -> bool:
        """Write the console's picture to `path` (PNG); False (and a message) if it fails."""
        image = self.console.screenshot()
        if not image.isNull() and QImageWriter(path, QByteArray(b"png")).write(image):
            self.statusBar().showMessage(self.tr("Screenshot saved to %s") % path, 5000)
            return True
        self.statusBar().showMessage(self.tr("Could not save the screenshot to %s") % path, 8000)
        return False

    def ask_screenshot_path(self) -> None:
        dialog = QFileDialog(self, self.tr("Save screenshot"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PNG images (*.png)"))
        dialog.setDefaultSuffix("png")
        if self._domain is not None:
            dialog.selectFile(f"{self._domain.name}.png")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.save_screenshot)
        dialog.open()

    def set_fullscreen(self, on: bool) -> None:
        frame = self.window()
        if on:
            frame.showFullScreen()
        else:
            frame.showNormal()
        self.parts.fullscreen_action.setChecked(frame.isFullScreen())

    def resize_to_guest(self) -> None:
        """Make the window just large enough to show the guest's screen at 1:1."""
        frame = self.window()
        if frame.isFullScreen() or frame.isMaximized():
            return
        delta = self.console.guest_size_delta()
        frame.resize(frame.width() + delta.width(), frame.height() + delta.height())

    def add_vnc_display(self) -> AddVncDisplay | None:
        if self._domain is None:
            return None
        flow = AddVncDisplay(self, self.connection, self._domain)
        flow.finished.connect(lambda added: self.statusBar().showMessage(
            self.tr("A VNC display was added; it takes effect at the next boot."), 8000)
            if added else None)
        flow.start()
        return flow

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if not event.isAccepted():
            return
        if self.isWindow():
            self._memory.set_geometry(self.uuid, self.saveGeometry())
        for lazy in self._lazy.values():
            lazy.close_page()
        self.closed.emit()

    # ---- following the domain ----------------------------------------------------------------

    def _follow(self) -> None:
        domain = self._domain
        if domain is not None:
            for lazy in self._lazy.values():
                lazy.set_domain(domain)
            self._set_title(domain)
        self._update_actions()

    def _set_title(self, domain: DomainInfo) -> None:
        inventory = self.connection.inventory
        host = inventory.host.hostname if inventory is not None else self.connection.uri
        title = self.tr("%s on %s") % (domain.name, host)
        if title != self.title:
            self.title = title
            self.setWindowTitle(window_title(title))
            self.titleChanged.emit(title)

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        index = self._index
        if not index.isValid() or top_left.parent() != index.parent():
            return
        if top_left.row() <= index.row() <= bottom_right.row():
            snapshot = index.data(Role.SNAPSHOT)
            if isinstance(snapshot, DomainInfo) and snapshot != self._domain:
                self._domain = snapshot
                self._follow()
            else:
                self._update_actions()  # e.g. an action's progress text came or went

    def _rows_inserted(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        if self._index.isValid():
            return
        found = self.model.find(self.connection.uri, Category.DOMAINS, self.uuid)
        if found.isValid():  # back after a reconnect or a rename
            self._gone_timer.stop()
            self._index = QPersistentModelIndex(found)
            self._domain = found.data(Role.SNAPSHOT)
            self._follow()

    def _rows_removed(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        if self._index.isValid():
            return
        if not isValid(self.connection):  # the connection itself was removed
            self.close()
        elif self.connection.state == ConnectionState.CONNECTED:
            # Deleted (or a transient domain stopped) -- unless it comes back at once: a
            # rename is an undefine and a define of the same UUID.
            self._gone_timer.start()
        else:
            self.statusBar().showMessage(self.tr("Not connected to %s") % self.connection.uri)
            self._update_actions()

    def _check_gone(self) -> None:
        if not self._index.isValid():
            self.close()

    def _update_actions(self, *_args: object) -> None:
        self.domain_actions.update(self.selection())
        state = self._domain.state if self._domain is not None else DomainState.NOSTATE
        actions = self.domain_actions.actions
        actions[D.PAUSE].setVisible(state is not DomainState.PAUSED)
        actions[D.RESUME].setVisible(state is DomainState.PAUSED)
        view = self.console.current_view()
        can_send = (self.console.kind is ConsoleKind.GRAPHICAL
                    and view.state is ViewState.CONNECTED and view.can_send_keys())
        self.parts.send_key_button.setEnabled(can_send)
        for action in self.parts.send_key_actions.values():
            action.setEnabled(can_send)
        self.parts.screenshot_action.setEnabled(view.state is ViewState.CONNECTED)

    def _page_changed(self, _index: int) -> None:
        name = self.current_page_name()
        if name:
            self._memory.set_page(self.uuid, name)

    def _open_remote_viewer(self) -> None:
        items = self.selection()
        if items:
            open_in_remote_viewer(self, items[0], self._preferences)

