"""One VNC session with a domain's display: the socket served by a thread of its own.

    session = VncSession()
    session.events.connect(apply)           # batches of kvmgui.rfb events, in order
    session.open_domain(connection, uuid)   # or open_route(TcpRoute(...)) for a known address
    session.key_event(True, keysym, qnum)   # input: queued, returns at once
    session.close()

The GUI thread never touches the socket nor waits for it. The session's thread owns the socket
and the ``RfbClient``: it waits in ``select`` for the server's bytes and for a wake-up byte
the GUI thread writes after queueing a command (input, an update request, a password), decodes
on the spot, and sends the finished events across as one queued signal per read. Writes are
non-blocking: what the server does not take yet waits in a buffer. A server that stalls
stalls only that thread.

Flow control is the widget's: the client does not ask for the next framebuffer update by
itself, the widget calls ``request_update`` when it has shown the last one (and not while
hidden), so a slow GUI is never flooded and an idle guest costs nothing.
"""

from __future__ import annotations

import os
import queue
import selectors
import socket
import threading
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from kvmgui.core import log
from kvmgui.rfb import messages as msg
from kvmgui.rfb.client import RfbClient
from kvmgui.rfb.events import Event
from kvmgui.rfb.keys import Key
from kvmgui.virt.connection import Connection
from kvmgui.virt.errors import error_text
from kvmgui.virt.graphics_route import NoRoute, Route, SshRoute, TcpRoute
from kvmgui.virt.graphics_socket import DialCancelled, GraphicsChannel, dial, find_display

Command = Callable[[RfbClient], list[Event] | None]

READ_CHUNK = 256 * 1024
READ_BUDGET = 8 * 1024 * 1024  # decode at most this much before handing events over
MAX_PENDING_OUTPUT = 4 * 1024 * 1024  # a server that reads nothing of this is gone
_LIVE: set[VncSession] = set()  # sessions whose thread still runs (kept until it ends)


def wait_for_sessions(timeout_s: float) -> None:
    """At exit: end every session and wait (at most `timeout_s` in all) for its thread, so no
    thread emits into Qt objects while the application is torn down (that crashed the process
    right after a `--console graphics --screenshot`)."""
    sessions = list(_LIVE)
    for session in sessions:
        session.close()
    deadline = time.monotonic() + timeout_s
    for session in sessions:
        thread = session._thread
        if thread is not None:
            thread.join(max(0.0, deadline - time.monotonic()))


class VncSession(QObject):
    """See the module docstring. One session per connection attempt: open it once.

    Signals (each carries the session first, so a listener can tell an old one's apart):
        events(VncSession, list): kvmgui.rfb events in order; the last batch ends with
            Disconnected.
        failed(VncSession, str): the display could not be reached or dialled (why); nothing
            follows.
        unavailable(VncSession, Message): there is no way to this display from here (why).
    """

    events = Signal(object, list)
    failed = Signal(object, str)
    unavailable = Signal(object, object)
    _finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._commands: queue.SimpleQueue[Command] = queue.SimpleQueue()
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)
        self._closing = False
        self._started = False
        self._thread: threading.Thread | None = None
        self._finished.connect(self._on_finished)

    # ---- opening (GUI thread) ---------------------------------------------------------------

    def open_domain(self, connection: Connection, uuid: str) -> None:
        """The VNC display of domain ``uuid``: found (and, locally, opened) on the
        connection's worker, then served here."""
        self._started = True

        def found(result: socket.socket | Route) -> None:
            if self._closing:
                if isinstance(result, socket.socket):
                    result.close()
                self._release_pipe()
            elif isinstance(result, NoRoute):
                self._release_pipe()
                self.unavailable.emit(self, result.reason)
            elif isinstance(result, socket.socket):
                self._start(lambda: GraphicsChannel(result), msg.LOCAL_ENCODINGS)
            else:
                self.open_route(result)

        def not_found(exc: Exception) -> None:
            self._release_pipe()
            if not self._closing:
                self.failed.emit(self, error_text(exc))

        connection.run(find_display(connection.uri, uuid), found, not_found)

    def open_route(self, route: TcpRoute | SshRoute) -> None:
        """Dial ``route`` (on the session's thread) and serve it."""
        self._started = True
        self._start(lambda: dial(route, self._wake_r), msg.REMOTE_ENCODINGS)

    def close(self) -> None:
        """End the session (the thread closes the socket and stops an ssh tunnel); no
        signal follows. Safe to call at any time, more than once."""
        if self._closing:
            return
        self._closing = True
        if self._thread is None and not self._started:
            self._release_pipe()
        self._wake()

    # ---- input (GUI thread): queued for the session's thread ---------------------------------

    def key_event(self, down: bool, keysym: int, scancode: int | None = None) -> None:
        self._queue(lambda c: c.key_event(down, keysym, scancode))

    def send_keys(self, keys: Sequence[Key]) -> None:
        self._queue(lambda c: c.send_keys(keys))

    def pointer_event(self, x: int, y: int, buttons: int) -> None:
        self._queue(lambda c: c.pointer_event(x, y, buttons))

    def pointer_motion(self, dx: int, dy: int, buttons: int) -> None:
        self._queue(lambda c: c.pointer_motion(dx, dy, buttons))

    def wheel(self, x: int, y: int, buttons: int, steps: int) -> None:
        self._queue(lambda c: c.wheel(x, y, buttons, steps))

    def cut_text(self, text: str) -> None:
        self._queue(lambda c: c.cut_text(text))

    def request_update(self, incremental: bool = True) -> None:
        self._queue(lambda c: c.request_update(incremental))

    def provide_password(self, password: str | None) -> None:
        """Answer NeedPassword (None gives up); the events that follow arrive as usual."""
        self._queue(lambda c: c.provide_password(password))

    # ---- internals --------------------------------------------------------------------------

    def _queue(self, command: Command) -> None:
        if self._thread is not None and not self._closing:
            self._commands.put(command)
            self._wake()

    def _wake(self) -> None:
        try:
            os.write(self._wake_w, b"\0")
        except (BlockingIOError, OSError):
            pass  # already awake (the pipe is full), or already finished

    def _start(self, connect: Callable[[], GraphicsChannel], encodings: Sequence[int]) -> None:
        _LIVE.add(self)
        pump = _Pump(connect, encodings, self._wake_r, self._commands, lambda: self._closing,
                     self._emit)
        self._thread = threading.Thread(target=pump.run, name="vnc session", daemon=True)
        self._thread.start()

    def _emit(self, kind: str, value: object) -> None:
        """On the session's thread: hand ``value`` to the GUI thread (a queued signal)."""
        if self._closing and kind != "finished":
            return
        signal = {"events": self.events, "failed": self.failed,
                  "finished": self._finished}[kind]
        try:
            signal.emit(*(() if kind == "finished" else (self, value)))
        except RuntimeError:
            pass  # the application is shutting down

    def _on_finished(self) -> None:
        if self._thread is not None:
            self._thread.join(1.0)
        self._release_pipe()
        # Let go of it after this slot: a QObject must not be deleted inside its own event.
        QTimer.singleShot(0, lambda: _LIVE.discard(self))

    def _release_pipe(self) -> None:
        for fd in (self._wake_r, self._wake_w):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._wake_r = self._wake_w = -1


