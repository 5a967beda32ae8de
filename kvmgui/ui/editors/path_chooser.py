"""A path field with Browse… (a file dialog, local connections only) and Volume… (a storage
volume of the host, any connection), for an installer ISO or a disk image."""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QPushButton, QWidget

from kvmgui.core.uris import is_local
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.form_tab import set_placeholder
from kvmgui.ui.editors.volume_picker import VolumePickerDialog, usable_volumes

IMAGES_DIR = Path("/var/lib/libvirt/images")


class PathChooser(QWidget):
    """Signals:
        chosen(str): the user settled on a path (picked it in a dialog or the list, or
            finished typing it); the combo box already shows it.
    """

    chosen = Signal(str)

    def __init__(self, context: EditorContext, *, iso: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.iso = iso
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(sorted(v.path for pool in context.pools
                                   for v in usable_volumes(pool, iso=iso)))
        self.combo.setCurrentIndex(-1)
        set_placeholder(self.combo, self.tr("choose a volume or type a path"))
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.volume_button = QPushButton(self.tr("Volume…"), self)
        self.volume_button.setToolTip(self.tr("Choose a volume of one of the host's storage "
                                              "pools"))
        if is_local(context.uri):
            self.browse_button.setToolTip(self.tr("Choose a file on this machine"))
        else:  # a file dialog would show this machine's files, not the host's
            self.browse_button.setEnabled(False)
            self.browse_button.setToolTip(self.tr("The host is another machine: choose one of "
                                                  "its volumes, or type the path on the host"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.volume_button)
        self.browse_button.clicked.connect(self._browse)
        self.volume_button.clicked.connect(self._pick_volume)
        self.combo.activated.connect(lambda _index: self._settle(self.combo.currentText()))
        edit = self.combo.lineEdit()
        if edit is not None:
            edit.editingFinished.connect(lambda: self._settle(self.combo.currentText()))
        self._last = ""

    def path(self) -> str:
        return self.combo.currentText().strip()

    def _browse(self) -> None:
        start = self.path() or (str(IMAGES_DIR) if IMAGES_DIR.is_dir() else str(Path.home()))
        dialog = QFileDialog(self, self.tr("Choose an ISO image") if self.iso
                             else self.tr("Choose a disk image"), start)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # testable, same everywhere
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("ISO images (*.iso *.ISO)") if self.iso else
                               self.tr("Disk images (*.qcow2 *.img *.raw *.vmdk *.vdi *.vhd "
                                       "*.vhdx)"), self.tr("All files (*)")])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._settle)
        dialog.open()

    def _pick_volume(self) -> None:
        dialog = VolumePickerDialog(self.context, iso=self.iso, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.volumeChosen.connect(self._settle)
        dialog.open()

    def _settle(self, path: str) -> None:
        path = path.strip()
        if self.combo.currentText() != path:
            self.combo.setEditText(path)
        if path != self._last:  # editingFinished also fires on a mere focus change
            self._last = path
            self.chosen.emit(path)
