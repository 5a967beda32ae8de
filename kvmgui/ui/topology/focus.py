"""Which nodes and edges to bring forward: a domain's paths, a VLAN, a segment, a path.

Plain functions over a `TopologyGraph` (no Qt), so the view's emphasis rules are unit-testable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from kvmgui.topology.model import TopologyGraph, node_id_for_domain

EdgeKey = tuple[str, str]


@dataclass(frozen=True)
class Focus:
    """Nodes and edges to show; `segments` are the segment ids whose shading belongs to it."""

    nodes: frozenset[str] = frozenset()
    edges: frozenset[EdgeKey] = frozenset()
    segments: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_empty(self) -> bool:
        return not self.nodes and not self.edges

    def __or__(self, other: Focus) -> Focus:
        return Focus(self.nodes | other.nodes, self.edges | other.edges,
                     self.segments | other.segments)


def _walk(graph: TopologyGraph, start: set[str], *, towards_uplink: bool) -> Focus:
    """`start` and everything reachable along the edges, towards the uplinks (edges run
    uplink -> guest) or towards the guests."""
    links: dict[str, list[str]] = {}
    for edge in graph.edges:
        here, there = (edge.target, edge.source) if towards_uplink else (edge.source, edge.target)
        links.setdefault(here, []).append(there)
    nodes, stack = set(start), list(start)
    edges: set[EdgeKey] = set()
    while stack:
        current = stack.pop()
        for other in links.get(current, ()):
            edges.add((other, current) if towards_uplink else (current, other))
            if other not in nodes:
                nodes.add(other)
                stack.append(other)
    return Focus(frozenset(nodes), frozenset(edges))


def upstream(graph: TopologyGraph, start: set[str]) -> Focus:
    """`start` and every device between it and the uplinks."""
    return _walk(graph, start, towards_uplink=True)


def node_focus(graph: TopologyGraph, node_id: str) -> Focus:
    """A node's paths: up to the uplinks and down to the guests. For a domain, that is its
    vNICs and every device between them and the uplinks."""
    if node_id not in graph.nodes:
        return Focus()
    found = upstream(graph, {node_id}) | _walk(graph, {node_id}, towards_uplink=False)
    segments = frozenset(s.id for s in graph.segments if found.nodes & set(s.vnics))
    return Focus(found.nodes, found.edges, segments)


def segment_focus(graph: TopologyGraph, segment_id: str) -> Focus:
    """A segment's vNICs and domains, and the devices up to its uplink."""
    try:
        segment = graph.segment(segment_id)
    except KeyError:
        return Focus()
    members = {node_id_for_domain(name) for name in segment.members}
    found = upstream(graph, set(segment.nodes) | set(segment.uplink.nodes))
    vnic_edges = {(e.source, e.target) for e in graph.edges
                  if e.source in segment.vnics and e.target in members}
    return Focus(found.nodes | members, found.edges | vnic_edges, frozenset({segment_id}))


def vlan_focus(graph: TopologyGraph, vlan: int) -> Focus:
    """Everything that carries `vlan`: links, tagged devices, and the segments on it with
    their members."""
    edges = {(e.source, e.target) for e in graph.edges if vlan in e.vlans}
    nodes = {n for edge in edges for n in edge}
    nodes |= {node.id for node in graph.nodes.values()
              if node.vlan is not None and vlan in node.vlan.all_tags}
    result = Focus(frozenset(nodes), frozenset(edges))
    for segment in graph.segments:
        if segment.vlan == vlan:
            result = result | segment_focus(graph, segment.id)
    return result


def path_focus(graph: TopologyGraph, path: tuple[str, ...], segment: str | None) -> Focus:
    """The nodes of a reachability path and the edges between consecutive ones."""
    edges = {(e.source, e.target) for a, b in pairwise(path)
             for e in graph.edges_between(a, b)}
    return Focus(frozenset(path), frozenset(edges),
                 frozenset({segment}) if segment is not None else frozenset())


def vlans_of(graph: TopologyGraph) -> list[int]:
    """Every VLAN the picture mentions, sorted (for the legend and the filter)."""
    found = {vlan for edge in graph.edges for vlan in edge.vlans}
    found |= {s.vlan for s in graph.segments if s.vlan is not None}
    found |= {tag for node in graph.nodes.values() if node.vlan is not None
              for tag in node.vlan.all_tags}
    return sorted(found)
