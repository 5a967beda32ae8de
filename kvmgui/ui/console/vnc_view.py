"""The graphical console: a domain's VNC display, live, with keyboard, pointer and clipboard.

    view.attach(connection, domain)   # Connecting…, then the guest's screen
    view.detach()

The session (kvmgui.virt.vnc_session) reads and decodes on its own thread; here its events
are applied to the framebuffer (a numpy array under a QImage), only the changed areas are
repainted, once per framebuffer update, and the next update is asked for only after that and
only while the view is on screen. Input is kvmgui.ui.console.vnc_input's.

A guest that restarts keeps its console: when the link ends after the screen was shown, the
view says Connecting… and tries again a few times before it shows Disconnected (the page's
overlay then offers Reconnect). Where libvirt cannot hand over the display at all (the test
driver, a remote display without a network listener), the view shows libvirt screenshots
instead, view only, and says so.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent, QHideEvent, QImage, QKeyEvent, QMouseEvent, QShowEvent, QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from kvmgui.core import log
from kvmgui.core.message import Message
from kvmgui.core.snapshots import ConnectionState, DomainInfo
from kvmgui.rfb import events as rfb
from kvmgui.ui.console.vnc_clipboard import ClipboardBridge
from kvmgui.ui.console.vnc_framebuffer import Framebuffer, guest_cursor
from kvmgui.ui.console.vnc_input import VncInput
from kvmgui.ui.console.vnc_keys import keys_for_linux_codes
from kvmgui.ui.console.vnc_screenshots import ScreenshotSource
from kvmgui.ui.dialogs.vnc_password_dialog import VncPasswordDialog
from kvmgui.ui.i18n import translate_message
from kvmgui.ui.vm_window.framebuffer_view import FramebufferView
from kvmgui.ui.vm_window.key_combos import KeyCombo
from kvmgui.ui.vm_window.rules import ViewState
from kvmgui.virt.connection import Connection
from kvmgui.virt.errors import error_text
from kvmgui.virt.graphics_route import SshRoute, TcpRoute
from kvmgui.virt.send_key import send_keys
from kvmgui.virt.vnc_session import VncSession

# Tries after the link ended (a guest restarting): the pause before each, in milliseconds.
RETRY_MS = (300, 700, 1000, 2000, 3000, 5000, 8000, 10000)
MAX_DIRTY_RECTS = 64  # more in one update: repaint their bounding box instead


class VncView(FramebufferView):
    """See the module docstring.

    Signals (besides ConsoleView's and FramebufferView's):
        passwordRequested(VncPasswordDialog): the display asks for a password; the dialog is
            open (not modal to the application) and answers the session itself.
    """

    passwordRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.framebuffer = Framebuffer()
        self.session: VncSession | None = None
        self.screenshots: ScreenshotSource | None = None
        self.input = VncInput(self, self._live_session)
        self.input.hintChanged.connect(lambda _hint: self.noteChanged.emit(self.note()))
        self._connection: Connection | None = None
        self._domain: DomainInfo | None = None
        self._route: TcpRoute | SshRoute | None = None
        self._route_name = ""
        self._shown_once = False  # this session showed the screen: a lost link is retried
        self._retry = 0
        self._retry_timer = QTimer(self, singleShot=True)
        self._retry_timer.timeout.connect(self._open)
        self._dirty: list[QRect] = []
        self._update_wanted = False  # an update is due as soon as the view shows again
        self._fallback_note = ""
        self._password_dialog: VncPasswordDialog | None = None
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.clipboard = ClipboardBridge(self, self._live_session)
        self._holder = _SessionHolder()
        self.destroyed.connect(self._holder.close)

    # ---- the ConsoleView contract -------------------------------------------------------------

    def attach(self, connection: Connection, domain: DomainInfo) -> None:
        if self._connection is connection and self._domain is not None and \
                self._domain.uuid == domain.uuid and self.state in (ViewState.CONNECTING,
                                                                    ViewState.CONNECTED):
            return
        self.detach()
        self._connection, self._domain = connection, domain
        connection.stateChanged.connect(self._connection_state)
        self._start()

    def show_route(self, route: TcpRoute | SshRoute, name: str = "") -> None:
        """Show the VNC display at ``route`` (no libvirt domain behind it: no fallback, no
        Send key through libvirt); ``name`` is what the password dialog calls it."""
        self.detach()
        self._route = route
        self._route_name = name or str(route)
        self._start()

    def detach(self) -> None:
        self._retry_timer.stop()
        self._retry = 0
        self._close_session()
        if self.screenshots is not None:
            self.screenshots.stop()
            self.screenshots.deleteLater()
            self.screenshots = None
        self._fallback_note = ""
        if self._connection is not None and isValid(self._connection):
            self._connection.stateChanged.disconnect(self._connection_state)
        self._connection, self._domain, self._route = None, None, None
        self.set_state(ViewState.DETACHED)
        self.noteChanged.emit(self.note())

    def can_send_keys(self) -> bool:
        return self.state is ViewState.CONNECTED

    def send_keys(self, combo: KeyCombo) -> None:
        keys = keys_for_linux_codes(combo.codes)
        session = self._live_session()
        if session is not None and keys is not None:
            session.send_keys(keys)
        elif self._connection is not None and self._domain is not None and self.can_send_keys():
            source = self.screenshots
            self._connection.run_action(
                send_keys(self._domain.uuid, combo.codes),
                lambda _none: source.soon() if source is not None and isValid(source) else None,
                lambda exc: log.ui.warning("send key %s: %s", combo.name, error_text(exc)))

    def note(self) -> str:
        return self._fallback_note or self.input.hint

    @property
    def polling(self) -> bool:
        """Screenshots are being fetched (the fallback, only while on screen)."""
        return self.screenshots is not None and self.screenshots.polling

    # ---- sessions -----------------------------------------------------------------------------

    def _start(self) -> None:
        self._shown_once = False
        self.set_state(ViewState.CONNECTING)
        self._open()

    def _open(self) -> None:
        self._close_session()
        session = VncSession()
        self.session = self._holder.session = session
        session.events.connect(self._on_events)
        session.failed.connect(self._on_failed)
        session.unavailable.connect(self._on_unavailable)
        if self._route is not None:
            session.open_route(self._route)
        elif self._connection is not None and self._domain is not None:
            session.open_domain(self._connection, self._domain.uuid)

    def _close_session(self) -> None:
        session, self.session = self.session, None
        self._holder.session = None
        if session is not None:
            session.events.disconnect(self._on_events)
            session.failed.disconnect(self._on_failed)
            session.unavailable.disconnect(self._on_unavailable)
            session.close()
        if self._password_dialog is not None:
            self._password_dialog.reject()
        self.input.release_grabs()
        self._dirty.clear()

    def _live_session(self) -> VncSession | None:
        """The session, once it shows the screen (input before that goes nowhere)."""
        return self.session if self.state is ViewState.CONNECTED else None

    def _ended(self, reason: str) -> None:
        """The link ended or could not be made: try again while a restart is plausible."""
        self._close_session()
        retrying = self._shown_once or self._retry > 0
        if retrying and self._retry < len(RETRY_MS) and self._route is None:
            self.set_state(ViewState.CONNECTING)
            self._retry_timer.start(RETRY_MS[self._retry])
            self._retry += 1
            log.ui.info("VNC: %s; trying again (%d)", reason, self._retry)
            return
        self.set_state(ViewState.DISCONNECTED if retrying else ViewState.FAILED, reason)
        self.noteChanged.emit(self.note())

    def _connection_state(self, state: ConnectionState, _message: str) -> None:
        """libvirt's connection is back (a daemon restart): a console that could not be
        opened through it tries again. (A VNC socket already open does not depend on it.)"""
        if state == ConnectionState.CONNECTED and self.state in (ViewState.FAILED,
                                                                  ViewState.DISCONNECTED):
            self._start()

    def _on_failed(self, session: VncSession, message: str) -> None:
        if session is self.session:
            self._ended(message)

    def _on_unavailable(self, session: VncSession, reason: Message) -> None:
        """No VNC socket from here: show libvirt's screenshots instead."""
        if session is not self.session:
            return
        self._close_session()
        if self._connection is None or self._domain is None:
            self._ended(translate_message(reason))
            return
        self._fallback_note = self.tr("View only (a screenshot every second). %s") \
            % translate_message(reason)
        source = ScreenshotSource(self._connection, self._domain.uuid, self._on_screen, self)
        source.picture.connect(self._on_screenshot)
        source.failed.connect(self._on_screenshot_failed)
        self.screenshots = source
        source.start()

    def _on_screenshot(self, image: QImage) -> None:
        self.set_image(image)
        self.set_state(ViewState.CONNECTED)
        self.noteChanged.emit(self.note())
        self.updated.emit()

    def _on_screenshot_failed(self, message: str) -> None:
        self.set_state(ViewState.DISCONNECTED if self.state is ViewState.CONNECTED
                       else ViewState.FAILED, message)

    # ---- the server's events ------------------------------------------------------------------

    def _on_events(self, session: VncSession, events: list[rfb.Event]) -> None:
        if session is not self.session:
            return  # sent before that session was closed
        for event in events:
            if isinstance(event, rfb.Rect | rfb.CopyRect | rfb.JpegRect):
                self._dirty.append(self.framebuffer.apply(event))
            elif isinstance(event, rfb.FrameComplete):
                self._frame_complete()
            elif isinstance(event, rfb.Connected | rfb.DesktopResized):
                self._resize(event.width, event.height)
            elif isinstance(event, rfb.CursorShape):
                self.input.set_guest_cursor(guest_cursor(event))
            elif isinstance(event, rfb.PointerModeChanged):
                self.input.set_absolute(event.absolute)
            elif isinstance(event, rfb.ServerCutText):
                self.clipboard.from_guest(event.text)
            elif isinstance(event, rfb.Bell):
                QApplication.beep()
            elif isinstance(event, rfb.NeedPassword):
                self._ask_password()
            elif isinstance(event, rfb.Disconnected):
                self._ended(translate_message(event.reason))
                return  # what follows belongs to no session

    def _resize(self, width: int, height: int) -> None:
        if self.framebuffer.resize(width, height) or self.image is not self.framebuffer.image:
            self._dirty.clear()
            self.set_image(self.framebuffer.image)

    def _frame_complete(self) -> None:
        dirty, self._dirty = self._dirty, []
        if len(dirty) > MAX_DIRTY_RECTS:
            bounds = QRect()
            for rect in dirty:
                bounds = bounds.united(rect)
            dirty = [bounds]
        image = self.framebuffer.image
        for rect in dirty:
            self.set_image(image, rect)
        if self.state is not ViewState.CONNECTED:
            self._shown_once = True
            self._retry = 0
            self.set_state(ViewState.CONNECTED)
            if self.hasFocus():
                self.input.grab_keyboard()
            self.input.set_absolute(self.input.absolute)  # the hint, now that it shows
        self.updated.emit()
        self._request_update()

    def _request_update(self) -> None:
        if self.session is None:
            return
        if self._on_screen():
            self._update_wanted = False
            self.session.request_update()
        else:
            self._update_wanted = True

    def _on_screen(self) -> bool:
        return self.isVisible() and not self.window().isMinimized()

    def _ask_password(self) -> None:
        name = self._domain.name if self._domain is not None else self._route_name
        dialog = VncPasswordDialog(name, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        session = self.session
        dialog.accepted.connect(lambda: self._answer(session, dialog.password()))
        dialog.rejected.connect(lambda: self._answer(session, None))
        self._password_dialog = dialog
        dialog.open()
        self.passwordRequested.emit(dialog)

    def _answer(self, session: VncSession | None, password: str | None) -> None:
        self._password_dialog = None
        if session is not None and session is self.session:
            session.provide_password(password)

    # ---- Qt events ----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # While the keyboard is grabbed the window's shortcuts are the guest's keys too.
        if event.type() == QEvent.Type.ShortcutOverride and self.input.keyboard_grabbed:
            event.accept()
            return True
        return super().event(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        if self.input.keyboard_grabbed:
            return False  # Tab is the guest's
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.input.key_press(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        self.input.key_release(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.input.mouse_press(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.input.mouse_release(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.input.mouse_move(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.input.wheel(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.input.focus_in(event)
        self.clipboard.focused()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.input.focus_out(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._update_wanted:
            self._request_update()
        if self.screenshots is not None:
            self.screenshots.shown()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.input.release_grabs()
        if self.screenshots is not None:
            self.screenshots.hidden()



class _SessionHolder:
    """Holds the view's session for ``destroyed``: a view deleted while attached still ends
    its session (a plain object's slot: the view is gone by then)."""

    def __init__(self) -> None:
        self.session: VncSession | None = None

    def close(self) -> None:
        if self.session is not None:
            self.session.close()
