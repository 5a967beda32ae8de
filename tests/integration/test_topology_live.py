"""The topology of the real host: udev interfaces, the isolated test network and a running TCG
guest on it, checked against what virsh reports."""

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable

import libvirt
from fixture_helpers import StartApp
from daemon_helpers import URI
from lxml import etree
from pytestqt.qtbot import QtBot

from kvmgui.topology import build_topology
from kvmgui.topology.model import TopologyGraph, UplinkKind
from kvmgui.virt.topology_source import host_source

EVENT_TIMEOUT_MS = 20000


def virsh_bridge(virsh: Callable[..., str], network: str) -> str:
    match = re.search(r"^Bridge:\s+(\S+)", virsh("net-info", network), re.MULTILINE)
    assert match, "virsh net-info names no bridge"
    return match.group(1)


def virsh_vnet(virsh: Callable[..., str], guest: str) -> str:
    """The guest's tap device: first column of `virsh domiflist` (header, ruler, rows)."""
    rows = [line.split() for line in virsh("domiflist", guest).splitlines()[2:] if line.strip()]
    assert len(rows) == 1, rows
    return rows[0][0]


def test_running_guest_hangs_on_the_test_networks_bridge(
        make_guest: Callable[..., str], test_network: str, virsh: Callable[..., str],
        virt_conn: libvirt.virConnect) -> None:
    guest = make_guest("topo", running=True)
    graph = build_topology(host_source(virt_conn))
    bridge = virsh_bridge(virsh, test_network)
    network = graph.node(f"net:{test_network}")
    assert (network.bridge, network.forward, network.active) == (bridge, "isolated", True)
    vnic = graph.node(f"vnic:{guest}/0")
    assert (vnic.name, vnic.bridge, vnic.active) == (virsh_vnet(virsh, guest), bridge, True)
    assert graph.edges_between(f"net:{test_network}", vnic.id)
    assert graph.edges_between(vnic.id, f"dom:{guest}")
    (segment,) = [s for s in graph.segments if guest in s.members]
    assert (segment.bridge, segment.uplink.kind) == (bridge, UplinkKind.ISOLATED)
    assert_udev_interfaces_drawn(graph, virsh)


def assert_udev_interfaces_drawn(graph: TopologyGraph, virsh: Callable[..., str]) -> None:
    """Every interface the udev backend lists is a node (or the network owning the bridge)."""
    listed = [line.split()[0] for line in virsh("iface-list", "--all").splitlines()[2:]
              if line.strip()]
    assert listed, "the udev backend lists no interface"
    bridges = {n.bridge for n in graph.nodes.values() if n.kind.value == "network"}
    # Loopback and ifb devices carry no layer-2 traffic: the model leaves them out on purpose.
    local_only = {name for name in listed if name == "lo" or re.fullmatch(r"ifb\d+", name)}
    for name in set(listed) - local_only:
        assert f"if:{name}" in graph.nodes or name in bridges, name
    assert not any(f"if:{name}" in graph.nodes for name in local_only)


def test_cli_json_of_the_real_host(make_guest: Callable[..., str], test_network: str) -> None:
    guest = make_guest("topocli", running=True)
    result = subprocess.run([sys.executable, "-m", "kvmgui", "topology", "--connect", URI,
                             "--format", "json"], text=True, capture_output=True, timeout=120,
                            env=dict(os.environ), check=False)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    edges = {(e["from"], e["to"]) for e in data["edges"]}
    assert (f"net:{test_network}", f"vnic:{guest}/0") in edges


def test_page_follows_a_guest_started_with_virsh(
        start_app: StartApp, make_guest: Callable[..., str], test_network: str,
        virsh: Callable[..., str], qtbot: QtBot) -> None:
    guest = make_guest("topopage", running=False)
    app = start_app(URI)
    page = app.topology
    app.window.select(app.model.find_by_name(URI))
    app.window.details.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: f"dom:{guest}" in page.scene.node_items, timeout=EVENT_TIMEOUT_MS)
    vnic = f"vnic:{guest}/0"
    assert not page.scene.node_items[vnic].node.active
    virsh("start", guest)
    qtbot.waitUntil(lambda: page.scene.node_items[vnic].node.active, timeout=EVENT_TIMEOUT_MS)
    assert page.scene.node_items[vnic].node.name == virsh_vnet(virsh, guest)
    assert (f"net:{test_network}", vnic) in page.scene.edge_items
    live = etree.fromstring(virsh("dumpxml", guest))
    assert page.scene.node_items[vnic].node.mac == live.find("devices/interface/mac").get(
        "address")
