"""Key presses to the bytes an xterm sends (what a guest's shell and editors expect).

Cursor keys honour the application-cursor mode (DECCKM) the guest may switch on; keys with
Shift, Alt or Ctrl use xterm's modifier parameter ("ESC [ 1 ; 5 A" is Ctrl+Up); Alt+key is
ESC followed by the key's bytes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

Key = Qt.Key
Mod = Qt.KeyboardModifier

# Keys with a final letter: normal "ESC [ X", application mode "ESC O X", modified "ESC [1;m X".
_LETTER_KEYS = {
    Key.Key_Up: "A", Key.Key_Down: "B", Key.Key_Right: "C", Key.Key_Left: "D",
    Key.Key_Home: "H", Key.Key_End: "F",
}
_PF_KEYS = {Key.Key_F1: "P", Key.Key_F2: "Q", Key.Key_F3: "R", Key.Key_F4: "S"}
# Keys sent as "ESC [ n ~" (modified: "ESC [ n ; m ~").
_TILDE_KEYS = {
    Key.Key_Insert: 2, Key.Key_Delete: 3, Key.Key_PageUp: 5, Key.Key_PageDown: 6,
    Key.Key_F5: 15, Key.Key_F6: 17, Key.Key_F7: 18, Key.Key_F8: 19, Key.Key_F9: 20,
    Key.Key_F10: 21, Key.Key_F11: 23, Key.Key_F12: 24,
}
_PLAIN_KEYS = {
    Key.Key_Return: b"\r", Key.Key_Enter: b"\r", Key.Key_Backspace: b"\x7f",
    Key.Key_Tab: b"\t", Key.Key_Backtab: b"\x1b[Z", Key.Key_Escape: b"\x1b",
}
# Ctrl with a punctuation key: the C0 control characters beyond Ctrl+letter.
_CTRL_PUNCTUATION = {
    Key.Key_Space: b"\x00", Key.Key_At: b"\x00", Key.Key_BracketLeft: b"\x1b",
    Key.Key_Backslash: b"\x1c", Key.Key_BracketRight: b"\x1d", Key.Key_AsciiCircum: b"\x1e",
    Key.Key_Underscore: b"\x1f", Key.Key_Question: b"\x7f",
}


def _modifier_parameter(modifiers: Mod) -> int:
    """xterm's "1 + Shift + 2*Alt + 4*Ctrl"; 1 means no modifier."""
    return (1 + (1 if modifiers & Mod.ShiftModifier else 0)
            + (2 if modifiers & Mod.AltModifier else 0)
            + (4 if modifiers & Mod.ControlModifier else 0))


def key_bytes(key: int, modifiers: Mod, text: str, application_cursor: bool = False) -> bytes:
    """What the terminal sends for one key press; b"" when the key sends nothing."""
    modifiers = modifiers & (Mod.ShiftModifier | Mod.AltModifier | Mod.ControlModifier)
    parameter = _modifier_parameter(modifiers)
    if key in _LETTER_KEYS:
        final = _LETTER_KEYS[Key(key)]
        if parameter > 1:
            return f"\x1b[1;{parameter}{final}".encode()
        return f"\x1b{'O' if application_cursor else '['}{final}".encode()
    if key in _PF_KEYS:
        final = _PF_KEYS[Key(key)]
        return f"\x1b[1;{parameter}{final}".encode() if parameter > 1 else f"\x1bO{final}".encode()
    if key in _TILDE_KEYS:
        number = _TILDE_KEYS[Key(key)]
        suffix = f";{parameter}" if parameter > 1 else ""
        return f"\x1b[{number}{suffix}~".encode()
    prefix = b"\x1b" if modifiers & Mod.AltModifier else b""
    if key in _PLAIN_KEYS:
        if key == Key.Key_Tab and modifiers & Mod.ShiftModifier:
            return b"\x1b[Z"
        return prefix + _PLAIN_KEYS[Key(key)]
    if modifiers & Mod.ControlModifier:
        if Key.Key_A <= key <= Key.Key_Z:
            return prefix + bytes([key - Key.Key_A + 1])
        if key in _CTRL_PUNCTUATION:
            return prefix + _CTRL_PUNCTUATION[Key(key)]
    return prefix + text.encode("utf-8") if text else b""
