"""Pure layered layout, so the Qt view and the SVG exporter draw the same picture.

Columns, left to right: uplinks (physical NICs, "outside"), bonds, VLAN devices, bridges,
networks, portgroups, vNICs, domains (empty columns are dropped). An edge that skips columns
gets a waypoint in each column it crosses (a "dummy node"), so it runs in its own lane instead
of through other nodes. The order inside each column comes from barycentre sweeps (a node moves
towards the mean position of its neighbours), keeping the ordering with the fewest crossings.
Vertical positions then pull each node towards its neighbours while keeping the order and a
minimum gap (least squares under order constraints: isotonic regression).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from kvmgui.topology.model import NodeKind, TopologyGraph

COLUMN_OF_KIND: Mapping[NodeKind, int] = {
    NodeKind.PHYSICAL: 0,
    NodeKind.OUTSIDE: 0,
    NodeKind.BOND: 1,
    NodeKind.VLAN: 2,
    NodeKind.BRIDGE: 3,
    NodeKind.NETWORK: 4,
    NodeKind.PORTGROUP: 5,
    NodeKind.VNIC: 6,
    NodeKind.DOMAIN: 7,
}

Point = tuple[float, float]


@dataclass(frozen=True)
class LayoutStyle:
    node_width: float = 160.0
    node_height: float = 38.0
    column_gap: float = 90.0
    row_gap: float = 14.0
    lane_gap: float = 8.0  # between an edge's waypoint and its neighbours in a column
    margin: float = 24.0
    sweeps: int = 16
    relax_rounds: int = 16


@dataclass(frozen=True)
class NodeBox:
    """A node's rectangle; (x, y) is the top-left corner."""

    x: float
    y: float
    width: float
    height: float
    column: int

    @property
    def center_y(self) -> float:
        return self.y + self.height / 2

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass(frozen=True)
class Layout:
    """`routes[(source, target)]` is the route of each edge between different columns, drawn
    left to right: points come in pairs (enter a column, leave it), the first being the right
    side of the leftmost node and the last the left side of the rightmost one. Draw a curve from
    each "leave" point to the next "enter" point and a straight line across each column."""

    boxes: Mapping[str, NodeBox]
    columns: tuple[tuple[str, ...], ...]  # real nodes only, top to bottom
    routes: Mapping[tuple[str, str], tuple[Point, ...]]
    width: float
    height: float


def layout_graph(graph: TopologyGraph, style: LayoutStyle = LayoutStyle()) -> Layout:
    columns, column_of, links, chains = _layered_graph(graph)
    columns = _order_columns(columns, column_of, links, style.sweeps)
    centers = _vertical_positions(columns, links, style, real=set(graph.nodes))
    pitch_x = style.node_width + style.column_gap

    def left(column: int) -> float:
        return style.margin + column * pitch_x

    boxes = {
        node_id: NodeBox(left(c), centers[node_id] - style.node_height / 2, style.node_width,
                         style.node_height, c)
        for c, column in enumerate(columns)
        for node_id in column
        if node_id in graph.nodes
    }
    routes: dict[tuple[str, str], tuple[Point, ...]] = {}
    for key, chain in chains.items():
        first, last = boxes[chain[0]], boxes[chain[-1]]
        points: list[Point] = [(first.right, first.center_y)]
        for dummy in chain[1:-1]:
            x = left(column_of[dummy])
            points += [(x, centers[dummy]), (x + style.node_width, centers[dummy])]
        points.append((last.x, last.center_y))
        routes[key] = tuple(points)
    height = max((box.y + box.height for box in boxes.values()), default=0.0) + style.margin
    width = style.margin * 2 + max(len(columns) * pitch_x - style.column_gap, 0.0)
    real_columns = tuple(tuple(n for n in column if n in graph.nodes) for column in columns)
    return Layout(boxes, real_columns, routes, width, height)


