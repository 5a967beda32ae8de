"""Graphics items of the topology scene: nodes, edges and the shaded layer-2 segments.

Each item paints itself from plain topology data and a `TopologyTheme`; the scene only sets
their `Emphasis` (normal, highlighted, dimmed). Zoomed far out, a node draws only its name in a
larger font so the overview stays readable.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from kvmgui.ui.i18n import translate_message
from kvmgui.topology.labels import node_subtitle_message
from kvmgui.topology.layout import Layout, NodeBox
from kvmgui.topology.model import Edge, LinkKind, NodeKind, PortMode, TopologyNode
from kvmgui.ui.topology.paths import edge_path, lane_offsets, route_end
from kvmgui.ui.topology.texts import node_name
from kvmgui.ui.topology.theme import TopologyTheme

DIMMED_OPACITY = 0.28
OVERVIEW_LOD = 0.6  # below this zoom a node shows its name only, larger
Badge = tuple[int, QColor]  # segment number, colour


class Emphasis(Enum):
    NORMAL = "normal"
    HIGHLIGHTED = "highlighted"
    DIMMED = "dimmed"


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _with_alpha(color: QColor, alpha: float) -> QColor:
    result = QColor(color)
    result.setAlphaF(alpha)
    return result


class _EmphasisMixin(QGraphicsItem):
    emphasis = Emphasis.NORMAL

    def set_emphasis(self, emphasis: Emphasis) -> None:
        if emphasis is not self.emphasis:
            self.emphasis = emphasis
            self.setOpacity(DIMMED_OPACITY if emphasis is Emphasis.DIMMED else 1.0)
            self.update()


class NodeItem(_EmphasisMixin):
    """One node's box: name, second line, VLAN colour bands, segment badges, warning mark.

    A name too long for the box loses its middle (`name_text`), so names that share a prefix
    stay apart; the tooltip has the whole name."""

    def __init__(self, node: TopologyNode, box: NodeBox, theme: TopologyTheme, tooltip: str,
                 badges: list[Badge], warned: bool) -> None:
        super().__init__()
        self.node = node
        self.node_id = node.id
        self._rect = QRectF(0, 0, box.width, box.height)
        self._theme = theme
        self._badges = badges
        self._warned = warned
        self._hovered = False
        text_width = box.width - 16 - 27 * len(badges) - (14 if warned else 0)
        self.name_text = _elided(node_name(node), _font(12, bold=True), text_width)
        self.subtitle_text = _elided(translate_message(node_subtitle_message(node)), _font(10),
                                     box.width - 16)
        self.setPos(box.x, box.y)
        self.setToolTip(tooltip)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-4, -4, 4, 4)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        theme, node, rect = self._theme, self.node, self._rect
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(painter.opacity() * (1.0 if node.active else 0.6))
        radius = 16.0 if node.kind is NodeKind.OUTSIDE else 6.0
        if self.emphasis is Emphasis.HIGHLIGHTED or self._hovered:
            glow = QPen(_with_alpha(theme.highlight, 0.9 if self._hovered else 0.75), 5)
            painter.setPen(glow)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, radius, radius)
        border = QPen(theme.missing if not node.exists else theme.stroke, 1.2)
        if not node.exists:
            border.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(border)
        painter.setBrush(theme.fills[node.kind])
        painter.drawRoundedRect(rect, radius, radius)
        self._paint_vlan_bands(painter)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < OVERVIEW_LOD:
            self._paint_overview_name(painter, lod)
            return
        painter.setPen(theme.text)
        painter.setFont(_font(12, bold=True))
        painter.drawText(QPointF(11, 16), self.name_text)
        painter.setPen(theme.muted)
        painter.setFont(_font(10))
        painter.drawText(QPointF(11, 30), self.subtitle_text)
        for slot, (number, color) in enumerate(reversed(self._badges)):
            right = rect.width() - 4 - (14 if self._warned else 0) - slot * 27
            paint_badge(painter, QRectF(right - 24, 4, 24, 13), number, color)
        if self._warned:
            self._paint_warning(painter, QPointF(rect.width() - 9, 9))

    def _paint_vlan_bands(self, painter: QPainter) -> None:
        if self.node.vlan is None:
            return
        tags = self.node.vlan.all_tags
        band = self._rect.height() / max(len(tags), 1)
        painter.setPen(Qt.PenStyle.NoPen)
        for index, tag in enumerate(tags):
            painter.setBrush(self._theme.vlan(tag))
            painter.drawRoundedRect(QRectF(1, index * band + 1, 5, band - 2), 2, 2)

    def _paint_overview_name(self, painter: QPainter, lod: float) -> None:
        pixels = int(min(self._rect.height() * 0.55, 11 / max(lod, 0.05)))
        font = _font(pixels, bold=True)
        painter.setFont(font)
        painter.setPen(self._theme.text)
        area = self._rect.adjusted(9, 0, -4, 0)
        painter.drawText(area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         _elided(node_name(self.node), font, area.width()))
        if self._warned:
            self._paint_warning(painter, QPointF(self._rect.width() - 9, 9))

    def _paint_warning(self, painter: QPainter, center: QPointF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._theme.warning)
        painter.drawEllipse(center, 7, 7)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(_font(11, bold=True))
        painter.drawText(QRectF(center.x() - 7, center.y() - 7, 14, 14),
                         Qt.AlignmentFlag.AlignCenter, "!")


def paint_badge(painter: QPainter, rect: QRectF, number: int, color: QColor) -> None:
    """A segment's "S<number>" tag, in the segment's VLAN colour (shared with the legend)."""
    painter.setPen(QPen(color, 1))
    painter.setBrush(_with_alpha(color, 0.2))
    painter.drawRoundedRect(rect, 4, 4)
    painter.setPen(color)
    painter.setFont(_font(9, bold=True))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"S{number}")


def _elided(text: str, font: QFont, width: float) -> str:
    """`text` cut in the middle to fit: "kvmgui-ux-…-lab-a", not "kvmgui-ux-…" twice."""
    return QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideMiddle, max(width, 10.0))


class EdgeItem(_EmphasisMixin):
    """A link, coloured by VLAN: a trunk is parallel lines (one per VLAN), an access port one
    thick line, NAT / routed links dashed and labelled, inactive links faded and dotted."""

    def __init__(self, edge: Edge, layout: Layout, theme: TopologyTheme, tooltip: str,
                 link_label: str) -> None:
        super().__init__()
        self.edge = edge
        self._theme = theme
        self._lanes = self._make_lanes(edge, layout)
        self.label_text = link_label
        self._label_at = route_end(edge, layout) if edge.link is not LinkKind.L2 else None
        outline = QPainterPath()
        for path, _color, _width in self._lanes:
            outline.addPath(path)
        self._outline = outline
        stroker = QPainterPathStroker()
        stroker.setWidth(9)  # easy to hover although the lines are thin
        self._shape = stroker.createStroke(outline)
        self._bounds = outline.boundingRect().adjusted(-8, -16, 8, 8)
        self.setToolTip(tooltip)
        self.setAcceptHoverEvents(True)

    def _make_lanes(self, edge: Edge, layout: Layout) -> list[tuple[QPainterPath, QColor, float]]:
        theme = self._theme
        if edge.link is not LinkKind.L2:
            return [(edge_path(edge, layout), theme.muted, 1.6)]
        if edge.mode is PortMode.TRUNK:
            colors = [theme.vlan(vlan) for vlan in edge.vlans] or [theme.stroke]
            if len(colors) == 1:
                colors *= 2  # one tagged VLAN: a double line
            return [(edge_path(edge, layout, offset), color, 2.0)
                    for offset, color in zip(lane_offsets(len(colors)), colors, strict=True)]
        color = theme.vlan(edge.vlans[0]) if edge.vlans else theme.stroke
        return [(edge_path(edge, layout), color, 3.0 if edge.mode is PortMode.ACCESS else 1.6)]

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.emphasis is Emphasis.HIGHLIGHTED:
            glow = QPen(_with_alpha(self._theme.highlight, 0.45), 9)
            glow.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(glow)
            painter.drawPath(self._outline)
        for path, color, width in self._lanes:
            pen = QPen(color, width)
            if self.edge.link is not LinkKind.L2:
                pen.setDashPattern([7 / width, 4 / width])
            elif not self.edge.active:
                pen.setColor(_with_alpha(color, 0.45))
                pen.setDashPattern([2 / width, 3 / width])
            painter.setPen(pen)
            painter.drawPath(path)
        if self._label_at is not None:
            painter.setPen(self._theme.muted)
            painter.setFont(_font(9))
            painter.drawText(QRectF(self._label_at.x() - 86, self._label_at.y() - 17, 80, 12),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             self.label_text)


class SegmentItem(_EmphasisMixin):
    """The shading behind a run of neighbouring vNICs that share a layer-2 segment."""

    def __init__(self, segment_id: str, rect: QRectF, color: QColor, tooltip: str) -> None:
        super().__init__()
        self.segment_id = segment_id
        self._rect = rect
        self._color = color
        self.setToolTip(tooltip)
        self.setZValue(-2)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(_with_alpha(self._color, 0.6), 1)
        pen.setDashPattern([4, 3])
        painter.setPen(pen)
        painter.setBrush(_with_alpha(self._color, 0.13))
        painter.drawRoundedRect(self._rect, 9, 9)
