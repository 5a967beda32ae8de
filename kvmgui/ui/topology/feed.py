"""Keeps one connection's topology current, cheaply.

Events (domain started or stopped, a NIC added, a network started, a full reload) mark the
topology stale; a short single-shot timer folds a burst of events into one re-read. The read,
the graph and its layout all run on the connection's worker (`Connection.run`), never on the
GUI thread, and only while someone is looking: a hidden page just remembers that it is stale.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from kvmgui.ui.topology.texts import Topology
from kvmgui.virt.connection import Connection
from kvmgui.virt.errors import error_text
from kvmgui.virt.topology_source import TopologySnapshot, read_topology

COALESCE_MS = 300


class TopologyFeed(QObject):
    """Signals:
        loading(): a read has started.
        ready(TopologySnapshot): a fresh topology of the watched connection.
        failed(str): the read failed (not connected, the daemon went away, ...).
    """

    loading = Signal()
    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connection: Connection | None = None
        self.stale = True
        self._active = False
        self._in_flight = False
        self._generation = 0  # results of an earlier connection are dropped
        self._timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._timer.timeout.connect(self._read)

    def watch(self, connection: Connection | None) -> None:
        """Follow `connection` (None: nothing); its topology is read when active."""
        if connection is self.connection:
            return
        if self.connection is not None:
            for signal in self._signals(self.connection):
                signal.disconnect(self.invalidate)
        self.connection = connection
        self._generation += 1
        self._in_flight = False
        self.stale = True
        if connection is not None:
            for signal in self._signals(connection):
                signal.connect(self.invalidate)
            self._start_if_needed(immediately=True)

    def set_active(self, active: bool) -> None:
        """Only an active feed reads; activating a stale one reads at once."""
        self._active = active
        if active:
            self._start_if_needed(immediately=True)
        else:
            self._timer.stop()

    def invalidate(self, *_args: object) -> None:
        """Something changed: re-read soon (folded with further events)."""
        self.stale = True
        self._start_if_needed(immediately=False)

    @staticmethod
    def _signals(connection: Connection) -> tuple[SignalInstance, ...]:
        # stateChanged: a lost connection shows as such (the read fails with its reason)
        return (connection.domainChanged, connection.domainRemoved, connection.networkChanged,
                connection.networkRemoved, connection.inventoryLoaded, connection.stateChanged)

    def _start_if_needed(self, *, immediately: bool) -> None:
        if not (self._active and self.stale and self.connection is not None):
            return
        if immediately:
            self._timer.start(0)
        elif not self._timer.isActive():
            self._timer.start()

    def _read(self) -> None:
        connection = self.connection
        if connection is None or not self._active:
            return
        if self._in_flight:
            return  # `_done` reads again: `stale` is still set
        self.stale = False
        self._in_flight = True
        generation = self._generation
        uri = connection.uri
        self.loading.emit()
        connection.run(lambda conn: read_topology(conn, uri),
                       lambda snapshot: self._done(generation, snapshot),
                       lambda error: self._failed(generation, error))

    def _current(self, generation: int) -> bool:
        """The answer is for this feed as it is now (not deleted with its window, not for a
        connection it no longer watches)."""
        return shiboken6.isValid(self) and generation == self._generation

    def _done(self, generation: int, snapshot: TopologySnapshot) -> None:
        if not self._current(generation):
            return
        self._in_flight = False
        self.ready.emit(snapshot)
        self._start_if_needed(immediately=False)  # events that arrived during the read

    def _failed(self, generation: int, error: Exception) -> None:
        if not self._current(generation):
            return
        self._in_flight = False
        self.stale = True  # the next event or showing the page tries again
        self.failed.emit(Topology.tr("Cannot read the topology: %s") % error_text(error))
