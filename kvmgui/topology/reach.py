""""Can domain A reach domain B at layer 2?" — a path through a shared segment, or why not."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from kvmgui.topology.model import Segment, TopologyGraph, UplinkKind, node_id_for_domain


@dataclass(frozen=True)
class Reachability:
    reachable: bool
    path: tuple[str, ...]  # node ids from A's domain node to B's, empty when not reachable
    reason: str
    segment: str | None = None  # id of the segment the path runs through


def can_reach(graph: TopologyGraph, first: str, second: str) -> Reachability:
    """Whether domains `first` and `second` (by name) share a layer-2 segment."""
    first_id, second_id = node_id_for_domain(first), node_id_for_domain(second)
    for name, node_id in ((first, first_id), (second, second_id)):
        if node_id not in graph.nodes:
            return Reachability(False, (), f"There is no domain named {name}.")
    if first == second:
        return Reachability(True, (first_id,), f"{first} is the same domain.")
    first_segments = graph.segments_of_domain(first)
    second_segments = graph.segments_of_domain(second)
    for name, segments in ((first, first_segments), (second, second_segments)):
        if not segments:
            return Reachability(False, (), _why_unconnected(graph, name))
    second_ids = {segment.id for segment in second_segments}
    shared = [segment for segment in first_segments if segment.id in second_ids]
    if not shared:
        return Reachability(False, (), _why_apart(first, first_segments, second, second_segments))
    segment = shared[0]
    path = _path_in_segment(graph, segment, first_id, second_id)
    reason = f"{first} and {second} share segment {segment.label}."
    if segment.notes:
        reason += " " + " ".join(note[0].upper() + note[1:] + "." for note in segment.notes)
    return Reachability(True, path, reason, segment.id)


def _why_unconnected(graph: TopologyGraph, name: str) -> str:
    node = graph.node(node_id_for_domain(name))
    if not node.active:
        state = node.detail_map.get("state") or "not running"
        return f"{name} is {state}: its network interfaces are not connected."
    if not any(neighbour.startswith("vnic:") for neighbour in graph.neighbours(node.id)):
        return f"{name} has no network interface."
    return f"None of {name}'s network interfaces is connected (inactive network, link down "\
           "or missing bridge)."


def _why_apart(
    first: str, first_segments: list[Segment], second: str, second_segments: list[Segment]
) -> str:
    def labels(segments: list[Segment]) -> str:
        return ", ".join(segment.label for segment in segments)

    reason = (
        f"{first} is on {labels(first_segments)}; {second} is on {labels(second_segments)}. "
        "They share no layer-2 segment, so traffic between them needs a router."
    )
    same_bridge = {s.bridge for s in first_segments if s.bridge} & {
        s.bridge for s in second_segments if s.bridge
    }
    if same_bridge:
        reason += f" (Same bridge {', '.join(sorted(same_bridge))}, different VLANs.)"
    first_exits = {
        (segment.uplink.description, segment.vlan)
        for segment in first_segments
        if segment.uplink.kind is UplinkKind.PHYSICAL
    }
    meeting = sorted(
        segment.uplink.description
        for segment in second_segments
        if (segment.uplink.description, segment.vlan) in first_exits
    )
    if meeting:
        reason += (
            f" Both leave the host through {meeting[0]}; they may meet on the external "
            "switch, which the host cannot see."
        )
        return reason
    common = sorted(
        {s.vlan for s in first_segments if s.vlan is not None}
        & {s.vlan for s in second_segments if s.vlan is not None}
    )
    if common:
        reason += (
            f" Both have a segment on VLAN {common[0]}: they meet only if the switches "
            "outside this host join those segments."
        )
    return reason


def _path_in_segment(
    graph: TopologyGraph, segment: Segment, start: str, goal: str
) -> tuple[str, ...]:
    """Breadth-first search through the segment's own nodes only."""
    allowed = set(segment.nodes) | {start, goal}
    previous: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        if current == goal:
            break
        for neighbour in graph.neighbours(current):
            if neighbour in allowed and neighbour not in previous:
                previous[neighbour] = current
                queue.append(neighbour)
    if goal not in previous:
        return (start, goal)
    path: list[str] = []
    step: str | None = goal
    while step is not None:
        path.append(step)
        step = previous[step]
    return tuple(reversed(path))
