"""Keys for the console: X11 keysyms, QEMU "qnum" scancodes, and the Send Key combinations.

A qnum is an XT (scancode set 1) make code: one byte for plain keys, 0x80 | code for the
0xE0-prefixed ones.  QEMU's Extended Key Event takes it, so the guest's keyboard layout, not
ours, decides the character.  Linux evdev codes 1-83 equal their XT codes; the rest need the
table below.  Qt's ``nativeScanCode()`` on X11 and Wayland is the evdev code + 8.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Key:
    keysym: int
    qnum: int


@dataclass(frozen=True, slots=True)
class KeyCombo:
    """A key sequence for the Send Key menu; ``label`` is in QKeySequence's portable text, so
    ``QKeySequence(label).toString(QKeySequence.NativeText)`` shows it localised."""

    label: str
    keys: tuple[Key, ...]


# Keysyms (X11 keysymdef.h) and qnums of the keys that are not characters.
KEYS: dict[str, Key] = {
    "BackSpace": Key(0xFF08, 0x0E), "Tab": Key(0xFF09, 0x0F), "Return": Key(0xFF0D, 0x1C),
    "Escape": Key(0xFF1B, 0x01), "space": Key(0x0020, 0x39), "Delete": Key(0xFFFF, 0xD3),
    "Insert": Key(0xFF63, 0xD2), "Home": Key(0xFF50, 0xC7), "End": Key(0xFF57, 0xCF),
    "Page_Up": Key(0xFF55, 0xC9), "Page_Down": Key(0xFF56, 0xD1), "Left": Key(0xFF51, 0xCB),
    "Up": Key(0xFF52, 0xC8), "Right": Key(0xFF53, 0xCD), "Down": Key(0xFF54, 0xD0),
    # PrintScreen as e0 37: QEMU's PS/2 and USB keyboards turn it into the full sequence.
    "Print": Key(0xFF61, 0xB7), "Sys_Req": Key(0xFF15, 0x54), "Pause": Key(0xFF13, 0xC6),
    "Scroll_Lock": Key(0xFF14, 0x46), "Num_Lock": Key(0xFF7F, 0x45),
    "Caps_Lock": Key(0xFFE5, 0x3A), "Menu": Key(0xFF67, 0xDD),
    "Shift_L": Key(0xFFE1, 0x2A), "Shift_R": Key(0xFFE2, 0x36),
    "Control_L": Key(0xFFE3, 0x1D), "Control_R": Key(0xFFE4, 0x9D),
    "Alt_L": Key(0xFFE9, 0x38), "Alt_R": Key(0xFFEA, 0xB8),
    "ISO_Level3_Shift": Key(0xFE03, 0xB8),  # AltGr
    "Super_L": Key(0xFFEB, 0xDB), "Super_R": Key(0xFFEC, 0xDC),
    "Meta_L": Key(0xFFE7, 0xDB), "Meta_R": Key(0xFFE8, 0xDC),
    "KP_Enter": Key(0xFF8D, 0x9C), "KP_Add": Key(0xFFAB, 0x4E),
    "KP_Subtract": Key(0xFFAD, 0x4A), "KP_Multiply": Key(0xFFAA, 0x37),
    "KP_Divide": Key(0xFFAF, 0xB5), "KP_Decimal": Key(0xFFAE, 0x53),
    "KP_Equal": Key(0xFFBD, 0x59),
    **{f"F{n}": Key(0xFFBE + n - 1, 0x3B + n - 1) for n in range(1, 11)},
    "F11": Key(0xFFC8, 0x57), "F12": Key(0xFFC9, 0x58),
    # Keypad digits: KP_7 KP_8 KP_9 / KP_4 KP_5 KP_6 / KP_1 KP_2 KP_3 / KP_0 in XT order.
    **{f"KP_{digit}": Key(0xFFB0 + digit, code) for digit, code in zip(
        (7, 8, 9, 4, 5, 6, 1, 2, 3, 0), (0x47, 0x48, 0x49, 0x4B, 0x4C, 0x4D, 0x4F, 0x50,
                                        0x51, 0x52), strict=True)},
}

# Linux evdev codes beyond 83 (input-event-codes.h) to qnums.
_EVDEV_EXTRA = {
    85: 0x76,  # KEY_ZENKAKUHANKAKU
    86: 0x56,  # KEY_102ND (the extra key left of Z on ISO keyboards)
    87: 0x57, 88: 0x58,  # F11, F12
    89: 0x73,  # KEY_RO
    92: 0x79, 93: 0x70, 94: 0x7B,  # HENKAN, KATAKANAHIRAGANA, MUHENKAN
    96: 0x9C,  # KEY_KPENTER
    97: 0x9D,  # KEY_RIGHTCTRL
    98: 0xB5,  # KEY_KPSLASH
    99: 0xB7,  # KEY_SYSRQ, the PrintScreen key (see "Print" above)
    100: 0xB8,  # KEY_RIGHTALT
    102: 0xC7, 103: 0xC8, 104: 0xC9,  # HOME, UP, PAGEUP
    105: 0xCB, 106: 0xCD,  # LEFT, RIGHT
    107: 0xCF, 108: 0xD0, 109: 0xD1,  # END, DOWN, PAGEDOWN
    110: 0xD2, 111: 0xD3,  # INSERT, DELETE
    113: 0xA0, 114: 0xAE, 115: 0xB0,  # MUTE, VOLUMEDOWN, VOLUMEUP
    116: 0xDE,  # KEY_POWER
    117: 0x59,  # KEY_KPEQUAL
    119: 0xC6,  # KEY_PAUSE (QEMU's code for the Ctrl+Pause form, e0 46)
    121: 0x7E,  # KEY_KPCOMMA
    124: 0x7D,  # KEY_YEN
    125: 0xDB, 126: 0xDC,  # LEFTMETA, RIGHTMETA (the Windows keys)
    127: 0xDD,  # KEY_COMPOSE (the Menu key)
    142: 0xDF, 143: 0xE3,  # SLEEP, WAKEUP
    183: 0x5D, 184: 0x5E, 185: 0x5F,  # F13-F15
}
_XKB_OFFSET = 8  # X11/Wayland keycodes are evdev codes + 8


def qnum_from_evdev(code: int) -> int:
    """The qnum of a Linux evdev key code; 0 when there is none."""
    if 1 <= code <= 83:
        return code
    return _EVDEV_EXTRA.get(code, 0)


def qnum_from_xkb(keycode: int) -> int:
    """The qnum of an X11/Wayland keycode (Qt's nativeScanCode on Linux); 0 when none."""
    return qnum_from_evdev(keycode - _XKB_OFFSET)


_CONTROL_KEYSYMS = {"\n": 0xFF0D, "\r": 0xFF0D, "\t": 0xFF09, "\b": 0xFF08, "\x1b": 0xFF1B}


def keysym_for_char(char: str) -> int:
    """The keysym of one character: Latin-1 is its own code, the rest is 0x01000000 + it;
    line ends, tabs, backspace and escape are their keys."""
    if char in _CONTROL_KEYSYMS:
        return _CONTROL_KEYSYMS[char]
    code = ord(char)
    if 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xFF:
        return code
    return 0x01000000 | code


def _combo(label: str, *names: str) -> KeyCombo:
    return KeyCombo(label, tuple(KEYS[name] for name in names))


SEND_KEY_COMBOS: tuple[KeyCombo, ...] = (
    _combo("Ctrl+Alt+Del", "Control_L", "Alt_L", "Delete"),
    _combo("Ctrl+Alt+Backspace", "Control_L", "Alt_L", "BackSpace"),
    *(_combo(f"Ctrl+Alt+F{n}", "Control_L", "Alt_L", f"F{n}") for n in range(1, 13)),
    _combo("Print", "Print"),
)
