"""Start the GUI: QApplication, the model, the connections, the main window."""

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kvmgui.core import log
from kvmgui.core.snapshots import ConnectionState
from kvmgui.ui.actions.connection_manager import ConnectionManager
from kvmgui.ui.dialogs.auth_prompter import AuthPrompter
from kvmgui.ui.first_paint import FirstPaintLog
from kvmgui.ui.i18n import install_translations
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.settings import ConnectionSettings
from kvmgui.ui.startup import Startup
from kvmgui.ui.theme import ThemeMode, apply_theme
from kvmgui.virt.connection import Connection

if TYPE_CHECKING:
    from kvmgui.ui.topology.page import TopologyPage

SCREENSHOT_TIMEOUT_MS = 60_000


class Application:
    """Owns the model, the connections, the window and its actions for one GUI run.

    `keep_layout`: restore the window's layout and selection of the last run, and save them
    at exit (off for --screenshot, which wants the default layout and leaves no trace)."""

    def __init__(self, uris: list[str], idle_uris: Sequence[str] = (),
                 keep_layout: bool = True, open_first: bool = False) -> None:
        """`open_first`: open the connections before building the window, so that libvirt's
        work (in the workers, outside the GIL) overlaps loading the window's modules."""
        self.model = InventoryModel()
        # The one settings store of this run; every part that keeps settings is handed it.
        self.settings = QSettings()
        self.credentials = AuthPrompter()  # answers libvirt's auth prompts for every connection
        self.connections = ConnectionManager(self.model, ConnectionSettings(self.settings),
                                             self.credentials.ask, self.model)
        self._open_at_start = list(dict.fromkeys(uris))
        for uri in [*self._open_at_start, *idle_uris]:
            self.connections.add(uri)
        if open_first:
            self.start()
        self._build_window(keep_layout)
        qapp = QApplication.instance()
        assert qapp is not None, "create the QApplication first"
        qapp.aboutToQuit.connect(self.shutdown)

    def _build_window(self, keep_layout: bool) -> None:
        # Imported here, not at the top: with open_first these imports run while the
        # connections' workers are already talking to libvirt. The features' heavy parts
        # (charts, topology, editors) are imported when first used, not here.
        from kvmgui.ui.actions.controller import ActionsController
        from kvmgui.ui.details.leases_page import LeasesPage
        from kvmgui.ui.editors.install import install_editors
        from kvmgui.ui.main_window import MainWindow
        from kvmgui.ui.performance.install import install_performance
        from kvmgui.ui.preferences import Preferences
        from kvmgui.ui.topology.install import install_topology
        from kvmgui.ui.window_state import WindowStateKeeper

        self.preferences = Preferences(self.settings, self.model)
        self.window = MainWindow(self.model, self.preferences)
        self.credentials.dialog_parent = self.window
        self.actions = ActionsController(self.window, self.model, self.connections,
                                         self.preferences)
        leases = LeasesPage(self.model)
        self.window.details.add_page(leases,
                                     QCoreApplication.translate("Application", "DHCP leases"))
        self._topology = install_topology(self.window, self.model)
        self.editors = install_editors(self.window, self.model)
        self.performance = install_performance(self.window, self.model)
        from kvmgui.ui.vm_window.install import install_vm_windows

        self.vm_windows = install_vm_windows(self.window, self.model, self.actions, self.editors,
                                             self.performance,
                                             self.settings if keep_layout else None)
        # Names for --tab (stable across languages, unlike the tab titles); the deferred pages
        # (topology, performance, host-cpu) are named by their installers.
        for page, name in ((self.window.details.page, "summary"), (leases, "leases")):
            page.setObjectName(name)
        self.window.view_menu.addSeparator()
        self.window.view_menu.addAction(self.performance.sparklines_action)
        # After every feature: the layout it restores names their toolbars and columns.
        self.window_state = WindowStateKeeper(self.window, self.settings) if keep_layout else None

    @property
    def topology(self) -> "TopologyPage":
        """The Topology page (built now if its tab has not been shown yet)."""
        return self._topology.page

    def start(self) -> None:
        """Open the connections to open at start (their workers run while the window is built
        and painted); saved connections without autoconnect stay closed."""
        for uri in self._open_at_start:
            conn = self.model.connection(uri)
            if conn is not None:
                conn.open()

    def shutdown(self) -> None:
        self.credentials.cancel_all()  # a worker waiting for a password must not hang the exit
        self.vm_windows.manager.close_all()  # their consoles let go before the connections
        self.connections.shutdown()

    def when_settled(self, callback: Callable[[], None]) -> None:
        """Call `callback()` once every connection has its inventory or has failed."""
        pending = {c.uri for c in self.model.connections() if c.uri in self._open_at_start}

        def check(conn: Connection) -> None:
            if conn.state == ConnectionState.ERROR or (
                    conn.state == ConnectionState.CONNECTED and conn.inventory is not None):
                if conn.uri in pending:
                    pending.discard(conn.uri)
                    if not pending:
                        callback()

        for conn in self.model.connections():
            if conn.uri not in pending:
                continue
            conn.stateChanged.connect(lambda *_a, c=conn: check(c))
            conn.inventoryLoaded.connect(lambda _i, c=conn: check(c))
        if not pending:
            QTimer.singleShot(0, callback)


