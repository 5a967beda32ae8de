"""An entry of the Domain menu (also the domains' context menu) that opens the selected
domain's VM window on one of its pages: the common part of "Take snapshot…" and "Add
hardware…".

    class TakeSnapshotAction(DomainPageAction):
        def __init__(self, feature, domain_actions, menu, before):
            super().__init__(feature, domain_actions, DomainAction.TAKE_SNAPSHOT, menu, before,
                             lambda: self.take_snapshot())
            self.describe(self.tr("Take &snapshot…"), self.tr("Save the domain's …"))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.actions.domain_actions import DomainActions

if TYPE_CHECKING:
    from kvmgui.ui.vm_window.install import VmWindowsFeature

PageT = TypeVar("PageT", bound=QWidget)


class DomainPageAction(QObject):
    """The QAction (`action`), enabled by the domain actions' rule for `key` (exactly one
    domain selected, its connection up); triggering it calls `on_trigger`."""

    def __init__(self, feature: VmWindowsFeature, domain_actions: DomainActions,
                 key: DomainAction, menu: QMenu, before: QAction,
                 on_trigger: Callable[[], object]) -> None:
        super().__init__(feature)
        self._feature = feature
        self._domain_actions = domain_actions
        self._key = key
        self.action = QAction(domain_actions.window)
        self.action.triggered.connect(lambda _checked=False: on_trigger())
        menu.insertAction(before, self.action)
        domain_actions.govern(key, self.action)

    def describe(self, text: str, tooltip: str) -> None:
        """The entry's (translated) text, and its tooltip, also shown in the status bar."""
        self.action.setText(text)
        self.action.setToolTip(tooltip)
        self.action.setStatusTip(tooltip)

    def show_page(self, name: str, page_type: type[PageT]) -> PageT | None:
        """The selected domain's VM window, opened on its page `name` (None unless the rule
        offers the action for the selection)."""
        items = self._domain_actions.selected()
        if len(items) != 1 or not self._domain_actions.ready(self._key, items[0]):
            return None
        view = self._feature.manager.open(items[0].uri, items[0].snapshot.uuid)
        if view is None:
            return None
        view.show_page(name)
        page = view.page(name)
        assert isinstance(page, page_type)
        return page
