"""Issue 14 item 10: every text the Topology page shows can be translated.

A pseudo-translation turns each letter of every catalogue string into its full-width form
("Bridge" becomes "Ｂｒｉｄｇｅ"), keeping "{name}" and "%s" placeholders. With it installed, a
plain ASCII word left on the page either came from the host (a name, an address, a model) or
never went through a translation: the latter fails the test, naming the text it was found in.
"""

import re
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest
from fixture_helpers import StartApp
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvmgui.core.message import Message
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.topology.model import NodeKind, TopologyGraph
from kvmgui.ui.app import Application
from kvmgui.ui.topology.page import TopologyPage

PLACEHOLDER_OR_LETTER = re.compile(r"(\{\w+\}|%[0-9a-zA-Z]|&&)|([A-Za-z])")
WORD = re.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")
# What a host names: shown as it is, in any language.
HOST_DETAILS = ("uuid", "ip", "addresses", "model", "source", "portgroup", "forward devices",
                "bond mode")
# A second host for what the demo host lacks: macvtap in VEPA and private mode, a user-mode NIC,
# a link that is down, a bridge without uplink, a hostdev NIC and a NIC of an unusual type.
EXTRA_HOST = """<node>
  <interface type='ethernet' name='eth7'><start mode='onboot'/><mac address='52:54:00:aa:00:07'/>
    </interface>
  <interface type='bridge' name='br-lonely'><start mode='onboot'/><bridge/></interface>
  <domain type='test'><name>alpha</name><memory>65536</memory><vcpu>1</vcpu>
    <os><type>hvm</type></os><devices>
      <interface type='direct'><mac address='52:54:00:00:70:01'/>
        <source dev='eth7' mode='vepa'/></interface>
      <interface type='direct'><mac address='52:54:00:00:70:02'/>
        <source dev='eth7' mode='private'/></interface>
      <interface type='user'><mac address='52:54:00:00:70:03'/></interface>
    </devices></domain>
  <domain type='test'><name>beta</name><memory>65536</memory><vcpu>1</vcpu>
    <os><type>hvm</type></os><devices>
      <interface type='direct'><mac address='52:54:00:00:70:04'/>
        <source dev='eth7' mode='vepa'/></interface>
      <interface type='bridge'><mac address='52:54:00:00:70:05'/><source bridge='br-lonely'/>
        <link state='down'/></interface>
      <interface type='ethernet'><mac address='52:54:00:00:70:06'/></interface>
      <interface type='hostdev'><mac address='52:54:00:00:70:07'/><source>
        <address type='pci' domain='0x0000' bus='0x03' slot='0x00' function='0x1'/></source>
      </interface>
    </devices></domain>
</node>"""


def pseudo(text: str) -> str:
    return PLACEHOLDER_OR_LETTER.sub(
        lambda m: m.group(1) or chr(ord(m.group(2)) + 0xFEE0), text)


class PseudoTranslator(QTranslator):
    """Translates every string of every context (see the module docstring)."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return pseudo(source_text)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo_language(qapp: QApplication) -> Iterator[None]:
    translator = PseudoTranslator(qapp)
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
    translator.deleteLater()


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def data_in(value: str | Message) -> Iterator[str]:
    """Host text: a string as it is, or the text arguments of a message (its words are not)."""
    if isinstance(value, str):
        yield value
        return
    for _name, argument in value.args:
        yield from data_in(argument)


def host_words(graph: TopologyGraph) -> list[str]:
    """What the host itself names, longest first (so "eth0.10" goes before "eth0")."""
    words = set()
    for node in graph.nodes.values():
        if node.kind is not NodeKind.OUTSIDE:  # "outside" is our word, not the host's
            words.add(node.name)
        words.update(filter(None, (node.mac, node.bridge)))
        for key, value in node.detail:
            if key in HOST_DETAILS:
                words.update(data_in(value))
    for segment in graph.segments:
        words.update(segment.members)
        words.update(filter(None, (segment.bridge,)))
    return sorted(words, key=len, reverse=True)


def shown_texts(page: TopologyPage) -> Iterator[tuple[str, str]]:
    """(where, text) of everything the page shows about its graph."""
    graph = page.scene.graph
    assert graph is not None
    for node_id, item in page.scene.node_items.items():
        yield f"name of {node_id}", item.name_text
        yield f"subtitle of {node_id}", item.subtitle_text
        yield f"tooltip of {node_id}", plain(item.toolTip())
    for key, edge in page.scene.edge_items.items():
        yield f"label of edge {key}", edge.label_text
        yield f"tooltip of edge {key}", plain(edge.toolTip())
    for segment in page.scene.segment_items:
        yield f"tooltip of segment {segment.segment_id}", plain(segment.toolTip())
    yield "legend", page.legend.toPlainText()
    yield "status", page.status.text()
    for index in range(page.filter_box.count()):
        yield "filter box", page.filter_box.itemText(index)
    domains = sorted(node.name for node in graph.nodes_of_kind(NodeKind.DOMAIN))
    for first, second in combinations(domains, 2):
        page.reach.ask(first, second)
        yield f"reachability of {first} and {second}", page.reach.answer.text()


def untranslated(page: TopologyPage) -> list[tuple[str, str, str]]:
    graph = page.scene.graph
    assert graph is not None
    names = host_words(graph)
    found = []
    for where, text in shown_texts(page):
        rest = text
        for name in names:
            rest = rest.replace(name, " ")
        found += [(where, word, text) for word in WORD.findall(rest)]
    return found


def open_topology(app: Application, qtbot: QtBot, uri: str) -> TopologyPage:
    page = app.topology
    app.window.select(app.model.find_by_name(uri))
    app.window.details.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=10000)
    return page


def test_the_check_sees_a_text_that_skipped_translation(
        pseudo_language: None, demo_app: Application, qtbot: QtBot) -> None:
    page = open_topology(demo_app, qtbot, demo_host_uri())
    page.status.setText("macvtap on eth0")  # English straight from a pure layer
    assert ("status", "macvtap", "macvtap on eth0") in untranslated(page)


def test_every_demo_host_topology_text_is_translatable(
        pseudo_language: None, demo_app: Application, qtbot: QtBot) -> None:
    page = open_topology(demo_app, qtbot, demo_host_uri())
    assert untranslated(page) == []


def test_every_text_of_macvtap_user_and_hostdev_nics_is_translatable(
        pseudo_language: None, start_app: StartApp, qtbot: QtBot, tmp_path: Path) -> None:
    host = tmp_path / "extra-host.xml"
    host.write_text(EXTRA_HOST)
    uri = f"test://{host}"
    page = open_topology(start_app(uri), qtbot, uri)
    assert untranslated(page) == []
