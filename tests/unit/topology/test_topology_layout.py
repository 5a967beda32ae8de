"""The pure layout: columns, no overlaps, fewer crossings, lanes for long edges."""

from __future__ import annotations

from itertools import pairwise

import pytest
from topology_helpers import (
    DEMO_HOST,
    bridge_network,
    build,
    domain,
    load_test_driver_file,
    nic_network,
)

from kvmgui.topology import build_topology, layout_graph
from kvmgui.topology.layout import LayoutStyle, spaced_fit
from kvmgui.topology.model import NodeKind, TopologyGraph

KIND_ORDER = [NodeKind.PHYSICAL, NodeKind.BOND, NodeKind.VLAN, NodeKind.BRIDGE, NodeKind.NETWORK,
              NodeKind.PORTGROUP, NodeKind.VNIC, NodeKind.DOMAIN]


@pytest.fixture(scope="module")
def demo() -> TopologyGraph:
    return build_topology(load_test_driver_file(DEMO_HOST))


def test_columns_run_from_uplinks_to_domains(demo: TopologyGraph) -> None:
    layout = layout_graph(demo)
    x_of_kind: dict[NodeKind, set[float]] = {}
    for node in demo.nodes.values():
        x_of_kind.setdefault(node.kind, set()).add(layout.boxes[node.id].x)
    assert all(len(xs) == 1 for xs in x_of_kind.values())  # one column per kind
    xs = [x_of_kind[kind].pop() for kind in KIND_ORDER]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert layout.boxes["outside"].x == layout.boxes["if:eth0"].x
    for edge in demo.edges:  # edges point left to right
        assert layout.boxes[edge.source].x <= layout.boxes[edge.target].x


def test_boxes_do_not_overlap_and_fit_the_canvas(demo: TopologyGraph) -> None:
    style = LayoutStyle()
    layout = layout_graph(demo, style)
    assert set(layout.boxes) == set(demo.nodes)
    for column in layout.columns:
        boxes = [layout.boxes[node_id] for node_id in column]
        for upper, lower in pairwise(boxes):
            assert lower.y - (upper.y + upper.height) >= style.row_gap - 1e-6
    for box in layout.boxes.values():
        assert box.x >= 0 and box.y >= 0
        assert box.right <= layout.width and box.y + box.height <= layout.height


def test_long_edges_run_in_lanes_between_boxes(demo: TopologyGraph) -> None:
    layout = layout_graph(demo)
    route = layout.routes[("if:eth0", "vnic:ceph01/0")]  # skips 5 columns
    assert len(route) == 2 + 2 * 5
    eth0, vnic = layout.boxes["if:eth0"], layout.boxes["vnic:ceph01/0"]
    assert route[0] == (eth0.right, eth0.center_y) and route[-1] == (vnic.x, vnic.center_y)
    for points in layout.routes.values():
        for x, y in points[1:-1]:
            for box in layout.boxes.values():
                inside = box.x <= x <= box.right and box.y < y < box.y + box.height
                assert not inside, (x, y, box)


def test_barycentre_ordering_removes_avoidable_crossings() -> None:
    # Alphabetical order would cross every edge: a1 is on network c, c1 on network a.
    graph = build(
        networks=[bridge_network(name, f"br-{name}") for name in ("a", "b", "c")],
        domains=[domain("a1", nic_network("c")), domain("b1", nic_network("b")),
                 domain("c1", nic_network("a"))],
    )
    layout = layout_graph(graph)
    pairs = sorted(
        (layout.boxes[edge.source].center_y, layout.boxes[edge.target].center_y)
        for edge in graph.edges
        if edge.source.startswith("net:")
    )
    targets = [target for _, target in pairs]
    assert len(pairs) == 3 and targets == sorted(targets)


def test_layout_is_deterministic(demo: TopologyGraph) -> None:
    assert layout_graph(demo) == layout_graph(demo)


def test_spaced_fit() -> None:
    assert spaced_fit([0.0, 0.0, 0.0], [10.0, 10.0]) == [-10.0, 0.0, 10.0]
    assert spaced_fit([0.0, 50.0], [10.0]) == [0.0, 50.0]
    assert spaced_fit([30.0, 0.0], [4.0]) == [13.0, 17.0]  # order kept, least squares
    assert spaced_fit([], []) == []
