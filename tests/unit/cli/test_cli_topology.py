"""`kvmgui topology`: JSON, DOT and SVG of the demo host parsed back and checked against the
demo host's own XML; a connection that cannot be opened gives a message and exit code 2."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import libvirt
from lxml import etree

from kvmgui.core.resource_paths import demo_host_uri, resource

DEMO = etree.parse(str(resource("demo-host.xml"))).getroot()
TEST_NS = "{http://libvirt.org/schemas/domain/test/1.0}"
SVG_NS = "{http://www.w3.org/2000/svg}"


def kvmgui_topology(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kvmgui", "topology", *args], text=True,
                          capture_output=True, timeout=60, env=dict(os.environ), check=False)


def demo_names(tag: str) -> set[str]:
    return {str(e.findtext("name")) for e in DEMO.iterfind(tag)}


def active_demo_domains() -> set[str]:
    """What libvirt itself calls active on the demo host."""
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    conn = libvirt.open(demo_host_uri())
    try:
        return {d.name() for d in conn.listAllDomains(0) if d.isActive()}
    finally:
        conn.close()


def shut_off_in_the_xml() -> set[str]:
    return {str(e.findtext("name")) for e in DEMO.iterfind("domain")
            if e.findtext(f"{TEST_NS}runstate") == "5"}


def test_json_has_every_domain_and_network_of_the_demo_host() -> None:
    result = kvmgui_topology("--connect", demo_host_uri(), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["format"], data["version"]) == ("kvmgui-topology", 1)
    assert re.fullmatch(r"\d+\.\d+\.\d+", data["libvirt_version"])
    nodes = {node["id"]: node for node in data["nodes"]}
    assert {n["name"] for n in nodes.values() if n["kind"] == "domain"} == demo_names("domain")
    assert {n["name"] for n in nodes.values() if n["kind"] == "network"} == demo_names("network")
    active = active_demo_domains()
    assert active and not active & shut_off_in_the_xml()
    for name in demo_names("domain"):
        assert nodes[f"dom:{name}"]["active"] is (name in active)
    ids = set(nodes)
    for edge in data["edges"]:  # every edge joins two listed nodes
        assert {edge["from"], edge["to"]} <= ids
        assert edge["mode"] in ("access", "trunk", "none")
    members = {m for segment in data["segments"] for m in segment["members"]}
    assert members and members <= active  # shut-off guests are in no segment


def test_json_vlan_of_a_host_vlan_device_comes_from_the_xml() -> None:
    result = kvmgui_topology("--connect", demo_host_uri())
    nodes = {node["id"]: node for node in json.loads(result.stdout)["nodes"]}
    for interface in DEMO.iterfind("interface[@type='vlan']"):
        tag = int(str(interface.find("vlan").get("tag")))
        assert nodes[f"if:{interface.get('name')}"]["vlan"] == tag


def test_dot_names_every_domain_and_is_balanced() -> None:
    result = kvmgui_topology("--connect", demo_host_uri(), "--format", "dot")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("digraph topology {") and text.rstrip().endswith("}")
    assert text.count("{") == text.count("}")
    declared = set(re.findall(r'^\s+"([^"]+)" \[label=', text, re.MULTILINE))
    assert {f"dom:{name}" for name in demo_names("domain")} <= declared
    for source, target in re.findall(r'^\s+"([^"]+)" -> "([^"]+)"', text, re.MULTILINE):
        assert source in declared and target in declared


def test_svg_to_a_file_is_valid_xml_with_a_group_per_domain(tmp_path: Path) -> None:
    output = tmp_path / "host.svg"
    result = kvmgui_topology("--connect", demo_host_uri(), "--format", "svg",
                             "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    root = etree.parse(str(output)).getroot()
    assert root.tag == f"{SVG_NS}svg"
    groups = {g.get("id") for g in root.iter(f"{SVG_NS}g")}
    assert {f"dom:{name}" for name in demo_names("domain")} <= groups


def test_dark_svg_differs_only_in_colours() -> None:
    light = kvmgui_topology("--connect", demo_host_uri(), "--format", "svg").stdout
    dark = kvmgui_topology("--connect", demo_host_uri(), "--format", "svg", "--dark").stdout
    assert light != dark
    strip = re.compile(r'(fill|stroke)="#[0-9a-f]{6}"')
    assert strip.sub("", light) == strip.sub("", dark)


def test_unreachable_uri_exits_2_with_a_message() -> None:
    result = kvmgui_topology("--connect", "test:///nonexistent/host.xml", "--format", "json")
    assert result.returncode == 2
    assert "kvmgui topology: cannot connect to test:///nonexistent/host.xml" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_unknown_driver_exits_2_with_a_message() -> None:
    result = kvmgui_topology("--connect", "nosuchdriver:///x")
    assert result.returncode == 2
    assert "cannot connect to nosuchdriver:///x" in result.stderr
    assert "Traceback" not in result.stderr


def test_unwritable_output_exits_1(tmp_path: Path) -> None:
    result = kvmgui_topology("--connect", demo_host_uri(), "--output",
                             str(tmp_path / "missing-dir" / "x.json"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_missing_connect_is_a_usage_error() -> None:
    result = kvmgui_topology("--format", "json")
    assert result.returncode == 2
    assert "--connect" in result.stderr
