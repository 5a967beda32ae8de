"""The VM window's serial console on test:///default (which has no consoles: every attach
fails, which is what these tests count): a console the window let go of stays detached
when the domain restarts, and the terminal's font size lives in the application's settings,
which a screenshot run neither reads nor writes. (Attaching again after a snapshot revert
needs a real daemon: tests/integration/test_snapshots_live.py.)"""

from collections.abc import Iterator

import libvirt
import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.ui.console.serial_console import SerialConsolePage
from kvmgui.ui.console.terminal_painter import DEFAULT_POINT_SIZE
from kvmgui.ui.vm_window.rules import ConsoleKind
from kvmgui.ui.vm_window.serial_view import SerialView
from kvmgui.ui.vm_window.vm_view import VmView
from kvmgui.virt.console_stream import ConsoleState

from fixture_helpers import StartApp, settled
from vm_window_helpers import DEFAULT, PREFIX, TIMEOUT_MS, open_vm, scratch_vm

FONT_SIZE_KEY = "console/serialFontSize"


def serial_page(qtbot: QtBot, view: VmView) -> SerialConsolePage:
    """The serial console shown, once its (failed) first attach settled."""
    view.console.set_console(ConsoleKind.SERIAL)
    serial = view.console.views[ConsoleKind.SERIAL]
    assert isinstance(serial, SerialView)
    qtbot.waitUntil(lambda: serial.page is not None
                    and serial.page.stream.state is ConsoleState.FAILED, timeout=TIMEOUT_MS)
    assert serial.page is not None
    return serial.page


def test_a_serial_console_the_window_let_go_stays_detached_over_a_restart(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "serial-detached", running=True, serial=True)
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "serial-detached")
    page = serial_page(qtbot, view)
    view.console.set_console(ConsoleKind.GRAPHICAL)  # the serial view is detached
    tries: list[object] = []
    page.stream.stateChanged.connect(tries.append)
    dom.destroy()
    qtbot.waitUntil(lambda: view.domain is not None and not view.domain.active,
                    timeout=TIMEOUT_MS)
    dom.create()
    qtbot.waitUntil(lambda: view.domain is not None and view.domain.active, timeout=TIMEOUT_MS)
    qtbot.wait(300)  # an attach would have started by now (it is a worker job)
    assert tries == []
    assert not page.reattaching

    view.console.set_console(ConsoleKind.SERIAL)  # shown again: it attaches (and fails) again
    qtbot.waitUntil(lambda: ConsoleState.OPENING in tries, timeout=TIMEOUT_MS)


@pytest.fixture
def screenshot_app(qtbot: QtBot) -> Iterator[Application]:
    """The application as a --screenshot run builds it: keeping no layout or settings."""
    app = Application([DEFAULT], keep_layout=False)
    qtbot.addWidget(app.window)
    app.start()
    app.window.show()
    qtbot.waitUntil(lambda: settled(app), timeout=15000)
    yield app
    app.shutdown()


def bigger_font(qtbot: QtBot, page: SerialConsolePage) -> int:
    with qtbot.waitSignal(page.terminal.fontSizeChanged, timeout=2000) as changed:
        qtbot.keyClick(page.terminal, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    return int(changed.args[0])


def test_the_font_size_is_kept_in_the_applications_settings(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    QSettings().setValue(FONT_SIZE_KEY, DEFAULT_POINT_SIZE + 3)
    scratch_vm(default_conn, "serial-font", running=True, serial=True)
    app = start_app(DEFAULT)
    page = serial_page(qtbot, open_vm(qtbot, app, PREFIX + "serial-font"))
    assert page.terminal.point_size == DEFAULT_POINT_SIZE + 3
    assert bigger_font(qtbot, page) == DEFAULT_POINT_SIZE + 4
    assert QSettings().value(FONT_SIZE_KEY) in (DEFAULT_POINT_SIZE + 4,
                                                str(DEFAULT_POINT_SIZE + 4))


def test_a_screenshot_run_neither_reads_nor_writes_the_font_size(
        default_conn: libvirt.virConnect, screenshot_app: Application, qtbot: QtBot) -> None:
    QSettings().setValue(FONT_SIZE_KEY, DEFAULT_POINT_SIZE + 3)
    scratch_vm(default_conn, "serial-shot", running=True, serial=True)
    page = serial_page(qtbot, open_vm(qtbot, screenshot_app, PREFIX + "serial-shot"))
    assert page.terminal.point_size == DEFAULT_POINT_SIZE  # the picture looks the same
    bigger_font(qtbot, page)
    assert QSettings().value(FONT_SIZE_KEY) in (DEFAULT_POINT_SIZE + 3,
                                                str(DEFAULT_POINT_SIZE + 3))
