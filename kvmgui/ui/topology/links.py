"""Between the picture and the inventory tree: which row a node stands for, and back."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from kvmgui.topology.model import (
    NodeKind as TopologyKind,
)
from kvmgui.topology.model import (
    TopologyGraph,
    node_id_for_domain,
    node_id_for_interface,
    node_id_for_network,
)
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.roles import Category, NodeKind, Role


def index_for_node(model: InventoryModel, uri: str, graph: TopologyGraph,
                   node_id: str) -> QModelIndex:
    """The tree row of a node: a vNIC stands for its domain, a portgroup for its network; the
    world outside for the connection. Invalid when the tree has no such row."""
    node = graph.nodes.get(node_id)
    if node is None:
        return QModelIndex()
    if node.kind is TopologyKind.VNIC:  # vnic:DOMAIN/INDEX
        return index_for_node(model, uri, graph, node_id_for_domain(
            node_id.removeprefix("vnic:").rsplit("/", 1)[0]))
    if node.kind is TopologyKind.PORTGROUP:  # pg:NETWORK/NAME
        return index_for_node(model, uri, graph, node_id_for_network(
            node_id.removeprefix("pg:").rsplit("/", 1)[0]))
    uuid = node.detail_map.get("uuid", "")
    if node.kind is TopologyKind.DOMAIN:
        return model.find(uri, Category.DOMAINS, uuid)
    if node.kind is TopologyKind.NETWORK:
        return model.find(uri, Category.NETWORKS, uuid)
    if node.kind is TopologyKind.OUTSIDE:
        return model.find_by_name(uri)
    return model.find(uri, Category.INTERFACES, node.name)


def node_for_index(index: QModelIndex, graph: TopologyGraph | None) -> str | None:
    """The node a tree row is drawn as (None for a connection row or an object not drawn).
    A bridge a network owns (virbr0) is drawn as that network."""
    kind = index.data(Role.KIND)
    snapshot = index.data(Role.SNAPSHOT)
    name = str(getattr(snapshot, "name", ""))
    if kind == NodeKind.DOMAIN:
        return node_id_for_domain(name)
    if kind == NodeKind.NETWORK:
        return node_id_for_network(name)
    if kind == NodeKind.INTERFACE and graph is not None:
        node_id = node_id_for_interface(name)
        if node_id in graph.nodes:
            return node_id
        owner = next((n.id for n in graph.nodes_of_kind(TopologyKind.NETWORK)
                      if n.bridge == name), None)
        return owner
    return None
