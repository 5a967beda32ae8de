"""Issue 14 item 3: a connection that is not connected shows its objects as unknown and greyed,
with their actions disabled, until it is back. Disconnect on the test driver leaves the same
state as a daemon that died (tests/integration/test_app_live.py kills a real one)."""

from pathlib import Path

from app_helpers import find_row, select
from fixture_helpers import StartApp
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.core.snapshots import ConnectionState
from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.actions.base import ObjectActions
from kvmgui.ui.actions.connection_actions import ConnectionAction
from kvmgui.ui.app import Application
from kvmgui.ui.roles import Category, Column

C = ConnectionAction


def state(index: QModelIndex) -> str:
    return str(index.siblingAtColumn(Column.STATE).data())


def enabled(app: Application, group: ObjectActions, index: QModelIndex) -> set[object]:
    select(app, index)
    app.actions.update_enabled()
    return {key for key, action in group.actions.items() if action.isEnabled()}


def test_objects_of_a_disconnected_host_are_unknown_greyed_and_their_actions_disabled(
        demo_app: Application, qtbot: QtBot) -> None:
    app, uri = demo_app, demo_host_uri()
    conn = app.model.connection(uri)
    assert conn is not None
    rows = [(Category.DOMAINS, "web01", app.actions.domain),
            (Category.POOLS, "default", app.actions.pool),
            (Category.NETWORKS, "default", app.actions.network)]
    assert state(find_row(app, uri, Category.DOMAINS, "web01")) == "Running"
    assert DomainAction.SHUTDOWN in enabled(app, app.actions.domain,
                                            find_row(app, uri, Category.DOMAINS, "web01"))

    select(app, app.model.find_by_name(uri))
    app.actions.update_enabled()
    app.actions.connection.actions[C.DISCONNECT].trigger()
    assert conn.state == ConnectionState.DISCONNECTED
    grey = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    for category, name, group in rows:
        row = find_row(app, uri, category, name)
        assert row.isValid(), f"{name} is still listed, greyed"
        assert state(row) == "Unknown", name
        assert row.data(Qt.ItemDataRole.ForegroundRole).color() == grey, name
        assert enabled(app, group, row) == set(), name
        app.window.details.refresh()  # the summary does not tell the last known state either
        content = app.window.details.page.content
        assert content is not None and ("State", "Unknown") in content[1], name

    select(app, app.model.find_by_name(uri))
    app.actions.update_enabled()
    with qtbot.waitSignal(conn.inventoryLoaded, timeout=5000):
        app.actions.connection.actions[C.CONNECT].trigger()
    web01 = find_row(app, uri, Category.DOMAINS, "web01")
    assert state(web01) == "Running"
    assert web01.data(Qt.ItemDataRole.ForegroundRole) is None
    assert DomainAction.SHUTDOWN in enabled(app, app.actions.domain, web01)


def test_a_failed_connection_fits_its_state_cell_and_tells_the_whole_error_elsewhere(
        start_app: StartApp, tmp_path: Path) -> None:
    uri = f"test://{tmp_path}/no-such-host.xml"
    app = start_app(uri)
    conn = app.model.connection(uri)
    assert conn is not None and conn.state == ConnectionState.ERROR and conn.message
    row = app.model.find_by_name(uri)
    text = state(row)
    fits = app.window.tree.columnWidth(Column.STATE) - 12
    assert QFontMetrics(app.window.tree.font()).horizontalAdvance(text) <= fits, text
    tooltip = str(row.siblingAtColumn(Column.STATE).data(Qt.ItemDataRole.ToolTipRole))
    assert conn.message in tooltip
    select(app, row)
    app.window.details.refresh()
    content = app.window.details.page.content
    assert content is not None
    assert any(conn.message in (value or "") for _label, value in content[1]), content
