"""State and kind icons, painted at run time so they need no files and read on light and dark.

Colours are mid-tone (neither very light nor very dark) and every shape has an outline that
contrasts with the background: dark on a light palette, light on a dark one. Shapes differ per
state, not only colours. Each function takes `dark` (default: the application palette's), so
the tree repaints with the right set when the theme changes.

`themed_icon` prefers the desktop's freedesktop icon theme and falls back to a painted icon.
"""

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF,
)

from kvmgui.ui.roles import Category, NodeKind
from kvmgui.ui.theme import is_dark
from kvmgui.core.snapshots import ConnectionState, DomainInfo, DomainState

GREEN, AMBER, GREY, RED, BLUE, TEAL, PURPLE = (
    "#2e9e44", "#d99a00", "#8a8f98", "#d64545", "#3b82d6", "#1f9e9e", "#8e5bd6")
_SIZE = 32
_OUTLINE = {False: "#80000000", True: "#90ffffff"}  # "#AARRGGBB": light, dark palette
# Names from the freedesktop icon naming specification for the category rows.
_CATEGORY_THEME_NAMES = {Category.DOMAINS: "computer", Category.POOLS: "drive-harddisk",
                         Category.NETWORKS: "network-workgroup",
                         Category.INTERFACES: "network-wired"}


def _dark(dark: bool | None) -> bool:
    return is_dark(QGuiApplication.palette()) if dark is None else dark


def themed_icon(name: str, fallback: QIcon) -> QIcon:
    """The icon theme's `name` (freedesktop naming), else `fallback`."""
    return QIcon.fromTheme(name, fallback) if QIcon.hasThemeIcon(name) else fallback


def _canvas(dark: bool) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(_OUTLINE[dark]), 1.5))
    return pixmap, painter


def _finish(pixmap: QPixmap, painter: QPainter) -> QIcon:
    painter.end()
    return QIcon(pixmap)


@cache
def _shape(shape: str, colour: str, dark: bool = False) -> QIcon:
    pixmap, p = _canvas(dark)
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
    elif shape == "cross":  # two strokes: the outline colour as a halo, the colour on top
        for pen_colour, width in ((_OUTLINE[dark], 8.5), (colour, 6.0)):
            pen = QPen(QColor(pen_colour), width)
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
        p.setPen(QPen(QColor(_OUTLINE[dark]), 1.5))
        for x, y in ((16, 8), (8, 24), (24, 24)):
            p.drawEllipse(QPointF(x, y), 5, 5)
    elif shape == "port":  # an RJ45 socket
        p.drawRoundedRect(QRectF(5, 7, 22, 18), 2, 2)
        p.setBrush(QColor("#ffffff"))
        p.drawRect(QRectF(11, 13, 10, 8))
    elif shape == "computer":
        p.drawRoundedRect(QRectF(4, 5, 24, 16), 2, 2)
        p.drawRect(QRectF(12, 22, 8, 4))
    elif shape == "power":  # the power symbol, open at the top
        pen = QPen(QColor(colour), 4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(QRectF(6, 7, 20, 20), 60 * 16, -300 * 16)
        p.drawLine(QPointF(16, 4), QPointF(16, 15))
    elif shape == "reboot":  # a circular arrow
        pen = QPen(QColor(colour), 4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(QRectF(6, 6, 20, 20), 90 * 16, 270 * 16)
        p.setPen(QPen(QColor(_OUTLINE[dark]), 1.5))
        p.drawPolygon(QPolygonF([QPointF(14, 1), QPointF(22, 6), QPointF(14, 11)]))
    elif shape == "bin":
        p.drawRoundedRect(QRectF(8, 10, 16, 18), 2, 2)
        p.drawRoundedRect(QRectF(5, 6, 22, 4), 1, 1)
        p.drawRect(QRectF(13, 3, 6, 3))
    elif shape == "terminal":  # a screen with a prompt
        p.drawRoundedRect(QRectF(3, 5, 26, 19), 2, 2)
        p.drawRect(QRectF(12, 25, 8, 3))
        p.setPen(QPen(QColor("#7ee787"), 2.5))
        p.drawPolyline(QPolygonF([QPointF(8, 10), QPointF(12, 14), QPointF(8, 18)]))
        p.drawLine(QPointF(14, 18), QPointF(20, 18))
    return _finish(pixmap, p)


# Toolbar and menu actions: (shape, colour) drawn by _shape, like the tree's state icons.
_ACTION_SHAPES = {
    "start": ("play", GREEN), "resume": ("play", GREEN), "pause": ("pause", AMBER),
    # Shut down in amber, not grey: a grey button looks disabled even while it is enabled.
    "shutdown": ("power", AMBER), "force-off": ("power", RED), "reboot": ("reboot", BLUE),
    "save": ("saved", BLUE), "delete": ("bin", RED), "console": ("terminal", "#2b2f36"),
}


_GREYED: dict[int, QIcon] = {}


def greyed(icon: QIcon) -> QIcon:
    """`icon` as Qt draws it disabled (the rows of a connection that is down)."""
    key = icon.cacheKey()
    found = _GREYED.get(key)
    if found is None:
        found = _GREYED[key] = QIcon(icon.pixmap(_SIZE, QIcon.Mode.Disabled))
    return found


def action_icon(name: str, dark: bool | None = None) -> QIcon:
    """Icons for start, shutdown, reboot, force-off, pause, resume, save, delete, console."""
    shape, colour = _ACTION_SHAPES[name]
    return _shape(shape, colour, _dark(dark))


def domain_icon(info: DomainInfo, dark: bool | None = None) -> QIcon:
    d = _dark(dark)
    if info.state == DomainState.SHUTOFF and info.managed_save:
        return _shape("saved", BLUE, d)
    shape, colour = {
        DomainState.RUNNING: ("play", GREEN),
        DomainState.BLOCKED: ("play", GREEN),
        DomainState.SHUTDOWN: ("play", AMBER),
        DomainState.PAUSED: ("pause", AMBER),
        DomainState.PMSUSPENDED: ("pause", BLUE),
        DomainState.CRASHED: ("cross", RED),
    }.get(info.state, ("stop", GREY))
    return _shape(shape, colour, d)


def active_icon(kind: NodeKind, active: bool, dark: bool | None = None) -> QIcon:
    shape = {NodeKind.POOL: "cylinder", NodeKind.VOLUME: "volume", NodeKind.NETWORK: "network",
             NodeKind.INTERFACE: "port"}[kind]
    colour = {NodeKind.POOL: TEAL, NodeKind.VOLUME: TEAL, NodeKind.NETWORK: PURPLE,
              NodeKind.INTERFACE: BLUE}[kind]
    return _shape(shape, colour if active else GREY, _dark(dark))


def connection_icon(state: ConnectionState, dark: bool | None = None) -> QIcon:
    colour = {
        ConnectionState.CONNECTED: GREEN,
        ConnectionState.CONNECTING: AMBER,
        ConnectionState.DISCONNECTED: GREY,
        ConnectionState.ERROR: RED,
    }[state]
    return _shape("host", colour, _dark(dark))


def category_icon(cat: Category, dark: bool | None = None) -> QIcon:
    return _category_icon(cat, _dark(dark))


@cache
def _category_icon(cat: Category, dark: bool) -> QIcon:
    shape, colour = {
        Category.DOMAINS: ("computer", BLUE),
        Category.POOLS: ("folder", TEAL),
        Category.NETWORKS: ("network", PURPLE),
        Category.INTERFACES: ("port", BLUE),
    }[cat]
    return themed_icon(_CATEGORY_THEME_NAMES[cat], _shape(shape, colour, dark))
