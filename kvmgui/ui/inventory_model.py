"""The inventory tree: connection → Domains / Pools (→ volumes) / Networks / Host interfaces.

A thin adapter from `Connection` signals to Qt's model protocol: rows are keyed (UUID, volume key,
interface name) so an event updates one row in O(1) and emits one `dataChanged`; inserts and
removals are incremental. The model sorts its own rows (`sort`): a sorted batch is appended in one
insert and later rows go to their place, which is much cheaper than a proxy that asks `data()` for
every comparison.
Connection and category rows keep their order. Rows are `TreeNode`s (kvmgui.ui.tree_node); what
a cell shows comes from kvmgui.ui.inventory_cells.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kvmgui.ui import texts
from kvmgui.ui.inventory_cells import (
    NUMERIC_COLUMNS, display, foreground, icon, sort_value, tooltip,
)
from kvmgui.ui.plain_text import plain_tooltip
from kvmgui.ui.roles import Category, Column, NodeKind, Role
from kvmgui.ui.tree_node import CATEGORY_KIND, TreeNode, key_of
from kvmgui.virt.connection import Connection
from kvmgui.core.snapshots import DomainInfo, Inventory, PoolInfo

Index = QModelIndex | QPersistentModelIndex


class InventoryModel(QAbstractItemModel):
    """All connections' objects in one tree (see module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = TreeNode(NodeKind.CONNECTION, "", None, None)
        self._connections: dict[str, Connection] = {}
        self._sort_column = Column.NAME
        self._descending = False

    # ---- connections -------------------------------------------------------------------------

    def add_connection(self, conn: Connection) -> None:
        if conn.uri in self._root.by_key:
            raise ValueError(f"connection already shown: {conn.uri}")
        node = TreeNode(NodeKind.CONNECTION, conn.uri, self._root, conn)
        for cat in Category:
            child = TreeNode(NodeKind.CATEGORY, cat.name, node, cat)
            child.row = int(cat)
            node.children.append(child)
            node.by_key[cat.name] = child
        self._append(self._root, [node])
        self._connections[conn.uri] = conn
        # Every row of a connection shows whether it is connected (unknown and greyed if not).
        conn.stateChanged.connect(lambda *_: self._touch_subtree(node))
        conn.inventoryLoaded.connect(lambda inv: self._apply_inventory(node, inv))
        for cat, changed, removed in (
            (Category.DOMAINS, conn.domainChanged, conn.domainRemoved),
            (Category.POOLS, conn.poolChanged, conn.poolRemoved),
            (Category.NETWORKS, conn.networkChanged, conn.networkRemoved),
        ):
            category = node.by_key[cat.name]
            changed.connect(lambda snap, c=category: self._upsert(c, snap))
            removed.connect(lambda key, c=category: self._remove(c, [key]))

    def remove_connection(self, uri: str) -> None:
        node = self._root.by_key.get(uri)
        if node is not None:
            self._remove(self._root, [uri])
            self._connections.pop(uri, None)

    def connections(self) -> list[Connection]:
        return list(self._connections.values())

    def connection(self, uri: str) -> Connection | None:
        return self._connections.get(uri)

    def find(self, uri: str, category: Category, key: str) -> QModelIndex:
        """Index of an object's row, or an invalid index."""
        conn_node = self._root.by_key.get(uri)
        if conn_node is None:
            return QModelIndex()
        node = conn_node.by_key[category.name].by_key.get(key)
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def find_by_name(self, name: str) -> QModelIndex:
        """First object, in any connection, whose name is `name`; a URI names its connection
        (for --select)."""
        if name in self._root.by_key:
            node = self._root.by_key[name]
            return self.createIndex(node.row, 0, node)
        for conn_node in self._root.children:
            for category in conn_node.children:
                for node in category.children:
                    if getattr(node.payload, "name", None) == name:
                        return self.createIndex(node.row, 0, node)
        return QModelIndex()

    def domains(self, uri: str) -> list[DomainInfo]:
        conn_node = self._root.by_key.get(uri)
        if conn_node is None:
            return []
        return [n.payload for n in conn_node.by_key[Category.DOMAINS.name].children]

    def pools(self, uri: str) -> list[PoolInfo]:
        conn_node = self._root.by_key.get(uri)
        if conn_node is None:
            return []
        return [n.payload for n in conn_node.by_key[Category.POOLS.name].children]

    def set_busy(self, index: Index, text: str) -> None:
        """Show the progress of an action on a row ("" clears it)."""
        node = self._node(index)
        if node is not None and node.busy != text:
            node.busy = text
            self._touch(node)

    # ---- sorting ----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order every object list by `column` (ties by name); keeps persistent indexes valid."""
        self._sort_column = Column(column)
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_nodes = [(self._node(i), i.column()) for i in old]
        for conn_node in self._root.children:
            for category in conn_node.children:
                self._sort_children(category)
                for node in category.children:
                    if node.children:
                        self._sort_children(node)
        new = [self.createIndex(n.row, c, n) if n is not None else QModelIndex()
               for n, c in old_nodes]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sort_children(self, parent: TreeNode) -> None:
        for node in parent.children:
            node.sort_key = self._key_for(node)
        parent.children.sort(key=lambda n: n.sort_key, reverse=self._descending)
        for row, node in enumerate(parent.children):
            node.row = row

    def _key_for(self, node: TreeNode) -> tuple[Any, ...]:
        return (sort_value(node, self._sort_column), str(node.payload.name).casefold(), node.key)

    def _position(self, parent: TreeNode, sort_key: tuple[Any, ...],
                  skip: TreeNode | None = None) -> int:
        """Row where a node with `sort_key` belongs among `parent`'s children (a linear scan:
        single events are rare next to the batch insert of a whole inventory)."""
        row = 0
        for child in parent.children:
            if child is skip:
                continue
            if (child.sort_key > sort_key) if not self._descending else (child.sort_key < sort_key):
                break
            row += 1
        return row

    # ---- applying snapshots ------------------------------------------------------------------

    def _apply_inventory(self, conn_node: TreeNode, inventory: Inventory) -> None:
        groups: tuple[tuple[Category, Sequence[Any]], ...] = (
            (Category.DOMAINS, inventory.domains), (Category.POOLS, inventory.pools),
            (Category.NETWORKS, inventory.networks), (Category.INTERFACES, inventory.interfaces))
        for cat, items in groups:
            self._merge(conn_node.by_key[cat.name], items)
        self._touch(conn_node)

    def _merge(self, parent: TreeNode, snapshots: Iterable[Any]) -> None:
        """Make `parent`'s children exactly `snapshots`: update, insert and remove by key."""
        if parent.kind == NodeKind.CATEGORY:
            kind = CATEGORY_KIND[parent.payload]
        else:
            kind = NodeKind.VOLUME
        fresh = {key_of(kind, s): s for s in snapshots}
        gone = [key for key in parent.by_key if key not in fresh]
        if gone:
            self._remove(parent, gone)
        new_nodes = []
        for key, snap in fresh.items():
            node = parent.by_key.get(key)
            if node is None:
                new_nodes.append(self._make_node(kind, key, parent, snap))
            elif node.payload != snap:
                self._update(node, snap)
        if new_nodes:
            self._insert(parent, new_nodes)

    def _make_node(self, kind: NodeKind, key: str, parent: TreeNode, snap: Any) -> TreeNode:
        node = TreeNode(kind, key, parent, snap)
        node.sort_key = self._key_for(node)
        if kind == NodeKind.POOL:
            for vol in snap.volumes:
                child = TreeNode(NodeKind.VOLUME, vol.key, node, vol)
                node.children.append(child)
                node.by_key[vol.key] = child
            self._sort_children(node)
        return node

    def _upsert(self, parent: TreeNode, snap: Any) -> None:
        kind = CATEGORY_KIND[parent.payload]
        key = key_of(kind, snap)
        node = parent.by_key.get(key)
        if node is None:
            self._insert(parent, [self._make_node(kind, key, parent, snap)])
        else:
            self._update(node, snap)

    def _update(self, node: TreeNode, snap: Any) -> None:
        node.payload = snap
        self._touch(node)
        self._reposition(node)
        if node.kind == NodeKind.POOL:
            self._merge(node, snap.volumes)

    def _reposition(self, node: TreeNode) -> None:
        """Move a row whose sort key changed (e.g. its state, when sorted by state)."""
        key = self._key_for(node)
        if key == node.sort_key or node.parent is None:
            return
        node.sort_key = key
        parent = node.parent
        target = self._position(parent, key, skip=node)
        if target == node.row:
            return
        parent_index = self._index_of(parent)
        # beginMoveRows counts the destination before the move: past the source row, add one.
        destination = target + 1 if target > node.row else target
        self.beginMoveRows(parent_index, node.row, node.row, parent_index, destination)
        parent.children.pop(node.row)
        parent.children.insert(target, node)
        for row in range(min(node.row, target), len(parent.children)):
            parent.children[row].row = row
        self.endMoveRows()

    def _insert(self, parent: TreeNode, nodes: list[TreeNode]) -> None:
        """Insert new rows at their sorted places: one batch when the list is empty (first load)."""
        if not parent.children or parent.kind == NodeKind.CONNECTION:
            if parent.kind != NodeKind.CONNECTION:
                nodes.sort(key=lambda n: n.sort_key, reverse=self._descending)
            self._append(parent, nodes)
            return
        for node in nodes:
            row = self._position(parent, node.sort_key)
            self.beginInsertRows(self._index_of(parent), row, row)
            parent.children.insert(row, node)
            parent.by_key[node.key] = node
            for later in range(row, len(parent.children)):
                parent.children[later].row = later
            self.endInsertRows()

    def _append(self, parent: TreeNode, nodes: list[TreeNode]) -> None:
        first = len(parent.children)
        self.beginInsertRows(self._index_of(parent), first, first + len(nodes) - 1)
        for offset, node in enumerate(nodes):
            node.row = first + offset
            parent.children.append(node)
            parent.by_key[node.key] = node
        self.endInsertRows()

    def _remove(self, parent: TreeNode, keys: Iterable[str]) -> None:
        rows = sorted((parent.by_key[k].row for k in keys if k in parent.by_key), reverse=True)
        if not rows:
            return
        parent_index = self._index_of(parent)
        for row in rows:  # removed from the bottom up, so earlier rows keep their numbers
            self.beginRemoveRows(parent_index, row, row)
            node = parent.children.pop(row)
            del parent.by_key[node.key]
            self.endRemoveRows()
        for row in range(rows[-1], len(parent.children)):
            parent.children[row].row = row

    def _touch(self, node: TreeNode) -> None:
        left = self.createIndex(node.row, 0, node)
        right = self.createIndex(node.row, _COLUMN_COUNT - 1, node)
        self.dataChanged.emit(left, right)

    def _touch_subtree(self, conn_node: TreeNode) -> None:
        """One dataChanged for the connection's row and one per list of rows below it."""
        self._touch(conn_node)
        self._touch_children(conn_node)
        for category in conn_node.children:
            self._touch_children(category)
            for node in category.children:
                self._touch_children(node)  # a pool's volumes

    def _touch_children(self, parent: TreeNode) -> None:
        if parent.children:
            first, last = parent.children[0], parent.children[-1]
            self.dataChanged.emit(self.createIndex(first.row, 0, first),
                                  self.createIndex(last.row, _COLUMN_COUNT - 1, last))

    def _index_of(self, node: TreeNode) -> QModelIndex:
        if node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def _node(self, index: Index) -> TreeNode | None:
        if not index.isValid():
            return None
        node: TreeNode = index.internalPointer()
        return node

    # ---- Qt model protocol -------------------------------------------------------------------
    # Called by the view (through the filter proxy) for every visible cell and, on each relayout
    # after an insert, for every unfolded row: thousands of calls, so enum work is done once at
    # import (see the constants below the class) and not per call.

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        # An invalid parent's pointer is None: one call into Qt instead of two.
        children = (parent.internalPointer() or self._root).children
        if 0 <= row < len(children) and 0 <= column < _COLUMN_COUNT:
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        node = self._node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._root.children)
        if parent.column() != 0:
            return 0
        return len(parent.internalPointer().children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return _COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return texts.column(Column(section))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        # Saying which rows never have children spares the view a rowCount per row when it
        # lays out thousands of them.
        return _LEAF_FLAGS if index.internalPointer().kind in _LEAF_KINDS else _ROW_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = _CELLS.get(role)
        if cell is None or not index.isValid():
            return None  # the many roles a view asks that rows do not set (font, colours...)
        return cell(index.internalPointer(), _COLUMNS[index.column()])


_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_LEAF_FLAGS = _ROW_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
_LEAF_KINDS = frozenset({NodeKind.DOMAIN, NodeKind.NETWORK, NodeKind.INTERFACE, NodeKind.VOLUME})
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

# What each role of a cell holds: role -> (row, column) -> value.
_CELLS: dict[int, Callable[[TreeNode, Column], Any]] = {
    int(Qt.ItemDataRole.DisplayRole): display,
    int(Qt.ItemDataRole.DecorationRole): lambda node, column: (
        icon(node) if column == Column.NAME else None),
    # A path or libvirt's error: not markup.
    int(Qt.ItemDataRole.ToolTipRole): lambda node, _column: plain_tooltip(tooltip(node)),
    int(Qt.ItemDataRole.ForegroundRole): foreground,  # greyed while not connected
    int(Qt.ItemDataRole.TextAlignmentRole): lambda _node, column: (
        _RIGHT_ALIGNED if column in NUMERIC_COLUMNS else None),
    int(Role.SORT): sort_value,
    int(Role.KIND): lambda node, _column: node.kind,
    int(Role.KEY): lambda node, _column: node.key,
    int(Role.SNAPSHOT): lambda node, _column: node.payload,
    int(Role.URI): lambda node, _column: node.connection_node().key,
    int(Role.BUSY): lambda node, _column: node.busy,
}
