"""The tiny guest's serial console in integration tests: read through libvirt (`GuestSerial`),
or on the serial console page, typed into as a user would (`open_serial_console`,
`run_in_console`); and a Connection of the tests' own to find the guest on.

A command's end is seen by a marker only the guest's shell can print: the line typed holds
`done-$((N+1))`, the shell's answer `done-<N+1>` (`shell_marker`).
"""

from __future__ import annotations

import random

from daemon_helpers import URI
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app_helpers import find_row
from kvmgui.core.snapshots import ConnectionState, DomainInfo
from kvmgui.ui.app import Application
from kvmgui.ui.console.serial_console import SerialConsolePage
from kvmgui.ui.console.terminal_widget import TerminalWidget
from kvmgui.ui.roles import Category, Role
from kvmgui.virt.connection import Connection
from kvmgui.virt.console_stream import ConsoleState, ConsoleStream

ANSWER_MS = 10000  # a shell command's answer
ATTACH_MS = 30000  # the console attached, the guest listed


def shell_marker(word: str) -> tuple[str, str]:
    """(what to type, what the shell prints for it): `word-$((N+1))` and `word-<N+1>`."""
    n = random.randrange(10000, 99999)
    return f"{word}-$(({n}+1))", f"{word}-{n + 1}"


# --- a Connection of the test's own ------------------------------------------------------


def open_connection(qtbot: QtBot, uri: str = URI) -> Connection:
    """A Connection to `uri`, its inventory read (shut it down after use)."""
    conn = Connection(uri)
    conn.open()
    qtbot.waitUntil(lambda: conn.inventory is not None, timeout=60000)
    assert conn.state == ConnectionState.CONNECTED, conn.message
    return conn


def domain_info(connection: Connection, name: str) -> DomainInfo:
    assert connection.inventory is not None
    return next(d for d in connection.inventory.domains if d.name == name)


def running_domain(qtbot: QtBot, connection: Connection, name: str) -> DomainInfo:
    """`name` once the connection lists it running (a guest just created: read again)."""
    connection.refresh()
    qtbot.waitUntil(lambda: connection.inventory is not None and any(
        d.name == name and d.active for d in connection.inventory.domains), timeout=ATTACH_MS)
    return domain_info(connection, name)


# --- read through libvirt ----------------------------------------------------------------


class GuestSerial:
    """The guest's serial console (ttyS0) read through libvirt: `text` so far; `run` a
    command and get what it printed. Waits take `timeout_ms` unless told otherwise."""

    def __init__(self, qtbot: QtBot, conn: Connection, uuid: str,
                 timeout_ms: int = ANSWER_MS) -> None:
        self.text = ""
        self._qtbot = qtbot
        self._timeout_ms = timeout_ms
        self.stream = ConsoleStream(conn)
        self.stream.data.connect(self._data)
        self.stream.open(uuid)

    def _data(self, chunk: bytes) -> None:
        self.text += chunk.decode(errors="replace")

    def wait_open(self) -> None:
        self._qtbot.waitUntil(lambda: self.stream.state is ConsoleState.OPEN,
                              timeout=self._timeout_ms)

    def wait_for(self, text: str, timeout: int | None = None) -> None:
        self._qtbot.waitUntil(lambda: text in self.text, timeout=timeout or self._timeout_ms)

    def run(self, command: str) -> str:
        """What `command` printed (between two markers only the shell can compute)."""
        begin_typed, begin = shell_marker("begin")
        end_typed, end = shell_marker("end")
        start = len(self.text)
        self.stream.send(f"echo {begin_typed}; {command}; echo {end_typed}\n".encode())
        self._qtbot.waitUntil(lambda: end in self.text[start:], timeout=self._timeout_ms)
        answer = self.text[start:].rpartition(begin)[2]
        return answer.partition(end)[0].replace("\r", "").strip()

    def close(self) -> None:
        self.stream.close()


# --- the serial console page -------------------------------------------------------------


def terminal_text(terminal: TerminalWidget) -> str:
    """Every line the terminal keeps, history and screen."""
    emulator = terminal.emulator
    last = emulator.scrolled + emulator.lines
    return "\n".join(emulator.line_text(n) for n in range(emulator.first_line, last))


def open_serial_console(qtbot: QtBot, app: Application, name: str) -> SerialConsolePage:
    """The serial console page of `name` (a domain the app lists), shown and attached."""
    connection = app.model.connection(URI)
    assert connection is not None
    info = find_row(app, URI, Category.DOMAINS, name).data(Role.SNAPSHOT)
    page = SerialConsolePage(connection, info)
    qtbot.addWidget(page)
    page.resize(800, 480)
    page.show()
    qtbot.waitUntil(lambda: page.stream.state == ConsoleState.OPEN, timeout=ATTACH_MS)
    return page


def run_in_console(qtbot: QtBot, page: SerialConsolePage, command: str, answer: str = "", *,
                   background: bool = False) -> None:
    """Type `command` (`background`: followed by &) and Return, wait until the shell is done
    with it, then for `answer` on screen."""
    typed, printed = shell_marker("done")
    qtbot.keyClicks(page.terminal, f"{command}{' &' if background else ';'} echo {typed}")
    qtbot.keyClick(page.terminal, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: printed in terminal_text(page.terminal), timeout=ANSWER_MS)
    qtbot.waitUntil(lambda: answer in terminal_text(page.terminal), timeout=ANSWER_MS)
