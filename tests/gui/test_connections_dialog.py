"""Add Connection dialog, and connect / disconnect / reconnect / autoconnect / remove."""

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from gui_actions_helpers import DEFAULT, StartApp, open_dialog, select
from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.actions.connection_actions import ConnectionAction
from kvmgui.ui.dialogs.add_connection_dialog import AddConnectionDialog
from kvmgui.ui.settings import ConnectionSettings, SavedConnection
from kvmgui.core.uris import Hypervisor, Transport
from kvmgui.core.snapshots import ConnectionState

C = ConnectionAction


def pick(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(combo.findData(value))


def saved() -> list[SavedConnection]:
    return ConnectionSettings(QSettings()).load()


def test_dialog_shows_the_uri_live_and_refuses_bad_fields(
        demo_app: Application, qtbot: QtBot) -> None:
    demo_app.actions.connection.actions[C.ADD].trigger()
    dialog = open_dialog(demo_app.window, AddConnectionDialog)
    assert dialog.uri_label.text() == "qemu:///system"
    assert not dialog.host.isEnabled()
    pick(dialog.transport, Transport.SSH)
    assert dialog.host.isEnabled() and not dialog.connect_button.isEnabled()
    assert dialog.problem.isVisibleTo(dialog) and "host" in dialog.problem.text()
    qtbot.keyClicks(dialog.host, "kvm1.example")
    qtbot.keyClicks(dialog.user, "ann")
    assert dialog.uri_label.text() == "qemu+ssh://ann@kvm1.example/system"
    assert dialog.connect_button.isEnabled()
    pick(dialog.hypervisor, Hypervisor.QEMU_SESSION)
    qtbot.keyClicks(dialog.port, "2222")
    assert dialog.uri_label.text() == "qemu+ssh://ann@kvm1.example:2222/session"
    dialog.use_custom.setChecked(True)
    assert not dialog.transport.isEnabled() and dialog.custom_uri.isEnabled()
    qtbot.keyClicks(dialog.custom_uri, "nonsense")
    assert not dialog.connect_button.isEnabled()
    dialog.cancel_button.click()
    assert saved() == []
    assert [c.uri for c in demo_app.model.connections()] == [demo_host_uri()]


def test_added_connection_opens_is_saved_and_can_be_removed(
        demo_app: Application, qtbot: QtBot) -> None:
    app = demo_app
    app.actions.connection.actions[C.ADD].trigger()
    dialog = open_dialog(app.window, AddConnectionDialog)
    pick(dialog.hypervisor, Hypervisor.TEST)
    dialog.autoconnect.setChecked(False)
    dialog.connect_button.click()
    conn = app.model.connection(DEFAULT)
    assert conn is not None
    qtbot.waitUntil(lambda: conn.state == ConnectionState.CONNECTED and conn.inventory is not None,
                    timeout=5000)
    assert saved() == [SavedConnection(DEFAULT, autoconnect=False)]
    select(app, app.model.find_by_name(DEFAULT))
    autoconnect = app.actions.connection.actions[C.AUTOCONNECT]
    assert autoconnect.isEnabled() and not autoconnect.isChecked()
    autoconnect.trigger()
    assert saved() == [SavedConnection(DEFAULT, autoconnect=True)]
    app.actions.connection.actions[C.REMOVE].trigger()
    assert app.model.connection(DEFAULT) is None
    assert not app.model.find_by_name(DEFAULT).isValid()
    assert saved() == []


def test_disconnect_connect_and_reconnect(start_app: StartApp, qtbot: QtBot) -> None:
    app = start_app(DEFAULT)
    conn = app.model.connection(DEFAULT)
    actions = app.actions.connection.actions
    select(app, app.model.find_by_name(DEFAULT))
    assert actions[C.DISCONNECT].isEnabled() and not actions[C.CONNECT].isEnabled()
    actions[C.DISCONNECT].trigger()
    assert conn.state == ConnectionState.DISCONNECTED
    # Its objects stay listed, greyed, until it is back (test_firsthour_disconnected.py).
    assert app.model.rowCount(app.model.index(0, 0, app.model.find_by_name(DEFAULT))) > 0
    qtbot.waitUntil(lambda: actions[C.CONNECT].isEnabled(), timeout=2000)
    with qtbot.waitSignal(conn.inventoryLoaded, timeout=5000):
        actions[C.CONNECT].trigger()
    assert conn.state == ConnectionState.CONNECTED
    assert app.model.rowCount(app.model.index(0, 0, app.model.find_by_name(DEFAULT))) > 0
    with qtbot.waitSignal(conn.inventoryLoaded, timeout=5000):
        actions[C.RECONNECT].trigger()
    assert conn.state == ConnectionState.CONNECTED
