"""Which connections exist: adds and removes them in the model and in the saved settings."""

from PySide6.QtCore import QObject

from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.settings import ConnectionSettings, SavedConnection
from kvmgui.virt.auth import AskCredentials
from kvmgui.virt.connection import Connection
from kvmgui.core.snapshots import ConnectionState
from kvmgui.virt.volume_watch import VolumeWatch


class ConnectionManager(QObject):
    """Every connection it makes answers libvirt's auth prompts through `ask_credentials`.

    Connections given on the command line are shown but not saved; the Add Connection dialog
    saves what it adds, and "Connect automatically" is a flag of the saved entry.
    """

    def __init__(self, model: InventoryModel, settings: ConnectionSettings,
                 ask_credentials: AskCredentials | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.settings = settings
        self._ask_credentials = ask_credentials
        self._retired: list[Connection] = []  # removed, kept until their workers have closed
        self._volume_watches: dict[str, VolumeWatch] = {}

    def add(self, uri: str) -> Connection:
        """Show `uri` in the tree (not opened yet); an already shown URI is returned as is."""
        existing = self.model.connection(uri)
        if existing is not None:
            return existing
        conn = Connection(uri, self.model, self._ask_credentials)
        self.model.add_connection(conn)
        # Owned by conn: libvirt has no volume events.
        self._volume_watches[uri] = VolumeWatch(conn, lambda: self.model.pools(uri))
        return conn

    def add_saved(self, uri: str, autoconnect: bool) -> Connection:
        """Add `uri`, remember it for the next start, and open it."""
        self.settings.put(SavedConnection(uri, autoconnect))
        conn = self.add(uri)
        if conn.state not in (ConnectionState.CONNECTED, ConnectionState.CONNECTING):
            conn.open()
        return conn

    def remove(self, uri: str) -> None:
        """Close the connection, drop it from the tree and from the saved connections."""
        conn = self.model.connection(uri)
        self.settings.remove(uri)
        if conn is None:
            return
        self.model.remove_connection(uri)
        self._volume_watches.pop(uri).stop()
        conn.shutdown()
        self._retired.append(conn)  # its worker may still deliver a last callback

    def shutdown(self) -> None:
        """Application exit: stop the volume checks and every connection's workers."""
        for watch in self._volume_watches.values():
            watch.stop()
        for conn in self.model.connections():
            conn.shutdown()

    def is_saved(self, uri: str) -> bool:
        return self.settings.find(uri) is not None

    def autoconnect(self, uri: str) -> bool:
        saved = self.settings.find(uri)
        return saved is not None and saved.autoconnect

    def set_autoconnect(self, uri: str, on: bool) -> None:
        self.settings.set_autoconnect(uri, on)
