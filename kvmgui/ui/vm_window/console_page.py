"""The Console page: the guest's graphical or serial console, with an overlay that says what
is going on (not running, connecting, disconnected, paused, SPICE only) and offers the next
step. Which console shows is the user's choice (the combo box); the other one is detached.
"""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QStackedWidget, QVBoxLayout,
    QWidget,
)

from kvmgui.core.snapshots import DomainInfo, DomainState
from kvmgui.ui.vm_window.console_view import ConsoleView
from kvmgui.ui.vm_window.framebuffer_view import FramebufferView, ScaleMode
from kvmgui.ui.vm_window.overlay import ConsoleOverlay
from kvmgui.ui.vm_window.rules import (
    ConsoleKind, Display, Overlay, ViewState, default_console, display_of, has_serial,
    overlay_for, wants_view,
)
from kvmgui.ui.vm_window.spice_help import remote_viewer_installed
from kvmgui.virt.connection import Connection


class ConsolePage(QWidget):
    """Shows `graphical` or `serial` for one domain (see the module docstring).

    `start_action` and `resume_action` are the domain's own actions: the overlay's buttons
    trigger them.

    Signals:
        consoleChanged(ConsoleKind): the other console was chosen.
        viewStateChanged(ViewState): the shown view's state changed.
        updated(): the shown view showed new output.
        remoteViewerRequested(), addVncRequested(): the SPICE-only overlay's buttons.
    """

    consoleChanged = Signal(object)
    viewStateChanged = Signal(object)
    updated = Signal()
    remoteViewerRequested = Signal()
    addVncRequested = Signal()

    def __init__(self, connection: Connection, graphical: FramebufferView, serial: ConsoleView,
                 start_action: QAction, resume_action: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._connection = connection
        self.views: dict[ConsoleKind, ConsoleView] = {
            ConsoleKind.GRAPHICAL: graphical, ConsoleKind.SERIAL: serial}
        self.graphical = graphical
        self._start_action, self._resume_action = start_action, resume_action
        self._domain: DomainInfo | None = None
        self._kind: ConsoleKind | None = None  # None until the first domain picks the default
        self._display = Display.NONE
        self._serial = False

        self.kind_box = QComboBox(self)
        self.kind_box.addItem(self.tr("Graphical console"), ConsoleKind.GRAPHICAL)
        self.kind_box.addItem(self.tr("Serial console"), ConsoleKind.SERIAL)
        self.kind_box.setAccessibleName(self.tr("Console"))
        self.kind_box.activated.connect(
            lambda _i: self.set_console(ConsoleKind(self.kind_box.currentData())))
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        bar.addWidget(self.kind_box)
        bar.addWidget(self.note, 1)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(graphical)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        black = QPalette(self.scroll_area.palette())
        black.setColor(QPalette.ColorRole.Window, QColor(Qt.GlobalColor.black))
        self.scroll_area.setPalette(black)
        self.scroll_area.setBackgroundRole(QPalette.ColorRole.Window)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.scroll_area)
        self.stack.addWidget(serial)
        self.overlay = ConsoleOverlay(self)
        area = QGridLayout()
        area.addWidget(self.stack, 0, 0)
        area.addWidget(self.overlay, 0, 0)  # same cell, on top
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(area, 1)

        self.reconnect_action = QAction(self.tr("Reconnect"), self)
        self.reconnect_action.triggered.connect(self.reconnect)
        self.remote_viewer_action = QAction(self.tr("Open in remote-viewer"), self)
        self.remote_viewer_action.triggered.connect(self.remoteViewerRequested)
        self.add_vnc_action = QAction(self.tr("Add a VNC display"), self)
        self.add_vnc_action.setToolTip(self.tr("Add a VNC display to the definition; it takes "
                                               "effect at the next boot"))
        self.add_vnc_action.triggered.connect(self.addVncRequested)
        self.show_serial_action = QAction(self.tr("Show the serial console"), self)
        self.show_serial_action.triggered.connect(lambda: self.set_console(ConsoleKind.SERIAL))
        self.show_graphical_action = QAction(self.tr("Show the graphical console"), self)
        self.show_graphical_action.triggered.connect(
            lambda: self.set_console(ConsoleKind.GRAPHICAL))
        for view in self.views.values():
            view.stateChanged.connect(lambda *_a, v=view: self._view_state_changed(v))
            view.updated.connect(lambda v=view: self._view_updated(v))
        graphical.guestSizeChanged.connect(self._guest_size_changed)
        graphical.noteChanged.connect(lambda _note: self._show_overlay())

    # ---- public ------------------------------------------------------------------------------

    @property
    def kind(self) -> ConsoleKind:
        return self._kind or ConsoleKind.GRAPHICAL

    @property
    def overlay_kind(self) -> Overlay:
        """The overlay on show (NONE: the console is unobstructed)."""
        if self._domain is None:
            return Overlay.NOT_RUNNING
        return overlay_for(self._domain.state, self.kind, self._display, self._serial,
                           self.current_view().state)

    def current_view(self) -> ConsoleView:
        return self.views[self.kind]

    def set_domain(self, domain: DomainInfo) -> None:
        """Show `domain` (called again with each new snapshot of it)."""
        self._domain = domain
        self._display, self._serial = display_of(domain.xml), has_serial(domain.xml)
        if self._kind is None:
            self._kind = default_console(domain.xml)
            self._show_kind()
        self._update_views()

    def set_console(self, kind: ConsoleKind) -> None:
        if kind is self._kind:
            return
        self._kind = kind
        self._show_kind()
        self._update_views()
        self.consoleChanged.emit(kind)

    def reconnect(self) -> None:
        view = self.current_view()
        view.detach()
        self._update_views()

    def close_page(self) -> None:
        """Let go of both consoles (the window closes)."""
        for view in self.views.values():
            view.detach()

    def screenshot(self) -> QImage:
        """What the console shows (the guest's screen, or the terminal)."""
        return self.current_view().screenshot()

    def set_scale_mode(self, mode: ScaleMode) -> None:
        self.graphical.set_scale_mode(mode)
        fit = mode is ScaleMode.FIT
        self.scroll_area.setWidgetResizable(fit)
        if not fit:
            self.graphical.resize(self.graphical.sizeHint())

    def guest_size_delta(self) -> QSize:
        """How much larger the console area must be to show the guest's screen at 1:1."""
        guest = self.graphical.guest_size()
        if guest.isEmpty():
            return QSize(0, 0)
        viewport = self.scroll_area.viewport().size()
        return QSize(guest.width() - viewport.width(), guest.height() - viewport.height())

    # ---- internals ---------------------------------------------------------------------------

    def _show_kind(self) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(self.kind))
        self.stack.setCurrentIndex(0 if self.kind is ConsoleKind.GRAPHICAL else 1)

    def _update_views(self) -> None:
        domain, connection = self._domain, self._connection
        if domain is None:
            return
        for kind, view in self.views.items():
            wanted = kind is self.kind and wants_view(domain.state, kind, self._display,
                                                      self._serial)
            if wanted and view.state is ViewState.DETACHED:
                view.attach(connection, domain)
            elif not wanted and view.state is not ViewState.DETACHED:
                view.detach()
        self._show_overlay()

    def _view_state_changed(self, view: ConsoleView) -> None:
        if view is self.current_view():
            self._show_overlay()
            self.viewStateChanged.emit(view.state)

    def _view_updated(self, view: ConsoleView) -> None:
        if view is self.current_view():
            self.updated.emit()

    def _guest_size_changed(self, _size: QSize) -> None:
        if not self.scroll_area.widgetResizable():
            self.graphical.resize(self.graphical.sizeHint())

    def _show_overlay(self) -> None:
        overlay = self.overlay_kind
        showing_screen = self.kind is ConsoleKind.GRAPHICAL and overlay in (Overlay.NONE,
                                                                            Overlay.PAUSED)
        self.note.setText(self.graphical.note() if showing_screen else "")
        if overlay is Overlay.NONE or self._domain is None:
            self.overlay.hide()
            return
        heading, detail, actions = self._card(overlay, self._domain)
        self.overlay.show_card(heading, detail, actions, opaque=overlay is not Overlay.PAUSED)

    def _card(self, overlay: Overlay, domain: DomainInfo) -> tuple[str, str, list[QAction]]:
        view = self.current_view()
        if overlay is Overlay.NOT_RUNNING:
            return self.tr("Not running"), self._not_running_text(domain), [self._start_action]
        if overlay is Overlay.CONNECTING:
            return self.tr("Connecting…"), "", []
        if overlay is Overlay.DISCONNECTED:
            heading = (self.tr("Could not connect") if view.state is ViewState.FAILED
                       else self.tr("Disconnected"))
            return heading, view.message, [self.reconnect_action, *view.overlay_actions()]
        if overlay is Overlay.PAUSED:
            return (self.tr("Paused"), self.tr("Its vCPUs are frozen; its memory is kept."),
                    [self._resume_action])
        if overlay is Overlay.SPICE_ONLY:
            actions = [self.remote_viewer_action] if remote_viewer_installed() else []
            return (self.tr("This guest has a SPICE display only"),
                    self.tr("The built-in console shows VNC displays. Open this one in "
                            "remote-viewer, or add a VNC display: it takes effect at the next "
                            "boot."), [*actions, self.add_vnc_action])
        if overlay is Overlay.NO_DISPLAY:
            actions = [self.show_serial_action] if self._serial else []
            return (self.tr("No graphical display"),
                    self.tr("This guest has no VNC display."), [*actions, self.add_vnc_action])
        actions = [self.show_graphical_action] if self._display is Display.VNC else []
        return (self.tr("No serial console"),
                self.tr("This guest has no serial port or console device."), actions)

    def _not_running_text(self, domain: DomainInfo) -> str:
        if domain.state is DomainState.CRASHED:
            return self.tr("%s has crashed. Force it off, then start it again.") % domain.name
        if domain.managed_save:
            return self.tr("%s is saved to disk. Start restores it where it left off.") \
                % domain.name
        return self.tr("%s is shut off.") % domain.name
