"""Hand-written SVG of a topology: the same layout as the Qt view, plus a legend.

Edges take their VLAN's colour; trunk edges are drawn as parallel lines (one per VLAN, a double
line for a single tagged VLAN), NAT/routed links dashed, inactive ones faded and dotted.
Segments are shaded behind their vNICs and numbered S1, S2, ... in the legend.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from kvmgui.topology.labels import node_subtitle
from kvmgui.topology.layout import Layout, LayoutStyle, NodeBox, layout_graph
from kvmgui.topology.model import (
    Edge,
    LinkKind,
    NodeKind,
    PortMode,
    TopologyGraph,
    TopologyNode,
)
from kvmgui.topology.palette import UNTAGGED_COLOR, vlan_color

FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
TITLE_HEIGHT = 40.0
LEGEND_LINE = 18.0


@dataclass(frozen=True)
class Theme:
    background: str
    text: str
    muted: str
    stroke: str
    missing: str
    warning: str
    fills: dict[NodeKind, str]


LIGHT = Theme(
    background="#ffffff", text="#1d1d1f", muted="#5f6368", stroke="#8a8f98",
    missing="#c62828", warning="#e65100",
    fills={
        NodeKind.PHYSICAL: "#e3ecf7", NodeKind.OUTSIDE: "#eeeeee", NodeKind.BOND: "#e6e1f5",
        NodeKind.VLAN: "#e4f1e4", NodeKind.BRIDGE: "#fdf0d8", NodeKind.NETWORK: "#fbe3d6",
        NodeKind.PORTGROUP: "#f6e6ef", NodeKind.VNIC: "#eef0f2", NodeKind.DOMAIN: "#dfeff2",
    },
)
DARK = Theme(
    background="#1e1f22", text="#e8eaed", muted="#a0a4ab", stroke="#6b7078",
    missing="#ef5350", warning="#ffa726",
    fills={
        NodeKind.PHYSICAL: "#22344a", NodeKind.OUTSIDE: "#2f3033", NodeKind.BOND: "#2f2a45",
        NodeKind.VLAN: "#233a27", NodeKind.BRIDGE: "#43381f", NodeKind.NETWORK: "#472d22",
        NodeKind.PORTGROUP: "#432a38", NodeKind.VNIC: "#2b2e33", NodeKind.DOMAIN: "#1f3b40",
    },
)


def render_svg(graph: TopologyGraph, *, dark: bool = False) -> str:
    theme = DARK if dark else LIGHT
    style = LayoutStyle()
    layout = layout_graph(graph, style)
    canvas = _Canvas(theme)
    warned = {obj for warning in graph.warnings for obj in warning.objects}
    badges: dict[str, list[int]] = {}
    for number, segment in enumerate(graph.segments, start=1):
        for vnic in segment.vnics:
            badges.setdefault(vnic, []).append(number)
    _draw_segments(canvas, graph, layout, TITLE_HEIGHT)
    for edge in graph.edges:
        if edge.source in layout.boxes and edge.target in layout.boxes:
            _draw_edge(canvas, edge, layout, TITLE_HEIGHT)
    for node in graph.nodes.values():
        box = layout.boxes[node.id]
        _draw_node(canvas, node, box, TITLE_HEIGHT, node.id in warned)
        for slot, number in enumerate(reversed(badges.get(node.id, []))):
            segment = graph.segments[number - 1]
            _draw_badge(canvas, box.right - 16 - slot * 27, TITLE_HEIGHT + box.y + 14, number,
                        vlan_color(segment.vlan))
    width = max(layout.width, 760.0)
    legend_top = TITLE_HEIGHT + layout.height + 8
    legend_height = _draw_legend(canvas, graph, style.margin, legend_top, width - 2 * style.margin)
    height = legend_top + legend_height + style.margin
    canvas.text(style.margin, 26, "Network topology", size=16, weight="bold")
    version = ".".join(str(part) for part in graph.libvirt_version)
    canvas.text(style.margin + 170, 26, f"libvirt {version}", size=11, fill=theme.muted)
    return canvas.document(width, height)


class _Canvas:
    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.parts: list[str] = []

    def add(self, element: str) -> None:
        self.parts.append(element)

    def text(
        self, x: float, y: float, content: str, *, size: float = 11, weight: str = "normal",
        fill: str | None = None, anchor: str = "start",
    ) -> None:
        self.add(
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" '
            f'fill="{fill or self.theme.text}" text-anchor="{anchor}">{escape(content)}</text>'
        )

    def document(self, width: float, height: float) -> str:
        head = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" font-family={quoteattr(FONT)}>\n'
            f'<rect width="{width:.0f}" height="{height:.0f}" fill="{self.theme.background}"/>\n'
        )
        return head + "\n".join(self.parts) + "\n</svg>\n"


def _wrap(text: str, width: float, size: float) -> list[str]:
    return textwrap.wrap(text, max(int(width / (size * 0.58)), 20)) or [""]


def _fit(text: str, width: float, size: float) -> str:
    """Cut text to roughly fit `width` pixels (average glyph ~0.6 em)."""
    limit = max(int(width / (size * 0.6)), 4)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------ segments


def _draw_segments(canvas: _Canvas, graph: TopologyGraph, layout: Layout, top: float) -> None:
    vnic_column = next(
        (column for column in layout.columns
         if column and graph.nodes[column[0]].kind is NodeKind.VNIC), (),
    )
    order = {node_id: index for index, node_id in enumerate(vnic_column)}
    depth_of: dict[str, int] = {}
    for segment in graph.segments:
        indexes = sorted(order[v] for v in segment.vnics if v in order)
        color = vlan_color(segment.vlan)
        runs: list[list[int]] = []
        for index in indexes:
            if runs and index == runs[-1][-1] + 1:
                runs[-1].append(index)
            else:
                runs.append([index])
        for run in runs:
            boxes = [layout.boxes[vnic_column[i]] for i in run]
            depth = max(depth_of.get(vnic_column[i], 0) for i in run)
            for i in run:
                depth_of[vnic_column[i]] = depth + 1
            pad = 4 + 4 * depth
            x, y = boxes[0].x - pad, top + boxes[0].y - pad
            width = boxes[0].width + 2 * pad
            height = boxes[-1].y + boxes[-1].height - boxes[0].y + 2 * pad
            canvas.add(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
                f'rx="9" fill="{color}" fill-opacity="0.13" stroke="{color}" '
                f'stroke-opacity="0.6" stroke-dasharray="4 3"><title>{escape(segment.label)}'
                "</title></rect>"
            )


# ------------------------------------------------------------------ edges


def _edge_path(edge: Edge, layout: Layout, top: float, offset: float) -> str:
    route = layout.routes.get((edge.source, edge.target))
    if route is None:  # both ends in one column (a VLAN device on a VLAN device): loop left
        first, second = layout.boxes[edge.source], layout.boxes[edge.target]
        x, y1, y2 = first.x, top + first.center_y + offset, top + second.center_y + offset
        return f"M{x:.1f},{y1:.1f} C{x - 40:.1f},{y1:.1f} {x - 40:.1f},{y2:.1f} {x:.1f},{y2:.1f}"
    points = [(x, top + y + offset) for x, y in route]
    parts = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for index in range(0, len(points) - 1, 2):  # curve between columns, line across one
        (x1, y1), (x2, y2) = points[index], points[index + 1]
        middle = (x1 + x2) / 2
        parts.append(f"C{middle:.1f},{y1:.1f} {middle:.1f},{y2:.1f} {x2:.1f},{y2:.1f}")
        if index + 2 < len(points):
            parts.append(f"L{points[index + 2][0]:.1f},{points[index + 2][1]:.1f}")
    return " ".join(parts)


def _draw_edge(canvas: _Canvas, edge: Edge, layout: Layout, top: float) -> None:
    faded = "" if edge.active else ' stroke-opacity="0.45" stroke-dasharray="2 3"'
    title = f"<title>{escape(_edge_title(edge))}</title>"
    if edge.link is not LinkKind.L2:
        canvas.add(
            f'<path d="{_edge_path(edge, layout, top, 0)}" fill="none" '
            f'stroke="{canvas.theme.muted}" stroke-width="1.6" stroke-dasharray="7 4">'
            f"{title}</path>"
        )
        route = layout.routes.get((edge.source, edge.target))
        if route is not None:
            x, y = route[-1]
            label = "NAT" if edge.link is LinkKind.NAT else "routed"
            canvas.text(x - 6, top + y - 6, label, size=9, fill=canvas.theme.muted, anchor="end")
        return
    if edge.mode is PortMode.TRUNK:
        colors = [vlan_color(vlan) for vlan in edge.vlans] or [UNTAGGED_COLOR]
        if len(colors) == 1:
            colors = colors * 2  # a single tagged VLAN: a double line
        spacing = 3.2
        for index, color in enumerate(colors):
            offset = (index - (len(colors) - 1) / 2) * spacing
            canvas.add(
                f'<path d="{_edge_path(edge, layout, top, offset)}" fill="none" '
                f'stroke="{color}" stroke-width="2"{faded}>{title}</path>'
            )
        return
    color = vlan_color(edge.vlans[0]) if edge.vlans else canvas.theme.stroke
    width = 3 if edge.mode is PortMode.ACCESS else 1.6
    canvas.add(
        f'<path d="{_edge_path(edge, layout, top, 0)}" fill="none" stroke="{color}" '
        f'stroke-width="{width}"{faded}>{title}</path>'
    )


def _edge_title(edge: Edge) -> str:
    vlans = ",".join(str(vlan) for vlan in edge.vlans) or "-"
    return f"{edge.source} → {edge.target}: {edge.mode.value} VLAN {vlans}"


# ------------------------------------------------------------------ nodes


def _draw_node(canvas: _Canvas, node: TopologyNode, box: NodeBox, top: float, warned: bool) -> None:
    theme = canvas.theme
    y = top + box.y
    stroke = theme.missing if not node.exists else theme.stroke
    dash = ' stroke-dasharray="5 3"' if not node.exists else ""
    opacity = "" if node.active else ' opacity="0.55"'
    tooltip = "\n".join([f"{node.kind.value}: {node.name}"] +
                        [f"{key}: {value}" for key, value in node.detail])
    canvas.add(f'<g id={quoteattr(node.id)}{opacity}><title>{escape(tooltip)}</title>')
    rx = 16 if node.kind is NodeKind.OUTSIDE else 6
    canvas.add(
        f'<rect x="{box.x:.1f}" y="{y:.1f}" width="{box.width:.1f}" height="{box.height:.1f}" '
        f'rx="{rx}" fill="{theme.fills[node.kind]}" stroke="{stroke}" stroke-width="1.2"{dash}/>'
    )
    if node.vlan is not None:
        tags = node.vlan.all_tags
        band = box.height / max(len(tags), 1)
        for index, tag in enumerate(tags):  # one colour band per VLAN on the left edge
            canvas.add(
                f'<rect x="{box.x + 1:.1f}" y="{y + index * band + 1:.1f}" width="5" '
                f'height="{band - 2:.1f}" rx="2" fill="{vlan_color(tag)}"/>'
            )
    text_x = box.x + 11
    canvas.text(text_x, y + 16, _fit(node.name, box.width - 16, 12), size=12, weight="bold")
    canvas.text(text_x, y + 30, _fit(node_subtitle(node), box.width - 16, 10), size=10,
                fill=theme.muted)
    if warned:
        cx, cy = box.right - 9, y + 9
        canvas.add(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="7" fill="{theme.warning}"/>')
        canvas.text(cx, cy + 4, "!", size=11, weight="bold", fill="#ffffff", anchor="middle")
    canvas.add("</g>")


def _draw_badge(canvas: _Canvas, center_x: float, baseline: float, number: int, color: str) -> None:
    canvas.add(
        f'<rect x="{center_x - 12:.1f}" y="{baseline - 10:.1f}" width="24" height="13" rx="4" '
        f'fill="{color}" fill-opacity="0.2" stroke="{color}"/>'
    )
    canvas.text(center_x, baseline, f"S{number}", size=9, weight="bold", fill=color,
                anchor="middle")


# ------------------------------------------------------------------ legend


def _draw_legend(
    canvas: _Canvas, graph: TopologyGraph, left: float, top: float, width: float
) -> float:
    theme = canvas.theme
    y = top + 14
    canvas.text(left, y, "Legend", size=13, weight="bold")
    y += LEGEND_LINE + 2
    vlans = sorted({v for edge in graph.edges for v in edge.vlans} |
                   {s.vlan for s in graph.segments if s.vlan is not None})
    x = left
    for vlan in [None, *vlans]:
        label = f"VLAN {vlan}" if vlan is not None else "untagged"
        canvas.add(f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="22" height="10" rx="2" '
                   f'fill="{vlan_color(vlan)}"/>')
        canvas.text(x + 28, y, label, size=11)
        x += 40 + 7 * len(label)
    y += LEGEND_LINE + 4
    samples = [("access port (one VLAN)", "access"), ("trunk (tagged VLANs)", "trunk"),
               ("NAT / routed (not layer 2)", "nat"), ("inactive", "inactive")]
    x = left
    for label, sample in samples:
        _legend_line(canvas, x, y - 4, sample)
        canvas.text(x + 46, y, label, size=11)
        x += 60 + 6.5 * len(label)
    y += LEGEND_LINE + 6
    if graph.segments:
        canvas.text(left, y, "Layer-2 segments", size=12, weight="bold")
        y += LEGEND_LINE
    for number, segment in enumerate(graph.segments, start=1):
        _draw_badge(canvas, left + 12, y, number, vlan_color(segment.vlan))
        text = (f"{segment.label} — uplink: {segment.uplink.description} — members: "
                f"{', '.join(segment.members)}")
        for line in _wrap(" ".join([text, *(f"({note})" for note in segment.notes)]),
                          width - 34, 11):
            canvas.text(left + 34, y, line, size=11)
            y += LEGEND_LINE
    if graph.warnings:
        y += 6
        canvas.text(left, y, "Warnings", size=12, weight="bold", fill=theme.warning)
        y += LEGEND_LINE
    for warning in graph.warnings:
        for index, line in enumerate(_wrap(warning.message, width - 14, 11)):
            canvas.text(left + 14, y, line, size=11)
            if index == 0:
                canvas.text(left, y, "•", size=11, fill=theme.warning)
            y += LEGEND_LINE
    return y - top


def _legend_line(canvas: _Canvas, x: float, y: float, sample: str) -> None:
    color = vlan_color(10)
    if sample == "trunk":
        for offset, tag in ((-1.6, 10), (1.6, 20)):
            canvas.add(f'<line x1="{x:.1f}" y1="{y + offset:.1f}" x2="{x + 38:.1f}" '
                       f'y2="{y + offset:.1f}" stroke="{vlan_color(tag)}" stroke-width="2"/>')
        return
    extra = {
        "access": f'stroke="{color}" stroke-width="3"',
        "nat": f'stroke="{canvas.theme.muted}" stroke-width="1.6" stroke-dasharray="7 4"',
        "inactive": f'stroke="{color}" stroke-width="3" stroke-opacity="0.45" '
                    'stroke-dasharray="2 3"',
    }[sample]
    canvas.add(f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + 38:.1f}" y2="{y:.1f}" {extra}/>')
