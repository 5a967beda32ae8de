"""A summary value too long to wrap (a UUID, a path, a hostile name without spaces) stays
reachable: the page scrolls sideways instead of cutting it off at the pane's edge."""

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app_helpers import find_row, select
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.app import Application
from kvmgui.ui.roles import Category


def test_long_values_can_be_scrolled_to(demo_app: Application, qtbot: QtBot) -> None:
    demo_app.window.resize(1280, 800)
    select(demo_app, find_row(demo_app, demo_host_uri(), Category.DOMAINS, "web01"))
    page = demo_app.window.details.page
    qtbot.waitUntil(lambda: page.content is not None and page.content[0] == "web01")
    body = page.widget()
    uuid_label = next(label for label in body.findChildren(QLabel)
                      if label.text().startswith("d0000000-"))
    qtbot.waitUntil(lambda: body.width() > 0)
    right_edge = uuid_label.mapTo(body, uuid_label.rect().topRight()).x()
    overflow = right_edge - page.viewport().width()
    if overflow > 0:  # the pane is narrower than the value: scrolling must reach its end
        bar = page.horizontalScrollBar()
        assert bar.isVisible() and bar.maximum() >= overflow
    assert uuid_label.width() >= uuid_label.fontMetrics().horizontalAdvance(uuid_label.text())
