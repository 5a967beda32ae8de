"""The Snapshots page's actions, enabled by what the host can do now; a disabled action's
tooltip says why (kvmgui.logic.snapshot_rules), so the user learns it before trying."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from kvmgui.logic.snapshot_rules import (
    CreateOptions, SnapshotInfo, delete_refusal, revert_refusal,
)
from kvmgui.ui.i18n import translate_message
from kvmgui.virt.snapshot_jobs import SnapshotList

Slot = Callable[[], None]


class SnapshotToolbar(QToolBar):
    """Take snapshot…, Revert…, Delete… (Del), Edit description…, Refresh (F5). The keys work
    while the focus is inside `page` (elsewhere in the VM window they belong to the guest)."""

    def __init__(self, page: QWidget, take: Slot, revert: Slot, delete: Slot, describe: Slot,
                 refresh: Slot) -> None:
        super().__init__(page)
        self._page = page
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.take_action = self._add(self.tr("Take snapshot…"), take)
        self.revert_action = self._add(self.tr("Revert…"), revert)
        self.delete_action = self._add(self.tr("Delete…"), delete, "Del")
        self.describe_action = self._add(self.tr("Edit description…"), describe)
        self.addSeparator()
        self.refresh_action = self._add(self.tr("Refresh"), refresh, "F5")

    def update_actions(self, listing: SnapshotList | None, options: CreateOptions | None,
                       snapshot: SnapshotInfo | None, busy: bool) -> list[str]:
        """Enable what can be done; returns why the selected snapshot cannot be reverted to
        or deleted (translated), for the details."""
        idle = listing is not None and not busy
        take_reason = ""
        if options is not None and options.preferred is None:
            reasons = [c.reason for c in options.choices if c.reason is not None]
            take_reason = translate_message(reasons[0]) if reasons else ""
        self._enable(self.take_action, idle and options is not None and not take_reason,
                     take_reason, self.tr("Save the guest's present state to come back to"))
        revert = delete = None
        if listing is not None and snapshot is not None:
            revert = revert_refusal(listing.host, snapshot)
            delete = delete_refusal(listing.host, snapshot, False, listing.snapshots)
        selected = idle and snapshot is not None
        self._enable(self.revert_action, selected and revert is None,
                     translate_message(revert) if revert else "",
                     self.tr("Bring the guest back to the selected snapshot"))
        self._enable(self.delete_action, selected and delete is None,
                     translate_message(delete) if delete else "",
                     self.tr("Delete the selected snapshot"))
        self._enable(self.describe_action, selected, "",
                     self.tr("Change the selected snapshot's description"))
        self.refresh_action.setEnabled(not busy)
        return [translate_message(r) for r in dict.fromkeys((revert, delete)) if r]

    def _add(self, text: str, slot: Slot, key: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if key:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._page.addAction(action)
        self.addAction(action)
        return action

    @staticmethod
    def _enable(action: QAction, enabled: bool, reason: str, tip: str) -> None:
        action.setEnabled(enabled)
        action.setToolTip(reason or tip)
