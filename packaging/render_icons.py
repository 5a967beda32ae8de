#!/usr/bin/env python3
"""Render the scalable kvmgui icon into the fixed-size PNGs of the hicolor theme.

Run from anywhere (the output is committed, so this only needs re-running after the SVG changes):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO_ROOT = Path(__file__).resolve().parent.parent
HICOLOR_DIR = REPO_ROOT / "resources" / "icons" / "hicolor"
ICON_NAME = "kvmgui"
# The sizes desktops look up in hicolor before falling back to scaling the SVG themselves.
ICON_SIZES: tuple[int, ...] = (16, 22, 24, 32, 48, 64, 128, 256)


def scalable_icon_path(hicolor_dir: Path = HICOLOR_DIR) -> Path:
    """Path of the source SVG inside a hicolor tree."""
    return hicolor_dir / "scalable" / "apps" / f"{ICON_NAME}.svg"


def png_icon_path(size: int, hicolor_dir: Path = HICOLOR_DIR) -> Path:
    """Path of the PNG for one pixel size inside a hicolor tree."""
    return hicolor_dir / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


def render_png(renderer: QSvgRenderer, size: int) -> QImage:
    """Rasterise the SVG into a transparent size-by-size ARGB image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
    finally:
        painter.end()
    return image


def render_all(svg_path: Path, hicolor_dir: Path, sizes: tuple[int, ...] = ICON_SIZES) -> list[Path]:
    """Write one PNG per size under hicolor_dir and return the written paths."""
    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        raise ValueError(f"cannot parse SVG: {svg_path}")
    written: list[Path] = []
    for size in sizes:
        out_path = png_icon_path(size, hicolor_dir)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        if not render_png(renderer, size).save(str(out_path)):
            raise OSError(f"cannot write {out_path}")
        written.append(out_path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--svg", type=Path, default=scalable_icon_path(), help="source SVG")
    parser.add_argument("--hicolor-dir", type=Path, default=HICOLOR_DIR, help="output hicolor tree")
    args = parser.parse_args(argv)

    # QImage/QPainter need a QGuiApplication for font and platform setup, even offscreen.
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    for path in render_all(args.svg, args.hicolor_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
