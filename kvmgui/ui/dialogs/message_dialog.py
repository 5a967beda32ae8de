"""Tell the user something they may want to copy (a console address, a command, an error)."""

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget,
)

from kvmgui.ui.plain_text import plain_label


class MessageDialog(QDialog):
    """A message and, below it, copyable text in a fixed-width font (hidden when empty)."""

    def __init__(self, title: str, text: str, copyable: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.text = plain_label(text, self)  # it quotes names and libvirt's errors
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.copyable = QPlainTextEdit(copyable, self)
        self.copyable.setReadOnly(True)
        self.copyable.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        lines = max(1, copyable.count("\n") + 1)
        self.copyable.setFixedHeight(self.copyable.fontMetrics().lineSpacing() * min(lines, 6) + 16)
        self.copyable.setVisible(bool(copyable))
        layout.addWidget(self.copyable)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
