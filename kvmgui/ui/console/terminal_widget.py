"""A VT100/xterm terminal widget: pyte emulates, this widget draws and takes the keyboard.

Bytes from the guest go in through feed(); what the user types or pastes, and the terminal's
answers to the guest's queries (cursor position), come out as `input`. Only lines pyte marks
dirty are repainted. The view can scroll back through the history (wheel, Shift+PgUp/PgDn)
while output keeps arriving; typing returns to the bottom. Ctrl+Shift+C / Ctrl+Shift+V copy
and paste (Ctrl+C itself goes to the guest), Ctrl+plus / Ctrl+minus / Ctrl+0 set the font size.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QClipboard, QContextMenuEvent, QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence,
    QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QWidget

from kvmgui.ui.console.terminal_colors import DEFAULT_BACKGROUND
from kvmgui.ui.console.terminal_keys import key_bytes
from kvmgui.ui.console.terminal_painter import DEFAULT_POINT_SIZE, TerminalPainter
from kvmgui.ui.console.terminal_screen import Cell, Selection, TerminalScreen

Key = Qt.Key
Mod = Qt.KeyboardModifier
_CTRL_SHIFT = Mod.ControlModifier | Mod.ShiftModifier
_WHEEL_LINES = 3


class TerminalWidget(QWidget):
    """The terminal. `emulator` is the emulation (its text, cursor and modes).

    Signals:
        input(bytes): bytes for the guest.
        fontSizeChanged(int): the user chose another point size.
    """

    input = Signal(bytes)
    fontSizeChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None, columns: int = 80, lines: int = 24,
                 point_size: int = DEFAULT_POINT_SIZE) -> None:
        super().__init__(parent)
        self.emulator = TerminalScreen(columns, lines)
        self.emulator.dirty.clear()  # the first paint draws everything anyway
        self._painter = TerminalPainter(point_size)
        self._view_top: int | None = None  # absolute line at the top; None: follow the bottom
        self._selection: Selection | None = None
        self._cursor_row = 0  # the screen row the cursor was last drawn on
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.IBeamCursor)
        self.setAutoFillBackground(False)

    # ---- output from the guest ------------------------------------------------------------

    def feed(self, data: bytes) -> None:
        """Interpret the guest's bytes and repaint what changed."""
        scrolled_before = self.emulator.scrolled
        self.emulator.stream.feed(data)
        replies = self.emulator.take_replies()
        if replies:
            self.input.emit(replies)
        dirty = set(self.emulator.dirty)
        self.emulator.dirty.clear()
        dirty.update((self._cursor_row, self.emulator.cursor.y))
        self._cursor_row = self.emulator.cursor.y
        if self._view_top is not None:  # scrolled back: the view stays on its lines
            self._view_top = max(self._view_top, self.emulator.first_line)
            if self.emulator.scrolled != scrolled_before or self._shows_screen_rows():
                self.update()
            return
        for row in dirty:
            self.update(self._row_rect(row))

    # ---- view -----------------------------------------------------------------------------

    @property
    def top_line(self) -> int:
        """Absolute number of the line at the top of the view."""
        return self.emulator.scrolled if self._view_top is None else self._view_top

    @property
    def scrollback_offset(self) -> int:
        """How many lines the view is scrolled up from the bottom (0: following output)."""
        return self.emulator.scrolled - self.top_line

    def scroll_lines(self, delta: int) -> None:
        """Scroll the view by `delta` lines (negative: back into the history)."""
        top = max(self.emulator.first_line, min(self.emulator.scrolled, self.top_line + delta))
        self._view_top = None if top >= self.emulator.scrolled else top
        self.update()

    def scroll_to_bottom(self) -> None:
        if self._view_top is not None:
            self._view_top = None
            self.update()

    def _shows_screen_rows(self) -> bool:
        return self.top_line + self.emulator.lines > self.emulator.scrolled

    # ---- font -----------------------------------------------------------------------------

    @property
    def point_size(self) -> int:
        return self._painter.point_size

    def set_point_size(self, point_size: int) -> None:
        before = self._painter.point_size
        self._painter.set_point_size(point_size)
        if self._painter.point_size != before:
            self._fit_grid()
            self.updateGeometry()
            self.update()
            self.fontSizeChanged.emit(self._painter.point_size)

    def cell_size(self) -> QSize:
        return QSize(math.ceil(self._painter.cell_width), int(self._painter.cell_height))

    def sizeHint(self) -> QSize:
        return QSize(math.ceil(80 * self._painter.cell_width),
                     int(24 * self._painter.cell_height))

    # ---- selection and clipboard ------------------------------------------------------------

    def selected_text(self) -> str:
        return "" if self._selection is None else self._selection.text(self.emulator)

    def select_all(self) -> None:
        last = self.emulator.scrolled + self.emulator.lines - 1
        self._selection = Selection(Cell(self.emulator.first_line, 0),
                                    Cell(last, self.emulator.columns))
        self.update()

    def copy(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def paste(self, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
        self.paste_text(QGuiApplication.clipboard().text(mode))

    def paste_text(self, text: str) -> None:
        """Send text as if typed: line ends as Enter, wrapped when the guest asked for
        bracketed paste (so a shell does not run each pasted line at once)."""
        if not text:
            return
        data = text.replace("\r\n", "\r").replace("\n", "\r").encode("utf-8")
        if self.emulator.bracketed_paste:
            data = b"\x1b[200~" + data + b"\x1b[201~"
        self.scroll_to_bottom()
        self.input.emit(data)

    # ---- Qt events: painting and size ------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        cell_height = self._painter.cell_height
        grid_width = self.emulator.columns * self._painter.cell_width
        area = event.rect()  # rows outside the updated region are clipped away by Qt
        first = int(area.top() // cell_height)
        last = min(self.emulator.lines - 1, int(area.bottom() // cell_height))
        top = self.top_line
        cursor_line = self.emulator.scrolled + self.emulator.cursor.y
        for row in range(first, last + 1):
            number = top + row
            selected = (None if self._selection is None
                        else self._selection.columns_on(number, self.emulator.columns))
            cursor = (self.emulator.cursor.x
                      if number == cursor_line and not self.emulator.cursor.hidden else None)
            self._painter.paint_line(painter, self.emulator.line(number), self.emulator.columns,
                                     row * cell_height, grid_width, selected, cursor,
                                     self.hasFocus())
        # The strips the grid does not cover (a widget size between two cell multiples).
        painter.fillRect(QRect(math.floor(grid_width), 0, self.width(), self.height()),
                         DEFAULT_BACKGROUND)
        painter.fillRect(QRect(0, int(self.emulator.lines * cell_height), self.width(),
                               self.height()), DEFAULT_BACKGROUND)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_grid()

    def _fit_grid(self) -> None:
        columns = max(2, int(self.width() // self._painter.cell_width))
        lines = max(1, int(self.height() // self._painter.cell_height))
        if (columns, lines) != (self.emulator.columns, self.emulator.lines):
            self.emulator.resize(lines, columns)
            self.emulator.dirty.clear()
            self._cursor_row = self.emulator.cursor.y
            self.update()

    def _row_rect(self, row: int) -> QRect:
        cell_height = self._painter.cell_height
        return QRect(0, int(row * cell_height), self.width(), math.ceil(cell_height))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update(self._row_rect(self.emulator.cursor.y))  # solid cursor

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update(self._row_rect(self.emulator.cursor.y))  # outlined cursor

    # ---- Qt events: keyboard --------------------------------------------------------------

    def focusNextPrevChild(self, next: bool) -> bool:
        return False  # Tab and Shift+Tab belong to the guest

    def event(self, event: QEvent) -> bool:
        # Keys the terminal uses win over the window's shortcuts (Ctrl+W, F5, ...).
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._own_shortcut(event) or self._bytes_for(event):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._own_shortcut(event, run=True):
            return
        data = self._bytes_for(event)
        if not data:
            super().keyPressEvent(event)
            return
        self.scroll_to_bottom()
        self.input.emit(data)

    def _bytes_for(self, event: QKeyEvent) -> bytes:
        return key_bytes(event.key(), event.modifiers(), event.text(),
                         self.emulator.application_cursor)

    def _own_shortcut(self, event: QKeyEvent, run: bool = False) -> bool:
        """The terminal's own keys; `run` also performs the action."""
        key, mods = event.key(), event.modifiers() & (_CTRL_SHIFT | Mod.AltModifier)
        page = max(1, self.emulator.lines - 1)
        actions: dict[tuple[int, Mod], Callable[[], None]] = {
            (Key.Key_C, _CTRL_SHIFT): self.copy,
            (Key.Key_V, _CTRL_SHIFT): self.paste,
            (Key.Key_PageUp, Mod.ShiftModifier): lambda: self.scroll_lines(-page),
            (Key.Key_PageDown, Mod.ShiftModifier): lambda: self.scroll_lines(page),
            (Key.Key_Plus, Mod.ControlModifier): lambda: self.set_point_size(self.point_size + 1),
            (Key.Key_Plus, _CTRL_SHIFT): lambda: self.set_point_size(self.point_size + 1),
            (Key.Key_Equal, Mod.ControlModifier): lambda: self.set_point_size(self.point_size + 1),
            (Key.Key_Minus, Mod.ControlModifier): lambda: self.set_point_size(self.point_size - 1),
            (Key.Key_0, Mod.ControlModifier): lambda: self.set_point_size(DEFAULT_POINT_SIZE),
        }
        action = actions.get((key, mods))
        if action is None:
            return False
        if run:
            action()
        return True

    # ---- Qt events: mouse -------------------------------------------------------------------

    def _cell_at(self, point: QPoint) -> Cell:
        column = round(point.x() / self._painter.cell_width)
        row = int(point.y() // self._painter.cell_height)
        row = max(0, min(self.emulator.lines - 1, row))
        return Cell(self.top_line + row, max(0, min(self.emulator.columns, column)))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            cell = self._cell_at(event.position().toPoint())
            self._selection = Selection(cell, cell)
            self.update()
        elif event.button() == Qt.MouseButton.MiddleButton:
            clipboard = QGuiApplication.clipboard()
            mode = (QClipboard.Mode.Selection if clipboard.supportsSelection()
                    else QClipboard.Mode.Clipboard)
            self.paste(mode)
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._selection is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._selection = Selection(self._selection.anchor,
                                        self._cell_at(event.position().toPoint()))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._selection is None:
            super().mouseReleaseEvent(event)
            return
        if self._selection.empty:
            self._selection = None
            self.update()
            return
        clipboard = QGuiApplication.clipboard()
        if clipboard.supportsSelection():  # X11's primary selection: middle click pastes it
            clipboard.setText(self.selected_text(), QClipboard.Mode.Selection)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.scroll_lines(-round(steps * _WHEEL_LINES) or (-1 if steps > 0 else 1))
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def context_menu(self) -> QMenu:
        """Copy, paste, select all and the font size, enabled as they apply now."""
        menu = QMenu(self)
        copy = menu.addAction(self.tr("Copy"), self.copy)
        copy.setShortcut(QKeySequence("Ctrl+Shift+C"))
        copy.setEnabled(bool(self.selected_text()))
        paste = menu.addAction(self.tr("Paste"), self.paste)
        paste.setShortcut(QKeySequence("Ctrl+Shift+V"))
        paste.setEnabled(bool(QGuiApplication.clipboard().text()))
        menu.addAction(self.tr("Select All"), self.select_all)
        menu.addSeparator()
        menu.addAction(self.tr("Larger Text"), lambda: self.set_point_size(self.point_size + 1))
        menu.addAction(self.tr("Smaller Text"), lambda: self.set_point_size(self.point_size - 1))
        menu.addAction(self.tr("Normal Size"), lambda: self.set_point_size(DEFAULT_POINT_SIZE))
        return menu
