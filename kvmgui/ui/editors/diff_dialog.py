"""Show a change before it is made (and another client's change when Apply is refused)."""

import difflib
from collections.abc import Sequence

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kvmgui.ui.editors.xml_highlighter import DiffHighlighter
from kvmgui.ui.editors.xml_tab import monospace_editor
from kvmgui.ui.plain_text import plain_label
from kvmgui.xml import pretty_xml, xml_diff

_VISIBLE_WARNINGS = 4


def change_diff(original: str | None, new: str, *, old_label: str = "current",
                new_label: str = "new") -> str:
    """Unified diff of two definitions ("" when canonically equal); a new object (no
    ``original``) shows as all additions."""
    if original is not None:
        return xml_diff(original, new).replace("--- current", f"--- {old_label}", 1).replace(
            "+++ new", f"+++ {new_label}", 1)
    lines = pretty_xml(new).splitlines(keepends=True)
    return "".join(difflib.unified_diff([], lines, "(nothing)", new_label))


class DiffDialog(QDialog):
    """A diff, other changes that are not XML (autostart, ...), warnings to accept, and two
    buttons.  Opened with ``open()``; ``accepted`` means go ahead."""

    def __init__(self, title: str, intro: str, diff: str, *, accept_text: str,
                 cancel_text: str = "", extra: Sequence[str] = (),
                 warnings: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.intro = plain_label(intro, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.warnings = QListWidget(self)
        self.warnings.addItems(list(warnings))
        self.warnings.setWordWrap(True)
        self.warnings.setVisible(bool(warnings))
        rows = min(len(warnings), _VISIBLE_WARNINGS)
        row_height = max(self.warnings.sizeHintForRow(0), self.fontMetrics().lineSpacing() + 4)
        self.warnings.setFixedHeight(row_height * rows + 2 * self.warnings.frameWidth() + 4)
        if warnings:
            heading = QLabel(self.tr("Warnings (apply anyway?):"), self)
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            layout.addWidget(heading)
        layout.addWidget(self.warnings)
        self.extra = plain_label("\n".join(extra), self)
        self.extra.setVisible(bool(extra))
        layout.addWidget(self.extra)
        self.text = monospace_editor(self, read_only=True)
        self.text.setPlainText(diff)
        self.text.setVisible(bool(diff))
        self.highlighter = DiffHighlighter(self.text.document())
        layout.addWidget(self.text, 1)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        if cancel_text:
            self.cancel_button.setText(cancel_text)
        self.accept_button: QPushButton = self.buttons.addButton(
            accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(760, 560 if diff else 240)
