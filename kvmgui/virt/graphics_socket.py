"""A byte stream to a domain's VNC display: libvirt's own socket, TCP, or an SSH tunnel.

    connection.run(find_display(uri, uuid), on_done)   # worker: a socket, or a Route to dial
    channel = dial(route, wake_fd)                      # the VNC session's thread: TCP or ssh

Locally libvirt passes a socket already connected to the display (``openGraphicsFD`` with
SKIPAUTH: no VNC password, and it works with ``<listen type='none'/>``); that call runs on the
connection's worker like every libvirt call. A remote display is reached where the live XML
says it listens (``graphics_route``); dialling may wait on the network, so it runs on the
session's own thread and gives up as soon as ``wake_fd`` becomes readable.
"""

from __future__ import annotations

import errno
import os
import select
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from typing import IO

import libvirt

from kvmgui.core import log
from kvmgui.core.message import Message
from kvmgui.core.uris import is_local
from kvmgui.logic.domain_refs import domain_refs
from kvmgui.virt.errors import error_text
from kvmgui.virt.graphics_route import NoRoute, Route, SshRoute, TcpRoute, remote_route, vnc_display

DIAL_TIMEOUT_S = 15.0
_SSH_ERROR_CHARS = 600  # the end of ssh's complaint is the part that says why


class DialCancelled(Exception):
    """The session was closed while it was still dialling."""


class GraphicsChannel:
    """A connected stream socket, and the ssh process behind it when tunnelled."""

    def __init__(self, sock: socket.socket, process: subprocess.Popen[bytes] | None = None,
                 errors: IO[bytes] | None = None) -> None:
        self.sock = sock
        self.process = process
        self._errors = errors

    @property
    def tunnelled(self) -> bool:
        return self.process is not None

    def tunnel_error(self, wait_s: float = 2.0) -> str:
        """What ssh said when it ended (after waiting up to ``wait_s`` for it to end)."""
        if self.process is None or self._errors is None:
            return ""
        try:
            self.process.wait(wait_s)
        except subprocess.TimeoutExpired:
            return ""
        self._errors.seek(0)
        text = self._errors.read().decode(errors="replace").strip()
        return text[-_SSH_ERROR_CHARS:]

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass
        process, self.process = self.process, None
        if process is not None:
            _end_process(process)
        if self._errors is not None:
            self._errors.close()
            self._errors = None


def find_display(uri: str, uuid: str) -> Callable[[libvirt.virConnect], socket.socket | Route]:
    """A worker job: the display's socket (local host), else the route to dial (remote host),
    or a NoRoute saying why neither exists."""
    def job(conn: libvirt.virConnect) -> socket.socket | Route:
        domain = conn.lookupByUUIDString(uuid)
        xml = domain.XMLDesc(0)
        graphics = domain_refs(xml).graphics
        display = vnc_display(graphics)
        if display is None:
            return NoRoute(Message.of("The guest has no VNC display."))
        if not is_local(uri):
            return remote_route(uri, display)
        try:
            fd = domain.openGraphicsFD(graphics.index(display),
                                       libvirt.VIR_DOMAIN_OPEN_GRAPHICS_SKIPAUTH)
        except libvirt.libvirtError as err:
            if err.get_error_code() == libvirt.VIR_ERR_NO_SUPPORT:
                log.virt.info("no VNC socket from %s: %s", uri, error_text(err))
                return NoRoute(Message.of("This host's driver cannot hand over the display."))
            raise
        return socket.socket(fileno=fd)
    return job


def dial(route: TcpRoute | SshRoute, wake_fd: int,
         timeout_s: float = DIAL_TIMEOUT_S) -> GraphicsChannel:
    """Connect along ``route``; OSError with the reason when that fails, DialCancelled when
    ``wake_fd`` became readable first."""
    if isinstance(route, SshRoute):
        return _tunnel(route)
    deadline = time.monotonic() + timeout_s
    last: OSError = OSError(f"{route}: no address")
    for family, kind, proto, _name, address in socket.getaddrinfo(
            route.host, route.port, type=socket.SOCK_STREAM):
        sock = socket.socket(family, kind, proto)
        try:
            _connect(sock, address, wake_fd, deadline)
        except OSError as error:
            sock.close()
            last = error
            continue
        except DialCancelled:
            sock.close()
            raise
        return GraphicsChannel(sock)
    raise last


def _connect(sock: socket.socket, address: tuple[object, ...], wake_fd: int,
             deadline: float) -> None:
    sock.setblocking(False)
    code = sock.connect_ex(address)
    if code not in (0, errno.EINPROGRESS):
        raise OSError(code, os.strerror(code))
    if code == 0:
        return
    readable, writable, _ = select.select([wake_fd], [sock], [],
                                          max(0.0, deadline - time.monotonic()))
    if readable:
        raise DialCancelled()
    if not writable:
        raise TimeoutError(f"no answer from {address[0]} port {address[1]}")
    code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if code:
        raise OSError(code, os.strerror(code))


def _tunnel(route: SshRoute) -> GraphicsChannel:
    """Start ssh with one end of a socket pair as its stdin and stdout."""
    ours, theirs = socket.socketpair()
    errors = tempfile.TemporaryFile()  # a pipe could fill up and stall ssh
    try:
        process = subprocess.Popen(route.command, stdin=theirs.fileno(), stdout=theirs.fileno(),
                                   stderr=errors,
                                   start_new_session=True)  # no terminal to ask on
    except OSError:
        ours.close()
        errors.close()
        raise
    finally:
        theirs.close()
    return GraphicsChannel(ours, process, errors)


def _end_process(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(2.0)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(2.0)
