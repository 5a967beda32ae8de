"""Edge geometry: the layout's routes as painter paths, drawn like the SVG export (a curve
between columns, a straight line across a column a long edge passes through)."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from kvmgui.topology.layout import Layout
from kvmgui.topology.model import Edge

LOOP_REACH = 40.0  # how far a loop between two nodes of one column bulges to the left
TRUNK_SPACING = 3.2  # distance between the parallel lines of a trunk


def edge_path(edge: Edge, layout: Layout, offset: float = 0.0) -> QPainterPath:
    """The path of `edge`, shifted down by `offset` (the lanes of a trunk)."""
    path = QPainterPath()
    route = layout.routes.get((edge.source, edge.target))
    if route is None:  # both ends in one column (a VLAN device on a VLAN device)
        first, second = layout.boxes[edge.source], layout.boxes[edge.target]
        x = first.x
        y1, y2 = first.center_y + offset, second.center_y + offset
        path.moveTo(x, y1)
        path.cubicTo(x - LOOP_REACH, y1, x - LOOP_REACH, y2, x, y2)
        return path
    points = [QPointF(x, y + offset) for x, y in route]
    path.moveTo(points[0])
    for index in range(0, len(points) - 1, 2):
        start, end = points[index], points[index + 1]
        middle = (start.x() + end.x()) / 2
        path.cubicTo(QPointF(middle, start.y()), QPointF(middle, end.y()), end)
        if index + 2 < len(points):
            path.lineTo(points[index + 2])
    return path


def lane_offsets(count: int) -> list[float]:
    """Vertical offsets of `count` parallel lines centred on the route."""
    return [(index - (count - 1) / 2) * TRUNK_SPACING for index in range(count)]


def route_end(edge: Edge, layout: Layout) -> QPointF | None:
    """Where the edge meets its right-hand node (for the NAT / routed label)."""
    route = layout.routes.get((edge.source, edge.target))
    if route is None:
        return None
    x, y = route[-1]
    return QPointF(x, y)
