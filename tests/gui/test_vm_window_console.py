"""The VM window's power buttons and console on test:///default: the actions change what
another client of libvirt sees, the overlays say what is going on and their buttons act,
Send key, Screenshot and Scale work on the guest's screen."""

from pathlib import Path

import libvirt
import pytest
from app_helpers import open_dialog, wait_batch
from fixture_helpers import StartApp
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.dialogs.confirm_dialog import ConfirmDialog
from kvmgui.ui.editors.diff_dialog import DiffDialog
from kvmgui.ui.vm_window.framebuffer_view import ScaleMode
from kvmgui.ui.vm_window.key_combos import CTRL_ALT_DEL
from kvmgui.ui.vm_window.rules import ConsoleKind, Overlay, ViewState
from kvmgui.ui.vm_window.vm_view import GONE_AFTER_MS, VmView
from kvmgui.xml import Domain

from vm_window_helpers import DEFAULT, PREFIX, TIMEOUT_MS, open_vm, scratch_vm

A = DomainAction
# The test driver's screenshot: a fixed picture of this size.
GUEST = QSize(1120, 832)


def overlay_buttons(view: VmView) -> dict[str, object]:
    return {b.text(): b for b in view.console.overlay.buttons}


def wait_overlay(qtbot: QtBot, view: VmView, overlay: Overlay) -> None:
    qtbot.waitUntil(lambda: view.console.overlay_kind is overlay, timeout=TIMEOUT_MS)


def test_not_running_overlay_start_starts_the_domain(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "cold")
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "cold")
    assert view.console.overlay_kind is Overlay.NOT_RUNNING
    assert view.console.overlay.isVisible()
    assert view.console.overlay.heading.text() == "Not running"
    start = overlay_buttons(view)["Start"]
    with wait_batch(qtbot, app):
        start.click()  # type: ignore[attr-defined]
    assert dom.isActive()
    # Running: the screen arrives and nothing covers it.
    wait_overlay(qtbot, view, Overlay.NONE)
    assert not view.console.overlay.isVisible()
    assert view.console.graphical.guest_size() == GUEST


def test_toolbar_power_actions_change_what_libvirt_reports(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "power", running=True)
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "power")
    actions = view.domain_actions.actions
    assert not actions[A.START].isEnabled() and actions[A.PAUSE].isVisible()
    assert view.parts.toolbar.widgetForAction(actions[A.PAUSE]) is not None

    with wait_batch(qtbot, app):
        actions[A.PAUSE].trigger()
    assert dom.state()[0] == libvirt.VIR_DOMAIN_PAUSED
    qtbot.waitUntil(lambda: actions[A.RESUME].isVisible() and not actions[A.PAUSE].isVisible(),
                    timeout=TIMEOUT_MS)
    wait_overlay(qtbot, view, Overlay.PAUSED)
    with wait_batch(qtbot, app):
        overlay_buttons(view)["Resume"].click()  # type: ignore[attr-defined]
    assert dom.state()[0] == libvirt.VIR_DOMAIN_RUNNING

    shutdown_menu = view.parts.shutdown_button.menu()
    assert actions[A.FORCE_OFF] in shutdown_menu.actions()
    with wait_batch(qtbot, app):
        actions[A.FORCE_OFF].trigger()
        open_dialog(view, ConfirmDialog).accept_button.click()  # asked over the VM window
    assert not dom.isActive()
    wait_overlay(qtbot, view, Overlay.NOT_RUNNING)
    assert actions[A.START].isEnabled()


def test_a_change_by_another_client_updates_the_window(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "watched", running=True)
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "watched")
    dom.suspend()
    wait_overlay(qtbot, view, Overlay.PAUSED)
    dom.destroy()
    wait_overlay(qtbot, view, Overlay.NOT_RUNNING)
    assert view.domain_actions.actions[A.START].isEnabled()
    dom.undefine()  # gone for good: its window closes
    qtbot.waitUntil(lambda: app.vm_windows.manager.views() == [], timeout=TIMEOUT_MS)


