"""Start the GUI: QApplication, the model, the connections, the main window."""

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from kvmgui import log
from kvmgui.resources_path import demo_host_uri
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.settings import ConnectionSettings
from kvmgui.virt.connection import Connection
from kvmgui.virt.snapshots import ConnectionState

# Sockets of a local libvirtd (monolithic) or virtqemud (modular daemons).
LOCAL_SOCKETS = ("/run/libvirt/libvirt-sock", "/run/libvirt/virtqemud-sock")
SCREENSHOT_TIMEOUT_MS = 60_000


def start_uris(connect: list[str], demo: bool, saved: list[str]) -> list[str]:
    """Which URIs to open: --connect and --demo win; else saved ones; else demo (+ local qemu)."""
    if connect or demo:
        uris = list(connect)
        if demo:
            uris.append(demo_host_uri())
        return list(dict.fromkeys(uris))
    if saved:
        return saved
    uris = [demo_host_uri()]
    if any(Path(s).exists() for s in LOCAL_SOCKETS):
        uris.append("qemu:///system")
    return uris


class Application:
    """Owns the model, the connections and the window for one GUI run."""

    def __init__(self, uris: list[str]) -> None:
        self.model = InventoryModel()
        for uri in uris:
            conn = Connection(uri, self.model)
            self.model.add_connection(conn)
        self.window = MainWindow(self.model)
        QApplication.instance().aboutToQuit.connect(self.shutdown)

    def start(self) -> None:
        """Open every connection (their workers run while the window is built and painted)."""
        for conn in self.model.connections():
            conn.open()

    def shutdown(self) -> None:
        for conn in self.model.connections():
            conn.shutdown()

    def when_settled(self, callback: "object") -> None:
        """Call `callback()` once every connection has its inventory or has failed."""
        pending = {c.uri for c in self.model.connections()}

        def check(conn: Connection) -> None:
            if conn.state == ConnectionState.ERROR or (
                    conn.state == ConnectionState.CONNECTED and conn.inventory is not None):
                if conn.uri in pending:
                    pending.discard(conn.uri)
                    if not pending:
                        callback()  # type: ignore[operator]

        for conn in self.model.connections():
            conn.stateChanged.connect(lambda *_a, c=conn: check(c))
            conn.inventoryLoaded.connect(lambda _i, c=conn: check(c))
        if not pending:
            QTimer.singleShot(0, callback)  # type: ignore[arg-type]


def take_screenshot(app: Application, path: str, select: str | None) -> None:
    if select:
        index = app.model.find_by_name(select)
        if index.isValid():
            app.window.select(index)
        else:
            log.app.warning("--select: no object named %s", select)

    def grab() -> None:
        if not app.window.grab().save(path):
            log.app.error("cannot write screenshot to %s", path)
            QApplication.exit(1)
            return
        log.app.info("screenshot written to %s", path)
        QApplication.exit(0)

    QTimer.singleShot(300, grab)  # let the details pane's throttled refresh run first


def run(args: argparse.Namespace) -> int:
    # libvirt's event loop thread must not share GLib's default context with Qt (LIBVIRT-NOTES).
    os.environ["QT_NO_GLIB"] = "1"
    qapp = QApplication(sys.argv[:1])
    qapp.setApplicationName("kvmgui")
    qapp.setOrganizationName("kvmgui")
    qapp.setDesktopFileName("io.github.kvmgui.kvmgui")  # ties windows to the desktop entry
    saved = [c.uri for c in ConnectionSettings(QSettings()).load() if c.autoconnect]
    app = Application(start_uris(args.connect or [], args.demo, saved))
    if args.screenshot:
        app.when_settled(lambda: take_screenshot(app, args.screenshot, args.select))
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: (
            log.app.error("screenshot: connections did not settle in time"), QApplication.exit(2)))
    elif args.select:
        app.when_settled(lambda: app.window.select(app.model.find_by_name(args.select)))
    app.start()
    app.window.show()
    return qapp.exec()
