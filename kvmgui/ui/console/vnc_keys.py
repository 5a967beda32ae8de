"""Which key a Qt key event is, for the VNC server: a QEMU scancode and an X11 keysym.

The scancode comes first: QEMU's Extended Key Event takes it, so the guest's own keyboard
layout decides the character, as with a real keyboard. On Linux, Qt's ``nativeScanCode()`` is
the XKB keycode (evdev + 8, see ``kvmgui.rfb.keys``), and ``nativeVirtualKey()`` the keysym
X11 or Wayland chose. Where neither exists (other platforms, synthesized events) the keysym is
derived from the event's text or Qt key, and QEMU maps it through its own keymap.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

from kvmgui.rfb.keys import KEYS, SEND_KEY_COMBOS, Key, keysym_for_char, qnum_from_evdev, \
    qnum_from_xkb

# Qt keys that are not characters, by the keysym names of kvmgui.rfb.keys.
_QT_KEY_NAMES: dict[Qt.Key, str] = {
    Qt.Key.Key_Backspace: "BackSpace", Qt.Key.Key_Tab: "Tab", Qt.Key.Key_Backtab: "Tab",
    Qt.Key.Key_Return: "Return", Qt.Key.Key_Enter: "KP_Enter", Qt.Key.Key_Escape: "Escape",
    Qt.Key.Key_Delete: "Delete", Qt.Key.Key_Insert: "Insert", Qt.Key.Key_Home: "Home",
    Qt.Key.Key_End: "End", Qt.Key.Key_PageUp: "Page_Up", Qt.Key.Key_PageDown: "Page_Down",
    Qt.Key.Key_Left: "Left", Qt.Key.Key_Up: "Up", Qt.Key.Key_Right: "Right",
    Qt.Key.Key_Down: "Down", Qt.Key.Key_Print: "Print", Qt.Key.Key_SysReq: "Sys_Req",
    Qt.Key.Key_Pause: "Pause", Qt.Key.Key_ScrollLock: "Scroll_Lock",
    Qt.Key.Key_NumLock: "Num_Lock", Qt.Key.Key_CapsLock: "Caps_Lock", Qt.Key.Key_Menu: "Menu",
    Qt.Key.Key_Shift: "Shift_L", Qt.Key.Key_Control: "Control_L", Qt.Key.Key_Alt: "Alt_L",
    Qt.Key.Key_AltGr: "ISO_Level3_Shift", Qt.Key.Key_Meta: "Super_L",
    Qt.Key.Key_Super_L: "Super_L", Qt.Key.Key_Super_R: "Super_R",
    **{getattr(Qt.Key, f"Key_F{n}"): f"F{n}" for n in range(1, 13)},
}
_KEYS_BY_QT = {int(qt_key.value): KEYS[name] for qt_key, name in _QT_KEY_NAMES.items()}
# One keysym per scancode (the first name wins: Super_L before Meta_L, Alt_R before AltGr).
_KEYS_BY_QNUM: dict[int, Key] = {}
for _key in KEYS.values():
    _KEYS_BY_QNUM.setdefault(_key.qnum, _key)

# Platforms whose native codes are XKB keycodes and keysyms (offscreen: what tests synthesize).
_XKB_PLATFORMS = ("xcb", "wayland", "offscreen")


@dataclass(frozen=True, slots=True)
class GuestKey:
    keysym: int
    qnum: int  # 0: none known, the keysym alone goes


def guest_key(event: QKeyEvent) -> GuestKey:
    """The key of ``event`` as the VNC server takes it (see the module docstring)."""
    xkb = _xkb_platform()
    qnum = qnum_from_xkb(event.nativeScanCode()) if xkb and event.nativeScanCode() else 0
    keysym = event.nativeVirtualKey() if xkb else 0
    if not keysym:
        keysym = _keysym(event)
    if not keysym and qnum in _KEYS_BY_QNUM:
        keysym = _KEYS_BY_QNUM[qnum].keysym
    return GuestKey(keysym, qnum)


def is_release_modifier(key: GuestKey) -> str:
    """"ctrl" or "alt" for the keys of the release combination (Ctrl+Alt), else ""."""
    if key.keysym in (KEYS["Control_L"].keysym, KEYS["Control_R"].keysym):
        return "ctrl"
    if key.keysym in (KEYS["Alt_L"].keysym, KEYS["Alt_R"].keysym):
        return "alt"
    return ""


def keys_for_linux_codes(codes: tuple[int, ...]) -> tuple[Key, ...] | None:
    """The Send Key combination with these Linux key codes (``kvmgui.rfb.keys``), else the
    keys themselves; None when one of them has no scancode."""
    qnums = tuple(qnum_from_evdev(code) for code in codes)
    for combo in SEND_KEY_COMBOS:
        if tuple(key.qnum for key in combo.keys) == qnums:
            return combo.keys
    if all(qnum in _KEYS_BY_QNUM for qnum in qnums):
        return tuple(_KEYS_BY_QNUM[qnum] for qnum in qnums)
    return None


def _keysym(event: QKeyEvent) -> int:
    text = event.text()
    if len(text) == 1 and text.isprintable():
        return keysym_for_char(text)
    key = event.key()
    named = _KEYS_BY_QT.get(int(key))
    if named is not None:
        return named.keysym
    if 0x20 <= key <= 0xFF:  # Qt's code of a Latin-1 key is its upper-case character
        return ord(chr(key).lower())
    return 0


def _xkb_platform() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    name = QGuiApplication.platformName()
    return any(name.startswith(platform) for platform in _XKB_PLATFORMS)
