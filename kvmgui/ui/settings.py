"""Saved connections in QSettings (the connection manager edits them; start-up reads them)."""

from dataclasses import dataclass

from PySide6.QtCore import QSettings


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
            uri = str(self._settings.value("uri", ""))
            if uri:
                autoconnect = str(self._settings.value("autoconnect", "true")).lower() == "true"
                saved.append(SavedConnection(uri, autoconnect))
        self._settings.endArray()
        return saved

    def save(self, connections: list[SavedConnection]) -> None:
        self._settings.beginWriteArray("connections", len(connections))
        for i, conn in enumerate(connections):
            self._settings.setArrayIndex(i)
            self._settings.setValue("uri", conn.uri)
            self._settings.setValue("autoconnect", "true" if conn.autoconnect else "false")
        self._settings.endArray()
        self._settings.sync()
