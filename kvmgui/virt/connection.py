"""One libvirt connection, seen from the GUI thread.

A `Connection` never calls libvirt itself: it queues jobs on its own `SerialWorker` and re-emits the
results as Qt signals carrying snapshots. libvirt's event callbacks (on the event-loop thread) only
queue the matching refresh on the worker, which reads the object and sends its snapshot back. User
actions (a managed save or a shutdown can take long) run on a second worker, so they never delay
the refreshes events trigger.
"""

import threading
from collections.abc import Callable
from typing import Any, Literal

import libvirt
from PySide6.QtCore import QObject, QTimer, Signal

from kvmgui.core import log
from kvmgui.virt import auth, early_open, eventloop, fetch
from kvmgui.core.snapshots import ConnectionState, Inventory
from kvmgui.virt.worker import SerialWorker
from kvmgui.virt.errors import error_text

ObjectKind = Literal["domain", "pool", "network"]

# Backoff between reconnect attempts after the daemon went away, in seconds.
RECONNECT_DELAYS = (1, 2, 4, 8, 15, 30)

_DOMAIN_EVENTS = (
    "VIR_DOMAIN_EVENT_ID_LIFECYCLE", "VIR_DOMAIN_EVENT_ID_DEVICE_ADDED",
    "VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED", "VIR_DOMAIN_EVENT_ID_METADATA_CHANGE",
    "VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE",
)


