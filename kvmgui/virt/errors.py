"""The one place that turns a libvirt error (or any failure of a job) into text for people."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import libvirt


class HostError(Exception):
    """A libvirt call failed; the text says what and why, ready to show or print."""


def error_text(exc: BaseException) -> str:
    """libvirt's own message for a libvirt error (what the user should read), else the
    exception's text."""
    if isinstance(exc, libvirt.libvirtError):
        message = exc.get_error_message() or str(exc)
        if exc.get_error_domain() == libvirt.VIR_FROM_RPC and "\n" in message:
            return _one_line(message)
        return message
    return str(exc)


def _one_line(message: str) -> str:
    """A transport's multi-line text on one line. libvirt quotes what its ssh command wrote
    to stderr, and OpenSSH frames a changed host key in rows of '@': a connection's message
    reads as one line, its headline ("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!") first."""
    lines = (line.strip().strip("@").strip() for line in message.splitlines())
    return " ".join(line for line in lines if line)


def is_no_domain(exc: BaseException) -> bool:
    return (isinstance(exc, libvirt.libvirtError)
            and exc.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN)


@contextmanager
def host_errors(context: str) -> Iterator[None]:
    """Turn a libvirt error inside the block into a HostError "context: message", so code
    above virt/ handles failures without importing libvirt."""
    try:
        yield
    except libvirt.libvirtError as err:
        raise HostError(f"{context}: {error_text(err)}") from None


def quiet_errors() -> None:
    """Stop libvirt printing every error to stderr: callers report their own messages."""
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
