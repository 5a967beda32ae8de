""""Add hardware…" in the Domain menu and the domains' context menu: it opens the domain's VM
window on its Hardware page and, once the page has read the devices, its Add dialog.

    action = AddHardwareAction(feature, main_window, menu, before=first_action)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.roles import NodeKind, Role

if TYPE_CHECKING:
    from kvmgui.ui.vm_window.hardware_page import HardwarePage
    from kvmgui.ui.vm_window.install import VmWindowsFeature


class AddHardwareAction(QObject):
    """The QAction (`action`), enabled while exactly one domain is selected."""

    def __init__(self, feature: VmWindowsFeature, window: MainWindow, menu: QMenu,
                 before: QAction) -> None:
        super().__init__(feature)
        self._feature = feature
        self._window = window
        self.action = QAction(self.tr("Add &hardware…"), window)
        self.action.setToolTip(self.tr("Add a disk, CD-ROM, network interface, host device or "
                                       "other device to the domain"))
        self.action.setStatusTip(self.action.toolTip())
        self.action.triggered.connect(lambda _checked=False: self.add_hardware())
        menu.insertAction(before, self.action)
        window.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed(QItemSelection(), QItemSelection())

    def add_hardware(self) -> HardwarePage | None:
        """Open the selected domain's Hardware page; its Add dialog follows once it is read."""
        indexes = self._domains()
        if len(indexes) != 1:
            return None
        view = self._feature.open_index(indexes[0])
        if view is None:
            return None
        # Imported on use: the pages pull in what start-up does not need.
        from kvmgui.ui.vm_window import builtin_pages
        from kvmgui.ui.vm_window.hardware_page import HardwarePage

        view.show_page(builtin_pages.HARDWARE)
        page = view.page(builtin_pages.HARDWARE)
        assert isinstance(page, HardwarePage)
        if page.source is not None:
            page.add_hardware()
        else:
            def loaded() -> None:
                page.loaded.disconnect(loaded)
                page.add_hardware()
            page.loaded.connect(loaded)
        return page

    def _domains(self) -> list[QModelIndex]:
        return [i for i in self._window.selected_source_indexes()
                if i.data(Role.KIND) == NodeKind.DOMAIN]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.action.setEnabled(len(self._domains()) == 1)
