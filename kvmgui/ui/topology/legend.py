"""The legend under the topology: VLAN colours, line styles, the numbered layer-2 segments and
the warnings. It is rich text, so it wraps to any width; VLANs and segments are links that
filter the view (`filterRequested`)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from kvmgui.ui.i18n import translate_message, translate_template
from kvmgui.topology.model import TopologyGraph
from kvmgui.ui.topology.focus import vlans_of
from kvmgui.ui.topology.items import paint_badge
from kvmgui.ui.topology.texts import Topology
from kvmgui.ui.topology.theme import TopologyTheme

SAMPLE_SIZE = (40, 14)


class TopologyLegend(QTextBrowser):
    """Signals:
        filterRequested(str): "vlan:<id>" or "segment:<id>", from a click in the legend.
    """

    filterRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.anchorClicked.connect(lambda url: self.filterRequested.emit(url.toString()))

    def show_graph(self, graph: TopologyGraph, theme: TopologyTheme) -> None:
        document = self.document()
        ratio = self.devicePixelRatioF()
        for name in ("access", "trunk", "nat", "inactive"):
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(f"legend:{name}"), _line_sample(name, theme, ratio))
        for number, segment in enumerate(graph.segments, start=1):
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(f"legend:s{number}"),
                                 _badge_image(number, theme.vlan(segment.vlan), ratio))
        link = theme.text.name()
        parts = [f"<style>a {{ color: {link}; text-decoration: none; }}</style>"]
        swatches = [_swatch(theme.stroke.name(), Topology.tr("untagged"))]
        vlan_text = Topology.tr("VLAN %s")
        swatches += [f'<a href="vlan:{vlan}">{_swatch(theme.vlan(vlan).name(), vlan_text % vlan)}'
                     "</a>" for vlan in vlans_of(graph)]
        parts.append("<p>" + " &nbsp; ".join(swatches) + "</p>")
        lines = [("access", Topology.tr("access port (one VLAN)")),
                 ("trunk", Topology.tr("trunk (tagged VLANs)")),
                 ("nat", Topology.tr("NAT / routed (not layer 2)")),
                 ("inactive", Topology.tr("inactive"))]
        cells = [f'<td><img src="legend:{name}" width="{SAMPLE_SIZE[0]}" '
                 f'height="{SAMPLE_SIZE[1]}">&nbsp;{_unbroken(text)}&nbsp;&nbsp;</td>'
                 for name, text in lines]  # a 2 x 2 table: a sample never leaves its text
        parts.append(f"<table><tr>{cells[0]}{cells[1]}</tr><tr>{cells[2]}{cells[3]}</tr>"
                     "</table>")
        if graph.segments:
            heading = escape(Topology.tr("Layer-2 segments"))
            hint = escape(Topology.tr("(click one to show only it)"))
            uplink, members_label = escape(Topology.tr("uplink")), escape(Topology.tr("members"))
            parts.append(f"<p><b>{heading}</b> <small>{hint}</small></p><p>")
            for number, segment in enumerate(graph.segments, start=1):
                members = ", ".join(segment.members)
                label = translate_message(segment.label_message)
                notes = "".join(f" <i>({escape(translate_message(note))})</i>"
                                for note in segment.notes)
                parts.append(
                    f'<img src="legend:s{number}" width="26" height="15"> '
                    f'<a href="segment:{escape(segment.id)}"><b>{escape(label)}</b></a>'
                    f" — {uplink}: {escape(translate_message(segment.uplink.text))}"
                    f" — {members_label}: {escape(members)}{notes}<br>")
            parts.append("</p>")
        if graph.warnings:
            warning = theme.warning.name()
            heading = escape(Topology.tr("Warnings"))
            parts.append(f'<p><b style="color:{warning}">{heading}</b></p><ul>')
            parts += [f"<li>{escape(translate_template(w.template, w.args))}</li>"
                      for w in graph.warnings]
            parts.append("</ul>")
        self.setHtml("".join(parts))


def _unbroken(text: str) -> str:
    """Keep a legend entry on one line; the text wraps between entries."""
    return escape(text).replace(" ", "&nbsp;")


def _swatch(color: str, text: str) -> str:
    return f'<span style="color:{color}; font-size:large">■</span>&nbsp;{_unbroken(text)}'


def _image(size: tuple[int, int], ratio: float) -> QImage:
    image = QImage(int(size[0] * ratio), int(size[1] * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    return image


def _line_sample(name: str, theme: TopologyTheme, ratio: float) -> QImage:
    image = _image(SAMPLE_SIZE, ratio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    y, end = SAMPLE_SIZE[1] / 2, SAMPLE_SIZE[0] - 2
    if name == "trunk":
        for offset, vlan in ((-1.6, 10), (1.6, 20)):
            painter.setPen(QPen(theme.vlan(vlan), 2))
            painter.drawLine(QPointF(2, y + offset), QPointF(end, y + offset))
    else:
        # most inactive links are untagged (a shut-off guest's NIC): grey, like in the view
        color = QColor({"nat": theme.muted, "inactive": theme.stroke}.get(name, theme.vlan(10)))
        width = 1.6 if name == "nat" else 3.0
        pen = QPen(color, width)
        if name == "nat":
            pen.setDashPattern([7 / width, 4 / width])
        elif name == "inactive":
            color.setAlphaF(0.45)
            pen.setColor(color)
            pen.setDashPattern([2 / width, 3 / width])
        painter.setPen(pen)
        painter.drawLine(QPointF(2, y), QPointF(end, y))
    painter.end()
    return image


def _badge_image(number: int, color: QColor, ratio: float) -> QImage:
    image = _image((26, 15), ratio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_badge(painter, QRectF(1, 1, 24, 13), number, color)
    painter.end()
    return image
