"""Wires the Topology page into the main window's details pane.

    topology = install_topology(window, model)   # once, after the window is built
    topology.page                                # the TopologyPage (built on first use)

The tab shows for a connection row and for the domains, networks and host interfaces under it
(focused on that object); clicking a node in the picture selects its row in the tree. While it
is chosen it takes the whole window (kvmgui.ui.topology.wide). The page and the topology package
are loaded when the tab is first shown: start-up does not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kvmgui.ui.deferred_page import DeferredPage
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.roles import NodeKind
from kvmgui.ui.topology.wide import PAGE_NAME, WideTopology

if TYPE_CHECKING:
    from kvmgui.ui.topology.page import TopologyPage

# The kinds of rows the page applies to (TopologyPage.applies_to says the same).
TOPOLOGY_KINDS = (NodeKind.CONNECTION, NodeKind.DOMAIN, NodeKind.NETWORK, NodeKind.INTERFACE)


def install_topology(window: MainWindow, model: InventoryModel) -> DeferredPage[TopologyPage]:
    """Add the Topology tab to `window`; its page is built when first shown or asked for."""

    def build() -> TopologyPage:
        from kvmgui.ui.topology.page import TopologyPage

        return TopologyPage(model, window.select)

    WideTopology(window)
    return DeferredPage(window.details, build,
                        QCoreApplication.translate("TopologyPage", "Topology"),
                        TOPOLOGY_KINDS, PAGE_NAME)
