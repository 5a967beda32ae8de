"""Time-series charts (pyqtgraph): stacked plots sharing one wall-clock axis, with theme colours
and a hover read-out of every curve's value at the cursor.

Legends sit in each plot's title row, wrapped to the plot's width, never over the lines.

Imported lazily by the pages (pyqtgraph costs ~0.3 s of start-up), so the window opens without it.
"""

import html
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kvmgui.stats.ringbuffer import FloatArray
from kvmgui.ui.performance.theme import ChartTheme, chart_theme
from kvmgui.ui.theme import ThemeWatcher

ValueFormat = Callable[[float], str]
LEGEND_POINT_SIZE = 8
TITLE_POINT_SIZE = 9
AXIS_WIDTH = 62


@dataclass(frozen=True, slots=True)
class CurveSpec:
    """One line: `key` names its data in `TimePlot.set_data`; colour is an index into the theme."""

    key: str
    label: str
    color: int
    dashed: bool = False
    width: float = 1.0
    in_legend: bool = True  # 64 vCPU entries would bury the plot; the hover still names them


class TimePlot:
    """One plot of a `ChartPanel`: named curves over wall-clock seconds."""

    def __init__(self, item: pg.PlotItem, title: str, axis_label: str, axis_units: str | None,
                 fmt: ValueFormat, min_top: float) -> None:
        self.item = item
        self.title = title
        self.fmt = fmt
        self._min_top = min_top
        self._specs: tuple[CurveSpec, ...] = ()
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._x: FloatArray = np.empty(0)
        self._ys: dict[str, FloatArray] = {}
        self._theme: ChartTheme | None = None
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        item.disableAutoRange()
        # No pyqtgraph grid: it is drawn by the axes across the whole plot, so every new point
        # repaints the axes too (2/3 of a redraw's cost). A few horizontal lines do the same job.
        self._grid: list[pg.InfiniteLine] = []
        self._top = 0.0
        item.getAxis("bottom").enableAutoSIPrefix(False)
        left = item.getAxis("left")
        left.setLabel(axis_label, units=axis_units)
        left.enableAutoSIPrefix(axis_units is not None)
        left.setWidth(AXIS_WIDTH)  # the same for every plot, so their time axes line up
        self._title_width = 400.0  # the panel's width, told by ChartPanel.resizeEvent
        self.crosshair = pg.InfiniteLine(angle=90, movable=False)
        self.crosshair.setVisible(False)
        item.addItem(self.crosshair, ignoreBounds=True)
        self.readout = pg.TextItem(anchor=(0, 0))
        self.readout.setVisible(False)
        item.addItem(self.readout, ignoreBounds=True)
        self._render_title()

    # ---- content -----------------------------------------------------------------------------

    def set_curves(self, specs: Sequence[CurveSpec]) -> None:
        """The lines to show (rebuilt only when they change)."""
        specs = tuple(specs)
        if specs == self._specs:
            return
        for curve in self._curves.values():
            self.item.removeItem(curve)
        self._specs = specs
        self._curves = {
            spec.key: self.item.plot(connect="finite", skipFiniteCheck=True) for spec in specs
        }
        if self._theme is not None:
            self.apply_theme(self._theme)
        else:
            self._render_title()

    def fit_legend(self, width: float) -> None:
        """Re-wrap the legend for a chart `width` pixels wide."""
        if abs(width - self._title_width) > 1:
            self._title_width = width
            self._render_title()

    def _render_title(self) -> None:
        """Title, then one entry per curve ("━━ Total"), wrapped into lines that fit."""
        width = self._title_width - AXIS_WIDTH - 16
        small = QFontMetrics(QFont(QApplication.font().family(), LEGEND_POINT_SIZE))
        big = QFontMetrics(QFont(QApplication.font().family(), TITLE_POINT_SIZE))
        lines = [[html.escape(self.title)]]
        used = float(big.horizontalAdvance(self.title))
        for spec in self._specs:
            if not spec.in_legend:
                continue
            mark = "╍╍" if spec.dashed else "━━"
            text = f"{mark} {spec.label}"
            needed = small.horizontalAdvance(text) + small.horizontalAdvance("   ")
            if used + needed > width:
                lines.append([])
                used = 0.0
            color = self._theme.color(spec.color).name() if self._theme else "#808080"
            lines[-1].append(f"<span style='font-size:{LEGEND_POINT_SIZE}pt'><span style='color:"
                             f"{color}'>{mark}</span>&nbsp;{html.escape(spec.label)}</span>")
            used += needed
        foreground = self._theme.foreground if self._theme else None
        self.item.setTitle("<br>".join("&nbsp;&nbsp; ".join(parts) for parts in lines),
                           size=f"{TITLE_POINT_SIZE}pt", color=foreground)
        height = 8 + big.height() + (len(lines) - 1) * small.lineSpacing()
        self.item.titleLabel.setMaximumHeight(height)
        self.item.layout.setRowFixedHeight(0, height)

    @property
    def curve_keys(self) -> list[str]:
        return [spec.key for spec in self._specs]

    def curve_data(self, key: str) -> tuple[FloatArray, FloatArray]:
        """The (x, y) arrays the curve `key` shows."""
        return self._x, self._ys.get(key, np.empty(0))

    def set_data(self, x: FloatArray, ys: Mapping[str, FloatArray],
                 x_range: tuple[float, float], top: float | None = None) -> None:
        """Show `ys[key]` against `x` for every curve, with `x_range` in view. The y range starts
        at 0 and reaches the largest visible value (or `top`, or the plot's minimum)."""
        self._x = np.array(x, dtype=np.float64)  # own copies: ring buffer views change
        self._ys = {key: np.array(ys[key], dtype=np.float64) for key in self._curves if key in ys}
        for key, curve in self._curves.items():
            y = self._ys.get(key)
            if y is None or not len(y):
                curve.setData([], [])
            else:
                curve.setData(self._x, y, connect="finite")
        self.item.setXRange(*x_range, padding=0)
        peak = max([self._min_top, top or 0.0, *(_finite_max(y) for y in self._ys.values())])
        top_of_range = nice_ceiling(peak * 1.05)
        if top_of_range != self._top:  # steady scale: the y axis is not redrawn every tick
            self._top = top_of_range
            self.item.setYRange(0, top_of_range, padding=0)
            self._update_grid()

    def clear(self) -> None:
        """No data on show (another domain, still without samples); the curves stay."""
        self._x, self._ys = np.empty(0), {}
        for curve in self._curves.values():
            curve.setData([], [])
        self.hide_hover()

    def _update_grid(self) -> None:
        axis = self.item.getAxis("left")
        levels = axis.tickValues(0.0, self._top, max(1.0, float(self.item.vb.height())))
        values = [v for v in levels[0][1] if 0 < v < self._top] if levels else []
        while len(self._grid) < len(values):
            line = pg.InfiniteLine(angle=0, movable=False)
            line.setZValue(-10)
            self.item.addItem(line, ignoreBounds=True)
            self._grid.append(line)
        for line, value in zip(self._grid, values, strict=False):
            line.setPos(value)
        for i, line in enumerate(self._grid):
            line.setVisible(i < len(values))
        if self._theme is not None:
            self._color_grid(self._theme)

    def _color_grid(self, theme: ChartTheme) -> None:
        for line in self._grid:
            line.setPen(pg.mkPen(theme.grid, width=1))

    # ---- hover -------------------------------------------------------------------------------

    def values_at(self, x: float) -> tuple[float, list[tuple[str, str]]] | None:
        """The sample nearest to `x`: its time and each curve's formatted value there."""
        if not len(self._x):
            return None
        i = int(np.clip(np.searchsorted(self._x, x), 0, len(self._x) - 1))
        if i > 0 and abs(self._x[i - 1] - x) < abs(self._x[i] - x):
            i -= 1
        values = []
        for spec in self._specs:
            y = self._ys.get(spec.key)
            value = float(y[i]) if y is not None and i < len(y) else float("nan")
            values.append((spec.label, self.fmt(value) if np.isfinite(value) else "–"))
        return float(self._x[i]), values

    def show_hover(self, x: float, with_text: bool) -> None:
        self.crosshair.setPos(x)
        self.crosshair.setVisible(True)
        found = self.values_at(x) if with_text else None
        if found is None:
            self.readout.setVisible(False)
            return
        when, values = found
        lines = [time.strftime("%H:%M:%S", time.localtime(when))]
        lines += [f"{label}: {value}" for label, value in values]
        self.readout.setText("\n".join(lines))
        (x0, x1), (_y0, y1) = self.item.viewRange()
        self.readout.setAnchor((1, 0) if x > (x0 + x1) / 2 else (0, 0))
        self.readout.setPos(x, y1)
        self.readout.setVisible(True)

    def hide_hover(self) -> None:
        self.crosshair.setVisible(False)
        self.readout.setVisible(False)

    # ---- theme -------------------------------------------------------------------------------

    def apply_theme(self, theme: ChartTheme) -> None:
        self._theme = theme
        for name in ("left", "bottom"):
            axis = self.item.getAxis(name)
            axis.setPen(theme.foreground)
            axis.setTextPen(theme.foreground)
        for spec in self._specs:
            style = Qt.PenStyle.DashLine if spec.dashed else Qt.PenStyle.SolidLine
            self._curves[spec.key].setPen(
                pg.mkPen(theme.color(spec.color), width=spec.width, style=style))
        self._render_title()
        readout_fill = QColor(theme.background)
        readout_fill.setAlphaF(0.85)
        self.crosshair.setPen(pg.mkPen(theme.foreground, style=Qt.PenStyle.DotLine))
        self.readout.setColor(theme.foreground)
        self.readout.fill = pg.mkBrush(readout_fill)
        self.readout.border = pg.mkPen(theme.grid)
        self._color_grid(theme)


