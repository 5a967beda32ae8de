"""Chart colours derived from the widget palette, so charts read in light and dark themes."""

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from kvmgui.ui.theme import is_dark

# Okabe–Ito colour-blind-safe hues, darkened where needed so every line has at least 3:1 contrast
# (WCAG, graphics) on a white plot; dark themes get lighter tints of the same hues.
_LIGHT_SERIES = ("#0072b2", "#d55e00", "#008f68", "#b5509a", "#a36a00", "#2a8fb5", "#7a6200",
                 "#6a3d9a")
_DARK_SERIES = ("#5fb8f0", "#ff8f4a", "#3ddba8", "#eba0cc", "#f5c242", "#9bd3f7", "#e6d36a",
                "#b99ae6")


@dataclass(frozen=True, slots=True)
class ChartTheme:
    background: QColor
    foreground: QColor
    grid: QColor
    series: tuple[QColor, ...]
    dark: bool

    def color(self, index: int) -> QColor:
        """Series colour `index`, cycling through the palette."""
        return self.series[index % len(self.series)]


def chart_theme(palette: QPalette) -> ChartTheme:
    dark = is_dark(palette)
    foreground = palette.color(QPalette.ColorRole.Text)
    grid = QColor(foreground)
    grid.setAlphaF(0.18)
    return ChartTheme(
        background=palette.color(QPalette.ColorRole.Base),
        foreground=foreground,
        grid=grid,
        series=tuple(QColor(c) for c in (_DARK_SERIES if dark else _LIGHT_SERIES)),
        dark=dark,
    )
