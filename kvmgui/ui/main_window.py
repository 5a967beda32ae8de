"""The main window: filter bar and inventory tree on the left, details on the right."""

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QMainWindow, QMessageBox, QSplitter, QTreeView, QVBoxLayout,
    QWidget,
)

import kvmgui
from kvmgui.ui.details.details_pane import DetailsPane
from kvmgui.ui.filter_bar import FilterBar
from kvmgui.ui.inventory_filter import InventoryFilter
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.roles import Category, Column, NodeKind, Role


_COLUMN_WIDTHS = {
    Column.NAME: 230, Column.STATE: 110, Column.VCPUS: 60, Column.MEMORY: 85,
    Column.AUTOSTART: 75, Column.CAPACITY: 85, Column.ALLOCATION: 85, Column.FORWARD: 100,
    Column.BRIDGE: 100, Column.VLAN: 60,
}


class MainWindow(QMainWindow):
    """Shows one `InventoryModel`; knows nothing of libvirt."""

    def __init__(self, model: InventoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("kvmgui"))
        self.model = model
        self.proxy = InventoryFilter(self)
        self.proxy.setSourceModel(model)

        self.filter_bar = FilterBar(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
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
        for column, width in _COLUMN_WIDTHS.items():
            self.tree.setColumnWidth(column, width)
        for column in (Column.CPU_USAGE, Column.MEMORY_USAGE):
            header.hideSection(column)  # sparklines are off by default (they need sampling)
        self.details = DetailsPane(model, self)

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
        self.splitter.setSizes([760, 520])
        self.setCentralWidget(self.splitter)

        self.filter_bar.queryChanged.connect(self._set_query)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.proxy.rowsInserted.connect(self._expand_new_rows)
        if self.proxy.rowCount():  # connections added before the window existed
            self._expand_new_rows(QModelIndex(), 0, self.proxy.rowCount() - 1)
        self._build_menus()
        self.resize(1280, 800)

    # ---- public ------------------------------------------------------------------------------

    def select(self, source_index: QModelIndex) -> None:
        """Make the object at `source_index` of the inventory model current and visible."""
        index = self.proxy.mapFromSource(source_index)
        if index.isValid():
            self.tree.scrollTo(index)
            self.tree.setCurrentIndex(index)

    def selected_source_indexes(self) -> list[QModelIndex]:
        rows = self.tree.selectionModel().selectedRows(Column.NAME)
        return [self.proxy.mapToSource(i) for i in rows]

    # ---- internals ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self._refresh_current)
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        # Other menus (Connection, Domain, ...) are inserted before View by the actions controller.
        self.view_menu = view_menu = self.menuBar().addMenu(self.tr("&View"))
        find_action = QAction(self.tr("&Filter…"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self._focus_filter)
        view_menu.addAction(find_action)
        expand = QAction(self.tr("&Expand all"), self)
        expand.triggered.connect(self.tree.expandAll)
        view_menu.addAction(expand)
        collapse = QAction(self.tr("&Collapse all"), self)
        collapse.triggered.connect(self.tree.collapseAll)
        view_menu.addAction(collapse)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About kvmgui"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _focus_filter(self) -> None:
        self.filter_bar.text.setFocus()
        self.filter_bar.text.selectAll()

    def _set_query(self, query: object) -> None:
        self.proxy.set_query(query)  # type: ignore[arg-type]
        if not self.proxy.query.is_empty:
            self.tree.expandAll()  # matches deep in the tree should be visible at once

    def _expand_new_rows(self, parent: QModelIndex, first: int, last: int) -> None:
        # Connections open with their domain list unfolded; other categories stay folded.
        for row in range(first, last + 1):
            index = self.proxy.index(row, 0, parent)
            kind = index.data(Role.KIND)
            if kind == NodeKind.CONNECTION:
                self.tree.expand(index)
                for child_row in range(self.proxy.rowCount(index)):
                    child = self.proxy.index(child_row, 0, index)
                    if child.data(Role.SNAPSHOT) == Category.DOMAINS:
                        self.tree.expand(child)
            elif kind == NodeKind.CATEGORY and index.data(Role.SNAPSHOT) == Category.DOMAINS:
                self.tree.expand(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.details.show_index(self.proxy.mapToSource(current))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        count = len(self.tree.selectionModel().selectedRows())
        self.statusBar().showMessage(self.tr("%n object(s) selected", "", count) if count > 1 else "")

    def _refresh_current(self) -> None:
        uri = self.tree.currentIndex().data(Role.URI)
        connections = [self.model.connection(uri)] if uri else self.model.connections()
        for conn in connections:
            if conn is not None:
                conn.refresh()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About kvmgui"), self.tr(
            "<b>kvmgui %s</b><p>A fast, VLAN-aware desktop manager for libvirt/KVM.</p>"
            "<p>Qt %s</p>") % (kvmgui.__version__, qVersion()))
