"""The topology as a QGraphicsScene: built once per graph, then only re-emphasised.

Segments are shaded behind runs of neighbouring vNICs (like the SVG export); edges sit above the
shading, nodes on top. `apply(highlight, filter)` sets every item's emphasis: highlighted items
glow, items outside the filter (or outside the highlight, when one is shown) are dimmed.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene

from kvmgui.topology.layout import Layout
from kvmgui.topology.model import NodeKind, TopologyGraph
from kvmgui.ui.topology import texts
from kvmgui.ui.topology.focus import EdgeKey, Focus
from kvmgui.ui.topology.items import Badge, EdgeItem, Emphasis, NodeItem, SegmentItem
from kvmgui.ui.topology.theme import TopologyTheme

SCENE_MARGIN = 24.0


class TopologyScene(QGraphicsScene):
    """Items keyed by node id / (source, target) / segment id, for tests and emphasis."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.graph: TopologyGraph | None = None
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[EdgeKey, EdgeItem] = {}
        self.segment_items: list[SegmentItem] = []

    def show_graph(self, graph: TopologyGraph, layout: Layout, theme: TopologyTheme,
                   addresses: texts.Addresses) -> None:
        self.clear()
        self.graph = graph
        self.node_items, self.edge_items, self.segment_items = {}, {}, []
        self.setBackgroundBrush(theme.background)
        self._add_segments(graph, layout, theme)
        for edge in graph.edges:
            if edge.source in layout.boxes and edge.target in layout.boxes:
                edge_item = EdgeItem(edge, layout, theme, texts.edge_tooltip(edge, graph),
                                     texts.link_label(edge))
                edge_item.setZValue(-1)
                self.addItem(edge_item)
                self.edge_items[(edge.source, edge.target)] = edge_item
        warned = {obj for warning in graph.warnings for obj in warning.objects}
        badges: dict[str, list[Badge]] = {}
        for number, segment in enumerate(graph.segments, start=1):
            for vnic in segment.vnics:
                badges.setdefault(vnic, []).append((number, theme.vlan(segment.vlan)))
        for node in graph.nodes.values():
            item = NodeItem(node, layout.boxes[node.id], theme,
                            texts.node_tooltip(node, addresses), badges.get(node.id, []),
                            node.id in warned)
            self.addItem(item)
            self.node_items[node.id] = item
        # A fixed rectangle: emphasis changes never make the view jump.
        self.setSceneRect(QRectF(0, 0, max(layout.width, 200.0), max(layout.height, 100.0)))

    def _add_segments(self, graph: TopologyGraph, layout: Layout, theme: TopologyTheme) -> None:
        vnic_column = next((column for column in layout.columns
                            if column and graph.nodes[column[0]].kind is NodeKind.VNIC), ())
        order = {node_id: index for index, node_id in enumerate(vnic_column)}
        depth_of: dict[str, int] = {}
        for number, segment in enumerate(graph.segments, start=1):
            indexes = sorted(order[v] for v in segment.vnics if v in order)
            runs: list[list[int]] = []
            for index in indexes:  # neighbours in the column share one shaded box
                if runs and index == runs[-1][-1] + 1:
                    runs[-1].append(index)
                else:
                    runs.append([index])
            for run in runs:
                first, last = layout.boxes[vnic_column[run[0]]], layout.boxes[vnic_column[run[-1]]]
                depth = max(depth_of.get(vnic_column[i], 0) for i in run)
                for i in run:
                    depth_of[vnic_column[i]] = depth + 1
                pad = 4.0 + 4.0 * depth  # nested boxes when a vNIC is in several segments
                rect = QRectF(first.x - pad, first.y - pad, first.width + 2 * pad,
                              last.y + last.height - first.y + 2 * pad)
                item = SegmentItem(segment.id, rect, QColor(theme.vlan(segment.vlan)),
                                   texts.segment_tooltip(number, segment))
                self.addItem(item)
                self.segment_items.append(item)

    def apply(self, highlight: Focus, visible: Focus | None) -> None:
        """Glow for `highlight`; dim what is outside `visible` (None: no filter) and, while
        something is highlighted, everything else."""
        def emphasis(key: object, members: frozenset[object], shown: frozenset[object]) -> Emphasis:
            if key in members:
                return Emphasis.HIGHLIGHTED
            if visible is not None and key not in shown:
                return Emphasis.DIMMED
            return Emphasis.DIMMED if not highlight.is_empty else Emphasis.NORMAL

        nodes_shown: frozenset[object] = visible.nodes if visible is not None else frozenset()
        edges_shown: frozenset[object] = visible.edges if visible is not None else frozenset()
        for node_id, node_item in self.node_items.items():
            node_item.set_emphasis(emphasis(node_id, highlight.nodes, nodes_shown))
        for key, edge_item in self.edge_items.items():
            edge_item.set_emphasis(emphasis(key, highlight.edges, edges_shown))
        segments_shown = visible.segments if visible is not None else None
        for segment_item in self.segment_items:
            dim = (segments_shown is not None and segment_item.segment_id not in segments_shown) \
                or (not highlight.is_empty and segment_item.segment_id not in highlight.segments)
            segment_item.set_emphasis(Emphasis.DIMMED if dim else Emphasis.NORMAL)

    def node_at(self, item: object) -> str | None:
        """The node id of a clicked item (or None for edges, shading, background)."""
        return item.node_id if isinstance(item, NodeItem) else None
