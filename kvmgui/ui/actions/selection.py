"""Read the tree's selection and the model's objects as plain snapshots, per kind."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.roles import Category, NodeKind, Role
from kvmgui.core.snapshots import DomainInfo, NetworkInfo, PoolInfo


@dataclass(frozen=True, slots=True)
class Selected:
    """One selected row: its connection, its snapshot, and a persistent index for progress."""

    uri: str
    kind: NodeKind
    snapshot: Any
    index: QPersistentModelIndex

    @property
    def name(self) -> str:
        if self.kind == NodeKind.CONNECTION:
            return self.uri
        return str(self.snapshot.name)


def selected_items(indexes: list[QModelIndex]) -> list[Selected]:
    """The selected rows (source-model indexes) that are objects or connections."""
    items = []
    for index in indexes:
        kind = index.data(Role.KIND)
        if kind is None or kind == NodeKind.CATEGORY:
            continue
        items.append(Selected(index.data(Role.URI), NodeKind(kind), index.data(Role.SNAPSHOT),
                              QPersistentModelIndex(index)))
    return items


def of_kind(items: list[Selected], kind: NodeKind) -> list[Selected]:
    return [i for i in items if i.kind == kind]


def _category_rows(model: InventoryModel, uri: str, category: Category) -> list[Any]:
    for row in range(model.rowCount()):
        conn_index = model.index(row, 0)
        if conn_index.data(Role.KEY) == uri:
            cat_index = model.index(int(category), 0, conn_index)
            return [model.index(r, 0, cat_index).data(Role.SNAPSHOT)
                    for r in range(model.rowCount(cat_index))]
    return []


def pools_of(model: InventoryModel, uri: str) -> list[PoolInfo]:
    return _category_rows(model, uri, Category.POOLS)


def networks_of(model: InventoryModel, uri: str) -> list[NetworkInfo]:
    return _category_rows(model, uri, Category.NETWORKS)


def domains_of(model: InventoryModel, uri: str) -> list[DomainInfo]:
    return model.domains(uri)


def parent_pool(item: Selected) -> PoolInfo:
    """The pool a selected volume belongs to (its parent row)."""
    pool: PoolInfo = item.index.parent().data(Role.SNAPSHOT)
    return pool
