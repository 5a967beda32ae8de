"""What the RFB client reports: plain, immutable events a console widget applies in order.

Pixels are numpy ``uint8`` arrays shaped (height, width, 4) holding B, G, R, 255 bytes per
pixel: on a little-endian host that is exactly ``QImage.Format_RGB32`` (0xffRRGGBB).  Such an
array may be a read-only broadcast view (a solid fill): copy it into the framebuffer, never
write to it.  The events of one framebuffer update end with ``FrameComplete``; repaint then.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from kvmgui.core.message import Message

Pixels = npt.NDArray[np.uint8]


@dataclass(frozen=True, slots=True)
class NeedPassword:
    """The server asks for a VNC password: answer with ``RfbClient.provide_password``."""


@dataclass(frozen=True, slots=True)
class Connected:
    """The handshake is done; the framebuffer is ``width`` x ``height``."""

    width: int
    height: int
    name: str  # the desktop name, from the server: data, never markup


@dataclass(frozen=True, slots=True)
class Rect:
    """New pixels for the framebuffer area at (x, y)."""

    x: int
    y: int
    width: int
    height: int
    pixels: Pixels


@dataclass(frozen=True, slots=True)
class CopyRect:
    """Copy the framebuffer area at (src_x, src_y) to (x, y); the areas may overlap."""

    x: int
    y: int
    width: int
    height: int
    src_x: int
    src_y: int


@dataclass(frozen=True, slots=True)
class JpegRect:
    """A JPEG image (JFIF bytes) for the area at (x, y): the widget decodes it (QImage)."""

    x: int
    y: int
    width: int
    height: int
    data: bytes


@dataclass(frozen=True, slots=True)
class DesktopResized:
    """The framebuffer is now ``width`` x ``height``; keep what fits of the old content."""

    width: int
    height: int


@dataclass(frozen=True, slots=True)
class CursorShape:
    """The pointer's shape: B, G, R, A pixels (alpha 0 or 255; QImage.Format_ARGB32).

    A 0 x 0 shape means the guest hides the pointer.
    """

    hotspot_x: int
    hotspot_y: int
    width: int
    height: int
    pixels: Pixels


@dataclass(frozen=True, slots=True)
class Bell:
    """The guest rang the bell."""


@dataclass(frozen=True, slots=True)
class ServerCutText:
    """The guest's clipboard text (Latin-1, as RFC 6143 says): data, never markup."""

    text: str


@dataclass(frozen=True, slots=True)
class PointerModeChanged:
    """QEMU wants absolute positions (a tablet) or relative motion (a PS/2 mouse)."""

    absolute: bool


@dataclass(frozen=True, slots=True)
class FrameComplete:
    """The end of one framebuffer update: the widget repaints what changed once."""


@dataclass(frozen=True, slots=True)
class Disconnected:
    """The session is over; the client accepts no more data."""

    reason: Message


Event = (NeedPassword | Connected | Rect | CopyRect | JpegRect | DesktopResized | CursorShape
         | Bell | ServerCutText | PointerModeChanged | FrameComplete | Disconnected)
