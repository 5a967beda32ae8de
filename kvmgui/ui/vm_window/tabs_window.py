"""One window holding the VM windows as tabs (the "open VM windows as tabs" preference)."""

from PySide6.QtCore import QMetaObject, QObject, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from kvmgui.ui.vm_window.vm_view import VmView, window_title
from kvmgui.ui.vm_window.window_memory import WindowMemory

DEFAULT_SIZE = (1100, 780)


def tab_text(text: str) -> str:
    """`text` as a tab shows it: "&" would otherwise mark a shortcut letter."""
    return text.replace("&", "&&")


class VmTabsWindow(QMainWindow):
    """Holds VmViews as tabs; closes itself when its last tab closes."""

    def __init__(self, memory: WindowMemory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("vm-tabs-window")
        self._memory = memory
        self.closing = False  # closing: a VM window opened now needs a new tabs window
        self._links: dict[int, list[QMetaObject.Connection]] = {}  # by id(view)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.currentChanged.connect(self._current_changed)
        self.setCentralWidget(self.tabs)
        self.setWindowTitle(self.tr("Virtual machines"))
        saved = memory.geometry(memory.tabs_window())
        if saved is None or not self.restoreGeometry(saved):
            self.resize(*DEFAULT_SIZE)

    def views(self) -> list[VmView]:
        return [w for i in range(self.tabs.count())
                if isinstance(w := self.tabs.widget(i), VmView)]

    def add(self, view: VmView) -> None:
        index = self.tabs.addTab(view, tab_text(view.domain.name if view.domain else view.uuid))
        self._links[id(view)] = [
            view.titleChanged.connect(lambda _title, v=view: self._retitle(v)),
            view.closed.connect(lambda v=view: self._view_closed(v))]
        self.tabs.setCurrentIndex(index)
        self._retitle(view)

    def take(self, view: VmView) -> None:
        """Remove `view`'s tab without closing it (it becomes a window of its own)."""
        for link in self._links.pop(id(view), []):
            QObject.disconnect(link)
        index = self.tabs.indexOf(view)
        if index >= 0:
            self.tabs.removeTab(index)
        view.setParent(None)

    def show_view(self, view: VmView) -> None:
        self.tabs.setCurrentWidget(view)
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing = True
        self._memory.set_geometry(self._memory.tabs_window(), self.saveGeometry())
        for view in self.views():
            view.close()
        super().closeEvent(event)

    def _close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is not None:
            widget.close()

    def _retitle(self, view: VmView) -> None:
        index = self.tabs.indexOf(view)
        if index >= 0 and view.domain is not None:
            self.tabs.setTabText(index, tab_text(view.domain.name))
            self.tabs.setTabToolTip(index, view.title)
        if self.tabs.currentWidget() is view:
            self.setWindowTitle(window_title(view.title))

    def _current_changed(self, _index: int) -> None:
        view = self.tabs.currentWidget()
        if isinstance(view, VmView):
            self._retitle(view)

    def _view_closed(self, view: VmView) -> None:
        self._links.pop(id(view), None)
        index = self.tabs.indexOf(view)
        if index >= 0:
            self.tabs.removeTab(index)
        if self.tabs.count() == 0 and not self.closing:
            self.close()
