"""The main window comes back as it was left: geometry, toolbars, splitter, tree columns and the
last selected object.

    keeper = WindowStateKeeper(window, QSettings())   # after the window is built, before show()

The state is saved when the window closes (and when the application quits without closing it).
The last selection (connection URI, row kind, row key) is restored when that connection's
inventory arrives, unless the user has selected something by then.
"""

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QModelIndex, QObject, QSettings
from PySide6.QtWidgets import QApplication

from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.roles import NodeKind, Role
from kvmgui.virt.connection import Connection

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
SPLITTER_KEY = "window/splitter"
HEADER_KEY = "window/tree_header"
SELECTION_URI_KEY = "window/selection_uri"
SELECTION_KIND_KEY = "window/selection_kind"
SELECTION_KEY_KEY = "window/selection_key"


@dataclass(frozen=True, slots=True)
class SavedSelection:
    uri: str
    kind: NodeKind
    key: str


class WindowStateKeeper(QObject):
    """Restores `window`'s layout now and its selection later; saves both on close."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._pending: SavedSelection | None = None
        self._pending_connection: Connection | None = None
        self.restore_layout()
        self._wait_for_selection()
        window.closing.connect(self.save)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save)  # a quit that closes no window (session end)

    # ---- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        w, s = self._window, self._settings
        s.setValue(GEOMETRY_KEY, w.saveGeometry())
        s.setValue(STATE_KEY, w.saveState())
        s.setValue(SPLITTER_KEY, w.splitter.saveState())
        s.setValue(HEADER_KEY, w.tree.header().saveState())
        selection = self._current_selection()
        # With nothing selected (e.g. that connection was not opened this time) the last
        # selection stays saved for a later start.
        if selection is not None:
            s.setValue(SELECTION_URI_KEY, selection.uri)
            s.setValue(SELECTION_KIND_KEY, selection.kind.name)
            s.setValue(SELECTION_KEY_KEY, selection.key)
        s.sync()

    def _current_selection(self) -> SavedSelection | None:
        index = self._window.tree.currentIndex()
        if not index.isValid() or not self._window.tree.selectionModel().isSelected(index):
            return None
        return SavedSelection(str(index.data(Role.URI)), NodeKind(index.data(Role.KIND)),
                              str(index.data(Role.KEY)))

    # ---- restoring ---------------------------------------------------------------------------

    def restore_layout(self) -> None:
        w, s = self._window, self._settings
        for key, restore in ((GEOMETRY_KEY, w.restoreGeometry), (STATE_KEY, w.restoreState),
                             (SPLITTER_KEY, w.splitter.restoreState)):
            data = s.value(key)
            if isinstance(data, QByteArray) and not data.isEmpty():
                restore(data)
        header = w.tree.header()
        data = s.value(HEADER_KEY)
        if isinstance(data, QByteArray) and not data.isEmpty():
            # Widths, order and sorting come from the saved state; which columns show is a
            # preference, and the sparkline columns belong to whoever draws them.
            sparklines = {c: header.isSectionHidden(c) for c in w.sparkline_columns}
            if header.restoreState(data):
                for column, hidden in sparklines.items():
                    header.setSectionHidden(column, hidden)
                w.apply_column_preferences()

    def _wait_for_selection(self) -> None:
        uri = str(self._settings.value(SELECTION_URI_KEY, ""))
        kind = str(self._settings.value(SELECTION_KIND_KEY, ""))
        key = str(self._settings.value(SELECTION_KEY_KEY, ""))
        if not uri or kind not in NodeKind.__members__:
            return
        conn = self._window.model.connection(uri)
        if conn is None:
            return
        self._pending = SavedSelection(uri, NodeKind[kind], key)
        if conn.inventory is not None:
            self._restore_selection()
        else:
            conn.inventoryLoaded.connect(self._inventory_loaded)
            self._pending_connection = conn

    def _inventory_loaded(self, _inventory: object) -> None:
        if self._pending_connection is not None:
            self._pending_connection.inventoryLoaded.disconnect(self._inventory_loaded)
            self._pending_connection = None
        self._restore_selection()

    def _restore_selection(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None or self._window.tree.selectionModel().hasSelection():
            return  # the user (or --select) chose something already
        index = self._find(pending)
        if index.isValid():
            self._window.select(index)

    def _find(self, wanted: SavedSelection) -> QModelIndex:
        """The row of the model with that URI, kind and key (a walk of one connection's rows)."""
        model = self._window.model
        stack = [model.index(row, 0) for row in range(model.rowCount())]
        stack = [i for i in stack if i.data(Role.KEY) == wanted.uri]
        while stack:
            index = stack.pop()
            if index.data(Role.KIND) == wanted.kind and index.data(Role.KEY) == wanted.key:
                return index
            stack.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))
        return QModelIndex()
