"""The Snapshots page of the VM window: the domain's snapshot tree, the selected snapshot in
full, and Take snapshot…, Revert…, Delete…, Edit description….

libvirt sends no snapshot events, so the list is read again (on the connection's worker) when
the page is shown, when its window becomes active again (the user may have used virsh
meanwhile), when the domain changes, and after each of our own actions. What this host cannot
do is said up front (kvmgui.logic.snapshot_rules): such actions are disabled with the reason,
and the jobs ask the same rules again before touching anything.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QImage, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QSplitter, QTreeView, QVBoxLayout, QWidget,
)
from shiboken6 import isValid

from kvmgui.core.snapshots import DomainInfo
from kvmgui.logic.snapshot_rules import (
    CreateOptions, SnapshotInfo, create_options, default_name, delete_refusal, descendants,
    external_limit,
)
from kvmgui.ui.editors.diff_dialog import DiffDialog, change_diff
from kvmgui.ui.i18n import translate_message
from kvmgui.ui.plain_text import plain_label
from kvmgui.ui.vm_window.snapshots_create_dialog import CreateSnapshotDialog
from kvmgui.ui.vm_window.snapshots_details import SnapshotDetails
from kvmgui.ui.vm_window.snapshots_dialogs import (
    DeleteSnapshotDialog, DescriptionDialog, RevertDialog,
)
from kvmgui.ui.vm_window.snapshots_model import SnapshotTreeModel
from kvmgui.ui.vm_window.snapshots_thumbnails import ThumbnailStore
from kvmgui.ui.vm_window.snapshots_toolbar import SnapshotToolbar
from kvmgui.virt.actions import Job
from kvmgui.virt.connection import Connection
from kvmgui.virt.define import DefineConflict
from kvmgui.virt.errors import error_text
from kvmgui.virt.snapshot_jobs import (
    CreateRequest, CreateResult, SnapshotList, SnapshotRefused, create_snapshot,
    delete_snapshot, list_snapshots, redefine_snapshot, revert_snapshot,
)
from kvmgui.xml import Domain, XmlSyntaxError
from kvmgui.xml.snapshot import DomainSnapshot

ERROR_STYLE = "color: #d64545"


class SnapshotsPage(QWidget):
    """See the module docstring.

    Signals:
        listed(): a fresh list of snapshots is on show.
        actionFinished(bool): one of our actions ended (True: it succeeded).
    """

    listed = Signal()
    actionFinished = Signal(bool)

    def __init__(self, connection: Connection, uuid: str, parent: QWidget | None = None,
                 store: ThumbnailStore | None = None) -> None:
        super().__init__(parent)
        self._connection = connection
        self._uuid = uuid
        self.thumbnails = store or ThumbnailStore()
        self._domain: DomainInfo | None = None
        self._list: SnapshotList | None = None
        self._live: Domain | None = None  # the domain's live XML, as the rules judged it
        self._options: CreateOptions | None = None
        self._loading = self._again = self._want_create = False
        self._busy = ""
        self._selected = ""  # the selected snapshot's name, kept across refreshes

        self.toolbar = SnapshotToolbar(self, self.take_snapshot, self.revert_selected,
                                       self.delete_selected, self.edit_description, self.refresh)
        self.take_action, self.revert_action = self.toolbar.take_action, self.toolbar.revert_action
        self.delete_action = self.toolbar.delete_action
        self.describe_action = self.toolbar.describe_action
        self.note = plain_label("", self)
        self.message = plain_label("", self)
        for label in (self.note, self.message):
            label.setWordWrap(True)
            label.setContentsMargins(6, 2, 6, 2)
            label.hide()
        self.model = SnapshotTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnWidth(0, 220)
        self.tree.activated.connect(lambda _index: self.revert_selected())
        self.tree.selectionModel().currentChanged.connect(lambda *_a: self._current_changed())
        self.details = SnapshotDetails(self.model, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.toolbar, self.note, self.message):
            layout.addWidget(widget)
        layout.addWidget(self.splitter, 1)
        self._update()

    # ---- VmPage ------------------------------------------------------------------------------

    def set_domain(self, domain: DomainInfo) -> None:
        changed = self._domain is not None and domain != self._domain
        self._domain = domain
        if changed and self.isVisible():  # (once shown again, it reads them anyway)
            self.refresh()  # a revert, a start, another client's snapshot of a running guest

    def close_page(self) -> None:
        self._want_create = False

    # ---- public ------------------------------------------------------------------------------

    @property
    def snapshot_list(self) -> SnapshotList | None:
        return self._list

    def refresh(self) -> None:
        """Read the snapshots again (once more after the read under way, if one is)."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._connection.run(list_snapshots(self._uuid), self._listed, self._list_failed)

    def select(self, name: str) -> None:
        index = self.model.index_of(name)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def selected(self) -> SnapshotInfo | None:
        return self.model.info(self.tree.currentIndex())

    def take_snapshot(self) -> None:
        """Open the Take snapshot dialog (as soon as the host's answers are known)."""
        if self._list is None or self._loading:
            self._want_create = True
            self.refresh()
            return
        self._want_create = False
        domain, options = self._live, self._options
        if domain is None or options is None or self._busy:
            return
        names = [s.name for s in self._list.snapshots]
        dialog = CreateSnapshotDialog(options, domain, names, default_name(datetime.now(), names),
                                      self)
        self._open(dialog, lambda: self._confirm_create(dialog))

    def revert_selected(self) -> None:
        snapshot = self.selected()
        if snapshot is None or not self.revert_action.isEnabled():
            return
        dialog = RevertDialog(snapshot, self.model.state_text(snapshot), self)
        self._open(dialog, lambda: self._run(
            revert_snapshot(self._uuid, snapshot.name, dialog.target()),
            self.tr("Reverting to %s…") % snapshot.name,
            self.tr("Reverted to %s.") % snapshot.name, refresh_domain=True))

    def delete_selected(self) -> None:
        snapshot = self.selected()
        listing = self._list
        if snapshot is None or listing is None or not self.delete_action.isEnabled():
            return
        below = descendants(listing.snapshots, snapshot.name)
        refusals = {flag: delete_refusal(listing.host, snapshot, flag, listing.snapshots)
                    for flag in (False, True)}
        dialog = DeleteSnapshotDialog(snapshot, below, refusals, self)
        self._open(dialog, lambda: self._run(
            delete_snapshot(self._uuid, snapshot.name, dialog.delete_children()),
            self.tr("Deleting %s…") % snapshot.name, self.tr("Deleted %s.") % snapshot.name,
            then=lambda names: self.thumbnails.remove(self._uuid, names)))

    def edit_description(self) -> None:
        snapshot = self.selected()
        if snapshot is None or self._busy:
            return
        dialog = DescriptionDialog(snapshot, self)
        self._open(dialog, lambda: self._confirm_description(snapshot, dialog.description()))

    # ---- Qt events ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
                and self.isVisible()):
            self.refresh()  # back from a terminal where virsh may have made one

    # ---- reading -----------------------------------------------------------------------------

    def _listed(self, listing: SnapshotList) -> None:
        if not isValid(self):
            return
        self._loading = False
        self._list = listing
        self._live = self._live_domain(listing)
        self._options = (None if self._live is None
                         else create_options(listing.host, self._live, listing.state))
        keep = self._selected
        self.model.set_snapshots(listing.snapshots)
        self.tree.expandAll()
        for column in range(1, self.model.columnCount()):
            self.tree.resizeColumnToContents(column)
        if keep:
            self.select(keep)
        self._show_note(listing)
        self._current_changed()
        self.listed.emit()
        if self._again:
            self._again = False
            self.refresh()
        elif self._want_create:
            self.take_snapshot()

    def _list_failed(self, exc: Exception) -> None:
        if not isValid(self):
            return
        self._loading = self._want_create = False
        self._say(self.tr("Cannot read the snapshots: %s") % error_text(exc), error=True)
        self._update()
        if self._again:
            self._again = False
            self.refresh()

    def _show_note(self, listing: SnapshotList) -> None:
        limit = external_limit(listing.host)
        shown = limit is not None and any(s.external for s in listing.snapshots)
        self.note.setText(translate_message(limit) if limit is not None and shown else "")
        self.note.setVisible(shown)

    def _live_domain(self, listing: SnapshotList) -> Domain | None:
        try:
            return Domain.from_xml(listing.domain_xml)
        except (ValueError, XmlSyntaxError) as exc:
            self._say(self.tr("Cannot read the domain's definition: %s") % exc, error=True)
            return None

    # ---- acting ------------------------------------------------------------------------------

    def _confirm_create(self, dialog: CreateSnapshotDialog) -> None:
        request, kind = dialog.request(), dialog.kind()
        if request is None or kind is None:
            return
        xml = request.to_xml()
        diff = DiffDialog(self.tr("Take snapshot"),
                          self.tr("libvirt is asked to take this snapshot:"),
                          change_diff(None, xml, new_label="snapshot"),
                          accept_text=self.tr("Take snapshot"), parent=self)
        name = request.name or ""
        job = create_snapshot(self._uuid, CreateRequest(xml, kind,
                                                        dialog.quiesce_check.isChecked()))
        self._open(diff, lambda: self._run(job, self.tr("Taking snapshot %s…") % name,
                                           self.tr("Snapshot %s taken.") % name,
                                           then=self._created, refresh_domain=True))

    def _created(self, result: CreateResult) -> None:
        if result.screenshot is not None:
            self.thumbnails.save(self._uuid, result.name, result.screenshot.data)
        self._selected = result.name

    def _confirm_description(self, snapshot: SnapshotInfo, text: str) -> None:
        try:
            document = DomainSnapshot.from_xml(snapshot.xml)
        except (ValueError, XmlSyntaxError) as exc:
            self._say(self.tr("Cannot read the snapshot's XML: %s") % exc, error=True)
            return
        document.description = text or None
        new = document.to_xml()
        diff_text = change_diff(snapshot.xml, new)
        if not diff_text:
            self._say(self.tr("The description is unchanged."))
            return
        diff = DiffDialog(self.tr("Edit description"),
                          self.tr("The snapshot's metadata changes like this:"), diff_text,
                          accept_text=self.tr("Apply"), parent=self)
        self._open(diff, lambda: self._run(
            redefine_snapshot(self._uuid, snapshot.name, snapshot.xml, new),
            self.tr("Saving the description…"), self.tr("Description of %s saved.")
            % snapshot.name))

    def _run(self, job: Job, progress: str, done: str,
             then: Callable[[Any], None] | None = None, refresh_domain: bool = False) -> None:
        self._busy = progress
        self._say(progress)
        self._update()

        def finished(result: Any) -> None:
            if not isValid(self):
                return
            if then is not None:
                then(result)
            self._ended(done, error=False, refresh_domain=refresh_domain)

        def failed(exc: Exception) -> None:
            if isValid(self):
                self._ended(self._failure_text(exc), error=True, refresh_domain=refresh_domain)

        self._connection.run_action(job, finished, failed)

    def _ended(self, text: str, error: bool, refresh_domain: bool) -> None:
        self._busy = ""
        self._say(text, error=error)
        self.refresh()
        if refresh_domain:
            self._connection.refresh_object("domain", self._uuid)
        self._update()
        self.actionFinished.emit(not error)

    def _failure_text(self, exc: Exception) -> str:
        if isinstance(exc, SnapshotRefused):
            return self.tr("Nothing was changed: %s") % translate_message(exc.message)
        if isinstance(exc, DefineConflict):
            return self.tr("Another client changed this snapshot meanwhile; nothing was "
                           "changed. The list now shows it as it is.")
        return self.tr("Failed: %s") % error_text(exc)

    # ---- the view ----------------------------------------------------------------------------

    def _open(self, dialog: Any, on_accept: Callable[[], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(on_accept)
        dialog.open()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(text))

    def _current_changed(self) -> None:
        snapshot = self.selected()
        if snapshot is not None:
            self._selected = snapshot.name
        self._update()

    def _update(self) -> None:
        snapshot = self.selected()
        limits = self.toolbar.update_actions(self._list, self._options, snapshot,
                                             bool(self._busy))
        picture = (self.thumbnails.load(self._uuid, snapshot.name) if snapshot is not None
                   else QImage())
        self.details.hint.setText(
            self.tr("Select a snapshot to see it here.") if self.model.snapshots else
            self.tr("No snapshots yet. Take snapshot… saves the guest's present state, to "
                    "come back to later."))
        self.details.show_snapshot(snapshot, picture, limits)
