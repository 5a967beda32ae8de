"""topology layer: pure Python, no Qt and no libvirt imports."""

from kvmgui.topology.builder import build_topology
from kvmgui.topology.export import to_dot, to_json, to_svg
from kvmgui.topology.inputs import DomainSource, HostSource, NetworkSource, version_from_number
from kvmgui.topology.layout import Layout, layout_graph
from kvmgui.topology.model import Edge, Node, Segment, TopologyGraph, TopologyWarning
from kvmgui.topology.palette import vlan_color
from kvmgui.topology.reach import Reachability, can_reach

__all__ = [
    "DomainSource",
    "Edge",
    "HostSource",
    "Layout",
    "NetworkSource",
    "Node",
    "Reachability",
    "Segment",
    "TopologyGraph",
    "TopologyWarning",
    "build_topology",
    "can_reach",
    "layout_graph",
    "to_dot",
    "to_json",
    "to_svg",
    "version_from_number",
    "vlan_color",
]
