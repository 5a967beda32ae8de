"""A VNC display with a password (VNC Authentication) against QEMU's own VNC server: the view
asks with a dialog, a wrong password fails with the server's words, Cancel gives up, the right
one shows the screen, and the dialog keeps no copy."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from kvmgui.ui.console.vnc_view import VncView
from kvmgui.ui.dialogs.vnc_password_dialog import VncPasswordDialog
from kvmgui.ui.vm_window.rules import ViewState
from kvmgui.virt.graphics_route import TcpRoute

QEMU = "qemu-system-x86_64"
PASSWORD = "s3cret"  # VNC Authentication uses at most 8 characters
TIMEOUT_MS = 15000


def free_display() -> int:
    """A VNC display number N whose port 5900 + N is free now."""
    for display in range(150, 400):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", 5900 + display)) != 0:
                return display
    raise RuntimeError("no free VNC port between 6050 and 6300")


@pytest.fixture
def qemu_port() -> Iterator[int]:
    """QEMU, stopped before its first instruction, with a VNC display on 127.0.0.1 that
    asks for PASSWORD (no libvirt: QEMU's own VNC server)."""
    if shutil.which(QEMU) is None:
        pytest.skip(f"{QEMU} is not installed (apt-get install qemu-system-x86)")
    display = free_display()
    process = subprocess.Popen(
        [QEMU, "-nodefaults", "-S", "-m", "32", "-display", "none", "-vga", "std",
         "-object", f"secret,id=vncpw,data={PASSWORD}",
         "-vnc", f"127.0.0.1:{display},password-secret=vncpw"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    port = 5900 + display
    deadline = time.monotonic() + 20
    try:
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                assert process.stderr is not None
                pytest.skip(f"QEMU did not start: {process.stderr.read().decode()[-300:]}")
            time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(10)
        if process.stderr is not None:
            process.stderr.close()


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[VncView]:
    widget = VncView()
    qtbot.addWidget(widget)
    widget.resize(640, 480)
    widget.show()
    yield widget
    widget.detach()


def ask(qtbot: QtBot, view: VncView, port: int) -> VncPasswordDialog:
    with qtbot.waitSignal(view.passwordRequested, timeout=TIMEOUT_MS) as asked:
        view.show_route(TcpRoute("127.0.0.1", port), "guest <b>one</b>")
    dialog = asked.args[0]
    assert isinstance(dialog, VncPasswordDialog)
    qtbot.waitExposed(dialog)
    assert "guest <b>one</b>" in dialog.intro.text()  # shown as it is: plain text
    assert dialog.intro.textFormat() == Qt.TextFormat.PlainText
    return dialog


def test_the_right_password_shows_the_screen(qtbot: QtBot, view: VncView,
                                             qemu_port: int) -> None:
    dialog = ask(qtbot, view, qemu_port)
    assert view.state is ViewState.CONNECTING
    dialog.accept()  # empty: refused, the dialog stays
    assert dialog.isVisible() and dialog.problem.isVisible()
    dialog.field.setText(PASSWORD)
    dialog.accept()
    assert dialog.field.text() == ""  # no copy left in the widget
    qtbot.waitUntil(lambda: view.state is ViewState.CONNECTED, timeout=TIMEOUT_MS)
    assert view.guest_size() == QSize(640, 480)  # QEMU's "not initialized" screen


def test_a_wrong_password_fails_with_the_servers_words(qtbot: QtBot, view: VncView,
                                                       qemu_port: int) -> None:
    dialog = ask(qtbot, view, qemu_port)
    dialog.field.setText("wrong")
    dialog.accept()
    qtbot.waitUntil(lambda: view.state is ViewState.FAILED, timeout=TIMEOUT_MS)
    assert "Authentication failed" in view.message


def test_cancel_gives_up(qtbot: QtBot, view: VncView, qemu_port: int) -> None:
    dialog = ask(qtbot, view, qemu_port)
    dialog.reject()
    qtbot.waitUntil(lambda: view.state is ViewState.FAILED, timeout=TIMEOUT_MS)
    assert view.message == "No password was given for the console."


def test_detaching_closes_the_open_dialog(qtbot: QtBot, view: VncView,
                                          qemu_port: int) -> None:
    dialog = ask(qtbot, view, qemu_port)
    view.detach()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT_MS)
    assert view.state is ViewState.DETACHED
