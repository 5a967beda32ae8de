"""One zlib stream that a server feeds across rectangles, inflated with a hard output bound.

RFB's zlib, ZRLE and Tight encodings each keep a zlib stream for the whole connection: every
rectangle's compressed bytes continue it.  A hostile server could send a small "zip bomb", so
every call says how much output it accepts and stops there.
"""

from __future__ import annotations

import zlib

from kvmgui.rfb.errors import invalid


class Inflater:
    def __init__(self) -> None:
        self._stream = zlib.decompressobj()

    def reset(self) -> None:
        self._stream = zlib.decompressobj()

    def exactly(self, data: bytes | memoryview, size: int) -> bytes:
        """Inflate ``data`` to exactly ``size`` bytes, or fail."""
        out = self._inflate(data, size)
        if len(out) != size:
            raise invalid(f"zlib data gave {len(out)} bytes where {size} were expected")
        return out

    def at_most(self, data: bytes | memoryview, limit: int) -> bytes:
        """Inflate all of ``data``, which must not give more than ``limit`` bytes."""
        return self._inflate(data, limit)

    def _inflate(self, data: bytes | memoryview, limit: int) -> bytes:
        try:
            # One byte of room beyond the limit tells "too much" from "just enough".
            out = self._stream.decompress(data, limit + 1)
        except zlib.error as error:
            raise invalid(f"zlib: {error}") from None
        if len(out) > limit:
            raise invalid(f"zlib data inflates beyond {limit} bytes")
        if self._stream.eof:
            raise invalid("the zlib stream ended, but RFB keeps it open")
        return out


def compressed_limit(inflated_limit: int) -> int:
    """The most compressed bytes a sane zlib stream needs for ``inflated_limit`` bytes.

    Stored (incompressible) blocks cost 5 bytes per 64 KiB; flush markers a few bytes more.
    """
    return inflated_limit + inflated_limit // 64 + 4096
