"""Keyboard use: shortcuts for the frequent actions (shown in the menus, none ambiguous), the
filter ⇄ tree hand-over, the Tab order, and names for screen readers."""

from app_helpers import no_dialog, open_dialog, select
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget
from pytestqt.qtbot import QtBot

from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.dialogs.preferences_dialog import PreferencesDialog
from kvmgui.ui.roles import Role
from kvmgui.core.snapshots import DomainState


def activate(app: Application, qtbot: QtBot) -> None:
    """Shortcuts go to the active window."""
    app.window.activateWindow()
    qtbot.waitUntil(lambda: app.window.isActiveWindow(), timeout=2000)


def press(qtbot: QtBot, app: Application, keys: str) -> None:
    """Type one key combination (e.g. "Ctrl+,") into whatever has the focus."""
    combination = QKeySequence(keys)[0]
    target = app.window.focusWidget() or app.window
    qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())


def test_frequent_actions_have_shortcuts(demo_app: Application) -> None:
    w = demo_app.window
    domain = demo_app.actions.domain.actions
    wanted = {
        w.refresh_action: "F5", w.filter_action: "Ctrl+F", w.preferences_action: "Ctrl+,",
        w.quit_action: "Ctrl+Q", domain[DomainAction.CONSOLE]: "Ctrl+O",
        domain[DomainAction.START]: "Ctrl+Shift+S", demo_app.actions.delete.action: "Del",
    }
    for action, keys in wanted.items():
        assert QKeySequence(keys) in action.shortcuts(), action.text()
    assert w.about_action.shortcut().isEmpty()  # About needs none


def test_no_two_actions_share_a_shortcut(demo_app: Application) -> None:
    owners: dict[str, list[str]] = {}
    for action in demo_app.window.findChildren(QAction):
        for keys in action.shortcuts():
            owners.setdefault(keys.toString(), []).append(action.text())
    shared = {keys: texts for keys, texts in owners.items() if len(set(texts)) > 1}
    assert shared == {}


def test_menus_show_the_shortcuts(demo_app: Application) -> None:
    # A menu shows an action's shortcut when the action is in it (QMenu draws it on the right).
    file_actions = demo_app.window.file_menu.actions()
    for action in (demo_app.window.refresh_action, demo_app.window.preferences_action,
                   demo_app.window.quit_action):
        assert action in file_actions
        assert not action.shortcut().isEmpty()
    assert demo_app.window.filter_action in demo_app.window.view_menu.actions()


def test_filter_shortcut_then_down_reaches_the_tree(demo_app: Application,
                                                    qtbot: QtBot) -> None:
    activate(demo_app, qtbot)
    w = demo_app.window
    w.tree.setFocus()
    press(qtbot, demo_app, "Ctrl+F")
    qtbot.waitUntil(w.filter_bar.text.hasFocus, timeout=2000)
    qtbot.keyClicks(w.filter_bar.text, "web0")
    qtbot.keyClick(w.filter_bar.text, Qt.Key.Key_Down)
    assert w.tree.hasFocus()
    press(qtbot, demo_app, "Ctrl+F")
    qtbot.keyClick(w.filter_bar.text, Qt.Key.Key_Escape)
    assert w.filter_bar.text.text() == ""


def test_tree_is_driven_by_keys_and_a_domain_action_by_its_shortcut(
        demo_app: Application, qtbot: QtBot) -> None:
    activate(demo_app, qtbot)
    w = demo_app.window
    select(demo_app, demo_app.model.find_by_name("web01"))
    w.tree.setFocus()
    qtbot.keyClick(w.tree, Qt.Key.Key_Down)  # web01 → web02 (sorted by name)
    assert w.tree.currentIndex().data() == "web02"
    assert [i.data() for i in w.tree.selectionModel().selectedRows()] == ["web02"]
    press(qtbot, demo_app, "Ctrl+Shift+P")  # Pause: one domain, not destructive, no question
    qtbot.waitUntil(lambda: w.tree.currentIndex().data(Role.SNAPSHOT).state
                    == DomainState.PAUSED, timeout=10000)


def test_preferences_shortcut_opens_the_dialog(demo_app: Application, qtbot: QtBot) -> None:
    activate(demo_app, qtbot)
    demo_app.window.tree.setFocus()
    press(qtbot, demo_app, "Ctrl+,")
    dialog = open_dialog(demo_app.window, PreferencesDialog)
    dialog.reject()
    assert no_dialog(demo_app.window, PreferencesDialog)


def test_refresh_shortcut_reloads_the_current_connection(demo_app: Application,
                                                         qtbot: QtBot) -> None:
    activate(demo_app, qtbot)
    select(demo_app, demo_app.model.find_by_name("db01"))
    demo_app.window.tree.setFocus()
    with qtbot.waitSignal(demo_app.model.connection(demo_host_uri()).inventoryLoaded,
                          timeout=10000):
        press(qtbot, demo_app, "F5")


def test_quit_shortcut_closes_the_window(demo_app: Application, qtbot: QtBot) -> None:
    activate(demo_app, qtbot)
    with qtbot.waitSignal(demo_app.window.closing, timeout=2000):
        press(qtbot, demo_app, "Ctrl+Q")
    assert not demo_app.window.isVisible()


def test_tab_order_filter_state_tree_details(demo_app: Application) -> None:
    w = demo_app.window
    chain: list[QWidget] = [w.filter_bar.text]
    while len(chain) < 4:
        chain.append(chain[-1].nextInFocusChain())
        while not chain[-1].focusPolicy() & Qt.FocusPolicy.TabFocus or not chain[-1].isVisible():
            chain[-1] = chain[-1].nextInFocusChain()
    assert chain[:3] == [w.filter_bar.text, w.filter_bar.state, w.tree]
    assert w.details.isAncestorOf(chain[3])


def test_custom_widgets_have_accessible_names(demo_app: Application) -> None:
    w = demo_app.window
    named = [w.tree, w.filter_bar.text, w.filter_bar.state, w.details, w.details.tabs]
    assert all(widget.accessibleName() for widget in named)
    buttons = [b for b in demo_app.actions.toolbar.findChildren(QToolButton)
               if b.defaultAction() is not None and not b.defaultAction().isSeparator()]
    assert buttons
    names = {b.accessibleName() for b in buttons}
    assert "" not in names
    assert {"Shut down", "Reboot", "Force off", "Save"} <= names  # the icon-only ones
