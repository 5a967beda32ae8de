"""RFB numbers (encodings, message types) and the client's messages as bytes (RFC 6143 §7.5).

Pointer buttons are a bit mask: 1 left, 2 middle, 4 right, 8/16 wheel up/down, 32/64 wheel
left/right.
"""

from __future__ import annotations

import struct

from kvmgui.rfb.pixels import PIXEL_FORMAT

# Encodings (RFC 6143 §7.7 and the community rfbproto registry).
RAW = 0
COPYRECT = 1
ZLIB = 6
TIGHT = 7
ZRLE = 16
# Pseudo-encodings: capabilities the client declares.
DESKTOP_SIZE = -223
LAST_RECT = -224
CURSOR = -239
QEMU_POINTER_MOTION_CHANGE = -257
QEMU_EXTENDED_KEY_EVENT = -258
EXTENDED_DESKTOP_SIZE = -308
JPEG_QUALITY_0 = -32  # -32 .. -23: quality 0 .. 9; Tight uses JPEG only when one is sent
COMPRESS_LEVEL_0 = -256  # -256 .. -247: zlib level 0 .. 9

DECODABLE = frozenset({RAW, COPYRECT, ZLIB, TIGHT, ZRLE})
# A fast local link: raw costs the least CPU.  A remote one: compressed first.
LOCAL_ENCODINGS = (RAW, COPYRECT, ZLIB, TIGHT, ZRLE)
REMOTE_ENCODINGS = (TIGHT, ZRLE, ZLIB, COPYRECT, RAW)

# Server to client message types.
FRAMEBUFFER_UPDATE = 0
SET_COLOUR_MAP_ENTRIES = 1
BELL = 2
SERVER_CUT_TEXT = 3

BUTTON_LEFT = 1
BUTTON_MIDDLE = 2
BUTTON_RIGHT = 4
WHEEL_UP = 8
WHEEL_DOWN = 16
WHEEL_LEFT = 32
WHEEL_RIGHT = 64


def set_pixel_format() -> bytes:
    return b"\x00\x00\x00\x00" + PIXEL_FORMAT


def set_encodings(encodings: list[int]) -> bytes:
    return struct.pack(f">BxH{len(encodings)}i", 2, len(encodings), *encodings)


def framebuffer_update_request(incremental: bool, x: int, y: int, width: int,
                               height: int) -> bytes:
    return struct.pack(">BBHHHH", 3, int(incremental), x, y, width, height)


def key_event(down: bool, keysym: int) -> bytes:
    return struct.pack(">BBxxI", 4, int(down), keysym & 0xFFFFFFFF)


def qemu_key_event(down: bool, keysym: int, qnum: int) -> bytes:
    """QEMU's Extended Key Event: the keysym plus the XT scancode of the physical key."""
    return struct.pack(">BBHII", 255, 0, int(down), keysym & 0xFFFFFFFF, qnum)


def pointer_event(buttons: int, x: int, y: int) -> bytes:
    return struct.pack(">BBHH", 5, buttons & 0xFF, x, y)


def client_cut_text(text: bytes) -> bytes:
    return struct.pack(">BxxxI", 6, len(text)) + text


def set_desktop_size(width: int, height: int) -> bytes:
    """ExtendedDesktopSize's SetDesktopSize with one screen covering the framebuffer."""
    screen = struct.pack(">IHHHHI", 0, 0, 0, width, height, 0)
    return struct.pack(">BxHHBx", 251, width, height, 1) + screen
