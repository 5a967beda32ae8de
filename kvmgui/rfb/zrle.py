"""ZRLE encoding (RFC 6143 §7.7.6): zlib-compressed 64 x 64 tiles, each raw, solid, packed
palette, plain RLE or palette RLE.  Colours are 3-byte CPIXELs (B, G, R: the low bytes of our
little-endian pixels).  Work is per tile and per run, never per pixel: single-pixel palette
runs are copied in slices between the run markers.
"""

from __future__ import annotations

import re

import numpy as np

from kvmgui.rfb import pixels
from kvmgui.rfb.errors import invalid
from kvmgui.rfb.events import Pixels, Rect
from kvmgui.rfb.inflate import Inflater, compressed_limit
from kvmgui.rfb.reader import ByteReader

TILE = 64
_CPIXEL = 3
_RUN_MARKER = re.compile(rb"[\x80-\xff]")


class ZrleDecoder:
    def __init__(self) -> None:
        self._stream = Inflater()

    def read(self, reader: ByteReader, x: int, y: int, width: int, height: int) -> Rect | None:
        length = reader.u32()
        tiles = -(-width // TILE) * -(-height // TILE)
        # The longest tile data: plain RLE with runs of one pixel (4 bytes each), or the
        # largest palette (127 colours) ahead of one byte per pixel.
        limit = 4 * width * height + tiles * (1 + 127 * _CPIXEL)
        if length > compressed_limit(limit):
            raise invalid(f"ZRLE data of {length} bytes for a {width}x{height} rectangle")
        data = self._stream.at_most(reader.view(length), limit)
        if not width or not height:
            return None
        out = np.empty((height, width, 4), np.uint8)
        pos = 0
        for top in range(0, height, TILE):
            for left in range(0, width, TILE):
                tile = out[top:top + TILE, left:left + TILE]
                pos = _decode_tile(data, pos, tile)
        if pos != len(data):
            raise invalid(f"{len(data) - pos} bytes left after the ZRLE tiles")
        return Rect(x, y, width, height, out)


def _size(tile: Pixels) -> tuple[int, int]:
    return int(tile.shape[0]), int(tile.shape[1])


def _need(data: bytes, pos: int, count: int) -> None:
    if pos + count > len(data):
        raise invalid("ZRLE tile data ends early")


def _decode_tile(data: bytes, pos: int, tile: Pixels) -> int:
    """Fill ``tile`` from the tile at ``data[pos:]``; returns where the next tile starts."""
    height, width = _size(tile)
    _need(data, pos, 1)
    kind = data[pos]
    pos += 1
    if kind == 0:
        size = width * height * _CPIXEL
        _need(data, pos, size)
        tile[:] = pixels.from_bgr(data[pos:pos + size], width, height)
        return pos + size
    if kind == 128:
        return _plain_rle(data, pos, tile)
    if kind == 1 or 2 <= kind <= 16 or kind >= 130:
        size = kind & 0x7F
        _need(data, pos, size * _CPIXEL)
        palette = pixels.palette_from_bgr(data[pos:pos + size * _CPIXEL])
        pos += size * _CPIXEL
        if kind == 1:
            tile[:] = palette[0]
            return pos
        if kind <= 16:
            return _packed_palette(data, pos, tile, palette)
        return _palette_rle(data, pos, tile, palette)
    raise invalid(f"ZRLE subencoding {kind}")


def _packed_palette(data: bytes, pos: int, tile: Pixels, palette: Pixels) -> int:
    height, width = _size(tile)
    bits = 1 if len(palette) == 2 else 2 if len(palette) <= 4 else 4
    count = (width * bits + 7) // 8 * height
    _need(data, pos, count)
    indices = pixels.unpack_indices(data[pos:pos + count], bits, width, height)
    if int(indices.max()) >= len(palette):
        raise invalid(f"ZRLE palette index beyond its {len(palette)} colours")
    tile[:] = palette[indices]
    return pos + count


def _run_length(data: bytes, pos: int, room: int) -> tuple[int, int]:
    """A run length (1 + the sum of bytes up to the first that is not 255) and the next pos."""
    length = 1
    while True:
        _need(data, pos, 1)
        byte = data[pos]
        pos += 1
        length += byte
        if length > room:
            raise invalid("a ZRLE run goes beyond its tile")
        if byte != 255:
            return length, pos


def _plain_rle(data: bytes, pos: int, tile: Pixels) -> int:
    height, width = _size(tile)
    colours = bytearray()
    lengths = []
    remaining = width * height
    while remaining:
        _need(data, pos, _CPIXEL)
        colours += data[pos:pos + _CPIXEL]
        length, pos = _run_length(data, pos + _CPIXEL, remaining)
        lengths.append(length)
        remaining -= length
    palette = pixels.palette_from_bgr(bytes(colours))
    tile[:] = np.repeat(palette, lengths, axis=0).reshape(height, width, 4)
    return pos


def _palette_rle(data: bytes, pos: int, tile: Pixels, palette: Pixels) -> int:
    height, width = _size(tile)
    indices: list[int] = []
    lengths: list[int] = []
    remaining = width * height
    while remaining:
        # Bytes below 0x80 are single pixels: take the whole stretch up to the next run.
        end = min(len(data), pos + remaining)
        marker = _RUN_MARKER.search(data, pos, end)
        stop = marker.start() if marker else end
        if stop > pos:
            indices += data[pos:stop]
            lengths += [1] * (stop - pos)
            remaining -= stop - pos
            pos = stop
            continue
        _need(data, pos, 1)
        indices.append(data[pos] & 0x7F)
        length, pos = _run_length(data, pos + 1, remaining)
        lengths.append(length)
        remaining -= length
    index_array = np.array(indices, np.intp)
    if int(index_array.max()) >= len(palette):
        raise invalid(f"ZRLE palette index beyond its {len(palette)} colours")
    tile[:] = np.repeat(palette[index_array], lengths, axis=0).reshape(height, width, 4)
    return pos
