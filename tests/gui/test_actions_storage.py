"""Pool and volume actions on test:///default, checked against another client's view."""

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from gui_actions_helpers import (  # noqa: F401 - scratch_fixture provides `scratch`
    DEFAULT, POOL, PREFIX, Scratch, StartApp, cell, domain, find, find_volume, no_dialog,
    open_dialog, scratch_fixture, select, wait_batch,
)
from kvmgui.logic.action_rules import PoolAction, VolumeAction
from kvmgui.ui.app import Application
from kvmgui.ui.dialogs.confirm_dialog import ConfirmDialog
from kvmgui.ui.dialogs.message_dialog import MessageDialog
from kvmgui.logic.action_results import ResultRow, ResultStatus
from kvmgui.ui.roles import Category, Column

P = PoolAction
IMAGES = f"/{POOL}/{PREFIX}"


def pool_row(app: Application, name: str) -> QModelIndex:
    return find(app, Category.POOLS, PREFIX + name)


def run_pool(
        qtbot: QtBot, app: Application, action: PoolAction,
        confirm: bool = False) -> list[ResultRow]:
    with wait_batch(qtbot, app) as finished:
        app.actions.pool.actions[action].trigger()
        if confirm:
            open_dialog(app.window, ConfirmDialog).accept_button.click()
    return finished.args[1]


def test_pool_lifecycle_follows_libvirt(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    pool = scratch.pool("pool")
    app = start_app(DEFAULT)
    select(app, pool_row(app, "pool"))
    run_pool(qtbot, app, P.STOP, confirm=True)
    assert not pool.isActive() and cell(pool_row(app, "pool"), Column.STATE) == "Inactive"
    run_pool(qtbot, app, P.BUILD)
    run_pool(qtbot, app, P.START)
    assert pool.isActive() and cell(pool_row(app, "pool"), Column.STATE) == "Active"
    run_pool(qtbot, app, P.REFRESH)
    run_pool(qtbot, app, P.AUTOSTART_ON)
    assert pool.autostart() == 1 and cell(pool_row(app, "pool"), Column.AUTOSTART) == "Yes"
    run_pool(qtbot, app, P.STOP, confirm=True)
    app.actions.pool.actions[P.DELETE].trigger()
    dialog = open_dialog(app.window, ConfirmDialog)
    assert "removes the pool's directory" in dialog.detail.text()
    with wait_batch(qtbot, app):
        dialog.accept_button.click()
    rows = run_pool(qtbot, app, P.UNDEFINE, confirm=True)
    assert rows[0].status is ResultStatus.DONE
    assert f"{PREFIX}pool" not in {p.name() for p in scratch.conn.listAllStoragePools(0)}
    assert not pool_row(app, "pool").isValid()


def test_logical_pool_delete_warns_that_volumes_are_lost(
        demo_app: Application, qtbot: QtBot) -> None:
    from kvmgui.core.resource_paths import demo_host_uri
    app = demo_app
    select(app, find(app, Category.POOLS, "vg_guests", demo_host_uri()))
    run_pool(qtbot, app, P.STOP, confirm=True)
    app.actions.pool.actions[P.DELETE].trigger()
    dialog = open_dialog(app.window, ConfirmDialog)
    assert "every logical volume in it is lost" in dialog.detail.text()
    dialog.cancel_button.click()
    assert find(app, Category.POOLS, "vg_guests", demo_host_uri()).isValid()


def test_volume_in_use_by_a_running_domain_is_refused_naming_it(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    scratch.volume("busy.img")
    scratch.domain("user", running=True, disks=(IMAGES + "busy.img",))
    app = start_app(DEFAULT)
    select(app, find_volume(app, POOL, f"{PREFIX}busy.img"))
    with qtbot.assertNotEmitted(app.actions.runner.batchFinished, wait=100):
        app.actions.volume.actions[VolumeAction.DELETE].trigger()
    message = open_dialog(app.window, MessageDialog)
    assert f"{PREFIX}user" in message.copyable.toPlainText()
    assert no_dialog(app.window, ConfirmDialog)
    message.buttons.rejected.emit()
    assert scratch.volume_names() == {f"{PREFIX}busy.img"}


def test_volume_delete_asks_names_stopped_users_and_removes_only_it(
        start_app: StartApp, scratch: Scratch, qtbot: QtBot) -> None:
    scratch.volume("old.img")
    scratch.volume("other.img")
    scratch.domain("stopped", disks=(IMAGES + "old.img",))
    app = start_app(DEFAULT)
    select(app, find_volume(app, POOL, f"{PREFIX}old.img"))
    app.actions.volume.actions[VolumeAction.DELETE].trigger()
    dialog = open_dialog(app.window, ConfirmDialog)
    assert f"{PREFIX}stopped" in dialog.detail.text()
    dialog.cancel_button.click()
    assert scratch.volume_names() == {f"{PREFIX}old.img", f"{PREFIX}other.img"}
    with wait_batch(qtbot, app):
        app.actions.volume.actions[VolumeAction.DELETE].trigger()
        open_dialog(app.window, ConfirmDialog).accept_button.click()
    assert scratch.volume_names() == {f"{PREFIX}other.img"}
    assert not find_volume(app, POOL, f"{PREFIX}old.img").isValid()
    assert find_volume(app, POOL, f"{PREFIX}other.img").isValid()
    assert domain(app, "stopped").isValid()
