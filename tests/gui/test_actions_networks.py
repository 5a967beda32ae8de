"""Network actions and the DHCP leases tab on test:///default."""

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from gui_actions_helpers import (  # noqa: F401 - scratch_fixture provides `scratch`
    DEFAULT, PREFIX, Scratch, StartApp, cell, find, open_dialog, scratch_fixture, select,
    wait_batch,
)
from kvmgui.logic.action_rules import NetworkAction
from kvmgui.ui.app import Application
from kvmgui.ui.details.leases_page import LeasesPage
from kvmgui.ui.dialogs.confirm_dialog import ConfirmDialog
from kvmgui.logic.action_results import ResultRow
from kvmgui.ui.roles import Category, Column

N = NetworkAction


def net_row(app: Application, name: str) -> QModelIndex:
    return find(app, Category.NETWORKS, PREFIX + name)


def run_net(
        qtbot: QtBot, app: Application, action: NetworkAction,
        confirm: bool = False) -> list[ResultRow]:
    with wait_batch(qtbot, app) as finished:
        app.actions.network.actions[action].trigger()
        if confirm:
            open_dialog(app.window, ConfirmDialog).accept_button.click()
    return finished.args[1]


def test_network_start_stop_autostart_follow_libvirt(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    net = scratch.network("lan", active=False)
    app = start_app(DEFAULT)
    select(app, net_row(app, "lan"))
    run_net(qtbot, app, N.START)
    assert net.isActive() and cell(net_row(app, "lan"), Column.STATE) == "Active"
    run_net(qtbot, app, N.AUTOSTART_ON)
    assert net.autostart() == 1 and cell(net_row(app, "lan"), Column.AUTOSTART) == "Yes"
    run_net(qtbot, app, N.STOP, confirm=True)
    assert not net.isActive() and cell(net_row(app, "lan"), Column.STATE) == "Inactive"


def test_undefine_lists_the_domains_with_nics_on_it(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    scratch.network("wan")
    scratch.domain("nic", networks=(f"{PREFIX}wan",))
    scratch.domain("elsewhere", networks=("default",))
    app = start_app(DEFAULT)
    select(app, net_row(app, "wan"))
    app.actions.network.actions[N.UNDEFINE].trigger()
    dialog = open_dialog(app.window, ConfirmDialog)
    assert f"{PREFIX}nic" in dialog.detail.text()
    assert f"{PREFIX}elsewhere" not in dialog.detail.text()
    with wait_batch(qtbot, app):
        dialog.accept_button.click()
    assert f"{PREFIX}wan" not in {n.name() for n in scratch.conn.listAllNetworks(0)}
    assert not net_row(app, "wan").isValid()


def test_leases_tab_says_when_the_driver_has_none(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    scratch.network("dhcp")
    scratch.network("down", active=False)
    app = start_app(DEFAULT)
    page = app.window.findChild(LeasesPage)
    select(app, net_row(app, "dhcp"))
    app.window.tree.setCurrentIndex(app.window.view_index(net_row(app, "dhcp")))
    qtbot.waitUntil(lambda: "not available on this connection" in page.status.text(), timeout=5000)
    assert page.table.rowCount() == 0
    app.window.tree.setCurrentIndex(app.window.view_index(net_row(app, "down")))
    qtbot.waitUntil(lambda: "not active" in page.status.text(), timeout=5000)
