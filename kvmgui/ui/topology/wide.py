"""While the Topology tab is chosen, the details pane takes the whole window: the picture is
wide and the narrow pane beside the tree made it tiny. Choosing another tab, or going to the
list (Ctrl+L, a click into it, Tab), brings the list back at the width it had."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from kvmgui.ui.main_window import MainWindow

PAGE_NAME = "topology"  # the object name of the page and of its stand-in (deferred_page)


class WideTopology(QObject):
    """Folds the tree away while the tab named `PAGE_NAME` is the current details tab."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._saved: list[int] | None = None  # the splitter's sizes before it widened
        window.details.tabs.currentChanged.connect(self._tab_changed)
        window.tree.installEventFilter(self)
        # The saved layout (window_state.py, connected after this) keeps the list.
        window.closing.connect(self.narrow)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.narrow)

    @property
    def wide(self) -> bool:
        return self._saved is not None

    def widen(self) -> None:
        if self._saved is not None:
            return
        splitter = self._window.splitter
        self._saved = splitter.sizes()
        splitter.setSizes([0, sum(self._saved)])
        if self._window.tree.hasFocus():  # keys must not go to a list nobody sees
            current = self._window.details.tabs.currentWidget()
            if current is not None:
                current.setFocus()

    def narrow(self) -> None:
        sizes, self._saved = self._saved, None
        if sizes is not None:
            self._window.splitter.setSizes(sizes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window.tree and event.type() == QEvent.Type.FocusIn:
            self.narrow()
        return False

    def _tab_changed(self, _index: int) -> None:
        current = self._window.details.tabs.currentWidget()
        if current is not None and current.objectName() == PAGE_NAME:
            self.widen()
        else:
            self.narrow()
