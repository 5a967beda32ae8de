"""The Details page: the domain's summary (as in the main window) with a live thumbnail of
its screen, beside the domain editor (the Edit… dialog's editor, embedded)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from kvmgui.core.snapshots import DomainInfo
from kvmgui.ui.details import summaries
from kvmgui.ui.details.form_page import FormPage
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.vm_window.editor_host import EditorHost
from kvmgui.ui.vm_window.thumbnail import ScreenThumbnail
from kvmgui.virt.connection import Connection


class DetailsPage(QWidget):
    """Summary, thumbnail and editor of one domain."""

    def __init__(self, model: InventoryModel, connection: Connection, uuid: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._connection = connection
        self.summary = FormPage(self)
        self.thumbnail = ScreenThumbnail(self.summary)
        self.summary.add_header_widget(self.thumbnail)
        self.editor_host = EditorHost(model, connection, uuid, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.summary)
        self.splitter.addWidget(self.editor_host)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([440, 660])  # a UUID and a disk's path fit on one line
        self.splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def set_domain(self, domain: DomainInfo) -> None:
        self.summary.set_content(domain.name, summaries.domain_rows(domain))
        self.thumbnail.set_domain(self._connection, domain)

    def close_page(self) -> None:
        self.thumbnail.set_domain(None, None)
