"""The client's input messages byte for byte, and the key tables."""

import struct

import pytest
from rfb_server_helpers import connected_client, rect_header, update

from kvmgui.rfb import keys
from kvmgui.rfb.client import RfbClient
from kvmgui.rfb.keys import KEYS, SEND_KEY_COMBOS, Key


def qemu_client(relative: bool = False, extended_keys: bool = True) -> RfbClient:
    client = connected_client(width=640, height=480)
    rects = []
    if extended_keys:
        rects.append(rect_header(0, 0, 640, 480, -258))
    if relative:
        rects.append(rect_header(0, 0, 640, 480, -257))
    client.feed(update(*rects))
    client.take_output()
    return client


def test_plain_key_events_carry_the_keysym() -> None:
    client = qemu_client(extended_keys=False)
    client.key_event(True, 0x61, scancode=0x1E)
    client.key_event(False, 0xFF0D)
    assert client.take_output() == struct.pack(">BBxxI", 4, 1, 0x61) + \
        struct.pack(">BBxxI", 4, 0, 0xFF0D)


def test_qemu_extended_key_events_carry_the_scancode_too() -> None:
    client = qemu_client()
    client.key_event(True, 0x61, scancode=0x1E)
    client.key_event(False, 0xFF54, scancode=0xD0)
    client.key_event(True, 0x62)  # no scancode known: the plain message
    assert client.take_output() == (
        bytes([255, 0, 0, 1, 0, 0, 0, 0x61, 0, 0, 0, 0x1E])
        + bytes([255, 0, 0, 0, 0, 0, 0xFF, 0x54, 0, 0, 0, 0xD0])
        + struct.pack(">BBxxI", 4, 1, 0x62))


def test_send_keys_presses_in_order_and_releases_in_reverse() -> None:
    client = qemu_client()
    combo = next(c for c in SEND_KEY_COMBOS if c.label == "Ctrl+Alt+Del")
    client.send_keys(combo.keys)
    out = client.take_output()
    messages = [struct.unpack(">BBHII", out[i:i + 12]) for i in range(0, len(out), 12)]
    assert [(down, sym, code) for _, _, down, sym, code in messages] == [
        (1, 0xFFE3, 0x1D), (1, 0xFFE9, 0x38), (1, 0xFFFF, 0xD3),
        (0, 0xFFFF, 0xD3), (0, 0xFFE9, 0x38), (0, 0xFFE3, 0x1D)]


def test_absolute_pointer_events_are_clamped_to_the_framebuffer() -> None:
    client = qemu_client()
    client.pointer_event(10, 20, 1)
    client.pointer_event(-5, 900, 0)
    assert client.take_output() == struct.pack(">BBHH", 5, 1, 10, 20) + \
        struct.pack(">BBHH", 5, 0, 0, 479)


def test_relative_pointer_events_send_deltas_around_0x7fff() -> None:
    client = qemu_client(relative=True)
    client.pointer_event(100, 100, 0)  # the first position only sets the origin
    client.pointer_event(103, 95, 4)
    client.pointer_motion(-20, 7, 0)
    client.pointer_motion(-100000, 100000, 0)
    assert client.take_output() == (
        struct.pack(">BBHH", 5, 0, 0x7FFF, 0x7FFF)
        + struct.pack(">BBHH", 5, 4, 0x7FFF + 3, 0x7FFF - 5)
        + struct.pack(">BBHH", 5, 0, 0x7FFF - 20, 0x7FFF + 7)
        + struct.pack(">BBHH", 5, 0, 0, 0xFFFF))


def test_pointer_motion_in_absolute_mode_moves_from_the_last_position() -> None:
    client = qemu_client()
    client.pointer_event(10, 10, 0)
    client.pointer_motion(5, -3, 1)
    assert client.take_output()[6:] == struct.pack(">BBHH", 5, 1, 15, 7)


