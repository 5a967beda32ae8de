"""What the VM windows remember per domain UUID: size and place, and the page on show.

Kept in the application's QSettings (passed in); without settings (a --screenshot run, which
leaves no trace) nothing is read or written and the windows open at their defaults.
"""

from PySide6.QtCore import QByteArray, QSettings

_TABS = "tabs"  # the tabs window's own entry (UUIDs never look like this)


class WindowMemory:
    def __init__(self, settings: QSettings | None) -> None:
        self._settings = settings

    @property
    def settings(self) -> QSettings | None:
        """The application's settings the windows keep things in (None: nothing is kept)."""
        return self._settings

    def geometry(self, uuid: str) -> QByteArray | None:
        """The saved geometry of `uuid`'s window (`tabs_window()` for the tabs window)."""
        value = self._read(uuid, "geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, uuid: str, geometry: QByteArray) -> None:
        self._write(uuid, "geometry", geometry)

    def page(self, uuid: str) -> str:
        """The name of the page last shown for `uuid` ("" if none)."""
        value = self._read(uuid, "page")
        return value if isinstance(value, str) else ""

    def set_page(self, uuid: str, name: str) -> None:
        self._write(uuid, "page", name)

    @staticmethod
    def tabs_window() -> str:
        return _TABS

    def _read(self, uuid: str, what: str) -> object:
        return None if self._settings is None else self._settings.value(_key(uuid, what))

    def _write(self, uuid: str, what: str, value: object) -> None:
        if self._settings is not None:
            self._settings.setValue(_key(uuid, what), value)


def _key(uuid: str, what: str) -> str:
    return f"vm_windows/{uuid}/{what}"
