"""The Topology page on the demo host: drawing, clicks into the tree, reachability, filters,
export and palettes."""

import threading
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import pytest
import shiboken6
from lxml import etree
from PySide6.QtCore import QPoint, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPalette
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri, resource
from kvmgui.ui.roles import NodeKind, Role
from kvmgui.ui.topology.export import scene_image
from kvmgui.ui.topology.items import Emphasis, NodeItem
from kvmgui.ui.topology.page import TopologyPage

DEMO = etree.parse(str(resource("demo-host.xml"))).getroot()
SVG_NS = "{http://www.w3.org/2000/svg}"


def open_topology(app: Application, qtbot: QtBot, select: str) -> TopologyPage:
    page = app.topology
    app.window.select(app.model.find_by_name(select))
    app.window.details.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=10000)
    return page


@pytest.fixture
def page(demo_app: Application, qtbot: QtBot) -> TopologyPage:
    return open_topology(demo_app, qtbot, demo_host_uri())


def click(qtbot: QtBot, page: TopologyPage, node_id: str) -> None:
    item = page.scene.node_items[node_id]
    page.view.centerOn(item)
    point = page.view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def box(item: NodeItem) -> QRectF:
    return item.mapRectToScene(item.boundingRect().adjusted(4, 4, -4, -4))


def emphasis(page: TopologyPage) -> Callable[[str], Emphasis]:
    return lambda node_id: page.scene.node_items[node_id].emphasis


def test_every_demo_object_is_drawn_without_overlaps(page: TopologyPage, tmp_path: Path) -> None:
    items = page.scene.node_items
    for tag, prefix in (("domain", "dom:"), ("network", "net:")):
        for element in DEMO.iterfind(tag):
            assert f"{prefix}{element.findtext('name')}" in items
    for element in DEMO.iterfind("interface[@type='ethernet']"):
        assert f"if:{element.get('name')}" in items
    for first, second in combinations(items.values(), 2):
        assert not box(first).intersects(box(second)), (first.node_id, second.node_id)
    font_name = page.font()
    font_name.setPixelSize(12)
    font_name.setBold(True)
    metrics = QFontMetricsF(font_name)
    for item in items.values():  # names are not cut off (badges leave room)
        if item.node.kind.value in ("domain", "network", "bridge", "physical"):
            assert metrics.horizontalAdvance(item.node.name) < box(item).width() - 70
    shot = tmp_path / "topology.png"
    assert page.window().grab().save(str(shot))
    assert QImage(str(shot)).width() == page.window().width()


def test_fit_shows_the_whole_picture_at_most_at_full_size(page: TopologyPage) -> None:
    page.view.fit()
    seen = page.view.mapToScene(page.view.viewport().rect()).boundingRect()
    assert seen.adjusted(-1, -1, 1, 1).contains(page.scene.sceneRect())
    assert page.view.zoom <= 1.0
    page.view.zoom_by(2.0)
    assert page.view.zoom == pytest.approx(min(page.view.fit_scale(), 1.0) * 2.0)


def test_first_view_is_readable_and_shows_the_focused_domain(
        demo_app: Application, qtbot: QtBot) -> None:
    page = open_topology(demo_app, qtbot, "web01")
    assert page.view.zoom >= min(0.55, page.view.fit_scale())
    seen = page.view.mapToScene(page.view.viewport().rect()).boundingRect()
    assert seen.intersects(page.scene.node_items["dom:web01"].sceneBoundingRect())


def test_click_on_a_domain_selects_it_and_highlights_its_paths(
        demo_app: Application, page: TopologyPage, qtbot: QtBot) -> None:
    click(qtbot, page, "dom:web01")
    tree = demo_app.window.tree
    assert tree.currentIndex().data() == "web01"
    assert tree.currentIndex().data(Role.KIND) == NodeKind.DOMAIN
    assert demo_app.window.details.tabs.currentWidget() is page  # the page stays in front
    state = emphasis(page)
    # web01: NIC 0 on the NAT network "default", NIC 1 on portgroup vlan10 of ovs-trunk
    for node in ("dom:web01", "vnic:web01/0", "net:default", "outside", "vnic:web01/1",
                 "pg:ovs-trunk/vlan10", "net:ovs-trunk", "if:ovsbr0"):
        assert state(node) is Emphasis.HIGHLIGHTED, node
    for node in ("dom:web02", "net:isolated", "if:eth1"):
        assert state(node) is Emphasis.DIMMED, node


def test_click_on_a_nic_selects_its_domain_and_on_a_network_the_network(
        demo_app: Application, page: TopologyPage, qtbot: QtBot) -> None:
    click(qtbot, page, "vnic:db01/0")
    assert demo_app.window.tree.currentIndex().data() == "db01"
    click(qtbot, page, "net:isolated")
    current = demo_app.window.tree.currentIndex()
    assert (current.data(), current.data(Role.KIND)) == ("isolated", NodeKind.NETWORK)
    click(qtbot, page, "if:eth0")
    assert demo_app.window.tree.currentIndex().data(Role.KIND) == NodeKind.INTERFACE


def test_reachability_of_two_demo_domains(page: TopologyPage) -> None:
    page.reach.ask("web01", "router01")
    assert page.reach.answer.text().startswith("Yes.")
    assert "ovsbr0" in page.reach.answer.text()
    state = emphasis(page)
    for node in ("dom:web01", "pg:ovs-trunk/vlan10", "dom:router01"):
        assert state(node) is Emphasis.HIGHLIGHTED
    assert state("net:default") is Emphasis.DIMMED  # they share VLAN 10, not the NAT path
    page.reach.ask("web01", "db01")
    assert page.reach.answer.text().startswith("No.")
    assert "VLAN 20" in page.reach.answer.text()
    page.reach.clear()
    assert all(item.emphasis is Emphasis.NORMAL for item in page.scene.node_items.values())


