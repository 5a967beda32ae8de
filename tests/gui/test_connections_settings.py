"""Saved connections come back after a restart: autoconnect ones open, the others wait."""

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from gui_actions_helpers import DEFAULT, StartApp
from kvmgui.ui.app import Application
from kvmgui.ui.startup import startup_connections
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.settings import ConnectionSettings, SavedConnection
from kvmgui.core.snapshots import ConnectionState


def test_saved_connections_survive_a_restart(start_app: StartApp, qtbot: QtBot) -> None:
    first = start_app(demo_host_uri())
    first.connections.add_saved(DEFAULT, autoconnect=True)
    first.connections.add_saved("test:///nowhere/else.xml", autoconnect=False)
    first.shutdown()

    # A new run reads the settings afresh, as kvmgui.ui.app.run does.
    stored = ConnectionSettings(QSettings()).load()
    assert stored == [SavedConnection(DEFAULT, True),
                      SavedConnection("test:///nowhere/else.xml", False)]
    opened, idle = startup_connections([], False, stored)
    assert (opened, idle) == ([DEFAULT], ["test:///nowhere/else.xml"])
    second = Application(opened, idle)
    qtbot.addWidget(second.window)
    try:
        second.start()
        conn = second.model.connection(DEFAULT)
        qtbot.waitUntil(lambda: conn.state == ConnectionState.CONNECTED, timeout=5000)
        waiting = second.model.connection("test:///nowhere/else.xml")
        assert waiting is not None and waiting.state == ConnectionState.DISCONNECTED
    finally:
        second.shutdown()


def test_command_line_overrides_the_saved_list() -> None:
    stored = [SavedConnection(DEFAULT, True), SavedConnection("test:///x.xml", False)]
    assert startup_connections(["qemu:///system"], False, stored) == (["qemu:///system"], [])
    assert startup_connections([], True, stored) == ([demo_host_uri()], [])


def test_settings_put_updates_in_place_and_remove_forgets() -> None:
    settings = ConnectionSettings(QSettings())
    settings.put(SavedConnection("a:///", True))
    settings.put(SavedConnection("b:///", True))
    settings.set_autoconnect("a:///", False)
    assert settings.load() == [SavedConnection("a:///", False), SavedConnection("b:///", True)]
    settings.remove("a:///")
    assert settings.load() == [SavedConnection("b:///", True)]
