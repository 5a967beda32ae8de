"""GUI tests: the real application objects on libvirt's test driver, offscreen."""

from collections.abc import Callable, Iterator
from pathlib import Path

import libvirt
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from kvmgui.app import Application
from kvmgui.resources_path import demo_host_uri
from kvmgui.virt.snapshots import ConnectionState

StartApp = Callable[..., Application]


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """Each test gets its own settings folder, so saved connections never leak between tests."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


def settled(app: Application) -> bool:
    return all(c.state == ConnectionState.ERROR or
               (c.state == ConnectionState.CONNECTED and c.inventory is not None)
               for c in app.model.connections())


@pytest.fixture
def start_app(qtbot: QtBot) -> Iterator[StartApp]:
    """Start the application on the given URIs and wait until every connection has settled."""
    apps: list[Application] = []

    def start(*uris: str) -> Application:
        app = Application(list(uris))
        apps.append(app)
        qtbot.addWidget(app.window)
        app.start()
        app.window.show()
        qtbot.waitUntil(lambda: settled(app), timeout=15000)
        return app

    yield start
    for app in apps:
        app.shutdown()


@pytest.fixture
def demo_app(start_app: StartApp) -> Application:
    return start_app(demo_host_uri())


@pytest.fixture
def default_conn() -> Iterator[libvirt.virConnect]:
    """A second client of test:///default, playing "another program" (shares the driver state)."""
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    conn = libvirt.open("test:///default")
    yield conn
    for dom in conn.listAllDomains(0):
        if dom.name().startswith("kvmgui-test-"):
            if dom.isActive():
                dom.destroy()
            if dom.isPersistent():
                dom.undefine()
    conn.close()
