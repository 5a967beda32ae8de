"""The dialog that asks for libvirt's credentials (opened by kvmgui.ui.dialogs.auth_prompter)."""

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget,
)

from kvmgui.ui.plain_text import plain_label
from kvmgui.virt.auth import CredentialPrompt


class AuthDialog(QDialog):
    """One line edit per prompt (password prompts do not echo)."""

    def __init__(self, uri: str, prompts: Sequence[CredentialPrompt],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Authentication for %s") % uri)
        layout = QVBoxLayout(self)
        intro = plain_label(self.tr("libvirt asks for credentials to open %s:") % uri, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields: list[QLineEdit] = []
        for prompt in prompts:
            edit = QLineEdit(prompt.default, self)
            if prompt.secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            label = prompt.prompt.rstrip(": ") + ":"
            if prompt.challenge and prompt.challenge not in label:
                label = f"{label} ({prompt.challenge})"
            form.addRow(plain_label(label, self), edit)  # the prompt comes from the host
            self.fields.append(edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def answers(self) -> list[str]:
        return [edit.text() for edit in self.fields]
