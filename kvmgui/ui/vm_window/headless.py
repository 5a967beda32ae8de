"""`kvmgui --select NAME --console [graphics|serial] [--screenshot FILE]`: open a domain's VM
window on one console, and for a screenshot wait until it shows something worth saving.

Graphical: the first picture of the guest's screen. Serial: two seconds of output after the
first bytes (a prompt is usually complete by then). A console that cannot show the guest
("Not running", "Could not connect") is saved as it is at once; anything else at most after
TIMEOUT_MS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QApplication

from kvmgui.core import log
from kvmgui.ui.vm_window import builtin_pages
from kvmgui.ui.vm_window.install import VmWindowsFeature
from kvmgui.ui.vm_window.pages import PAGES
from kvmgui.ui.vm_window.rules import ConsoleKind, Overlay

if TYPE_CHECKING:
    from kvmgui.ui.vm_window.vm_view import VmView

TIMEOUT_MS = 15_000
SERIAL_SETTLE_MS = 2_000
PAINT_MS = 100  # let what was just set up paint before the window is saved


def open_console(feature: VmWindowsFeature, index: QModelIndex, console: str) -> VmView | None:
    """The VM window of the domain at `index`, on its Console page showing `console`."""
    view = feature.open_index(index)
    if view is None:
        return None
    view.show_page(builtin_pages.CONSOLE)
    view.console.set_console(ConsoleKind(console))
    return view


def page_names() -> list[str]:
    """The VM window's page names ("console", "details", "snapshots", ...) for --tab."""
    return [spec.name for spec in PAGES]


def open_page(feature: VmWindowsFeature, index: QModelIndex, name: str) -> VmView | None:
    """The VM window of the domain at `index`, on its page `name`."""
    view = feature.open_index(index)
    if view is not None:
        view.show_page(name)
    return view


def console_screenshot(feature: VmWindowsFeature, index: QModelIndex, console: str,
                       path: str) -> None:
    """Open the console, wait (see the module docstring), save the VM window to `path` and
    exit the application (1 if it could not be written, 2 for no such domain)."""
    view = open_console(feature, index, console)
    if view is None:
        log.app.error("--console: select a domain (--select NAME)")
        QApplication.exit(2)
        return
    done = False
    waiting_for_output = False

    def save() -> None:
        nonlocal done
        if done:
            return
        done = True
        frame = view.window()
        if not frame.grab().save(path):
            log.app.error("cannot write screenshot to %s", path)
            QApplication.exit(1)
            return
        log.app.info("screenshot written to %s", path)
        QApplication.exit(0)

    def timed_out() -> None:
        if not done:
            log.app.warning("--console: nothing shown after %d s, saving the window as it is",
                            TIMEOUT_MS // 1000)
            save()

    def check() -> None:
        """Save once the console settled: showing the guest, or saying why it cannot."""
        overlay = view.console.overlay_kind
        if overlay is Overlay.CONNECTING or waiting_for_output:
            return
        if overlay is not Overlay.NONE:
            QTimer.singleShot(PAINT_MS, save)  # "Not running", "Could not connect", ...

    def shown() -> None:
        nonlocal waiting_for_output
        view.console.updated.disconnect(shown)
        waiting_for_output = True  # the settle time below decides, not the state
        QTimer.singleShot(SERIAL_SETTLE_MS if console == ConsoleKind.SERIAL.value else PAINT_MS,
                          save)

    view.console.updated.connect(shown)
    view.console.viewStateChanged.connect(lambda _state: check())
    QTimer.singleShot(PAINT_MS, check)
    QTimer.singleShot(TIMEOUT_MS, timed_out)
