""""Take snapshot…" in the Domain menu and the domains' context menu: it opens the domain's VM
window on its Snapshots page and that page's Take snapshot dialog.

    action = TakeSnapshotAction(feature, actions.domain, menu, before=first_action)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.actions.domain_actions import DomainActions
from kvmgui.ui.vm_window.domain_page_action import DomainPageAction

if TYPE_CHECKING:
    from kvmgui.ui.vm_window.install import VmWindowsFeature
    from kvmgui.ui.vm_window.snapshots_page import SnapshotsPage


class TakeSnapshotAction(DomainPageAction):
    """The QAction (`action`), enabled by the domain actions' rule (one domain, host up)."""

    def __init__(self, feature: VmWindowsFeature, domain_actions: DomainActions, menu: QMenu,
                 before: QAction) -> None:
        super().__init__(feature, domain_actions, DomainAction.TAKE_SNAPSHOT, menu, before,
                         lambda: self.take_snapshot())
        self.describe(self.tr("Take &snapshot…"),
                      self.tr("Save the domain's present state to come back to"))

    def take_snapshot(self) -> SnapshotsPage | None:
        """Open the selected domain's Snapshots page and its Take snapshot dialog."""
        # Imported on use: the pages pull in the consoles (numpy) that start-up does not need.
        from kvmgui.ui.vm_window import builtin_pages
        from kvmgui.ui.vm_window.snapshots_page import SnapshotsPage  # built with the page

        page = self.show_page(builtin_pages.SNAPSHOTS, SnapshotsPage)
        if page is not None:
            page.take_snapshot()
        return page
