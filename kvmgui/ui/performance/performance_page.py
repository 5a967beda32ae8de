"""The domain Performance page: CPU, memory, disk and network charts of the current domain.

The page watches its domain on the connection's sampler while the details pane shows that domain
(so history accumulates even while another tab is in front), but redraws only while it is visible
and not paused. Charts are built on first show: pyqtgraph is imported only when needed.
"""

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kvmgui.core import log
from kvmgui.stats.history import TIME_SERIES, DomainHistory, vcpu_series
from kvmgui.stats.ringbuffer import FloatArray
from kvmgui.ui import texts
from kvmgui.ui.errors import show_error
from kvmgui.ui.performance import labels
from kvmgui.ui.performance.export_history import write_history_csv
from kvmgui.ui.plain_text import plain_label
from kvmgui.ui.roles import NodeKind, Role
from kvmgui.virt.sampler import SamplerLookup, StatsSampler
from kvmgui.core.snapshots import DomainInfo

if TYPE_CHECKING:
    from kvmgui.ui.performance.charts import ChartPanel, CurveSpec, TimePlot

KIB_PER_MIB = 1024.0
KIB_PER_GIB = 1024.0 * 1024.0
LEGEND_VCPUS = 4  # more vCPU lines than this: only "Total" in the legend, the hover names all
PLACEMENT_SHOWN = 4  # "vCPU n → … on CPU m" lines on the page; the tooltip lists them all
Line = tuple[str, str, int, bool]  # series, legend label, colour index, dashed


