"""A domain's snapshots as a tree (parent → children, oldest first), for the Snapshots page.

Rows are rebuilt from each new list (a domain has a handful of snapshots, and libvirt gives
no finer news); an unchanged list changes nothing, so the selection stays put.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel, QDateTime, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from kvmgui.logic.snapshot_rules import SnapshotInfo, children_of
from kvmgui.ui.icons import action_icon
from kvmgui.ui.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex


class SnapshotRole(IntEnum):
    INFO = Qt.ItemDataRole.UserRole + 1  # the row's SnapshotInfo
    NAME = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    NAME = 0
    CREATED = 1
    STATE = 2
    TYPE = 3
    DESCRIPTION = 4


class _Node:
    __slots__ = ("info", "parent", "children", "row")

    def __init__(self, info: SnapshotInfo | None, parent: _Node | None, row: int) -> None:
        self.info = info
        self.parent = parent
        self.children: list[_Node] = []
        self.row = row


class SnapshotTreeModel(QAbstractItemModel):
    """See the module docstring; `set_snapshots` takes a new list."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node(None, None, 0)
        self._snapshots: tuple[SnapshotInfo, ...] = ()
        self._by_name: dict[str, _Node] = {}

    # ---- public ------------------------------------------------------------------------------

    @property
    def snapshots(self) -> tuple[SnapshotInfo, ...]:
        return self._snapshots

    def set_snapshots(self, snapshots: Sequence[SnapshotInfo]) -> None:
        new = tuple(snapshots)
        if new == self._snapshots:
            return
        self.beginResetModel()
        self._snapshots = new
        self._root = _Node(None, None, 0)
        self._by_name = {}
        tree = children_of(new)
        pending: list[tuple[_Node, str | None]] = [(self._root, None)]
        while pending:
            node, name = pending.pop()
            for info in tree.get(name, []):
                if info.name in self._by_name:
                    continue  # the same name twice (damaged metadata): shown once
                child = _Node(info, node, len(node.children))
                node.children.append(child)
                self._by_name[info.name] = child
                pending.append((child, info.name))
        self.endResetModel()

    def index_of(self, name: str, column: int = 0) -> QModelIndex:
        node = self._by_name.get(name)
        return QModelIndex() if node is None else self.createIndex(node.row, column, node)

    def info(self, index: Index) -> SnapshotInfo | None:
        node = self._node(index)
        return None if node is self._root else node.info

    # ---- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Created"), self.tr("State"), self.tr("Type"),
                self.tr("Description"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self.info(index) if index.isValid() else None
        if info is None:
            return None
        column = Column(index.column())
        if role == SnapshotRole.INFO:
            return info
        if role == SnapshotRole.NAME:
            return info.name
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(info, column)
        if role == Qt.ItemDataRole.FontRole and info.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole:
            if column is Column.NAME and info.current:
                return QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_DialogApplyButton)
            if column is Column.STATE:
                return _state_icon(info)
        return None

    # ---- texts -------------------------------------------------------------------------------

    def _text(self, info: SnapshotInfo, column: Column) -> str:
        if column is Column.NAME:
            return info.name
        if column is Column.CREATED:
            return created_text(info)
        if column is Column.STATE:
            return self.state_text(info)
        if column is Column.TYPE:
            return self.kind_text(info)
        return info.description.split("\n", 1)[0]

    def _tooltip(self, info: SnapshotInfo, column: Column) -> str | None:
        if column is Column.NAME and info.current:
            return plain_tooltip(self.tr("%s is the current snapshot: the guest's present "
                                         "state grew from it") % info.name)
        if column is Column.DESCRIPTION and info.description:
            return plain_tooltip(info.description)
        return None

    def state_text(self, info: SnapshotInfo) -> str:
        if info.disk_only:
            return self.tr("Disk only")
        return {"running": self.tr("Running"), "blocked": self.tr("Running"),
                "paused": self.tr("Paused"), "pmsuspended": self.tr("Suspended"),
                "shutdown": self.tr("Shutting down"), "shutoff": self.tr("Shut off"),
                "crashed": self.tr("Crashed")}.get(info.state, info.state or self.tr("Unknown"))

    def kind_text(self, info: SnapshotInfo) -> str:
        return self.tr("External") if info.external else self.tr("Internal")

    def _node(self, index: Index) -> _Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node


def created_text(info: SnapshotInfo) -> str:
    if info.created is None:
        return ""
    # Year first: unambiguous in every language, and sorts like the tree does.
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(info.created), "yyyy-MM-dd HH:mm")


def _state_icon(info: SnapshotInfo) -> Any:
    if info.disk_only:
        return None
    name = {"running": "start", "blocked": "start", "paused": "pause",
            "pmsuspended": "pause"}.get(info.state, "shutdown")
    return action_icon(name)
