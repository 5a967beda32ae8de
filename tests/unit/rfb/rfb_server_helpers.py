"""A test-side RFB server: byte streams built straight from RFC 6143 / rfbproto definitions.

Images are (height, width, 4) uint8 arrays of B, G, R, 255, which is what the client must
decode them to.  The encoders here are written from the specification, independently of the
client's decoders, so a decoder bug cannot hide behind a shared helper.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

from kvmgui.rfb.client import RfbClient

Image = np.ndarray


def random_image(width: int, height: int, seed: int = 1, colours: int = 0) -> Image:
    """Random pixels (from ``colours`` distinct ones when given) with alpha 255."""
    rng = np.random.default_rng(seed)
    if colours:
        palette = rng.integers(0, 256, (colours, 3), dtype=np.uint8)
        bgr = palette[rng.integers(0, colours, (height, width))]
    else:
        bgr = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    image = np.full((height, width, 4), 255, np.uint8)
    image[:, :, :3] = bgr
    return image


# -- handshake --------------------------------------------------------------------------------
def rfb_string(text: bytes) -> bytes:
    return struct.pack(">I", len(text)) + text


def server_init(width: int, height: int, name: bytes = b"QEMU (guest)") -> bytes:
    # The server's own pixel format (16-bit here on purpose: the client must replace it).
    pixel_format = struct.pack(">BBBBHHHBBB3x", 16, 16, 0, 1, 31, 63, 31, 11, 5, 0)
    return struct.pack(">HH", width, height) + pixel_format + rfb_string(name)


def greeting_none(width: int = 64, height: int = 48, name: bytes = b"QEMU (guest)") -> bytes:
    """Everything a 3.8 server without security says up to ServerInit."""
    return b"RFB 003.008\n" + b"\x01\x01" + struct.pack(">I", 0) + server_init(
        width, height, name)


def connected_client(width: int = 64, height: int = 48, **options: object) -> RfbClient:
    """A client past the handshake, its output drained."""
    client = RfbClient(**options)  # type: ignore[arg-type]
    client.feed(greeting_none(width, height))
    assert client.connected
    client.take_output()
    return client


# -- framebuffer updates ----------------------------------------------------------------------
def update(*rects: bytes, count: int | None = None) -> bytes:
    return struct.pack(">BxH", 0, len(rects) if count is None else count) + b"".join(rects)


def rect_header(x: int, y: int, width: int, height: int, encoding: int) -> bytes:
    return struct.pack(">HHHHi", x, y, width, height, encoding)


def bgrx(image: Image, padding: int = 0) -> bytes:
    """Wire pixels of our format: B, G, R and a padding byte the client must ignore."""
    wire = image.copy()
    wire[:, :, 3] = padding
    return wire.tobytes()


def raw_rect(x: int, y: int, image: Image) -> bytes:
    height, width = image.shape[:2]
    return rect_header(x, y, width, height, 0) + bgrx(image, padding=0x5A)


def copy_rect(x: int, y: int, width: int, height: int, src_x: int, src_y: int) -> bytes:
    return rect_header(x, y, width, height, 1) + struct.pack(">HH", src_x, src_y)


def zlib_rect(stream: zlib._Compress, x: int, y: int, image: Image) -> bytes:
    """Zlib encoding: one stream per connection, flushed (not finished) after each rect."""
    height, width = image.shape[:2]
    data = stream.compress(bgrx(image)) + stream.flush(zlib.Z_SYNC_FLUSH)
    return rect_header(x, y, width, height, 6) + struct.pack(">I", len(data)) + data


def desktop_size_rect(width: int, height: int) -> bytes:
    return rect_header(0, 0, width, height, -223)


def extended_desktop_size_rect(width: int, height: int, reason: int = 0,
                               status: int = 0) -> bytes:
    screen = struct.pack(">IHHHHI", 1, 0, 0, width, height, 0)
    return rect_header(reason, status, width, height, -308) + struct.pack(">B3x", 1) + screen


def cursor_rect(hot_x: int, hot_y: int, image: Image, mask: np.ndarray) -> bytes:
    """Rich cursor: pixels, then a 1-bit mask (MSB leftmost, rows padded to bytes)."""
    height, width = image.shape[:2]
    bits = np.packbits(mask.astype(np.uint8), axis=1).tobytes() if width else b""
    return rect_header(hot_x, hot_y, width, height, -239) + bgrx(image) + bits


# -- Tight --------------------------------------------------------------------------------------
def compact_length(value: int) -> bytes:
    out = bytearray([value & 0x7F])
    if value > 0x7F:
        out[0] |= 0x80
        out.append((value >> 7) & 0x7F)
        if value > 0x3FFF:
            out[1] |= 0x80
            out.append(value >> 14)
    return bytes(out)


def rgb(image: Image) -> bytes:
    return image[:, :, 2::-1].tobytes()


def tight_payload(streams: dict[int, zlib._Compress], stream: int, data: bytes) -> bytes:
    """Filtered data: as is below 12 bytes, else a compact length and zlib data."""
    if len(data) < 12:
        return data
    compressor = streams.setdefault(stream, zlib.compressobj())
    packed = compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)
    return compact_length(len(packed)) + packed


def tight_copy(streams: dict[int, zlib._Compress], x: int, y: int, image: Image,
               stream: int = 0, reset: int = 0) -> bytes:
    height, width = image.shape[:2]
    control = (stream << 4) | reset
    return rect_header(x, y, width, height, 7) + bytes([control]) + tight_payload(
        streams, stream, rgb(image))


def tight_fill(x: int, y: int, width: int, height: int, colour: Image) -> bytes:
    return rect_header(x, y, width, height, 7) + b"\x80" + rgb(colour.reshape(1, 1, 4))


def tight_jpeg(x: int, y: int, width: int, height: int, jpeg: bytes) -> bytes:
    return rect_header(x, y, width, height, 7) + b"\x90" + compact_length(len(jpeg)) + jpeg


def tight_palette(streams: dict[int, zlib._Compress], x: int, y: int, image: Image,
                  stream: int = 1) -> bytes:
    height, width = image.shape[:2]
    colours, indices = np.unique(image.reshape(-1, 4), axis=0, return_inverse=True)
    indices = indices.reshape(height, width)
    if len(colours) == 2:
        data = np.packbits(indices.astype(np.uint8), axis=1).tobytes()
    else:
        data = indices.astype(np.uint8).tobytes()
    head = bytes([0x40 | (stream << 4), 1, len(colours) - 1]) + rgb(colours.reshape(1, -1, 4))
    return rect_header(x, y, width, height, 7) + head + tight_payload(streams, stream, data)


def gradient_diffs(image: Image) -> bytes:
    """The gradient filter exactly as rfbproto's pseudo-code states it, pixel by pixel."""
    values = image[:, :, 2::-1].astype(int)  # R, G, B
    height, width = values.shape[:2]
    out = np.zeros((height, width, 3), np.uint8)
    for row in range(height):
        for col in range(width):
            for c in range(3):
                left = values[row, col - 1, c] if col else 0
                up = values[row - 1, col, c] if row else 0
                corner = values[row - 1, col - 1, c] if row and col else 0
                predicted = min(max(left + up - corner, 0), 255)
                out[row, col, c] = (values[row, col, c] - predicted) % 256
    return out.tobytes()


