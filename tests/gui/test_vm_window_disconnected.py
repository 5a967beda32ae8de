"""A domain whose connection is down shows as unknown, so nothing may act on it: the VM
window's own entries in the Domain menu (Open, Edit…, Take snapshot…, Add hardware…, Open
console, Open in external viewer) and its window's toolbar (Clone…) are disabled like the
domain actions (tests/gui/test_firsthour_disconnected.py), and come back with the connection."""

from app_helpers import find_row, select
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.core.snapshots import ConnectionState
from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.actions.connection_actions import ConnectionAction
from kvmgui.ui.app import Application
from kvmgui.ui.roles import Category

from vm_window_helpers import open_vm

D = DomainAction
DEMO = demo_host_uri()


def menu_actions(app: Application) -> dict[str, QAction]:
    feature = app.vm_windows
    return {"Open": feature.open_action, "Edit": app.editors.edit_action,
            "Take snapshot": feature.take_snapshot.action,
            "Add hardware": feature.add_hardware.action,
            "Open console": app.actions.domain.actions[D.CONSOLE],
            "Open in external viewer": app.actions.domain.actions[D.EXTERNAL_VIEWER]}


def select_domain(app: Application, name: str) -> None:
    select(app, find_row(app, DEMO, Category.DOMAINS, name))
    app.actions.update_enabled()


def enabled(actions: dict[str, QAction]) -> set[str]:
    return {name for name, action in actions.items() if action.isEnabled()}


def set_connected(app: Application, qtbot: QtBot, connected: bool) -> None:
    conn = app.model.connection(DEMO)
    assert conn is not None
    select(app, app.model.find_by_name(DEMO))
    app.actions.update_enabled()
    if connected:
        with qtbot.waitSignal(conn.inventoryLoaded, timeout=5000):
            app.actions.connection.actions[ConnectionAction.CONNECT].trigger()
    else:
        app.actions.connection.actions[ConnectionAction.DISCONNECT].trigger()
        assert conn.state == ConnectionState.DISCONNECTED


def test_vm_window_actions_are_disabled_while_the_domains_connection_is_down(
        demo_app: Application, qtbot: QtBot) -> None:
    app = demo_app
    view = open_vm(qtbot, app, "build01", DEMO)  # paused: it can be cloned
    clone = view.domain_actions.actions[D.CLONE]
    select_domain(app, "build01")
    assert enabled(menu_actions(app)) == set(menu_actions(app))
    assert clone.isEnabled()

    set_connected(app, qtbot, False)
    select_domain(app, "build01")
    assert enabled(menu_actions(app)) == set()
    assert not clone.isEnabled()
    assert not any(a.isEnabled() for a in view.domain_actions.actions.values())

    set_connected(app, qtbot, True)
    select_domain(app, "build01")
    assert enabled(menu_actions(app)) == set(menu_actions(app))
    qtbot.waitUntil(clone.isEnabled, timeout=5000)


def test_enter_on_a_domain_of_a_disconnected_host_opens_no_window(
        demo_app: Application, qtbot: QtBot) -> None:
    app = demo_app
    set_connected(app, qtbot, False)
    row = find_row(app, DEMO, Category.DOMAINS, "web02")
    select(app, row)
    app.window.tree.activated.emit(app.window.view_index(row))
    assert app.vm_windows.manager.views() == []
