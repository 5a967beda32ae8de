"""Confirm deleting domains, with a checkbox per disk for deleting its volume too."""

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

from kvmgui.logic.action_rules import DiskChoice, DiskNote
from kvmgui.core.snapshots import DomainInfo, VolumeInfo
from kvmgui.ui.plain_text import plain_label, plain_tooltip


class DeleteDomainsDialog(QDialog):
    """Lists each domain and its disks; ticked volumes are deleted after the domain is undefined.

    `disk_boxes` pairs every disk with its checkbox (disabled when libvirt cannot delete it).
    """

    def __init__(self, domains: Sequence[DomainInfo], choices: Mapping[str, Sequence[DiskChoice]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete %n domain(s)", "", len(domains)))
        self.disk_boxes: list[tuple[DiskChoice, QCheckBox]] = []
        layout = QVBoxLayout(self)
        question = QLabel(self.tr("Delete %n domain(s)? Their definitions are removed, with any "
                                  "saved state, snapshot metadata and NVRAM.", "", len(domains)),
                          self)
        question.setWordWrap(True)
        layout.addWidget(question)
        running = [d.name for d in domains if d.active]
        if running:
            note = plain_label(self.tr("Running domains are forced off first: %s")
                               % ", ".join(running), self)
            note.setWordWrap(True)
            layout.addWidget(note)

        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        for dom in domains:
            title = plain_label(dom.name, body)
            bold = title.font()
            bold.setBold(True)
            title.setFont(bold)
            body_layout.addWidget(title)
            disks = choices.get(dom.uuid, ())
            if not disks:
                body_layout.addWidget(QLabel(self.tr("    no disks"), body))
            for choice in disks:
                box = QCheckBox(self.tr("Delete %s: %s") % (choice.target, choice.source), body)
                box.setChecked(choice.delete_by_default)
                box.setEnabled(choice.deletable)
                explanation = self._note_text(choice)
                box.setToolTip(plain_tooltip(explanation))
                body_layout.addWidget(box)
                if explanation:
                    hint = plain_label(explanation, body)
                    hint.setWordWrap(True)
                    hint.setIndent(24)
                    hint.setEnabled(False)  # greyed: a remark, not a control
                    body_layout.addWidget(hint)
                self.disk_boxes.append((choice, box))
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll)

        self.buttons = QDialogButtonBox(self)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = self.buttons.addButton(self.tr("Delete"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, min(560, 200 + 48 * len(self.disk_boxes) + 30 * len(domains)))

    def chosen_volumes(self) -> dict[str, list[VolumeInfo]]:
        """Per domain UUID, the volumes ticked for deletion."""
        chosen: dict[str, list[VolumeInfo]] = {}
        for choice, box in self.disk_boxes:
            if box.isChecked() and box.isEnabled() and choice.volume is not None:
                chosen.setdefault(choice.domain_uuid, []).append(choice.volume)
        return chosen

    def _note_text(self, choice: DiskChoice) -> str:
        if choice.note is DiskNote.SHARED:
            return self.tr("Shared: also used by %s") % ", ".join(choice.shared_with)
        if choice.note is DiskNote.READ_ONLY:
            return self.tr("Read-only disk (often installation media)")
        if choice.note is DiskNote.CDROM:
            return self.tr("CD-ROM (often installation media)")
        if choice.note is DiskNote.NOT_A_VOLUME:
            return self.tr("Not a volume of a running storage pool: kvmgui cannot delete it")
        if choice.note is DiskNote.LISTED_ABOVE:
            return self.tr("Same volume as listed above")
        return ""
