"""The toolbar's Delete (and the Del key in the tree): removes the selected objects of one kind
through that kind's own action, so it asks exactly as the menu entry does."""

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from kvmgui.ui.actions.selection import Selected
from kvmgui.ui.icons import action_icon
from kvmgui.ui.roles import NodeKind


class DeleteSelected(QObject):
    """`action` stands for the delete action of the selected kind (`targets`: a domain's
    Delete…, a volume's Delete volume…, a pool's or network's Undefine…). A selection of
    several kinds would ask several questions at once: the action then waits for one kind."""

    def __init__(self, window: QWidget, targets: Mapping[NodeKind, QAction]) -> None:
        super().__init__(window)
        self._targets = dict(targets)
        self._target: QAction | None = None
        self._default_tip = self.tr("Delete the selected objects (asks first)")
        self.action = QAction(action_icon("delete"), self.tr("De&lete…"), window)
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.action.triggered.connect(self._trigger)
        self.action.setEnabled(False)
        self._show_tip(self._default_tip)

    def update(self, items: Sequence[Selected]) -> None:
        """Follow the selection; call after the per-kind actions have been updated."""
        kinds = {item.kind for item in items if item.kind in self._targets}
        self._target = self._targets[next(iter(kinds))] if len(kinds) == 1 else None
        self.action.setEnabled(self._target is not None and self._target.isEnabled())
        if self._target is not None and self._target.toolTip():
            self._show_tip(self._target.toolTip())
        elif len(kinds) > 1:
            self._show_tip(self.tr("Select objects of one kind to delete them"))
        else:
            self._show_tip(self._default_tip)

    def _show_tip(self, tip: str) -> None:
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    def _trigger(self) -> None:
        target = self._target
        if target is not None and target.isEnabled():
            target.trigger()
