"""A details page made of a heading and label/value rows (the common shape of summaries).

Every text is shown as plain text: titles, labels and values quote a libvirt host (names,
descriptions, paths), and a QLabel left to guess would lay them out as HTML.
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kvmgui.ui.plain_text import plain_label


# A hostile host's 100 000-character name must not make a page wider than this (pixels).
_MAX_WORD_WIDTH = 4000


class FormPage(QScrollArea):
    """Shows `set_content(title, rows)`; rows are (label, value) pairs, a None value = section."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # Values with spaces wrap to the pane's width; one too long to wrap (a UUID, a path, a
        # name without spaces) widens the page, which then scrolls sideways: nothing is cut off.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        body = QWidget(self)
        self._layout = QVBoxLayout(body)
        self._title = plain_label("", body)
        font = QFont(self._title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._title.setFont(font)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.addWidget(self._title)
        self._form_host = QWidget(body)
        self._form = QFormLayout(self._form_host)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._layout.addWidget(self._form_host)
        self._layout.addStretch(1)
        self.setWidget(body)
        self._shown: tuple[str, tuple[tuple[str, str | None], ...]] | None = None

    def add_header_widget(self, widget: QWidget) -> None:
        """Show `widget` under the title, above the rows (e.g. a picture of a domain's screen)."""
        self._layout.insertWidget(1, widget)

    def set_content(self, title: str, rows: Sequence[tuple[str, str | None]]) -> None:
        content = (title, tuple(rows))
        if content == self._shown:
            return  # nothing changed: keep the widgets (and any text selection) as they are
        self._shown = content
        self._title.setText(title)
        while self._form.rowCount():
            self._form.removeRow(0)
        for label, value in rows:
            if value is None:
                heading = plain_label(label, self._form_host)
                bold = QFont(heading.font())
                bold.setBold(True)
                heading.setFont(bold)
                self._form.addRow(heading)
                continue
            field = plain_label(value, self._form_host)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            # A wrapping label would clip a word longer than its width: give it that room.
            field.setMinimumWidth(_longest_word_width(field, value))
            self._form.addRow(plain_label(label, self._form_host), field)  # e.g. a disk's target

    @property
    def content(self) -> tuple[str, tuple[tuple[str, str | None], ...]] | None:
        """The title and rows on show."""
        return self._shown


def _longest_word_width(label: QLabel, text: str) -> int:
    metrics = label.fontMetrics()
    widest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
    return min(widest + 2, _MAX_WORD_WIDTH)
