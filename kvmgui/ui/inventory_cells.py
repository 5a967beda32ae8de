"""What the inventory tree shows in each cell of a row: text, sort value, icon and tooltip.

Pure functions of a `TreeNode` and a column, used by InventoryModel.data() and its sorting.
"""

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from kvmgui.core import units
from kvmgui.core.snapshots import ConnectionState
from kvmgui.ui import icons, texts
from kvmgui.ui.roles import Column, NodeKind
from kvmgui.ui.tree_node import TreeNode
from kvmgui.virt.connection import Connection

NUMERIC_COLUMNS = (Column.VCPUS, Column.MEMORY, Column.CAPACITY, Column.ALLOCATION)


def offline(node: TreeNode) -> bool:
    """A row under a connection that is not connected now: what it shows may be stale."""
    if node.kind == NodeKind.CONNECTION:
        return False
    conn: Connection = node.connection_node().payload
    return conn.state != ConnectionState.CONNECTED


def foreground(node: TreeNode, _column: Column) -> QBrush | None:
    """Rows of a connection that is not connected are greyed."""
    if not offline(node):
        return None
    return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def _state_text(node: TreeNode) -> str:
    p = node.payload
    if node.kind == NodeKind.CONNECTION:
        # One word: the whole message is in the tooltip and the summary.
        return node.busy or texts.connection_status(p.state)
    if node.kind != NodeKind.CATEGORY and offline(node):
        return texts.unknown_state() if node.kind != NodeKind.VOLUME else ""
    if node.busy:
        return node.busy
    if node.kind == NodeKind.DOMAIN:
        return texts.domain_state(p)
    if node.kind in (NodeKind.POOL, NodeKind.NETWORK, NodeKind.INTERFACE):
        return texts.active(p.active)
    return ""


def display(node: TreeNode, column: Column) -> str:
    p = node.payload
    if column == Column.NAME:
        if node.kind == NodeKind.CONNECTION:
            return _connection_label(p)
        if node.kind == NodeKind.CATEGORY:
            return texts.category(p)
        return str(p.name)
    if column == Column.STATE:
        return _state_text(node)
    getters = _COLUMN_GETTERS.get(node.kind, {})
    getter = getters.get(column)
    return getter(p) if getter is not None else ""


def _connection_label(conn: Connection) -> str:
    inventory = conn.inventory
    if inventory is not None:
        return f"{inventory.host.hostname} — {conn.uri}" if not conn.uri.startswith("test") \
            else inventory.host.hostname
    return conn.uri


def _vlan_text(tags: Iterable[int]) -> str:
    return ", ".join(str(t) for t in tags)


_COLUMN_GETTERS: dict[NodeKind, dict[Column, Callable[[Any], str]]] = {
    NodeKind.DOMAIN: {
        Column.VCPUS: lambda d: str(d.vcpus),
        Column.MEMORY: lambda d: units.format_kib(d.memory_kib),
        Column.AUTOSTART: lambda d: texts.yes_no(d.autostart) if d.persistent else "",
    },
    NodeKind.POOL: {
        Column.AUTOSTART: lambda p: texts.yes_no(p.autostart),
        Column.CAPACITY: lambda p: units.format_bytes(p.capacity),
        Column.ALLOCATION: lambda p: units.format_bytes(p.allocation),
        Column.FORWARD: lambda p: p.pool_type,
    },
    NodeKind.VOLUME: {
        Column.CAPACITY: lambda v: units.format_bytes(v.capacity),
        Column.ALLOCATION: lambda v: units.format_bytes(v.allocation),
        Column.FORWARD: lambda v: v.format,
    },
    NodeKind.NETWORK: {
        Column.AUTOSTART: lambda n: texts.yes_no(n.autostart),
        Column.FORWARD: lambda n: texts.forward_mode(n.forward_mode),
        Column.BRIDGE: lambda n: n.bridge,
        Column.VLAN: lambda n: _vlan_text(n.vlans),
    },
    NodeKind.INTERFACE: {
        Column.FORWARD: lambda i: i.iface_type,
        Column.BRIDGE: lambda i: ", ".join(i.members) if i.iface_type == "bridge" else "",
        Column.VLAN: lambda i: "" if i.vlan is None else str(i.vlan),
    },
}


def sort_value(node: TreeNode, column: Column) -> Any:
    p = node.payload
    if node.kind in (NodeKind.CONNECTION, NodeKind.CATEGORY):
        return node.row  # connections and categories keep their order
    numeric = _NUMERIC_FIELDS.get(column)
    if numeric is not None:
        return getattr(p, numeric, 0)
    return display(node, column).casefold()


# Columns sorted by a number rather than by their text: the snapshot field holding it.
_NUMERIC_FIELDS = {Column.VCPUS: "vcpus", Column.MEMORY: "memory_kib",
                   Column.CAPACITY: "capacity", Column.ALLOCATION: "allocation"}


def icon(node: TreeNode) -> Any:
    if offline(node):
        return icons.greyed(_icon(node))
    return _icon(node)


def _icon(node: TreeNode) -> Any:
    p = node.payload
    if node.kind == NodeKind.CONNECTION:
        return icons.connection_icon(p.state)
    if node.kind == NodeKind.CATEGORY:
        return icons.category_icon(p)
    if node.kind == NodeKind.DOMAIN:
        return icons.domain_icon(p)
    if node.kind == NodeKind.VOLUME:
        return icons.active_icon(NodeKind.VOLUME, True)
    return icons.active_icon(node.kind, p.active)


def tooltip(node: TreeNode) -> str:
    if node.kind == NodeKind.CONNECTION:
        conn: Connection = node.payload
        return f"{conn.uri}\n{texts.connection_state(conn.state, conn.message)}"
    lines = [str(node.payload.path)] if node.kind == NodeKind.VOLUME else []
    if offline(node):
        lines.append(texts.offline_note(node.connection_node().key))
    return "\n".join(lines)

