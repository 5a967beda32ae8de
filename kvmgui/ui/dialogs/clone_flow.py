"""Clone… from the first click to the end, for one domain: read its inactive definition on
the worker, ask (CloneDialog, with its review), then run the clone with its progress dialog.

While the clone runs the source's row says "cloning…" and its other actions wait (the action
runner holds it), in the main window and in its VM window alike.

    CloneFlow(window, model, runner, selected_domain).start()
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow
from shiboken6 import isValid

from kvmgui.core.snapshots import DomainInfo
from kvmgui.logic.clone_plan import ClonePlan
from kvmgui.ui.actions.runner import ActionRunner
from kvmgui.ui.actions.selection import Selected, pools_of
from kvmgui.ui.dialogs.clone_dialog import CloneDialog
from kvmgui.ui.dialogs.clone_progress import CloneProgressDialog
from kvmgui.ui.errors import show_error
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.roles import Role
from kvmgui.virt.clone_run import CloneOutcome, CloneResult, CloneRun
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import EditSource, read_for_edit
from kvmgui.virt.errors import error_text
from kvmgui.xml import XmlSyntaxError


class CloneFlow(QObject):
    """One clone of `item` (a selected domain), started from `window`. It lives under the
    runner, so a clone goes on when the VM window it was started from closes; it deletes
    itself when it is over."""

    def __init__(self, window: QMainWindow, model: InventoryModel, runner: ActionRunner,
                 item: Selected) -> None:
        super().__init__(runner)
        self.window = window
        self.model = model
        self.runner = runner
        self.item = item
        self.dialog: CloneDialog | None = None
        self.progress: CloneProgressDialog | None = None
        self.run: CloneRun | None = None
        self.connection: Connection | None = model.connection(item.uri)
        self._release: Callable[[], None] = lambda: None  # hold() gives the real one

    def start(self) -> None:
        connection = self.connection
        if connection is None:
            self._error(self.tr("Not connected to %s") % self.item.uri)
            return
        uuid = self.item.snapshot.uuid
        connection.run(read_for_edit("domain", uuid), self._read,
                       lambda exc: self._error(error_text(exc)))

    # ---- steps --------------------------------------------------------------------------------

    def _read(self, source: EditSource) -> None:
        if not isValid(self.window):
            self.deleteLater()
            return
        snapshot = self.item.index.data(Role.SNAPSHOT) if self.item.index.isValid() else None
        domain: DomainInfo = snapshot if isinstance(snapshot, DomainInfo) else self.item.snapshot
        try:
            dialog = CloneDialog(domain, source.xml, pools_of(self.model, self.item.uri),
                                 self.model.domains(self.item.uri), self.window)
        except (XmlSyntaxError, ValueError) as exc:
            self._error(self.tr("The definition of %(name)s cannot be read: %(error)s")
                        % {"name": domain.name, "error": exc})
            return
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._go(dialog.plan))
        dialog.rejected.connect(self.deleteLater)
        dialog.open()

    def _go(self, plan: ClonePlan) -> None:
        assert self.connection is not None
        self._release = self.runner.hold(self.item, self.tr("cloning…"))
        self.run = CloneRun(self.connection, plan, self)
        self.run.finished.connect(self._finished)
        if isValid(self.window):
            self.progress = CloneProgressDialog(self.run, self.window)
            self.progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.progress.show()
        self.run.start()

    def _finished(self, result: CloneResult) -> None:
        self._release()
        if result.outcome is CloneOutcome.DONE and isValid(self.window):
            assert self.run is not None
            self.window.statusBar().showMessage(
                self.tr("%(source)s was cloned as %(name)s") % {
                    "source": self.run.plan.source_name, "name": self.run.plan.name}, 8000)
        if self.progress is not None and isValid(self.progress):
            self.progress.destroyed.connect(self.deleteLater)  # it still shows the run
            return
        if result.outcome is not CloneOutcome.DONE:
            # The window it was started from (and its progress dialog) closed meanwhile.
            main_window = self.runner.parent()
            if isinstance(main_window, QMainWindow) and isValid(main_window):
                show_error(main_window, self.tr("Clone"), self._outcome_text(result))
        self.deleteLater()

    def _outcome_text(self, result: CloneResult) -> str:
        assert self.run is not None
        head = (self.tr("Cloning %(source)s failed: %(error)s") if result.outcome is
                CloneOutcome.FAILED else self.tr("Cloning %(source)s was cancelled.")) % {
            "source": self.run.plan.source_name, "error": result.error}
        lines = [head]
        if result.removed:
            lines.append(self.tr("Removed what it had created: %s") % ", ".join(result.removed))
        if result.leftovers:
            lines.append(self.tr("Could not remove: %s") % "; ".join(result.leftovers))
        return "\n".join(lines)

    def _error(self, text: str) -> None:
        if isValid(self.window):
            show_error(self.window, self.tr("Clone"), text)
        self.deleteLater()
