"""RfbClient: the RFB client protocol without I/O: server bytes in, events and client bytes out.

A transport (socket, libvirt graphics fd, SSH tunnel) drives it from one thread::

    client = RfbClient(max_size=(8192, 8192))
    for event in client.feed(received_bytes):   # after every read; b"" never needed
        ...                                      # see kvmgui.rfb.events
    transport.send(client.take_output())        # after feed and after every input call
    client.connection_lost()                     # at EOF: returns the Disconnected event

Input methods (``key_event``, ``pointer_event``, ...) only queue bytes; they do nothing before
``Connected`` or after ``Disconnected``.  A misbehaving server ends the session with one
``Disconnected`` event, never an exception; after it the client ignores all input.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from kvmgui.core.message import Message
from kvmgui.rfb import messages as msg
from kvmgui.rfb.errors import ProtocolError
from kvmgui.rfb.events import Connected, Disconnected, Event, FrameComplete, NeedPassword
from kvmgui.rfb.handshake import Handshake, Stage
from kvmgui.rfb.keys import Key
from kvmgui.rfb.reader import ByteReader, Incomplete
from kvmgui.rfb.rects import Desktop
from kvmgui.rfb.session import ServerMessages

log = logging.getLogger("kvmgui.rfb")
_RELATIVE_CENTRE = 0x7FFF  # QEMU's relative mode: a PointerEvent carries 0x7FFF + delta


class RfbClient:
    def __init__(self, password_provider: Callable[[], str | None] | None = None, *,
                 max_size: tuple[int, int] = (8192, 8192),
                 encodings: Sequence[int] = msg.REMOTE_ENCODINGS,
                 jpeg_quality: int | None = None, compress_level: int | None = None,
                 local_cursor: bool = True, shared: bool = True,
                 max_cut_text: int = 1 << 20) -> None:
        """``password_provider`` answers a VNC password request at once (None: emit
        ``NeedPassword`` and wait for ``provide_password``).  ``jpeg_quality`` 0-9 lets Tight
        send lossy JPEG (fine for slow links); ``local_cursor`` has the server send the pointer
        shape (``CursorShape``) instead of drawing it into the framebuffer."""
        self._password_provider = password_provider
        self._desktop = Desktop(max_width=max_size[0], max_height=max_size[1])
        self._encodings = _encoding_list(encodings, jpeg_quality, compress_level, local_cursor)
        self._max_cut_text = max_cut_text
        self._reader = ByteReader()
        self._output = bytearray()
        self._handshake = Handshake(self._desktop, self._output.extend, shared)
        self._session = ServerMessages(self._desktop, max_cut_text)
        self._closed = False
        self._last_pointer: tuple[int, int] | None = None
        # Request the next update as soon as one is complete (RFB's flow control); a widget
        # that is hidden can turn this off and call request_update itself.
        self.auto_update = True

    # -- what the client knows ---------------------------------------------------------------
    @property
    def connected(self) -> bool:
        return self._handshake.stage is Stage.DONE and not self._closed

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def width(self) -> int:
        return self._desktop.width

    @property
    def height(self) -> int:
        return self._desktop.height

    @property
    def name(self) -> str:
        return self._desktop.name

    @property
    def absolute_pointer(self) -> bool:
        return self._desktop.absolute_pointer

    @property
    def extended_keys(self) -> bool:
        """The server takes scancodes (QEMU Extended Key Event), so layouts do not matter."""
        return self._desktop.extended_keys

    @property
    def can_resize(self) -> bool:
        return self._desktop.can_resize

    # -- the transport's side ------------------------------------------------------------
    def feed(self, data: bytes) -> list[Event]:
        """Bytes from the server; returns the events they complete (any split works)."""
        if self._closed:
            return []
        self._reader.append(data)
        return self._run()

    def take_output(self) -> bytes:
        """The bytes to send to the server now (and forget them)."""
        out = bytes(self._output)
        self._output.clear()
        return out

    def connection_lost(self) -> list[Event]:
        """The transport closed: the final ``Disconnected`` (nothing if already closed)."""
        if self._closed:
            return []
        if self._handshake.stage is Stage.DONE:
            return [self._close(Message.of("The console server closed the connection."))]
        return [self._close(Message.of(
            "The console server closed the connection during the handshake."))]

    def provide_password(self, password: str | None) -> list[Event]:
        """Answer ``NeedPassword``; None gives up.  Returns the events that follow."""
        if self._closed or self._handshake.stage is not Stage.PASSWORD:
            return []
        if password is None:
            return [self._close(Message.of("No password was given for the console."))]
        self._handshake.answer_challenge(password)
        return self._run()

    # -- input ---------------------------------------------------------------------------
    def key_event(self, down: bool, keysym: int, scancode: int | None = None) -> None:
        """A key press or release: the scancode (QEMU "qnum", see ``keys``) when the server
        takes them, else the X11 keysym (which QEMU maps through its own keyboard layout)."""
        if not self.connected:
            return
        if scancode and self._desktop.extended_keys:
            self._output += msg.qemu_key_event(down, keysym, scancode)
        elif keysym:
            self._output += msg.key_event(down, keysym)

    def send_keys(self, keys: Sequence[Key]) -> None:
        """Press ``keys`` in order, then release them in reverse (Ctrl+Alt+Del and such)."""
        for key in keys:
            self.key_event(True, key.keysym, key.qnum)
        for key in reversed(keys):
            self.key_event(False, key.keysym, key.qnum)

    def pointer_event(self, x: int, y: int, buttons: int) -> None:
        """The pointer at (x, y) in framebuffer pixels with these buttons down (see messages).

        In QEMU's relative mode this sends the motion since the previous call; a widget that
        grabs and warps the pointer should call ``pointer_motion`` with its own deltas.
        """
        if not self.connected:
            return
        last = self._last_pointer
        self._last_pointer = (x, y)
        if not self._desktop.absolute_pointer:
            dx, dy = (x - last[0], y - last[1]) if last else (0, 0)
            self.pointer_motion(dx, dy, buttons)
            return
        x = min(max(x, 0), max(self._desktop.width - 1, 0))
        y = min(max(y, 0), max(self._desktop.height - 1, 0))
        self._output += msg.pointer_event(buttons, x, y)

    def pointer_motion(self, dx: int, dy: int, buttons: int) -> None:
        """Relative motion (QEMU's relative mode); in absolute mode it moves from the last
        position."""
        if not self.connected:
            return
        if self._desktop.absolute_pointer:
            x, y = self._last_pointer or (0, 0)
            self.pointer_event(x + dx, y + dy, buttons)
            return
        self._output += msg.pointer_event(buttons, _u16(_RELATIVE_CENTRE + dx),
                                          _u16(_RELATIVE_CENTRE + dy))

    def wheel(self, x: int, y: int, buttons: int, steps: int) -> None:
        """Turn the wheel ``steps`` notches (positive: up/away) at (x, y): a press and a
        release of the wheel button per notch."""
        button = msg.WHEEL_UP if steps > 0 else msg.WHEEL_DOWN
        for _ in range(abs(steps)):
            self.pointer_event(x, y, buttons | button)
            self.pointer_event(x, y, buttons)

    def cut_text(self, text: str) -> None:
        """Our clipboard to the guest: Latin-1 (RFC 6143), LF line ends, at most the limit."""
        if not self.connected:
            return
        data = text.replace("\r\n", "\n").encode("latin-1", errors="replace")
        self._output += msg.client_cut_text(data[:self._max_cut_text])

    def request_update(self, incremental: bool = True) -> None:
        """Ask for the changes (or, not incremental, all) of the whole framebuffer; after a
        legacy DesktopSize change the next request asks for all of it anyway."""
        if not self.connected:
            return
        incremental = incremental and not self._desktop.needs_full_update
        self._desktop.needs_full_update = False
        self._output += msg.framebuffer_update_request(
            incremental, 0, 0, self._desktop.width, self._desktop.height)

    def set_desktop_size(self, width: int, height: int) -> bool:
        """Ask the guest for another resolution; False when the server cannot be asked."""
        if not (self.connected and self._desktop.can_resize and 0 < width <= self._desktop
                .max_width and 0 < height <= self._desktop.max_height):
            return False
        self._output += msg.set_desktop_size(width, height)
        return True

    # -- internals -----------------------------------------------------------------------
    def _run(self) -> list[Event]:
        events: list[Event] = []
        try:
            while self._reader.available() and self._handshake.stage is not Stage.PASSWORD:
                self._reader.mark()
                try:
                    self._step(events)
                except Incomplete:
                    self._reader.rewind()
                    break
        except ProtocolError as error:
            events.append(self._close(error.reason))
        except Exception as error:  # a decoder bug must not take the application down
            log.exception("RFB decoder failure")
            events.append(self._close(Message.of(
                "The console client failed to decode the screen ({error}).", error=error)))
        return events

    def _step(self, events: list[Event]) -> None:
        handshake = self._handshake
        if handshake.stage is Stage.DONE:
            new = self._session.step(self._reader)
            events += new
            if new and isinstance(new[-1], FrameComplete) and self.auto_update:
                self.request_update()
            return
        stage = handshake.step(self._reader)
        if stage is Stage.PASSWORD:
            password = self._password_provider() if self._password_provider else None
            if password is None:
                events.append(NeedPassword())
            else:
                handshake.answer_challenge(password)
        elif stage is Stage.DONE:
            self._output += msg.set_pixel_format() + msg.set_encodings(self._encodings)
            self.request_update(incremental=False)
            events.append(Connected(self._desktop.width, self._desktop.height,
                                    self._desktop.name))

    def _close(self, reason: Message) -> Disconnected:
        self._closed = True
        self._reader.clear()
        self._output.clear()
        return Disconnected(reason)


def _u16(value: int) -> int:
    return min(max(value, 0), 0xFFFF)


def _encoding_list(encodings: Sequence[int], jpeg_quality: int | None,
                   compress_level: int | None, local_cursor: bool) -> list[int]:
    unknown = [encoding for encoding in encodings if encoding not in msg.DECODABLE]
    if unknown or not encodings:
        # A programming error: the server would send what nobody can decode.
        raise ValueError(f"cannot decode encodings {unknown or 'none'}")
    pseudo = [msg.EXTENDED_DESKTOP_SIZE, msg.DESKTOP_SIZE, msg.LAST_RECT,
              msg.QEMU_EXTENDED_KEY_EVENT, msg.QEMU_POINTER_MOTION_CHANGE]
    if local_cursor:
        pseudo.append(msg.CURSOR)
    if jpeg_quality is not None:
        pseudo.append(msg.JPEG_QUALITY_0 + min(max(jpeg_quality, 0), 9))
    if compress_level is not None:
        pseudo.append(msg.COMPRESS_LEVEL_0 + min(max(compress_level, 0), 9))
    return list(encodings) + pseudo
