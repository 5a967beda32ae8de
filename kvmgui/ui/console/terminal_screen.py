"""The terminal's character grid: pyte's emulation plus the scrollback a view scrolls through.

Lines are addressed by an absolute number that never changes while the text lives: the first
line that ever scrolled off the top is 0, screen row r is `scrolled + r`. Views and selections
keep absolute numbers, so new output neither moves what the user scrolled back to nor what
they selected. The view never uses pyte's own paging (prev_page/next_page), which rewrites
the screen and would snap back on the next byte.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pyte
from pyte.screens import Char, Margins

SCROLLBACK_LINES = 5000
_EMPTY_LINE: Mapping[int, Char] = {}
_DECCKM = 1 << 5  # pyte stores private modes (CSI ? n h) shifted left by 5
_BRACKETED_PASTE = 2004 << 5


class TerminalScreen(pyte.HistoryScreen):
    """pyte's screen with absolute line numbers and the terminal's replies collected."""

    # HistoryScreen wraps every attribute access so each event can page back to the bottom
    # first. This screen never pages, and the wrapping took most of the time output costs.
    __getattribute__ = object.__getattribute__

    def __init__(self, columns: int, lines: int, history: int = SCROLLBACK_LINES) -> None:
        self.scrolled = 0  # lines ever pushed into the scrollback
        self.replies: list[str] = []  # answers to the guest's queries (cursor position, ...)
        super().__init__(columns, lines, history=history)
        self.stream = pyte.ByteStream(self)

    def index(self) -> None:
        top, bottom = self.margins or Margins(0, self.lines - 1)
        if self.cursor.y == bottom:
            self.scrolled += 1
        super().index()

    def resize(self, lines: int | None = None, columns: int | None = None) -> None:
        """As pyte's, but a shorter screen keeps the cursor's line: rows scrolled off the top
        go into the history (pyte drops the top rows and leaves the cursor on other text)."""
        lines = lines or self.lines
        if lines < self.lines:
            drop = max(0, self.cursor.y - (lines - 1))
            for y in range(drop):
                self.history.top.append(self.buffer[y])
            self.scrolled += drop
            for y in range(self.lines):
                if y + drop < self.lines and y < lines:
                    self.buffer[y] = self.buffer[y + drop]
                else:
                    self.buffer.pop(y, None)
            self.cursor.y -= drop
            self.lines = lines  # pyte's resize below then only adjusts the columns
            self.set_margins()  # a scroll region of the taller screen no longer fits
        super().resize(lines, columns)
        self.dirty.update(range(self.lines))

    def write_process_input(self, data: str) -> None:
        self.replies.append(data)

    def take_replies(self) -> bytes:
        replies, self.replies = self.replies, []
        return "".join(replies).encode()

    # -- modes the keyboard needs ---------------------------------------------------------------

    @property
    def application_cursor(self) -> bool:
        return _DECCKM in self.mode

    @property
    def bracketed_paste(self) -> bool:
        return _BRACKETED_PASTE in self.mode

    # -- absolute lines ---------------------------------------------------------------------------

    @property
    def first_line(self) -> int:
        """Absolute number of the oldest line still kept."""
        return self.scrolled - len(self.history.top)

    @property
    def history_size(self) -> int:
        return len(self.history.top)

    def line(self, number: int) -> Mapping[int, Char]:
        """The cells of absolute line `number` (empty beyond what is kept)."""
        row = number - self.scrolled
        if 0 <= row < self.lines:
            return self.buffer[row]
        index = number - self.first_line
        if 0 <= index < len(self.history.top) and row < 0:
            return self.history.top[index]
        return _EMPTY_LINE

    def line_text(self, number: int, start: int = 0, end: int | None = None) -> str:
        """The characters of a line from column start to end (exclusive), trailing blanks cut."""
        cells = self.line(number)
        stop = self.columns if end is None else min(end, self.columns)
        return "".join(cells[x].data if x in cells else " "
                       for x in range(start, stop)).rstrip()


@dataclass(frozen=True, slots=True)
class Cell:
    line: int  # absolute line number
    column: int


@dataclass(frozen=True, slots=True)
class Selection:
    """From `anchor` (where the mouse went down) to `head` (where it is now), either way."""

    anchor: Cell
    head: Cell

    @property
    def ordered(self) -> tuple[Cell, Cell]:
        a, b = self.anchor, self.head
        return (a, b) if (a.line, a.column) <= (b.line, b.column) else (b, a)

    @property
    def empty(self) -> bool:
        return self.anchor == self.head

    def columns_on(self, line: int, width: int) -> tuple[int, int] | None:
        """The selected columns [start, end) of `line`, or None when it has none."""
        start, end = self.ordered
        if self.empty or not start.line <= line <= end.line:
            return None
        first = start.column if line == start.line else 0
        last = end.column if line == end.line else width
        return (first, last) if first < last else None

    def text(self, screen: TerminalScreen) -> str:
        start, end = self.ordered
        if self.empty:
            return ""
        rows = []
        for number in range(start.line, end.line + 1):
            span = self.columns_on(number, screen.columns)
            rows.append(screen.line_text(number, *span) if span else "")
        return "\n".join(rows)
