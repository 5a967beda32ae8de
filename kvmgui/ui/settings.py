"""Saved connections in QSettings (the connection manager edits them; start-up reads them), and
the one reader of the confirmation preference (kvmgui/ui/preferences.py edits it)."""

from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings

from kvmgui.core.uris import without_password


@dataclass(frozen=True, slots=True)
class SavedConnection:
    uri: str
    autoconnect: bool = True


class ConnectionSettings:
    """The list of saved connections, stored as an array under "connections"."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def load(self) -> list[SavedConnection]:
        count = self._settings.beginReadArray("connections")
        saved = []
        for i in range(count):
            self._settings.setArrayIndex(i)
            # A password saved by an older version is dropped: kvmgui keeps none.
            uri = without_password(str(self._settings.value("uri", "")))[0]
            if uri:
                autoconnect = str(self._settings.value("autoconnect", "true")).lower() == "true"
                saved.append(SavedConnection(uri, autoconnect))
        self._settings.endArray()
        return saved

    def save(self, connections: list[SavedConnection]) -> None:
        self._settings.remove("connections")  # no stale entries past the new end
        self._settings.beginWriteArray("connections", len(connections))
        for i, conn in enumerate(connections):
            self._settings.setArrayIndex(i)
            self._settings.setValue("uri", without_password(conn.uri)[0])
            self._settings.setValue("autoconnect", "true" if conn.autoconnect else "false")
        self._settings.endArray()
        self._settings.sync()

    def put(self, connection: SavedConnection) -> None:
        """Add a connection, or update the saved one with the same URI (keeping its place)."""
        saved = self.load()
        for i, old in enumerate(saved):
            if old.uri == connection.uri:
                saved[i] = connection
                break
        else:
            saved.append(connection)
        self.save(saved)

    def remove(self, uri: str) -> None:
        self.save([c for c in self.load() if c.uri != uri])

    def set_autoconnect(self, uri: str, autoconnect: bool) -> None:
        """Save (or update) `uri` with this autoconnect flag."""
        current = next((c for c in self.load() if c.uri == uri), SavedConnection(uri))
        self.put(replace(current, autoconnect=autoconnect))

    def find(self, uri: str) -> SavedConnection | None:
        return next((c for c in self.load() if c.uri == uri), None)


CONFIRM_DESTRUCTIVE_KEY = "confirm/destructive"


def confirm_destructive(settings: QSettings) -> bool:
    """Whether destructive actions ask first (a preference; default on). The only place that
    reads the key: `preferences.read_preferences` uses it too."""
    return str(settings.value(CONFIRM_DESTRUCTIVE_KEY, "true")).lower() == "true"
