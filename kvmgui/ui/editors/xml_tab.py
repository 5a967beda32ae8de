"""The XML tab of every editor: the whole definition, editable, kept in step with the form."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from kvmgui.ui.editors.xml_highlighter import XmlHighlighter
from kvmgui.ui.plain_text import plain_label

# Parse this long after the last keystroke (short enough to feel live).
EDIT_DELAY_MS = 400


def monospace_editor(parent: QWidget, *, read_only: bool = False) -> QPlainTextEdit:
    editor = QPlainTextEdit(parent)
    editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    editor.setReadOnly(read_only)
    editor.setTabChangesFocus(False)
    return editor


class XmlTab(QWidget):
    """Shows the document's XML; the user's edits come back through ``xmlEdited``.

    Signals:
        xmlEdited(str): the user changed the text (emitted after a short pause, or at once
            from ``flush()``); the editor parses it and reloads its form from it.
    """

    xmlEdited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = monospace_editor(self)
        self.editor.setAccessibleName(self.tr("XML definition"))
        self.highlighter = XmlHighlighter(self.editor.document())
        self.status = plain_label("", self)  # parser errors quote the XML
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(self.status)
        self._timer = QTimer(self, singleShot=True, interval=EDIT_DELAY_MS)
        self._timer.timeout.connect(self._emit_edit)
        self._setting = False
        self.editor.textChanged.connect(self._text_changed)
        self.set_status("")

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_xml(self, text: str) -> None:
        """Show ``text`` (from the form), keeping the scroll position; not an edit."""
        if text == self.text():
            return
        self._timer.stop()
        bar = self.editor.verticalScrollBar()
        position = bar.value()
        self._setting = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._setting = False
        bar.setValue(position)

    def set_status(self, message: str, *, error: bool = False) -> None:
        self.status.setText(message)
        self.status.setVisible(bool(message))
        self.status.setStyleSheet("color: #c0392b;" if error else "")

    def flush(self) -> None:
        """Hand over edits still waiting for the pause (before Apply or a tab switch)."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit_edit()

    def has_pending_edit(self) -> bool:
        return self._timer.isActive()

    def _text_changed(self) -> None:
        if not self._setting:
            self._timer.start()

    def _emit_edit(self) -> None:
        self.xmlEdited.emit(self.text())
