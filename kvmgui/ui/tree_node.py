"""One row of the inventory tree (`TreeNode`) and how rows are keyed among their siblings.

Connection → category → object (→ volume for a pool's rows). Not to be confused with the topology
graph's nodes (kvmgui.topology.model): these are rows of a Qt item model.
"""

from typing import Any

from kvmgui.ui.roles import Category, NodeKind

# The kind of the rows under each category row.
CATEGORY_KIND = {
    Category.DOMAINS: NodeKind.DOMAIN, Category.POOLS: NodeKind.POOL,
    Category.NETWORKS: NodeKind.NETWORK, Category.INTERFACES: NodeKind.INTERFACE,
}


class TreeNode:
    """One row. `children` keeps display order; `by_key` finds a child without a walk."""

    __slots__ = ("kind", "key", "parent", "row", "payload", "children", "by_key", "busy",
                 "sort_key")

    def __init__(self, kind: NodeKind, key: str, parent: "TreeNode | None", payload: Any) -> None:
        self.kind = kind
        self.key = key
        self.parent = parent
        self.row = 0
        self.payload = payload
        self.children: list[TreeNode] = []
        self.by_key: dict[str, TreeNode] = {}
        self.busy = ""
        self.sort_key: tuple[Any, ...] = ()

    def connection_node(self) -> "TreeNode":
        node = self
        while node.parent is not None and node.parent.parent is not None:
            node = node.parent
        return node


def key_of(kind: NodeKind, snapshot: Any) -> str:
    """The key of a snapshot among its siblings: volume key, interface name, else UUID."""
    if kind == NodeKind.VOLUME:
        return str(snapshot.key)
    if kind == NodeKind.INTERFACE:
        return str(snapshot.name)
    return str(snapshot.uuid)
