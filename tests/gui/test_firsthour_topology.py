"""Issue 14 item 9: the topology is readable at first sight. Long names keep both ends (the
middle is elided, the whole name is in the tooltip), the picture opens fitted to the width, and
the Topology tab takes the whole window while it is chosen."""

from html import escape
from pathlib import Path

from fixture_helpers import StartApp
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.app import Application
from kvmgui.ui.topology.page import TopologyPage

NETWORK = "kvmgui-ux-network-for-the-lab-a"
DOMAIN = "kvmgui-ux-domain-of-r&d-lab-b"
LONG_NAMES = f"""<node>
  <network><name>{NETWORK}</name><bridge name='virbr50'/><forward mode='nat'/>
    <ip address='192.168.150.1' netmask='255.255.255.0'/></network>
  <domain type='test'><name>{escape(DOMAIN)}</name><memory>65536</memory><vcpu>1</vcpu>
    <os><type>hvm</type></os>
    <devices><interface type='network'><mac address='52:54:00:00:50:01'/>
      <source network='{NETWORK}'/></interface></devices></domain>
</node>"""


def open_topology(app: Application, qtbot: QtBot, select: str) -> TopologyPage:
    page = app.topology
    app.window.select(app.model.find_by_name(select))
    app.window.details.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=10000)
    return page


def width_fits(page: TopologyPage) -> bool:
    seen = page.view.mapToScene(page.view.viewport().rect()).boundingRect()
    scene = page.scene.sceneRect()
    return seen.left() <= scene.left() + 2 and seen.right() >= scene.right() - 2


def test_long_names_keep_both_ends_and_the_tooltip_has_the_whole_name(
        start_app: StartApp, qtbot: QtBot, tmp_path: Path) -> None:
    host = tmp_path / "long-names.xml"
    host.write_text(LONG_NAMES)
    uri = f"test://{host}"
    page = open_topology(start_app(uri), qtbot, uri)
    domain = page.scene.node_items[f"dom:{DOMAIN}"]
    network = page.scene.node_items[f"net:{NETWORK}"]
    for item, name in ((domain, DOMAIN), (network, NETWORK)):
        shown = item.name_text
        assert "…" in shown, shown  # too long for the box
        head, _, tail = shown.partition("…")
        assert name.startswith(head) and name.endswith(tail) and tail, shown
        assert escape(name) in item.toolTip()  # host text, escaped in the rich tooltip
    assert domain.name_text != network.name_text  # "kvmgui-ux-…" twice told nothing


def test_the_page_takes_the_window_and_opens_fitted_to_its_width(
        demo_app: Application, qtbot: QtBot) -> None:
    window = demo_app.window
    page = open_topology(demo_app, qtbot, demo_host_uri())
    qtbot.waitUntil(lambda: page.width() >= 0.9 * window.width(), timeout=2000)
    assert window.tree.width() < 50
    assert width_fits(page)
    assert page.view.zoom >= 0.5  # still readable
    page.view.zoom_by(2.0)
    fit = next(b for b in page.findChildren(QToolButton) if b.text() == "Fit")
    fit.click()
    assert width_fits(page) and page.view.zoom >= 0.5
    window.details.tabs.setCurrentWidget(window.details.page)  # Summary: the list comes back
    qtbot.waitUntil(lambda: window.tree.width() > 300, timeout=2000)
    window.details.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: window.tree.width() < 50, timeout=2000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.tree_action.trigger()  # Ctrl+L (as Tab would): going to the list shows it
    qtbot.waitUntil(lambda: window.tree.width() > 300, timeout=2000)
