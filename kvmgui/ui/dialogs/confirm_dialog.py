"""Ask before an action: what will happen, to which objects, and a button named after the action."""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QListWidget, QPushButton, QVBoxLayout, QWidget,
)

from kvmgui.ui.plain_text import plain_label

# Show at most this many rows before the list scrolls.
_VISIBLE_ITEMS = 8


class ConfirmDialog(QDialog):
    """A question, the objects it touches, and Cancel / <action> buttons.

    Destructive confirmations make Cancel the default button, so Enter never destroys anything.
    """

    def __init__(self, title: str, question: str, items: Sequence[str], accept_text: str,
                 parent: QWidget | None = None, detail: str = "", destructive: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.question = plain_label(question, self)  # questions and details quote names
        self.question.setWordWrap(True)
        font = self.question.font()
        font.setBold(True)
        self.question.setFont(font)
        layout.addWidget(self.question)
        self.items = QListWidget(self)
        self.items.addItems(list(items))
        self.items.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        row = self.items.sizeHintForRow(0) if items else 0
        frame = 2 * self.items.frameWidth() + 4
        self.items.setFixedHeight(row * min(len(items), _VISIBLE_ITEMS) + frame)
        self.items.setVisible(bool(items))
        layout.addWidget(self.items)
        self.detail = plain_label(detail, self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setVisible(bool(detail))
        layout.addWidget(self.detail)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button: QPushButton = self.buttons.addButton(
            accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        (self.cancel_button if destructive else self.accept_button).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
