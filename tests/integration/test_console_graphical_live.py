"""The graphical console (VNC view) on the tiny real guest: its screen at the guest's
resolution, typing through the view (keysyms and scancodes), a reset and a restart that the
console survives, a SPICE-only guest's explanation, and the SSH tunnel of a qemu+ssh
connection. The guest's VNC display listens nowhere (<listen type='none'/>): the local view
gets its socket from libvirt."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import libvirt
import pytest
from app_helpers import find_row
from daemon_helpers import URI
from fixture_helpers import StartApp
from guest_console_helpers import (
    GuestSerial, domain_info, open_connection, running_domain, shell_marker,
)
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot
from ssh_helpers import SshServer, ssh_server  # noqa: F401 (fixture)
from tiny_guest_helpers import BANNER, TinyGuestMaker, make_tiny_guest  # noqa: F401 (fixture)

from kvmgui.rfb.keys import keysym_for_char
from kvmgui.ui.console.vnc_view import VncView
from kvmgui.ui.roles import Category
from kvmgui.ui.vm_window.rules import Overlay, ViewState
from kvmgui.virt.connection import Connection
from kvmgui.virt.graphics_route import SshRoute
from kvmgui.virt.screenshot import read_screenshot

BOOT_MS = 60000  # TCG on a busy 2-core machine: the guest boots in ~2-3 s when idle
ANSWER_MS = 15000
VGA_TEXT = QSize(720, 400)  # 80x25 characters of 9x16 pixels
TEXT_ROW = 16
# QEMU's PS/2 keyboard queues 16 bytes: keys sent faster than the guest reads them are lost
# (a person never types that fast; a test can).
KEY_GAP_MS = 25

ViewMaker = Callable[[Connection, str], VncView]

# US keyboard: character -> (Linux evdev code, with Shift).
_EVDEV = {**{c: (16 + i, False) for i, c in enumerate("qwertyuiop")},
          **{c: (30 + i, False) for i, c in enumerate("asdfghjkl")},
          **{c: (44 + i, False) for i, c in enumerate("zxcvbnm")},
          **{c: (2 + i, False) for i, c in enumerate("1234567890")},
          "-": (12, False), "=": (13, False), " ": (57, False), "\n": (28, False),
          "/": (53, False), ".": (52, False), ">": (52, True), "$": (5, True),
          "(": (10, True), ")": (11, True), "+": (13, True)}
_EVDEV.update({c.upper(): (code, True) for c, (code, _s) in list(_EVDEV.items()) if c.isalpha()})
_SHIFT = 42
_XKB = 8  # X11/Wayland keycodes are evdev codes + 8


@pytest.fixture
def connection(qtbot: QtBot) -> Iterator[Connection]:
    conn = open_connection(qtbot, URI)
    yield conn
    conn.shutdown()


@pytest.fixture
def open_view(qtbot: QtBot) -> Iterator[ViewMaker]:
    """open_view(connection, domain name) -> a shown VNC view attached to the domain."""
    views: list[VncView] = []

    def make(conn: Connection, name: str) -> VncView:
        info = running_domain(qtbot, conn, name)  # the guest was just created
        view = VncView()
        qtbot.addWidget(view)
        views.append(view)
        view.resize(VGA_TEXT)
        view.show()
        view.attach(conn, info)
        return view

    yield make
    for view in views:
        view.detach()


def wait_connected(qtbot: QtBot, view: VncView, timeout: int = 30000) -> None:
    qtbot.waitUntil(lambda: view.state is ViewState.CONNECTED, timeout=timeout)


def lit_pixels(image: QImage) -> int:
    """Pixels that are not black, sampled every 3rd column and row."""
    return sum(image.pixelColor(x, y).lightness() > 60
               for y in range(0, image.height(), 3) for x in range(0, image.width(), 3))


def changed_rows(before: QImage, after: QImage) -> list[int]:
    return [y for y in range(after.height())
            if any(before.pixel(x, y) != after.pixel(x, y) for x in range(0, after.width(), 2))]


def type_scancodes(qtbot: QtBot, view: VncView, text: str) -> None:
    """Type `text` as an X11 keyboard would deliver it: native XKB keycodes and keysyms,
    Shift pressed around the characters that need it, at a quick typist's pace."""
    def send(kind: QEvent.Type, code: int, keysym: int, char: str) -> None:
        key = Qt.Key.Key_Shift if code == _SHIFT else Qt.Key(ord(char.upper())) \
            if char.isalnum() else Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, code + _XKB, keysym, 0,
                          char if char != "\n" else "\r")
        QApplication.sendEvent(view, event)

    for char in text:
        code, shifted = _EVDEV[char]
        if shifted:
            send(QEvent.Type.KeyPress, _SHIFT, 0xFFE1, "")
        keysym = keysym_for_char(char)
        send(QEvent.Type.KeyPress, code, keysym, char)
        send(QEvent.Type.KeyRelease, code, keysym, char)
        if shifted:
            send(QEvent.Type.KeyRelease, _SHIFT, 0xFFE1, "")
        qtbot.wait(KEY_GAP_MS)


