"""Ask for the password of a VNC display (VNC Authentication).

The answer goes straight to the session that asked and is kept nowhere: not in the settings,
not in the dialog once it closes. An empty password is refused with a message, the dialog
stays open; Cancel gives up (the console says no password was given).
"""

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget,
)

from kvmgui.ui.plain_text import plain_label


class VncPasswordDialog(QDialog):
    """``display`` names what asks (a domain's name: host data, shown as plain text)."""

    def __init__(self, display: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Console password"))
        layout = QVBoxLayout(self)
        self.intro = plain_label(
            self.tr("The graphical console of %s asks for its VNC password.") % display, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Password"))
        self.problem = plain_label(self.tr("Type the password, or Cancel."), self)
        self.problem.hide()
        self.field.textEdited.connect(lambda _text: self.problem.hide())
        form = QFormLayout()
        form.addRow(self.tr("Password:"), self.field)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def password(self) -> str:
        return self.field.text()

    def accept(self) -> None:
        if not self.field.text():
            self.problem.show()
            return
        super().accept()

    def done(self, result: int) -> None:
        super().done(result)
        # Listeners of accepted/finished have read it by now; keep no copy in the widget.
        self.field.clear()
