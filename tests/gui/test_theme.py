"""Light and dark: palettes, the watcher that announces a change, icons that stay readable,
and --theme on the command line."""

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvmgui.cli.main import gui_parser
from kvmgui.ui import icons
from kvmgui.ui.roles import Category, NodeKind
from kvmgui.ui.theme import (
    SystemSchemeFollower, ThemeMode, ThemeWatcher, apply_theme, contrast_ratio, fusion_palette,
    is_dark,
)
from kvmgui.core.snapshots import ConnectionState, DomainState


@pytest.fixture
def restore_look(qapp: QApplication) -> Iterator[QApplication]:
    """Tests here change the application's palette and style: put them back afterwards."""
    palette, style = qapp.palette(), qapp.style().name()
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.styleHints().setColorScheme(Qt.ColorScheme.Unknown)


def test_is_dark_tells_the_two_palettes_apart() -> None:
    assert is_dark(fusion_palette(True))
    assert not is_dark(fusion_palette(False))


def test_watcher_announces_a_palette_change_once(restore_look: QApplication,
                                                 qtbot: QtBot) -> None:
    watcher = ThemeWatcher()
    seen: list[bool] = []
    watcher.changed.connect(seen.append)
    with qtbot.waitSignal(watcher.changed) as to_dark:
        restore_look.setPalette(fusion_palette(True))
    assert to_dark.args == [True]
    assert watcher.dark
    with qtbot.waitSignal(watcher.changed) as to_light:
        restore_look.setPalette(fusion_palette(False))
    assert to_light.args == [False]
    restore_look.processEvents()
    assert seen == [True, False]


def test_forced_themes_set_a_fusion_palette(restore_look: QApplication) -> None:
    apply_theme(restore_look, ThemeMode.DARK)
    assert restore_look.style().name().lower() == "fusion"
    assert is_dark(restore_look.palette())
    apply_theme(restore_look, ThemeMode.LIGHT)
    assert not is_dark(restore_look.palette())


def test_system_scheme_change_brings_a_matching_palette(restore_look: QApplication,
                                                        qtbot: QtBot) -> None:
    restore_look.setPalette(fusion_palette(False))
    follower = SystemSchemeFollower(restore_look)
    watcher = ThemeWatcher()
    hints = restore_look.styleHints()
    try:
        # The offscreen platform has no desktop scheme: announce the changes a desktop would.
        with qtbot.waitSignal(watcher.changed) as to_dark:
            hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert to_dark.args == [True]
        with qtbot.waitSignal(watcher.changed) as to_light:
            hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert to_light.args == [False]
    finally:
        shiboken6.delete(follower)  # at once: later tests must not meet a second follower


def test_theme_option_on_the_command_line() -> None:
    parser = gui_parser()
    assert parser.parse_args([]).theme == "system"
    assert ThemeMode(parser.parse_args(["--theme", "dark"]).theme) is ThemeMode.DARK
    with pytest.raises(SystemExit):
        parser.parse_args(["--theme", "purple"])


# ---- icons -------------------------------------------------------------------------------------

def state_icons(dark: bool) -> dict[str, QIcon]:
    found = {f"domain-{s.name}": icons.domain_icon(
        SimpleNamespace(state=s, managed_save=False), dark)  # type: ignore[arg-type]
        for s in DomainState}
    found["domain-saved"] = icons.domain_icon(
        SimpleNamespace(state=DomainState.SHUTOFF, managed_save=True), dark)  # type: ignore[arg-type]
    for kind in (NodeKind.POOL, NodeKind.VOLUME, NodeKind.NETWORK, NodeKind.INTERFACE):
        for active in (True, False):
            found[f"{kind.name}-{active}"] = icons.active_icon(kind, active, dark)
    for state in ConnectionState:
        found[f"connection-{state.name}"] = icons.connection_icon(state, dark)
    for category in Category:
        found[f"category-{category.name}"] = icons.category_icon(category, dark)
    return found


def image(icon: QIcon) -> QImage:
    return icon.pixmap(32, 32).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def edge_contrast(icon: QIcon, background: QColor) -> float:
    """Mean contrast with `background` of the icon's outermost opaque pixels (its silhouette)."""
    img = image(icon)
    size = img.width()

    def alpha(x: int, y: int) -> int:
        return img.pixelColor(x, y).alpha() if 0 <= x < size and 0 <= y < size else 0

    ratios = []
    for y in range(size):
        for x in range(size):
            if alpha(x, y) >= 128 and min(alpha(x + 1, y), alpha(x - 1, y), alpha(x, y + 1),
                                          alpha(x, y - 1)) < 128:
                c = img.pixelColor(x, y)
                a = c.alphaF()
                seen = QColor.fromRgbF(*(fg * a + bg * (1 - a) for fg, bg in (
                    (c.redF(), background.redF()), (c.greenF(), background.greenF()),
                    (c.blueF(), background.blueF()))))
                ratios.append(contrast_ratio(seen, background))
    assert ratios, "the icon is empty"
    return sum(ratios) / len(ratios)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_state_icons_stand_out_from_the_background(dark: bool) -> None:
    base = fusion_palette(dark).color(QPalette.ColorRole.Base)
    # WCAG asks 3:1 for the parts of graphics needed to understand them.
    weak = {name: round(ratio, 2) for name, icon in state_icons(dark).items()
            if (ratio := edge_contrast(icon, base)) < 3.0}
    assert weak == {}


def test_dark_icons_are_drawn_differently() -> None:
    light, dark = state_icons(False), state_icons(True)
    same = [name for name in light if image(light[name]) == image(dark[name])]
    assert same == []


def test_icons_follow_the_application_palette(restore_look: QApplication) -> None:
    running = SimpleNamespace(state=DomainState.RUNNING, managed_save=False)
    restore_look.setPalette(fusion_palette(True))
    assert image(icons.domain_icon(running)) == image(  # type: ignore[arg-type]
        icons.domain_icon(running, True))  # type: ignore[arg-type]
    restore_look.setPalette(fusion_palette(False))
    assert image(icons.domain_icon(running)) == image(  # type: ignore[arg-type]
        icons.domain_icon(running, False))  # type: ignore[arg-type]