def _layered_graph(
    graph: TopologyGraph,
) -> tuple[list[list[str]], dict[str, int], dict[str, list[str]], dict[tuple[str, str], list[str]]]:
    """Columns with waypoint ("dummy") nodes for long edges, their links, and for each edge the
    chain of node ids it runs through, left to right."""
    by_kind_column: dict[int, list[str]] = {}
    for node in graph.nodes.values():
        by_kind_column.setdefault(COLUMN_OF_KIND[node.kind], []).append(node.id)
    dense = {kind_column: index for index, kind_column in enumerate(sorted(by_kind_column))}
    columns = [sorted(by_kind_column[key]) for key in sorted(by_kind_column)]
    column_of = {node_id: dense[key] for key, ids in by_kind_column.items() for node_id in ids}
    links: dict[str, list[str]] = {node_id: [] for node_id in column_of}
    chains: dict[tuple[str, str], list[str]] = {}
    for index, edge in enumerate(graph.edges):
        if edge.source not in column_of or edge.target not in column_of:
            continue
        start, end = edge.source, edge.target
        if column_of[start] == column_of[end]:
            continue  # drawn as a loop beside the column; no effect on the order
        if column_of[start] > column_of[end]:
            start, end = end, start
        chain = [start]
        for column in range(column_of[start] + 1, column_of[end]):
            dummy = f"~{index}:{column}"
            columns[column].append(dummy)
            column_of[dummy] = column
            links[dummy] = []
            chain.append(dummy)
        chain.append(end)
        for a, b in pairwise(chain):
            links[a].append(b)
            links[b].append(a)
        chains[(edge.source, edge.target)] = chain
    return columns, column_of, links, chains


# ------------------------------------------------------------------ ordering


def _order_columns(
    columns: list[list[str]],
    column_of: Mapping[str, int],
    links: Mapping[str, list[str]],
    sweeps: int,
) -> list[list[str]]:
    best = [list(column) for column in columns]
    best_crossings = count_crossings(best, column_of, links)
    current = [list(column) for column in columns]
    for sweep in range(sweeps):
        left_to_right = sweep % 2 == 0
        order = range(len(current)) if left_to_right else range(len(current) - 1, -1, -1)
        for c in order:
            position = _normalized_positions(current)
            current[c] = _sorted_by_barycentre(current[c], c, column_of, links, position,
                                               from_left=left_to_right)
        crossings = count_crossings(current, column_of, links)
        if crossings < best_crossings:
            best, best_crossings = [list(column) for column in current], crossings
    _transpose(best, column_of, links)
    return best


def _transpose(
    columns: list[list[str]], column_of: Mapping[str, int], links: Mapping[str, list[str]]
) -> None:
    """Swap neighbours in a column while that removes crossings (local, so it stays cheap)."""
    index = {node_id: i for column in columns for i, node_id in enumerate(column)}

    def side_indexes(node_id: str, side: int) -> list[int]:
        return sorted(index[n] for n in links[node_id] if column_of[n] - column_of[node_id] == side)

    def crossings(upper: str, lower: str) -> int:
        """Crossings between the edges of `upper` and `lower` if `upper` is drawn above."""
        total = 0
        for side in (-1, 1):
            below = side_indexes(lower, side)
            total += sum(bisect_left(below, a) for a in side_indexes(upper, side))
        return total

    for _ in range(8):
        improved = False
        for column in columns:
            for i in range(len(column) - 1):
                upper, lower = column[i], column[i + 1]
                if crossings(upper, lower) > crossings(lower, upper):
                    column[i], column[i + 1] = lower, upper
                    index[upper], index[lower] = i + 1, i
                    improved = True
        if not improved:
            return


def _normalized_positions(columns: Sequence[Sequence[str]]) -> dict[str, float]:
    """Position in a column as a fraction, so columns of different lengths compare."""
    return {
        node_id: (index + 0.5) / len(column)
        for column in columns
        for index, node_id in enumerate(column)
    }


