"""The VNC view against a scripted RFB server on 127.0.0.1: what it paints, what it sends
(keys as scancodes or keysyms, pointer, wheel, clipboard, Send key), its grabs, its states,
and a server that stalls without freezing the GUI. (The real QEMU server: the integration
tier and test_console_vnc_password.py.)"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Iterator

import libvirt
import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvmgui.core.snapshots import DomainInfo
from kvmgui.ui.console.vnc_view import VncView
from kvmgui.ui.vm_window.key_combos import CTRL_ALT_DEL
from kvmgui.ui.vm_window.rules import ViewState
from kvmgui.virt.connection import Connection
from kvmgui.virt.graphics_route import TcpRoute

from vm_window_helpers import DEFAULT, PREFIX, TIMEOUT_MS, scratch_vm

W, H = 64, 48
RELATIVE, EXTENDED_KEYS, CURSOR, DESKTOP_SIZE = -257, -258, -239, -223


def rect(x: int, y: int, w: int, h: int, encoding: int) -> bytes:
    return struct.pack(">HHHHi", x, y, w, h, encoding)


def update(*rects: bytes) -> bytes:
    return struct.pack(">BxH", 0, len(rects)) + b"".join(rects)


def solid(w: int, h: int, bgr: tuple[int, int, int]) -> bytes:
    """A raw rectangle's pixels: B, G, R and a padding byte."""
    return bytes([*bgr, 0]) * (w * h)


class RfbServer:
    """A VNC server the test scripts: real TCP on 127.0.0.1; it greets with security None,
    then sends what the test sends and records what the client sends."""

    def __init__(self, greet: bool = True, read: bool = True) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.conn: socket.socket | None = None
        self._data = bytearray()
        self._lock = threading.Lock()
        self._greet, self._read = greet, read
        self._thread = threading.Thread(target=self._serve, name="rfb test server")
        self._thread.start()

    @property
    def route(self) -> TcpRoute:
        return TcpRoute("127.0.0.1", self.port)

    def _serve(self) -> None:
        try:
            conn, _address = self.listener.accept()
        except OSError:
            return
        self.conn = conn
        if self._greet:
            name = b"QEMU (scripted)"
            init = struct.pack(">HHBBBBHHHBBB3x", W, H, 32, 24, 0, 1, 255, 255, 255, 16, 8, 0)
            conn.sendall(b"RFB 003.008\n\x01\x01" + struct.pack(">I", 0) + init
                         + struct.pack(">I", len(name)) + name)
        while self._read:
            try:
                chunk = conn.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self._data += chunk

    def send(self, data: bytes) -> None:
        assert self.conn is not None
        self.conn.sendall(data)

    def messages(self) -> list[tuple[object, ...]]:
        """The client's messages after its handshake, decoded."""
        with self._lock:
            data = bytes(self._data[14:])  # version (12), security type, ClientInit
        found: list[tuple[object, ...]] = []
        while data:
            kind = data[0]
            if kind == 0:
                size, item = 20, ("pixel-format",)
            elif kind == 2:
                size, item = 4 + 4 * struct.unpack(">H", data[2:4])[0], ("encodings",)
            elif kind == 3:
                size, item = 10, ("update", data[1])
            elif kind == 4:
                size, item = 8, ("key", data[1], struct.unpack(">I", data[4:8])[0])
            elif kind == 5:
                size, item = 6, ("pointer", data[1], *struct.unpack(">HH", data[2:6]))
            elif kind == 6:
                length = struct.unpack(">I", data[4:8])[0]
                size, item = 8 + length, ("cut", data[8:8 + length].decode("latin-1"))
            elif kind == 255:
                _t, _s, down, keysym, qnum = struct.unpack(">BBHII", data[:12])
                size, item = 12, ("qkey", down, keysym, qnum)
            else:
                raise AssertionError(f"unexpected client message {kind}")
            if len(data) < size:
                break
            found.append(item)
            data = data[size:]
        return found

    def of(self, kind: str) -> list[tuple[object, ...]]:
        return [m for m in self.messages() if m[0] == kind]

    def close(self) -> None:
        for sock in (self.conn, self.listener):
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
        self._thread.join(5)


@pytest.fixture
def server() -> Iterator[RfbServer]:
    srv = RfbServer()
    yield srv
    srv.close()


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[VncView]:
    widget = VncView()
    qtbot.addWidget(widget)
    widget.resize(2 * W, 2 * H)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.detach()


