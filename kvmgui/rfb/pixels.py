"""The pixel format we ask for and numpy conversions from the wire's pixels to B, G, R, 255.

We request 32-bit little-endian true colour with red at bit 16: each wire pixel is the bytes
B, G, R, X, which is QImage.Format_RGB32 on little-endian hosts (and what QEMU keeps its own
surface in, so it converts nothing).  Tight sends such a colour as 3 bytes R, G, B (TPIXEL),
ZRLE as the 3 low bytes B, G, R (CPIXEL).  The fourth byte is set to 255 so the result paints
as opaque whatever the server put there.
"""

from __future__ import annotations

import struct

import numpy as np

from kvmgui.rfb.events import Pixels

BYTES_PER_PIXEL = 4
# bits-per-pixel, depth, big-endian, true-colour, red/green/blue max, red/green/blue shift.
PIXEL_FORMAT = struct.pack(">BBBBHHHBBB3x", 32, 24, 0, 1, 255, 255, 255, 16, 8, 0)


def from_bgrx(data: bytes | memoryview, width: int, height: int) -> Pixels:
    """``width`` x ``height`` wire pixels (B, G, R, X) as a fresh array with opaque alpha."""
    # One pass: OR-ing the alpha into little-endian words copies and fixes the pixels at once.
    words = np.frombuffer(data, "<u4", width * height) | np.uint32(0xFF000000)
    return words.astype("<u4", copy=False).view(np.uint8).reshape(height, width, 4)


def from_rgb(data: bytes | memoryview, width: int, height: int) -> Pixels:
    """``width`` x ``height`` 3-byte R, G, B pixels (Tight's TPIXEL) as B, G, R, 255."""
    # Read each pixel as a big-endian word starting one byte early: (any, R, G, B) is the
    # number 0x..RRGGBB, whose little-endian bytes are B, G, R.  No per-byte shuffling.
    buffer = b"\0" + bytes(data)
    return _opaque(np.ndarray((width * height,), ">u4", buffer, 0, (3,)), width, height)


def from_bgr(data: bytes | memoryview, width: int, height: int) -> Pixels:
    """``width`` x ``height`` 3-byte B, G, R pixels (ZRLE's CPIXEL) as B, G, R, 255."""
    # Little-endian words at a 3-byte stride: B, G, R and the next pixel's first byte.
    buffer = bytes(data) + b"\0"
    return _opaque(np.ndarray((width * height,), "<u4", buffer, 0, (3,)), width, height)


def _opaque(words: np.ndarray, width: int, height: int) -> Pixels:
    opaque = (words & np.uint32(0xFFFFFF)) | np.uint32(0xFF000000)
    return opaque.astype("<u4", copy=False).view(np.uint8).reshape(height, width, 4)


def solid(colour: Pixels, width: int, height: int) -> Pixels:
    """A read-only ``width`` x ``height`` view of one B, G, R, A colour (no copy)."""
    return np.broadcast_to(colour.reshape(1, 1, 4), (height, width, 4))


def palette_from_rgb(data: bytes) -> Pixels:
    """TPIXEL palette entries as an (n, 4) B, G, R, 255 array."""
    return from_rgb(data, len(data) // 3, 1).reshape(-1, 4)


def palette_from_bgr(data: bytes) -> Pixels:
    """CPIXEL palette entries as an (n, 4) B, G, R, 255 array."""
    return from_bgr(data, len(data) // 3, 1).reshape(-1, 4)


def unpack_indices(packed: bytes, bits: int, width: int, height: int) -> np.ndarray:
    """Palette indices packed ``bits`` (1, 2 or 4) per pixel, MSB first, rows byte-aligned."""
    stride = (width * bits + 7) // 8
    rows = np.frombuffer(packed, np.uint8, stride * height).reshape(height, stride)
    bitplane = np.unpackbits(rows, axis=1)[:, :width * bits]
    if bits == 1:
        return bitplane
    weights = (1 << np.arange(bits - 1, -1, -1)).astype(np.uint8)
    indices: np.ndarray = (bitplane.reshape(height, width, bits) * weights).sum(
        axis=2, dtype=np.uint8)
    return indices


def mask_alpha(mask: bytes, width: int, height: int) -> np.ndarray:
    """A 1-bit-per-pixel mask (MSB first, rows byte-aligned) as alpha bytes 0 or 255."""
    return unpack_indices(mask, 1, width, height) * np.uint8(255)
