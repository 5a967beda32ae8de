"""State and kind icons, painted at run time so they need no files and read on light and dark.

Colours are mid-tone (neither very light nor very dark) and every shape has an outline, so each
icon keeps its contrast against both palettes. Shapes differ per state, not only colours.
"""

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from kvmgui.ui.roles import Category, NodeKind
from kvmgui.virt.snapshots import ConnectionState, DomainInfo, DomainState

GREEN, AMBER, GREY, RED, BLUE, TEAL, PURPLE = (
    "#2e9e44", "#d99a00", "#8a8f98", "#d64545", "#3b82d6", "#1f9e9e", "#8e5bd6")
_SIZE = 32


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#00000080"), 1.5))
    return pixmap, painter


def _finish(pixmap: QPixmap, painter: QPainter) -> QIcon:
    painter.end()
    return QIcon(pixmap)


@cache
def _shape(shape: str, colour: str) -> QIcon:
    pixmap, p = _canvas()
    p.setBrush(QColor(colour))
    s = float(_SIZE)
    if shape == "play":
        p.drawPolygon(QPolygonF([QPointF(8, 5), QPointF(27, 16), QPointF(8, 27)]))
    elif shape == "pause":
        p.drawRoundedRect(QRectF(7, 6, 7, 20), 2, 2)
        p.drawRoundedRect(QRectF(18, 6, 7, 20), 2, 2)
    elif shape == "stop":
        p.drawRoundedRect(QRectF(7, 7, 18, 18), 3, 3)
    elif shape == "saved":  # a floppy-like square with a notch
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(6, 6), QPointF(22, 6), QPointF(26, 10),
                                   QPointF(26, 26), QPointF(6, 26), QPointF(6, 6)]))
        p.drawPath(path)
        p.setBrush(QColor("#ffffff"))
        p.drawRect(QRectF(10, 6, 10, 7))
    elif shape == "cross":
        pen = QPen(QColor(colour), 6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawLine(QPointF(8, 8), QPointF(24, 24))
        p.drawLine(QPointF(24, 8), QPointF(8, 24))
    elif shape == "dot":
        p.drawEllipse(QRectF(7, 7, 18, 18))
    elif shape == "ring":
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor(colour), 4))
        p.drawEllipse(QRectF(8, 8, 16, 16))
    elif shape == "host":  # a server box with two drive slots
        p.drawRoundedRect(QRectF(4, 5, s - 8, 10), 2, 2)
        p.drawRoundedRect(QRectF(4, 17, s - 8, 10), 2, 2)
    elif shape == "folder":
        p.drawRoundedRect(QRectF(4, 9, s - 8, 18), 2, 2)
        p.drawRoundedRect(QRectF(4, 6, 11, 6), 2, 2)
    elif shape == "cylinder":
        p.drawRoundedRect(QRectF(7, 5, 18, 22), 9, 4)
        p.drawEllipse(QRectF(7, 5, 18, 7))
    elif shape == "volume":
        p.drawRoundedRect(QRectF(8, 5, 16, 22), 2, 2)
    elif shape == "network":  # three linked nodes
        p.setPen(QPen(QColor(colour), 3))
        p.drawLine(QPointF(16, 8), QPointF(8, 24))
        p.drawLine(QPointF(16, 8), QPointF(24, 24))
        p.setPen(QPen(QColor("#00000080"), 1.5))
        for x, y in ((16, 8), (8, 24), (24, 24)):
            p.drawEllipse(QPointF(x, y), 5, 5)
    elif shape == "port":  # an RJ45 socket
        p.drawRoundedRect(QRectF(5, 7, 22, 18), 2, 2)
        p.setBrush(QColor("#ffffff"))
        p.drawRect(QRectF(11, 13, 10, 8))
    elif shape == "computer":
        p.drawRoundedRect(QRectF(4, 5, 24, 16), 2, 2)
        p.drawRect(QRectF(12, 22, 8, 4))
    return _finish(pixmap, p)


def domain_icon(info: DomainInfo) -> QIcon:
    if info.state == DomainState.SHUTOFF and info.managed_save:
        return _shape("saved", BLUE)
    return {
        DomainState.RUNNING: _shape("play", GREEN),
        DomainState.BLOCKED: _shape("play", GREEN),
        DomainState.SHUTDOWN: _shape("play", AMBER),
        DomainState.PAUSED: _shape("pause", AMBER),
        DomainState.PMSUSPENDED: _shape("pause", BLUE),
        DomainState.CRASHED: _shape("cross", RED),
    }.get(info.state, _shape("stop", GREY))


def active_icon(kind: NodeKind, active: bool) -> QIcon:
    shape = {NodeKind.POOL: "cylinder", NodeKind.VOLUME: "volume", NodeKind.NETWORK: "network",
             NodeKind.INTERFACE: "port"}[kind]
    colour = {NodeKind.POOL: TEAL, NodeKind.VOLUME: TEAL, NodeKind.NETWORK: PURPLE,
              NodeKind.INTERFACE: BLUE}[kind]
    return _shape(shape, colour if active else GREY)


def connection_icon(state: ConnectionState) -> QIcon:
    return {
        ConnectionState.CONNECTED: _shape("host", GREEN),
        ConnectionState.CONNECTING: _shape("host", AMBER),
        ConnectionState.DISCONNECTED: _shape("host", GREY),
        ConnectionState.ERROR: _shape("host", RED),
    }[state]


def category_icon(cat: Category) -> QIcon:
    return {
        Category.DOMAINS: _shape("computer", BLUE),
        Category.POOLS: _shape("folder", TEAL),
        Category.NETWORKS: _shape("network", PURPLE),
        Category.INTERFACES: _shape("port", BLUE),
    }[cat]
