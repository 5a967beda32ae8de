"""A horizontal header with a second row above the sections: bands naming groups of columns
("NUMA node 0 · socket 1" over that socket's CPU columns). Columns outside every band keep the
whole height for their own title."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

Band = tuple[int, int, str]  # first column, last column, title


class GroupedHeader(QHeaderView):
    """See the module docstring; `bands()` is asked at each paint, in column order."""

    def __init__(self, bands: Callable[[], Sequence[Band]], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._bands = bands
        self.setSectionsClickable(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), 2 * hint.height())

    def _banded(self, column: int) -> bool:
        return any(first <= column <= last for first, last, _ in self._bands())

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        if self._banded(logicalIndex):
            rect = rect.adjusted(0, rect.height() // 2, 0, 0)
        super().paintSection(painter, rect, logicalIndex)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        half = self.height() // 2
        for first, last, title in self._bands():
            left = self.sectionViewportPosition(first)
            right = self.sectionViewportPosition(last) + self.sectionSize(last)
            if right < 0 or left > self.viewport().width():
                continue
            option = QStyleOptionHeader()
            self.initStyleOption(option)
            option.rect = QRect(left, 0, right - left, half)
            option.text = title  # plain text: the host's numbers, never markup
            option.textAlignment = Qt.AlignmentFlag.AlignCenter
            option.position = QStyleOptionHeader.SectionPosition.OnlyOneSection
            self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.end()
