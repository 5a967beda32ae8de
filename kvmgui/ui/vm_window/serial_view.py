"""The serial console as a console view: kvmgui.ui.console's SerialConsolePage behind the
ConsoleView interface, so the console page treats it like the graphical view.

The page (a terminal over a libvirt console stream) is built on first attach: pyte and the
terminal are imported only when someone looks at a serial console.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kvmgui.core.snapshots import DomainInfo
from kvmgui.ui.vm_window.console_view import ConsoleView
from kvmgui.ui.vm_window.rules import ViewState
from kvmgui.virt.connection import Connection

if TYPE_CHECKING:
    from kvmgui.ui.console.serial_console import SerialConsolePage
    from kvmgui.virt.console_stream import ConsoleState


class SerialView(ConsoleView):
    """See the module docstring; `take_over_action` forces away a client holding the console.
    `settings` are the application's, for the page (None: remember nothing)."""

    def __init__(self, settings: QSettings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.page: SerialConsolePage | None = None
        self._connection: Connection | None = None
        self._uuid = ""
        self._busy = False
        self.take_over_action = QAction(self.tr("Take over"), self)
        self.take_over_action.setToolTip(self.tr("Disconnect the other client and attach here"))
        self.take_over_action.triggered.connect(self.take_over)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def attach(self, connection: Connection, domain: DomainInfo) -> None:
        if self.page is None or self._connection is not connection or self._uuid != domain.uuid:
            self._build(connection, domain)  # connects by itself when the domain runs
            return
        from kvmgui.virt.console_stream import ConsoleState

        if self.page.stream.state not in (ConsoleState.OPEN, ConsoleState.OPENING):
            self.page.connect_console()

    def detach(self) -> None:
        if self.page is not None:
            self.page.disconnect_console()  # and it stays so until attach()
        self.set_state(ViewState.DETACHED)

    def take_over(self) -> None:
        if self.page is not None:
            self.page.connect_console(take_over=True)

    def overlay_actions(self) -> list[QAction]:
        return [self.take_over_action] if self._busy else []

    # ---- the page -----------------------------------------------------------------------------

    def _build(self, connection: Connection, domain: DomainInfo) -> None:
        from kvmgui.ui.console.serial_console import SerialConsolePage
        from kvmgui.virt.console_stream import ConsoleState

        if self.page is not None:
            self.page.disconnect_console()
            self._layout.removeWidget(self.page)
            self.page.deleteLater()
        self._connection, self._uuid = connection, domain.uuid
        self._busy = False
        page = SerialConsolePage(connection, domain, self._settings, self)
        self.page = page
        self._layout.addWidget(page)
        self.setFocusProxy(page)
        page.stream.stateChanged.connect(self._stream_state)
        page.stream.data.connect(lambda _data: self.updated.emit())
        page.stream.closed.connect(lambda reason: self._ended(ViewState.DISCONNECTED, reason))
        page.stream.failed.connect(lambda message: self._ended(ViewState.FAILED, message))
        page.stream.busy.connect(self._held_elsewhere)
        if page.stream.state is ConsoleState.CLOSED:  # it did not try: it says why
            self.set_state(ViewState.FAILED, page.status.text())
        else:
            self._stream_state(page.stream.state)

    def _stream_state(self, state: ConsoleState) -> None:
        from kvmgui.virt.console_stream import ConsoleState

        if state is ConsoleState.OPENING:
            self._busy = False
            self.set_state(ViewState.CONNECTING)
        elif state is ConsoleState.OPEN:
            self.set_state(ViewState.CONNECTED)

    def _ended(self, state: ViewState, message: str) -> None:
        if self.page is not None and self.page.reattaching:  # it decided first (its own slot)
            self.set_state(ViewState.CONNECTING)
        else:
            self.set_state(state, message)

    def _held_elsewhere(self, message: str) -> None:
        self._busy = True
        self.set_state(ViewState.FAILED, self.tr("Another client is using this console (%s).")
                       % message)
