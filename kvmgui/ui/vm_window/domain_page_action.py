"""An entry of the Domain menu (also the domains' context menu) that opens the selected
domain's VM window on one of its pages: the common part of "Take snapshot…" and "Add
hardware…".

    class TakeSnapshotAction(DomainPageAction):
        def __init__(self, feature, window, menu, before):
            super().__init__(feature, window, menu, before, lambda: self.take_snapshot())
            self.describe(self.tr("Take &snapshot…"), self.tr("Save the domain's …"))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QItemSelection, QModelIndex, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.roles import NodeKind, Role

if TYPE_CHECKING:
    from kvmgui.ui.vm_window.install import VmWindowsFeature

PageT = TypeVar("PageT", bound=QWidget)


class DomainPageAction(QObject):
    """The QAction (`action`), enabled while exactly one domain is selected; triggering it
    calls `on_trigger`."""

    def __init__(self, feature: VmWindowsFeature, window: MainWindow, menu: QMenu,
                 before: QAction, on_trigger: Callable[[], object]) -> None:
        super().__init__(feature)
        self._feature = feature
        self._window = window
        self.action = QAction(window)
        self.action.triggered.connect(lambda _checked=False: on_trigger())
        menu.insertAction(before, self.action)
        window.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed(QItemSelection(), QItemSelection())

    def describe(self, text: str, tooltip: str) -> None:
        """The entry's (translated) text, and its tooltip, also shown in the status bar."""
        self.action.setText(text)
        self.action.setToolTip(tooltip)
        self.action.setStatusTip(tooltip)

    def show_page(self, name: str, page_type: type[PageT]) -> PageT | None:
        """The selected domain's VM window, opened on its page `name` (None unless exactly one
        domain is selected)."""
        indexes = self._domains()
        if len(indexes) != 1:
            return None
        view = self._feature.open_index(indexes[0])
        if view is None:
            return None
        view.show_page(name)
        page = view.page(name)
        assert isinstance(page, page_type)
        return page

    def _domains(self) -> list[QModelIndex]:
        return [i for i in self._window.selected_source_indexes()
                if i.data(Role.KIND) == NodeKind.DOMAIN]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.action.setEnabled(len(self._domains()) == 1)
