"""The VM window's status bar carries the window's own news (a screenshot saved, the host
gone), not the tip of whatever toolbar button the pointer rests on: a hover over the power
buttons leaves it alone, so a picture of the window (`--console … --screenshot`, where the
offscreen pointer rests on the first button) shows it as a user sees it."""

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application

from vm_window_helpers import open_vm

D = DomainAction
NEWS = "news of the window"


def enter(widget: QWidget) -> None:
    """The event Qt sends a widget when the pointer enters it (moving the offscreen pointer
    does not reliably produce it)."""
    centre = QPointF(widget.rect().center())
    QApplication.sendEvent(widget, QEnterEvent(centre, centre, QPointF(widget.mapToGlobal(
        widget.rect().center()))))


def leave(widget: QWidget) -> None:
    QApplication.sendEvent(widget, QEvent(QEvent.Type.Leave))


def test_hovering_the_toolbar_leaves_the_status_bar_alone(demo_app: Application,
                                                          qtbot: QtBot) -> None:
    view = open_vm(qtbot, demo_app, "db02", demo_host_uri())  # shut off: Start is enabled
    view.statusBar().showMessage(NEWS)
    for key in (D.START, D.CLONE):
        button = view.parts.toolbar.widgetForAction(view.domain_actions.actions[key])
        assert isinstance(button, QToolButton) and button.isEnabled()
        assert button.toolTip()  # the tip is still there, as a tooltip
        enter(button)
        assert view.statusBar().currentMessage() == NEWS
        leave(button)
        assert view.statusBar().currentMessage() == NEWS
