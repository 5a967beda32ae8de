"""Colours of the topology view, taken from the widget palette so it reads in light and dark
themes. Node fills come from the SVG exporter's light or dark set (the export looks the same);
text and lines follow the palette; VLAN colours come from `vlan_color`, which keeps a 3:1
contrast against both white and near-black backgrounds."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from kvmgui.topology.model import NodeKind
from kvmgui.topology.palette import vlan_color
from kvmgui.topology.svg import DARK, LIGHT


@dataclass(frozen=True)
class TopologyTheme:
    dark: bool
    background: QColor
    text: QColor
    muted: QColor  # second lines, NAT/routed links
    stroke: QColor  # node borders, untagged links
    highlight: QColor  # selection and highlighted paths
    missing: QColor  # nodes something names but the host does not have
    warning: QColor
    fills: dict[NodeKind, QColor]

    def vlan(self, vlan: int | None) -> QColor:
        if vlan is None:
            return QColor(self.stroke)
        return QColor(vlan_color(vlan))


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def topology_theme(palette: QPalette) -> TopologyTheme:
    dark = is_dark(palette)
    svg = DARK if dark else LIGHT
    text = palette.color(QPalette.ColorRole.Text)
    background = palette.color(QPalette.ColorRole.Base)
    return TopologyTheme(
        dark=dark,
        background=background,
        text=text,
        muted=_mix(text, background, 0.68),
        stroke=_mix(text, background, 0.5),
        highlight=_highlight(palette, dark),
        missing=QColor(svg.missing),
        warning=QColor(svg.warning),
        fills={kind: QColor(color) for kind, color in svg.fills.items()},
    )


def _mix(first: QColor, second: QColor, weight: float) -> QColor:
    """`weight` of `first` and the rest of `second`."""
    return QColor.fromRgbF(
        first.redF() * weight + second.redF() * (1 - weight),
        first.greenF() * weight + second.greenF() * (1 - weight),
        first.blueF() * weight + second.blueF() * (1 - weight),
    )


def _highlight(palette: QPalette, dark: bool) -> QColor:
    """The palette's selection colour, lightened on dark backgrounds so a thin outline shows."""
    color = palette.color(QPalette.ColorRole.Highlight)
    if dark and color.lightness() < 150:
        color = color.lighter(150)
    return color
