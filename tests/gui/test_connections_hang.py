"""A remote host that stops answering freezes neither the window nor the other connections.

The "remote host" is a TCP listener on 127.0.0.1 that accepts and never replies: libvirt's
client waits for an answer that does not come, until the listener closes.
"""

import socket
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from gui_actions_helpers import find, select, wait_batch
from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.roles import Category, Column
from kvmgui.core.snapshots import ConnectionState


@pytest.fixture
def silent_host() -> Iterator[str]:
    """A URI whose daemon accepts the connection and then says nothing."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []

    def accept() -> None:
        try:
            while True:
                accepted.append(server.accept()[0])
        except OSError:
            pass  # the listener was closed

    listener = threading.Thread(target=accept, daemon=True)
    listener.start()
    yield f"test+tcp://127.0.0.1:{server.getsockname()[1]}/default"
    for client in accepted:
        client.close()
    server.shutdown(socket.SHUT_RDWR)  # wakes the accept() above; close() alone would not
    server.close()
    listener.join()


def test_hung_connection_leaves_the_window_and_others_working(
        silent_host: str, qtbot: QtBot) -> None:
    app = Application([silent_host, demo_host_uri()])
    qtbot.addWidget(app.window)
    try:
        app.start()
        app.window.show()
        demo = app.model.connection(demo_host_uri())
        hung = app.model.connection(silent_host)
        qtbot.waitUntil(lambda: demo.state == ConnectionState.CONNECTED, timeout=5000)
        assert hung.state == ConnectionState.CONNECTING
        win10 = find(app, Category.DOMAINS, "win10", demo_host_uri())
        select(app, win10)
        with wait_batch(qtbot, app):
            app.actions.domain.actions[DomainAction.START].trigger()
        assert win10.siblingAtColumn(Column.STATE).data() == "Running"
        assert hung.state == ConnectionState.CONNECTING
    finally:
        app.shutdown()


def test_removing_a_hung_connection_returns_at_once(
        silent_host: str, start_app, qtbot: QtBot) -> None:
    app = start_app(demo_host_uri())
    conn = app.connections.add(silent_host)
    conn.open()
    qtbot.waitUntil(lambda: conn.state == ConnectionState.CONNECTING, timeout=2000)
    app.connections.remove(silent_host)  # queued on its worker; the GUI thread does not wait
    assert app.model.connection(silent_host) is None
    assert app.model.connection(demo_host_uri()).state == ConnectionState.CONNECTED