def libvirt_screenshot(qtbot: QtBot, conn: Connection, uuid: str) -> QImage:
    shots: list[QImage] = []
    conn.run(read_screenshot(uuid), lambda shot: shots.append(QImage.fromData(shot.data)))
    qtbot.waitUntil(lambda: bool(shots), timeout=ANSWER_MS)
    return shots[0].convertToFormat(QImage.Format.Format_RGB32)


def echo_to_serial(qtbot: QtBot, view: VncView, serial: GuestSerial) -> None:
    """Type through the view a command whose answer only the guest's shell can compute, and
    see the answer on the serial console."""
    # The shells of the last boot are up (tty1's at about the same time as ttyS0's).
    qtbot.waitUntil(lambda: "/ # " in serial.text.rpartition(BANNER)[2], timeout=BOOT_MS)
    for _attempt in range(3):  # keys typed while tty1's shell still starts may be dropped
        typed, printed = shell_marker("kvmgui-vnc")
        type_scancodes(qtbot, view, f"echo {typed} >/dev/ttyS0\n")
        try:
            serial.wait_for(printed, timeout=5000)
            return
        except TimeoutError:
            pass
    pytest.fail(f"nothing typed reached the guest's shell; its serial console: {serial.text!r}")


def test_screen_at_the_guests_resolution_as_libvirt_sees_it(
        make_tiny_guest: TinyGuestMaker, connection: Connection,  # noqa: F811
        open_view: ViewMaker, qtbot: QtBot) -> None:
    name = make_tiny_guest("vnc-screen")
    view = open_view(connection, name)
    wait_connected(qtbot, view)
    # VGA text mode once the kernel prints (the BIOS may show another mode first).
    qtbot.waitUntil(lambda: view.guest_size() == VGA_TEXT and lit_pixels(view.image) > 200,
                    timeout=BOOT_MS)
    assert view.screenshot().size() == VGA_TEXT
    assert view.note() != ""  # what to do: click, or how to release the keyboard
    # Our framebuffer is the guest's screen: libvirt's own screenshot shows the same pixels
    # (a blinking cursor may differ; a retry covers an update in flight).
    for _attempt in range(5):
        qtbot.wait(500)
        ours = view.screenshot().convertToFormat(QImage.Format.Format_RGB32)
        theirs = libvirt_screenshot(qtbot, connection, domain_info(connection, name).uuid)
        if theirs.size() == ours.size() and len(changed_rows(ours, theirs)) <= TEXT_ROW:
            break
    else:
        pytest.fail("the VNC framebuffer differs from libvirt's screenshot")


