"""The domain editor embedded in a page: the same DomainEditor as the Edit… dialog (form tabs,
XML, problems, the diff before Apply), shown as a widget instead of a window.

The inactive definition is read on the worker the first time the host is shown. After Apply
(or Revert, the editor's Cancel) the editor is built again from the new definition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget
from shiboken6 import isValid

from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.plain_text import plain_label
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import EditSource, read_for_edit
from kvmgui.virt.errors import error_text

if TYPE_CHECKING:
    from kvmgui.ui.editors.domain_editor import DomainEditor


class EditorHost(QWidget):
    """Hosts the editor of domain `uuid` on `connection`.

    Signals:
        editorReady(DomainEditor): an editor was built (first show, and after each apply).
    """

    editorReady = Signal(object)

    def __init__(self, model: InventoryModel, connection: Connection, uuid: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._connection = connection
        self._uuid = uuid
        self.editor: DomainEditor | None = None
        self._loading = False
        self.status = plain_label(self.tr("Reading the definition…"), self)
        self.status.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.status)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.editor is None:
            self.load()

    def load(self) -> None:
        """Read the definition (again) and build the editor on it."""
        if self._loading:
            return
        self._loading = True
        self._connection.run(read_for_edit("domain", self._uuid), self._read, self._failed)

    def _read(self, source: EditSource) -> None:
        if not isValid(self):
            return
        self._loading = False
        from kvmgui.ui.editors.domain_editor import DomainEditor
        from kvmgui.ui.editors.editor_context import EditorContext

        self._drop_editor()
        editor = DomainEditor(self._connection, EditorContext.of(self._model,
                                                                 self._connection.uri),
                              source.xml, uuid=self._uuid, autostart=source.autostart,
                              active=source.active, parent=self)
        editor.setWindowFlags(Qt.WindowType.Widget)  # a page's part, not a window
        editor.cancel_button.setText(self.tr("Revert"))
        editor.cancel_button.setToolTip(self.tr("Drop the changes not applied yet"))
        editor.finished.connect(self._finished)  # applied, or reverted
        editor.installEventFilter(self)
        self.editor = editor
        self.status.hide()
        self._layout.addWidget(editor)
        editor.show()
        self.editorReady.emit(editor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.editor and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape):
            return True  # Escape closes a dialog; here it would throw the edits away
        return super().eventFilter(watched, event)

    def _finished(self, _result: int) -> None:
        self.load()

    def _failed(self, exc: Exception) -> None:
        if not isValid(self):
            return
        self._loading = False
        self.status.setText(self.tr("Cannot read the definition: %s") % error_text(exc))
        self.status.show()

    def _drop_editor(self) -> None:
        if self.editor is not None:
            self._layout.removeWidget(self.editor)
            self.editor.hide()
            self.editor.deleteLater()
            self.editor = None
