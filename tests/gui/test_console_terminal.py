"""The terminal widget fed bytes directly (the test driver has no consoles), and the serial
console page on the test driver: pyte semantics as painted, keys to bytes, scrollback,
selection and clipboard, font size, repainting only what changed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QClipboard, QColor, QGuiApplication, QKeyEvent, QPaintEvent
from pytestqt.qtbot import QtBot

from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.console.serial_console import SerialConsolePage
from kvmgui.ui.console.terminal_colors import ANSI, CURSOR, DEFAULT_BACKGROUND, DEFAULT_FOREGROUND
from kvmgui.ui.console.terminal_painter import DEFAULT_POINT_SIZE
from kvmgui.ui.console.terminal_widget import TerminalWidget
from kvmgui.virt.connection import Connection
from kvmgui.virt.console_stream import ConsoleState

Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def terminal(qtbot: QtBot) -> TerminalWidget:
    widget = TerminalWidget()
    qtbot.addWidget(widget)
    widget.resize(widget.sizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def sent(terminal: TerminalWidget) -> list[bytes]:
    """Everything the terminal sends to the guest."""
    out: list[bytes] = []
    terminal.input.connect(out.append)
    return out


def pixel(terminal: TerminalWidget, column: int, row: int) -> QColor:
    """The colour at the middle of a cell's lower left quarter (text rarely reaches there)."""
    cell = terminal.cell_size()
    image = terminal.grab().toImage()
    return image.pixelColor(int((column + 0.25) * cell.width()), int((row + 0.8) * cell.height()))


def screen_lines(terminal: TerminalWidget) -> list[str]:
    return [line.rstrip() for line in terminal.emulator.display]


# --- what pyte makes of the bytes, as painted ------------------------------------------------


def test_text_and_cursor(qtbot: QtBot, terminal: TerminalWidget) -> None:
    terminal.feed(b"hello\r\nworld\x1b[1;3H")
    assert screen_lines(terminal)[:2] == ["hello", "world"]
    assert (terminal.emulator.cursor.x, terminal.emulator.cursor.y) == (2, 0)
    terminal.setFocus()
    qtbot.waitUntil(terminal.hasFocus)
    assert pixel(terminal, 2, 0) == CURSOR  # a solid block on the cursor's cell when focused
    terminal.feed(b"\x1b[?25l")  # the guest hides the cursor
    assert pixel(terminal, 2, 0) == DEFAULT_BACKGROUND


@pytest.mark.parametrize(("sgr", "expected"), [
    (b"41", QColor(ANSI["red"])),
    (b"104", QColor(ANSI["brightblue"])),
    (b"48;5;208", QColor("#ff8700")),  # xterm's 256-colour cube
    (b"48;2;10;20;30", QColor(10, 20, 30)),  # true colour
    (b"7", DEFAULT_FOREGROUND),  # reverse video: the background takes the text colour
])
def test_background_colours(terminal: TerminalWidget, sgr: bytes, expected: QColor) -> None:
    terminal.feed(b"\x1b[" + sgr + b"m   \x1b[0m   ")
    assert pixel(terminal, 1, 0) == expected
    assert pixel(terminal, 4, 0) == DEFAULT_BACKGROUND  # SGR 0 ends it


def test_foreground_colour_and_bold(terminal: TerminalWidget) -> None:
    terminal.feed(b"\x1b[1;32mB\x1b[0mB")
    bold, plain = terminal.emulator.buffer[0][0], terminal.emulator.buffer[0][1]
    assert (bold.fg, bold.bold) == ("green", True)
    assert (plain.fg, plain.bold) == ("default", False)
    image = terminal.grab().toImage()
    cell = terminal.cell_size()
    greens = [image.pixelColor(x, y) for x in range(cell.width()) for y in range(cell.height())]
    assert QColor(ANSI["green"]) in greens


def test_wide_characters_take_two_cells(terminal: TerminalWidget) -> None:
    terminal.feed("中x".encode())
    assert terminal.emulator.cursor.x == 3
    assert screen_lines(terminal)[0].replace(" ", "") == "中x"


