"""Wires live performance into the main window: one sampler per connection, the Performance and
Host CPU tabs, the sparkline columns and their View-menu action.

    feature = install_performance(window, model)   # once, after the window is built
    view_menu.addAction(feature.sparklines_action)

Interval, history length and the sparkline switch are the window's Preferences
(stats_interval_s, history_s, sparklines): changing them anywhere applies them here.
"""

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QRect
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from kvmgui.stats.config import SamplingConfig
from kvmgui.stats.ringbuffer import FloatArray
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.performance.host_page import HostCpuPage
from kvmgui.ui.performance.performance_page import DomainPerformancePage
from kvmgui.ui.performance.sparkline_delegate import SparklineDelegate
from kvmgui.ui.preferences import MAX_INTERVAL_S
from kvmgui.ui.roles import Column, NodeKind, Role
from kvmgui.virt.connection import Connection
from kvmgui.virt.sampler import StatsSampler

SPARKLINE_COLUMN_WIDTH = 130
_OUR_PREFERENCES = frozenset({"stats_interval_s", "history_s", "sparklines"})


class PerformanceFeature(QObject):
    """Owns the samplers and the performance widgets of one main window."""

    def __init__(self, window: MainWindow, model: InventoryModel) -> None:
        super().__init__(window)
        self._window = window
        self._model = model
        self._preferences = window.preferences
        values = self._preferences.values()
        self._config = SamplingConfig.create(values.stats_interval_s, values.history_s)
        self._sparklines = values.sparklines
        self.samplers: dict[str, StatsSampler] = {}
        self.performance_page = DomainPerformancePage(self.sampler)
        self.performance_page.intervalRequested.connect(self.set_interval)
        self.host_page = HostCpuPage(self.sampler, model)
        self.sparkline_delegate = SparklineDelegate(self._sparkline, window.tree)
        self.sparklines_action = QAction(self.tr("Show CPU and memory sparklines"), self)
        self.sparklines_action.setCheckable(True)
        self.sparklines_action.setChecked(self._sparklines)
        self.sparklines_action.setToolTip(self.tr(
            "Sample every running domain and draw its recent CPU and memory use in the list"))
        self.sparklines_action.toggled.connect(self.set_sparklines)
        for column in window.sparkline_columns:
            window.tree.setItemDelegateForColumn(column, self.sparkline_delegate)
        self._apply_sparkline_columns()
        for conn in model.connections():
            self._add_sampler(conn)
        model.rowsInserted.connect(self._rows_inserted)
        model.rowsAboutToBeRemoved.connect(self._rows_removed)
        window.tree.selectionModel().currentChanged.connect(self._current_changed)
        self._preferences.changed.connect(self._preferences_changed)
        window.closing.connect(self.shutdown)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # ---- public ------------------------------------------------------------------------------

    def sampler(self, uri: str) -> StatsSampler | None:
        return self.samplers.get(uri)

    @property
    def config(self) -> SamplingConfig:
        return self._config

    @property
    def interval_s(self) -> float:
        return self._config.interval_s

    def set_interval(self, seconds: float) -> None:
        """Sample every `seconds` (clamped to what the preferences allow); saved."""
        interval = min(SamplingConfig.create(seconds).interval_s, MAX_INTERVAL_S)
        self._preferences.update(stats_interval_s=interval)  # comes back as `changed`

    @property
    def sparklines(self) -> bool:
        return self._sparklines

    def set_sparklines(self, enabled: bool) -> None:
        """Show the CPU and memory sparkline columns (and sample every running domain); saved."""
        self._preferences.update(sparklines=enabled)  # comes back as `changed`

    def memory_bytes(self) -> int:
        """Bytes held by all sampled histories (domains and hosts)."""
        hosts = sum(h.memory_bytes() for h in self.host_page.histories.values())
        return hosts + sum(s.memory_bytes() for s in self.samplers.values())

    def shutdown(self) -> None:
        for sampler in self.samplers.values():
            sampler.stop()

    # ---- internals ---------------------------------------------------------------------------

    def _preferences_changed(self, names: frozenset[str]) -> None:
        if not names & _OUR_PREFERENCES:
            return
        values = self._preferences.values()
        config = SamplingConfig.create(values.stats_interval_s, values.history_s)
        if config != self._config:
            self._config = config
            for sampler in self.samplers.values():
                sampler.set_config(config)
            self.performance_page.show_interval(config.interval_s)
        if values.sparklines != self._sparklines:
            self._sparklines = values.sparklines
            self.sparklines_action.blockSignals(True)
            self.sparklines_action.setChecked(values.sparklines)
            self.sparklines_action.blockSignals(False)
            self._apply_sparkline_columns()
            for sampler in self.samplers.values():
                sampler.set_sample_all(values.sparklines)

    def _add_sampler(self, conn: Connection) -> None:
        if conn.uri in self.samplers:
            return
        sampler = StatsSampler(conn, self._config, sample_all=self._sparklines, parent=self)
        sampler.sampled.connect(self._repaint_sparklines)
        self.samplers[conn.uri] = sampler

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return  # only top-level rows are connections
        for row in range(first, last + 1):
            conn = self._model.connection(str(self._model.index(row, 0).data(Role.KEY)))
            if conn is not None:
                self._add_sampler(conn)

    def _rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        for row in range(first, last + 1):
            uri = str(self._model.index(row, 0).data(Role.KEY))
            sampler = self.samplers.pop(uri, None)
            if self.performance_page.sampler is sampler is not None:
                self.performance_page.release()
            if self.host_page.uri == uri:
                self.host_page.release()
            if sampler is not None:
                sampler.stop()
                sampler.deleteLater()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.data(Role.KIND) != NodeKind.DOMAIN:
            self.performance_page.release()  # its tab is hidden: stop sampling for it

    def _sparkline(self, uri: str, uuid: str, samples: int) -> FloatArray | None:
        sampler = self.samplers.get(uri)
        return sampler.sparkline(uuid, samples) if sampler is not None else None

    def _apply_sparkline_columns(self) -> None:
        header = self._window.tree.header()
        after = header.visualIndex(Column.MEMORY)
        for column in self._window.sparkline_columns:
            header.setSectionHidden(column, not self._sparklines)
            if not self._sparklines:
                continue
            if header.sectionSize(column) < SPARKLINE_COLUMN_WIDTH:
                header.resizeSection(column, SPARKLINE_COLUMN_WIDTH)
            # Next to the domain columns, not past the pool and network ones at the far right.
            after += 1
            if header.visualIndex(column) != after:
                header.moveSection(header.visualIndex(column), after)

    def _repaint_sparklines(self) -> None:
        """Repaint just the sparkline columns of the rows on screen (not the whole tree)."""
        if not self._sparklines or not self._window.tree.isVisible():
            return
        header = self._window.tree.header()
        viewport = self._window.tree.viewport()
        for column in self._window.sparkline_columns:
            left = header.sectionViewportPosition(column)
            viewport.update(QRect(left, 0, header.sectionSize(column), viewport.height()))


def install_performance(window: MainWindow, model: InventoryModel) -> PerformanceFeature:
    """Add live performance to `window` (call once, after the window is built)."""
    feature = PerformanceFeature(window, model)
    window.details.add_page(feature.performance_page,
                            QCoreApplication.translate("PerformanceFeature", "Performance"))
    window.details.add_page(feature.host_page,
                            QCoreApplication.translate("PerformanceFeature", "Host CPU"))
    return feature
