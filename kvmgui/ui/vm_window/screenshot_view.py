"""The graphical console until the VNC view arrives: the guest's screen from libvirt
screenshots, refreshed every second, view-only (Send key still works through libvirt).

Each screenshot is read on the connection's worker (kvmgui.virt.screenshot); the next one is
asked for only after the previous answer arrived, so a slow host is never flooded, and only
while the view is on screen (not in a hidden tab or a minimized window).
"""

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent, QImage, QShowEvent
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from kvmgui.core import log
from kvmgui.core.snapshots import DomainInfo
from kvmgui.ui.vm_window.framebuffer_view import FramebufferView
from kvmgui.ui.vm_window.key_combos import KeyCombo
from kvmgui.ui.vm_window.rules import ViewState
from kvmgui.virt.connection import Connection
from kvmgui.virt.errors import error_text
from kvmgui.virt.screenshot import Screenshot, read_screenshot
from kvmgui.virt.send_key import send_keys

REFRESH_MS = 1000
AFTER_KEYS_MS = 300  # look again soon after keys were sent: the guest has likely reacted


class ScreenshotView(FramebufferView):
    """See the module docstring. `refresh_ms`: time between the screenshots."""

    def __init__(self, parent: QWidget | None = None, refresh_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self.setToolTip(self.tr("View only: the guest's screen, refreshed every second"))
        self._connection: Connection | None = None
        self._uuid = ""
        self._session = 0  # answers of an older attachment are ignored
        self._in_flight = False
        self._refresh_ms = refresh_ms
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._request)

    def attach(self, connection: Connection, domain: DomainInfo) -> None:
        if self._connection is connection and self._uuid == domain.uuid and \
                self.state in (ViewState.CONNECTING, ViewState.CONNECTED):
            return
        self.detach()
        self._connection, self._uuid = connection, domain.uuid
        self.set_state(ViewState.CONNECTING)
        self._request()

    def detach(self) -> None:
        self._session += 1
        self._in_flight = False
        self._timer.stop()
        self._connection, self._uuid = None, ""
        self.set_state(ViewState.DETACHED)

    @property
    def polling(self) -> bool:
        """Whether a screenshot is asked for or due (not while hidden or detached)."""
        return self._in_flight or self._timer.isActive()

    def can_send_keys(self) -> bool:
        return self.state is ViewState.CONNECTED

    def send_keys(self, combo: KeyCombo) -> None:
        if self._connection is None or not self.can_send_keys():
            return
        self._connection.run_action(
            send_keys(self._uuid, combo.codes), lambda _none: self._soon(),
            lambda exc: log.ui.warning("send key %s: %s", combo.name, error_text(exc)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._timer.isActive():
            self._request()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()  # the answer on its way is still shown; no next one

    # ---- the polling loop -------------------------------------------------------------------

    def _on_screen(self) -> bool:
        return self.isVisible() and not self.window().isMinimized()

    def _request(self) -> None:
        if self._connection is None or self._in_flight:
            return
        if not self._on_screen() and self.state is ViewState.CONNECTED:
            return  # nothing to refresh for nobody; showEvent asks again
        self._in_flight = True
        session = self._session
        self._connection.run(read_screenshot(self._uuid),
                             lambda shot: self._arrived(session, shot),
                             lambda exc: self._failed(session, exc))

    def _arrived(self, session: int, shot: Screenshot) -> None:
        if not isValid(self) or session != self._session:
            return
        self._in_flight = False
        image = QImage.fromData(shot.data)
        if image.isNull():
            self.set_state(ViewState.FAILED,
                           self.tr("The host sent a screenshot that is not a picture (%s).")
                           % (shot.mime or self.tr("unknown type")))
            return
        self.set_image(image)
        self.set_state(ViewState.CONNECTED)
        self.updated.emit()
        if self._on_screen():
            self._timer.start(self._refresh_ms)

    def _failed(self, session: int, exc: Exception) -> None:
        if not isValid(self) or session != self._session:
            return
        self._in_flight = False
        was_shown = self.state is ViewState.CONNECTED
        self.set_state(ViewState.DISCONNECTED if was_shown else ViewState.FAILED,
                       error_text(exc))

    def _soon(self) -> None:
        if isValid(self) and self._connection is not None and not self._in_flight:
            self._timer.start(AFTER_KEYS_MS)
