"""topology layer: the pure L2/VLAN graph of a host, its segments, layout and exports.

It reads libvirt XML only through ``xml`` documents and may import ``core`` and ``xml``;
never Qt, libvirt or lxml directly.
"""

from kvmgui.topology.builder import build_topology
from kvmgui.topology.export import to_dot, to_json, to_svg
from kvmgui.topology.inputs import DomainSource, HostSource, NetworkSource, version_from_number
from kvmgui.topology.layout import Layout, layout_graph
from kvmgui.topology.model import Edge, Segment, TopologyGraph, TopologyNode, TopologyWarning
from kvmgui.topology.palette import vlan_color
from kvmgui.topology.reach import Reachability, can_reach

__all__ = [
    "DomainSource",
    "Edge",
    "HostSource",
    "Layout",
    "NetworkSource",
    "Reachability",
    "Segment",
    "TopologyGraph",
    "TopologyNode",
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
