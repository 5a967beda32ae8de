"""A domain's screen as an image file's bytes (virDomainScreenshot), read on a worker.

    conn.run(read_screenshot(uuid), on_done=lambda shot: QImage.fromData(shot.data))

libvirt hands the picture over a stream: the job opens a blocking stream on the worker's
connection, asks for screen 0 and reads the stream to its end. QEMU sends PPM, the test driver
PNG; the GUI decodes either. A host that streams without end is cut off at a size limit.
"""

from dataclasses import dataclass

import libvirt

from kvmgui.virt.actions import Job

# A 8192×8192 picture as uncompressed 24-bit PPM is 192 MiB; nothing a VM window shows
# needs more than a quarter of that.
MAX_SCREENSHOT_BYTES = 64 * 1024 * 1024
_CHUNK = 256 * 1024


@dataclass(frozen=True, slots=True)
class Screenshot:
    """One picture of a domain's screen: `data` in the format `mime` names."""

    mime: str  # e.g. "image/x-portable-pixmap" (QEMU), "image/png" (test driver)
    data: bytes


class ScreenshotTooLarge(Exception):
    """The host sent more than MAX_SCREENSHOT_BYTES for one screenshot."""


def read_screenshot(uuid: str, screen: int = 0) -> Job:
    """A job returning a `Screenshot` of the domain `uuid`."""
    def job(conn: libvirt.virConnect) -> Screenshot:
        domain = conn.lookupByUUIDString(uuid)
        stream = conn.newStream(0)
        try:
            mime = domain.screenshot(stream, screen, 0)
            data = _read_all(stream)
            stream.finish()
        except BaseException:
            _abort(stream)
            raise
        return Screenshot(str(mime or ""), data)
    return job


def _read_all(stream: libvirt.virStream) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.recv(_CHUNK)
        if not isinstance(chunk, bytes) or not chunk:  # b"" at the end of a blocking stream
            return b"".join(chunks)
        total += len(chunk)
        if total > MAX_SCREENSHOT_BYTES:
            raise ScreenshotTooLarge(
                f"the screenshot is larger than {MAX_SCREENSHOT_BYTES // (1024 * 1024)} MiB")
        chunks.append(chunk)


def _abort(stream: libvirt.virStream) -> None:
    try:
        stream.abort()
    except libvirt.libvirtError:
        pass  # already finished or broken: nothing left to release
