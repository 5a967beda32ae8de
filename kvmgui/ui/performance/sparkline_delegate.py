"""Draws a small CPU or memory history line with the latest value in the inventory tree.

Cheap by construction: it paints only rows on screen, from the sampler's SparklineStore, asking
the model for two roles (the tree repaints just these two columns once per tick; see
PerformanceFeature).
"""

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kvmgui.core import units
from kvmgui.stats.ringbuffer import FloatArray
from kvmgui.ui.performance.theme import chart_theme
from kvmgui.ui.roles import Column, Role
from kvmgui.stats.sparklines import SPARKLINE_SERIES
from kvmgui.core.snapshots import DomainInfo

SparklineLookup = Callable[[str, str, int], FloatArray | None]  # (uri, uuid, samples) -> series
PIXELS_PER_SAMPLE = 2
TEXT_WIDTH = 58  # room for "100 %" / "1023.9 MiB" at the right of the line
CPU, MEMORY_USED, MEMORY_TOTAL = range(len(SPARKLINE_SERIES))


class SparklineDelegate(QStyledItemDelegate):
    """For Column.CPU_USAGE and Column.MEMORY_USAGE of running domains."""

    def __init__(self, sparklines: SparklineLookup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sparklines = sparklines
        self._theme_key = -1
        self._colors: tuple[QColor, QColor] = (QColor(), QColor())
        self.paints = 0  # sparklines drawn, for the curious (and the benchmark)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        # No initStyleOption(): it asks the model for a dozen roles per cell. These cells have no
        # text or icon, so the background (selection included) is all the style has to draw.
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                            option.widget)
        info = index.data(Role.SNAPSHOT)
        if not isinstance(info, DomainInfo) or not info.active:
            return
        rect = QRectF(option.rect).adjusted(3, 3, -3, -3)
        line_width = max(0.0, rect.width() - TEXT_WIDTH)
        count = max(2, int(line_width // PIXELS_PER_SAMPLE))
        series = self._sparklines(str(index.data(Role.URI)), info.uuid, count)
        if series is None or not series.shape[1]:
            return
        cpu = index.column() == Column.CPU_USAGE
        if cpu:  # % of the domain's vCPUs: 100 = all of them busy
            values, top = series[CPU] / max(1, info.vcpus), 100.0
        else:
            values, top = series[MEMORY_USED], _finite_max(series[MEMORY_TOTAL])
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(option.palette.color(text_role) if selected
                            else self._line_colors(option.palette)[0 if cpu else 1], 1.2))
        _draw_line(painter, QRectF(rect.left(), rect.top(), line_width, rect.height()),
                   values, top, count)
        latest = float(values[-1])
        if math.isfinite(latest):
            text = f"{latest:.0f} %" if cpu else units.format_kib(int(latest))
            painter.setPen(option.palette.color(text_role))
            painter.drawText(rect.adjusted(line_width, 0, 0, 0),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()
        self.paints += 1

    def _line_colors(self, palette: QPalette) -> tuple[QColor, QColor]:
        """CPU and memory line colours of the chart theme, recomputed when the palette changes."""
        if palette.cacheKey() != self._theme_key:
            theme = chart_theme(palette)
            self._theme_key, self._colors = palette.cacheKey(), (theme.color(0), theme.color(2))
        return self._colors


def _finite_max(values: FloatArray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite.max()) if finite.size else 0.0


def _draw_line(painter: QPainter, rect: QRectF, values: FloatArray, top: float,
               slots: int) -> None:
    """Newest sample at the right edge; gaps (NaN) break the line."""
    if top <= 0 or rect.width() <= 0:
        return
    step = rect.width() / max(1, slots - 1)
    first_x = rect.right() - step * (len(values) - 1)
    ys = rect.bottom() - np.clip(values / top, 0.0, 1.0) * rect.height()
    run: list[QPointF] = []
    for i, y in enumerate(ys.tolist()):
        if math.isnan(y):
            _flush(painter, run)
            continue
        run.append(QPointF(first_x + i * step, y))
    _flush(painter, run)


def _flush(painter: QPainter, run: list[QPointF]) -> None:
    if len(run) == 1:
        painter.drawPoint(run[0])
    elif run:
        painter.drawPolyline(QPolygonF(run))
    run.clear()