def show_requested(app: Application, select: str | None, tab: str | None,
                   console: str | None = None) -> QWidget | None:
    """--select and --tab: make an object current and bring one of its details tabs forward
    (a tab the details lack but the VM window has, e.g. snapshots, opens that window on it;
    it is returned); --console: open its VM window on that console."""
    if select:
        index = app.model.find_by_name(select)
        if index.isValid():
            app.window.select(index)
        else:
            log.app.warning("--select: no object named %s", select)
    if tab:
        tabs = app.window.details.tabs
        page = next((widget for i in range(tabs.count())
                     if (widget := tabs.widget(i)) is not None
                     and widget.objectName() == tab and tabs.isTabVisible(i)), None)
        from kvmgui.ui.vm_window.headless import open_page, page_names

        if page is None and tab in page_names():
            view = open_page(app.vm_windows, app.model.find_by_name(select or ""), tab)
            if view is not None:
                return view.window()
            log.app.warning("--tab %s: select a domain (--select NAME)", tab)
        elif page is None:
            log.app.warning("--tab: no %s tab for the current row", tab)
        else:
            tabs.setCurrentWidget(page)
    if console:
        from kvmgui.ui.vm_window.headless import open_console

        if open_console(app.vm_windows, app.model.find_by_name(select or ""), console) is None:
            log.app.warning("--console: select a domain (--select NAME)")
    return None


def take_screenshot(app: Application, args: argparse.Namespace) -> None:
    """Render the window (or, with --edit, the editor it opens) to args.screenshot and exit."""
    vm_window = show_requested(app, args.select, args.tab)
    if args.console:  # the VM window on that console, once it shows something
        from kvmgui.ui.vm_window.headless import console_screenshot

        console_screenshot(app.vm_windows, app.model.find_by_name(args.select or ""),
                           args.console, args.screenshot)
        return
    target: list[QWidget] = [vm_window or app.window]
    if args.edit:
        app.editors.editorOpened.connect(lambda dialog: target.__setitem__(0, dialog))
        app.editors.edit_current()

    def grab() -> None:
        if not target[0].grab().save(args.screenshot):
            log.app.error("cannot write screenshot to %s", args.screenshot)
            QApplication.exit(1)
            return
        log.app.info("screenshot written to %s", args.screenshot)
        QApplication.exit(0)

    # Let throttled refreshes, charts (a few samples) and editors (their XML read) arrive first.
    QTimer.singleShot(args.screenshot_delay_ms, grab)


def run(args: argparse.Namespace, start: Startup) -> int:
    """The GUI, opening `start` (from kvmgui.ui.startup, worked out before the GUI's imports)."""
    # libvirt's event loop thread must not share GLib's default context with Qt (LIBVIRT-NOTES).
    os.environ["QT_NO_GLIB"] = "1"
    qapp = QApplication(sys.argv[:1])
    qapp.setApplicationName("kvmgui")
    qapp.setOrganizationName("kvmgui")
    qapp.setDesktopFileName("io.github.kvmgui.kvmgui")  # ties windows to the desktop entry
    install_translations(qapp, args.lang)
    apply_theme(qapp, ThemeMode(args.theme))
    app = Application(start.open, start.idle, keep_layout=not args.screenshot, open_first=True)
    FirstPaintLog(app.window.tree, app.model, start.open)
    if args.screenshot:
        app.when_settled(lambda: take_screenshot(app, args))
        def give_up() -> None:
            log.app.error("screenshot: connections did not settle in time")
            QApplication.exit(2)

        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, give_up)
    elif args.select or args.tab or args.console:
        def show() -> None:
            show_requested(app, args.select, args.tab, args.console)

        app.when_settled(show)
    app.window.show()
    return qapp.exec()
