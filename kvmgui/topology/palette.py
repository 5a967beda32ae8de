"""Per-VLAN colours readable on light and dark backgrounds (shared by SVG and the Qt view).

Twelve hues 30 degrees apart, listed so that neighbours in the list are 150 degrees apart; a VLAN
id picks one through `(id + id // 10 + id // 100) % 12`, so the usual runs (1, 2, 3 / 10, 20, 30 /
100, 200, 300) all land on clearly different hues. The lightness is then solved so that every
colour has a relative luminance in the middle band: a contrast ratio of at least 3:1 (WCAG, for
graphics) both against white and against near-black.
"""

from __future__ import annotations

import colorsys
from functools import lru_cache

UNTAGGED_COLOR = "#7f7f7f"  # no VLAN: neutral grey, luminance 0.21
_HUES = tuple(((index * 5) % 12) * 30 / 360 for index in range(12))
_TARGET_LUMINANCE = 0.19  # contrast 4.0 on white, 4.4 on #121212
_SATURATION = 0.78


def vlan_color(vlan: int | None) -> str:
    """Hex colour ("#rrggbb") for a VLAN id; the same id always gets the same colour."""
    if vlan is None:
        return UNTAGGED_COLOR
    return _color_for_hue(_HUES[(vlan + vlan // 10 + vlan // 100) % len(_HUES)])


@lru_cache(maxsize=4096)
def _color_for_hue(hue: float) -> str:
    low, high = 0.0, 1.0
    for _ in range(40):  # lightness -> luminance is monotonic: bisect
        middle = (low + high) / 2
        color = _hex(colorsys.hls_to_rgb(hue, middle, _SATURATION))
        if relative_luminance(color) < _TARGET_LUMINANCE:
            low = middle
        else:
            high = middle
    return _hex(colorsys.hls_to_rgb(hue, (low + high) / 2, _SATURATION))


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, part)) * 255):02x}" for part in rgb)


def relative_luminance(color: str) -> float:
    """WCAG relative luminance of "#rrggbb"."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
