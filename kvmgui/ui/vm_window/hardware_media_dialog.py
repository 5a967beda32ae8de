"""Insert media into a CD-ROM or floppy drive: an ISO volume of an active pool, or a path
on the host."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kvmgui.logic.volume_disks import BLOCK_POOL_TYPES, FILE_POOL_TYPES
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.plain_text import plain_label


class InsertMediaDialog(QDialog):
    """Opened with ``open()``; after ``accepted``, ``path()`` is the media to insert."""

    def __init__(self, context: EditorContext, drive: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert Media"))
        self.intro = plain_label(self.tr("Media for the drive %s:") % drive, self)
        self.volume = QComboBox(self)
        self.volume.addItem(self.tr("(a path on the host)"), "")
        for pool in context.active_pools():
            if pool.pool_type not in FILE_POOL_TYPES + BLOCK_POOL_TYPES:
                continue  # network volumes have no path a drive can hold
            for volume in sorted(pool.volumes, key=lambda v: v.name):
                if volume.name.lower().endswith((".iso", ".img")):
                    self.volume.addItem(f"{pool.name} / {volume.name}", volume.path)
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText("/var/lib/libvirt/images/install.iso")
        self.problem = plain_label("", self)
        form = QFormLayout()
        form.addRow(self.tr("&Volume:"), self.volume)
        form.addRow(self.tr("&Path:"), self.path_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.volume.currentIndexChanged.connect(self._volume_chosen)
        self.path_edit.textChanged.connect(lambda _t: self._update())
        self.volume.setCurrentIndex(1 if self.volume.count() > 1 else 0)
        self._volume_chosen()
        self.setMinimumWidth(480)

    def path(self) -> str:
        return self.path_edit.text().strip()

    def _volume_chosen(self, _index: int = 0) -> None:
        path = self.volume.currentData()
        if path:
            self.path_edit.setText(str(path))
        self.path_edit.setReadOnly(bool(path))
        self._update()

    def _update(self) -> None:
        path = self.path()
        problem = "" if path.startswith("/") else self.tr(
            "Enter the absolute path of an ISO image or a device on the host.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)
