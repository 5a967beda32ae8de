"""Why an RFB connection ends: one exception the decoders raise, carrying a translatable reason."""

from __future__ import annotations

from kvmgui.core.message import Message


class ProtocolError(Exception):
    """The server broke the protocol (or a limit): the client disconnects with ``reason``."""

    def __init__(self, reason: Message) -> None:
        super().__init__(str(reason))
        self.reason = reason


def invalid(detail: str) -> ProtocolError:
    """Bad data from the server; ``detail`` is technical English for a bug report."""
    return ProtocolError(Message.of("The console server sent invalid data ({detail}).",
                                    detail=detail))
