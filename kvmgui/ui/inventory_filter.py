"""The filter box's matching, as a proxy over the inventory model (which sorts itself)."""

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from kvmgui.logic.filtering import FilterQuery
from kvmgui.ui.roles import Column, NodeKind, Role


class InventoryFilter(QSortFilterProxyModel):
    """Shows objects that match the query, with the rows above them (recursive filtering)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = FilterQuery()
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)

    @property
    def query(self) -> FilterQuery:
        return self._query

    def set_query(self, query: FilterQuery) -> None:
        if query != self._query:
            self.beginFilterChange()
            self._query = query
            self.endFilterChange()

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._query.is_empty:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        kind = index.data(Role.KIND)
        if kind == NodeKind.CONNECTION:
            return True  # a connection row always shows, so its state stays visible
        if kind == NodeKind.CATEGORY:
            return False  # shown only when a child matches (recursive filtering)
        texts = [model.index(source_row, c, source_parent).data() or "" for c in Column]
        return self._query.matches(index.data(Role.SNAPSHOT), texts)
