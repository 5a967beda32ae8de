"""What the console page asks of any console view (graphical or serial).

A view is a QWidget that shows one domain's console once attached:

    view.attach(connection, domain)     # start connecting; stateChanged follows
    view.detach()                       # let go (the guest keeps running)
    view.screenshot()                   # what it shows now, as a QImage
    view.send_keys(combo)               # only when can_send_keys()

It never calls libvirt on the GUI thread: it hands jobs to the connection's workers (or to
libvirt's event loop, as the serial stream does) and reports through its signals.
"""

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QWidget

from kvmgui.core.snapshots import DomainInfo
from kvmgui.ui.vm_window.key_combos import KeyCombo
from kvmgui.ui.vm_window.rules import ViewState
from kvmgui.virt.connection import Connection


class ConsoleView(QWidget):
    """Base of the console views; subclasses implement attach/detach and report their state.

    Signals:
        stateChanged(ViewState, str): the view's state and, for DISCONNECTED and FAILED, why.
        updated(): new output was shown (a framebuffer update, serial text).
    """

    stateChanged = Signal(object, str)
    updated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = ViewState.DETACHED
        self.message = ""

    def attach(self, connection: Connection, domain: DomainInfo) -> None:
        raise NotImplementedError

    def detach(self) -> None:
        raise NotImplementedError

    def screenshot(self) -> QImage:
        """What the view shows now (the guest's screen for a graphical view)."""
        return self.grab().toImage()

    def can_send_keys(self) -> bool:
        return False

    def send_keys(self, combo: KeyCombo) -> None:
        """Press `combo` in the guest (only meaningful when `can_send_keys()`)."""

    def overlay_actions(self) -> list[QAction]:
        """Extra buttons for the overlay while the view is not connected (e.g. Take over)."""
        return []

    def set_state(self, state: ViewState, message: str = "") -> None:
        if (state, message) != (self.state, self.message):
            self.state, self.message = state, message
            self.stateChanged.emit(state, message)
