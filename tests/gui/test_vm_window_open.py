"""Opening VM windows: double-click, Enter and Open (toolbar, Domain and context menu); once per
domain; several at once; size and page remembered across a restart; the tabs preference;
Edit… beside Open, and F2."""

import pytest
from app_helpers import find_row, select
from fixture_helpers import StartApp
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.app import Application
from kvmgui.ui.roles import Category, NodeKind
from kvmgui.ui.vm_window.vm_view import VmView

from vm_window_helpers import open_vm

DEMO = demo_host_uri()


def domain_row(app: Application, name: str):  # type: ignore[no-untyped-def]
    return find_row(app, DEMO, Category.DOMAINS, name)


def opened(qtbot: QtBot, app: Application, trigger) -> VmView:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(app.vm_windows.manager.opened, timeout=5000) as blocker:
        trigger()
    view = blocker.args[0]
    assert isinstance(view, VmView)
    return view


def test_double_click_opens_the_domains_window(demo_app: Application, qtbot: QtBot) -> None:
    tree = demo_app.window.tree
    index = demo_app.window.view_index(domain_row(demo_app, "web01"))
    tree.scrollTo(index)
    rect = tree.visualRect(index)

    def double_click() -> None:
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    view = opened(qtbot, demo_app, double_click)
    assert view.domain is not None and view.domain.name == "web01"
    assert view.windowTitle().startswith("web01 on ")
    assert view.current_page_name() == "console"
    assert not demo_app.editors._open  # a domain's double-click opens no editor dialog


def test_enter_on_a_domain_row_opens_its_window(demo_app: Application, qtbot: QtBot) -> None:
    select(demo_app, domain_row(demo_app, "db01"))
    tree = demo_app.window.tree
    tree.setFocus()
    view = opened(qtbot, demo_app, lambda: qtbot.keyClick(tree, Qt.Key.Key_Return))
    assert view.domain is not None and view.domain.name == "db01"


def test_open_is_in_the_toolbar_and_the_domain_menu(demo_app: Application,
                                                    qtbot: QtBot) -> None:
    feature = demo_app.vm_windows
    actions = demo_app.actions
    assert feature.open_action in actions.toolbar.actions()
    menu = actions.context_menus[NodeKind.DOMAIN]  # also the menu bar's Domain menu
    assert menu.actions()[:2] == [feature.open_action, demo_app.editors.edit_action]
    assert menu.menuAction() in demo_app.window.menuBar().actions()
    select(demo_app, demo_app.model.find_by_name("default"))  # a network: nothing to open
    assert not feature.open_action.isEnabled()
    select(demo_app, domain_row(demo_app, "web02"))
    assert feature.open_action.isEnabled()
    view = opened(qtbot, demo_app, feature.open_action.trigger)
    assert view.domain is not None and view.domain.name == "web02"


# Raising a window is the window system's job: the offscreen platform only says it cannot.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_opening_again_raises_the_same_window(demo_app: Application, qtbot: QtBot) -> None:
    first = open_vm(qtbot, demo_app, "web01", DEMO)
    first.showMinimized()
    with qtbot.assertNotEmitted(demo_app.vm_windows.manager.opened):
        again = open_vm(qtbot, demo_app, "web01", DEMO)
    assert again is first and not first.isMinimized() and first.isVisible()
    assert len(demo_app.vm_windows.manager.views()) == 1


def test_several_windows_at_once(demo_app: Application, qtbot: QtBot) -> None:
    select(demo_app, domain_row(demo_app, "web01"), domain_row(demo_app, "db02"))
    views = demo_app.vm_windows.open_selected()
    names = sorted(v.domain.name for v in views if v.domain is not None)
    assert names == ["db02", "web01"]
    assert all(v.isWindow() and v.isVisible() for v in views)
    assert views[0].window() is not views[1].window()
    views[0].close()
    assert demo_app.vm_windows.manager.views() == [views[1]]


def test_size_and_page_are_remembered_across_a_restart(start_app: StartApp,
                                                       qtbot: QtBot) -> None:
    app = start_app(DEMO)
    view = open_vm(qtbot, app, "web01", DEMO)
    view.resize(QSize(640, 420))  # within the offscreen screen, which a restore clamps to
    view.show_page("details")
    qtbot.waitUntil(lambda: view.size() == QSize(640, 420), timeout=2000)
    app.shutdown()  # closes the VM windows (they save what they remember)
    app.window.close()

    again = start_app(DEMO)
    reopened = open_vm(qtbot, again, "web01", DEMO)
    assert reopened is not view
    assert reopened.current_page_name() == "details"
    assert reopened.size() == QSize(640, 420)
    other = open_vm(qtbot, again, "web02", DEMO)
    assert other.current_page_name() == "console"  # remembered per domain


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_tabs_preference_puts_the_windows_in_one(demo_app: Application, qtbot: QtBot) -> None:
    manager = demo_app.vm_windows.manager
    alone = open_vm(qtbot, demo_app, "web01", DEMO)
    assert alone.isWindow()
    demo_app.preferences.update(vm_windows_as_tabs=True)
    tabs = manager.tabs_window
    assert tabs is not None and alone.window() is tabs
    second = open_vm(qtbot, demo_app, "db01", DEMO)
    assert second.window() is tabs and tabs.tabs.count() == 2
    assert tabs.tabs.currentWidget() is second
    assert tabs.windowTitle() == second.windowTitle()
    open_vm(qtbot, demo_app, "web01", DEMO)  # raises its tab
    assert tabs.tabs.currentWidget() is alone

    demo_app.preferences.update(vm_windows_as_tabs=False)
    assert alone.isWindow() and second.isWindow()
    assert alone.isVisible() and second.isVisible()
    qtbot.waitUntil(lambda: manager.tabs_window is None, timeout=2000)


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_closing_the_last_tab_closes_the_tabs_window(demo_app: Application,
                                                     qtbot: QtBot) -> None:
    demo_app.preferences.update(vm_windows_as_tabs=True)
    view = open_vm(qtbot, demo_app, "web02", DEMO)
    tabs = demo_app.vm_windows.manager.tabs_window
    assert tabs is not None
    assert tabs.tabs.widget(0) is view
    tabs.tabs.tabCloseRequested.emit(0)
    assert not demo_app.vm_windows.manager.views()
    qtbot.waitUntil(lambda: demo_app.vm_windows.manager.tabs_window is None, timeout=2000)


def test_edit_is_in_the_domain_menu_and_f2_opens_the_editor(demo_app: Application,
                                                            qtbot: QtBot) -> None:
    edit = demo_app.editors.edit_action
    assert QKeySequence("F2") in edit.shortcuts()
    select(demo_app, domain_row(demo_app, "web01"))
    demo_app.window.activateWindow()
    qtbot.waitUntil(demo_app.window.isActiveWindow, timeout=2000)
    demo_app.window.tree.setFocus()
    with qtbot.waitSignal(demo_app.editors.editorOpened, timeout=5000) as blocker:
        qtbot.keyClick(demo_app.window.tree, Qt.Key.Key_F2)
    editor = blocker.args[0]
    assert "web01" in editor.windowTitle()
    editor.reject()


def test_vm_windows_close_with_the_main_window(demo_app: Application, qtbot: QtBot) -> None:
    view = open_vm(qtbot, demo_app, "web01", DEMO)
    demo_app.window.close()
    assert not view.isVisible()
    assert demo_app.vm_windows.manager.views() == []
