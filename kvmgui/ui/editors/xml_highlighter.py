"""Syntax colours for XML text (tags, attributes, values, comments) and unified diffs."""

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

# (light theme, dark theme) colours per token kind.
_COLOURS = {
    "tag": ("#1f4e9c", "#7fb2ff"),
    "attr": ("#8a4b00", "#ffc66d"),
    "value": ("#1a7a2e", "#98c379"),
    "comment": ("#7a7a7a", "#8c8c8c"),
    "added": ("#1a7a2e", "#98c379"),
    "removed": ("#b3261e", "#ff7b72"),
    "hunk": ("#6a3fa0", "#c39bff"),
}

_COMMENT_START = QRegularExpression("<!--")
_COMMENT_END = QRegularExpression("-->")
_IN_COMMENT = 1


def _dark_theme() -> bool:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    return app.palette().color(QPalette.ColorRole.Base).lightness() < 128


def _format(kind: str, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(_COLOURS[kind][1 if _dark_theme() else 0]))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


class XmlHighlighter(QSyntaxHighlighter):
    """Colours one QTextDocument as XML; comments may span lines."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._rules = [
            (QRegularExpression(r"</?[\w:.-]+|/?>|<\?[\w:.-]+|\?>"), _format("tag", bold=True)),
            (QRegularExpression(r"[\w:.-]+(?=\s*=)"), _format("attr")),
            (QRegularExpression(r"\"[^\"]*\"|'[^']*'"), _format("value")),
        ]
        self._comment = _format("comment")

    def highlightBlock(self, text: str) -> None:
        for pattern, fmt in self._rules:
            matches = pattern.globalMatch(text)
            while matches.hasNext():
                match = matches.next()
                self.setFormat(match.capturedStart(), match.capturedLength(), fmt)
        self._highlight_comments(text)

    def _highlight_comments(self, text: str) -> None:
        self.setCurrentBlockState(0)
        start = 0 if self.previousBlockState() == _IN_COMMENT else -1
        if start < 0:
            start = _COMMENT_START.match(text).capturedStart()
        while start >= 0:
            end_match = _COMMENT_END.match(text, start)
            if end_match.hasMatch():
                length = end_match.capturedEnd() - start
            else:
                self.setCurrentBlockState(_IN_COMMENT)
                length = len(text) - start
            self.setFormat(start, length, self._comment)
            start = _COMMENT_START.match(text, start + length).capturedStart()


class DiffHighlighter(QSyntaxHighlighter):
    """Colours a unified diff: added lines, removed lines and hunk headers."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._added = _format("added")
        self._removed = _format("removed")
        self._hunk = _format("hunk", bold=True)

    def highlightBlock(self, text: str) -> None:
        if text.startswith(("+++", "---")):
            self.setFormat(0, len(text), self._hunk)
        elif text.startswith("+"):
            self.setFormat(0, len(text), self._added)
        elif text.startswith("-"):
            self.setFormat(0, len(text), self._removed)
        elif text.startswith("@@"):
            self.setFormat(0, len(text), self._hunk)
