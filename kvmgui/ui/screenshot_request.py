"""One libvirt screenshot of a domain at a time, for a widget that shows its screen.

The screenshot is read on the connection's worker (kvmgui.virt.screenshot). Its answer is
passed on only while it is still wanted: `cancel()` (the widget stopped, or now follows
another domain) drops the answer already on its way, and so does the owner's deletion.

    self._shots = ScreenshotRequest(self)
    self._shots.arrived.connect(self._arrived)
    if not self._shots.in_flight:
        self._shots.ask(connection, uuid)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from kvmgui.virt.connection import Connection


class ScreenshotRequest(QObject):
    """Asks for screenshots of a domain, one at a time.

    Signals:
        arrived(Screenshot): the answer to the request still wanted.
        failed(Exception): reading that screenshot failed.
    """

    arrived = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)  # deleted with its owner: answers for it are dropped
        self._session = 0  # answers to requests made before a cancel() are dropped
        self._in_flight = False

    @property
    def in_flight(self) -> bool:
        """A screenshot was asked for and its answer is still wanted."""
        return self._in_flight

    def ask(self, connection: Connection, uuid: str) -> None:
        """Ask for a screenshot of domain `uuid` (the caller asks one at a time)."""
        from kvmgui.virt.screenshot import read_screenshot  # on first use: start-up

        self._in_flight = True
        session = self._session
        connection.run(read_screenshot(uuid),
                       lambda shot: self._answer(session, lambda: self.arrived.emit(shot)),
                       lambda exc: self._answer(session, lambda: self.failed.emit(exc)))

    def cancel(self) -> None:
        """Drop the answer on its way, if any."""
        self._session += 1
        self._in_flight = False

    def _answer(self, session: int, deliver: Callable[[], None]) -> None:
        if not isValid(self) or session != self._session:
            return
        self._in_flight = False
        deliver()
