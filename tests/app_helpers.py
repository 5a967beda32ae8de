"""Driving the real application like a user: select rows, answer dialogs, wait for actions.

Shared by tests/gui and tests/integration (tests/ is on sys.path via tests/conftest.py).
"""

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, SignalInstance
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.ui.roles import Category, Role

W = TypeVar("W", bound=QWidget)


def find_row(app: Application, uri: str, category: Category, name: str) -> QModelIndex:
    """The source index of `name` in one category of connection `uri` (invalid if absent)."""
    model = app.model
    for row in range(model.rowCount()):
        conn = model.index(row, 0)
        if conn.data(Role.KEY) == uri:
            cat = model.index(int(category), 0, conn)
            for r in range(model.rowCount(cat)):
                if model.index(r, 0, cat).data() == name:
                    return model.index(r, 0, cat)
    return QModelIndex()


def select(app: Application, *indexes: QModelIndex) -> None:
    """Make exactly these rows selected in the tree (the first one current)."""
    window = app.window
    selection = window.tree.selectionModel()
    selection.clearSelection()
    for index in indexes:
        assert index.isValid()
        proxy_index = window.view_index(index)
        window.tree.scrollTo(proxy_index)
        selection.select(proxy_index, QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    selection.setCurrentIndex(window.view_index(indexes[0]),
                              QItemSelectionModel.SelectionFlag.NoUpdate)


def open_vm_page(qtbot: QtBot, app: Application, uri: str, name: str, page_name: str,
                 page_type: type[W], ready: Callable[[W], SignalInstance],
                 timeout: int = 30000) -> W:
    """The page `page_name` of the VM window of `name` (once the tree lists it), shown and
    `ready(page)` emitted (the page has read what it shows)."""
    qtbot.waitUntil(lambda: find_row(app, uri, Category.DOMAINS, name).isValid(), timeout=timeout)
    view = app.vm_windows.open_index(find_row(app, uri, Category.DOMAINS, name))
    assert view is not None
    page = view.page(page_name)
    assert isinstance(page, page_type)
    with qtbot.waitSignal(ready(page), timeout=timeout):
        view.show_page(page_name)
    return page


def open_dialog(window: QWidget, cls: type[W]) -> W:
    """The visible dialog of type `cls` that an action just opened."""
    found = [d for d in window.findChildren(cls) if d.isVisible()]
    assert len(found) == 1, f"expected one open {cls.__name__}, found {len(found)}"
    return found[0]


def no_dialog(window: QWidget, cls: type[QWidget]) -> bool:
    return not any(d.isVisible() for d in window.findChildren(cls))


def wait_batch(qtbot: QtBot, app: Application) -> Any:
    """Context manager: waits for the runner's batchFinished (args: title, rows)."""
    return qtbot.waitSignal(app.actions.runner.batchFinished, timeout=10000)
