"""A domain's serial/text console page: the terminal with a bar above it.

The bar holds a device picker (when the domain has several serial/console devices), the
state in words, and the buttons the state calls for: "Take over" when another client holds
the console, "Reconnect" after it closed, "Disconnect" while attached. The page attaches
again by itself (unless the user disconnected it) when the domain starts again, when the
connection comes back after a break, and when the stream closes while the domain keeps
running (libvirt 9.0 closes it on a snapshot revert): then after a short pause that grows
with each quick retry, so a console that keeps closing is not hammered.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kvmgui.core.snapshots import DomainInfo, Inventory
from kvmgui.logic.action_rules import connection_up
from kvmgui.ui.console.terminal_painter import DEFAULT_POINT_SIZE
from kvmgui.ui.console.terminal_widget import TerminalWidget
from kvmgui.virt.connection import Connection
from kvmgui.virt.console_stream import ConsoleState, ConsoleStream
from kvmgui.xml import CharDevice, Domain

_FONT_SIZE_KEY = "console/serialFontSize"
REATTACH_FIRST_MS = 500  # the pause before attaching again, doubled for each quick retry
REATTACH_MAX_MS = 8000
REATTACH_TRIES = 6  # quick retries in a row before the page gives up (about 24 s)
STAYED_OPEN_S = 10.0  # a stream open this long worked: the next retry starts afresh


class SerialConsolePage(QWidget):
    """The text console of one domain on one connection.

    `terminal` shows the guest's output and sends the keys; `stream` is the console session.
    `settings` are the application's (they keep the terminal's font size); None (a
    screenshot run) remembers nothing.
    """

    def __init__(self, connection: Connection, domain: DomainInfo,
                 settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._connection = connection
        self._domain = domain
        self._settings = settings
        self._detached_by_user = False
        self._tries = 0  # attaching again after the stream closed, quick retries so far
        self._opened_at = 0.0
        self._reattach_timer = QTimer(self, singleShot=True)
        self._reattach_timer.timeout.connect(self._reattach)
        self.stream = ConsoleStream(connection, self)
        self.terminal = TerminalWidget(self, point_size=self._saved_font_size())
        self.devices = QComboBox(self)
        self.devices.setToolTip(self.tr("Serial port or console of the domain to attach to"))
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # quotes libvirt's messages
        self.status.setWordWrap(True)
        self.take_over_button = QPushButton(self.tr("Take Over"), self)
        self.take_over_button.setToolTip(
            self.tr("Disconnect the other client and attach this window"))
        self.reconnect_button = QPushButton(self.tr("Reconnect"), self)
        self.disconnect_button = QPushButton(self.tr("Disconnect"), self)

        bar = QHBoxLayout()
        bar.addWidget(self.devices)
        bar.addWidget(self.status, 1)
        for button in (self.take_over_button, self.reconnect_button, self.disconnect_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.terminal, 1)
        self.setFocusProxy(self.terminal)

        self.terminal.input.connect(self.stream.send)
        self.terminal.fontSizeChanged.connect(self._save_font_size)
        self.stream.data.connect(self.terminal.feed)
        self.stream.stateChanged.connect(self._show_state)
        self.stream.closed.connect(self._closed)
        self.stream.failed.connect(self._failed)
        self.stream.busy.connect(self._busy)
        self.take_over_button.clicked.connect(lambda: self.connect_console(take_over=True))
        self.reconnect_button.clicked.connect(lambda: self.connect_console())
        self.disconnect_button.clicked.connect(self.disconnect_console)
        self.devices.activated.connect(lambda _index: self.connect_console())
        connection.domainChanged.connect(self._domain_changed)
        connection.domainRemoved.connect(self._domain_removed)
        connection.inventoryLoaded.connect(self._inventory_loaded)

        self._fill_devices(domain)
        self._show_state(ConsoleState.CLOSED)
        if domain.active:
            self.connect_console()
        else:
            self._say(self.tr("The domain is not running. The console attaches when it starts."))

    # ---- actions -------------------------------------------------------------------------------

    def connect_console(self, take_over: bool = False) -> None:
        """Attach to the chosen device (again); take_over forces it away from another client."""
        self._tries = 0
        self._open(take_over)

    def disconnect_console(self) -> None:
        """Let go of the console; the page stays detached until connect_console()."""
        self._detached_by_user = True
        self._reattach_timer.stop()
        self.stream.close()
        self._show_state(self.stream.state)
        self._say(self.tr("Disconnected."))

    @property
    def reattaching(self) -> bool:
        """The stream closed while the domain runs: the page attaches again shortly."""
        return self._reattach_timer.isActive()

    def _open(self, take_over: bool = False) -> None:
        self._reattach_timer.stop()
        if not self._domain.active:
            self._say(self.tr("The domain is not running. The console attaches when it starts."))
            return
        if self.devices.count() == 0:
            self._say(self.tr("This domain has no serial port or console."))
            return
        self._detached_by_user = False
        device = self.devices.currentData()
        self.stream.open(self._domain.uuid, device if isinstance(device, str) else None,
                         take_over)
        self._say(self.tr("Connecting to %s…") % self.devices.currentText())

    # ---- attaching again -----------------------------------------------------------------------

    def _reattach_later(self) -> bool:
        """After the stream closed or a retry failed: attach again after a pause, if the
        domain still runs, the user did not disconnect and the connection is up."""
        if (not self._domain.active or self._detached_by_user or self._tries >= REATTACH_TRIES
                or not connection_up(self._connection.state)):
            return False
        self._reattach_timer.start(min(REATTACH_FIRST_MS << self._tries, REATTACH_MAX_MS))
        self._tries += 1
        self._show_state(self.stream.state)
        return True

    def _reattach(self) -> None:
        if self._domain.active and not self._detached_by_user:
            self._open()

    # ---- state shown ---------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _show_state(self, state: ConsoleState) -> None:
        self.take_over_button.setVisible(state == ConsoleState.BUSY)
        self.reconnect_button.setVisible(state in (ConsoleState.CLOSED, ConsoleState.FAILED,
                                                   ConsoleState.BUSY) and self._domain.active)
        self.disconnect_button.setVisible(state in (ConsoleState.OPEN, ConsoleState.OPENING)
                                          or self.reattaching)
        self.devices.setEnabled(state != ConsoleState.OPENING)
        if state == ConsoleState.OPEN:
            self._opened_at = time.monotonic()
            self._say(self.tr("Connected to %s.") % self.devices.currentText())

    def _closed(self, reason: str) -> None:
        if time.monotonic() - self._opened_at >= STAYED_OPEN_S:
            self._tries = 0
        if self._reattach_later():
            self._say(self.tr("The console closed (%s); attaching again…") % reason if reason
                      else self.tr("The console closed; attaching again…"))
        elif self._domain.active and reason:
            self._say(self.tr("The console closed: %s") % reason)
        elif self._domain.active:
            self._say(self.tr("The console closed."))
        else:
            self._say(self.tr("The domain stopped. The console attaches when it starts again."))

    def _failed(self, message: str) -> None:
        if self._tries and self._reattach_later():  # a retry failed: the console may be back
            self._say(self.tr("Cannot open the console yet (%s); trying again…") % message)
            return
        self._say(self.tr("Cannot open the console: %s") % message)

    def _busy(self, message: str) -> None:
        self._say(self.tr("Another client is using this console (%s). Take it over to use it "
                          "here.") % message)

    # ---- the domain ---------------------------------------------------------------------------

    def _inventory_loaded(self, inventory: Inventory) -> None:
        """After a (re)connect: the stream died with the old connection, the domain may have
        changed or gone meanwhile."""
        info = next((d for d in inventory.domains if d.uuid == self._domain.uuid), None)
        if info is None:
            self._domain_removed(self._domain.uuid)
        else:
            self._domain_changed(info, reconnected=True)

    def _domain_changed(self, info: DomainInfo, reconnected: bool = False) -> None:
        if info.uuid != self._domain.uuid:
            return
        started = info.active and not self._domain.active
        self._domain = info
        self._fill_devices(info)
        self._show_state(self.stream.state)
        idle = self.stream.state not in (ConsoleState.OPEN, ConsoleState.OPENING)
        # A restart frees a console another client held; a reconnect does not.
        wanted = started or (reconnected and self.stream.state != ConsoleState.BUSY)
        if wanted and idle and info.active and not self._detached_by_user:
            self.connect_console()
        elif not info.active and self.stream.state != ConsoleState.OPEN:
            self._reattach_timer.stop()
            self._show_state(self.stream.state)
            self._say(self.tr("The domain stopped. The console attaches when it starts again."))

    def _domain_removed(self, uuid: str) -> None:
        if uuid == self._domain.uuid:
            self._reattach_timer.stop()
            self.stream.close()
            self._show_state(ConsoleState.CLOSED)
            self.reconnect_button.hide()
            self._say(self.tr("The domain was removed."))

    def _fill_devices(self, info: DomainInfo) -> None:
        """The devices of the running domain, by alias (aliases exist only while it runs); the
        choice is kept across restarts when the same device is still there. A driver that
        gives no aliases gets one entry: the domain's first console."""
        chosen = self.devices.currentData()
        self.devices.clear()
        ptys = [d for d in Domain.from_xml(info.xml).text_consoles if d.type == "pty"]
        aliased = [d for d in ptys if d.alias]
        if aliased:
            for device in aliased:
                self.devices.addItem(self._device_label(device), device.alias)
        elif ptys:
            self.devices.addItem(self._device_label(ptys[0]), None)
        index = self.devices.findData(chosen)
        self.devices.setCurrentIndex(max(0, index))
        self.devices.setVisible(self.devices.count() > 1)

    def _device_label(self, device: CharDevice) -> str:
        port = device.target_port if device.target_port is not None else 0
        if device.tag == "serial":
            return self.tr("Serial port %d") % port
        if device.target_type == "virtio":
            return self.tr("Virtio console %d") % port
        return self.tr("Console %d (%s)") % (port, device.target_type or device.alias or "")

    # ---- settings -----------------------------------------------------------------------------

    def _saved_font_size(self) -> int:
        value = "" if self._settings is None else str(self._settings.value(_FONT_SIZE_KEY, ""))
        return int(value) if value.isdigit() else DEFAULT_POINT_SIZE

    def _save_font_size(self, size: int) -> None:
        if self._settings is not None:
            self._settings.setValue(_FONT_SIZE_KEY, size)
