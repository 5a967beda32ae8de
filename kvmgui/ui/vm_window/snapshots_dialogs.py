"""The Snapshots page's questions: revert (and to which state), delete (with its children or
not), and a snapshot's new description. Each is opened with `open()`; Cancel changes nothing
and is the default button of the destructive ones."""

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QPlainTextEdit,
    QRadioButton, QVBoxLayout, QWidget,
)

from kvmgui.core.message import Message
from kvmgui.logic.snapshot_rules import RevertTo, SnapshotInfo
from kvmgui.ui.i18n import translate_message
from kvmgui.ui.plain_text import plain_label

_VISIBLE_ITEMS = 6


def _buttons(dialog: QDialog, accept_text: str, destructive: bool) -> QDialogButtonBox:
    buttons = QDialogButtonBox(dialog)
    cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    accept = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    (cancel if destructive else accept).setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _question(text: str, dialog: QDialog) -> QLabel:
    """The dialog's question in bold (its snapshot's name is data: plain text)."""
    label = plain_label(text, dialog)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class RevertDialog(QDialog):
    """Revert to a snapshot? And in which state the guest should be afterwards."""

    def __init__(self, snapshot: SnapshotInfo, state_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revert to snapshot"))
        layout = QVBoxLayout(self)
        self.question = _question(self.tr("Revert to snapshot %s?") % snapshot.name, self)
        layout.addWidget(self.question)
        self.detail = plain_label(self.tr(
            "The guest's disks, and its memory if the snapshot holds it, go back to how they "
            "were. Everything changed since is lost: take a snapshot first to keep it."), self)
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        form = QFormLayout()
        self.after = QComboBox(self)
        self.after.addItem(self.tr("As when taken (%s)") % state_text, RevertTo.AS_TAKEN)
        self.after.addItem(self.tr("Running"), RevertTo.RUNNING)
        self.after.addItem(self.tr("Paused"), RevertTo.PAUSED)
        form.addRow(self.tr("&Afterwards:"), self.after)
        layout.addLayout(form)
        self.buttons = _buttons(self, self.tr("Revert"), destructive=True)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def target(self) -> RevertTo:
        value = self.after.currentData()
        return value if isinstance(value, RevertTo) else RevertTo.AS_TAKEN


class DeleteSnapshotDialog(QDialog):
    """Delete a snapshot, or it and its children; a choice this host refuses is disabled with
    the reason (`refusals`: with_children -> why not, or None)."""

    def __init__(self, snapshot: SnapshotInfo, children: Sequence[SnapshotInfo],
                 refusals: dict[bool, Message | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete snapshot"))
        layout = QVBoxLayout(self)
        self.question = _question(self.tr("Delete snapshot %s?") % snapshot.name, self)
        layout.addWidget(self.question)
        self.only_this = QRadioButton(self.tr("Only this snapshot: its children stay, "
                                              "attached to its parent"), self)
        self.with_children = QRadioButton(
            self.tr("This snapshot and the %n snapshot(s) below it:", "", len(children)), self)
        self.children_list = QListWidget(self)
        self.children_list.addItems([c.name for c in children])
        row = self.children_list.sizeHintForRow(0) if children else 0
        self.children_list.setFixedHeight(row * min(len(children), _VISIBLE_ITEMS)
                                     + 2 * self.children_list.frameWidth() + 4)
        self.reason = plain_label("", self)
        self.reason.setWordWrap(True)
        for widget in (self.only_this, self.with_children, self.children_list, self.reason):
            layout.addWidget(widget)
        has_children = self._has_children = bool(children)
        self.only_this.setVisible(has_children)
        self.with_children.setVisible(has_children)
        self.children_list.setVisible(has_children)
        self.only_this.setEnabled(refusals.get(False) is None)
        self.with_children.setEnabled(refusals.get(True) is None)
        reasons = {translate_message(r) for r in refusals.values() if r is not None}
        self.reason.setText("\n".join(sorted(reasons)))
        self.reason.setVisible(bool(reasons))
        (self.only_this if self.only_this.isEnabled() else self.with_children).setChecked(True)
        self.detail = plain_label(self.tr(
            "A deleted snapshot cannot be brought back; the guest as it is now stays."), self)
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        self.buttons = _buttons(self, self.tr("Delete"), destructive=True)
        self.buttons.buttons()[-1].setEnabled(
            self.only_this.isEnabled() or self.with_children.isEnabled())
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def delete_children(self) -> bool:
        return self._has_children and self.with_children.isChecked()


class DescriptionDialog(QDialog):
    """A snapshot's description as plain text (the next step shows the change as a diff)."""

    def __init__(self, snapshot: SnapshotInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snapshot description"))
        layout = QVBoxLayout(self)
        self.label = plain_label(self.tr("Description of snapshot %s:") % snapshot.name, self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.edit = QPlainTextEdit(snapshot.description, self)
        self.edit.setTabChangesFocus(True)
        layout.addWidget(self.edit)
        self.buttons = _buttons(self, self.tr("Next…"), destructive=False)
        layout.addWidget(self.buttons)
        self.resize(480, 260)

    def description(self) -> str:
        return self.edit.toPlainText()
