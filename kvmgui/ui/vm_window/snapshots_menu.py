""""Take snapshot…" in the Domain menu and the domains' context menu: it opens the domain's VM
window on its Snapshots page and that page's Take snapshot dialog.

    action = TakeSnapshotAction(feature, main_window, menu, before=first_action)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.roles import NodeKind, Role

if TYPE_CHECKING:
    from kvmgui.ui.vm_window.install import VmWindowsFeature
    from kvmgui.ui.vm_window.snapshots_page import SnapshotsPage


class TakeSnapshotAction(QObject):
    """The QAction (`action`), enabled while exactly one domain is selected."""

    def __init__(self, feature: VmWindowsFeature, window: MainWindow, menu: QMenu,
                 before: QAction) -> None:
        super().__init__(feature)
        self._feature = feature
        self._window = window
        self.action = QAction(self.tr("Take &snapshot…"), window)
        self.action.setToolTip(self.tr("Save the domain's present state to come back to"))
        self.action.setStatusTip(self.action.toolTip())
        self.action.triggered.connect(lambda _checked=False: self.take_snapshot())
        menu.insertAction(before, self.action)
        window.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed(QItemSelection(), QItemSelection())

    def take_snapshot(self) -> SnapshotsPage | None:
        """Open the selected domain's Snapshots page and its Take snapshot dialog."""
        indexes = self._domains()
        if len(indexes) != 1:
            return None
        view = self._feature.open_index(indexes[0])
        if view is None:
            return None
        # Imported on use: the pages pull in the consoles (numpy) that start-up does not need.
        from kvmgui.ui.vm_window import builtin_pages
        from kvmgui.ui.vm_window.snapshots_page import SnapshotsPage  # built with the page

        view.show_page(builtin_pages.SNAPSHOTS)

        page = view.page(builtin_pages.SNAPSHOTS)
        assert isinstance(page, SnapshotsPage)
        page.take_snapshot()
        return page

    def _domains(self) -> list[QModelIndex]:
        return [i for i in self._window.selected_source_indexes()
                if i.data(Role.KIND) == NodeKind.DOMAIN]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.action.setEnabled(len(self._domains()) == 1)
