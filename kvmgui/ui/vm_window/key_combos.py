"""The key combinations of the VM window's Send key menu, as Linux input key codes (pure).

Linux codes are what virDomainSendKey takes with VIR_KEYCODE_SET_LINUX, and what the VNC
console translates to QEMU's scan codes. The menu's labels are made (and translated) in Qt
code; `name` identifies a combination.
"""

from dataclasses import dataclass

# From linux/input-event-codes.h.
KEY_BACKSPACE = 14
KEY_LEFTCTRL = 29
KEY_LEFTALT = 56
KEY_F1 = 59  # F1..F10 are 59..68
KEY_F11 = 87
KEY_F12 = 88
KEY_SYSRQ = 99  # the PrintScreen key
KEY_DELETE = 111


@dataclass(frozen=True, slots=True)
class KeyCombo:
    name: str  # e.g. "ctrl-alt-del", "ctrl-alt-f3", "print"
    codes: tuple[int, ...]  # pressed in this order, released together


def function_key(number: int) -> int:
    """The Linux code of F`number` (1..12)."""
    if not 1 <= number <= 12:
        raise ValueError(f"no key F{number}")
    return KEY_F1 + number - 1 if number <= 10 else KEY_F11 + number - 11


CTRL_ALT_DEL = KeyCombo("ctrl-alt-del", (KEY_LEFTCTRL, KEY_LEFTALT, KEY_DELETE))
CTRL_ALT_BACKSPACE = KeyCombo("ctrl-alt-backspace", (KEY_LEFTCTRL, KEY_LEFTALT, KEY_BACKSPACE))
CTRL_ALT_F = tuple(KeyCombo(f"ctrl-alt-f{n}", (KEY_LEFTCTRL, KEY_LEFTALT, function_key(n)))
                   for n in range(1, 13))
PRINT_SCREEN = KeyCombo("print", (KEY_SYSRQ,))

COMBOS: tuple[KeyCombo, ...] = (CTRL_ALT_DEL, CTRL_ALT_BACKSPACE, *CTRL_ALT_F, PRINT_SCREEN)