def test_the_title_follows_a_rename_and_the_window_stays(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "old-name")
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "old-name")
    assert view.windowTitle().startswith(PREFIX + "old-name on ")
    with qtbot.assertNotEmitted(view.closed, wait=GONE_AFTER_MS + 300):
        with qtbot.waitSignal(view.titleChanged, timeout=TIMEOUT_MS):
            dom.rename(PREFIX + "new-name", 0)  # another client; the UUID stays
    assert view.windowTitle().startswith(PREFIX + "new-name on ")
    assert app.vm_windows.manager.views() == [view]


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_title_is_the_name_as_plain_text(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    scratch_vm(default_conn, "<b>bold<b>[*]&x")
    app = start_app(DEFAULT)
    app.preferences.update(vm_windows_as_tabs=True)
    view = open_vm(qtbot, app, PREFIX + "<b>bold<b>[*]&x")
    assert view.title.startswith(PREFIX + "<b>bold<b>[*]&x on ")
    tabs = app.vm_windows.manager.tabs_window
    assert tabs is not None
    assert tabs.tabs.tabText(0) == PREFIX + "<b>bold<b>[*]&&x"  # "&" is not a mnemonic
    assert view.windowTitle().replace("[*][*]", "[*]") == view.title


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_send_key_screenshot_and_scale_on_the_graphical_console(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot,
        tmp_path: Path) -> None:
    scratch_vm(default_conn, "screen", running=True)
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "screen")
    console = view.console
    assert console.kind is ConsoleKind.GRAPHICAL
    qtbot.waitUntil(lambda: console.current_view().state is ViewState.CONNECTED,
                    timeout=TIMEOUT_MS)
    assert view.parts.send_key_button.isEnabled()
    labels = [a.text() for a in view.parts.send_key_button.menu().actions() if a.text()]
    assert labels[:2] == ["Ctrl+Alt+Del", "Ctrl+Alt+Backspace"] and labels[-1] == "PrintScreen"
    assert "Ctrl+Alt+F12" in labels
    with qtbot.waitSignal(console.updated, timeout=TIMEOUT_MS):  # a fresh look after the keys
        view.parts.send_key_actions[CTRL_ALT_DEL.name].trigger()

    path = tmp_path / "shot.png"
    assert view.save_screenshot(str(path))
    saved = QImage(str(path))
    assert saved.size() == GUEST

    view.resize(700, 500)
    console.set_scale_mode(ScaleMode.ONE_TO_ONE)
    qtbot.waitUntil(lambda: console.graphical.size() == GUEST, timeout=2000)
    assert console.scroll_area.horizontalScrollBar().maximum() > 0
    console.set_scale_mode(ScaleMode.FIT)
    qtbot.waitUntil(lambda: console.graphical.size() == console.scroll_area.viewport().size(),
                    timeout=2000)
    picture = console.graphical.picture_rect()
    assert abs(picture.width() / picture.height() - GUEST.width() / GUEST.height()) < 0.01

    view.parts.resize_to_guest_action.trigger()  # the window fits the guest's screen at 1:1
    qtbot.waitUntil(lambda: console.scroll_area.viewport().size() == GUEST, timeout=2000)
    view.parts.fullscreen_action.trigger()
    qtbot.waitUntil(view.isFullScreen, timeout=2000)
    view.parts.fullscreen_action.trigger()
    qtbot.waitUntil(lambda: not view.isFullScreen(), timeout=2000)


def test_the_screen_is_asked_for_only_while_it_shows(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    scratch_vm(default_conn, "watching", running=True)
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "watching")
    screen = view.console.graphical
    qtbot.waitUntil(lambda: screen.state is ViewState.CONNECTED, timeout=TIMEOUT_MS)
    assert screen.polling  # the next screenshot is due
    view.show_page("details")
    qtbot.waitUntil(lambda: not screen.polling, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(view.console.updated, timeout=TIMEOUT_MS):
        view.show_page("console")  # at once, not a second later
    assert screen.polling


def test_send_key_needs_a_connected_graphical_console(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    scratch_vm(default_conn, "keys-off")
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "keys-off")
    assert not view.parts.send_key_button.isEnabled()
    assert not view.parts.screenshot_action.isEnabled()


def test_serial_console_is_switchable_and_says_why_it_cannot_connect(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    scratch_vm(default_conn, "ttys", running=True, serial=True)
    scratch_vm(default_conn, "ttyonly", running=True, graphics=(), serial=True)
    app = start_app(DEFAULT)
    only = open_vm(qtbot, app, PREFIX + "ttyonly")
    assert only.console.kind is ConsoleKind.SERIAL  # no display: the serial console first
    view = open_vm(qtbot, app, PREFIX + "ttys")
    console = view.console
    assert console.kind is ConsoleKind.GRAPHICAL
    with qtbot.waitSignal(console.consoleChanged):
        console.kind_box.setCurrentIndex(console.kind_box.findData(ConsoleKind.SERIAL))
        console.kind_box.activated.emit(console.kind_box.currentIndex())
    assert console.stack.currentWidget() is console.views[ConsoleKind.SERIAL]
    assert console.views[ConsoleKind.GRAPHICAL].state is ViewState.DETACHED  # let go
    # The test driver has no console streams: the overlay says so and offers to try again.
    wait_overlay(qtbot, view, Overlay.DISCONNECTED)
    assert console.overlay.heading.text() == "Could not connect"
    assert "virDomainOpenConsole" in console.overlay.detail.text()
    assert "Reconnect" in overlay_buttons(view)
    assert not view.parts.send_key_button.isEnabled()


def test_spice_only_guest_can_get_a_vnc_display(
        start_app: StartApp, default_conn: libvirt.virConnect, qtbot: QtBot) -> None:
    dom = scratch_vm(default_conn, "spicy", running=True, graphics=("spice",))
    app = start_app(DEFAULT)
    view = open_vm(qtbot, app, PREFIX + "spicy")
    wait_overlay(qtbot, view, Overlay.SPICE_ONLY)
    assert view.console.overlay.heading.text() == "This guest has a SPICE display only"
    add = overlay_buttons(view)["Add a VNC display"]
    with qtbot.waitSignal(view.console.addVncRequested):
        add.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(DiffDialog)),
                    timeout=TIMEOUT_MS)
    dialog = open_dialog(view, DiffDialog)
    assert "+" in dialog.text.toPlainText() and "vnc" in dialog.text.toPlainText()
    assert [g.type for g in Domain.from_xml(dom.XMLDesc(0)).graphics] == ["spice"]  # not yet
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: "vnc" in [g.type for g in Domain.from_xml(
        dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)).graphics], timeout=TIMEOUT_MS)
