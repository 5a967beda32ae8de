"""Light and dark: follow the system's colour scheme, or force one (``--theme light|dark``).

    apply_theme(qapp, ThemeMode.SYSTEM)     # once, at start
    watcher = ThemeWatcher(widget)           # any widget that paints its own colours
    watcher.changed.connect(lambda dark: ...)

Painted things (state icons, charts, the topology picture) ask `is_dark(palette)` when they
paint, and repaint on `ThemeWatcher.changed`.
"""

from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


class ThemeMode(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def is_dark(palette: QPalette) -> bool:
    """Whether `palette` draws light text on a dark background."""
    window = palette.color(QPalette.ColorRole.Window).lightness()
    text = palette.color(QPalette.ColorRole.WindowText).lightness()
    return window < text


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour (0 black … 1 white)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio (1 … 21) between two opaque colours."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


_LIGHT = {  # role: colour, a plain Fusion-like light palette
    "Window": "#efefef", "WindowText": "#000000", "Base": "#ffffff", "AlternateBase": "#f5f5f5",
    "ToolTipBase": "#ffffdc", "ToolTipText": "#000000", "PlaceholderText": "#767676",
    "Text": "#000000", "Button": "#efefef", "ButtonText": "#000000", "BrightText": "#ffffff",
    "Light": "#ffffff", "Midlight": "#cacaca", "Mid": "#b8b8b8", "Dark": "#9f9f9f",
    "Shadow": "#767676", "Highlight": "#308cc6", "HighlightedText": "#ffffff",
    "Link": "#0000ff", "LinkVisited": "#ff00ff",
}
_DARK = {
    "Window": "#2b2b2b", "WindowText": "#e6e6e6", "Base": "#1f1f1f", "AlternateBase": "#262626",
    "ToolTipBase": "#3a3a3a", "ToolTipText": "#e6e6e6", "PlaceholderText": "#9a9a9a",
    "Text": "#e6e6e6", "Button": "#353535", "ButtonText": "#e6e6e6", "BrightText": "#ffffff",
    "Light": "#505050", "Midlight": "#404040", "Mid": "#2f2f2f", "Dark": "#202020",
    "Shadow": "#141414", "Highlight": "#2f6fb3", "HighlightedText": "#ffffff",
    "Link": "#6cb4ff", "LinkVisited": "#c58af9",
}
_DISABLED_TEXT = {"light": "#8a8a8a", "dark": "#7a7a7a"}


def fusion_palette(dark: bool) -> QPalette:
    """A complete light or dark palette for the Fusion style."""
    palette = QPalette()
    for name, colour in (_DARK if dark else _LIGHT).items():
        palette.setColor(getattr(QPalette.ColorRole, name), QColor(colour))
    disabled = QColor(_DISABLED_TEXT["dark" if dark else "light"])
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(app: QApplication, mode: ThemeMode) -> None:
    """Force a light or dark Fusion look, or follow the system (see `SystemSchemeFollower`)."""
    if mode is ThemeMode.SYSTEM:
        SystemSchemeFollower(app)
        return
    dark = mode is ThemeMode.DARK
    app.setStyle("Fusion")
    app.setPalette(fusion_palette(dark))
    # Platform parts that ask the style hints (native dialogs, some styles) agree with the palette.
    app.styleHints().setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)


class SystemSchemeFollower(QObject):
    """Keeps the palette in step with the system colour scheme.

    Most platform themes switch the palette themselves when the scheme changes; where the scheme
    says dark but the palette stayed light (or the other way round), a Fusion palette of the
    right kind is set instead.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._overridden = False
        app.styleHints().colorSchemeChanged.connect(self._reconcile)
        self._reconcile(app.styleHints().colorScheme())

    def _reconcile(self, scheme: Qt.ColorScheme) -> None:
        if scheme == Qt.ColorScheme.Unknown:
            return
        want_dark = scheme == Qt.ColorScheme.Dark
        if self._overridden:
            self._app.setPalette(self._app.style().standardPalette())
            self._overridden = False
        if is_dark(self._app.palette()) != want_dark:
            self._app.setPalette(fusion_palette(want_dark))
            self._overridden = True


class _PaletteRelay(QObject):
    """The one application-wide event filter behind every ThemeWatcher (a filter on the
    application sees every event of the process, so there is only one)."""

    paletteChanged = Signal()
    NAME = "kvmgui-palette-relay"

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.setObjectName(self.NAME)
        self._app = app
        app.installEventFilter(self)

    @classmethod
    def of(cls, app: QGuiApplication) -> "_PaletteRelay":
        relay = app.findChild(cls, cls.NAME)
        return relay if isinstance(relay, cls) else cls(app)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange and watched is self._app:
            self.paletteChanged.emit()
        return False


class ThemeWatcher(QObject):
    """Tells when the application's palette changes, e.g. between light and dark.

    Signals:
        changed(bool dark): the application palette changed (a forced theme, the system's
            scheme); `dark` is `is_dark` of the new palette. Emitted once per change, even when
            the scheme and the palette change together.
    """

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication), "create the QApplication first"
        self._last = self._fingerprint()
        _PaletteRelay.of(app).paletteChanged.connect(self._check)
        app.styleHints().colorSchemeChanged.connect(self._check)

    @property
    def dark(self) -> bool:
        return is_dark(QGuiApplication.palette())

    def _check(self) -> None:
        now = self._fingerprint()
        if now != self._last:
            self._last = now
            self.changed.emit(now[0])

    def _fingerprint(self) -> tuple[bool, int]:
        palette = QGuiApplication.palette()
        return is_dark(palette), palette.cacheKey()