def test_typed_lines_reach_the_guest(make_tiny_guest: TinyGuestMaker,  # noqa: F811
                                     connection: Connection, open_view: ViewMaker,
                                     virt_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    name = make_tiny_guest("vnc-typing", paused=True)  # the serial console from its start
    view = open_view(connection, name)
    serial = GuestSerial(qtbot, connection, domain_info(connection, name).uuid, ANSWER_MS)
    serial.wait_open()
    virt_conn.lookupByName(name).resume()
    wait_connected(qtbot, view)
    qtbot.waitUntil(lambda: view.guest_size() == VGA_TEXT and lit_pixels(view.image) > 200,
                    timeout=BOOT_MS)
    view.setFocus()
    # Scancodes (QEMU extended key events): the shell on tty1 runs what was typed.
    echo_to_serial(qtbot, view, serial)

    # Keysyms only (what the offscreen platform's key events carry): a clear screen, then a
    # line whose pixels appear in the top text rows, where the prompt now is.
    qtbot.keyClicks(view, "clear", delay=KEY_GAP_MS)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lit_pixels(view.image) < 150, timeout=ANSWER_MS)
    qtbot.wait(300)
    before = view.screenshot()
    n = random.randrange(1000, 9999)
    qtbot.keyClicks(view, f"echo kvmgui-vnc-{n}", delay=KEY_GAP_MS)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(changed_rows(before, view.screenshot())) >= 2 * TEXT_ROW - 4,
                    timeout=ANSWER_MS)  # the command line and the shell's answer
    rows = changed_rows(before, view.screenshot())
    assert max(rows) < 4 * TEXT_ROW, f"changes outside the top text rows: {rows}"
    serial.stream.close()


def test_reset_and_restart_keep_the_console(make_tiny_guest: TinyGuestMaker,  # noqa: F811
                                            connection: Connection, open_view: ViewMaker,
                                            virt_conn: libvirt.virConnect,
                                            qtbot: QtBot) -> None:
    name = make_tiny_guest("vnc-restart", paused=True)
    view = open_view(connection, name)
    uuid = domain_info(connection, name).uuid
    domain = virt_conn.lookupByName(name)
    serial = GuestSerial(qtbot, connection, uuid, ANSWER_MS)
    serial.wait_open()
    domain.resume()
    wait_connected(qtbot, view)
    view.setFocus()
    echo_to_serial(qtbot, view, serial)
    qtbot.keyClicks(view, "clear", delay=KEY_GAP_MS)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lit_pixels(view.image) < 150, timeout=ANSWER_MS)

    domain.reset()  # a reboot: QEMU and its display stay, the guest boots again
    qtbot.waitUntil(lambda: serial.text.count(BANNER) == 2, timeout=BOOT_MS)
    qtbot.waitUntil(lambda: view.guest_size() == VGA_TEXT and lit_pixels(view.image) > 200,
                    timeout=ANSWER_MS)  # the kernel's messages, shown over the same link
    assert view.state is ViewState.CONNECTED
    echo_to_serial(qtbot, view, serial)
    serial.stream.close()

    with qtbot.waitSignal(view.stateChanged, timeout=ANSWER_MS,
                          check_params_cb=lambda state, _m: state is ViewState.CONNECTING):
        domain.destroy()  # the display goes with QEMU: the view tries again by itself
    domain.createWithFlags(libvirt.VIR_DOMAIN_START_PAUSED)
    serial = GuestSerial(qtbot, connection, uuid, ANSWER_MS)
    serial.wait_open()
    domain.resume()
    wait_connected(qtbot, view, timeout=BOOT_MS)
    qtbot.waitUntil(lambda: view.guest_size() == VGA_TEXT and lit_pixels(view.image) > 200,
                    timeout=BOOT_MS)
    echo_to_serial(qtbot, view, serial)
    serial.stream.close()


def test_vm_window_reconnects_after_a_restart(make_tiny_guest: TinyGuestMaker,  # noqa: F811
                                              start_app: StartApp,
                                              virt_conn: libvirt.virConnect,
                                              qtbot: QtBot) -> None:
    name = make_tiny_guest("vnc-window")
    app = start_app(URI, timeout_ms=60000)
    qtbot.waitUntil(lambda: find_row(app, URI, Category.DOMAINS, name).isValid(),
                    timeout=30000)
    window = app.vm_windows.open_index(find_row(app, URI, Category.DOMAINS, name))
    assert window is not None
    console = window.console
    assert isinstance(console.graphical, VncView)
    qtbot.waitUntil(lambda: console.overlay_kind is Overlay.NONE, timeout=BOOT_MS)
    assert "Ctrl+Alt" in console.note.text() or "Click" in console.note.text()
    domain = virt_conn.lookupByName(name)
    domain.destroy()
    qtbot.waitUntil(lambda: console.overlay_kind is Overlay.NOT_RUNNING, timeout=ANSWER_MS)
    domain.create()
    qtbot.waitUntil(lambda: console.overlay_kind is Overlay.NONE, timeout=BOOT_MS)
    qtbot.waitUntil(lambda: lit_pixels(console.graphical.image) > 200, timeout=BOOT_MS)


