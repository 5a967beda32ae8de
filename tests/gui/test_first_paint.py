"""The `first paint` log line (issue 15): once per connection, after a paint of the tree's rows."""

import logging

import pytest
from pytestqt.qtbot import QtBot

from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.app import Application
from kvmgui.ui.first_paint import FirstPaintLog
from fixture_helpers import StartApp


def first_paint_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("first paint:")]


def test_first_paint_is_logged_once_per_loaded_connection_with_its_rows(
        start_app: StartApp, qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="kvmgui.app")
    uri = demo_host_uri()
    app = start_app(uri)
    FirstPaintLog(app.window.tree, app.model, [uri, "test:///nowhere/not-opened.xml"])
    assert first_paint_lines(caplog) == []  # nothing painted since it started listening
    app.window.tree.viewport().update()
    qtbot.waitUntil(lambda: bool(first_paint_lines(caplog)), timeout=5000)
    inventory = app.model.connection(uri).inventory
    assert inventory is not None
    rows = sum(len(objects) for objects in (inventory.domains, inventory.pools,
                                            inventory.networks, inventory.interfaces))
    assert first_paint_lines(caplog) == [f"first paint: {uri} rows={rows}"]
    app.window.tree.viewport().update()
    qtbot.wait(100)
    assert len(first_paint_lines(caplog)) == 1  # once only


def test_rows_that_arrive_after_the_window_was_painted_are_logged_on_their_own_paint(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    """The window paints first (empty tree); the connection's rows come later and repaint only
    the tree's viewport: that paint is the one logged."""
    caplog.set_level(logging.INFO, logger="kvmgui.app")
    uri = demo_host_uri()
    app = Application([uri], keep_layout=False)
    qtbot.addWidget(app.window)
    FirstPaintLog(app.window.tree, app.model, [uri])
    app.window.show()
    qtbot.waitExposed(app.window)
    qtbot.wait(50)
    assert first_paint_lines(caplog) == []  # painted, but without the rows
    try:
        app.start()
        qtbot.waitUntil(lambda: bool(first_paint_lines(caplog)), timeout=10000)
        [line] = first_paint_lines(caplog)
        assert line.startswith(f"first paint: {uri} rows=") and not line.endswith("rows=0")
    finally:
        app.shutdown()
