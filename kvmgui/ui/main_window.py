"""The main window: filter bar and inventory tree on the left, details on the right.

Keyboard: Tab goes filter → state → tree → details; in the filter, Down or Enter moves to the
tree and Escape clears it. Every frequent action has a shortcut shown in its menu.
"""

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel, QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QObject,
    QPoint, Qt, Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QMainWindow, QSplitter, QTreeView, QVBoxLayout, QWidget,
)

from kvmgui.ui import texts
from kvmgui.ui.details.details_pane import DetailsPane
from kvmgui.ui.filter_bar import FilterBar
from kvmgui.ui.icons import themed_icon
from kvmgui.ui.inventory_filter import InventoryFilter
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.preferences import OPTIONAL_COLUMNS, SPARKLINE_COLUMNS, Preferences
from kvmgui.ui.roles import Category, Column, NodeKind, Role


WINDOW_SIZE = (1280, 800)
_NAME_WIDTH = 190
_DETAILS_MIN_WIDTH = 380  # what the details pane keeps when the tree's columns want more
# Typical values of the columns whose values are not words the texts module translates.
_COLUMN_SAMPLES = {
    Column.VCPUS: ("128",), Column.MEMORY: ("12.5 GiB",), Column.CAPACITY: ("100 GiB",),
    Column.ALLOCATION: ("56.6 GiB",), Column.FORWARD: ("isolated",), Column.BRIDGE: ("brvlan10",),
    Column.VLAN: ("10, 20",),
}


