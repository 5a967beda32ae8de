"""kvmgui.virt.topology_source on libvirt's test driver: what the topology is built from."""

from collections.abc import Iterator

import libvirt
import pytest
from lxml import etree

from kvmgui.core.resource_paths import demo_host_uri, resource
from kvmgui.topology.model import NodeKind
from kvmgui.virt.errors import error_text
from kvmgui.virt.topology_source import (
    guest_addresses,
    host_source,
    read_topology,
)

DEMO = etree.parse(str(resource("demo-host.xml"))).getroot()
TEST_NS = "{http://libvirt.org/schemas/domain/test/1.0}"
RUNSTATE_WORDS = {"1": "running", "3": "paused", "5": "shut off", "6": "crashed"}


@pytest.fixture
def demo() -> Iterator[libvirt.virConnect]:
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    conn = libvirt.open(demo_host_uri())
    yield conn
    conn.close()


def test_every_object_of_the_demo_host_in_name_order(demo: libvirt.virConnect) -> None:
    source = host_source(demo)
    names = [str(e.findtext("name")) for e in DEMO.iterfind("domain")]
    assert [d.name for d in source.domains] == sorted(names)
    assert len(source.networks) == len(DEMO.findall("network"))
    interface_names = [etree.fromstring(xml).get("name") for xml in source.interfaces]
    assert interface_names == sorted(str(e.get("name")) for e in DEMO.iterfind("interface"))


def test_domain_state_words_follow_the_test_driver_run_state(demo: libvirt.virConnect) -> None:
    by_name = {d.name: d for d in host_source(demo).domains}
    for element in DEMO.iterfind("domain"):
        word = RUNSTATE_WORDS[element.findtext(f"{TEST_NS}runstate") or "1"]
        domain = by_name[str(element.findtext("name"))]
        assert domain.state == word
        assert domain.uuid == element.findtext("uuid")


def test_active_domains_come_with_their_live_xml(demo: libvirt.virConnect) -> None:
    for domain in host_source(demo).domains:
        live_id = etree.fromstring(domain.xml).get("id")  # only live XML carries the domain id
        assert (live_id is not None) is domain.active, domain.name


def test_network_activity_is_read(default_network_stopped: libvirt.virNetwork) -> None:
    conn = default_network_stopped.connect()
    states = {etree.fromstring(n.xml).findtext("name"): n.active
              for n in host_source(conn).networks}
    assert states["default"] is False


@pytest.fixture
def default_network_stopped() -> Iterator[libvirt.virNetwork]:
    """A private test driver host (its own copy) with its network "default" stopped."""
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    conn = libvirt.open(demo_host_uri())
    network = conn.networkLookupByName("default")
    network.destroy()
    yield network
    conn.close()


def test_version_is_the_daemons(demo: libvirt.virConnect) -> None:
    number = demo.getLibVersion()
    assert host_source(demo).libvirt_version == (number // 10**6, number // 1000 % 1000,
                                                 number % 1000)


def test_no_leases_on_the_test_driver(demo: libvirt.virConnect) -> None:
    assert guest_addresses(demo) == {}


def test_read_topology_lays_out_every_node(demo: libvirt.virConnect) -> None:
    snapshot = read_topology(demo, "test:///demo")
    graph = snapshot.graph
    assert snapshot.uri == "test:///demo"
    assert set(snapshot.layout.boxes) == set(graph.nodes)
    domains = {node.name for node in graph.nodes_of_kind(NodeKind.DOMAIN)}
    assert domains == {str(e.findtext("name")) for e in DEMO.iterfind("domain")}


def test_error_text_prefers_libvirts_message() -> None:
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    with pytest.raises(libvirt.libvirtError) as caught:
        libvirt.open("test:///nonexistent/host.xml")
    assert error_text(caught.value) == caught.value.get_error_message()
    assert error_text(ValueError("plain")) == "plain"
