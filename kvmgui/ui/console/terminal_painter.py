"""Draws terminal lines: cell geometry of a monospace font, colours, attributes, the cursor.

A line is drawn as runs of cells that share their attributes; printable ASCII in a run is one
drawText call, anything else (box drawing, wide characters) goes cell by cell so a fallback
font of another width cannot shift the columns after it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter
from pyte.screens import Char

from kvmgui.ui.console.terminal_colors import CURSOR, DEFAULT_BACKGROUND, SELECTION, color

DEFAULT_POINT_SIZE = 10
MIN_POINT_SIZE, MAX_POINT_SIZE = 6, 40
_BLANK = Char(" ")


def _style(cell: Char) -> tuple[str, str, bool, bool, bool, bool, bool]:
    return (cell.fg, cell.bg, cell.bold, cell.italics, cell.underscore, cell.strikethrough,
            cell.reverse)


class TerminalPainter:
    """Fonts and cell metrics for one point size."""

    def __init__(self, point_size: int = DEFAULT_POINT_SIZE) -> None:
        base = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        base.setStyleHint(QFont.StyleHint.Monospace)
        base.setFixedPitch(True)
        base.setKerning(False)
        self._base = base
        self._fonts: dict[tuple[bool, bool, bool, bool], QFont] = {}
        self.point_size = 0
        self.cell_width = self.cell_height = self.ascent = 0.0
        self.set_point_size(point_size)

    def set_point_size(self, point_size: int) -> None:
        self.point_size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, point_size))
        self._base.setPointSize(self.point_size)
        self._fonts.clear()
        metrics = QFontMetricsF(self._base)
        self.cell_width = metrics.horizontalAdvance("M")
        self.cell_height = float(math.ceil(metrics.lineSpacing()))
        self.ascent = metrics.ascent()

    def font(self, bold: bool, italic: bool, underline: bool, strike: bool) -> QFont:
        key = (bold, italic, underline, strike)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(self._base)
            font.setBold(bold)
            font.setItalic(italic)
            font.setUnderline(underline)
            font.setStrikeOut(strike)
            self._fonts[key] = font
        return font

    def paint_line(self, painter: QPainter, cells: Mapping[int, Char], columns: int, y: float,
                   width: float, selected: tuple[int, int] | None = None,
                   cursor: int | None = None, cursor_solid: bool = True) -> None:
        """One line at height y: background, text runs, the selection, then the cursor."""
        painter.fillRect(QRectF(0, y, width, self.cell_height), DEFAULT_BACKGROUND)
        x = 0
        while x < columns:
            cell = cells.get(x, _BLANK)
            in_selection = selected is not None and selected[0] <= x < selected[1]
            style = _style(cell)
            end = x + 1
            while end < columns:
                following = cells.get(end, _BLANK)
                follows_selected = selected is not None and selected[0] <= end < selected[1]
                if _style(following) != style or follows_selected != in_selection:
                    break
                end += 1
            self._paint_run(painter, cells, x, end, y, cell, in_selection)
            x = end
        if cursor is not None and cursor < columns:
            self._paint_cursor(painter, cells.get(cursor, _BLANK), cursor, y, cursor_solid)

    def _colors(self, cell: Char, selected: bool) -> tuple[QColor, QColor]:
        foreground, background = color(cell.fg, True), color(cell.bg, False)
        if cell.reverse:
            foreground, background = background, foreground
        if selected:
            background = SELECTION
        return foreground, background

    def _paint_run(self, painter: QPainter, cells: Mapping[int, Char], start: int, end: int,
                   y: float, style: Char, selected: bool) -> None:
        foreground, background = self._colors(style, selected)
        left = start * self.cell_width
        if background != DEFAULT_BACKGROUND:
            painter.fillRect(QRectF(left, y, (end - start) * self.cell_width, self.cell_height),
                             background)
        text = "".join(cells[x].data if x in cells else " " for x in range(start, end))
        if not text.strip() and not (style.underscore or style.strikethrough):
            return  # blanks need no text; an underlined blank still shows its line
        painter.setPen(foreground)
        painter.setFont(self.font(style.bold, style.italics, style.underscore,
                                  style.strikethrough))
        baseline = y + self.ascent
        if text.isascii() and text.isprintable() and len(text) == end - start:
            painter.drawText(QPointF(left, baseline), text)
            return
        for x in range(start, end):
            data = cells[x].data if x in cells else " "
            if data and data != " ":
                painter.drawText(QPointF(x * self.cell_width, baseline), data)

    def _paint_cursor(self, painter: QPainter, cell: Char, x: int, y: float, solid: bool) -> None:
        rect = QRectF(x * self.cell_width, y, self.cell_width, self.cell_height)
        if not solid:  # unfocused: an outline, as terminals show it
            painter.setPen(CURSOR)
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
            return
        painter.fillRect(rect, CURSOR)
        if cell.data.strip():
            painter.setPen(DEFAULT_BACKGROUND)
            painter.setFont(self.font(cell.bold, cell.italics, cell.underscore,
                                      cell.strikethrough))
            painter.drawText(QPointF(rect.left(), y + self.ascent), cell.data)
