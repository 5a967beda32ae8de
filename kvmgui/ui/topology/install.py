"""Wires the Topology page into the main window's details pane.

    install_topology(window, model)   # once, after the window is built

The tab shows for a connection row and for the domains, networks and host interfaces under it
(focused on that object); clicking a node in the picture selects its row in the tree.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.topology.page import TopologyPage


def install_topology(window: MainWindow, model: InventoryModel) -> TopologyPage:
    """Add the Topology tab to `window` and return its page."""
    page = TopologyPage(model, window.select)
    window.details.add_page(page, QCoreApplication.translate("TopologyPage", "Topology"))
    return page