class Connection(QObject):
    """A libvirt connection for one URI.

    Signals:
        stateChanged(ConnectionState, str): connecting / connected / disconnected / error, message.
        inventoryLoaded(Inventory): a complete inventory after each (re)connect or full refresh.
        domainChanged(DomainInfo) / domainRemoved(str uuid)
        poolChanged(PoolInfo) / poolRemoved(str uuid)
        networkChanged(NetworkInfo) / networkRemoved(str uuid)
    """

    stateChanged = Signal(object, str)
    inventoryLoaded = Signal(object)
    domainChanged = Signal(object)
    domainRemoved = Signal(str)
    poolChanged = Signal(object)
    poolRemoved = Signal(str)
    networkChanged = Signal(object)
    networkRemoved = Signal(str)

    # Emitted on libvirt's event-loop thread; Qt queues it to the GUI thread.
    _closedByPeer = Signal(int)

    def __init__(self, uri: str, parent: QObject | None = None,
                 ask_credentials: auth.AskCredentials | None = None) -> None:
        super().__init__(parent)
        self.uri = uri
        self.state = ConnectionState.DISCONNECTED
        self.message = ""
        self.inventory: Inventory | None = None
        # Called on the worker thread: it may block that worker, never the GUI thread.
        self._ask_credentials = ask_credentials
        self._worker = SerialWorker(f"virt {uri}", self)
        self._action_worker = SerialWorker(f"actions {uri}", self)
        self._conn: libvirt.virConnect | None = None  # set on the worker; both workers read it
        self._callback_ids: list[tuple[str, int]] = []  # worker thread only
        self._pending: set[tuple[str, str]] = set()
        self._pending_lock = threading.Lock()
        self._want_open = False
        self._retry = 0
        self._retry_timer = QTimer(self, singleShot=True)
        self._retry_timer.timeout.connect(self.open)
        self._closedByPeer.connect(self._on_closed_by_peer)

    # ---- public API (GUI thread) -------------------------------------------------------------

    def open(self) -> None:
        """Connect (in the worker) and load the inventory; reconnects by itself if the peer dies."""
        self._want_open = True
        self._retry_timer.stop()
        self._set_state(ConnectionState.CONNECTING, "")
        self._worker.submit(self._open_job, self._opened, self._open_failed)

    def close(self) -> None:
        """Disconnect on purpose: no reconnect, the inventory is dropped."""
        self._want_open = False
        self._retry_timer.stop()
        self._worker.submit(self._close_job)
        self.inventory = None
        self._set_state(ConnectionState.DISCONNECTED, "")

    def refresh(self) -> None:
        """Reload the whole inventory (objects that have no events, such as host interfaces)."""
        if self.state == ConnectionState.CONNECTED:
            self._worker.submit(self._inventory_job, self._inventory_loaded, self._inventory_failed)

    def run(self, job: Callable[[libvirt.virConnect], Any],
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None) -> None:
        """Run `job(virConnect)` on this connection's worker; callbacks arrive on the GUI thread."""
        self._worker.submit(self._bind(job), on_done, on_error)

    def run_action(self, job: Callable[[libvirt.virConnect], Any],
                   on_done: Callable[[Any], None] | None = None,
                   on_error: Callable[[Exception], None] | None = None) -> None:
        """Like `run`, on the action worker: a long action never holds up event refreshes."""
        self._action_worker.submit(self._bind(job), on_done, on_error)

    def refresh_object(self, kind: ObjectKind, key: str,
                       then: Callable[[], None] | None = None) -> None:
        """Re-read one object now (after an action: some changes fire no event) and emit its
        changed/removed signal; `then()` runs on the GUI thread afterwards, even on failure."""
        read = _reader(kind, key)

        def done(result: tuple[str, str, Any]) -> None:
            self._refreshed(result)
            if then is not None:
                then()

        def failed(exc: Exception) -> None:
            log.virt.warning("refresh of %s %s failed: %s", kind, key, error_text(exc))
            if then is not None:
                then()

        self._worker.submit(lambda: self._refresh_job(kind, key, read), done, failed)

    def shutdown(self) -> None:
        """Application exit: stop reconnecting and let the worker close the connection."""
        self._want_open = False
        self._retry_timer.stop()
        self._action_worker.stop()
        self._worker.submit(self._close_job)
        self._worker.stop()

    def _bind(self, job: Callable[[libvirt.virConnect], Any]) -> Callable[[], Any]:
        def call() -> Any:
            conn = self._conn
            if conn is None:
                raise ConnectionError(self.tr("Not connected to %s") % self.uri)
            return job(conn)
        return call

    # ---- worker-thread jobs ------------------------------------------------------------------

    def _open_job(self) -> Inventory:
        eventloop.ensure_running()
        self._close_job()
        conn = early_open.take(self.uri) or auth.open_connection(self.uri, self._ask_credentials)
        try:
            conn.setKeepAlive(5, 3)
        except libvirt.libvirtError:
            pass  # the test driver has no keepalive
        try:
            conn.registerCloseCallback(self._libvirt_closed, None)
            self._callback_ids.append(("close", 0))
        except libvirt.libvirtError:
            pass
        self._conn = conn
        self._register_events(conn)
        return fetch.inventory(conn, self.uri)

    def _register_events(self, conn: libvirt.virConnect) -> None:
        for name in _DOMAIN_EVENTS:
            event_id = getattr(libvirt, name)
            cb_id = conn.domainEventRegisterAny(None, event_id, self._libvirt_domain_event, None)
            self._callback_ids.append(("domain", cb_id))
        for event_id in (libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                         libvirt.VIR_STORAGE_POOL_EVENT_ID_REFRESH):
            cb_id = conn.storagePoolEventRegisterAny(None, event_id, self._libvirt_pool_event, None)
            self._callback_ids.append(("pool", cb_id))
        cb_id = conn.networkEventRegisterAny(
            None, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE, self._libvirt_network_event, None)
        self._callback_ids.append(("network", cb_id))

    def _close_job(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        deregister = {
            "domain": conn.domainEventDeregisterAny,
            "pool": conn.storagePoolEventDeregisterAny,
            "network": conn.networkEventDeregisterAny,
            "close": lambda _id: conn.unregisterCloseCallback(),
        }
        for kind, cb_id in self._callback_ids:
            try:
                deregister[kind](cb_id)
            except libvirt.libvirtError:
                pass  # the peer is already gone
        self._callback_ids.clear()
        try:
            conn.close()
        except libvirt.libvirtError:
            pass

    def _inventory_job(self) -> Inventory:
        if self._conn is None:
            raise ConnectionError(self.tr("Not connected to %s") % self.uri)
        return fetch.inventory(self._conn, self.uri)

    def _refresh_job(self, kind: str, key: str,
                     read: Callable[[libvirt.virConnect], Any]) -> tuple[str, str, Any]:
        with self._pending_lock:
            self._pending.discard((kind, key))
        if self._conn is None:
            raise ConnectionError(self.tr("Not connected to %s") % self.uri)
        try:
            return kind, key, read(self._conn)
        except libvirt.libvirtError as err:
            if fetch.is_gone(err):
                return kind, key, None
            raise

    # ---- libvirt event-loop thread: queue refreshes straight onto the worker ------------------
    # Not through the GUI thread: under a burst of events a busy GUI thread would delay the read
    # itself, not only the repaint.

    def _libvirt_domain_event(self, _conn: object, dom: libvirt.virDomain, *_args: object) -> None:
        uuid = dom.UUIDString()
        self._refresh("domain", uuid, _reader("domain", uuid))

    def _libvirt_pool_event(self, _conn: object, pool: libvirt.virStoragePool,
                            *_args: object) -> None:
        uuid = pool.UUIDString()
        self._refresh("pool", uuid, _reader("pool", uuid))

    def _libvirt_network_event(self, _conn: object, net: libvirt.virNetwork,
                               *_args: object) -> None:
        uuid = net.UUIDString()
        self._refresh("network", uuid, _reader("network", uuid))

    def _refresh(self, kind: str, key: str, read: Callable[[libvirt.virConnect], Any]) -> None:
        with self._pending_lock:
            if (kind, key) in self._pending:
                return  # a refresh is already queued and will read the newest state
            self._pending.add((kind, key))
        self._worker.submit(lambda: self._refresh_job(kind, key, read), self._refreshed,
                            lambda exc: log.virt.warning("refresh of %s %s failed: %s",
                                                         kind, key, error_text(exc)))

    def _libvirt_closed(self, _conn: object, reason: int, _opaque: object) -> None:
        self._closedByPeer.emit(reason)

    # ---- GUI thread --------------------------------------------------------------------------

    def _set_state(self, state: ConnectionState, message: str) -> None:
        self.state, self.message = state, message
        self.stateChanged.emit(state, message)

    def _opened(self, inventory: Inventory) -> None:
        self._retry = 0
        self._set_state(ConnectionState.CONNECTED, "")
        self._inventory_loaded(inventory)

    def _open_failed(self, exc: Exception) -> None:
        message = error_text(exc)
        log.virt.warning("cannot open %s: %s", self.uri, message)
        if self._retry > 0 and self._want_open:
            self._set_state(ConnectionState.DISCONNECTED, message)
            self._schedule_reconnect()
        else:
            self._want_open = False
            self._set_state(ConnectionState.ERROR, message)

    def _inventory_loaded(self, inventory: Inventory) -> None:
        self.inventory = inventory
        for problem in inventory.errors:
            log.virt.warning("%s: %s", self.uri, problem)
        self.inventoryLoaded.emit(inventory)  # the model fills its rows before the line below
        log.virt.info("inventory ready: %s %s", self.uri, inventory.counts())

    def _inventory_failed(self, exc: Exception) -> None:
        log.virt.warning("inventory of %s failed: %s", self.uri, error_text(exc))

    def _on_closed_by_peer(self, reason: int) -> None:
        reasons = {
            libvirt.VIR_CONNECT_CLOSE_REASON_ERROR: self.tr("connection error"),
            libvirt.VIR_CONNECT_CLOSE_REASON_EOF: self.tr("the daemon closed the connection"),
            libvirt.VIR_CONNECT_CLOSE_REASON_KEEPALIVE: self.tr("the daemon stopped answering"),
            libvirt.VIR_CONNECT_CLOSE_REASON_CLIENT: self.tr("closed by client"),
        }
        if not self._want_open:
            return
        self._worker.submit(self._close_job)
        self._set_state(ConnectionState.DISCONNECTED, reasons.get(reason, str(reason)))
        log.virt.warning("%s disconnected: %s", self.uri, self.message)
        self._retry = 0
        self._schedule_reconnect()

    def _schedule_reconnect(self) -> None:
        delay = RECONNECT_DELAYS[min(self._retry, len(RECONNECT_DELAYS) - 1)]
        self._retry += 1
        self._retry_timer.start(delay * 1000)

    def _refreshed(self, result: tuple[str, str, Any]) -> None:
        kind, key, snapshot = result
        changed, removed = {
            "domain": (self.domainChanged, self.domainRemoved),
            "pool": (self.poolChanged, self.poolRemoved),
            "network": (self.networkChanged, self.networkRemoved),
        }[kind]
        if snapshot is None:
            removed.emit(key)
        else:
            changed.emit(snapshot)



def _reader(kind: str, key: str) -> Callable[[libvirt.virConnect], Any]:
    """The worker-side function that reads one object's snapshot."""
    if kind == "domain":
        return lambda c: fetch.domain_info(c.lookupByUUIDString(key))
    if kind == "pool":
        return lambda c: fetch.pool_info(c.storagePoolLookupByUUIDString(key))
    return lambda c: fetch.network_info(c.networkLookupByUUIDString(key))
