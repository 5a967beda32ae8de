"""The RFB handshake (RFC 6143 §7.1-7.3): version, security, authentication, initialisation.

We accept servers speaking 3.3, 3.7 or 3.8 (and answer with the highest of those the server
offers); security None (1) or VNC Authentication (2).  Anything else, such as VeNCrypt or SASL,
ends the connection with a reason the user can act on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum, auto

from kvmgui.core.message import Message
from kvmgui.rfb.des import vnc_auth_response
from kvmgui.rfb.errors import ProtocolError, invalid
from kvmgui.rfb.reader import ByteReader
from kvmgui.rfb.rects import Desktop

SECURITY_NONE = 1
SECURITY_VNC_AUTH = 2
_SECURITY_NAMES = {1: "None", 2: "VNC Authentication", 5: "RA2", 6: "RA2ne", 16: "Tight",
                   18: "TLS", 19: "VeNCrypt", 20: "SASL", 22: "xvp"}
_VERSION = re.compile(rb"RFB (\d{3})\.(\d{3})\n")
MAX_TEXT = 4096  # a reason or desktop name longer than this is not one


class Stage(Enum):
    VERSION = auto()
    SECURITY = auto()
    CHALLENGE = auto()
    PASSWORD = auto()  # waiting for the user: nothing to parse
    RESULT = auto()
    SERVER_INIT = auto()
    DONE = auto()


class Handshake:
    """Drives the handshake; ``send`` queues the client's answers."""

    def __init__(self, desktop: Desktop, send: Callable[[bytes], None], shared: bool) -> None:
        self._desktop = desktop
        self._send = send
        self._shared = shared
        self.stage = Stage.VERSION
        self._minor = 8
        self._security = SECURITY_NONE
        self._challenge = b""

    def step(self, reader: ByteReader) -> Stage:
        """Parse the next handshake message; raises Incomplete having changed nothing.
        Returns the stage reached."""
        if self.stage is Stage.VERSION:
            self._version(reader)
        elif self.stage is Stage.SECURITY:
            self._security_types(reader)
        elif self.stage is Stage.CHALLENGE:
            self._challenge = reader.take(16)
            self.stage = Stage.PASSWORD
        elif self.stage is Stage.RESULT:
            self._result(reader)
        elif self.stage is Stage.SERVER_INIT:
            self._server_init(reader)
        return self.stage

    def answer_challenge(self, password: str) -> None:
        self._send(vnc_auth_response(self._challenge, password))
        self._challenge = b""
        self.stage = Stage.RESULT

    def _version(self, reader: ByteReader) -> None:
        line = reader.take(12)
        match = _VERSION.fullmatch(line)
        if not match:
            raise invalid(f"protocol version {line!r}")
        major, minor = int(match[1]), int(match[2])
        if (major, minor) < (3, 3):
            raise ProtocolError(Message.of(
                "The console server speaks RFB {version}, which is too old.",
                version=f"{major}.{minor}"))
        # 3.5 was a mistaken 3.3; versions between the published ones count as the one below.
        self._minor = 8 if (major, minor) >= (3, 8) else 7 if minor == 7 else 3
        self._send(b"RFB 003.%03d\n" % self._minor)
        self.stage = Stage.SECURITY

    def _security_types(self, reader: ByteReader) -> None:
        if self._minor == 3:
            chosen = reader.u32()  # 3.3: the server decides
            if chosen == 0:
                raise _refused(_text(reader))
            if chosen not in (SECURITY_NONE, SECURITY_VNC_AUTH):
                raise _unsupported([chosen])
        else:
            count = reader.u8()
            if count == 0:
                raise _refused(_text(reader))
            offered = list(reader.take(count))
            # No password is better than one; other types we cannot speak.
            usable = [kind for kind in (SECURITY_NONE, SECURITY_VNC_AUTH) if kind in offered]
            if not usable:
                raise _unsupported(offered)
            chosen = usable[0]
            self._send(bytes([chosen]))
        self._security = chosen
        if chosen == SECURITY_VNC_AUTH:
            self.stage = Stage.CHALLENGE
        elif self._minor == 8:
            self.stage = Stage.RESULT  # 3.8 confirms even "None"
        else:
            self._start_init()

    def _result(self, reader: ByteReader) -> None:
        status = reader.u32()
        if status == 0:
            self._start_init()
            return
        reason = _decoded(_text(reader)) if self._minor == 8 else ""
        if self._security == SECURITY_VNC_AUTH and not reason:
            raise ProtocolError(Message.of(
                "The console server did not accept the password."))
        raise ProtocolError(Message.of(
            "The console server refused the login: {reason}", reason=reason or status))

    def _start_init(self) -> None:
        self._send(bytes([int(self._shared)]))  # ClientInit: share the desktop with others?
        self.stage = Stage.SERVER_INIT

    def _server_init(self, reader: ByteReader) -> None:
        width, height = reader.u16(), reader.u16()
        reader.take(16)  # the server's pixel format: we set our own
        name = _text(reader).decode("utf-8", errors="replace")
        self._desktop.resize(width, height)
        self._desktop.name = name
        self.stage = Stage.DONE


def _text(reader: ByteReader) -> bytes:
    """A length-prefixed string (reason or name) of sane length."""
    length = reader.u32()
    if length > MAX_TEXT:
        raise invalid(f"a text of {length} bytes in the handshake")
    return reader.take(length)


def _decoded(text: bytes) -> str:
    # QEMU ends its reasons with a C string's NUL.
    return text.decode("utf-8", errors="replace").replace("\0", "").strip()


def _refused(reason: bytes) -> ProtocolError:
    return ProtocolError(Message.of("The console server refused the connection: {reason}",
                                    reason=_decoded(reason)))


def _unsupported(offered: list[int]) -> ProtocolError:
    names = ", ".join(_SECURITY_NAMES.get(kind, str(kind)) for kind in offered)
    return ProtocolError(Message.of(
        "The console server asks for a kind of security this client does not support "
        "({types}).", types=names))
