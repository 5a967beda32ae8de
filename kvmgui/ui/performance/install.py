"""Wires live performance into the main window: one sampler per connection, the Performance and
Host CPU tabs, the sparkline columns and their View-menu action.

    feature = install_performance(window, model)   # once, after the window is built
    view_menu.addAction(feature.sparklines_action)

Interval, history length and the sparkline switch are the window's Preferences
(stats_interval_s, history_s, sparklines): changing them anywhere applies them here.

Nothing of it costs start-up time: the pages are built when their tab is first shown, a
connection's sampler when something first needs its stats, and numpy and the chart modules are
imported then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QRect
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from kvmgui.stats.config import SamplingConfig
from kvmgui.ui.deferred_page import DeferredPage
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.preferences import MAX_INTERVAL_S
from kvmgui.ui.roles import Column, NodeKind, Role

if TYPE_CHECKING:
    from kvmgui.stats.ringbuffer import FloatArray
    from kvmgui.ui.performance.host_page import HostCpuPage
    from kvmgui.ui.performance.performance_page import DomainPerformancePage
    from kvmgui.ui.performance.sparkline_delegate import SparklineDelegate
    from kvmgui.virt.connection import Connection
    from kvmgui.virt.sampler import SamplerLookup, StatsSampler

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
        self._performance = DeferredPage(
            window.details, self._build_performance_page,
            QCoreApplication.translate("PerformanceFeature", "Performance"),
            (NodeKind.DOMAIN,), "performance")
        self._host = DeferredPage(
            window.details, lambda: _host_page(self.sampler, model),
            QCoreApplication.translate("PerformanceFeature", "Host CPU"),
            (NodeKind.CONNECTION,), "host-cpu")
        self.sparkline_delegate: SparklineDelegate | None = None  # made when first shown
        self._page_watch: tuple[StatsSampler, str] | None = None  # see _watch_for_page
        self.sparklines_action = QAction(self.tr("Show CPU and memory sparklines"), self)
        self.sparklines_action.setCheckable(True)
        self.sparklines_action.setChecked(self._sparklines)
        self.sparklines_action.setToolTip(self.tr(
            "Sample every running domain and draw its recent CPU and memory use in the list"))
        self.sparklines_action.toggled.connect(self.set_sparklines)
        self._apply_sparkline_columns()
        model.rowsInserted.connect(self._rows_inserted)
        model.rowsAboutToBeRemoved.connect(self._rows_removed)
        window.tree.selectionModel().currentChanged.connect(self._current_changed)
        self._preferences.changed.connect(self._preferences_changed)
        window.closing.connect(self.shutdown)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # ---- public ------------------------------------------------------------------------------

    @property
    def performance_page(self) -> DomainPerformancePage:
        """The domain's Performance page (built now if its tab has not been shown yet)."""
        return self._performance.page

    @property
    def host_page(self) -> HostCpuPage:
        """The connection's Host CPU page (built now if its tab has not been shown yet)."""
        return self._host.page

    def sampler(self, uri: str) -> StatsSampler | None:
        """The sampler of connection `uri` (made on first request), None for an unknown URI."""
        sampler = self.samplers.get(uri)
        if sampler is None:
            conn = self._model.connection(uri)
            if conn is not None:
                sampler = self._add_sampler(conn)
        return sampler

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
        host_page = self._host.built
        histories = host_page.histories.values() if host_page is not None else ()
        hosts = sum(h.memory_bytes() for h in histories)
        return hosts + sum(s.memory_bytes() for s in self.samplers.values())

    def shutdown(self) -> None:
        for sampler in self.samplers.values():
            sampler.stop()

    # ---- internals ---------------------------------------------------------------------------

    def _build_performance_page(self) -> DomainPerformancePage:
        from kvmgui.ui.performance.performance_page import DomainPerformancePage

        page = DomainPerformancePage(self.sampler)
        page.intervalRequested.connect(self.set_interval)
        page.show_interval(self._config.interval_s)
        # Once it is in its tab the page watches the current domain itself.
        self._performance.when_built(lambda _page: self._watch_for_page(QModelIndex()))
        return page

    def _preferences_changed(self, names: frozenset[str]) -> None:
        if not names & _OUR_PREFERENCES:
            return
        values = self._preferences.values()
        config = SamplingConfig.create(values.stats_interval_s, values.history_s)
        if config != self._config:
            self._config = config
            for sampler in self.samplers.values():
                sampler.set_config(config)
            if (page := self._performance.built) is not None:
                page.show_interval(config.interval_s)
        if values.sparklines != self._sparklines:
            self._sparklines = values.sparklines
            self.sparklines_action.blockSignals(True)
            self.sparklines_action.setChecked(values.sparklines)
            self.sparklines_action.blockSignals(False)
            self._apply_sparkline_columns()
            for sampler in self.samplers.values():
                sampler.set_sample_all(values.sparklines)

    def _add_sampler(self, conn: Connection) -> StatsSampler:
        from kvmgui.virt.sampler import StatsSampler

        sampler = self.samplers.get(conn.uri)
        if sampler is None:
            sampler = StatsSampler(conn, self._config, sample_all=self._sparklines, parent=self)
            sampler.sampled.connect(self._repaint_sparklines)
            self.samplers[conn.uri] = sampler
        return sampler

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid() or not self._sparklines:
            return  # only top-level rows are connections; others are sampled when asked
        from kvmgui.virt.connection import Connection

        for row in range(first, last + 1):
            # The row's own Connection: the model may list it by URI only after this signal.
            conn = self._model.index(row, 0).data(Role.SNAPSHOT)
            if isinstance(conn, Connection):
                self._add_sampler(conn)

    def _rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        for row in range(first, last + 1):
            uri = str(self._model.index(row, 0).data(Role.KEY))
            sampler = self.samplers.pop(uri, None)
            performance_page, host_page = self._performance.built, self._host.built
            if performance_page is not None and performance_page.sampler is sampler is not None:
                performance_page.release()
            if host_page is not None:
                host_page.forget(uri)
            if sampler is not None:
                sampler.stop()
                sampler.deleteLater()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        page = self._performance.built
        if page is None:
            self._watch_for_page(current)
        elif current.data(Role.KIND) != NodeKind.DOMAIN:
            page.release()  # its tab is hidden: stop sampling for it

    def _watch_for_page(self, current: QModelIndex) -> None:
        """Until the Performance page is built, sample the current domain on its behalf (as the
        page does from the moment a domain is current), so its charts have a past when shown."""
        if self._page_watch is not None:
            sampler, uuid = self._page_watch
            self._page_watch = None
            if sampler is self.samplers.get(sampler.uri):  # not gone with its connection
                sampler.unwatch(uuid)
        if current.isValid() and current.data(Role.KIND) == NodeKind.DOMAIN:
            watcher = self.sampler(str(current.data(Role.URI)))
            if watcher is not None:
                uuid = str(current.data(Role.KEY))
                watcher.watch(uuid)
                self._page_watch = (watcher, uuid)

    def _sparkline(self, uri: str, uuid: str, samples: int) -> FloatArray | None:
        sampler = self.samplers.get(uri)
        return sampler.sparkline(uuid, samples) if sampler is not None else None

    def _apply_sparkline_columns(self) -> None:
        if self._sparklines:
            self._sample_every_connection()
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

    def _sample_every_connection(self) -> None:
        """Sparklines on: every connection gets its sampler, the columns their delegate."""
        for conn in self._model.connections():
            self._add_sampler(conn)
        if self.sparkline_delegate is None:
            from kvmgui.ui.performance.sparkline_delegate import SparklineDelegate

            self.sparkline_delegate = SparklineDelegate(self._sparkline, self._window.tree)
            for column in self._window.sparkline_columns:
                self._window.tree.setItemDelegateForColumn(column, self.sparkline_delegate)

    def _repaint_sparklines(self) -> None:
        """Repaint just the sparkline columns of the rows on screen (not the whole tree)."""
        if not self._sparklines or not self._window.tree.isVisible():
            return
        header = self._window.tree.header()
        viewport = self._window.tree.viewport()
        for column in self._window.sparkline_columns:
            left = header.sectionViewportPosition(column)
            viewport.update(QRect(left, 0, header.sectionSize(column), viewport.height()))


def _host_page(samplers: SamplerLookup, model: InventoryModel) -> HostCpuPage:
    from kvmgui.ui.performance.host_page import HostCpuPage

    return HostCpuPage(samplers, model)


def install_performance(window: MainWindow, model: InventoryModel) -> PerformanceFeature:
    """Add live performance to `window` (call once, after the window is built)."""
    return PerformanceFeature(window, model)
