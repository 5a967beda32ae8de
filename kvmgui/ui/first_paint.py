"""The `first paint` log line: when the user first sees a connection's rows.

"Inventory ready" says the data arrived; what a user waits for is the tree painted with it. This
watches the window's paints, then the tree viewport's, and for each connection it waits for logs
once (logger kvmgui.app, INFO) after the first paint that followed the arrival of that
connection's inventory:

    first paint: test:///path/host.xml rows=2002
"""

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QWidget

from kvmgui.core import log
from kvmgui.core.snapshots import ConnectionState
from kvmgui.ui.inventory_model import InventoryModel


class FirstPaintLog(QObject):
    """Logs `first paint: <uri> rows=<n>` once for each of `uris` (n: its object rows).

    It watches the window first: its first paint paints every child, the tree's rows included.
    Rows that arrive later repaint only the tree's viewport, so only then does it watch that.
    (Asking for the viewport costs ~12 ms the first time: see docs/ARCHITECTURE.md, Start-up.)
    """

    def __init__(self, tree: QAbstractItemView, model: InventoryModel, uris: Iterable[str]) -> None:
        super().__init__(tree)
        self._tree = tree
        self._window = tree.window()
        self._watched: QWidget = self._window
        self._model = model
        self._waiting = set(uris)
        if self._waiting:
            self._watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._waiting.difference_update(
                [uri for uri in self._waiting if self._failed(uri)])  # never painted with rows
            loaded = sorted(uri for uri in self._waiting if self._loaded(uri))
            if loaded:
                self._waiting.difference_update(loaded)
                # Logged on the next turn of the event loop: after this paint has been done.
                QTimer.singleShot(0, lambda: self._log(loaded))
            if not self._waiting:
                self._watched.removeEventFilter(self)
            elif self._watched is self._window:  # rows still to come repaint the viewport alone
                self._window.removeEventFilter(self)
                self._watched = self._tree.viewport()
                self._watched.installEventFilter(self)
        return False

    def _failed(self, uri: str) -> bool:
        conn = self._model.connection(uri)
        return conn is None or conn.state == ConnectionState.ERROR

    def _loaded(self, uri: str) -> bool:
        conn = self._model.connection(uri)
        return conn is not None and conn.inventory is not None

    def _log(self, uris: list[str]) -> None:
        for uri in uris:
            log.app.info("first paint: %s rows=%d", uri, self._object_rows(uri))

    def _object_rows(self, uri: str) -> int:
        """Rows of the connection's objects (every category; volumes not counted)."""
        conn_index = self._model.find_by_name(uri)
        if not conn_index.isValid():
            return 0
        categories = (self._model.index(row, 0, conn_index)
                      for row in range(self._model.rowCount(conn_index)))
        return sum(self._model.rowCount(category) for category in categories)