def test_answers_the_cursor_position_query(terminal: TerminalWidget, sent: list[bytes]) -> None:
    terminal.feed(b"\r\n\r\nab\x1b[6n")  # what busybox's shell asks to learn the width
    assert sent == [b"\x1b[3;3R"]


# --- keys to bytes -----------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "modifiers", "expected"), [
    (Key.Key_Return, Mod.NoModifier, b"\r"),
    (Key.Key_Backspace, Mod.NoModifier, b"\x7f"),
    (Key.Key_Tab, Mod.NoModifier, b"\t"),
    (Key.Key_Escape, Mod.NoModifier, b"\x1b"),
    (Key.Key_Up, Mod.NoModifier, b"\x1b[A"),
    (Key.Key_Left, Mod.NoModifier, b"\x1b[D"),
    (Key.Key_Up, Mod.ControlModifier, b"\x1b[1;5A"),
    (Key.Key_Home, Mod.NoModifier, b"\x1b[H"),
    (Key.Key_End, Mod.NoModifier, b"\x1b[F"),
    (Key.Key_Delete, Mod.NoModifier, b"\x1b[3~"),
    (Key.Key_PageUp, Mod.NoModifier, b"\x1b[5~"),
    (Key.Key_F1, Mod.NoModifier, b"\x1bOP"),
    (Key.Key_F5, Mod.NoModifier, b"\x1b[15~"),
    (Key.Key_F12, Mod.ShiftModifier, b"\x1b[24;2~"),
    (Key.Key_C, Mod.ControlModifier, b"\x03"),
    (Key.Key_D, Mod.ControlModifier, b"\x04"),
    (Key.Key_X, Mod.AltModifier, b"\x1bx"),
])
def test_keys_send_xterm_bytes(qtbot: QtBot, terminal: TerminalWidget, sent: list[bytes],
                               key: Key, modifiers: Mod, expected: bytes) -> None:
    qtbot.keyClick(terminal, key, modifiers)
    assert sent == [expected]


def test_typed_text_is_utf8(qtbot: QtBot, terminal: TerminalWidget, sent: list[bytes]) -> None:
    qtbot.keyClicks(terminal, "ls ")
    # QTest types ASCII only; a key event carries what a keyboard layout would produce.
    QGuiApplication.sendEvent(terminal, QKeyEvent(QEvent.Type.KeyPress, Key.Key_Eacute,
                                                  Mod.NoModifier, "é"))
    assert b"".join(sent) == "ls é".encode()


def test_application_cursor_mode(qtbot: QtBot, terminal: TerminalWidget,
                                 sent: list[bytes]) -> None:
    terminal.feed(b"\x1b[?1h")  # what vi and less switch on
    qtbot.keyClick(terminal, Key.Key_Down)
    qtbot.keyClick(terminal, Key.Key_Home)
    assert sent == [b"\x1bOB", b"\x1bOH"]


def test_tab_stays_in_the_terminal(qtbot: QtBot, sent: list[bytes]) -> None:
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    terminal = TerminalWidget(window)
    other = QLineEdit(window)
    layout.addWidget(terminal)
    layout.addWidget(other)
    terminal.input.connect(sent.append)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    terminal.setFocus()
    qtbot.waitUntil(terminal.hasFocus)
    qtbot.keyClick(terminal, Key.Key_Tab)
    assert sent == [b"\t"]
    assert terminal.hasFocus()


# --- scrollback ----------------------------------------------------------------------------------


def fill(terminal: TerminalWidget, count: int, prefix: str = "line") -> None:
    terminal.feed(b"".join(f"{prefix} {i}\r\n".encode() for i in range(count)))