def _sorted_by_barycentre(
    column: list[str],
    c: int,
    column_of: Mapping[str, int],
    links: Mapping[str, list[str]],
    position: Mapping[str, float],
    *,
    from_left: bool,
) -> list[str]:
    def key(node_id: str) -> tuple[float, float]:
        side = [n for n in links[node_id] if (column_of[n] < c) == from_left]
        neighbours = side or links[node_id]
        if not neighbours:
            return position[node_id], position[node_id]
        return sum(position[n] for n in neighbours) / len(neighbours), position[node_id]

    return sorted(column, key=key)


def count_crossings(
    columns: Sequence[Sequence[str]],
    column_of: Mapping[str, int],
    links: Mapping[str, list[str]],
) -> int:
    """Crossings between edges of adjacent columns (long edges run through waypoints)."""
    index = {node_id: i for column in columns for i, node_id in enumerate(column)}
    by_gap: dict[int, list[tuple[int, int]]] = {}
    for source, targets in links.items():
        for target in targets:
            if column_of[target] == column_of[source] + 1:
                by_gap.setdefault(column_of[source], []).append((index[source], index[target]))
    total = 0
    for pairs in by_gap.values():
        pairs.sort()
        total += _inversions([right for _, right in pairs])
    return total


def _inversions(values: list[int]) -> int:
    """Pairs i < j with values[i] > values[j] (merge sort, O(n log n))."""
    if len(values) < 2:
        return 0
    middle = len(values) // 2
    left, right = values[:middle], values[middle:]
    count = _inversions(left) + _inversions(right)
    left.sort()
    right.sort()
    j = 0
    for value in left:
        while j < len(right) and right[j] < value:
            j += 1
        count += j
    return count


# ------------------------------------------------------------------ vertical placement


def _vertical_positions(
    columns: list[list[str]], links: Mapping[str, list[str]], style: LayoutStyle, real: set[str]
) -> dict[str, float]:
    def gap(a: str, b: str) -> float:
        """Centre-to-centre distance two neighbours in a column need."""
        if a in real and b in real:
            return style.node_height + style.row_gap
        if a in real or b in real:
            return style.node_height / 2 + style.lane_gap
        return style.lane_gap

    gaps = [[gap(a, b) for a, b in pairwise(column)] for column in columns]
    center: dict[str, float] = {}
    heights = [sum(column_gaps) for column_gaps in gaps]
    tallest = max(heights, default=0.0)
    for column, column_gaps, height in zip(columns, gaps, heights, strict=True):
        y = (tallest - height) / 2  # start centred against the tallest column
        for index, node_id in enumerate(column):
            center[node_id] = y
            y += column_gaps[index] if index < len(column_gaps) else 0.0
    for _ in range(style.relax_rounds):
        for column, column_gaps in zip(columns, gaps, strict=True):
            desired = [
                sum(center[n] for n in links[node_id]) / len(links[node_id])
                if links[node_id]
                else center[node_id]
                for node_id in column
            ]
            for node_id, y in zip(column, spaced_fit(desired, column_gaps), strict=True):
                center[node_id] = y
    top_real = min((center[n] for n in center if n in real), default=0.0)
    top_any = min(center.values(), default=0.0)
    shift = max(style.margin + style.node_height / 2 - top_real, style.margin - top_any)
    return {node_id: y + shift for node_id, y in center.items()}


def spaced_fit(desired: Sequence[float], gaps: Sequence[float]) -> list[float]:
    """Closest positions (least squares) to `desired` that keep the order and keep neighbours
    at least `gaps[i]` apart: subtract the running gap, fit a non-decreasing sequence (pool
    adjacent violators), add the running gap back."""
    offsets = [0.0]
    for gap in gaps:
        offsets.append(offsets[-1] + gap)
    shifted = [value - offsets[index] for index, value in enumerate(desired)]
    blocks: list[list[float]] = []  # [sum, count]
    for value in shifted:
        blocks.append([value, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    fitted: list[float] = []
    for total, count in blocks:
        fitted.extend([total / count] * int(count))
    return [value + offsets[index] for index, value in enumerate(fitted)]
