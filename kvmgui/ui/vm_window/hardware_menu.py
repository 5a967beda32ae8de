""""Add hardware…" in the Domain menu and the domains' context menu: it opens the domain's VM
window on its Hardware page and, once the page has read the devices, its Add dialog.

    action = AddHardwareAction(feature, actions.domain, menu, before=first_action)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.actions.domain_actions import DomainActions
from kvmgui.ui.vm_window.domain_page_action import DomainPageAction

if TYPE_CHECKING:
    from kvmgui.ui.vm_window.hardware_page import HardwarePage
    from kvmgui.ui.vm_window.install import VmWindowsFeature


class AddHardwareAction(DomainPageAction):
    """The QAction (`action`), enabled by the domain actions' rule (one domain, host up)."""

    def __init__(self, feature: VmWindowsFeature, domain_actions: DomainActions, menu: QMenu,
                 before: QAction) -> None:
        super().__init__(feature, domain_actions, DomainAction.ADD_HARDWARE, menu, before,
                         lambda: self.add_hardware())
        self.describe(self.tr("Add &hardware…"),
                      self.tr("Add a disk, CD-ROM, network interface, host device or other "
                              "device to the domain"))

    def add_hardware(self) -> HardwarePage | None:
        """Open the selected domain's Hardware page; its Add dialog follows once it is read."""
        # Imported on use: the pages pull in what start-up does not need.
        from kvmgui.ui.vm_window import builtin_pages
        from kvmgui.ui.vm_window.hardware_page import HardwarePage

        page = self.show_page(builtin_pages.HARDWARE, HardwarePage)
        if page is None:
            return None
        if page.source is not None:
            page.add_hardware()
        else:
            def loaded() -> None:
                page.loaded.disconnect(loaded)
                page.add_hardware()
            page.loaded.connect(loaded)
        return page
