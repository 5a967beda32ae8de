"""Tight encoding (rfbproto "Tight Encoding"): fill, JPEG and basic compression with filters.

Every rectangle starts with a control byte: its low 4 bits reset zlib streams 0-3; its high
bits say fill (one colour), JPEG (handed to the widget as is) or basic compression through
stream 0-3, optionally after a copy, palette or gradient filter.  Colours are 3-byte TPIXELs
(R, G, B) because we ask for 32-bit depth-24 pixels.
"""

from __future__ import annotations

import numpy as np

from kvmgui.rfb import pixels
from kvmgui.rfb.errors import invalid
from kvmgui.rfb.events import JpegRect, Pixels, Rect
from kvmgui.rfb.inflate import Inflater, compressed_limit
from kvmgui.rfb.reader import ByteReader

_FILL = 0x8
_JPEG = 0x9
_COPY_FILTER = 0
_PALETTE_FILTER = 1
_GRADIENT_FILTER = 2
# Filtered data shorter than this is sent as is, without zlib.
_MIN_TO_COMPRESS = 12
_TPIXEL = 3


class TightDecoder:
    def __init__(self) -> None:
        self._streams = [Inflater() for _ in range(4)]

    def read(self, reader: ByteReader, x: int, y: int, width: int,
             height: int) -> Rect | JpegRect:
        """One Tight rectangle: everything is read before any zlib stream changes."""
        control = reader.u8()
        method = control >> 4
        if method == _FILL:
            colour = reader.take(_TPIXEL)
            self._reset(control)
            return Rect(x, y, width, height,
                        pixels.solid(pixels.palette_from_rgb(colour), width, height))
        if method == _JPEG:
            data = reader.take(reader.compact_length())
            self._reset(control)
            return JpegRect(x, y, width, height, data)
        if method > _JPEG:
            raise invalid(f"Tight compression control 0x{control:02x}")
        return self._basic(reader, control, x, y, width, height)

    def _basic(self, reader: ByteReader, control: int, x: int, y: int, width: int,
               height: int) -> Rect:
        filter_id = reader.u8() if control & 0x40 else _COPY_FILTER
        palette = None
        if filter_id == _PALETTE_FILTER:
            colours = reader.u8() + 1
            palette = pixels.palette_from_rgb(reader.take(colours * _TPIXEL))
            size = (width + 7) // 8 * height if colours == 2 else width * height
        elif filter_id in (_COPY_FILTER, _GRADIENT_FILTER):
            size = width * height * _TPIXEL
        else:
            raise invalid(f"Tight filter {filter_id}")
        if size < _MIN_TO_COMPRESS:
            data = reader.take(size)
            self._reset(control)
        else:
            length = reader.compact_length()
            if length > compressed_limit(size):
                raise invalid(f"Tight zlib data of {length} bytes for {size} bytes of pixels")
            packed = reader.view(length)
            self._reset(control)
            data = self._streams[(control >> 4) & 3].exactly(packed, size)
        if palette is not None:
            return Rect(x, y, width, height, _from_palette(data, palette, width, height))
        if filter_id == _GRADIENT_FILTER:
            return Rect(x, y, width, height,
                        pixels.from_rgb(undo_gradient(data, width, height).tobytes(), width,
                                        height))
        return Rect(x, y, width, height, pixels.from_rgb(data, width, height))

    def _reset(self, control: int) -> None:
        for stream in range(4):
            if control & (1 << stream):
                self._streams[stream].reset()


def _from_palette(data: bytes, palette: Pixels, width: int, height: int) -> Pixels:
    if len(palette) == 2:
        indices = pixels.unpack_indices(data, 1, width, height)
    else:
        indices = np.frombuffer(data, np.uint8, width * height).reshape(height, width)
        if indices.size and int(indices.max()) >= len(palette):
            raise invalid(f"Tight palette index beyond its {len(palette)} colours")
    result: Pixels = palette[indices]
    return result


def undo_gradient(data: bytes, width: int, height: int) -> np.ndarray:
    """Tight's gradient filter reversed: each component is its prediction plus the sent value.

    The prediction of V[y, x] is left + up - up-left, clamped to 0..255 (outside pixels are 0),
    so a pixel needs its left and upper neighbours first: pixels on one anti-diagonal
    (x + y = constant) are independent of each other.  The image is stored skewed so that each
    anti-diagonal is one contiguous row of an array, and numpy computes a row per step.
    """
    diffs = np.frombuffer(data, np.uint8, width * height * 3).reshape(height, width, 3)
    if not width or not height:
        return diffs
    # skew[Y + X, Y] holds V[Y - 1, X - 1]; row 0 of V's padding and column 0 stay zero.
    skew = np.zeros((width + height + 1, height + 1, 3), np.int16)
    skewed_diffs = np.zeros_like(skew)
    rows = np.arange(1, height + 1).reshape(-1, 1)
    diagonals = rows + np.arange(1, width + 1).reshape(1, -1)
    skewed_diffs[diagonals, rows] = diffs
    scratch = np.empty((height, 3), np.int16)
    for diagonal in range(2, width + height + 1):
        first, last = max(1, diagonal - width), min(height, diagonal - 1)
        predicted = scratch[:last - first + 1]
        previous = skew[diagonal - 1]
        # left (same row, previous diagonal) + up (row above, previous diagonal) - up-left
        np.add(previous[first:last + 1], previous[first - 1:last], out=predicted)
        np.subtract(predicted, skew[diagonal - 2, first - 1:last], out=predicted)
        np.clip(predicted, 0, 255, out=predicted)
        predicted += skewed_diffs[diagonal, first:last + 1]
        predicted &= 0xFF
        skew[diagonal, first:last + 1] = predicted
    values: np.ndarray = skew[diagonals, rows].astype(np.uint8)
    return values
