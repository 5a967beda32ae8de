"""Export the topology: PNG renders the scene as shown (filter and highlight included); SVG is
the model's own `to_svg`, which draws the same layout plus a legend."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QImage, QImageWriter, QPainter
from PySide6.QtWidgets import QGraphicsScene

from kvmgui.topology import to_svg
from kvmgui.topology.model import TopologyGraph

PNG_SCALE = 2.0  # sharp on high-density screens and in documents
MAX_PNG_PIXELS = 60_000_000  # a huge host is rendered smaller rather than not at all


def scene_image(scene: QGraphicsScene, scale: float = PNG_SCALE) -> QImage:
    rect = scene.sceneRect()
    pixels = rect.width() * rect.height() * scale * scale
    if pixels > MAX_PNG_PIXELS:
        scale *= (MAX_PNG_PIXELS / pixels) ** 0.5
    image = QImage(max(int(rect.width() * scale), 1), max(int(rect.height() * scale), 1),
                   QImage.Format.Format_ARGB32)
    image.fill(scene.backgroundBrush().color())
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing |
                           QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), rect,
                 Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    return image


def write_png(scene: QGraphicsScene, path: str) -> bool:
    """False when the file cannot be written."""
    writer = QImageWriter(path, QByteArray(b"png"))  # PNG whatever the file is called
    return writer.write(scene_image(scene))


def write_svg(graph: TopologyGraph, path: str, *, dark: bool) -> None:
    """Raises OSError when the file cannot be written."""
    Path(path).write_text(to_svg(graph, dark=dark), encoding="utf-8")
