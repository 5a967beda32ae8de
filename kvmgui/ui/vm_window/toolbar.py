"""The VM window's toolbar: power (the domain actions themselves), Send key, Screenshot,
Fullscreen and Scale. Built by `build_toolbar`; the VM view keeps the parts it updates."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.i18n import TranslationContext
from kvmgui.ui.icons import themed_icon
from kvmgui.ui.vm_window.framebuffer_view import ScaleMode
from kvmgui.ui.vm_window.key_combos import COMBOS, KeyCombo

D = DomainAction


class VmToolbar(TranslationContext):
    """Translation context of the toolbar's texts."""


@dataclass
class ToolbarParts:
    toolbar: QToolBar
    shutdown_button: QToolButton
    send_key_button: QToolButton
    send_key_actions: dict[str, QAction]  # by KeyCombo.name
    screenshot_action: QAction
    fullscreen_action: QAction
    scale_actions: dict[ScaleMode, QAction]
    resize_to_guest_action: QAction


def combo_label(combo: KeyCombo) -> str:
    if combo.name == "ctrl-alt-del":
        return VmToolbar.tr("Ctrl+Alt+Del")
    if combo.name == "ctrl-alt-backspace":
        return VmToolbar.tr("Ctrl+Alt+Backspace")
    if combo.name == "print":
        return VmToolbar.tr("PrintScreen")
    return VmToolbar.tr("Ctrl+Alt+F%s") % combo.name.rpartition("-f")[2]


def build_toolbar(window: QWidget, actions: dict[DomainAction, QAction],
                  send_key: Callable[[KeyCombo], None], screenshot: Callable[[], None],
                  fullscreen: Callable[[bool], None], scale: Callable[[ScaleMode], None],
                  resize_to_guest: Callable[[], None]) -> ToolbarParts:
    toolbar = QToolBar(VmToolbar.tr("Virtual machine"), window)
    toolbar.setObjectName("vm-toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    for key in (D.START, D.PAUSE, D.RESUME):
        toolbar.addAction(actions[key])

    shutdown_menu = QMenu(window)
    for key in (D.SHUTDOWN, D.REBOOT, D.FORCE_OFF, D.SAVE):
        shutdown_menu.addAction(actions[key])
    shutdown_button = _menu_button(toolbar, shutdown_menu)
    shutdown_button.setDefaultAction(actions[D.SHUTDOWN])
    shutdown_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    toolbar.addAction(actions[D.CLONE])
    toolbar.addSeparator()

    send_key_menu = QMenu(window)
    send_key_actions = {}
    for combo in COMBOS:
        action = send_key_menu.addAction(combo_label(combo))
        action.triggered.connect(lambda _checked=False, c=combo: send_key(c))
        send_key_actions[combo.name] = action
        if combo.name == "ctrl-alt-backspace":
            send_key_menu.addSeparator()
    send_key_button = _menu_button(toolbar, send_key_menu)
    send_key_button.setText(VmToolbar.tr("Send key"))
    send_key_button.setIcon(themed_icon("input-keyboard", QIcon()))
    send_key_button.setToolTip(VmToolbar.tr("Press a key combination in the guest"))
    send_key_button.setAccessibleName(VmToolbar.tr("Send key"))

    screenshot_action = QAction(themed_icon("camera-photo", QIcon()),
                                VmToolbar.tr("Screenshot"), window)
    screenshot_action.setToolTip(VmToolbar.tr("Save the console's picture as a PNG file"))
    screenshot_action.triggered.connect(lambda _checked=False: screenshot())
    toolbar.addAction(screenshot_action)
    fullscreen_action = QAction(themed_icon("view-fullscreen", QIcon()),
                                VmToolbar.tr("Fullscreen"), window)
    fullscreen_action.setCheckable(True)
    fullscreen_action.setShortcut(QKeySequence("F11"))
    fullscreen_action.toggled.connect(fullscreen)
    toolbar.addAction(fullscreen_action)

    scale_menu = QMenu(window)
    group = QActionGroup(window)
    scale_actions = {}
    for mode, text in ((ScaleMode.FIT, VmToolbar.tr("Fit to window")),
                       (ScaleMode.ONE_TO_ONE, VmToolbar.tr("1:1 (scroll bars)"))):
        action = scale_menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(mode is ScaleMode.FIT)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, m=mode: scale(m))
        scale_actions[mode] = action
    scale_menu.addSeparator()
    resize_to_guest_action = scale_menu.addAction(VmToolbar.tr("Resize window to guest"))
    resize_to_guest_action.triggered.connect(lambda _checked=False: resize_to_guest())
    scale_button = _menu_button(toolbar, scale_menu)
    scale_button.setText(VmToolbar.tr("Scale"))
    scale_button.setIcon(themed_icon("zoom-fit-best", QIcon()))
    scale_button.setToolTip(VmToolbar.tr("How the guest's screen fits the window"))
    scale_button.setAccessibleName(VmToolbar.tr("Scale"))

    for action in toolbar.actions():
        if action.isSeparator():
            continue  # its widget is a private class: PySide6 would build every type to find it
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton) and action.iconText():
            button.setAccessibleName(action.iconText())
    return ToolbarParts(toolbar, shutdown_button, send_key_button, send_key_actions,
                        screenshot_action, fullscreen_action, scale_actions,
                        resize_to_guest_action)


def _menu_button(toolbar: QToolBar, menu: QMenu) -> QToolButton:
    button = QToolButton(toolbar)
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addWidget(button)
    return button
