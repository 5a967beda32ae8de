"""Colours of the terminal: pyte's colour names and hex strings to QColor.

pyte reports the 16 ANSI colours by name ("red", "brightred"; brown is its name for yellow)
and 256-colour or true-colour cells as "rrggbb". The 16 named colours are ours (a dark
scheme, as most consoles use), the rest are what the guest asked for.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor

DEFAULT_FOREGROUND = QColor("#d0d0d0")
DEFAULT_BACKGROUND = QColor("#141414")
CURSOR = QColor("#e8e8e8")
SELECTION = QColor("#3a5f8f")

ANSI = {
    "black": "#1c1c1c", "red": "#cd3131", "green": "#0dbc79", "brown": "#e5e510",
    "blue": "#2472c8", "magenta": "#bc3fbc", "cyan": "#11a8cd", "white": "#e5e5e5",
    "brightblack": "#666666", "brightred": "#f14c4c", "brightgreen": "#23d18b",
    "brightbrown": "#f5f543", "brightblue": "#3b8eea", "brightmagenta": "#d670d6",
    "brightcyan": "#29b8db", "brightwhite": "#ffffff",
}
ANSI["yellow"] = ANSI["brown"]
ANSI["brightyellow"] = ANSI["brightbrown"]
ANSI["bfightmagenta"] = ANSI["brightmagenta"]  # pyte 0.8 spells background 105 this way


@lru_cache(maxsize=512)
def color(name: str, foreground: bool) -> QColor:
    """The colour pyte names; its "default" is the scheme's foreground or background."""
    if name == "default":
        return DEFAULT_FOREGROUND if foreground else DEFAULT_BACKGROUND
    named = ANSI.get(name)
    if named is not None:
        return QColor(named)
    if len(name) == 6:
        parsed = QColor("#" + name)
        if parsed.isValid():
            return parsed
    return DEFAULT_FOREGROUND if foreground else DEFAULT_BACKGROUND
