"""The selected snapshot in full: its screen when it was taken, name, time, state, type,
where its memory went, its description, and what this host cannot do with it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from kvmgui.logic.snapshot_rules import SnapshotInfo
from kvmgui.ui.plain_text import plain_label
from kvmgui.ui.vm_window.snapshots_model import SnapshotTreeModel, created_text
from kvmgui.xml import XmlSyntaxError
from kvmgui.xml.snapshot import DomainSnapshot

PICTURE_WIDTH = 320


class SnapshotDetails(QWidget):
    """Shows one snapshot (or a hint when none is selected)."""

    def __init__(self, model: SnapshotTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.picture = QLabel(self)
        self.picture.setFrameShape(QFrame.Shape.Box)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.picture.hide()
        self.hint = plain_label("", self)  # the page says what to do
        self.hint.setWordWrap(True)
        self.name = plain_label("", self)
        self.created = plain_label("", self)
        self.state = plain_label("", self)
        self.kind = plain_label("", self)
        self.storage = plain_label("", self)
        self.storage.setWordWrap(True)
        self.storage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.limits = plain_label("", self)
        self.limits.setWordWrap(True)
        self.description = QPlainTextEdit(self)
        self.description.setReadOnly(True)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Created:"), self.created)
        form.addRow(self.tr("State:"), self.state)
        form.addRow(self.tr("Type:"), self.kind)
        form.addRow(self.tr("Saved in:"), self.storage)
        self._form = QWidget(self)
        self._form.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.hint)
        layout.addWidget(self._form)
        layout.addWidget(self.limits)
        layout.addWidget(plain_label(self.tr("Description:"), self))
        layout.addWidget(self.description, 1)
        self.show_snapshot(None, QImage(), [])

    def show_snapshot(self, info: SnapshotInfo | None, picture: QImage,
                      limits: list[str]) -> None:
        """Show `info` with its `picture` (null: none) and the reasons in `limits`."""
        self.hint.setVisible(info is None)
        self._form.setVisible(info is not None)
        self.description.setEnabled(info is not None)
        if picture.isNull() or info is None:
            self.picture.clear()
            self.picture.hide()
        else:
            self.picture.setPixmap(QPixmap.fromImage(picture.scaledToWidth(
                min(PICTURE_WIDTH, picture.width()), Qt.TransformationMode.SmoothTransformation)))
            self.picture.setToolTip(self.tr("The guest's screen when the snapshot was taken"))
            self.picture.show()
        self.limits.setText("\n".join(limits))
        self.limits.setVisible(bool(limits))
        if info is None:
            self.description.setPlainText("")
            return
        self.name.setText(info.name + (self.tr(" (current)") if info.current else ""))
        self.created.setText(created_text(info) or self.tr("Unknown"))
        self.state.setText(self._model.state_text(info))
        self.kind.setText(self._model.kind_text(info))
        self.storage.setText(self._storage_text(info))
        self.description.setPlainText(info.description)

    def _storage_text(self, info: SnapshotInfo) -> str:
        try:
            doc = DomainSnapshot.from_xml(info.xml)
        except (ValueError, XmlSyntaxError):
            return self.tr("Unknown (its XML cannot be read)")
        lines = []
        if info.memory == "internal":
            lines.append(self.tr("Memory: inside the disk images"))
        elif info.memory == "external":
            lines.append(self.tr("Memory: %s") % (doc.memory_file or self.tr("a file")))
        for disk in doc.disks:
            if disk.location == "internal":
                lines.append(self.tr("%s: inside its image") % (disk.name or "?"))
            elif disk.location == "external":
                lines.append(self.tr("%s: overlay %s") % (disk.name or "?",
                                                          disk.source_file or "?"))
        return "\n".join(lines) or self.tr("No disks or memory")
