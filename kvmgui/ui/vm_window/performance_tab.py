"""The Performance page of a VM window: the details pane's DomainPerformancePage, following
this window's domain on its connection's sampler (and letting go when the window closes)."""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kvmgui.core.snapshots import DomainInfo
from kvmgui.ui.performance.performance_page import DomainPerformancePage
from kvmgui.ui.roles import Category
from kvmgui.ui.vm_window.pages import PageContext


class PerformanceTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._following = False
        self.page = DomainPerformancePage(context.samplers, self)
        self.page.intervalRequested.connect(context.set_interval)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)

    def set_domain(self, _domain: DomainInfo) -> None:
        if self._following:
            return  # the page follows its row by itself from here on
        context = self._context
        index = context.model.find(context.connection.uri, Category.DOMAINS, context.uuid)
        if index.isValid():
            self.page.show_index(index)
            self._following = True

    def close_page(self) -> None:
        if self._following:
            self.page.release()
            self._following = False
