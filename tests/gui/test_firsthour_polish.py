"""Issue 14 item 10 (polish) and the demo host: menus each have their own Alt key in English and
Chinese, the tree's columns all show at the default size, the Shut down button does not look
disabled, and the demo host stays one menu entry away once other connections are saved."""

import re

from fixture_helpers import StartApp
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.core.snapshots import ConnectionState
from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application

MNEMONIC = re.compile(r"&(?!&)(.)")
DEFAULT = "test:///default"


def menu_keys(app: Application) -> list[str]:
    keys = []
    for action in app.window.menuBar().actions():
        found = MNEMONIC.search(action.text())
        assert found, action.text()
        keys.append(found.group(1).lower())
    return keys


def test_every_menu_has_its_own_alt_key(demo_app: Application) -> None:
    keys = menu_keys(demo_app)
    assert len(keys) == len(set(keys)), [a.text() for a in demo_app.window.menuBar().actions()]


def test_every_menu_has_its_own_alt_key_in_chinese(chinese: QLocale,
                                                   start_app: StartApp) -> None:
    app = start_app(demo_host_uri())
    keys = menu_keys(app)
    assert len(keys) == len(set(keys)), [a.text() for a in app.window.menuBar().actions()]


def columns_fit(app: Application) -> None:
    tree = app.window.tree
    header = tree.header()
    shown = sorted((c for c in range(header.count()) if not header.isSectionHidden(c)),
                   key=header.sectionPosition)
    last = shown[-1]
    assert header.sectionPosition(last) + header.sectionSize(last) <= tree.viewport().width(), \
        "the last column runs past the tree's edge"
    metrics = QFontMetrics(header.font())
    for column in shown:
        title = str(header.model().headerData(column, Qt.Orientation.Horizontal))
        assert metrics.horizontalAdvance(title) + 8 <= header.sectionSize(column), title


def test_every_tree_column_shows_whole_at_the_default_size(demo_app: Application) -> None:
    columns_fit(demo_app)


def test_every_tree_column_shows_whole_in_chinese(chinese: QLocale, start_app: StartApp) -> None:
    columns_fit(start_app(demo_host_uri()))


def colourfulness(image: QImage) -> float:
    """Mean HSV saturation (0-255) of the opaque pixels."""
    values = [QColor(image.pixel(x, y)).hsvSaturation()
              for x in range(image.width()) for y in range(image.height())
              if QColor.fromRgba(image.pixel(x, y)).alpha() > 160]
    return sum(values) / max(len(values), 1)


def test_the_shut_down_button_looks_enabled_when_it_is(demo_app: Application) -> None:
    icon = demo_app.actions.domain.actions[DomainAction.SHUTDOWN].icon()
    normal = colourfulness(icon.pixmap(32, QIcon.Mode.Normal).toImage())
    disabled = colourfulness(icon.pixmap(32, QIcon.Mode.Disabled).toImage())
    assert normal > 60 and normal > 3 * disabled, (normal, disabled)


def demo_hints(app: Application) -> list[QLabel]:
    return [label for label in app.window.statusBar().findChildren(QLabel)
            if label.isVisible() and "Open demo host" in label.text()]


def test_without_the_demo_host_the_file_menu_opens_it_and_the_status_bar_says_so(
        start_app: StartApp, qtbot: QtBot) -> None:
    app = start_app(DEFAULT)
    assert app.model.connection(demo_host_uri()) is None
    assert demo_hints(app), "the status bar says how to get the demo host back"
    entry = next(a for a in app.window.file_menu.actions()
                 if a.text().replace("&", "") == "Open demo host")
    entry.trigger()
    demo = app.model.connection(demo_host_uri())
    assert demo is not None
    qtbot.waitUntil(lambda: demo.state == ConnectionState.CONNECTED and demo.inventory is not None,
                    timeout=10000)
    assert app.window.tree.currentIndex().data() == demo.inventory.host.hostname
    assert not demo_hints(app)
    entry.trigger()  # again: nothing doubles
    assert [c.uri for c in app.model.connections()].count(demo_host_uri()) == 1


def test_with_the_demo_host_open_there_is_no_hint(demo_app: Application) -> None:
    assert not demo_hints(demo_app)
