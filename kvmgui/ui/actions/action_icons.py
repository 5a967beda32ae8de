"""Toolbar icons for actions, painted at run time like the tree's icons (no files, any theme)."""

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

GREEN, AMBER, RED, BLUE, GREY = "#2e9e44", "#d99a00", "#d64545", "#3b82d6", "#6b7079"
_SIZE = 32


@cache
def action_icon(name: str) -> QIcon:
    """Icons: start, shutdown, reboot, force-off, pause, resume, save, delete, console."""
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    outline = QPen(QColor("#00000080"), 1.5)
    p.setPen(outline)
    if name in ("start", "resume"):
        p.setBrush(QColor(GREEN))
        p.drawPolygon(QPolygonF([QPointF(9, 5), QPointF(27, 16), QPointF(9, 27)]))
    elif name == "pause":
        p.setBrush(QColor(AMBER))
        p.drawRoundedRect(QRectF(7, 6, 7, 20), 2, 2)
        p.drawRoundedRect(QRectF(18, 6, 7, 20), 2, 2)
    elif name in ("shutdown", "force-off"):  # the power symbol
        colour = QColor(RED if name == "force-off" else GREY)
        pen = QPen(colour, 4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(QRectF(6, 7, 20, 20), 60 * 16, -300 * 16)  # open at the top
        p.drawLine(QPointF(16, 4), QPointF(16, 15))
    elif name == "reboot":  # a circular arrow
        pen = QPen(QColor(BLUE), 4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(QRectF(6, 6, 20, 20), 90 * 16, 270 * 16)
        p.setPen(outline)
        p.setBrush(QColor(BLUE))
        p.drawPolygon(QPolygonF([QPointF(14, 1), QPointF(22, 6), QPointF(14, 11)]))
    elif name == "save":
        p.setBrush(QColor(BLUE))
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(6, 6), QPointF(22, 6), QPointF(26, 10),
                                   QPointF(26, 26), QPointF(6, 26), QPointF(6, 6)]))
        p.drawPath(path)
        p.setBrush(QColor("#ffffff"))
        p.drawRect(QRectF(10, 6, 10, 7))
    elif name == "delete":  # a bin
        p.setBrush(QColor(RED))
        p.drawRoundedRect(QRectF(8, 10, 16, 18), 2, 2)
        p.drawRoundedRect(QRectF(5, 6, 22, 4), 1, 1)
        p.drawRect(QRectF(13, 3, 6, 3))
    elif name == "console":  # a screen with a prompt
        p.setBrush(QColor("#2b2f36"))
        p.drawRoundedRect(QRectF(3, 5, 26, 19), 2, 2)
        p.drawRect(QRectF(12, 25, 8, 3))
        prompt = QPen(QColor("#7ee787"), 2.5)
        p.setPen(prompt)
        p.drawPolyline(QPolygonF([QPointF(8, 10), QPointF(12, 14), QPointF(8, 18)]))
        p.drawLine(QPointF(14, 18), QPointF(20, 18))
    p.end()
    return QIcon(pixmap)