def connect(qtbot: QtBot, view: VncView, server: RfbServer, *pseudo: bytes) -> None:
    """Show the server's display and its first (full) update: red, plus `pseudo` rects."""
    view.show_route(server.route, "scripted")
    qtbot.waitUntil(lambda: bool(server.of("update")), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(view.updated, timeout=TIMEOUT_MS):
        server.send(update(rect(0, 0, W, H, 0) + solid(W, H, (0, 0, 255)), *pseudo))
    assert view.state is ViewState.CONNECTED


def key_event(kind: QEvent.Type, key: Qt.Key, native: int, keysym: int,
              text: str = "", modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
              ) -> QKeyEvent:
    return QKeyEvent(kind, key, modifiers, native, keysym, 0, text)


def press(view: VncView, key: Qt.Key, native: int, keysym: int, text: str = "") -> None:
    QApplication.sendEvent(view, key_event(QEvent.Type.KeyPress, key, native, keysym, text))


def release(view: VncView, key: Qt.Key, native: int, keysym: int, text: str = "") -> None:
    QApplication.sendEvent(view, key_event(QEvent.Type.KeyRelease, key, native, keysym, text))


def test_updates_are_painted_and_the_next_is_asked_for_after_each(
        qtbot: QtBot, view: VncView, server: RfbServer) -> None:
    connect(qtbot, view, server)
    assert view.guest_size() == QSize(W, H)
    assert view.image.pixelColor(5, 5).name() == "#ff0000"
    qtbot.waitUntil(lambda: len(server.of("update")) == 2, timeout=TIMEOUT_MS)
    assert [m[1] for m in server.of("update")] == [0, 1]  # full, then the next (incremental)
    assert view.grab().toImage().pixelColor(W, H).red() > 200  # painted, scaled to fit

    with qtbot.waitSignal(view.updated, timeout=TIMEOUT_MS):
        server.send(update(rect(10, 20, 4, 3, 0) + solid(4, 3, (255, 0, 0)),
                           rect(0, 0, 2, 2, 1) + struct.pack(">HH", 10, 20)))  # a copy
    assert view.image.pixelColor(12, 21).name() == "#0000ff"
    assert view.image.pixelColor(1, 1).name() == "#0000ff"  # copied from (10, 20)
    assert view.image.pixelColor(14, 21).name() == "#ff0000"
    qtbot.waitUntil(lambda: len(server.of("update")) == 3, timeout=TIMEOUT_MS)


def test_a_hidden_view_asks_for_no_update_until_it_shows(
        qtbot: QtBot, view: VncView, server: RfbServer) -> None:
    connect(qtbot, view, server)
    qtbot.waitUntil(lambda: len(server.of("update")) == 2, timeout=TIMEOUT_MS)
    view.hide()
    with qtbot.waitSignal(view.updated, timeout=TIMEOUT_MS):
        server.send(update(rect(0, 0, 1, 1, 0) + solid(1, 1, (0, 255, 0))))
    qtbot.wait(200)
    assert len(server.of("update")) == 2  # nothing more for nobody
    view.show()
    qtbot.waitUntil(lambda: len(server.of("update")) == 3, timeout=TIMEOUT_MS)


def test_a_resized_desktop_keeps_what_fits(qtbot: QtBot, view: VncView,
                                          server: RfbServer) -> None:
    connect(qtbot, view, server)
    with qtbot.waitSignal(view.guestSizeChanged, timeout=TIMEOUT_MS) as resized:
        server.send(update(rect(0, 0, 2 * W, H, DESKTOP_SIZE)))
    assert resized.args == [QSize(2 * W, H)]
    assert view.image.pixelColor(5, 5).name() == "#ff0000"
    assert view.image.pixelColor(W + 5, 5).name() == "#000000"


def test_keys_are_scancodes_when_the_server_takes_them(qtbot: QtBot, view: VncView,
                                                       server: RfbServer) -> None:
    connect(qtbot, view, server, rect(0, 0, W, H, EXTENDED_KEYS))
    view.setFocus()
    # "q" on an X11 keyboard: XKB keycode 24 (evdev 16, XT 0x10), keysym "q".
    press(view, Qt.Key.Key_Q, 24, 0x71, "q")
    release(view, Qt.Key.Key_Q, 24, 0x71, "q")
    qtbot.waitUntil(lambda: len(server.of("qkey")) == 2, timeout=TIMEOUT_MS)
    assert server.of("qkey") == [("qkey", 1, 0x71, 0x10), ("qkey", 0, 0x71, 0x10)]


def test_keys_are_keysyms_otherwise(qtbot: QtBot, view: VncView, server: RfbServer) -> None:
    connect(qtbot, view, server)
    qtbot.keyClicks(view, "a-Z")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(server.of("key")) == 12, timeout=TIMEOUT_MS)
    downs = [m[2] for m in server.of("key") if m[1] == 1]
    # Ctrl+C: Control_L, then the "c" key (its text is a control character).
    assert downs == [ord("a"), ord("-"), ord("Z"), 0xFF0D, 0xFFE3, ord("c")]