def test_the_wheel_presses_and_releases_its_button_per_notch() -> None:
    client = qemu_client()
    client.wheel(1, 2, 1, -2)
    down, up = struct.pack(">BBHH", 5, 1 | 16, 1, 2), struct.pack(">BBHH", 5, 1, 1, 2)
    assert client.take_output() == (down + up) * 2


def test_cut_text_is_latin1_with_unix_line_ends() -> None:
    client = qemu_client()
    client.cut_text("Grüße\r\nzwei ✓")
    text = "Grüße\nzwei ?".encode("latin-1")
    assert client.take_output() == struct.pack(">BxxxI", 6, len(text)) + text


def test_cut_text_is_capped() -> None:
    client = connected_client(max_cut_text=4)
    client.cut_text("abcdefgh")
    assert client.take_output() == struct.pack(">BxxxI", 6, 4) + b"abcd"


def test_input_before_connecting_sends_nothing() -> None:
    client = RfbClient()
    client.key_event(True, 0x61)
    client.pointer_event(1, 1, 1)
    client.cut_text("x")
    client.request_update()
    assert client.take_output() == b""


@pytest.mark.parametrize(("evdev", "qnum"), [
    (1, 0x01), (30, 0x1E), (57, 0x39), (83, 0x53), (86, 0x56), (87, 0x57), (88, 0x58),
    (96, 0x9C), (97, 0x9D), (98, 0xB5), (99, 0xB7), (100, 0xB8), (102, 0xC7), (103, 0xC8),
    (108, 0xD0), (111, 0xD3), (119, 0xC6), (125, 0xDB), (127, 0xDD),
])
def test_evdev_codes_map_to_qnum(evdev: int, qnum: int) -> None:
    assert keys.qnum_from_evdev(evdev) == qnum
    assert keys.qnum_from_xkb(evdev + 8) == qnum


@pytest.mark.parametrize("code", [0, 84, 250, -3])
def test_unknown_evdev_codes_have_no_qnum(code: int) -> None:
    assert keys.qnum_from_evdev(code) == 0


def test_a_full_pc_keyboard_has_scancodes() -> None:
    # 104-key PC layout: main block, function row, navigation, arrows, keypad.
    evdev = [*range(1, 84), 87, 88, 96, 97, 98, 99, 100, 102, 103, 104, 105, 106, 107, 108, 109,
             110, 111, 119, 125, 126, 127]
    qnums = [keys.qnum_from_evdev(code) for code in evdev]
    assert all(qnums) and len(set(qnums)) == len(qnums)


def test_named_keys_agree_with_the_evdev_table() -> None:
    assert KEYS["Control_R"].qnum == keys.qnum_from_evdev(97)
    assert KEYS["F10"] == Key(0xFFC7, 68)
    assert KEYS["KP_7"] == Key(0xFFB7, 71) and KEYS["KP_0"] == Key(0xFFB0, 82)
    assert KEYS["Delete"].qnum == keys.qnum_from_evdev(111)


def test_keysym_for_char() -> None:
    assert keys.keysym_for_char("a") == 0x61
    assert keys.keysym_for_char("é") == 0xE9
    assert keys.keysym_for_char("€") == 0x010020AC
    assert keys.keysym_for_char("\n") == 0xFF0D == KEYS["Return"].keysym
    assert keys.keysym_for_char("\t") == KEYS["Tab"].keysym
    assert keys.keysym_for_char("\x07") == 0x01000007


def test_send_key_combos() -> None:
    labels = [combo.label for combo in SEND_KEY_COMBOS]
    assert labels[:3] == ["Ctrl+Alt+Del", "Ctrl+Alt+Backspace", "Ctrl+Alt+F1"]
    assert "Ctrl+Alt+F12" in labels and labels[-1] == "Print"
    f12 = SEND_KEY_COMBOS[labels.index("Ctrl+Alt+F12")]
    assert f12.keys == (KEYS["Control_L"], KEYS["Alt_L"], Key(0xFFC9, 0x58))