class _Pump:
    """The session's thread: dial, then move bytes between the socket and the client."""

    def __init__(self, connect: Callable[[], GraphicsChannel], encodings: Sequence[int],
                 wake_fd: int, commands: queue.SimpleQueue[Command],
                 closing: Callable[[], bool], emit: Callable[[str, object], None]) -> None:
        self._connect, self._encodings = connect, encodings
        self._wake_fd, self._commands = wake_fd, commands
        self._closing, self._emit = closing, emit
        self._output = bytearray()

    def run(self) -> None:
        try:
            try:
                channel = self._connect()
            except DialCancelled:
                return
            except OSError as error:
                self._emit("failed", error.strerror or str(error))
                return
            try:
                self._serve(channel)
            finally:
                channel.close()
        except Exception:  # noqa: BLE001 -- a bug here must end the session, not hang it
            log.virt.exception("VNC session failed")
            self._emit("failed", "internal error in the VNC session (see the log)")
        finally:
            self._emit("finished", None)

    def _serve(self, channel: GraphicsChannel) -> None:
        client = RfbClient(encodings=self._encodings)
        client.auto_update = False  # the widget asks when it has shown the last update
        sock = channel.sock
        sock.setblocking(False)
        selector = selectors.DefaultSelector()
        selector.register(self._wake_fd, selectors.EVENT_READ)
        selector.register(sock, selectors.EVENT_READ)
        try:
            while not self._closing() and not client.closed:
                selector.modify(sock, selectors.EVENT_READ
                                | (selectors.EVENT_WRITE if self._output else 0))
                ready = {key.fd for key, _mask in selector.select()}
                events: list[Event] = []
                if self._wake_fd in ready:
                    events += self._run_commands(client)
                if sock.fileno() in ready:
                    events += self._read(sock, client, channel)
                self._output += client.take_output()
                self._write(sock, client, events)
                if events:
                    self._emit("events", events)
        finally:
            selector.close()

    def _run_commands(self, client: RfbClient) -> list[Event]:
        try:
            while os.read(self._wake_fd, 4096):
                pass
        except BlockingIOError:
            pass
        events: list[Event] = []
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return events
            events += command(client) or []

    def _read(self, sock: socket.socket, client: RfbClient,
              channel: GraphicsChannel) -> list[Event]:
        events: list[Event] = []
        budget = READ_BUDGET
        while budget > 0:
            try:
                data = sock.recv(READ_CHUNK)
            except BlockingIOError:
                break
            except OSError:
                data = b""
            if not data:
                return events + self._lost(client, channel)
            budget -= len(data)
            events += client.feed(data)
            if client.closed:
                break
        return events

    def _lost(self, client: RfbClient, channel: GraphicsChannel) -> list[Event]:
        """End of stream: a tunnel that ended before the handshake finished says why."""
        if channel.tunnelled and not client.connected:
            reason = channel.tunnel_error()
            if reason:
                client.connection_lost()
                self._emit("failed", "ssh: " + reason)
                return []
        return client.connection_lost()

    def _write(self, sock: socket.socket, client: RfbClient, events: list[Event]) -> None:
        if not self._output:
            return
        try:
            sent = sock.send(self._output)
        except BlockingIOError:
            sent = 0
        except OSError:
            events += client.connection_lost()
            return
        del self._output[:sent]
        if len(self._output) > MAX_PENDING_OUTPUT:
            self._output.clear()
            events += client.connection_lost()