def test_ctrl_alt_releases_the_keyboard_grab(qtbot: QtBot, view: VncView,
                                             server: RfbServer) -> None:
    connect(qtbot, view, server)
    view.setFocus()
    qtbot.waitUntil(lambda: view.input.keyboard_grabbed, timeout=TIMEOUT_MS)
    assert view.note() == "Press Ctrl+Alt to release the keyboard"
    override = key_event(QEvent.Type.ShortcutOverride, Qt.Key.Key_F11, 0, 0)
    QApplication.sendEvent(view, override)
    assert override.isAccepted()  # F11 is the guest's while grabbed
    # Ctrl+Alt+Delete typed is the guest's: no release.
    ctrl, alt = (Qt.Key.Key_Control, 37, 0xFFE3), (Qt.Key.Key_Alt, 64, 0xFFE9)
    press(view, *ctrl)
    press(view, *alt)
    press(view, Qt.Key.Key_Delete, 119, 0xFFFF)
    release(view, Qt.Key.Key_Delete, 119, 0xFFFF)
    release(view, *alt)
    release(view, *ctrl)
    assert view.input.keyboard_grabbed
    with qtbot.waitSignal(view.noteChanged, timeout=TIMEOUT_MS):
        press(view, *ctrl)
        press(view, *alt)
        release(view, *alt)
    assert not view.input.keyboard_grabbed
    assert "Click" in view.note()
    release(view, *ctrl)
    override = key_event(QEvent.Type.ShortcutOverride, Qt.Key.Key_F11, 0, 0)
    override.ignore()
    QApplication.sendEvent(view, override)
    assert not override.isAccepted()  # the window's shortcuts work again
    qtbot.waitUntil(lambda: len(server.of("key")) == 10, timeout=TIMEOUT_MS)
    keys = server.of("key")
    assert sum(m[1] for m in keys) == 5 and keys[-1] == ("key", 0, 0xFFE3)  # none stuck
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton)
    assert view.input.keyboard_grabbed  # a click captures it again


def test_absolute_pointer_positions_map_the_scaled_picture(
        qtbot: QtBot, view: VncView, server: RfbServer) -> None:
    connect(qtbot, view, server)
    assert view.picture_rect().size() == QSize(2 * W, 2 * H)
    qtbot.mouseClick(view, Qt.MouseButton.RightButton, pos=QPoint(20, 30))
    view.wheelEvent(QWheelEvent(QPointF(40, 60), QPointF(40, 60), QPoint(), QPoint(0, 120),
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                Qt.ScrollPhase.NoScrollPhase, False))
    qtbot.waitUntil(lambda: len(server.of("pointer")) >= 4, timeout=TIMEOUT_MS)
    pointer = server.of("pointer")
    assert ("pointer", 4, 10, 15) in pointer and ("pointer", 0, 10, 15) in pointer
    assert pointer[-2:] == [("pointer", 8, 20, 30), ("pointer", 0, 20, 30)]


def test_relative_pointer_needs_a_grab_and_moves_by_deltas(
        qtbot: QtBot, view: VncView, server: RfbServer) -> None:
    connect(qtbot, view, server, rect(0, 0, W, H, EXTENDED_KEYS), rect(0, 0, W, H, RELATIVE))
    qtbot.waitUntil(lambda: not view.input.absolute, timeout=TIMEOUT_MS)
    qtbot.mouseMove(view, QPoint(10, 10))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert view.input.pointer_grabbed  # that click was ours, not the guest's
    assert view.cursor().shape() == Qt.CursorShape.BlankCursor
    assert "pointer" in view.note()
    centre = view.rect().center()
    qtbot.mouseMove(view, centre + QPoint(5, -3))
    qtbot.waitUntil(lambda: bool(server.of("pointer")), timeout=TIMEOUT_MS)
    assert server.of("pointer")[-1] == ("pointer", 0, 0x7FFF + 5, 0x7FFF - 3)
    press(view, Qt.Key.Key_Control, 37, 0xFFE3)
    press(view, Qt.Key.Key_Alt, 64, 0xFFE9)
    release(view, Qt.Key.Key_Alt, 64, 0xFFE9)
    assert not view.input.pointer_grabbed and not view.input.keyboard_grabbed