@pytest.fixture
def spice_guest(make_tiny_guest: TinyGuestMaker) -> str:  # noqa: F811
    """A running tiny guest whose only display is SPICE (on 127.0.0.1)."""
    def spice_only(_name: str, xml: str) -> str:
        return xml.replace("<graphics type='vnc'", "<graphics type='spice'")

    return make_tiny_guest("spice-only", vnc_listen="loopback", edit=spice_only)


def test_spice_only_guest_shows_the_explanation(spice_guest: str, start_app: StartApp,
                                                qtbot: QtBot) -> None:
    app = start_app(URI, timeout_ms=60000)
    qtbot.waitUntil(lambda: find_row(app, URI, Category.DOMAINS, spice_guest).isValid(),
                    timeout=30000)
    window = app.vm_windows.open_index(find_row(app, URI, Category.DOMAINS, spice_guest))
    assert window is not None
    qtbot.waitUntil(lambda: window.console.overlay_kind is Overlay.SPICE_ONLY, timeout=30000)
    assert window.console.overlay.heading.text() == "This guest has a SPICE display only"
    assert window.console.graphical.state is ViewState.DETACHED  # nothing to connect to


def test_remote_display_on_loopback_goes_through_ssh(
        make_tiny_guest: TinyGuestMaker, ssh_server: SshServer,  # noqa: F811
        open_view: ViewMaker, qtbot: QtBot) -> None:
    name = make_tiny_guest("vnc-ssh", vnc_listen="loopback")
    remote = open_connection(qtbot, ssh_server.uri("openssh"))
    try:
        sessions_before = ssh_server.accepted_logins()
        view = open_view(remote, name)
        wait_connected(qtbot, view)
        qtbot.waitUntil(lambda: lit_pixels(view.image) > 200, timeout=BOOT_MS)
        assert ssh_server.accepted_logins() > sessions_before  # the tunnel logged in
        view.detach()
    finally:
        remote.shutdown()


def test_ssh_route_is_what_the_uri_asks_for(ssh_server: SshServer) -> None:  # noqa: F811
    from kvmgui.logic.domain_refs import GraphicsListen
    from kvmgui.virt.graphics_route import remote_route

    route = remote_route(ssh_server.uri("openssh"), GraphicsListen("vnc", 5907, "127.0.0.1", ""))
    assert isinstance(route, SshRoute)
    assert route.command[-3:] == ("nc", "127.0.0.1", "5907")
    assert str(ssh_server.client_key.private) in route.command


def guest_screen(domain: libvirt.virDomain) -> QImage:
    """The guest's screen as libvirt's own screenshot shows it."""
    stream = domain.connect().newStream(0)
    domain.screenshot(stream, 0, 0)
    data = b""
    while chunk := stream.recv(1 << 20):
        data += chunk
    stream.finish()
    return QImage.fromData(data)


def test_headless_screenshot_shows_the_vnc_screen(make_tiny_guest: TinyGuestMaker,  # noqa: F811
                                                  virt_conn: libvirt.virConnect, qtbot: QtBot,
                                                  tmp_path: Path) -> None:
    """`kvmgui --console graphics --screenshot` waits for the VNC view's first update."""
    name = make_tiny_guest("vnc-shot")
    domain = virt_conn.lookupByName(name)
    qtbot.waitUntil(lambda: lit_pixels(guest_screen(domain)) > 200, timeout=BOOT_MS)
    shot = tmp_path / "vm.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run(
        [sys.executable, "-m", "kvmgui", "--connect", URI, "--select", name, "--console",
         "graphics", "--theme", "light", "--log-level", "info", "--screenshot", str(shot)],
        env=env, text=True, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "screenshot written" in result.stderr and "nothing shown" not in result.stderr
    window = QImage(str(shot))
    console = window.copy(0, window.height() // 4, window.width(), window.height() // 2)
    # The guest's text console: mostly black with its text lit, no light overlay card.
    dark = sum(console.pixelColor(x, y).lightness() < 40
               for y in range(0, console.height(), 4) for x in range(0, console.width(), 4))
    assert dark > 0.6 * (console.height() // 4) * (console.width() // 4)
    assert lit_pixels(console) > 100