class ChartPanel(QWidget):
    """Plots stacked vertically with one shared, linked time axis at the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.ci.setContentsMargins(2, 2, 6, 2)
        self.view.ci.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.plots: list[TimePlot] = []
        self.view.scene().sigMouseMoved.connect(self._hover)
        self._theme = chart_theme(self.palette())
        self.view.setBackground(self._theme.background)
        self._theme_watcher = ThemeWatcher(self)
        self._theme_watcher.changed.connect(lambda _dark: self._retheme())

    def add_plot(self, title: str, axis_label: str, axis_units: str | None, fmt: ValueFormat,
                 min_top: float = 1.0) -> TimePlot:
        axis = pg.DateAxisItem(orientation="bottom")
        item = self.view.addPlot(row=len(self.plots), col=0, axisItems={"bottom": axis})
        # pyqtgraph makes each plot an options menu without a parent (ours is never shown):
        # owned by this panel, it goes with the panel instead of outliving the window.
        item.ctrlMenu.setParent(self, item.ctrlMenu.windowFlags())
        plot = TimePlot(item, title, axis_label, axis_units, fmt, min_top)
        if self.plots:
            item.setXLink(self.plots[0].item)
            self.plots[-1].item.hideAxis("bottom")  # one time axis, under the last plot
        self.plots.append(plot)
        plot.fit_legend(float(self.view.width()))
        plot.apply_theme(self._theme)
        return plot

    @property
    def theme(self) -> ChartTheme:
        return self._theme

    def _retheme(self) -> None:
        """The application switched between light and dark (or another palette)."""
        self._theme = chart_theme(QApplication.palette(self))
        self.view.setBackground(self._theme.background)
        for plot in self.plots:
            plot.apply_theme(self._theme)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for plot in self.plots:
            plot.fit_legend(float(self.view.width()))

    def leaveEvent(self, event: QEvent) -> None:
        for plot in self.plots:
            plot.hide_hover()
        super().leaveEvent(event)

    def _hover(self, pos: QPointF) -> None:
        hovered = next((p for p in self.plots if p.item.vb.sceneBoundingRect().contains(pos)), None)
        if hovered is None:
            for plot in self.plots:
                plot.hide_hover()
            return
        x = hovered.item.vb.mapSceneToView(pos).x()
        for plot in self.plots:
            plot.show_hover(x, with_text=plot is hovered)


def _finite_max(values: FloatArray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite.max()) if finite.size else 0.0


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is at least `value`."""
    if value <= 0 or not math.isfinite(value):
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(value))
    for step in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if step * magnitude >= value * (1 - 1e-9):
            return step * magnitude
    return 10.0 * magnitude


def percent(value: float) -> str:
    return f"{value:.1f} %"


def rate(value: float) -> str:
    return str(pg.siFormat(value, precision=3, suffix="B/s"))


def ratio(value: float) -> str:
    return f"{value:.2f}×"