def tight_gradient(streams: dict[int, zlib._Compress], x: int, y: int, image: Image,
                   stream: int = 2) -> bytes:
    height, width = image.shape[:2]
    head = bytes([0x40 | (stream << 4), 2])
    return rect_header(x, y, width, height, 7) + head + tight_payload(
        streams, stream, gradient_diffs(image))


# -- ZRLE ---------------------------------------------------------------------------------------
def cpixels(colours: Image) -> bytes:
    return colours[..., :3].tobytes()  # B, G, R: the 3 low bytes of our little-endian pixel


def run_length(length: int) -> bytes:
    return b"\xff" * ((length - 1) // 255) + bytes([(length - 1) % 255])


def runs_of(flat: np.ndarray) -> list[tuple[int, int]]:
    """(start index, length) of the runs of equal pixels in a flat (n, 4) array."""
    runs: list[tuple[int, int]] = []
    for index in range(len(flat)):
        if runs and (flat[index] == flat[runs[-1][0]]).all():
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((index, 1))
    return runs


def zrle_tile(tile: Image, mode: str) -> bytes:
    """One tile in the subencoding ``mode``: raw, solid, packed, plain_rle or palette_rle."""
    height, width = tile.shape[:2]
    flat = tile.reshape(-1, 4)
    colours, indices = np.unique(flat, axis=0, return_inverse=True)
    indices = indices.reshape(-1)
    if mode == "raw":
        return b"\x00" + cpixels(tile)
    if mode == "solid" or len(colours) == 1 and mode in ("packed", "palette_rle"):
        # A palette of one colour is a solid tile (subencodings 2 and 130 need two).
        return b"\x01" + cpixels(flat[:1])
    if mode == "packed":
        size = len(colours)
        bits = 1 if size == 2 else 2 if size <= 4 else 4
        rows = []
        for row in indices.reshape(height, width):
            value = "".join(format(int(i), f"0{bits}b") for i in row)
            value += "0" * (-len(value) % 8)
            rows.append(int(value, 2).to_bytes(len(value) // 8, "big"))
        return bytes([size]) + cpixels(colours) + b"".join(rows)
    if mode == "plain_rle":
        return b"\x80" + b"".join(cpixels(flat[start:start + 1]) + run_length(length)
                                  for start, length in runs_of(flat))
    if mode == "palette_rle":
        out = bytearray([128 + len(colours)]) + cpixels(colours)
        for start, length in runs_of(flat):
            index = int(indices[start])
            out += bytes([index]) if length == 1 else bytes([index | 0x80]) + run_length(length)
        return bytes(out)
    raise ValueError(mode)


def zrle_rect(stream: zlib._Compress, x: int, y: int, image: Image,
              modes: tuple[str, ...] = ("raw",)) -> bytes:
    """ZRLE: 64 x 64 tiles left to right, top to bottom, cycling through ``modes``."""
    height, width = image.shape[:2]
    tiles = [image[top:top + 64, left:left + 64]
             for top in range(0, height, 64) for left in range(0, width, 64)]
    body = b"".join(zrle_tile(tile, modes[n % len(modes)]) for n, tile in enumerate(tiles))
    data = stream.compress(body) + stream.flush(zlib.Z_SYNC_FLUSH)
    return rect_header(x, y, width, height, 16) + struct.pack(">I", len(data)) + data
