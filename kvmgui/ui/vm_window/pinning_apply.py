"""Applying a pinning: what changes now and in the definition is shown first (the live pins in
words, the definition as an XML diff), and only an accepted dialog runs the job on the
connection's action worker."""

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from kvmgui.logic.pinning_rules import PinningFacts, PinPlan, Pinning, change_text
from kvmgui.ui.editors.diff_dialog import DiffDialog, change_diff
from kvmgui.ui.i18n import translate_message
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import DefineConflict
from kvmgui.virt.errors import error_text
from kvmgui.virt.pinning_jobs import PinningRefused, PinRequest, PinResult, apply_pinning


class PinningApply(QObject):
    """One apply, from its dialog to libvirt's answer.

    Signals:
        finished(bool, str): True once applied; False if cancelled, refused or failed. The text
            says what happened ("" when cancelled); a refusal or failure changed nothing.
    """

    finished = Signal(bool, str)

    def __init__(self, parent: QWidget, connection: Connection, uuid: str, facts: PinningFacts,
                 planned: PinPlan, wanted: Pinning, live: bool, config: bool) -> None:
        super().__init__(parent)
        self._parent = parent
        self._connection = connection
        self._uuid = uuid
        self._request = PinRequest(wanted, live, config, facts.saved_xml)
        self._facts = facts
        self.planned = planned
        self.dialog: DiffDialog | None = None

    def start(self) -> DiffDialog:
        planned = self.planned
        extra = []
        if planned.live_changes:
            extra.append(self.tr("Now, on the running virtual machine:"))
            extra += ["  " + translate_message(change_text(c)) for c in planned.live_changes]
        if planned.saved_changes:
            extra.append(self.tr("In the definition, from the next start:"))
            extra += ["  " + translate_message(change_text(c)) for c in planned.saved_changes]
        diff = ""
        if planned.new_xml is not None:
            diff = change_diff(self._facts.saved_xml, planned.new_xml,
                               old_label=self.tr("saved"), new_label=self.tr("new"))
        dialog = DiffDialog(self.tr("Apply vCPU pinning"),
                            self.tr("These pins change:"), diff, accept_text=self.tr("Apply"),
                            extra=extra, parent=self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._run)
        dialog.rejected.connect(lambda: self.finished.emit(False, ""))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _run(self) -> None:
        self._connection.run_action(apply_pinning(self._uuid, self._request), self._done,
                                    self._failed)

    def _done(self, result: PinResult) -> None:
        if not isValid(self):
            return
        parts = []
        if result.live_changes:
            parts.append(self.tr("%n pin(s) changed on the running virtual machine.", "",
                                 result.live_changes))
        if result.saved_changes:
            parts.append(self.tr("%n pin(s) saved in the definition.", "", result.saved_changes))
        self.finished.emit(True, " ".join(parts) or self.tr("Nothing needed to change."))

    def _failed(self, exc: Exception) -> None:
        if not isValid(self):
            return
        if isinstance(exc, PinningRefused):
            text = self.tr("Not applied: %s") % translate_message(exc.message)
        elif isinstance(exc, DefineConflict):
            text = self.tr("Another client changed the definition meanwhile, so nothing was "
                           "changed. The pins were read again: check them and apply once more.")
        else:
            text = self.tr("libvirt refused the pinning; nothing was changed: %s") \
                % error_text(exc)
        self.finished.emit(False, text)
