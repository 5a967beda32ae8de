"""Notice volumes created or deleted by other clients.

libvirt (9.x) emits no event when a volume is created or deleted, only pool lifecycle and
refresh events. So every few seconds one cheap call per active pool lists its volume names; a pool
whose names differ from the shown snapshot is read again and re-announced through the
connection's `poolChanged`. A check never starts while the previous one is still running, so a
hung daemon does not pile up jobs.
"""

from collections.abc import Callable

import libvirt
from PySide6.QtCore import QObject, QTimer

from kvmgui.core import log
from kvmgui.virt import fetch
from kvmgui.virt.connection import Connection
from kvmgui.core.snapshots import ConnectionState, PoolInfo

CHECK_INTERVAL_MS = 5000


class VolumeWatch(QObject):
    """Checks a connection's active pools for volume changes every CHECK_INTERVAL_MS."""

    def __init__(self, conn: Connection, shown_pools: Callable[[], list[PoolInfo]],
                 interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(conn)
        self._conn = conn
        self._shown_pools = shown_pools
        self._busy = False
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def stop(self) -> None:
        """No more checks (the connection is being shut down or removed)."""
        self._timer.stop()

    def check(self) -> None:
        if self._busy or self._conn.state != ConnectionState.CONNECTED:
            return
        expected = {p.uuid: frozenset(v.name for v in p.volumes)
                    for p in self._shown_pools() if p.active}
        if not expected:
            return
        self._busy = True
        self._conn.run(lambda c: _changed_pools(c, expected), self._changed, self._failed)

    def _changed(self, pools: list[PoolInfo]) -> None:
        self._busy = False
        for pool in pools:
            self._conn.poolChanged.emit(pool)

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        log.virt.debug("volume check on %s failed: %s", self._conn.uri, exc)


def _changed_pools(conn: libvirt.virConnect, expected: dict[str, frozenset[str]]) -> list[PoolInfo]:
    """Worker thread: fresh snapshots of the pools whose volume names changed."""
    changed = []
    for uuid, names in expected.items():
        try:
            pool = conn.storagePoolLookupByUUIDString(uuid)
            if frozenset(pool.listVolumes()) != names:
                changed.append(fetch.pool_info(pool))
        except libvirt.libvirtError as err:
            if not fetch.is_gone(err):
                raise  # a vanished pool is reported by its own lifecycle event
    return changed
