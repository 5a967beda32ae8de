"""Issue 14 item 8: deleting an active pool's storage says what it takes (the pool is stopped
first, in the same confirmed step), and the toolbar's Delete deletes whatever kind of object is
selected, asking as that object's own menu entry does."""

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from gui_actions_helpers import (  # noqa: F401 - scratch_fixture provides `scratch`
    DEFAULT, POOL, PREFIX, Scratch, StartApp, find, find_volume, open_dialog, scratch_fixture,
    select, wait_batch,
)
from kvmgui.logic.action_rules import PoolAction
from kvmgui.ui.app import Application
from kvmgui.ui.dialogs.confirm_dialog import ConfirmDialog
from kvmgui.logic.action_results import ResultStatus
from kvmgui.ui.roles import Category


def toolbar_delete(app: Application) -> QAction:
    """The toolbar's Delete button (the bin), whatever it is wired to."""
    found = [a for a in app.actions.toolbar.actions() if a.text().replace("&", "") == "Delete…"]
    assert len(found) == 1, [a.text() for a in app.actions.toolbar.actions()]
    return found[0]


def test_deleting_an_active_pool_stops_it_first_in_one_confirmed_step(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    pool = scratch.pool("active")
    app = start_app(DEFAULT)
    select(app, find(app, Category.POOLS, PREFIX + "active"))
    app.actions.update_enabled()
    delete = app.actions.pool.actions[PoolAction.DELETE]
    assert delete.isEnabled()
    assert "stop" in delete.toolTip().lower()  # says so before it is chosen
    delete.trigger()
    dialog = open_dialog(app.window, ConfirmDialog)
    assert "stopped first" in dialog.detail.text()
    assert "removes the pool's directory" in dialog.detail.text()
    dialog.cancel_button.click()
    assert pool.isActive()  # cancelling changes nothing
    with wait_batch(qtbot, app) as finished:
        delete.trigger()
        open_dialog(app.window, ConfirmDialog).accept_button.click()
    assert [row.status for row in finished.args[1]] == [ResultStatus.DONE]
    assert not pool.isActive()


def test_toolbar_delete_undefines_a_network_asking_like_its_menu_entry(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    scratch.network("gone")
    app = start_app(DEFAULT)
    select(app, find(app, Category.NETWORKS, PREFIX + "gone"))
    app.actions.update_enabled()
    delete = toolbar_delete(app)
    assert delete.isEnabled()
    with wait_batch(qtbot, app):
        delete.trigger()
        dialog = open_dialog(app.window, ConfirmDialog)
        assert dialog.windowTitle() == "Undefine network"
        assert "No domain has a NIC on it." in dialog.detail.text()
        dialog.accept_button.click()
    assert PREFIX + "gone" not in {n.name() for n in scratch.conn.listAllNetworks(0)}


def test_toolbar_delete_removes_a_volume_and_undefines_a_pool(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    scratch.volume("spare.img")
    scratch.pool("spare", active=False)
    app = start_app(DEFAULT)
    select(app, find_volume(app, POOL, f"{PREFIX}spare.img"))
    app.actions.update_enabled()
    with wait_batch(qtbot, app):
        toolbar_delete(app).trigger()
        dialog = open_dialog(app.window, ConfirmDialog)
        assert dialog.windowTitle() == "Delete volume"
        dialog.accept_button.click()
    assert scratch.volume_names() == set()
    select(app, find(app, Category.POOLS, PREFIX + "spare"))
    app.actions.update_enabled()
    with wait_batch(qtbot, app):
        toolbar_delete(app).trigger()
        dialog = open_dialog(app.window, ConfirmDialog)
        assert dialog.windowTitle() == "Undefine pool"
        dialog.accept_button.click()
    assert PREFIX + "spare" not in {p.name() for p in scratch.conn.listAllStoragePools(0)}


def test_toolbar_delete_waits_for_one_kind_of_object(
        demo_app: Application) -> None:
    from kvmgui.core.resource_paths import demo_host_uri

    uri = demo_host_uri()
    select(demo_app, find(demo_app, Category.NETWORKS, "isolated", uri),
           find(demo_app, Category.DOMAINS, "db02", uri))
    demo_app.actions.update_enabled()
    assert not toolbar_delete(demo_app).isEnabled()  # one question at a time
    select(demo_app, find(demo_app, Category.DOMAINS, "db02", uri))
    demo_app.actions.update_enabled()
    assert toolbar_delete(demo_app).isEnabled()
