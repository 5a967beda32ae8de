"""How this machine reaches a remote domain's VNC display (pure: no libvirt, no sockets).

A local connection needs none of this: libvirt hands over a socket already connected to the
display (``virDomainOpenGraphicsFD``, see ``graphics_socket``). A remote one reads where the
display listens from the live XML's ``<graphics>`` and goes there:

    address the host's clients can reach (0.0.0.0, ::, a LAN address)  → TCP to it
    the remote host's loopback (127.0.0.1, ::1), or a UNIX socket        → through SSH, when
        the connection itself is SSH: ``ssh ... -- HOST nc 127.0.0.1 PORT`` (as virt-manager
        does; sshd need not allow TCP forwarding), the child's stdin/stdout being the stream
    otherwise                                                             → no route (why)

Every value from the URI or the host goes into the ssh command as a separate argument after
the option it belongs to, the destination after "--"; the remote command holds only a
validated address, a port number, or a shell-quoted socket path.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from kvmgui.core.message import Message
from kvmgui.logic.domain_refs import GraphicsListen

ANY_ADDRESS = ("", "0.0.0.0", "::")
LOOPBACK = ("127.0.0.1", "::1", "localhost")
SSH_TRANSPORTS = ("ssh", "libssh", "libssh2")
SSH = "ssh"
REMOTE_NETCAT = "nc"  # netcat on the remote host: every distribution ships one


@dataclass(frozen=True, slots=True)
class TcpRoute:
    host: str
    port: int

    def __str__(self) -> str:
        return f"{_bracketed(self.host)}:{self.port}"


@dataclass(frozen=True, slots=True)
class SshRoute:
    """Run ``command``: its standard input and output are the display's byte stream."""

    command: tuple[str, ...]
    target: str  # what the remote end connects to, for messages

    def __str__(self) -> str:
        return f"ssh … {self.target}"


@dataclass(frozen=True, slots=True)
class NoRoute:
    """The display cannot be reached from here; ``reason`` says why (and what would help)."""

    reason: Message


Route = TcpRoute | SshRoute | NoRoute


def vnc_display(graphics: tuple[GraphicsListen, ...]) -> GraphicsListen | None:
    """The first VNC display of a domain's ``<graphics>``, None when it has none."""
    return next((g for g in graphics if g.kind == "vnc"), None)


def remote_route(uri: str, display: GraphicsListen) -> Route:
    """How to reach ``display`` (from the running domain's XML) of a domain on the remote
    host of ``uri``."""
    parts = urlsplit(uri)
    host = parts.hostname or ""
    transport = parts.scheme.partition("+")[2]
    tunnel = transport in SSH_TRANSPORTS and bool(host)
    if display.socket:
        if tunnel:
            return _ssh_route(uri, (REMOTE_NETCAT, "-U", shlex.quote(display.socket)),
                              display.socket)
        return NoRoute(Message.of(
            "The display listens on a UNIX socket of the host ({path}): only an SSH "
            "connection can reach it.", path=display.socket))
    if display.port <= 0:
        return NoRoute(Message.of(
            "The display has no network listener (listen type none): only a connection on "
            "the host itself can open it."))
    listen = display.listen.strip()
    if listen in ANY_ADDRESS:
        return TcpRoute(host, display.port) if host else NoRoute(_no_host())
    if listen in LOOPBACK:
        if tunnel:
            return _ssh_route(uri, (REMOTE_NETCAT, listen, str(display.port)),
                              f"{_bracketed(listen)}:{display.port}")
        return NoRoute(Message.of(
            "The display listens only on the host's loopback address ({address}): connect to "
            "the host over SSH (qemu+ssh://) to reach it.", address=listen))
    return TcpRoute(listen, display.port)


def ssh_command(uri: str, remote_command: tuple[str, ...]) -> tuple[str, ...]:
    """The ssh command line that runs ``remote_command`` on the host of ``uri``, with the
    login, port, key and host key checks the URI asks libvirt for."""
    parts = urlsplit(uri)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    transport = parts.scheme.partition("+")[2]
    program = query.get("command", SSH) if transport == "ssh" else SSH
    command: list[str] = [program]
    try:
        port = parts.port
    except ValueError:
        port = None
    if port:
        command += ["-p", str(port)]
    if parts.username:
        command += ["-l", parts.username]
    if query.get("keyfile"):
        command += ["-i", query["keyfile"]]
    if query.get("known_hosts"):
        command += ["-o", "UserKnownHostsFile=" + query["known_hosts"]]
    if query.get("no_verify") == "1" or query.get("known_hosts_verify") == "ignore":
        command += ["-o", "StrictHostKeyChecking=no"]
    # No terminal, no escape character, never a password prompt (there is no one to answer).
    command += ["-T", "-e", "none", "-o", "BatchMode=yes", "--", parts.hostname or "",
                *remote_command]
    return tuple(command)


def _ssh_route(uri: str, remote_command: tuple[str, ...], target: str) -> SshRoute:
    return SshRoute(ssh_command(uri, remote_command), target)


def _no_host() -> Message:
    return Message.of("The connection names no host to reach the display on.")


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host
