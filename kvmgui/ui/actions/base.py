"""What every group of object actions shares: QActions enabled by the selection, confirmation
(one for many objects), and handing tasks to the runner."""

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow

from kvmgui.logic.action_rules import DESTRUCTIVE, connection_up, needs_confirmation
from kvmgui.ui.actions.runner import ActionRunner, Task
from kvmgui.ui.actions.selection import Selected, of_kind, selected_items
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.preferences import Preferences
from kvmgui.ui.roles import NodeKind
from kvmgui.virt.actions import Job, KeyedJob
from kvmgui.virt.connection import ObjectKind
from kvmgui.core.snapshots import DomainInfo

JobFor = Callable[[Selected], Job]


class Spec(NamedTuple):
    """How one simple action is run and asked about."""

    job: KeyedJob  # takes the object's UUID
    title: str  # the confirmation's title and button, the summary's title
    progress: str  # shown in the row while it runs, e.g. "starting…"
    question: Callable[[int], str]  # "Start %n domain(s)?"
    detail: str = ""  # what the user should know before confirming


class ObjectActions(QObject):
    """A set of QActions for one kind of object; subclasses say what each action can do.

    `preferences` are the application's (whether to confirm, which console viewer)."""

    kind: NodeKind

    def __init__(self, window: QMainWindow, model: InventoryModel, runner: ActionRunner,
                 selection: Callable[[], list[Selected]], preferences: Preferences) -> None:
        super().__init__(window)
        self.window = window
        self.model = model
        self.runner = runner
        self.preferences = preferences
        self._selection = selection
        self.actions: dict[Any, QAction] = {}

    # ---- for subclasses ----------------------------------------------------------------------

    def can(self, key: Any, item: Selected) -> bool:
        raise NotImplementedError

    def add(self, key: Enum, text: str, handler: Callable[..., None], shortcut: str = "",
            icon: QIcon | None = None, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(icon)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(handler)
        action.setEnabled(False)
        self.actions[key] = action
        return action

    def handler(self, run: Callable[[Any], None], key: Enum) -> Callable[[], None]:
        """A slot that runs `run(key)` (QAction.triggered also passes `checked`: not wanted)."""
        return lambda: run(key)

    def selected(self) -> list[Selected]:
        return of_kind(self._selection(), self.kind)

    def ready(self, key: Any, item: Selected) -> bool:
        """`key` makes sense for the object now (its connection is up, so its state is known),
        and no other action on it is under way."""
        return self.connected(item) and not self.runner.is_running(item) and self.can(key, item)

    def connected(self, item: Selected) -> bool:
        conn = self.model.connection(item.uri)
        return conn is not None and connection_up(conn.state)

    def why_not(self, item: Selected) -> str:
        """Why an object of the selection is skipped (for the summary)."""
        if not self.connected(item):
            return self.tr("not connected")
        if self.runner.is_running(item):
            return self.tr("another action on it is under way")
        return self.tr("not possible in its current state")

    def update(self, items: Sequence[Selected]) -> None:
        """Enable each action that at least one selected object of our kind can do now."""
        mine = of_kind(list(items), self.kind)
        for key, action in self.actions.items():
            action.setEnabled(any(self.ready(key, i) for i in mine))

    def run_simple(self, key: Enum, title: str, progress: str, job_for: JobFor,
                   refresh_kind: ObjectKind, question: Callable[[int], str], detail: str = "",
                   until: Callable[[DomainInfo], bool] | None = None) -> None:
        """Act on every selected object that can; the rest are reported as skipped."""
        items = self.selected()
        applicable = [i for i in items if self.ready(key, i)]
        if not applicable:
            return
        skipped = [(i, self.why_not(i)) for i in items if not self.ready(key, i)]
        tasks = [Task(i, job_for(i), ((refresh_kind, i.snapshot.uuid),), until) for i in applicable]
        self.confirm_then(key in DESTRUCTIVE, applicable, title, question(len(applicable)), detail,
                          lambda: self.runner.run(title, progress, tasks, skipped))

    def confirm_then(self, destructive: bool, items: Sequence[Selected], title: str,
                     question: str, detail: str, go: Callable[[], None],
                     accept_text: str = "") -> None:
        """Ask (when the rules say so), then `go()`; cancelling changes nothing."""
        if not needs_confirmation(destructive, len(items), self.preferences.confirm_destructive):
            go()
            return
        several_hosts = len({i.uri for i in items}) > 1
        names = [f"{i.name} ({i.uri})" if several_hosts else i.name for i in items]
        from kvmgui.ui.dialogs.confirm_dialog import ConfirmDialog  # on first use: start-up

        self.open_dialog(ConfirmDialog(title, question, names, accept_text or title, self.window,
                                       detail=detail, destructive=destructive), go)

    def open_dialog(self, dialog: QDialog, on_accept: Callable[[], None]) -> None:
        """Show `dialog` window-modal without a nested event loop; `on_accept` if accepted."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(on_accept)
        dialog.open()


def current_selection(window: Any) -> Callable[[], list[Selected]]:
    """The selection reader for a MainWindow (its `selected_source_indexes`)."""
    return lambda: selected_items(window.selected_source_indexes())