def test_filter_by_vlan_and_by_segment(page: TopologyPage) -> None:
    state = emphasis(page)
    page.set_filter("vlan:20")
    assert page.filter_box.currentData() == "vlan:20"
    assert state("if:eth0.20") is Emphasis.NORMAL and state("dom:db01") is Emphasis.NORMAL
    assert state("if:eth0.10") is Emphasis.DIMMED and state("dom:web02") is Emphasis.DIMMED
    page.filter_box.setCurrentIndex(page.filter_box.findData("segment:virbr1"))
    assert state("dom:nfs01") is Emphasis.NORMAL and state("dom:build01") is Emphasis.NORMAL
    assert state("dom:db01") is Emphasis.DIMMED
    page.set_filter("")
    assert state("dom:db01") is Emphasis.NORMAL


def test_export_png_and_svg(page: TopologyPage, tmp_path: Path) -> None:
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    assert page.export_png(str(png))
    image = QImage(str(png))
    rect = page.scene.sceneRect()
    assert (image.width(), image.height()) == (int(rect.width() * 2), int(rect.height() * 2))
    assert len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 7)}) > 5
    assert page.export_svg(str(svg))
    assert QSvgRenderer(str(svg)).isValid()
    groups = {g.get("id") for g in etree.parse(str(svg)).getroot().iter(f"{SVG_NS}g")}
    assert set(page.scene.node_items) <= groups
    assert not page.export_svg(str(tmp_path / "no-such-dir" / "t.svg"))
    assert not page.export_png(str(tmp_path / "no-such-dir" / "t.png"))


def test_hover_details_name_mac_forward_mode_and_dhcp_range(page: TopologyPage) -> None:
    network = next(n for n in DEMO.iterfind("network") if n.findtext("name") == "default")
    dhcp = network.find("ip/dhcp/range")
    tip = page.scene.node_items["net:default"].toolTip()
    assert "nat" in tip and dhcp.get("start") in tip and dhcp.get("end") in tip
    web01 = next(d for d in DEMO.iterfind("domain") if d.findtext("name") == "web01")
    mac = web01.find("devices/interface/mac").get("address")
    assert mac in page.scene.node_items["vnic:web01/0"].toolTip()


def test_legend_links_filter_the_view(page: TopologyPage) -> None:
    page.legend.anchorClicked.emit(QUrl("segment:virbr1"))
    assert page.filter_box.currentData() == "segment:virbr1"
    assert page.scene.node_items["dom:web02"].emphasis is Emphasis.DIMMED
    html = page.legend.toHtml()
    for segment in ("brvlan10", "virbr1", "ovsbr0"):
        assert segment in html


def test_dark_palette_redraws_with_dark_background_and_light_text(page: TopologyPage) -> None:
    assert page.scene.backgroundBrush().color().lightness() > 128
    palette = QPalette(page.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    before = page.scene.node_items["dom:web01"]
    page.setPalette(palette)
    assert page.scene.backgroundBrush().color().lightness() < 64
    assert page.scene.node_items["dom:web01"] is not before  # redrawn with the new colours
    image = scene_image(page.scene, 1.0)
    corner = QColor(image.pixel(2, 2))
    assert corner.lightness() < 64


def test_tab_shows_for_connection_domain_network_and_interface_rows(
        demo_app: Application, page: TopologyPage) -> None:
    tabs = demo_app.window.details.tabs
    for name, visible in (("web01", True), ("isolated", True), ("eth0", True),
                          ("vg_guests", False)):
        demo_app.window.select(demo_app.model.find_by_name(name))
        assert tabs.isTabVisible(tabs.indexOf(page)) is visible, name


def test_open_in_a_window_shows_the_same_topology(page: TopologyPage, qtbot: QtBot) -> None:
    window = page.open_window()
    qtbot.waitUntil(lambda: window.snapshot is not None, timeout=10000)
    assert set(window.scene.node_items) == set(page.scene.node_items)
    assert window.isWindow() and window.uri == page.uri
    window.close()


def test_background_click_selects_the_connection(
        demo_app: Application, qtbot: QtBot) -> None:
    page = open_topology(demo_app, qtbot, "web01")
    page.view.fit()
    corner = page.view.mapFromScene(page.scene.sceneRect().topLeft()) + QPoint(3, 3)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    assert demo_app.window.tree.currentIndex().data(Role.KIND) == NodeKind.CONNECTION


def test_a_network_row_focuses_the_network_and_its_guests(
        demo_app: Application, page: TopologyPage) -> None:
    demo_app.window.select(demo_app.model.find_by_name("isolated"))
    state = emphasis(page)
    for node in ("net:isolated", "dom:nfs01", "dom:build01"):
        assert state(node) is Emphasis.HIGHLIGHTED, node
    assert state("dom:web01") is Emphasis.DIMMED


def test_closing_the_window_while_it_reads_is_harmless(
        demo_app: Application, page: TopologyPage, qtbot: QtBot) -> None:
    connection = demo_app.model.connection(demo_host_uri())
    assert connection is not None
    gate = threading.Event()
    connection.run(lambda _conn: gate.wait(10))  # holds the worker: the read waits behind it
    window = page.open_window()
    qtbot.waitSignal(window.feed.loading, timeout=5000).wait()  # its read is queued
    window.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5000)  # deleted on close
    gate.set()
    done: list[bool] = []
    connection.run(lambda _conn: None, lambda _result: done.append(True))  # after the read
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
