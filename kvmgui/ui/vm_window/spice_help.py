"""For guests with a SPICE display only: open it in remote-viewer, or add a VNC display.

Adding the display is an edit of the inactive definition through the editors' define path:
the definition is read on the worker, the change shown as a diff, and defined (conflict-
checked) only once the user accepts. It takes effect at the guest's next boot.
"""

import shutil
from dataclasses import replace

from PySide6.QtCore import QObject, QProcess, Qt, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from kvmgui.core import log
from kvmgui.core.snapshots import DomainInfo
from kvmgui.logic.console_choice import ConsoleProgram, PlanKind, console_info, console_plan
from kvmgui.ui.actions import console
from kvmgui.ui.actions.selection import Selected
from kvmgui.ui.editors.diff_dialog import DiffDialog, change_diff
from kvmgui.ui.errors import show_error
from kvmgui.ui.preferences import Preferences
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import DefineResult, DomainChange, EditSource, define_domain, read_for_edit
from kvmgui.virt.errors import error_text
from kvmgui.xml import Domain, Graphics

REMOTE_VIEWER = "remote-viewer"
# Where the added display listens: this host only (reach it through the host, or a tunnel).
VNC_LISTEN = "127.0.0.1"


def remote_viewer_installed() -> bool:
    return shutil.which(REMOTE_VIEWER) is not None


def open_in_remote_viewer(window: QWidget, item: Selected, preferences: Preferences) -> None:
    """Start remote-viewer on the domain's display (its address after "--", as data); where
    there is no address to give it (not running, a tunnel needed) say what to do instead."""
    dom: DomainInfo = item.snapshot
    plan = console_plan(item.uri, dom.name, dom.uuid, dom.active, console_info(dom.xml),
                        lambda program: shutil.which(program) is not None,
                        ConsoleProgram.REMOTE_VIEWER)
    if plan.kind is PlanKind.LAUNCH and plan.address:
        started, _pid = QProcess.startDetached(REMOTE_VIEWER, ["--", plan.address])
        if started:
            log.ui.info("console: %s -- %s", REMOTE_VIEWER, plan.address)
            return
    values = replace(preferences.values(), console_program=ConsoleProgram.REMOTE_VIEWER)
    console.open_external_viewer(window, item, values)  # explains, or says it could not start


def with_vnc_display(xml: str) -> str:
    """`xml` with a VNC display added (listening on this host, port chosen by libvirt)."""
    document = Domain.from_xml(xml)
    document.add_device(Graphics.new("vnc", listen=VNC_LISTEN))
    return document.to_xml()


class AddVncDisplay(QObject):
    """One "Add a VNC display" from reading the definition to libvirt's answer.

    Signals:
        reviewing(DiffDialog): the change is shown, waiting for the user.
        finished(bool): defined (True), or cancelled or refused (False; refusals are shown).
    """

    reviewing = Signal(object)
    finished = Signal(bool)

    def __init__(self, window: QWidget, connection: Connection, domain: DomainInfo) -> None:
        super().__init__(window)
        self._window = window
        self._connection = connection
        self._domain = domain
        self.finished.connect(self.deleteLater)

    def start(self) -> None:
        self._connection.run(read_for_edit("domain", self._domain.uuid), self._review,
                             self._failed)

    def _review(self, source: EditSource) -> None:
        if not isValid(self):
            return
        new_xml = with_vnc_display(source.xml)
        dialog = DiffDialog(
            self.tr("Add a VNC display"),
            self.tr("A VNC display is added to the definition of %s. It takes effect the next "
                    "time the guest boots.") % self._domain.name,
            change_diff(source.xml, new_xml, old_label=self.tr("current"),
                        new_label=self.tr("new")),
            accept_text=self.tr("Add"), parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._define(source.xml, new_xml))
        dialog.rejected.connect(lambda: self.finished.emit(False))
        dialog.open()
        self.reviewing.emit(dialog)

    def _define(self, original: str, new_xml: str) -> None:
        change = DomainChange(xml=new_xml, original=original, uuid=self._domain.uuid)
        self._connection.run(define_domain(change), self._defined, self._failed)

    def _defined(self, result: DefineResult) -> None:
        self._connection.refresh_object("domain", result.uuid)
        if isValid(self):
            self.finished.emit(True)

    def _failed(self, exc: Exception) -> None:
        if not isValid(self):
            return
        show_error(self._window, self.tr("Add a VNC display"),
                   self.tr("Nothing was changed: %s") % error_text(exc))
        self.finished.emit(False)
