"""The server's messages after the handshake (RFC 6143 §7.6), one message or rectangle a step."""

from __future__ import annotations

from kvmgui.rfb import messages as msg
from kvmgui.rfb.errors import invalid
from kvmgui.rfb.events import Bell, Event, FrameComplete, ServerCutText
from kvmgui.rfb.reader import ByteReader
from kvmgui.rfb.rects import Desktop, RectDecoder


class ServerMessages:
    """Parses the normal phase; a framebuffer update is parsed a rectangle at a time, so a
    large update never has to be in memory (or re-parsed) as a whole."""

    def __init__(self, desktop: Desktop, max_cut_text: int) -> None:
        self._rects = RectDecoder(desktop)
        self._max_cut_text = max_cut_text
        self._rects_left = 0
        self._skip_left = 0  # bytes of an over-long clipboard text still to drop

    def step(self, reader: ByteReader) -> list[Event]:
        """Parse one unit; raises Incomplete (having changed nothing) when bytes are missing."""
        if self._skip_left:
            # A step of its own: what follows may be Incomplete, which must not undo this.
            self._skip_left -= reader.skip(self._skip_left)
            return []
        if self._rects_left:
            event, last = self._rects.read(reader)
            self._rects_left = 0 if last else self._rects_left - 1
            events: list[Event] = [event] if event is not None else []
            if not self._rects_left:
                events.append(FrameComplete())
            return events
        kind = reader.u8()
        if kind == msg.FRAMEBUFFER_UPDATE:
            reader.take(1)
            count = reader.u16()
            if not count:
                return [FrameComplete()]
            self._rects_left = count
            return []
        if kind == msg.SET_COLOUR_MAP_ENTRIES:
            # Only for colour-map formats; we asked for true colour, so read past it.
            reader.take(3)
            reader.take(6 * reader.u16())
            return []
        if kind == msg.BELL:
            return [Bell()]
        if kind == msg.SERVER_CUT_TEXT:
            return self._cut_text(reader)
        raise invalid(f"message type {kind}")

    def _cut_text(self, reader: ByteReader) -> list[Event]:
        reader.take(3)
        length = reader.u32()
        if length & 0x80000000:
            # A negative length is the Extended Clipboard, which we did not ask for.
            raise invalid("an extended clipboard message")
        if length > self._max_cut_text:
            # Too long to keep: drop it as it streams in instead of buffering it.
            self._skip_left = length - reader.skip(length)
            return []
        return [ServerCutText(reader.take(length).decode("latin-1"))]