def test_wheel_and_shift_page_scroll_back(qtbot: QtBot, terminal: TerminalWidget,
                                          sent: list[bytes]) -> None:
    fill(terminal, 100)
    lines = terminal.emulator.lines
    assert screen_lines(terminal)[0] == f"line {100 - lines + 1}"
    qtbot.keyClick(terminal, Key.Key_PageUp, Mod.ShiftModifier)
    assert terminal.scrollback_offset == lines - 1
    assert terminal.emulator.line_text(terminal.top_line) == f"line {100 - 2 * lines + 2}"
    qtbot.keyClick(terminal, Key.Key_PageDown, Mod.ShiftModifier)
    assert terminal.scrollback_offset == 0
    assert sent == []  # scrolling keys are the terminal's own

    wheel_up(qtbot, terminal)
    assert terminal.scrollback_offset == 3
    top_text = terminal.emulator.line_text(terminal.top_line)
    fill(terminal, 5, "more")  # output while scrolled back keeps the view where it is
    assert terminal.emulator.line_text(terminal.top_line) == top_text
    assert terminal.scrollback_offset == 8
    qtbot.keyClicks(terminal, "x")  # typing returns to the bottom
    assert terminal.scrollback_offset == 0


def wheel_up(qtbot: QtBot, terminal: TerminalWidget) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    event = QWheelEvent(QPointF(10, 10), QPointF(terminal.mapToGlobal(QPoint(10, 10))),
                        QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Mod.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QGuiApplication.sendEvent(terminal, event)


def test_scrollback_never_goes_past_the_oldest_line(terminal: TerminalWidget) -> None:
    fill(terminal, 30)
    terminal.scroll_lines(-10_000)
    assert terminal.top_line == terminal.emulator.first_line
    assert terminal.emulator.line_text(terminal.top_line) == "line 0"


# --- selection and clipboard -----------------------------------------------------------------


def cell_point(terminal: TerminalWidget, column: int, row: int) -> QPoint:
    cell = terminal.cell_size()
    return QPoint(int(column * terminal.cell_size().width()) + 1,
                  int((row + 0.5) * cell.height()))


def test_select_with_the_mouse_and_copy(qtbot: QtBot, terminal: TerminalWidget,
                                        sent: list[bytes]) -> None:
    terminal.feed(b"first line\r\nsecond line")
    qtbot.mousePress(terminal, Qt.MouseButton.LeftButton, pos=cell_point(terminal, 6, 0))
    qtbot.mouseMove(terminal, cell_point(terminal, 6, 1))
    qtbot.mouseRelease(terminal, Qt.MouseButton.LeftButton, pos=cell_point(terminal, 6, 1))
    assert terminal.selected_text() == "line\nsecond"
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(terminal, Key.Key_C, Mod.ControlModifier | Mod.ShiftModifier)
    assert QGuiApplication.clipboard().text() == "line\nsecond"
    assert sent == []  # Ctrl+Shift+C copies; it sends nothing


def test_context_menu_copies_the_selection(terminal: TerminalWidget) -> None:
    terminal.feed(b"menu text")
    assert not terminal.context_menu().actions()[0].isEnabled()  # nothing selected yet
    terminal.select_all()
    QGuiApplication.clipboard().clear()
    copy = terminal.context_menu().actions()[0]
    assert copy.isEnabled()
    copy.trigger()
    assert QGuiApplication.clipboard().text().startswith("menu text")


def test_selection_survives_new_output(terminal: TerminalWidget) -> None:
    terminal.feed(b"keep me\r\n")
    terminal.select_all()
    fill(terminal, 60)
    assert terminal.selected_text().startswith("keep me\nline 0\n")


def test_paste_sends_lines_as_enter(qtbot: QtBot, terminal: TerminalWidget,
                                    sent: list[bytes]) -> None:
    QGuiApplication.clipboard().setText("echo a\necho b")
    qtbot.keyClick(terminal, Key.Key_V, Mod.ControlModifier | Mod.ShiftModifier)
    assert sent == [b"echo a\recho b"]
    clipboard = QGuiApplication.clipboard()
    if clipboard.supportsSelection():  # X11: middle click pastes the primary selection
        clipboard.setText("echo a\necho b", QClipboard.Mode.Selection)
    terminal.feed(b"\x1b[?2004h")  # bracketed paste, as modern shells ask
    qtbot.mouseClick(terminal, Qt.MouseButton.MiddleButton, pos=cell_point(terminal, 1, 1))
    assert sent[-1] == b"\x1b[200~echo a\recho b\x1b[201~"


# --- font size and grid ---------------------------------------------------------------------------


def test_font_size_keys_change_the_grid(qtbot: QtBot, terminal: TerminalWidget,
                                        sent: list[bytes]) -> None:
    columns, width = terminal.emulator.columns, terminal.cell_size().width()
    with qtbot.waitSignal(terminal.fontSizeChanged) as changed:
        qtbot.keyClick(terminal, Key.Key_Plus, Mod.ControlModifier)
    assert changed.args == [DEFAULT_POINT_SIZE + 1]
    qtbot.keyClick(terminal, Key.Key_Plus, Mod.ControlModifier)
    qtbot.keyClick(terminal, Key.Key_Plus, Mod.ControlModifier)
    assert terminal.cell_size().width() > width
    assert terminal.emulator.columns < columns  # same widget, bigger cells, fewer columns
    qtbot.keyClick(terminal, Key.Key_0, Mod.ControlModifier)
    assert terminal.point_size == DEFAULT_POINT_SIZE
    assert terminal.emulator.columns == columns
    qtbot.keyClick(terminal, Key.Key_Minus, Mod.ControlModifier)
    assert terminal.point_size == DEFAULT_POINT_SIZE - 1
    assert sent == []


def test_resizing_recomputes_columns_and_rows(qtbot: QtBot, terminal: TerminalWidget) -> None:
    cell = terminal.cell_size()
    terminal.resize(cell.width() * 40 + 2, cell.height() * 10 + 3)
    qtbot.waitUntil(lambda: terminal.emulator.lines == 10)
    assert terminal.emulator.columns in (40, 41)  # cells may be a fraction narrower
    terminal.feed(b"x" * 45)  # wraps at the new width
    assert terminal.emulator.cursor.y == 1


# --- repainting only what changed ---------------------------------------------------------------


class PaintSpy(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.rects.append(event.rect())
        return False


@pytest.fixture
def paints(terminal: TerminalWidget) -> Iterator[PaintSpy]:
    spy = PaintSpy()
    terminal.installEventFilter(spy)
    yield spy
    terminal.removeEventFilter(spy)


def test_typing_repaints_one_line(qtbot: QtBot, terminal: TerminalWidget,
                                  paints: PaintSpy) -> None:
    terminal.feed(b"\x1b[10;1Hprompt$ ")
    terminal.repaint()  # paints now whatever is pending (the first exposure: everything)
    paints.rects.clear()
    terminal.feed(b"l")
    qtbot.waitUntil(lambda: bool(paints.rects))
    height = terminal.cell_size().height()
    assert all(rect.height() <= height + 1 for rect in paints.rects)
    assert all(rect.top() // height == 9 for rect in paints.rects)


# --- the page on the test driver ---------------------------------------------------------


@pytest.fixture
def demo_connection(qtbot: QtBot) -> Iterator[Connection]:
    conn = Connection(demo_host_uri())
    conn.open()
    qtbot.waitUntil(lambda: conn.inventory is not None)
    yield conn
    conn.shutdown()


def test_page_says_why_the_console_cannot_open(qtbot: QtBot,
                                               demo_connection: Connection) -> None:
    assert demo_connection.inventory is not None
    web01 = next(d for d in demo_connection.inventory.domains if d.name == "web01")
    page = SerialConsolePage(demo_connection, web01)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.stream.failed) as failed:
        pass
    assert "not supported" in failed.args[0]  # the test driver has no consoles
    assert page.stream.state == ConsoleState.FAILED
    assert failed.args[0] in page.status.text()
    assert page.status.textFormat() == Qt.TextFormat.PlainText
    assert page.reconnect_button.isVisibleTo(page)
    assert page.devices.count() == 1 and page.devices.isHidden()


def test_page_waits_for_a_stopped_domain(qtbot: QtBot, demo_connection: Connection) -> None:
    assert demo_connection.inventory is not None
    stopped = next(d for d in demo_connection.inventory.domains if not d.active)
    page = SerialConsolePage(demo_connection, stopped)
    qtbot.addWidget(page)
    assert page.stream.state == ConsoleState.CLOSED
    assert "not running" in page.status.text()
    with qtbot.assertNotEmitted(page.stream.stateChanged, wait=200):
        page.reconnect_button.click()