def test_clipboard_text_goes_both_ways(qtbot: QtBot, view: VncView, server: RfbServer) -> None:
    connect(qtbot, view, server)
    clipboard = QGuiApplication.clipboard()
    text = "<b>from the guest</b> ä"
    with qtbot.waitSignal(clipboard.dataChanged, timeout=TIMEOUT_MS):
        data = text.encode("latin-1")
        server.send(struct.pack(">BxxxI", 3, len(data)) + data)
    assert clipboard.text() == text
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=TIMEOUT_MS)
    clipboard.setText("to the guest")
    qtbot.waitUntil(lambda: bool(server.of("cut")), timeout=TIMEOUT_MS)
    assert server.of("cut") == [("cut", "to the guest")]  # not the guest's own text back


def test_the_guests_cursor_shape_is_the_widgets(qtbot: QtBot, view: VncView,
                                                server: RfbServer) -> None:
    connect(qtbot, view, server)
    pixels = solid(4, 4, (255, 255, 255))
    mask = bytes([0xF0] * 4)
    server.send(update(rect(1, 2, 4, 4, CURSOR) + pixels + mask))
    qtbot.waitUntil(lambda: view.cursor().shape() == Qt.CursorShape.BitmapCursor,
                    timeout=TIMEOUT_MS)
    assert view.cursor().hotSpot() == QPoint(1, 2)


def test_send_key_presses_the_combination_in_the_guest(qtbot: QtBot, view: VncView,
                                                       server: RfbServer) -> None:
    connect(qtbot, view, server, rect(0, 0, W, H, EXTENDED_KEYS))
    assert view.can_send_keys()
    view.send_keys(CTRL_ALT_DEL)
    qtbot.waitUntil(lambda: len(server.of("qkey")) == 6, timeout=TIMEOUT_MS)
    assert [(m[1], m[3]) for m in server.of("qkey")] == [
        (1, 0x1D), (1, 0x38), (1, 0xD3), (0, 0xD3), (0, 0x38), (0, 0x1D)]


def test_a_server_that_goes_away_leaves_disconnected(qtbot: QtBot, view: VncView,
                                                     server: RfbServer) -> None:
    connect(qtbot, view, server)
    assert server.conn is not None
    with qtbot.waitSignal(view.stateChanged, timeout=TIMEOUT_MS):
        server.conn.shutdown(socket.SHUT_RDWR)
    assert view.state is ViewState.DISCONNECTED
    assert "closed the connection" in view.message
    assert not view.can_send_keys()


def test_nothing_listening_fails_with_the_reason(qtbot: QtBot, view: VncView) -> None:
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nobody listens there now
    view.show_route(TcpRoute("127.0.0.1", port))
    qtbot.waitUntil(lambda: view.state is ViewState.FAILED, timeout=TIMEOUT_MS)
    assert "refused" in view.message.lower()


def test_a_stalled_server_does_not_freeze_the_gui(qtbot: QtBot, view: VncView) -> None:
    """The server greets, then neither sends nor reads: the GUI thread keeps ticking while
    input for it piles up, and letting go of it does not wait for it."""
    stalled = RfbServer(read=False)
    try:
        view.show_route(stalled.route)
        qtbot.waitUntil(lambda: stalled.conn is not None, timeout=TIMEOUT_MS)
        ticks: list[float] = []
        timer = QTimer(view, interval=10)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start()
        session = view.session
        assert session is not None
        big = "x" * 900_000  # more than the socket buffers hold: the writes must wait
        for _round in range(4):
            session.cut_text(big)
            for x in range(50):
                session.pointer_event(x, x, 0)
            qtbot.wait(200)
        timer.stop()
        gaps = np.diff(ticks)
        assert len(ticks) > 40 and gaps.max() < 0.25, f"GUI thread stalled {gaps.max():.3f} s"
        assert view.state is ViewState.CONNECTING  # still waiting for the first picture
        started = time.monotonic()
        view.detach()
        assert time.monotonic() - started < 0.1
    finally:
        stalled.close()


def test_without_a_vnc_socket_the_view_shows_screenshots(
        qtbot: QtBot, view: VncView, default_conn: libvirt.virConnect) -> None:
    """The test driver hands over no VNC socket: libvirt's screenshots, view only."""
    scratch_vm(default_conn, "vnc-fallback", running=True)
    connection = Connection(DEFAULT)
    connection.open()
    try:
        qtbot.waitUntil(lambda: connection.inventory is not None, timeout=TIMEOUT_MS)
        assert connection.inventory is not None
        domain: DomainInfo = next(d for d in connection.inventory.domains
                                  if d.name == PREFIX + "vnc-fallback")
        view.attach(connection, domain)
        qtbot.waitUntil(lambda: view.state is ViewState.CONNECTED, timeout=TIMEOUT_MS)
        assert view.note().startswith("View only")
        assert not view.guest_size().isEmpty()
        assert view.polling
        view.detach()
        assert not view.polling
    finally:
        connection.shutdown()
