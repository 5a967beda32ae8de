"""The Host CPU page of a connection: per-CPU usage with the vCPUs placed on each CPU, host memory,
and the CPU and memory overcommit ratios over time.

Host sampling asks every running domain where its vCPUs are, so unlike domain charts it runs only
while this page is on screen: a hidden host page costs nothing at all.
"""

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kvmgui.core import units
from kvmgui.stats.overcommit import overcommit
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.performance import labels
from kvmgui.ui.plain_text import plain_label
from kvmgui.ui.performance.host_history import (
    CPU_RATIO,
    MEMORY_RATIO,
    MEMORY_USED,
    TIME,
    HostHistory,
    cpu_series,
)
from kvmgui.ui.roles import NodeKind, Role
from kvmgui.stats.host import HostSample
from kvmgui.virt.sampler import SamplerLookup, StatsSampler

if TYPE_CHECKING:
    from kvmgui.ui.performance.charts import ChartPanel, TimePlot

LEGEND_MAX_CPUS = 16  # more CPUs: no legend entries (the hover read-out still names them)
CpuRow = tuple[str, str, str, tuple[tuple[str, str], ...]]  # label, usage, count, (vCPU, domain)


class HostCpuPage(QWidget):
    """See the module docstring. `histories` holds one HostHistory per connection shown."""

    def __init__(self, samplers: SamplerLookup, model: InventoryModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._samplers = samplers
        self._model = model
        self._uri = ""
        self._sampler: StatsSampler | None = None
        self._watching = False
        self.histories: dict[str, HostHistory] = {}
        self._redraws = 0
        self._window_s = labels.DEFAULT_WINDOW_S
        self._rows_shown: tuple[CpuRow, ...] = ()
        self._collapsed: set[str] = set()
        self.charts: ChartPanel | None = None
        self._plots: dict[str, TimePlot] = {}

        self.title = plain_label("", self)  # the host's name: data, not markup
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.cpu_tree = QTreeWidget(self)
        self.cpu_tree.setHeaderLabels([self.tr("CPU"), self.tr("Usage"), self.tr("Domain")])
        self.cpu_tree.setUniformRowHeights(True)
        header = self.cpu_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.cpu_tree.setColumnWidth(1, 64)
        self.cpu_tree.setColumnWidth(2, 120)
        self.cpu_tree.itemCollapsed.connect(lambda item: self._collapsed.add(item.text(0)))
        self.cpu_tree.itemExpanded.connect(lambda item: self._collapsed.discard(item.text(0)))
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.cpu_tree)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)

    # ---- DetailsPage protocol ----------------------------------------------------------------

    def applies_to(self, kind: NodeKind) -> bool:
        return kind == NodeKind.CONNECTION

    def show_index(self, source_index: QModelIndex) -> None:
        uri = str(source_index.data(Role.KEY))
        if uri != self._uri:
            self._set_watching(False)
            self._uri = uri
            self._rows_shown = ()
            self._set_watching(self.isVisible())
        if self.isVisible():
            self._redraw()

    def release(self) -> None:
        """The connection on show went away: stop sampling its host."""
        self._set_watching(False)
        self._uri = ""
        self._sampler = None
        self._rows_shown = ()
        self.cpu_tree.clear()

    def forget(self, uri: str) -> None:
        """Connection `uri` was removed: stop showing it and drop its history (one added again
        later starts afresh)."""
        if uri == self._uri:
            self.release()
        self.histories.pop(uri, None)

    # ---- public state ------------------------------------------------------------------------

    @property
    def uri(self) -> str:
        return self._uri

    @property
    def redraws(self) -> int:
        return self._redraws

    def cpu_rows(self) -> list[tuple[str, list[str]]]:
        """The CPU rows on show: (row text, its vCPU lines)."""
        rows = []
        for i in range(self.cpu_tree.topLevelItemCount()):
            item = self.cpu_tree.topLevelItem(i)
            if item is not None:
                rows.append((item.text(0), [item.child(j).text(0)  # type: ignore[union-attr]
                                            for j in range(item.childCount())]))
        return rows

    # ---- sampling ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.charts is None:
            self._build_charts()
        self._set_watching(True)
        self._redraw()

    def hideEvent(self, event: QHideEvent) -> None:
        self._set_watching(False)
        super().hideEvent(event)

    def _set_watching(self, on: bool) -> None:
        if on and not self._watching and self._uri:
            self._sampler = self._samplers(self._uri)
            if self._sampler is not None:
                self._sampler.hostSampled.connect(self._on_host_sample)
                self._sampler.watch_host()
                self._watching = True
        elif not on and self._watching:
            if self._sampler is not None and isValid(self._sampler):  # gone with its connection
                self._sampler.hostSampled.disconnect(self._on_host_sample)
                self._sampler.unwatch_host()
            self._watching = False

    def _on_host_sample(self, sample: HostSample) -> None:
        conn = self._model.connection(self._uri)
        host = conn.inventory.host if conn is not None and conn.inventory is not None else None
        ratio = overcommit(self._model.domains(self._uri), host.logical_cpus if host else 0,
                           host.memory_kib if host else 0)
        history = self.histories.get(self._uri)
        if history is None and self._sampler is not None:
            history = self.histories[self._uri] = HostHistory(self._sampler.config.capacity)
        if history is None:
            return
        history.append(sample.wall_time, [u.busy_pct if u else None for u in sample.cpu_usage],
                       ratio.cpu_ratio, ratio.memory_ratio,
                       sample.memory.used_pct if sample.memory else None)
        if self.isVisible():
            self._redraw()

    # ---- drawing -----------------------------------------------------------------------------

    def _build_charts(self) -> None:
        # pyqtgraph is imported only once someone looks at a chart.
        from kvmgui.ui.performance import charts

        self.charts = charts.ChartPanel(self)
        self._plots = {
            "cpu": self.charts.add_plot(self.tr("Host CPUs and memory (% busy / used)"), "%",
                                        None, charts.percent, min_top=100.0),
            "overcommit": self.charts.add_plot(
                self.tr("Overcommit (vCPUs ÷ host CPUs, guest ÷ host memory)"), "×", None,
                charts.ratio, min_top=1.2),
        }
        self.splitter.insertWidget(0, self.charts)
        self.splitter.setSizes([320, 280])

    def _redraw(self) -> None:
        sample = self._sampler.last_host if self._sampler is not None else None
        conn = self._model.connection(self._uri)
        name = conn.inventory.host.hostname if conn is not None and conn.inventory else self._uri
        self.title.setText(self.tr("Host CPUs of %s") % name)
        self.summary.setText(self._summary_text(sample))
        self._show_rows(sample)
        history = self.histories.get(self._uri)
        if self.charts is None or history is None or not len(history):
            return
        from kvmgui.ui.performance.charts import CurveSpec

        count = max(2, int(self._window_s / self._sampler.config.interval_s) + 1) \
            if self._sampler is not None else None
        x = history.view(TIME, count)
        x_range = (float(x[-1]) - self._window_s, float(x[-1]))
        cpus = [c for c in range(history.cpu_count)
                if np.isfinite(history.view(cpu_series(c), count)).any()]
        listed = len(cpus) <= LEGEND_MAX_CPUS
        specs = [CurveSpec(cpu_series(c), self.tr("CPU %d") % c, c, in_legend=listed)
                 for c in cpus]
        if np.isfinite(history.view(MEMORY_USED, count)).any():
            specs.append(CurveSpec(MEMORY_USED, self.tr("Memory"), len(cpus), dashed=True,
                                   width=2.0))
        cpu_plot = self._plots["cpu"]
        cpu_plot.set_curves(specs)
        cpu_plot.set_data(x, {s.key: history.view(s.key, count) for s in specs}, x_range)
        over = self._plots["overcommit"]
        over.set_curves([CurveSpec(CPU_RATIO, self.tr("CPU"), 0),
                         CurveSpec(MEMORY_RATIO, self.tr("Memory"), 2),
                         CurveSpec("one", self.tr("1×"), 3, dashed=True)])
        over.set_data(x, {CPU_RATIO: history.view(CPU_RATIO, count),
                          MEMORY_RATIO: history.view(MEMORY_RATIO, count),
                          "one": np.ones(len(x))}, x_range)
        self._redraws += 1

    def _summary_text(self, sample: HostSample | None) -> str:
        if sample is None:
            return self.tr("Waiting for the first host sample…")
        parts = [self.tr("%d host CPUs, %d online") % (len(sample.online), sum(sample.online))
                 if sample.online else self.tr("This driver reports no per-CPU times.")]
        history = self.histories.get(self._uri)
        if sample.online and not any(sample.cpu_usage) and history is not None \
                and len(history) > 1:
            parts.append(self.tr("CPU usage: not reported by this driver"))
        memory = sample.memory
        if memory is not None:
            parts.append(self.tr("memory: %s of %s used") % (
                units.format_kib(memory.used_kib), units.format_kib(memory.total_kib)))
        else:
            parts.append(self.tr("host memory: not reported by this driver"))
        placed = sum(len(p.vcpus) for p in sample.placements)
        parts.append(self.tr("%d vCPUs of %d running domains") % (placed, len(sample.placements)))
        return " · ".join(parts)

    def _show_rows(self, sample: HostSample | None) -> None:
        rows = _cpu_rows(sample) if sample is not None else ()
        if rows == self._rows_shown:
            return  # rebuilding a big tree every second would cost more than the sampling
        self._rows_shown = rows
        self.cpu_tree.clear()
        items = []
        for label, usage, count, children in rows:
            item = QTreeWidgetItem([label, usage, count])
            item.addChildren([QTreeWidgetItem([vcpu, "", domain]) for vcpu, domain in children])
            items.append(item)
        self.cpu_tree.addTopLevelItems(items)
        for item in items:
            item.setExpanded(item.text(0) not in self._collapsed)


def _cpu_rows(sample: HostSample) -> tuple[CpuRow, ...]:
    """One row per physical CPU (and one for vCPUs on no CPU) with the vCPUs placed on it."""
    placed: dict[int | None, list[tuple[str, str]]] = {}
    for domain in sample.placements:
        for vcpu in domain.vcpus:
            text = labels.vcpu_placement_text(vcpu) + labels.pinned_text(vcpu)
            placed.setdefault(vcpu.cpu, []).append((text, domain.name))
    known = [c for c in placed if c is not None]
    count = max(len(sample.online), len(sample.cpu_usage), max(known, default=-1) + 1)
    rows: list[CpuRow] = []
    for cpu in range(count):
        usage = sample.cpu_usage[cpu] if cpu < len(sample.cpu_usage) else None
        online = sample.online[cpu] if cpu < len(sample.online) else None
        children = tuple(placed.get(cpu, ()))
        rows.append((labels.cpu_label(cpu, online),
                     labels.percent_text(usage.busy_pct if usage else None),
                     labels.vcpu_count_text(len(children)), children))
    if None in placed:
        children = tuple(placed[None])
        rows.append((labels.no_cpu_label(), "", labels.vcpu_count_text(len(children)), children))
    return tuple(rows)
