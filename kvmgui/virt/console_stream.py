"""A domain's text console (serial port or virtio console) as a Qt object.

Opening runs on the connection's worker; from then on the stream belongs to libvirt's
event-loop thread: its callbacks read the guest's output and write what the user typed, and
only that thread touches the stream. The GUI thread never calls libvirt, not even the cheap
non-blocking `send`: it appends to a buffer and wakes the loop thread through a pipe the loop
watches (a plain `os.write`). Bytes typed faster than the stream takes them wait in the
buffer until the stream reports it is writable again.

The stream goes through the libvirt connection, so this works the same over remote URIs.
"""

from __future__ import annotations

import os
import threading
from enum import Enum
from typing import Any

import libvirt
from PySide6.QtCore import QObject, Signal

from kvmgui.core import log
from kvmgui.core.snapshots import ConnectionState
from kvmgui.virt.connection import Connection
from kvmgui.virt.errors import error_text

_CHUNK = 64 * 1024
_INPUT_EVENTS = (libvirt.VIR_STREAM_EVENT_READABLE | libvirt.VIR_STREAM_EVENT_ERROR
                 | libvirt.VIR_STREAM_EVENT_HANGUP)
_EAGAIN = -2  # what libvirt-python's non-blocking recv/send return instead of blocking


class ConsoleState(Enum):
    CLOSED = "closed"
    OPENING = "opening"
    OPEN = "open"
    BUSY = "busy"  # another client holds the console: open(take_over=True) displaces it
    FAILED = "failed"


class ConsoleBusy(Exception):
    """libvirt refused a safe open: another client has the console ("Take over" forces it)."""


