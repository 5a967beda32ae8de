"""Fixtures that start the real kvmgui Application, shared by tests/gui and tests/integration.

Conftests import them by name (tests/ is on sys.path because tests/conftest.py lives there).
"""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.core.snapshots import ConnectionState

StartApp = Callable[..., Application]


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """Each test gets its own settings folder, so saved connections never leak between tests."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield


def settled(app: Application) -> bool:
    return all(c.state == ConnectionState.ERROR or
               (c.state == ConnectionState.CONNECTED and c.inventory is not None)
               for c in app.model.connections())


@pytest.fixture
def start_app(qtbot: QtBot) -> Iterator[StartApp]:
    """Start the application on the given URIs and wait until every connection has settled."""
    apps: list[Application] = []

    def start(*uris: str, timeout_ms: int = 15000) -> Application:
        app = Application(list(uris))
        apps.append(app)
        qtbot.addWidget(app.window)
        app.start()
        app.window.show()
        qtbot.waitUntil(lambda: settled(app), timeout=timeout_ms)
        return app

    yield start
    for app in apps:
        app.shutdown()
