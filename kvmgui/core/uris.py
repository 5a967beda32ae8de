"""libvirt URIs: their parts, the one rule for "is this host this machine?", and the URI made
of the Add Connection dialog's fields (pure).

    driver[+transport]://[user@]host[:port]/path     e.g. qemu+ssh://admin@kvm1.example/system

Remote connections use libvirt's own transports (SSH keys or agent, TLS certificates, SASL):
kvmgui never stores a password, so the URI carries none.
"""

import re
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit


class Hypervisor(Enum):
    QEMU_SYSTEM = "qemu-system"
    QEMU_SESSION = "qemu-session"
    XEN = "xen"
    LXC = "lxc"
    TEST = "test"  # libvirt's test driver, test:///default
    DEMO = "demo"  # the bundled demo host (a test-driver file on this machine)


class Transport(Enum):
    LOCAL = "local"
    SSH = "ssh"
    TLS = "tls"
    TCP = "tcp"


class UriProblem(Enum):
    HOST_REQUIRED = "host-required"
    BAD_HOST = "bad-host"
    BAD_USER = "bad-user"
    BAD_PORT = "bad-port"
    LOCAL_ONLY = "local-only"  # the demo host is a file on this machine
    BAD_CUSTOM_URI = "bad-custom-uri"
    PASSWORD_IN_URI = "password-in-uri"  # kvmgui stores no password, not even in a URI


# Driver scheme and path of each hypervisor.
_DRIVER = {
    Hypervisor.QEMU_SYSTEM: ("qemu", "/system"),
    Hypervisor.QEMU_SESSION: ("qemu", "/session"),
    Hypervisor.XEN: ("xen", "/system"),
    Hypervisor.LXC: ("lxc", "/system"),
    Hypervisor.TEST: ("test", "/default"),
}
_LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
_HOSTNAME = re.compile(rf"^{_LABEL}(\.{_LABEL})*\.?$")
_IPV6 = re.compile(r"^[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?$")
_USER = re.compile(r"^[A-Za-z0-9._\\-]+$")
_CUSTOM = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(//)?\S*$")


@dataclass(frozen=True, slots=True)
class UriParts:
    """``driver[+transport]://[user@]host[:port]/path`` taken apart."""

    driver: str
    transport: str  # "" for the driver's default (local) transport
    user: str
    host: str
    port: int | None
    path: str


def uri_parts(uri: str) -> UriParts:
    parts = urlsplit(uri)
    driver, _, transport = parts.scheme.partition("+")
    try:
        port = parts.port
    except ValueError:
        port = None
    return UriParts(driver, transport, parts.username or "", parts.hostname or "", port,
                    parts.path)


def is_local(uri: str) -> bool:
    """The host is this machine, reached without a network transport: no host name and the
    default or UNIX-socket transport (``qemu:///system``, ``qemu+unix:///system``,
    ``test:///default``). Over SSH or TCP it is remote even when the host is localhost."""
    parts = uri_parts(uri)
    return not parts.host and parts.transport in ("", "unix")


def without_password(uri: str) -> tuple[str, bool]:
    """The URI with any ``user:password@`` password taken out, and whether there was one.

    kvmgui never stores, shows or logs a password: every URI is cleaned where it comes in (the
    Add Connection dialog refuses one; the command line and old settings are cleaned)."""
    parts = urlsplit(uri)
    if parts.password is None or "@" not in parts.netloc:
        return uri, False
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user = userinfo.partition(":")[0]
    netloc = f"{user}@{hostport}" if user else hostport
    return parts._replace(netloc=netloc).geturl(), True


def is_test_driver(uri: str) -> bool:
    """libvirt's in-process test driver: nothing it reports describes this machine."""
    return uri_parts(uri).driver == "test"


@dataclass(frozen=True, slots=True)
class ConnectionFields:
    hypervisor: Hypervisor = Hypervisor.QEMU_SYSTEM
    transport: Transport = Transport.LOCAL
    user: str = ""
    host: str = ""
    port: str = ""
    custom_uri: str = ""  # when not empty it is the URI, the other fields are ignored
    demo_path: str = ""  # absolute path of the demo host file (for Hypervisor.DEMO)


@dataclass(frozen=True, slots=True)
class UriResult:
    uri: str  # best effort even when there is a problem, so the dialog can show it
    problem: UriProblem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None and bool(self.uri)


def uses_remote_fields(fields: ConnectionFields) -> bool:
    """Whether user, host and port mean anything for these fields."""
    return not fields.custom_uri.strip() and fields.transport is not Transport.LOCAL


def build_uri(fields: ConnectionFields) -> UriResult:
    custom = fields.custom_uri.strip()
    if custom:
        clean, had_password = without_password(custom)
        if had_password:
            return UriResult(clean, UriProblem.PASSWORD_IN_URI)
        return UriResult(custom, None if _CUSTOM.match(custom) else UriProblem.BAD_CUSTOM_URI)
    if fields.hypervisor is Hypervisor.DEMO:
        uri = "test://" + fields.demo_path
        local = fields.transport is Transport.LOCAL
        return UriResult(uri, None if local else UriProblem.LOCAL_ONLY)
    driver, path = _DRIVER[fields.hypervisor]
    if fields.transport is Transport.LOCAL:
        return UriResult(f"{driver}://{path}")
    user, host, port = fields.user.strip(), fields.host.strip(), fields.port.strip()
    authority = (f"{user}@" if user else "") + _bracketed(host) + (f":{port}" if port else "")
    uri = f"{driver}+{fields.transport.value}://{authority}{path}"
    return UriResult(uri, _remote_problem(user, host, port))


def _bracketed(host: str) -> str:
    if ":" in host and not host.startswith("["):
        return f"[{host}]"  # an IPv6 address
    return host


def _remote_problem(user: str, host: str, port: str) -> UriProblem | None:
    if not host:
        return UriProblem.HOST_REQUIRED
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if not (_HOSTNAME.match(bare) or (":" in bare and _IPV6.match(bare))):
        return UriProblem.BAD_HOST
    if user and not _USER.match(user):
        return UriProblem.BAD_USER
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        return UriProblem.BAD_PORT
    return None
