"""One rectangle of a framebuffer update: its header, bounds and encoding (RFC 6143 §7.6.1).

Real encodings carry pixels for an area that must lie inside the framebuffer; pseudo-encodings
carry news (a new size, the cursor, QEMU's capabilities) in the header fields instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from kvmgui.core.message import Message
from kvmgui.rfb import messages as enc
from kvmgui.rfb import pixels
from kvmgui.rfb.errors import ProtocolError, invalid
from kvmgui.rfb.events import (
    CopyRect, CursorShape, DesktopResized, Event, PointerModeChanged, Rect)
from kvmgui.rfb.inflate import Inflater, compressed_limit
from kvmgui.rfb.reader import ByteReader
from kvmgui.rfb.tight import TightDecoder
from kvmgui.rfb.zrle import ZrleDecoder

# No real pointer is bigger; a larger "cursor" is an attempt to make us allocate.
MAX_CURSOR = 256


@dataclass
class Desktop:
    """What the client knows about the remote screen; the decoders keep it current."""

    max_width: int
    max_height: int
    width: int = 0
    height: int = 0
    name: str = ""
    absolute_pointer: bool = True
    extended_keys: bool = False  # QEMU accepts scancodes (Extended Key Event)
    can_resize: bool = False  # the server answers SetDesktopSize (ExtendedDesktopSize)
    # A legacy DesktopSize change asks for a full, non-incremental update next.
    needs_full_update: bool = False

    def resize(self, width: int, height: int) -> None:
        if width > self.max_width or height > self.max_height:
            raise ProtocolError(Message.of(
                "The remote screen is too large ({width}\u00d7{height}; the limit is "
                "{max_width}\u00d7{max_height}).", width=width, height=height,
                max_width=self.max_width, max_height=self.max_height))
        self.width, self.height = width, height


class RectDecoder:
    """Decodes rectangles; owns the zlib streams that span the connection."""

    def __init__(self, desktop: Desktop) -> None:
        self._desktop = desktop
        self._zlib = Inflater()
        self._tight = TightDecoder()
        self._zrle = ZrleDecoder()

    def read(self, reader: ByteReader) -> tuple[Event | None, bool]:
        """One rectangle: its event (if any) and whether it ends the update (LastRect)."""
        x, y, width, height = reader.u16(), reader.u16(), reader.u16(), reader.u16()
        encoding = reader.s32()
        if encoding == enc.LAST_RECT:
            return None, True
        if encoding < 0:
            return self._pseudo(reader, encoding, x, y, width, height), False
        if x + width > self._desktop.width or y + height > self._desktop.height:
            raise invalid(f"rectangle {width}x{height}+{x}+{y} outside the "
                          f"{self._desktop.width}x{self._desktop.height} framebuffer")
        event: Event | None
        if encoding == enc.RAW:
            data = reader.view(width * height * pixels.BYTES_PER_PIXEL)
            event = Rect(x, y, width, height, pixels.from_bgrx(data, width, height))
        elif encoding == enc.COPYRECT:
            src_x, src_y = reader.u16(), reader.u16()
            if src_x + width > self._desktop.width or src_y + height > self._desktop.height:
                raise invalid(f"copy source {width}x{height}+{src_x}+{src_y} outside the "
                              "framebuffer")
            event = CopyRect(x, y, width, height, src_x, src_y)
        elif encoding == enc.ZLIB:
            event = self._zlib_rect(reader, x, y, width, height)
        elif encoding == enc.TIGHT:
            event = self._tight.read(reader, x, y, width, height)
        elif encoding == enc.ZRLE:
            event = self._zrle.read(reader, x, y, width, height)
        else:
            raise invalid(f"encoding {encoding}, which the client did not ask for")
        return (event if width and height else None), False

    def _zlib_rect(self, reader: ByteReader, x: int, y: int, width: int, height: int) -> Rect:
        size = width * height * pixels.BYTES_PER_PIXEL
        length = reader.u32()
        if length > compressed_limit(size):
            raise invalid(f"zlib data of {length} bytes for {size} bytes of pixels")
        data = self._zlib.exactly(reader.view(length), size)
        return Rect(x, y, width, height, pixels.from_bgrx(data, width, height))

    def _pseudo(self, reader: ByteReader, encoding: int, x: int, y: int, width: int,
                height: int) -> Event | None:
        desktop = self._desktop
        if encoding == enc.DESKTOP_SIZE:
            desktop.resize(width, height)
            desktop.needs_full_update = True
            return DesktopResized(width, height)
        if encoding == enc.EXTENDED_DESKTOP_SIZE:
            # x: why (0 server, 1 our request, 2 another client); y: status (0 done).
            screens = reader.u8()
            reader.take(3 + 16 * screens)
            desktop.can_resize = True
            if y != 0 or (width, height) == (desktop.width, desktop.height):
                return None
            desktop.resize(width, height)
            return DesktopResized(width, height)
        if encoding == enc.CURSOR:
            return _cursor(reader, x, y, width, height)
        if encoding == enc.QEMU_POINTER_MOTION_CHANGE:
            desktop.absolute_pointer = x != 0
            return PointerModeChanged(desktop.absolute_pointer)
        if encoding == enc.QEMU_EXTENDED_KEY_EVENT:
            desktop.extended_keys = True
            return None
        raise invalid(f"pseudo-encoding {encoding}, which the client did not ask for")


def _cursor(reader: ByteReader, hotspot_x: int, hotspot_y: int, width: int,
            height: int) -> CursorShape:
    """The rich cursor: pixels, then a 1-bit mask saying which of them are shown."""
    if width > MAX_CURSOR or height > MAX_CURSOR:
        raise invalid(f"a {width}x{height} cursor")
    colours = reader.take(width * height * pixels.BYTES_PER_PIXEL)
    mask = reader.take((width + 7) // 8 * height)
    shape = pixels.from_bgrx(colours, width, height)
    shape[:, :, 3] = pixels.mask_alpha(mask, width, height)
    return CursorShape(min(hotspot_x, max(width - 1, 0)), min(hotspot_y, max(height - 1, 0)),
                       width, height, shape)
