"""Clipboard text between this desktop and the guest, for the VNC view.

The guest's text (ServerCutText) goes on our clipboard at once. Ours goes to the guest when it
changes while the view has focus, and when the view gets focus with text the guest has not
seen: what the user copied elsewhere is there to paste inside. Text that came from the guest
is never sent back to it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kvmgui.virt.vnc_session import VncSession


class ClipboardBridge(QObject):
    """For ``view``, whose live session ``session()`` returns (None: nothing is sent)."""

    def __init__(self, view: QWidget, session: Callable[[], VncSession | None]) -> None:
        super().__init__(view)
        self._view = view
        self._session = session
        self._last = ""  # the text either side put on the clipboard last
        QGuiApplication.clipboard().dataChanged.connect(self._changed)

    def from_guest(self, text: str) -> None:
        self._last = text
        QGuiApplication.clipboard().setText(text)

    def focused(self) -> None:
        self._send()

    def _changed(self) -> None:
        if self._view.hasFocus():
            self._send()

    def _send(self) -> None:
        session = self._session()
        text = QGuiApplication.clipboard().text()
        if session is not None and text and text != self._last:
            self._last = text
            session.cut_text(text)
