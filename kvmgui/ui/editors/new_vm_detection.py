"""The new-VM wizard's OS detection: the ISO the user chose is read off the GUI thread, its
identifiers matched against osinfo-db (``kvmgui.logic.iso_media``), and the result shown on
the install page.

The detected OS replaces the first page's choice only when that was "Generic or unknown" or
an earlier detection; a choice the user made stays, and a button offers the detected one.
Only a local connection's files can be read: for a remote host the page says so.
"""

from PySide6.QtCore import QObject

from kvmgui.core.uris import is_local
from kvmgui.logic.iso_media import Detection, detect
from kvmgui.logic.osinfo import GENERIC_OS, OsEntry
from kvmgui.ui.editors.editor_context import EditorContext
from kvmgui.ui.editors.editor_dialog import while_alive
from kvmgui.ui.editors.new_vm_install_page import InstallPage
from kvmgui.ui.editors.new_vm_pages import OsPage
from kvmgui.virt.connection import Connection


class IsoDetection(QObject):
    def __init__(self, conn: Connection, context: EditorContext, os_page: OsPage,
                 install_page: InstallPage, arch: str) -> None:
        super().__init__(install_page)
        self._conn = conn
        self._context = context
        self._os_page = os_page
        self._page = install_page
        self._arch = arch
        self._detected: OsEntry | None = None
        self._applied = ""  # the OS id this detection put on the first page
        install_page.isoChosen.connect(self.detect)
        install_page.useDetectedClicked.connect(self._use_detected)

    def detect(self, path: str) -> None:
        self._detected = None
        if not path:
            self._page.show_detection("")
            return
        if not is_local(self._context.uri):
            self._page.show_detection(self.tr(
                "Detecting the operating system needs a local file, and this connection's "
                "host is another machine: choose the operating system on the first page."))
            return
        self._page.show_detection(self.tr("Detecting the operating system…"))
        database, arch = self._os_page.database, self._arch
        # The connection's worker reads the file: a slow or hung mount must not freeze the GUI.
        self._conn.run(lambda _conn: detect(database, path, arch),
                       while_alive(self, self._finished),
                       while_alive(self, lambda exc: self._failed(path, exc)))

    def _current(self, path: str) -> bool:
        return path == self._page.iso.currentText().strip()  # else the user moved on

    def _finished(self, result: Detection) -> None:
        if not self._current(result.path):
            return
        if result.identity is None:
            self._page.show_detection(self.tr("This file is not an ISO 9660 image: choose the "
                                              "operating system on the first page."))
            return
        found = result.os
        if found is None:
            self._page.show_detection(self.tr(
                "The ISO (volume %s) was not recognised: choose the operating system on the "
                "first page.") % result.identity.volume_id)
            return
        self._detected = found
        chosen = self._os_page.selected_os()
        if chosen.id == found.id:
            self._page.show_detection(self.tr("Detected from the ISO: %s.") % found.name)
        elif chosen.id in (GENERIC_OS.id, self._applied):
            self._use_detected()
        else:
            self._page.show_detection(self.tr("The ISO holds %s; the first page says %s.")
                                      % (found.name, chosen.name), offer=found.name)

    def _use_detected(self) -> None:
        found = self._detected
        if found is None:
            return
        self._os_page.select_os(found.short_id)
        self._applied = found.id
        self._page.show_detection(self.tr("Detected from the ISO: %s (set on the first page).")
                                  % found.name)

    def _failed(self, path: str, exc: Exception) -> None:
        if self._current(path):
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self._page.show_detection(self.tr("The ISO could not be read to detect its "
                                              "operating system: %s") % reason)
