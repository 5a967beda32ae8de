"""Topology exporters: JSON (a dict ready for `json.dumps`), DOT (Graphviz text) and SVG.

JSON format (`to_json`, version 1)
==================================
```
{
  "format": "kvmgui-topology", "version": 1,
  "libvirt_version": "9.0.0",
  "nodes": [
    {"id": "if:eth0.10", "kind": "vlan", "name": "eth0.10", "active": true, "exists": true,
     "vlan": 10,                          # access VLAN (VLAN device, portgroup, vNIC, network)
     "trunk": [10, 20], "native_vlan": 10,  # instead of "vlan" for a trunk
     "mac": "52:54:00:..", "bridge": "virbr0", "forward": "nat", "ovs": true,
     "detail": {"state": "running", ...}}   # display-only extras, all strings
  ],
  "edges": [
    {"from": "if:eth0", "to": "if:eth0.10", "vlans": [10], "mode": "trunk",
     "link": "l2", "active": true}
  ],
  "segments": [
    {"id": "ovsbr0/vlan10", "vlan": 10, "bridge": "ovsbr0",
     "uplink": "eth0 VLAN 10", "uplink_kind": "physical",
     "members": ["router01", "web01"], "vnics": ["vnic:router01/0", "vnic:web01/1"],
     "notes": []}
  ],
  "warnings": [
    {"kind": "vlan_not_applied", "message": "...", "objects": ["vnic:win10/0"]}
  ]
}
```
- Node ids: `if:NAME` host interface or host bridge, `net:NAME` libvirt network (a NAT,
  routed or isolated network stands for its own bridge), `pg:NETWORK/NAME` portgroup,
  `vnic:DOMAIN/INDEX` guest NIC (INDEX: position among the domain's `<interface>`s),
  `dom:NAME` domain, `outside` the world behind NAT/routed networks.
- `kind`: physical, vlan, bond, bridge, network, portgroup, vnic, domain, outside.
- `active`: false for a shut-off domain, its vNICs, an inactive network; `exists`: false for a
  bridge that something names but the host does not have.
- Edges run from the uplink side towards the guest. `mode`: `access` (one VLAN, untagged on
  the guest side), `trunk` (tagged VLANs), `none` (no VLAN). `link`: `l2`, or `nat` / `route`
  for a network's way out (those are not layer-2 links).
- Segments are layer-2 broadcast domains; `vlan` is null when untagged or unknown;
  `uplink_kind`: physical, nat, routed, isolated, none, unknown. Only connected NICs of
  active (running or paused) domains are members.
- `warnings[].kind`: bridge_without_uplink, vlan_not_applied, inactive_network,
  duplicate_vlan, missing_bridge, missing_network, missing_portgroup, unreadable_xml.
"""

from __future__ import annotations

from typing import Any

from kvmgui.topology.facts import VlanSpec
from kvmgui.topology.layout import COLUMN_OF_KIND
from kvmgui.topology.model import LinkKind, NodeKind, PortMode, TopologyGraph, TopologyNode
from kvmgui.topology.palette import vlan_color
from kvmgui.topology.svg import render_svg

JSON_FORMAT_VERSION = 1


def to_json(graph: TopologyGraph) -> dict[str, Any]:
    return {
        "format": "kvmgui-topology",
        "version": JSON_FORMAT_VERSION,
        "libvirt_version": ".".join(str(part) for part in graph.libvirt_version),
        "nodes": [_node_json(node) for node in graph.nodes.values()],
        "edges": [
            {
                "from": edge.source,
                "to": edge.target,
                "vlans": list(edge.vlans),
                "mode": edge.mode.value,
                "link": edge.link.value,
                "active": edge.active,
            }
            for edge in graph.edges
        ],
        "segments": [
            {
                "id": segment.id,
                "vlan": segment.vlan,
                "bridge": segment.bridge,
                "uplink": segment.uplink.description,
                "uplink_kind": segment.uplink.kind.value,
                "members": list(segment.members),
                "vnics": list(segment.vnics),
                "notes": [str(note) for note in segment.notes],
            }
            for segment in graph.segments
        ],
        "warnings": [
            {
                "kind": warning.kind.value,
                "message": warning.message,
                "objects": list(warning.objects),
            }
            for warning in graph.warnings
        ],
    }


def _node_json(node: TopologyNode) -> dict[str, Any]:
    result: dict[str, Any] = {
        "id": node.id,
        "kind": node.kind.value,
        "name": node.name,
        "active": node.active,
        "exists": node.exists,
    }
    result.update(vlan_json(node.vlan))
    for key, value in (("mac", node.mac), ("bridge", node.bridge), ("forward", node.forward)):
        if value is not None:
            result[key] = value
    if node.ovs:
        result["ovs"] = True
    result["detail"] = node.detail_map
    return result


def vlan_json(vlan: VlanSpec | None) -> dict[str, Any]:
    if vlan is None:
        return {}
    if not vlan.is_trunk:
        return {"vlan": vlan.all_tags[0]}
    result: dict[str, Any] = {"trunk": list(vlan.all_tags)}
    if vlan.native_tag is not None:
        result["native_vlan"] = vlan.native_tag
    return result


# ------------------------------------------------------------------ DOT

_DOT_SHAPES = {NodeKind.OUTSIDE: "ellipse", NodeKind.DOMAIN: "box3d"}


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: TopologyGraph) -> str:
    """Graphviz text: one statement per node and edge, columns as `rank=same` groups."""
    lines = [
        "digraph topology {",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fillcolor="#f4f4f4", fontname="sans-serif"];',
        '  edge [fontname="sans-serif", fontsize=10];',
    ]
    for node in graph.nodes.values():
        label = f"{node.name}\n{node.kind.value}"
        if node.vlan is not None:
            label += f" {node.vlan.describe()}"
        attributes = [f"label={_dot_quote(label)}", f"shape={_DOT_SHAPES.get(node.kind, 'box')}"]
        if not node.active:
            attributes.append('fontcolor="#888888"')
        if not node.exists:
            attributes.append('style="rounded,dashed"')
        lines.append(f"  {_dot_quote(node.id)} [{', '.join(attributes)}];")
    for edge in graph.edges:
        color = ":".join(vlan_color(vlan) for vlan in edge.vlans) or vlan_color(None)
        attributes = [f'color="{color}"']
        if edge.vlans:
            attributes.append(f'label="{",".join(str(v) for v in edge.vlans)}"')
        if edge.mode is PortMode.TRUNK:
            attributes.append("penwidth=2.5")
        if edge.link is not LinkKind.L2 or not edge.active:
            attributes.append("style=dashed")
        lines.append(f"  {_dot_quote(edge.source)} -> {_dot_quote(edge.target)} "
                     f"[{', '.join(attributes)}];")
    columns: dict[int, list[str]] = {}
    for node in graph.nodes.values():
        columns.setdefault(COLUMN_OF_KIND[node.kind], []).append(_dot_quote(node.id))
    for column in sorted(columns):
        lines.append(f"  {{ rank=same; {'; '.join(columns[column])}; }}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_svg(graph: TopologyGraph, *, dark: bool = False) -> str:
    """A standalone SVG picture, laid out like the Qt view."""
    return render_svg(graph, dark=dark)
