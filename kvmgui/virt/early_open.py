"""Start opening local connections while the GUI is still loading.

Opening a connection is mostly libvirt's own work (a daemon round trip, or the test driver
parsing its host file) done outside the GIL, so it overlaps importing and building the window.
Only local URIs: a remote one may need a password, and only the GUI can ask for it. A
`Connection` takes the result on its worker with `take(uri)`; a URI never begun, or whose early
open failed, is opened the usual way (and so reports its error the usual way).
"""

import threading

import libvirt

from kvmgui.core.uris import is_local
from kvmgui.virt import eventloop

_lock = threading.Lock()
_attempts: dict[str, "_Attempt"] = {}


class _Attempt:
    def __init__(self, uri: str) -> None:
        self.done = threading.Event()
        self.conn: libvirt.virConnect | None = None
        threading.Thread(target=self._run, args=(uri,), name=f"early open {uri}",
                         daemon=True).start()

    def _run(self, uri: str) -> None:
        try:
            self.conn = libvirt.open(uri)
        except libvirt.libvirtError:
            self.conn = None  # the Connection opens it again and shows that error
        finally:
            self.done.set()


def begin(uris: list[str]) -> None:
    """Start opening the local ones among `uris`, each on a thread of its own."""
    eventloop.ensure_running()  # libvirt needs its event loop registered before any open
    with _lock:
        for uri in uris:
            if is_local(uri) and uri not in _attempts:
                _attempts[uri] = _Attempt(uri)


def take(uri: str) -> libvirt.virConnect | None:
    """The early-opened connection for `uri` (waiting for it), or None. Each is taken once."""
    with _lock:
        attempt = _attempts.pop(uri, None)
    if attempt is None:
        return None
    attempt.done.wait()
    return attempt.conn
