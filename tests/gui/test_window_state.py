"""The window comes back as it was left: geometry, splitter, columns, sorting and selection.

Each test runs two Application instances one after the other on the same (per-test) settings,
as two runs of kvmgui would.
"""

from app_helpers import select
from fixture_helpers import StartApp
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.roles import Category, Column, NodeKind, Role
from kvmgui.ui.window_state import SELECTION_KEY_KEY

DEMO = demo_host_uri()


def pool_volume(app: Application, pool_name: str) -> tuple[str, str]:
    """(pool UUID, key of its first volume) on the demo host."""
    pool = next(p for p in app.model.pools(DEMO) if p.name == pool_name and p.volumes)
    return pool.uuid, pool.volumes[0].key


def current(app: Application) -> tuple[object, object]:
    index = app.window.tree.currentIndex()
    return index.data(Role.KIND), index.data(Role.KEY)


def test_layout_is_restored_at_the_next_start(start_app: StartApp, qtbot: QtBot) -> None:
    first = start_app(DEMO)
    window = first.window
    window.resize(760, 540)
    window.splitter.setSizes([300, 460])
    window.tree.setColumnWidth(Column.STATE, 155)
    window.tree.header().setSortIndicator(Column.MEMORY, Qt.SortOrder.DescendingOrder)
    size, sizes = window.size(), window.splitter.sizes()
    window.close()

    second = start_app(DEMO).window
    assert second.size() == size
    assert second.splitter.sizes() == sizes
    assert second.tree.columnWidth(Column.STATE) == 155
    assert second.tree.header().sortIndicatorSection() == Column.MEMORY
    assert second.tree.header().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_saved_layout_does_not_override_the_column_preferences(start_app: StartApp) -> None:
    first = start_app(DEMO)
    first.window.column_actions[Column.VLAN].trigger()  # hidden through View ▸ Columns
    first.window.close()
    second = start_app(DEMO)
    assert second.window.tree.header().isSectionHidden(Column.VLAN)
    second.preferences.update(hidden_columns=frozenset())
    second.window.close()
    third = start_app(DEMO)
    assert not third.window.tree.header().isSectionHidden(Column.VLAN)
    for column in third.window.sparkline_columns:  # off by default, whatever the saved header
        assert third.window.tree.header().isSectionHidden(column)


def test_last_selection_comes_back_once_the_inventory_is_loaded(start_app: StartApp) -> None:
    first = start_app(DEMO)
    pool_uuid, volume_key = pool_volume(first, "default")
    pool = first.model.find(DEMO, Category.POOLS, pool_uuid)
    volume = next(index for index in (first.model.index(row, 0, pool)
                                      for row in range(first.model.rowCount(pool)))
                  if index.data(Role.KEY) == volume_key)
    first.window.select(volume)
    first.window.close()

    second = start_app(DEMO)  # returns once the inventory is in
    tree = second.window.tree
    assert current(second) == (NodeKind.VOLUME, volume_key)
    assert tree.selectionModel().isSelected(tree.currentIndex())
    assert tree.isExpanded(tree.currentIndex().parent())  # shown, not hidden in a folded pool


def test_a_selection_made_before_the_inventory_arrives_wins(start_app: StartApp,
                                                            qtbot: QtBot) -> None:
    first = start_app(DEMO)
    select(first, first.model.find_by_name("db01"))
    first.window.close()

    second = Application([DEMO])
    qtbot.addWidget(second.window)
    try:
        select(second, second.model.find_by_name(DEMO))  # a click on the connection, loading
        with qtbot.waitSignal(second.model.connection(DEMO).inventoryLoaded, timeout=15000):
            second.start()
        assert current(second) == (NodeKind.CONNECTION, DEMO)
    finally:
        second.shutdown()


def test_a_selection_of_a_connection_not_opened_stays_saved(start_app: StartApp) -> None:
    first = start_app(DEMO)
    select(first, first.model.find_by_name("web02"))
    first.window.close()
    key = QSettings().value(SELECTION_KEY_KEY)
    other = start_app("test:///default")  # the demo host is not among this run's connections
    other.window.close()
    assert QSettings().value(SELECTION_KEY_KEY) == key
