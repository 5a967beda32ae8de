"""The VNC view's keyboard and pointer: what reaches the guest, and the grabs.

Keyboard: while the view has focus every key goes to the guest, and the keyboard is grabbed:
the window's shortcuts (F11, Tab between widgets) go to the guest too, until Ctrl+Alt is
pressed and released without another key, which lets go (a click on the screen grabs again).
Keys still down when the view lets go are released in the guest, so none stays stuck.

Pointer: a guest with a tablet (QEMU says "absolute") gets positions: the pointer simply moves
over the screen, shown in the guest's own cursor shape. A guest with a plain mouse takes
motion: the first click grabs the pointer (hidden, brought back to the centre after each
move) and Ctrl+Alt lets it go.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QCursor, QFocusEvent, QGuiApplication, QKeyEvent, QMouseEvent, QWheelEvent,
)

from kvmgui.rfb import messages as msg
from kvmgui.ui.console.vnc_keys import GuestKey, guest_key, is_release_modifier
from kvmgui.ui.vm_window.framebuffer_view import FramebufferView
from kvmgui.virt.vnc_session import VncSession

_BUTTONS = {Qt.MouseButton.LeftButton: msg.BUTTON_LEFT,
            Qt.MouseButton.MiddleButton: msg.BUTTON_MIDDLE,
            Qt.MouseButton.RightButton: msg.BUTTON_RIGHT}
_WHEEL_STEP = 120  # angleDelta of one notch
_NO_GRABS = ("offscreen", "minimal")


class VncInput(QObject):
    """Input of ``view`` for the session ``session()`` returns (None: nothing is sent).

    Signals:
        hintChanged(str): what the user can do now ("Press Ctrl+Alt to release ...").
    """

    hintChanged = Signal(str)

    def __init__(self, view: FramebufferView, session: Callable[[], VncSession | None]) -> None:
        super().__init__(view)
        self._view = view
        self._session = session
        self.keyboard_grabbed = False
        self.pointer_grabbed = False
        self.absolute = True
        self._pressed: dict[int, GuestKey] = {}  # by native scan code, else Qt key
        self._modifiers_down: set[str] = set()
        self._combo_armed = False
        self._buttons = 0
        self._wheel = 0
        self._guest_cursor = QCursor(Qt.CursorShape.ArrowCursor)
        self.hint = ""

    # ---- keyboard --------------------------------------------------------------------------

    def key_press(self, event: QKeyEvent) -> None:
        key = guest_key(event)
        session = self._session()
        if session is None or not key.keysym and not key.qnum:
            return
        self._pressed[_key_id(event)] = key
        modifier = is_release_modifier(key)
        if modifier:
            self._modifiers_down.add(modifier)
            self._combo_armed = self._modifiers_down == {"ctrl", "alt"} and all(
                is_release_modifier(k) for k in self._pressed.values())
        else:
            self._combo_armed = False
        session.key_event(True, key.keysym, key.qnum)

    def key_release(self, event: QKeyEvent) -> None:
        if event.isAutoRepeat():
            return  # the guest repeats a key held down by itself
        key = self._pressed.pop(_key_id(event), None)
        if key is None:
            return
        session = self._session()
        if session is not None:
            session.key_event(False, key.keysym, key.qnum)
        modifier = is_release_modifier(key)
        if modifier:
            self._modifiers_down.discard(modifier)
            if self._combo_armed:
                self._combo_armed = False
                self.release_grabs()

    def release_keys(self) -> None:
        """Release in the guest every key still down here (focus lost, grab let go)."""
        session = self._session()
        for key in self._pressed.values():
            if session is not None:
                session.key_event(False, key.keysym, key.qnum)
        self._pressed.clear()
        self._modifiers_down.clear()
        self._combo_armed = False

    def grab_keyboard(self) -> None:
        if self._session() is None or self.keyboard_grabbed:
            return
        self.keyboard_grabbed = True
        if self._view.window().isActiveWindow() and _can_grab():
            self._view.grabKeyboard()
        self._update_hint()

    def release_grabs(self) -> None:
        """Let go of keyboard and pointer (Ctrl+Alt, focus lost, disconnected)."""
        self.release_keys()
        if self.keyboard_grabbed:
            self.keyboard_grabbed = False
            if _can_grab():
                self._view.releaseKeyboard()
        self._release_pointer()
        self._update_hint()

    def focus_in(self, _event: QFocusEvent) -> None:
        self.grab_keyboard()
        self._update_hint()

    def focus_out(self, _event: QFocusEvent) -> None:
        self.release_grabs()

    # ---- pointer ---------------------------------------------------------------------------

    def set_absolute(self, absolute: bool) -> None:
        self.absolute = absolute
        if absolute:
            self._release_pointer()
        self._update_cursor()
        self._update_hint()

    def set_guest_cursor(self, cursor: QCursor) -> None:
        self._guest_cursor = cursor
        self._update_cursor()

    def mouse_press(self, event: QMouseEvent) -> None:
        self._view.setFocus(Qt.FocusReason.MouseFocusReason)
        self.grab_keyboard()
        if not self.absolute and not self.pointer_grabbed:
            self._grab_pointer()
            return  # the click that grabs is not the guest's
        self._buttons |= _BUTTONS.get(event.button(), 0)
        self._send_pointer(event.position().toPoint())

    def mouse_release(self, event: QMouseEvent) -> None:
        button = _BUTTONS.get(event.button(), 0)
        if not self._buttons & button:
            return
        self._buttons &= ~button
        self._send_pointer(event.position().toPoint())

    def mouse_move(self, event: QMouseEvent) -> None:
        self._send_pointer(event.position().toPoint(), moved=True)

    def wheel(self, event: QWheelEvent) -> None:
        session = self._session()
        if session is None:
            return
        self._wheel += event.angleDelta().y()
        steps = int(self._wheel / _WHEEL_STEP)
        if not steps:
            return
        self._wheel -= steps * _WHEEL_STEP
        x, y = self._guest_point(event.position().toPoint())
        if self.absolute:
            session.wheel(x, y, self._buttons, steps)
        elif self.pointer_grabbed:
            button = msg.WHEEL_UP if steps > 0 else msg.WHEEL_DOWN
            for _ in range(abs(steps)):
                session.pointer_motion(0, 0, self._buttons | button)
                session.pointer_motion(0, 0, self._buttons)

    # ---- internals -------------------------------------------------------------------------

    def _send_pointer(self, position: QPoint, moved: bool = False) -> None:
        session = self._session()
        if session is None:
            return
        if self.absolute:
            x, y = self._guest_point(position)
            session.pointer_event(x, y, self._buttons)
        elif self.pointer_grabbed:
            centre = self._view.rect().center()
            dx, dy = position.x() - centre.x(), position.y() - centre.y()
            if moved and not (dx or dy):
                return  # the warp back to the centre
            if dx or dy:
                QCursor.setPos(self._view.mapToGlobal(centre))
            session.pointer_motion(dx, dy, self._buttons)

    def _guest_point(self, position: QPoint) -> tuple[int, int]:
        """``position`` in the widget as a framebuffer pixel (the picture may be scaled)."""
        target = self._view.picture_rect()
        size = self._view.guest_size()
        if target.isEmpty() or size.isEmpty():
            return 0, 0
        x = (position.x() - target.x()) * size.width() // target.width()
        y = (position.y() - target.y()) * size.height() // target.height()
        return (min(max(x, 0), size.width() - 1), min(max(y, 0), size.height() - 1))

    def _grab_pointer(self) -> None:
        self.pointer_grabbed = True
        if _can_grab():
            self._view.grabMouse()
        QCursor.setPos(self._view.mapToGlobal(self._view.rect().center()))
        self._update_cursor()
        self._update_hint()

    def _release_pointer(self) -> None:
        if self._buttons:
            session = self._session()
            self._buttons = 0
            if session is not None and self.absolute:
                session.pointer_event(*self._guest_point(
                    self._view.mapFromGlobal(QCursor.pos())), 0)
            elif session is not None:
                session.pointer_motion(0, 0, 0)
        if self.pointer_grabbed:
            self.pointer_grabbed = False
            if _can_grab():
                self._view.releaseMouse()
            self._update_cursor()

    def _update_cursor(self) -> None:
        if self.pointer_grabbed:
            self._view.setCursor(Qt.CursorShape.BlankCursor)
        elif self.absolute:
            self._view.setCursor(self._guest_cursor)
        else:
            self._view.unsetCursor()

    def _update_hint(self) -> None:
        if self._session() is None:
            hint = ""
        elif self.pointer_grabbed:
            hint = self.tr("Press Ctrl+Alt to release the pointer and the keyboard")
        elif self.keyboard_grabbed:
            hint = self.tr("Press Ctrl+Alt to release the keyboard")
        elif not self.absolute:
            hint = self.tr("Click the screen to type in the guest and move its pointer")
        else:
            hint = self.tr("Click the screen to type in the guest")
        if hint != self.hint:
            self.hint = hint
            self.hintChanged.emit(hint)


def _can_grab() -> bool:
    """Whether the window system takes grabs (the offscreen platform only warns)."""
    return QGuiApplication.platformName() not in _NO_GRABS


def _key_id(event: QKeyEvent) -> int:
    return event.nativeScanCode() or -int(event.key())

