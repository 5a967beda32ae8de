"""Answer libvirt's authentication prompts (SASL user name / password) from a connection worker.

libvirt calls its auth callback on the worker thread that opens the connection, and the callback
must return the answers. `AuthPrompter.ask` runs there: it posts the request to the GUI thread
(a queued signal), where a non-blocking dialog is opened, and waits on an Event until the dialog
is answered or cancelled. The worker blocks; the GUI thread never does. Nothing is stored.
"""

import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QDialog, QWidget

from kvmgui.virt.auth import CredentialPrompt


class _Request:
    def __init__(self, uri: str, prompts: list[CredentialPrompt]) -> None:
        self.uri = uri
        self.prompts = prompts
        self.answers: list[str] | None = None
        self.done = threading.Event()

    def finish(self, answers: list[str] | None) -> None:
        if not self.done.is_set():
            self.answers = answers
            self.done.set()


class AuthPrompter(QObject):
    """Asks the user for credentials on behalf of connection workers (see module docstring).

    Signals:
        _asked(_Request): internal; emitted on a worker thread, delivered on the GUI thread.
    """

    _asked = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog_parent: QWidget | None = None  # the main window, once it exists
        self._lock = threading.Lock()
        self._pending: set[_Request] = set()
        self._closed = False
        self._asked.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def ask(self, uri: str, prompts: list[CredentialPrompt]) -> list[str] | None:
        """Called on a worker thread: blocks it until the user answers (None: cancelled)."""
        if QThread.currentThread() is self.thread():
            raise RuntimeError("AuthPrompter.ask waits for the GUI thread; call it from a worker")
        request = _Request(uri, prompts)
        with self._lock:
            if self._closed:
                return None
            self._pending.add(request)
        self._asked.emit(request)
        request.done.wait()
        with self._lock:
            self._pending.discard(request)
        return request.answers

    def cancel_all(self) -> None:
        """Application exit: release every waiting worker with "cancelled"."""
        with self._lock:
            self._closed = True
            pending = list(self._pending)
        for request in pending:
            request.finish(None)

    def _show(self, request: _Request) -> None:
        if request.done.is_set():
            return
        from kvmgui.ui.dialogs.auth_dialog import AuthDialog  # on first use: start-up

        dialog = AuthDialog(request.uri, request.prompts, self.dialog_parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda code: request.finish(
            dialog.answers() if code == QDialog.DialogCode.Accepted.value else None))
        dialog.destroyed.connect(lambda *_: request.finish(None))
        dialog.open()
