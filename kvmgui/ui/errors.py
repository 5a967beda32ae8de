"""The one place that shows errors and messages to the user (kvmgui/virt/errors.py words them).

    show_error(window, self.tr("Edit"), error_text(exc))
    show_information(window, self.tr("No connection"), self.tr("Connect to a host first."))

Each box is window-modal and returns at once (no nested event loop: the workers' answers and
libvirt's events keep arriving while it shows); it deletes itself when closed. Its text is plain
text, because messages quote names, paths and errors from a libvirt host.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """Something the user asked for failed; `text` says what and why."""
    return _show(QMessageBox.Icon.Critical, parent, title, text)


def show_warning(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """Something went only partly as asked (e.g. defined, but did not start)."""
    return _show(QMessageBox.Icon.Warning, parent, title, text)


def show_information(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """Why nothing happened, or what to do first."""
    return _show(QMessageBox.Icon.Information, parent, title, text)


def _show(icon: QMessageBox.Icon, parent: QWidget | None, title: str,
          text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
