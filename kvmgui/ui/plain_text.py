"""Text from a libvirt host is data, never markup.

A QLabel, a tooltip or a message box lays its text out as HTML when it looks like HTML
(Qt::mightBeRichText): a domain named "<img src=x>" would load a file, a description of nested
tables would freeze the GUI. Labels that may show host text are plain-text labels; tooltips that
Qt would take for HTML are escaped.

    layout.addWidget(plain_label(domain.name, parent))
    item.setToolTip(plain_tooltip(volume.path))
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows `text` (and any text set later) exactly as it is."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that shows it as it is (Qt lays tooltips out as HTML when they look
    like HTML; escaped, they show the characters typed, on the lines they were typed)."""
    if not QtGui.mightBeRichText(text):
        return text
    return QtGui.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre)
