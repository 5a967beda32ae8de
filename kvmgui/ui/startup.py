"""Which connections a GUI run opens, worked out before the GUI's heavy imports, so that
kvmgui.virt.early_open can start on them at once. Light: with --connect or --demo it imports no
Qt at all (libvirt then opens those while Qt loads); only the saved connections need QtCore."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kvmgui.core.resource_paths import demo_host_uri

if TYPE_CHECKING:
    from kvmgui.ui.settings import SavedConnection

# Sockets of a local libvirtd (monolithic) or virtqemud (modular daemons).
LOCAL_SOCKETS = ("/run/libvirt/libvirt-sock", "/run/libvirt/virtqemud-sock")


@dataclass(frozen=True, slots=True)
class Startup:
    open: list[str]  # opened at start
    idle: list[str]  # saved without autoconnect: listed, not opened


def start_uris(connect: list[str], demo: bool, saved: list[str]) -> list[str]:
    """Which URIs to open: --connect and --demo win; else saved ones; else demo (+ local qemu)."""
    if connect or demo:
        uris = list(connect)
        if demo:
            uris.append(demo_host_uri())
        return list(dict.fromkeys(uris))
    if saved:
        return saved
    uris = [demo_host_uri()]
    if any(Path(s).exists() for s in LOCAL_SOCKETS):
        uris.append("qemu:///system")
    return uris


def startup_connections(connect: list[str], demo: bool,
                        saved: Sequence[SavedConnection]) -> tuple[list[str], list[str]]:
    """(URIs to open, saved URIs to show closed): saved connections without autoconnect are
    listed, ready to connect, unless the command line names what to open."""
    uris = start_uris(connect, demo, [c.uri for c in saved if c.autoconnect])
    if connect or demo:
        return uris, []
    return uris, [c.uri for c in saved if not c.autoconnect and c.uri not in uris]


def saved_connections() -> list[SavedConnection]:
    """The saved connections, readable before the QApplication exists."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from kvmgui.ui.settings import ConnectionSettings

    QCoreApplication.setOrganizationName("kvmgui")
    QCoreApplication.setApplicationName("kvmgui")
    return ConnectionSettings(QSettings()).load()


def startup(connect: list[str], demo: bool) -> Startup:
    # The command line's choice needs no settings (nor the Qt that reads them).
    saved = [] if connect or demo else saved_connections()
    uris, idle = startup_connections(connect, demo, saved)
    return Startup(uris, idle)