def _shortcut(standard: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's keys for `standard`, or `fallback` where the platform has none."""
    keys = QKeySequence.keyBindings(standard)
    return keys if keys else [QKeySequence(fallback)]


class MainWindow(QMainWindow):
    """Shows one `InventoryModel`; knows nothing of libvirt.

    `preferences` is shared with the features installed into the window (they reach it as
    `window.preferences`).

    Signals:
        closing(): the window accepted a close (its state is about to go away).
    """

    closing = Signal()

    # Drawn by the performance feature, which shows and hides them (see Preferences.sparklines).
    sparkline_columns = tuple(sorted(SPARKLINE_COLUMNS))

    def __init__(self, model: InventoryModel, preferences: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("kvmgui"))
        self.model = model
        self.preferences = preferences
        self.proxy = InventoryFilter(self)
        self.proxy.setSourceModel(model)

        self.filter_bar = FilterBar(self)
        self.tree = QTreeView(self)
        # Without a query the tree shows the model itself: through the proxy each of the thousands
        # of rows the view lays out after an insert costs several more calls into Python (event
        # to painted row at 2000 domains: p95 about 70 ms through the proxy, 23-35 ms without).
        self.tree.setModel(model)
        # The source model sorts itself (see InventoryModel.sort); the header only asks it to.
        header = self.tree.header()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(model.sort)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)  # keeps layout O(visible rows) with thousands of rows
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(self.tr("Inventory"))
        widths = self._column_widths()
        for column, width in widths.items():
            self.tree.setColumnWidth(column, width)
        for column in self.sparkline_columns:
            header.hideSection(column)  # sparklines are off by default (they need sampling)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        # Enter or a double-click on a domain row emits `activated`: the VM windows feature
        # (kvmgui.ui.vm_window) opens the domain's window there.
        self.details = DetailsPane(model, self)
        self.details.setAccessibleName(self.tr("Details"))
        self.details.tabs.setAccessibleName(self.tr("Details pages"))
        self.details.page.setAccessibleName(self.tr("Summary"))

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.tree)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # Every column shows whole at the default size (no column cut at the tree's edge).
        tree_width = min(sum(widths.values()) + self.tree.verticalScrollBar().sizeHint().width()
                         + 2 * self.tree.frameWidth() + 8, WINDOW_SIZE[0] - _DETAILS_MIN_WIDTH)
        self.splitter.setSizes([tree_width, WINDOW_SIZE[0] - tree_width])
        self.setCentralWidget(self.splitter)

        self.filter_bar.queryChanged.connect(self._set_query)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        for shown in (model, self.proxy):
            shown.rowsInserted.connect(
                lambda parent, first, last, shown=shown: self._expand_new_rows(
                    shown, parent, first, last))
        if model.rowCount():  # connections added before the window existed
            self._expand_new_rows(model, QModelIndex(), 0, model.rowCount() - 1)
        self._build_menus()
        self.apply_column_preferences()
        self.preferences.changed.connect(self._preferences_changed)
        self.filter_bar.text.installEventFilter(self)
        QWidget.setTabOrder(self.filter_bar.text, self.filter_bar.state)
        QWidget.setTabOrder(self.filter_bar.state, self.tree)
        QWidget.setTabOrder(self.tree, self.details.tabs)
        self.resize(*WINDOW_SIZE)

    # ---- public ------------------------------------------------------------------------------

    def select(self, source_index: QModelIndex) -> None:
        """Make the object at `source_index` of the inventory model current and visible."""
        index = self.view_index(source_index)
        if index.isValid():
            self.tree.scrollTo(index)
            self.tree.setCurrentIndex(index)

    def selected_source_indexes(self) -> list[QModelIndex]:
        rows = self.tree.selectionModel().selectedRows(Column.NAME)
        return [self.source_index(i) for i in rows]

    def view_index(self, source_index: QModelIndex) -> QModelIndex:
        """The tree's index for a row of the inventory model (invalid if the filter hides it)."""
        if self.tree.model() is self.proxy:
            return self.proxy.mapFromSource(source_index)
        return QModelIndex(source_index)

    def source_index(self, view_index: QModelIndex) -> QModelIndex:
        """The inventory model's index for one of the tree's indexes."""
        if self.tree.model() is self.proxy:
            return self.proxy.mapToSource(view_index)
        return QModelIndex(view_index)

    def apply_column_preferences(self) -> None:
        """Show the columns the preferences ask for (the sparkline ones are left alone)."""
        header = self.tree.header()
        hidden = self.preferences.hidden_columns
        for column in OPTIONAL_COLUMNS:
            header.setSectionHidden(column, column in hidden)
        for column, action in self.column_actions.items():
            action.setChecked(column not in hidden)

    def open_preferences(self) -> None:
        """Show the preferences dialog (window-modal, without a nested event loop)."""
        from kvmgui.ui.dialogs.preferences_dialog import PreferencesDialog  # on first use

        uri = self._current_uri()
        dialog = PreferencesDialog(self.preferences, self._names(uri, Category.POOLS),
                                   self._names(uri, Category.NETWORKS), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_about(self) -> None:
        from kvmgui.ui.dialogs.about_dialog import AboutDialog  # on first use

        dialog = AboutDialog(self.model.connections(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.closing.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter_bar.text and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._focus_tree()
                return True
            if event.key() == Qt.Key.Key_Escape and self.filter_bar.text.text():
                self.filter_bar.text.clear()
                return True
        return super().eventFilter(watched, event)

    # ---- internals ---------------------------------------------------------------------------

    def _column_widths(self) -> dict[Column, int]:
        """Room for each column's title (and the sort arrow) and its typical values, in the
        current language and font."""
        title, cell = self.tree.header().fontMetrics(), self.tree.fontMetrics()
        words = {Column.STATE: texts.state_words(),
                 Column.AUTOSTART: [texts.yes_no(True), texts.yes_no(False)]}
        widths = {Column.NAME: _NAME_WIDTH}
        for column in OPTIONAL_COLUMNS:
            samples = [*words.get(column, ()), *_COLUMN_SAMPLES.get(column, ())]
            widths[column] = max([title.horizontalAdvance(texts.column(column)) + 20]
                                 + [cell.horizontalAdvance(s) + 14 for s in samples])
        return widths

    def _build_menus(self) -> None:
        self.file_menu = file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.refresh_action = self._action(
            self.tr("&Refresh"), self._refresh_current, "view-refresh",
            _shortcut(QKeySequence.StandardKey.Refresh, "F5"),
            self.tr("Read the current connection's objects again"))
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        self.preferences_action = self._action(
            self.tr("&Preferences…"), self.open_preferences, "preferences-system",
            [QKeySequence("Ctrl+,")])
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("&Quit"), self.close, "application-exit",
                                        _shortcut(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.quit_action)

        # Other menus (Connection, Domain, ...) are inserted before View by the actions controller.
        self.view_menu = view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.filter_action = self._action(self.tr("&Filter…"), self._focus_filter, "edit-find",
                                          _shortcut(QKeySequence.StandardKey.Find, "Ctrl+F"))
        view_menu.addAction(self.filter_action)
        self.tree_action = self._action(self.tr("Go to the &list"), self._focus_tree, "",
                                        [QKeySequence("Ctrl+L")])
        view_menu.addAction(self.tree_action)
        # In the tree, "*" unfolds the current row's subtree and Left folds it (Qt's own keys).
        self.expand_action = self._action(self.tr("&Expand all"), self.tree.expandAll, "", [])
        view_menu.addAction(self.expand_action)
        self.collapse_action = self._action(self.tr("&Collapse all"), self.tree.collapseAll, "",
                                            [])
        view_menu.addAction(self.collapse_action)
        self.columns_menu = view_menu.addMenu(self.tr("C&olumns"))
        self.column_actions: dict[Column, QAction] = {}
        for column in OPTIONAL_COLUMNS:
            action = QAction(texts.column(column), self)
            action.setCheckable(True)
            action.toggled.connect(lambda shown, c=column: self._show_column(c, shown))
            self.columns_menu.addAction(action)
            self.column_actions[column] = action

        self.help_menu = help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = self._action(self.tr("&About kvmgui"), self.open_about,
                                         "help-about", [])
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)
        about_qt = self._action(self.tr("About &Qt"), QApplication.aboutQt, "", [])
        about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        help_menu.addAction(about_qt)

    def _action(self, text: str, slot: Callable[[], object], icon_name: str,
                keys: list[QKeySequence], tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        if icon_name:
            action.setIcon(themed_icon(icon_name, QIcon()))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # `checked` is not for slot
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _focus_filter(self) -> None:
        self.filter_bar.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.text.selectAll()

    def _focus_tree(self) -> None:
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        shown = self.tree.model()
        if not self.tree.currentIndex().isValid() and shown.rowCount():
            self.tree.setCurrentIndex(shown.index(0, 0))

    def _show_column(self, column: Column, shown: bool) -> None:
        hidden = self.preferences.hidden_columns
        wanted = hidden - {column} if shown else hidden | {column}
        if wanted != hidden:
            self.preferences.update(hidden_columns=wanted)

    def _header_menu(self, pos: QPoint) -> None:
        self.columns_menu.popup(self.tree.header().mapToGlobal(pos))

    def _preferences_changed(self, names: frozenset[str]) -> None:
        if "hidden_columns" in names:
            self.apply_column_preferences()

    def _current_uri(self) -> str:
        uri = self.tree.currentIndex().data(Role.URI)
        if uri:
            return str(uri)
        connected = [c for c in self.model.connections() if c.inventory is not None]
        return connected[0].uri if connected else ""

    def _names(self, uri: str, category: Category) -> list[str]:
        """Names of the objects in one category of a connection, as the tree shows them."""
        parent = self.model.find_by_name(uri) if uri else QModelIndex()
        if not parent.isValid():
            return []
        category_index = self.model.index(int(category), 0, parent)
        return sorted(str(self.model.index(row, 0, category_index).data())
                      for row in range(self.model.rowCount(category_index)))

    def _set_query(self, query: object) -> None:
        self.proxy.set_query(query)  # type: ignore[arg-type]
        self._show(self.model if self.proxy.query.is_empty else self.proxy)
        if not self.proxy.query.is_empty:
            self.tree.expandAll()  # matches deep in the tree should be visible at once

    def _show(self, shown: QAbstractItemModel) -> None:
        """Put the model or the filter under the tree, keeping unfolded, selected and current
        rows and the one selection model others listen to."""
        if self.tree.model() is shown:
            return
        selection = self.tree.selectionModel()
        current = self.source_index(self.tree.currentIndex())
        selected = self.selected_source_indexes()
        # Plain indexes are enough: the inventory model does not change during this call.
        unfolded = [i for i in self._folders() if self.tree.isExpanded(self.view_index(i))]
        self.tree.setModel(shown)
        self.tree.selectionModel().deleteLater()  # the one setModel made; ours stays
        selection.setModel(shown)
        self.tree.setSelectionModel(selection)
        for index in unfolded:
            self.tree.expand(self.view_index(index))
        for index in selected:
            view = self.view_index(index)
            if view.isValid():
                selection.select(view, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
        view = self.view_index(current)
        if view.isValid():
            selection.setCurrentIndex(view, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _folders(self) -> list[QModelIndex]:
        """The inventory model's rows that can unfold: connections, categories, pools."""
        folders, stack = [], [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                if not index.flags() & Qt.ItemFlag.ItemNeverHasChildren:
                    folders.append(index)
                    stack.append(index)
        return folders

    def _expand_new_rows(self, shown: QAbstractItemModel, parent: QModelIndex, first: int,
                         last: int) -> None:
        # Connections open with their domain list unfolded; other categories stay folded.
        if shown is not self.tree.model():
            return  # the filter's rows while the tree shows the model, or the other way round
        if parent.isValid() and parent.data(Role.KIND) != NodeKind.CONNECTION:
            return  # objects, not connections or categories: thousands at once, none to unfold
        for row in range(first, last + 1):
            index = shown.index(row, 0, parent)
            kind = index.data(Role.KIND)
            if kind == NodeKind.CONNECTION:
                self.tree.expand(index)
                for child_row in range(shown.rowCount(index)):
                    child = shown.index(child_row, 0, index)
                    if child.data(Role.SNAPSHOT) == Category.DOMAINS:
                        self.tree.expand(child)
            elif kind == NodeKind.CATEGORY and index.data(Role.SNAPSHOT) == Category.DOMAINS:
                self.tree.expand(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.details.show_index(self.source_index(current))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        count = len(self.tree.selectionModel().selectedRows())
        self.statusBar().showMessage(
            self.tr("%n object(s) selected", "", count) if count > 1 else "")

    def _refresh_current(self) -> None:
        uri = self.tree.currentIndex().data(Role.URI)
        connections = [self.model.connection(uri)] if uri else self.model.connections()
        for conn in connections:
            if conn is not None:
                conn.refresh()
