"""A byte buffer the parsers read from, which says when a message is not complete yet.

Parsers read a whole message (or one rectangle) before they change any state; when bytes are
missing, ``Incomplete`` unwinds them, the caller rewinds to the mark it set at the message's
start and tries again when more bytes arrive.  So any split of the server's byte stream gives
the same result.

Arriving chunks wait in a list and are joined only when a parser needs them contiguous, once:
a 3 MiB raw rectangle that arrives in 48 reads is copied once, not grown 48 times.
"""

from __future__ import annotations

import struct

_U16 = struct.Struct(">H")
_U32 = struct.Struct(">I")
_S32 = struct.Struct(">i")


class Incomplete(Exception):
    """The buffer ends before the message does."""


class ByteReader:
    def __init__(self) -> None:
        self._buffer = b""  # joined bytes; parsing happens here
        self._pos = 0
        self._mark = 0  # the start of the message being parsed: kept through joins
        self._pending: list[bytes] = []  # arrived, not joined yet
        self._pending_size = 0

    def append(self, data: bytes) -> None:
        if data:
            self._pending.append(bytes(data))
            self._pending_size += len(data)

    def available(self) -> int:
        return len(self._buffer) - self._pos + self._pending_size

    def mark(self) -> None:
        """Remember this position as the start of a message (``rewind`` returns here)."""
        self._mark = self._pos

    def rewind(self) -> None:
        self._pos = self._mark

    def clear(self) -> None:
        self._buffer, self._pos, self._mark = b"", 0, 0
        self._pending.clear()
        self._pending_size = 0

    def need(self, count: int) -> None:
        if len(self._buffer) - self._pos >= count:
            return
        if len(self._buffer) - self._pos + self._pending_size < count:
            raise Incomplete
        # Join what is still needed (from the mark on) with everything that arrived.
        kept = memoryview(self._buffer)[self._mark:]
        self._buffer = b"".join([kept, *self._pending])
        kept.release()
        self._pos -= self._mark
        self._mark = 0
        self._pending.clear()
        self._pending_size = 0

    def take(self, count: int) -> bytes:
        self.need(count)
        self._pos += count
        return self._buffer[self._pos - count:self._pos]

    def view(self, count: int) -> memoryview:
        """Like ``take`` without copying: valid as long as the caller keeps it."""
        self.need(count)
        self._pos += count
        return memoryview(self._buffer)[self._pos - count:self._pos]

    def skip(self, count: int) -> int:
        """Drop up to ``count`` bytes now, never joining (never Incomplete); returns how many."""
        dropped = min(count, len(self._buffer) - self._pos)
        self._pos += dropped
        while dropped < count and self._pending:
            first = self._pending[0]
            part = min(len(first), count - dropped)
            if part == len(first):
                self._pending.pop(0)
            else:
                self._pending[0] = first[part:]
            self._pending_size -= part
            dropped += part
        return dropped

    def u8(self) -> int:
        self.need(1)
        self._pos += 1
        return self._buffer[self._pos - 1]

    def u16(self) -> int:
        self.need(2)
        self._pos += 2
        return int(_U16.unpack_from(self._buffer, self._pos - 2)[0])

    def u32(self) -> int:
        self.need(4)
        self._pos += 4
        return int(_U32.unpack_from(self._buffer, self._pos - 4)[0])

    def s32(self) -> int:
        self.need(4)
        self._pos += 4
        return int(_S32.unpack_from(self._buffer, self._pos - 4)[0])

    def compact_length(self) -> int:
        """Tight's 1-3 byte length: 7 bits per byte while the top bit is set, 8 in the third."""
        first = self.u8()
        value = first & 0x7F
        if first & 0x80:
            second = self.u8()
            value |= (second & 0x7F) << 7
            if second & 0x80:
                value |= self.u8() << 14
        return value
