"""The VNC view's fallback: the guest's screen from libvirt screenshots, view only.

Used where no VNC socket can be had (libvirt's test driver, a remote display on a UNIX
socket or without a network listener): a picture every second instead of a live screen.
Each screenshot is read on the connection's worker (kvmgui.virt.screenshot); the next one
is asked for only after the previous answer arrived, so a slow host is never flooded, and
only while the view is on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from kvmgui.ui.screenshot_request import ScreenshotRequest
from kvmgui.virt.connection import Connection
from kvmgui.virt.errors import error_text
from kvmgui.virt.screenshot import Screenshot

REFRESH_MS = 1000
SOON_MS = 300  # after keys were sent: the guest has likely reacted


class ScreenshotSource(QObject):
    """Screenshots of domain ``uuid`` while ``on_screen()`` says the view shows.

    Signals:
        picture(QImage): a new screenshot.
        failed(str): reading one failed (why); polling stops until ``start`` again.
    """

    picture = Signal(QImage)
    failed = Signal(str)

    def __init__(self, connection: Connection, uuid: str, on_screen: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._connection, self._uuid, self._on_screen = connection, uuid, on_screen
        self._shots = ScreenshotRequest(self)
        self._shots.arrived.connect(self._arrived)
        self._shots.failed.connect(self._failed)
        self._running = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._request)

    @property
    def polling(self) -> bool:
        """A screenshot is asked for or due (never while hidden or stopped)."""
        return self._shots.in_flight or self._timer.isActive()

    def start(self) -> None:
        self._running = True
        self._request()

    def stop(self) -> None:
        self._running = False
        self._shots.cancel()  # an answer asked for before the stop is ignored
        self._timer.stop()

    def shown(self) -> None:
        """The view is on screen again: look at once."""
        if self._running and not self._timer.isActive():
            self._request()

    def hidden(self) -> None:
        self._timer.stop()  # the answer on its way is still shown; no next one

    def soon(self) -> None:
        if self._running and not self._shots.in_flight:
            self._timer.start(SOON_MS)

    def _request(self) -> None:
        if not self._running or self._shots.in_flight:
            return
        self._shots.ask(self._connection, self._uuid)

    def _arrived(self, shot: Screenshot) -> None:
        image = QImage.fromData(shot.data)
        if image.isNull():
            self._running = False
            self.failed.emit(self.tr("The host sent a screenshot that is not a picture (%s).")
                             % (shot.mime or self.tr("unknown type")))
            return
        self.picture.emit(image)
        if self._on_screen():
            self._timer.start(REFRESH_MS)

    def _failed(self, exc: Exception) -> None:
        self._running = False
        self.failed.emit(error_text(exc))
