"""JSON, DOT and SVG exporters."""

from __future__ import annotations

import json
import re

import pytest
from lxml import etree
from topology_helpers import (
    DEMO_HOST,
    NAT_NETWORK,
    build,
    domain,
    load_test_driver_file,
    nic_network,
    vlan,
)

from kvmgui.topology import build_topology, to_dot, to_json, to_svg
from kvmgui.topology.model import TopologyGraph
from kvmgui.topology.palette import vlan_color

SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def demo() -> TopologyGraph:
    return build_topology(load_test_driver_file(DEMO_HOST))


def test_json_schema_keys(demo: TopologyGraph) -> None:
    data = json.loads(json.dumps(to_json(demo)))  # must survive a JSON round trip
    assert {"nodes", "edges", "segments", "warnings"} <= set(data)
    assert data["libvirt_version"] == "9.0.0"
    for node in data["nodes"]:
        assert {"id", "kind", "name"} <= set(node)
    for edge in data["edges"]:
        assert {"from", "to", "vlans", "mode"} <= set(edge)
        assert edge["mode"] in ("access", "trunk", "none")
        assert isinstance(edge["vlans"], list)
    for segment in data["segments"]:
        assert {"id", "vlan", "bridge", "uplink", "members", "vnics"} <= set(segment)
        assert segment["members"] == sorted(segment["members"])
    for warning in data["warnings"]:
        assert set(warning) >= {"kind", "message", "objects"}


def test_json_values(demo: TopologyGraph) -> None:
    data = to_json(demo)
    nodes = {node["id"]: node for node in data["nodes"]}
    assert nodes["if:eth0.10"]["vlan"] == 10
    assert nodes["pg:ovs-trunk/trunk"]["trunk"] == [10, 20]
    assert nodes["pg:ovs-trunk/trunk"]["native_vlan"] == 10
    assert nodes["net:default"]["bridge"] == "virbr0" and nodes["net:default"]["forward"] == "nat"
    assert nodes["net:isolated"]["forward"] == "isolated"
    assert nodes["vnic:web01/0"]["mac"] == "52:54:00:01:00:01"
    assert "vlan" not in nodes["if:eth0"]
    segment = next(s for s in data["segments"] if s["id"] == "virbr0")
    assert segment == {"id": "virbr0", "vlan": None, "bridge": "virbr0", "uplink": "NAT",
                       "uplink_kind": "nat", "members": ["router01", "web01"],
                       "vnics": ["vnic:router01/1", "vnic:web01/0"], "notes": []}
    (warning,) = data["warnings"]
    assert (warning["kind"], warning["objects"]) == ("vlan_not_applied", ["vnic:win10/0"])


def test_dot_has_one_statement_per_node_and_edge(demo: TopologyGraph) -> None:
    text = to_dot(demo)
    assert text.startswith("digraph topology {") and text.rstrip().endswith("}")
    node_lines = re.findall(r'^  "[^"]+" \[label=', text, flags=re.MULTILINE)
    edge_lines = re.findall(r'^  "[^"]+" -> "[^"]+" \[', text, flags=re.MULTILINE)
    assert (len(node_lines), len(edge_lines)) == (44, 42)  # counted in the demo-host test
    expected = f'"if:eth0" -> "if:eth0.10" [color="{vlan_color(10)}", label="10", penwidth=2.5];'
    assert expected in text


def test_dot_quotes_awkward_names() -> None:
    graph = build(networks=[NAT_NETWORK],
                  domains=[domain('say "hi"', nic_network("default"))])
    assert '"dom:say \\"hi\\""' in to_dot(graph)


@pytest.mark.parametrize("dark", [False, True])
def test_svg_is_well_formed_and_has_the_legend(demo: TopologyGraph, dark: bool) -> None:
    svg = to_svg(demo, dark=dark)
    root = etree.fromstring(svg.encode())
    assert root.tag == f"{SVG_NS}svg"
    texts = [t.text or "" for t in root.iter(f"{SVG_NS}text")]
    assert "Legend" in texts and "VLAN 10" in texts and "VLAN 20" in texts
    assert "trunk (tagged VLANs)" in texts
    groups = [g.get("id") for g in root.iter(f"{SVG_NS}g")]
    assert len(groups) == len(demo.nodes) and "dom:web01" in groups
    # trunk edges are drawn as parallel lines in each VLAN's colour
    strokes = [p.get("stroke") for p in root.iter(f"{SVG_NS}path")]
    assert vlan_color(10) in strokes and vlan_color(20) in strokes


def test_svg_escapes_text() -> None:
    graph = build(networks=[NAT_NETWORK],
                  domains=[domain("a<b&c", nic_network("default", vlan=vlan(7)))])
    root = etree.fromstring(to_svg(graph).encode())  # would fail on a raw '<' or '&'
    assert "a<b&c" in [t.text for t in root.iter(f"{SVG_NS}text")]
