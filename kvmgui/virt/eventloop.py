"""libvirt's event loop on a thread of its own.

libvirt delivers events (lifecycle, keepalive, close) only while an event loop runs. The default
implementation must be registered before the first connection is opened, so every open goes
through `ensure_running()`. Callbacks run on this thread and must only emit Qt signals carrying
plain data; see LIBVIRT-NOTES.md for why QT_NO_GLIB=1 is set before the QApplication exists.
"""

import threading

import libvirt

from kvmgui.core import log

_lock = threading.Lock()
_thread: threading.Thread | None = None


def _run() -> None:
    while True:
        try:
            libvirt.virEventRunDefaultImpl()
        except libvirt.libvirtError as err:
            # Keep the loop alive: events for all connections depend on it.
            log.virt.warning("libvirt event loop iteration failed: %s", err)


def ensure_running() -> None:
    """Register the default event implementation once and start its thread."""
    global _thread
    with _lock:
        if _thread is not None:
            return
        # Silence libvirt's own printing of every error; we report errors ourselves.
        libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
        libvirt.virEventRegisterDefaultImpl()
        _thread = threading.Thread(target=_run, name="libvirt-events", daemon=True)
        _thread.start()