class DomainPerformancePage(QWidget):
    """Charts of one domain (see the module docstring).

    Signals:
        intervalRequested(float): the user picked another sampling interval (seconds).
    """

    intervalRequested = Signal(float)

    def __init__(self, samplers: SamplerLookup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._samplers = samplers
        self._sampler: StatsSampler | None = None
        self._uuid = ""
        self._index = QPersistentModelIndex()
        self._window_s: int = labels.DEFAULT_WINDOW_S
        self._shown_range: tuple[float, float] = (0.0, 0.0)
        self._drawn_uuid = ""  # whose samples the charts show ("" for none)
        self._redraws = 0
        self.charts: ChartPanel | None = None
        self._plots: dict[str, TimePlot] = {}

        self.title = plain_label("", self)  # the domain's name: data, not markup
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.window_box = QComboBox(self)
        for seconds in labels.WINDOWS_S:
            self.window_box.addItem(labels.window_text(seconds), seconds)
        self.window_box.setCurrentIndex(labels.WINDOWS_S.index(self._window_s))
        self.window_box.setToolTip(self.tr("Time window shown"))
        self.window_box.currentIndexChanged.connect(
            lambda _i: self.set_window_s(int(self.window_box.currentData())))
        self.interval_box = QComboBox(self)
        for interval in labels.INTERVALS_S:
            self.interval_box.addItem(labels.interval_text(interval), interval)
        self.interval_box.setToolTip(self.tr("How often every connection is sampled"))
        self.interval_box.activated.connect(
            lambda _i: self.intervalRequested.emit(float(self.interval_box.currentData())))
        self.pause_button = QToolButton(self)
        self.pause_button.setText(self.tr("Pause"))
        self.pause_button.setCheckable(True)
        self.pause_button.setToolTip(self.tr("Freeze the charts (sampling goes on)"))
        self.pause_button.toggled.connect(self.set_paused)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setToolTip(self.tr("Save the samples of the time window shown"))
        self.export_button.clicked.connect(self._export_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        for widget in (self.window_box, self.interval_box, self.pause_button, self.export_button):
            bar.addWidget(widget)
        self.status = QLabel(self)
        self.placement = QLabel(self)
        self.placement.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.status)
        self._layout.addWidget(self.placement)

    # ---- DetailsPage protocol ----------------------------------------------------------------

    def applies_to(self, kind: NodeKind) -> bool:
        return kind == NodeKind.DOMAIN

    def show_index(self, source_index: QModelIndex) -> None:
        self._index = QPersistentModelIndex(source_index)
        self._follow(self._samplers(str(source_index.data(Role.URI))),
                     str(source_index.data(Role.KEY)))
        self._update_texts()
        if self.isVisible():
            self._redraw()

    def release(self) -> None:
        """The details pane shows no domain any more: stop sampling for this page."""
        self._index = QPersistentModelIndex()
        self._follow(None, "")
        self._update_texts()
        self._clear_charts()

    # ---- public state ------------------------------------------------------------------------

    @property
    def uuid(self) -> str:
        return self._uuid

    @property
    def sampler(self) -> StatsSampler | None:
        """The sampler of the domain on show."""
        return self._sampler

    @property
    def redraws(self) -> int:
        """How often the charts were given new data (they are not while hidden or paused)."""
        return self._redraws

    @property
    def paused(self) -> bool:
        return self.pause_button.isChecked()

    def set_paused(self, paused: bool) -> None:
        if self.pause_button.isChecked() != paused:
            self.pause_button.setChecked(paused)  # comes back here through `toggled`
            return
        self._update_texts()
        if not paused and self.isVisible():
            self._redraw()

    @property
    def window_s(self) -> int:
        return self._window_s

    def set_window_s(self, seconds: int) -> None:
        self._window_s = seconds
        self.window_box.setCurrentIndex(self.window_box.findData(seconds))
        if self.isVisible():
            self._redraw()

    def show_interval(self, seconds: float) -> None:
        """Show the sampling interval in effect (one not offered yet is added to the choices)."""
        index = self.interval_box.findData(seconds)
        if index < 0:
            self.interval_box.addItem(labels.interval_text(seconds), seconds)
            index = self.interval_box.count() - 1
        self.interval_box.setCurrentIndex(index)

    def export_csv(self, path: str) -> int:
        """Write the samples of the window on show to `path`; returns the row count."""
        history = self._history()
        if history is None:
            raise ValueError(self.tr("There are no samples of this domain yet."))
        start, end = self._shown_range if self._shown_range[1] else self._default_range(history)
        with open(path, "w", encoding="utf-8", newline="") as stream:
            return write_history_csv(stream, history, self._uuid, self._domain_name(), start, end)

    # ---- following a domain ------------------------------------------------------------------

    def _follow(self, sampler: StatsSampler | None, uuid: str) -> None:
        if sampler is self._sampler and uuid == self._uuid:
            return
        if self._sampler is not None and isValid(self._sampler):  # gone with its connection
            self._sampler.sampled.disconnect(self._on_sampled)
            if self._uuid:
                self._sampler.unwatch(self._uuid)
        self._sampler, self._uuid = sampler, uuid
        self._shown_range = (0.0, 0.0)
        if sampler is not None:
            sampler.sampled.connect(self._on_sampled)
            if uuid:
                sampler.watch(uuid)
            self.show_interval(sampler.config.interval_s)

    def _on_sampled(self, uuids: frozenset[str]) -> None:
        if not self.isVisible():
            return  # hidden pages cost nothing but the sampling itself
        if self._uuid in uuids:
            self._redraw()
        else:
            self._update_texts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.charts is None:
            self._build_charts()
        self._redraw()

    # ---- drawing -----------------------------------------------------------------------------

    def _build_charts(self) -> None:
        # pyqtgraph is imported only once someone looks at a chart.
        from kvmgui.ui.performance import charts

        self.charts = charts.ChartPanel(self)
        self._plots = {
            "cpu": self.charts.add_plot(self.tr("CPU (% of one host CPU)"), "%", None,
                                        charts.percent, min_top=100.0),
            "memory": self.charts.add_plot(self.tr("Memory"), "MiB", None, labels.mib),
            "disk": self.charts.add_plot(self.tr("Disk I/O"), self.tr("rate"), "B/s",
                                         charts.rate, 1024.0),
            "net": self.charts.add_plot(self.tr("Network I/O"), self.tr("rate"), "B/s",
                                        charts.rate, 1024.0),
        }
        self._layout.addWidget(self.charts, 1)

    def _redraw(self) -> None:
        self._update_texts()
        history = self._history()
        if self.charts is None:
            return
        if history is None or not len(history):
            self._clear_charts()  # never another domain's charts under this one's name
            return
        if self.paused and self._drawn_uuid == self._uuid:
            return
        from kvmgui.ui.performance.charts import CurveSpec

        count = math.ceil(self._window_s / self._interval_s()) + 1
        x = history.view(TIME_SERIES, count)
        self._shown_range = (float(x[-1]) - self._window_s, float(x[-1]))
        placement = {p.vcpu: p.thread_id for p in self._sampler.placement(self._uuid)} \
            if self._sampler is not None else {}
        listed = history.vcpu_count <= LEGEND_VCPUS
        cpu = [CurveSpec("cpu_pct", self.tr("Total"), 0, width=2.0)] + [
            CurveSpec(vcpu_series(i), labels.vcpu_label(i, placement.get(i)), i + 1,
                      in_legend=listed)
            for i in range(history.vcpu_count)]
        self._draw("cpu", history, count, cpu)
        memory: list[Line] = [
            ("mem_current_kib", self.tr("Current"), 0, False),
            ("mem_usable_kib", self.tr("Usable"), 2, False),
            ("mem_rss_kib", self.tr("RSS"), 1, False),
            ("mem_maximum_kib", self.tr("Maximum"), 3, True)]
        disk: list[Line] = [
            ("disk_rd_bps", self.tr("Read"), 0, False), ("disk_wr_bps", self.tr("Write"), 1, False)]
        net: list[Line] = [("net_rx_bps", self.tr("Received"), 2, False),
                           ("net_tx_bps", self.tr("Sent"), 4, False)]
        # GiB once guests are that big: the axis then reads "8", not "8192".
        gib = _finite_max(history.view("mem_maximum_kib", count)) >= 4 * KIB_PER_GIB
        memory_plot = self._plots["memory"]
        if (memory_plot.fmt is labels.gib) != gib:
            memory_plot.fmt = labels.gib if gib else labels.mib
            memory_plot.item.getAxis("left").setLabel("GiB" if gib else "MiB")
        self._draw("memory", history, count, _specs(history, count, memory),
                   1 / (KIB_PER_GIB if gib else KIB_PER_MIB))
        self._draw("disk", history, count, _specs(history, count, disk))
        self._draw("net", history, count, _specs(history, count, net))
        self._drawn_uuid = self._uuid
        self._redraws += 1

    def _clear_charts(self) -> None:
        if self._drawn_uuid:
            for plot in self._plots.values():
                plot.clear()
            self._drawn_uuid = ""

    def _draw(self, plot: str, history: DomainHistory, count: int, specs: list["CurveSpec"],
              scale: float = 1.0) -> None:
        target = self._plots[plot]
        target.set_curves(specs)
        ys = {spec.key: history.view(spec.key, count) * scale for spec in specs}
        target.set_data(history.view(TIME_SERIES, count), ys, self._shown_range)

    # ---- texts -------------------------------------------------------------------------------

    def _update_texts(self) -> None:
        info = self._index.data(Role.SNAPSHOT) if self._index.isValid() else None
        self.title.setText(info.name if isinstance(info, DomainInfo) else "")
        self.status.setText(self._status_text(info))
        placement = self._sampler.placement(self._uuid) if self._sampler is not None else ()
        lines = [labels.vcpu_placement_text(p) for p in placement]
        # Each "vCPU n → … on CPU m" stays whole; the list wraps between them, and a big guest
        # shows the first few (all of them in the tooltip) instead of a wall of text.
        shown = [line.replace(" ", "\u00a0") for line in lines[:PLACEMENT_SHOWN]]
        if len(lines) > PLACEMENT_SHOWN:
            shown.append(self.tr("%n more", "", len(lines) - PLACEMENT_SHOWN))
        self.placement.setText(" · ".join(shown))
        self.placement.setToolTip("\n".join(lines))
        self.placement.setVisible(bool(lines))

    def _status_text(self, info: object) -> str:
        if self._sampler is None:
            return self.tr("Not connected.")
        if isinstance(info, DomainInfo) and not info.active:
            return self.tr("%s: no new samples.") % texts.domain_state(info)
        history = self._history()
        if history is None or len(history) < 2:
            return self.tr("Waiting for the first samples…")
        if self.paused:
            return self.tr("Paused: the charts are frozen, sampling goes on.")
        return self.tr("Sampled %s.") % labels.interval_text(self._interval_s())

    # ---- helpers -----------------------------------------------------------------------------

    def _history(self) -> DomainHistory | None:
        return self._sampler.history(self._uuid) if self._sampler is not None else None

    def _interval_s(self) -> float:
        return self._sampler.config.interval_s if self._sampler is not None else 1.0

    def _domain_name(self) -> str:
        info = self._index.data(Role.SNAPSHOT) if self._index.isValid() else None
        return info.name if isinstance(info, DomainInfo) else self._uuid

    def _default_range(self, history: DomainHistory) -> tuple[float, float]:
        last = history.latest(TIME_SERIES)
        return last - self._window_s, last

    def _export_clicked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export performance history"), f"{self._domain_name()}-performance.csv",
            self.tr("CSV files (*.csv);;All files (*)"))
        if not path:
            return
        try:
            rows = self.export_csv(path)
        except (OSError, ValueError) as exc:
            show_error(self, self.tr("Export failed"), str(exc))
            return
        log.ui.info("exported %d samples of %s to %s", rows, self._domain_name(), path)
        self.status.setText(self.tr("Exported %n sample(s).", "", rows))


def _finite_max(values: FloatArray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite.max()) if finite.size else 0.0


def _specs(history: DomainHistory, count: int, lines: list[Line]) -> list["CurveSpec"]:
    """Lines with data in the window (a guest without a balloon driver has no 'Usable')."""
    from kvmgui.ui.performance.charts import CurveSpec

    present = [line for line in lines if bool(np.isfinite(history.view(line[0], count)).any())]
    return [CurveSpec(key, label, color, dashed)
            for key, label, color, dashed in present or lines[:1]]