class ConsoleStream(QObject):
    """One console session at a time for one connection; open() again to reconnect.

    Signals:
        opened(): the console is attached; output follows as `data`.
        data(bytes): output of the guest, as it arrives.
        closed(str): an open console ended: the guest stopped, another client took it over,
            the connection broke. libvirt's words for why, "" when it gave none (end of
            stream: the guest's side closed).
        failed(str): the console could not be opened (libvirt's message).
        busy(str): another client holds the console; open(..., take_over=True) displaces it.
        stateChanged(ConsoleState)
    """

    opened = Signal()
    data = Signal(bytes)
    closed = Signal(str)
    failed = Signal(str)
    busy = Signal(str)
    stateChanged = Signal(object)

    # Emitted on the event-loop thread with the session's serial; Qt queues them here.
    _received = Signal(int, object)
    _ended = Signal(int, str)

    def __init__(self, connection: Connection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._connection = connection
        self.state = ConsoleState.CLOSED
        self._serial = 0  # of the session whose signals count; older sessions are ignored
        self._attached = _Attached()
        self._received.connect(self._on_received)
        self._ended.connect(self._on_ended)
        # Deleted with its page while attached: let go of the console on the host. The slot
        # belongs to a plain object, not to the QObject being destroyed.
        self.destroyed.connect(self._attached.stop)
        connection.stateChanged.connect(self._connection_state)

    # ---- public API (GUI thread) ------------------------------------------------------------

    def open(self, domain_uuid: str, device: str | None = None, take_over: bool = False) -> None:
        """Attach to the console `device` (an alias such as "serial0"; None: the first one).
        take_over: force the console away from a client that holds it."""
        self.close()
        self._serial += 1
        session = _Session(self._serial, self)
        self._attached.session = session
        self._set_state(ConsoleState.OPENING)
        flags = libvirt.VIR_DOMAIN_CONSOLE_FORCE if take_over else libvirt.VIR_DOMAIN_CONSOLE_SAFE

        def job(conn: libvirt.virConnect) -> None:
            _open_console(conn, domain_uuid, device, flags, session)

        self._connection.run(job, lambda _none: self._on_opened(session),
                             lambda exc: self._on_open_failed(session, exc))

    def send(self, data: bytes) -> None:
        """Queue bytes for the guest; returns at once. Typing while the console is still
        opening is kept and sent once it is open; without a session it is dropped."""
        if self._attached.session is not None and data:
            self._attached.session.queue(data)

    def close(self) -> None:
        """Detach (the guest keeps running). No `closed` signal follows: the caller knows."""
        session, self._attached.session = self._attached.session, None
        if session is None:
            return
        self._serial += 1
        session.stop()
        self._set_state(ConsoleState.CLOSED)

    # ---- GUI thread ---------------------------------------------------------------------------

    def _set_state(self, state: ConsoleState) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    def _on_opened(self, session: _Session) -> None:
        if session is not self._attached.session:
            session.stop()  # closed or reopened while this one was opening
            return
        self._set_state(ConsoleState.OPEN)
        self.opened.emit()

    def _on_open_failed(self, session: _Session, exc: Exception) -> None:
        session.dispose()
        if session is not self._attached.session:
            return
        self._attached.session = None
        message = error_text(exc)
        if isinstance(exc, ConsoleBusy):
            self._set_state(ConsoleState.BUSY)
            self.busy.emit(message)
        else:
            log.virt.info("console did not open: %s", message)
            self._set_state(ConsoleState.FAILED)
            self.failed.emit(message)

    def _connection_state(self, state: ConnectionState, message: str) -> None:
        """The stream lives in the connection: when that breaks libvirt does not always tell
        the stream (a daemon restart leaves it silent), so end the session here."""
        if state == ConnectionState.CONNECTED or self._attached.session is None:
            return
        opening = self.state == ConsoleState.OPENING
        session, self._attached.session = self._attached.session, None
        self._serial += 1
        session.stop()
        reason = message or self.tr("The connection to the host closed.")
        if opening:
            self._set_state(ConsoleState.FAILED)
            self.failed.emit(reason)
        else:
            self._set_state(ConsoleState.CLOSED)
            self.closed.emit(reason)

    def _on_received(self, serial: int, chunk: bytes) -> None:
        if serial == self._serial:
            self.data.emit(chunk)

    def _on_ended(self, serial: int, reason: str) -> None:
        if serial != self._serial:
            return
        self._attached.session = None
        self._set_state(ConsoleState.CLOSED)
        self.closed.emit(reason)


class _Attached:
    """The session whose signals count (None: none)."""

    def __init__(self) -> None:
        self.session: _Session | None = None

    def stop(self) -> None:
        if self.session is not None:
            self.session.stop()


def _open_console(conn: libvirt.virConnect, domain_uuid: str, device: str | None, flags: int,
                  session: _Session) -> None:
    """Worker thread: open the stream and hand it to the event-loop thread."""
    domain = conn.lookupByUUIDString(domain_uuid)
    stream = conn.newStream(libvirt.VIR_STREAM_NONBLOCK)
    try:
        domain.openConsole(device, stream, flags)
    except libvirt.libvirtError as err:
        # The one failure of a safe open that "Take over" can fix (libvirt has no own code).
        if (err.get_error_code() == libvirt.VIR_ERR_OPERATION_FAILED
                and not flags & libvirt.VIR_DOMAIN_CONSOLE_FORCE):
            raise ConsoleBusy(error_text(err)) from None
        raise
    try:
        session.attach(stream)
    except libvirt.libvirtError:
        stream.abort()  # opened on the host but never watched: give the console back
        raise


class _Session:
    """One open stream. After attach() only the event-loop thread uses the stream; queue()
    and stop() may be called from any thread and only write to the wake-up pipe."""

    def __init__(self, serial: int, owner: ConsoleStream) -> None:
        self._serial = serial
        self._owner = owner
        self._lock = threading.Lock()  # guards _outgoing and the pipe's file descriptors
        self._outgoing = bytearray()
        self._stop_requested = False
        self._stream: Any = None
        self._watch = -1
        self._writable_wanted = False
        self._ended = False
        self._wake_read, self._wake_write = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)

    # ---- any thread ---------------------------------------------------------------------------

    def queue(self, data: bytes) -> None:
        with self._lock:
            self._outgoing += data
        self._wake()

    def stop(self) -> None:
        self._stop_requested = True
        self._wake()

    def dispose(self) -> None:
        """The stream never opened: only the pipe to release."""
        self._close_pipe()

    def _wake(self) -> None:
        with self._lock:
            if self._wake_write < 0:
                return
            try:
                os.write(self._wake_write, b"\0")
            except BlockingIOError:
                pass  # the pipe is full: a wake-up is pending anyway

    def _close_pipe(self) -> None:
        with self._lock:
            for fd in (self._wake_read, self._wake_write):
                if fd >= 0:
                    os.close(fd)
            self._wake_read = self._wake_write = -1

    # ---- worker thread ------------------------------------------------------------------------

    def attach(self, stream: Any) -> None:
        self._stream = stream
        stream.eventAddCallback(_INPUT_EVENTS, self._on_stream_event, None)
        self._watch = libvirt.virEventAddHandle(self._wake_read, libvirt.VIR_EVENT_HANDLE_READABLE,
                                                self._on_wake, None)
        self._wake()  # send what was typed while opening; see a stop() that came meanwhile

    # ---- event-loop thread --------------------------------------------------------------------

    def _on_wake(self, _watch: int, fd: int, _events: int, _opaque: object) -> None:
        try:
            while os.read(fd, 4096):
                pass
        except BlockingIOError:
            pass
        if self._stop_requested:
            self._end("", graceful=False)
        else:
            self._flush()

    def _on_stream_event(self, _stream: object, events: int, _opaque: object) -> None:
        if self._ended:
            return
        if events & libvirt.VIR_STREAM_EVENT_WRITABLE:
            self._flush()
        if events & _INPUT_EVENTS:
            self._read(hung_up=bool(events & (libvirt.VIR_STREAM_EVENT_ERROR
                                              | libvirt.VIR_STREAM_EVENT_HANGUP)))

    def _read(self, hung_up: bool) -> None:
        while not self._ended:
            try:
                chunk = self._stream.recv(_CHUNK)
            except libvirt.libvirtError as err:
                self._end(error_text(err), graceful=False)
                return
            if chunk == _EAGAIN:
                if hung_up:  # nothing left to read and the peer is gone
                    self._end("", graceful=False)
                return
            if not chunk:  # end of stream: the guest's side closed (it stopped)
                self._end("", graceful=True)
                return
            if not self._emit(self._owner._received, bytes(chunk)):
                return

    def _flush(self) -> None:
        while not self._ended:
            with self._lock:
                pending = bytes(self._outgoing[:_CHUNK])
            if not pending:
                break
            try:
                sent = self._stream.send(pending)
            except libvirt.libvirtError as err:
                self._end(error_text(err), graceful=False)
                return
            if sent == _EAGAIN:
                self._want_writable(True)
                return
            with self._lock:
                del self._outgoing[:sent]
        self._want_writable(False)

    def _want_writable(self, wanted: bool) -> None:
        if wanted == self._writable_wanted or self._ended:
            return
        self._writable_wanted = wanted
        events = _INPUT_EVENTS | (libvirt.VIR_STREAM_EVENT_WRITABLE if wanted else 0)
        try:
            self._stream.eventUpdateCallback(events)
        except libvirt.libvirtError as err:
            self._end(error_text(err), graceful=False)

    def _end(self, reason: str, graceful: bool) -> None:
        if self._ended:
            return
        self._ended = True
        for release in (self._stream.eventRemoveCallback,
                        self._stream.finish if graceful else self._stream.abort):
            try:
                release()
            except libvirt.libvirtError:
                pass  # the stream already failed: nothing left to release on the host
        if self._watch >= 0:
            libvirt.virEventRemoveHandle(self._watch)
            self._watch = -1
        self._close_pipe()
        if not self._stop_requested:
            self._emit(self._owner._ended, reason)

    def _emit(self, signal: Any, value: object) -> bool:
        """False (and the session ends) when the owner is gone: nobody reads any more."""
        try:
            signal.emit(self._serial, value)
        except RuntimeError:
            self._stop_requested = True
            self._end("", graceful=False)
            return False
        return True
