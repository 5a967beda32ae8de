"""The guest's screen as the VNC view keeps it: a numpy array and a QImage over the same bytes.

The RFB client's rectangles are B, G, R, 255 arrays, which is QImage.Format_RGB32's memory
layout on a little-endian host, so applying one is a numpy copy into the array and the QImage
sees it at once: no conversion, no second buffer.

    framebuffer.resize(720, 400)             # Connected, DesktopResized (keeps what fits)
    dirty = framebuffer.apply(rect_event)    # Rect, CopyRect, JpegRect: the area changed
    painter.drawImage(target, framebuffer.image)
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QCursor, QImage, QPixmap

from kvmgui.core import log
from kvmgui.rfb.events import CopyRect, CursorShape, JpegRect, Pixels, Rect


class Framebuffer:
    """See the module docstring. ``image`` changes identity only on ``resize``."""

    def __init__(self) -> None:
        self.pixels: Pixels = np.zeros((0, 0, 4), np.uint8)
        self.image = QImage()

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])

    def resize(self, width: int, height: int) -> bool:
        """Make it ``width`` x ``height`` (black where nothing was); False if it already was."""
        if (width, height) == (self.width, self.height) and not self.image.isNull():
            return False
        pixels = np.zeros((height, width, 4), np.uint8)
        pixels[:, :, 3] = 255  # RGB32 wants 0xff in the unused byte
        keep_h, keep_w = min(height, self.height), min(width, self.width)
        pixels[:keep_h, :keep_w] = self.pixels[:keep_h, :keep_w]
        self.pixels = pixels
        # The QImage reads the array's memory (and keeps the array alive while it exists).
        self.image = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_RGB32)
        return True

    def apply(self, event: Rect | CopyRect | JpegRect) -> QRect:
        """Put ``event`` into the framebuffer; returns the area it changed."""
        area = QRect(event.x, event.y, event.width, event.height)
        target = self.pixels[event.y:event.y + event.height, event.x:event.x + event.width]
        if isinstance(event, Rect):
            target[...] = event.pixels  # a read-only fill view is copied like any array
        elif isinstance(event, CopyRect):
            source = self.pixels[event.src_y:event.src_y + event.height,
                                 event.src_x:event.src_x + event.width]
            target[...] = source.copy()  # the areas may overlap
        else:
            decoded = _jpeg_pixels(event)
            if decoded is None:
                return QRect()
            target[...] = decoded
        return area


def _jpeg_pixels(event: JpegRect) -> Pixels | None:
    image = QImage.fromData(event.data, b"JPEG")
    if image.isNull() or (image.width(), image.height()) != (event.width, event.height):
        log.ui.warning("VNC: a JPEG rectangle that does not decode to %dx%d was skipped",
                       event.width, event.height)
        return None
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(),
                                                              image.bytesPerLine())
    return rows[:, :event.width * 4].reshape(event.height, event.width, 4)


def guest_cursor(shape: CursorShape) -> QCursor:
    """The guest's pointer shape as a cursor (hidden for an empty shape)."""
    if shape.width == 0 or shape.height == 0:
        return QCursor(Qt.CursorShape.BlankCursor)
    pixels = np.ascontiguousarray(shape.pixels)
    image = QImage(pixels.data, shape.width, shape.height, shape.width * 4,
                   QImage.Format.Format_ARGB32).copy()  # the cursor outlives the array
    return QCursor(QPixmap.fromImage(image), shape.hotspot_x, shape.hotspot_y)
