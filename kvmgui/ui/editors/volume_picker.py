"""A small dialog that picks a storage volume (an ISO or a disk image) from the inventory.

It lists the active pools whose volumes have a path on the host (directory, file system and
block pools) and, under each, the volumes that fit: ``.iso`` images for an installer, the
others for a disk.  It reads the inventory's snapshots only: no libvirt call.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.snapshots import PoolInfo, VolumeInfo
from kvmgui.core.units import format_bytes
from kvmgui.logic.volume_disks import BLOCK_POOL_TYPES, FILE_POOL_TYPES
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.form_tab import note_label

_PATH_ROLE = Qt.ItemDataRole.UserRole


def is_iso(volume: VolumeInfo) -> bool:
    return volume.name.lower().endswith(".iso")


def usable_volumes(pool: PoolInfo, *, iso: bool) -> list[VolumeInfo]:
    """The volumes of ``pool`` that can serve as an ISO (``iso``) or a disk image by path."""
    types = FILE_POOL_TYPES if iso else FILE_POOL_TYPES + BLOCK_POOL_TYPES
    if not pool.active or pool.pool_type not in types:
        return []
    return sorted((v for v in pool.volumes if is_iso(v) == iso and v.path),
                  key=lambda v: v.name.lower())


class VolumePickerDialog(QDialog):
    """Signals:
        volumeChosen(str): the path of the volume the user picked (then the dialog closes).
    """

    volumeChosen = Signal(str)

    def __init__(self, context: EditorContext, *, iso: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose an ISO image") if iso
                            else self.tr("Choose a disk image"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Volume"), self.tr("Format"), self.tr("Size"),
                                   self.tr("Path")])
        self.tree.setRootIsDecorated(True)
        self.tree.setAccessibleName(self.tr("Storage volumes"))
        for pool in context.pools:
            volumes = usable_volumes(pool, iso=iso)
            if not volumes:
                continue
            pool_item = QTreeWidgetItem(self.tree, [pool.name, pool.pool_type])
            pool_item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a pool is not a choice
            for volume in volumes:
                item = QTreeWidgetItem(pool_item, [volume.name, volume.format,
                                                   format_bytes(volume.capacity), volume.path])
                item.setData(0, _PATH_ROLE, volume.path)
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.note = note_label(self, self.tr(
            "Only active pools whose volumes have a path on the host are listed (not, for "
            "example, Ceph RBD). A pool that is not running shows no volumes."))
        if self.tree.topLevelItemCount() == 0:
            self.note.setText(self.tr("No active pool has a suitable volume.") + "\n"
                              + self.note.text())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.currentItemChanged.connect(
            lambda _item, _previous: self.ok_button.setEnabled(bool(self.path())))
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.accept())
        self.resize(640, 380)

    def path(self) -> str:
        item = self.tree.currentItem()
        value = item.data(0, _PATH_ROLE) if item is not None else None
        return str(value) if value else ""

    def accept(self) -> None:
        path = self.path()
        if not path:
            return
        super().accept()
        self.volumeChosen.emit(path)
