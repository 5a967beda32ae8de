"""The serial console page on the tiny real guest: boot output, typing, detach/reattach, a
second client (busy, then Take over), reconnect after a restart, a second serial port."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import libvirt
import pytest
from daemon_helpers import DaemonControl
from guest_console_helpers import open_connection, running_domain, shell_marker, terminal_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tiny_guest_helpers import BANNER, TinyGuestMaker, make_tiny_guest  # noqa: F401 (fixture)

from kvmgui.ui.console.serial_console import SerialConsolePage
from kvmgui.virt.connection import Connection
from kvmgui.virt.console_stream import ConsoleState

BOOT_MS = 60000  # TCG on a busy 2-core machine: the guest boots in ~2-3 s when idle
ANSWER_MS = 10000

PageMaker = Callable[[str], SerialConsolePage]


@pytest.fixture
def connection(qtbot: QtBot) -> Iterator[Connection]:
    conn = open_connection(qtbot)
    yield conn
    conn.shutdown()


@pytest.fixture
def open_page(qtbot: QtBot, connection: Connection) -> PageMaker:
    """open_page(domain name) -> a shown console page for it, on the fixture's connection."""

    def make(name: str) -> SerialConsolePage:
        info = running_domain(qtbot, connection, name)  # the guest was just created
        page = SerialConsolePage(connection, info)
        qtbot.addWidget(page)
        page.resize(800, 480)
        page.show()
        return page

    return make


def wait_text(qtbot: QtBot, page: SerialConsolePage, text: str,
              timeout: int = ANSWER_MS) -> None:
    qtbot.waitUntil(lambda: text in terminal_text(page.terminal), timeout=timeout)


def wait_state(qtbot: QtBot, page: SerialConsolePage, state: ConsoleState,
               timeout: int = 30000) -> None:
    qtbot.waitUntil(lambda: page.stream.state == state, timeout=timeout)


def type_line(qtbot: QtBot, page: SerialConsolePage, line: str) -> None:
    qtbot.keyClicks(page.terminal, line)
    qtbot.keyClick(page.terminal, Qt.Key.Key_Return)


def ask_echo(qtbot: QtBot, page: SerialConsolePage) -> None:
    """Type `echo kvmgui-$((N+1))`: only the shell's answer contains kvmgui-<N+1>."""
    typed, printed = shell_marker("kvmgui")
    type_line(qtbot, page, f"echo {typed}")
    wait_text(qtbot, page, printed)


def test_boot_output_typing_and_reattach(make_tiny_guest: TinyGuestMaker,  # noqa: F811
                                         open_page: PageMaker, virt_conn: libvirt.virConnect,
                                         qtbot: QtBot) -> None:
    name = make_tiny_guest("serial", paused=True)
    page = open_page(name)
    wait_state(qtbot, page, ConsoleState.OPEN)
    assert page.devices.isHidden()  # one device (the <console> mirrors serial0)
    virt_conn.lookupByName(name).resume()
    wait_text(qtbot, page, BANNER, timeout=BOOT_MS)
    ask_echo(qtbot, page)

    page.disconnect_button.click()
    assert page.stream.state == ConsoleState.CLOSED
    assert page.reconnect_button.isVisibleTo(page)
    page.reconnect_button.click()
    wait_state(qtbot, page, ConsoleState.OPEN)
    ask_echo(qtbot, page)


def test_second_client_is_busy_until_it_takes_over(make_tiny_guest: TinyGuestMaker,  # noqa: F811
                                                   open_page: PageMaker,
                                                   qtbot: QtBot) -> None:
    name = make_tiny_guest("takeover")
    first = open_page(name)
    wait_state(qtbot, first, ConsoleState.OPEN)
    wait_text(qtbot, first, BANNER, timeout=BOOT_MS)

    second = open_page(name)
    with qtbot.waitSignal(second.stream.busy, timeout=30000) as busy:
        pass
    assert "console" in busy.args[0].lower()  # libvirt's own words, shown as they are
    assert second.stream.state == ConsoleState.BUSY
    assert second.take_over_button.isVisibleTo(second)

    with qtbot.waitSignal(first.stream.closed, timeout=30000):
        second.take_over_button.click()
    wait_state(qtbot, second, ConsoleState.OPEN)
    # The displaced page attaches again (the guest still runs), finds the console held and
    # offers Take over in turn: it does not take the console back by itself.
    wait_state(qtbot, first, ConsoleState.BUSY)
    assert first.take_over_button.isVisibleTo(first)
    ask_echo(qtbot, second)


def test_reconnects_when_the_domain_restarts(make_tiny_guest: TinyGuestMaker,  # noqa: F811
                                             open_page: PageMaker,
                                             virt_conn: libvirt.virConnect,
                                             qtbot: QtBot) -> None:
    name = make_tiny_guest("restart")
    page = open_page(name)
    wait_state(qtbot, page, ConsoleState.OPEN)
    wait_text(qtbot, page, BANNER, timeout=BOOT_MS)
    domain = virt_conn.lookupByName(name)

    with qtbot.waitSignal(page.stream.closed, timeout=30000):
        domain.destroy()
    qtbot.waitUntil(lambda: "not running" in page.status.text()
                    or "stopped" in page.status.text(), timeout=30000)
    page.terminal.feed(b"\x1b[2J\x1b[3J")  # forget the first boot's banner
    assert BANNER not in terminal_text(page.terminal)

    domain.create()
    wait_state(qtbot, page, ConsoleState.OPEN)
    wait_text(qtbot, page, BANNER, timeout=BOOT_MS)
    ask_echo(qtbot, page)


def test_second_serial_port_is_a_device_of_its_own(make_tiny_guest: TinyGuestMaker,  # noqa: F811
                                                   open_page: PageMaker,
                                                   qtbot: QtBot) -> None:
    name = make_tiny_guest("ports", serial_ports=2)
    shell = open_page(name)
    assert shell.devices.count() == 2 and shell.devices.isVisibleTo(shell)
    assert [shell.devices.itemData(i) for i in range(2)] == ["serial0", "serial1"]
    wait_state(qtbot, shell, ConsoleState.OPEN)
    wait_text(qtbot, shell, BANNER, timeout=BOOT_MS)

    other = open_page(name)
    other.devices.setCurrentIndex(1)
    other.connect_console()
    wait_state(qtbot, other, ConsoleState.OPEN)
    typed, printed = shell_marker("port1")
    type_line(qtbot, shell, f"echo {typed} > /dev/ttyS1")
    wait_text(qtbot, other, printed)
    assert printed not in terminal_text(shell.terminal)


def test_reattaches_when_the_connection_comes_back(make_tiny_guest: TinyGuestMaker,  # noqa: F811
                                                   open_page: PageMaker, daemon: DaemonControl,
                                                   qtbot: QtBot) -> None:
    name = make_tiny_guest("daemon")
    page = open_page(name)
    wait_state(qtbot, page, ConsoleState.OPEN)
    wait_text(qtbot, page, BANNER, timeout=BOOT_MS)

    with qtbot.waitSignal(page.stream.closed, timeout=30000):
        daemon.restart()  # the guest keeps running; the stream dies with the connection
    wait_state(qtbot, page, ConsoleState.OPEN, timeout=60000)
    ask_echo(qtbot, page)
