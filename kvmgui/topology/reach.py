""""Can domain A reach domain B at layer 2?" — a path through a shared segment, or why not."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from kvmgui.core.message import Message
from kvmgui.topology.labels import state_word
from kvmgui.topology.model import Segment, TopologyGraph, UplinkKind, node_id_for_domain


@dataclass(frozen=True)
class Reachability:
    """`reason` is English; `template` and `args` are the same text for a UI to translate."""

    reachable: bool
    path: tuple[str, ...]  # node ids from A's domain node to B's, empty when not reachable
    reason: str
    segment: str | None = None  # id of the segment the path runs through
    template: str = ""
    args: tuple[tuple[str, str | Message], ...] = ()

    @classmethod
    def of(cls, reachable: bool, path: tuple[str, ...], reason: Message,
           segment: str | None = None) -> Reachability:
        return cls(reachable, path, str(reason), segment, reason.template, reason.args)


def can_reach(graph: TopologyGraph, first: str, second: str) -> Reachability:
    """Whether domains `first` and `second` (by name) share a layer-2 segment."""
    first_id, second_id = node_id_for_domain(first), node_id_for_domain(second)
    for name, node_id in ((first, first_id), (second, second_id)):
        if node_id not in graph.nodes:
            return Reachability.of(False, (), Message.of("There is no domain named {name}.",
                                                         name=name))
    if first == second:
        return Reachability.of(True, (first_id,), Message.of("{name} is the same domain.",
                                                             name=first))
    first_segments = graph.segments_of_domain(first)
    second_segments = graph.segments_of_domain(second)
    for name, segments in ((first, first_segments), (second, second_segments)):
        if not segments:
            return Reachability.of(False, (), _why_unconnected(graph, name))
    second_ids = {segment.id for segment in second_segments}
    shared = [segment for segment in first_segments if segment.id in second_ids]
    if not shared:
        return Reachability.of(False, (),
                               _why_apart(first, first_segments, second, second_segments))
    segment = shared[0]
    path = _path_in_segment(graph, segment, first_id, second_id)
    reason = Message.of("{first} and {second} share segment {segment}.", first=first,
                        second=second, segment=segment.label_message)
    for note in segment.notes:
        reason = _and_then(reason, Message.of("{note}.", note=note))
    return Reachability.of(True, path, reason, segment.id)


def _and_then(sentence: Message, more: Message) -> Message:
    """Two sentences in a row (joined by a space in English)."""
    return Message.of("{sentence} {more}", sentence=sentence, more=more)


def _why_unconnected(graph: TopologyGraph, name: str) -> Message:
    node = graph.node(node_id_for_domain(name))
    if not node.active:
        state = node.detail_map.get("state")
        return Message.of("{name} is {state}: its network interfaces are not connected.",
                          name=name,
                          state=state_word(state) if state else Message.of("not running"))
    if not any(neighbour.startswith("vnic:") for neighbour in graph.neighbours(node.id)):
        return Message.of("{name} has no network interface.", name=name)
    return Message.of("None of {name}'s network interfaces is connected (inactive network, link "
                      "down or missing bridge).", name=name)


def _why_apart(
    first: str, first_segments: list[Segment], second: str, second_segments: list[Segment]
) -> Message:
    def labels(segments: list[Segment]) -> Message:
        text = segments[0].label_message
        for segment in segments[1:]:
            text = Message.of("{list}, {item}", list=text, item=segment.label_message)
        return text

    reason = Message.of("{first} is on {first_segments}; {second} is on {second_segments}. They "
                        "share no layer-2 segment, so traffic between them needs a router.",
                        first=first, first_segments=labels(first_segments), second=second,
                        second_segments=labels(second_segments))
    same_bridge = {s.bridge for s in first_segments if s.bridge} & {
        s.bridge for s in second_segments if s.bridge
    }
    if same_bridge:
        reason = _and_then(reason, Message.of("(Same bridge {bridges}, different VLANs.)",
                                              bridges=", ".join(sorted(same_bridge))))
    first_exits = {
        (segment.uplink.description, segment.vlan)
        for segment in first_segments
        if segment.uplink.kind is UplinkKind.PHYSICAL
    }
    meeting = sorted(
        (segment.uplink
         for segment in second_segments
         if (segment.uplink.description, segment.vlan) in first_exits),
        key=lambda uplink: uplink.description,
    )
    if meeting:
        return _and_then(reason, Message.of(
            "Both leave the host through {uplink}; they may meet on the external switch, which "
            "the host cannot see.", uplink=meeting[0].text))
    common = sorted(
        {s.vlan for s in first_segments if s.vlan is not None}
        & {s.vlan for s in second_segments if s.vlan is not None}
    )
    if common:
        reason = _and_then(reason, Message.of(
            "Both have a segment on VLAN {vlan}: they meet only if the switches outside this "
            "host join those segments.", vlan=common[0]))
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
