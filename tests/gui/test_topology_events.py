"""The Topology page follows events from another client of test:///default, reads on the
connection's worker, and only while it is visible."""

import threading
from typing import Any

import libvirt
import pytest
from fixture_helpers import StartApp
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.ui.topology import feed
from kvmgui.ui.topology.page import TopologyPage

URI = "test:///default"
TIMEOUT_MS = 10000


def guest_xml(name: str, mac: str) -> str:
    return (f"<domain type='test'><name>{name}</name><memory>65536</memory>"
            "<os><type>hvm</type></os><devices><interface type='network'>"
            f"<source network='default'/><mac address='{mac}'/></interface></devices></domain>")


@pytest.fixture
def default_app(start_app: StartApp) -> Application:
    return start_app(URI)


@pytest.fixture
def page(default_app: Application, qtbot: QtBot) -> TopologyPage:
    page = default_app.topology
    default_app.window.select(default_app.model.find_by_name(URI))
    default_app.window.details.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=TIMEOUT_MS)
    return page


def test_a_domain_started_by_another_client_appears(
        page: TopologyPage, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    name = "kvmgui-test-topo-start"
    assert f"dom:{name}" not in page.scene.node_items
    default_conn.defineXML(guest_xml(name, "52:54:00:7e:57:01")).create()
    qtbot.waitUntil(lambda: f"dom:{name}" in page.scene.node_items, timeout=TIMEOUT_MS)
    vnic = f"vnic:{name}/0"
    qtbot.waitUntil(lambda: page.scene.node_items[vnic].node.active, timeout=TIMEOUT_MS)
    assert ("net:default", vnic) in page.scene.edge_items
    assert page.scene.node_items[vnic].node.mac == "52:54:00:7e:57:01"
    default_conn.lookupByName(name).destroy()
    qtbot.waitUntil(lambda: not page.scene.node_items[f"dom:{name}"].node.active,
                    timeout=TIMEOUT_MS)


def test_a_hidden_page_waits_until_it_is_shown(
        default_app: Application, page: TopologyPage, default_conn: libvirt.virConnect,
        qtbot: QtBot) -> None:
    tabs = default_app.window.details.tabs
    tabs.setCurrentIndex(0)  # Summary: the page is hidden
    assert not page.isVisible()
    reads: list[object] = []
    page.feed.loading.connect(lambda: reads.append(True))
    name = "kvmgui-test-topo-hidden"
    default_conn.defineXML(guest_xml(name, "52:54:00:7e:57:02")).create()
    # The tree shows the domain: the event has reached the GUI thread, and the page with it.
    qtbot.waitUntil(lambda: default_app.model.find_by_name(name).isValid(), timeout=TIMEOUT_MS)
    assert page.feed.stale
    assert reads == [] and f"dom:{name}" not in page.scene.node_items
    tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: f"dom:{name}" in page.scene.node_items, timeout=TIMEOUT_MS)
    assert reads


def test_a_burst_of_events_is_read_once_or_twice(
        page: TopologyPage, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    reads: list[object] = []
    page.feed.loading.connect(lambda: reads.append(True))
    names = [f"kvmgui-test-topo-burst{i}" for i in range(5)]
    for index, name in enumerate(names):
        default_conn.defineXML(guest_xml(name, f"52:54:00:7e:58:0{index}")).create()
    qtbot.waitUntil(lambda: all(f"dom:{n}" in page.scene.node_items for n in names),
                    timeout=TIMEOUT_MS)
    assert 1 <= len(reads) <= 3  # 10 events (define + start each), coalesced


def test_the_topology_is_read_on_the_connection_worker(
        default_app: Application, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []
    real = feed.read_topology

    def spy(*args: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(feed, "read_topology", spy)
    page = default_app.topology
    default_app.window.select(default_app.model.find_by_name(URI))
    default_app.window.details.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=TIMEOUT_MS)
    assert threads and all(t is not threading.main_thread() for t in threads)
