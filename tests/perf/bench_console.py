"""Benchmark (not a test): decoding and painting one full 1024x768 framebuffer update.

Each encoding's update is built by the test-side encoder (tests/unit/rfb/rfb_server_helpers.py)
from a desktop-like frame (smooth background, flat windows, a noisy photo area), then fed to a
connected RfbClient in 64 KiB chunks as a socket would deliver it.  Timed per frame:

    decode   RfbClient.feed over the whole update, until FrameComplete
    apply    the VNC view's Framebuffer.apply of each rectangle (numpy into the QImage's bytes)
    paint    the VNC view repainting the whole picture at 1:1 (offscreen, synchronous repaint)
    fit      the same repaint with the view at 1280x960: the picture scaled (smooth) to fit
    cpu      process CPU time of decode + apply + paint: steadier than wall time

--idle URI NAME instead measures an open console of a running domain: the VNC view attached
and shown (offscreen) for --seconds, the process's CPU time over that time as a share of one
core, and the updates it painted (target: <= 1 % for an idle guest, e.g. the tiny guest of
tests/integration/tiny_guest_helpers.py at its shell prompt).

The target is <= 10 ms median for decode + apply + paint (the "total" column; "total fit" with
the scaled paint).  --no-widget times the protocol side only (no Qt).

Usage: QT_QPA_PLATFORM=offscreen python tests/perf/bench_console.py [--frames N]
           [--encodings raw,zlib,...] [--no-widget] [--idle URI NAME [--seconds S]]
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "rfb"))
from rfb_server_helpers import (  # noqa: E402
    connected_client, raw_rect, tight_copy, update, zlib_rect, zrle_rect)

from kvmgui.rfb.events import CopyRect, FrameComplete, Rect  # noqa: E402

WIDTH, HEIGHT = 1024, 768
FIT_SIZE = (1280, 960)  # a larger window: the picture is scaled up to fit
CHUNK = 64 * 1024


def desktop_frame(seed: int) -> np.ndarray:
    """B, G, R, 255: a gradient background, two flat windows, a 300x200 noisy photo."""
    rng = np.random.default_rng(seed)
    frame = np.empty((HEIGHT, WIDTH, 4), np.uint8)
    frame[:, :, 0] = np.linspace(60, 200, WIDTH, dtype=np.uint8)[None, :]
    frame[:, :, 1] = np.linspace(30, 90, HEIGHT, dtype=np.uint8)[:, None]
    frame[:, :, 2] = 40
    frame[:, :, 3] = 255
    frame[100:600, 80:700, :3] = (236, 236, 236)
    frame[120:140, 80:700, :3] = (90, 60, 40)  # a title bar
    frame[200:700, 600:1000, :3] = (255, 255, 255)
    text = rng.random((500, 400)) < 0.08  # sparse dark "glyph" pixels
    frame[200:700, 600:1000, :3][text] = (20, 20, 20)
    frame[300:500, 150:450, :3] = rng.integers(0, 256, (200, 300, 3), dtype=np.uint8)
    return frame


def encode(encoding: str, frames: list[np.ndarray]) -> list[bytes]:
    """One update per frame; stateful encodings keep their stream across frames."""
    stream = zlib.compressobj()
    tight_streams: dict[int, zlib._Compress] = {}
    out = []
    for frame in frames:
        if encoding == "raw":
            out.append(update(raw_rect(0, 0, frame)))
        elif encoding == "zlib":
            out.append(update(zlib_rect(stream, 0, 0, frame)))
        elif encoding == "tight":
            # Tight rects are at most 2048 wide; QEMU sends bands like these.
            out.append(update(*(tight_copy(tight_streams, 0, top, frame[top:top + 64])
                                for top in range(0, HEIGHT, 64))))
        elif encoding == "zrle":
            out.append(update(zrle_rect(stream, 0, 0, frame, ("raw",))))
        else:
            raise SystemExit(f"unknown encoding {encoding}")
    return out


def apply(framebuffer: np.ndarray, events: list[object]) -> None:
    """The protocol side's own apply (--no-widget): numpy copies, no Qt."""
    for event in events:
        if isinstance(event, Rect):
            framebuffer[event.y:event.y + event.height, event.x:event.x + event.width] = \
                event.pixels
        elif isinstance(event, CopyRect):
            source = framebuffer[event.src_y:event.src_y + event.height,
                                 event.src_x:event.src_x + event.width].copy()
            framebuffer[event.y:event.y + event.height,
                        event.x:event.x + event.width] = source


class WidgetPaint:
    """The VNC view (kvmgui.ui.console.vnc_view) shown offscreen: its framebuffer takes the
    rectangles, a synchronous repaint of the changed area paints them."""

    def __init__(self) -> None:
        from PySide6.QtWidgets import QApplication

        from kvmgui.ui.console.vnc_view import VncView

        self.app = QApplication.instance() or QApplication([])
        self.view = VncView()
        self.framebuffer = self.view.framebuffer
        self.framebuffer.resize(WIDTH, HEIGHT)
        self.view.set_image(self.framebuffer.image)
        self.view.resize(WIDTH, HEIGHT)
        self.view.show()
        self.app.processEvents()

    def pixels(self) -> np.ndarray:
        return self.framebuffer.pixels

    def apply(self, events: list[object]) -> list[object]:
        return [self.framebuffer.apply(e) for e in events  # type: ignore[arg-type]
                if isinstance(e, Rect | CopyRect)]

    def paint(self, dirty: list[object], width: int, height: int) -> float:
        """Seconds to repaint the changed area with the view at width x height."""
        from PySide6.QtCore import QSize

        if self.view.size() != QSize(width, height):
            self.view.resize(width, height)
            self.app.processEvents()
        for rect in dirty:
            self.view.set_image(self.framebuffer.image, rect)  # type: ignore[arg-type]
        start = time.perf_counter()
        self.view.repaint()
        return time.perf_counter() - start


def measure(encoding: str, count: int, widget: WidgetPaint | None) -> dict[str, float]:
    frames = [desktop_frame(seed) for seed in range(count)]
    updates = encode(encoding, frames)
    client = connected_client(WIDTH, HEIGHT, max_size=(WIDTH, HEIGHT))
    own = np.zeros((HEIGHT, WIDTH, 4), np.uint8)
    decode, copy, paint, fit, cpu = [], [], [], [], []
    for frame, data in zip(frames, updates, strict=True):
        events: list[object] = []
        cpu_start = time.process_time()
        start = time.perf_counter()
        for offset in range(0, len(data), CHUNK):
            events += client.feed(data[offset:offset + CHUNK])
        decoded = time.perf_counter()
        if widget is None:
            apply(own, events)
            copy.append(time.perf_counter() - decoded)
            paint.append(0.0)
            fit.append(0.0)
        else:
            dirty = widget.apply(events)
            copy.append(time.perf_counter() - decoded)
            paint.append(widget.paint(dirty, WIDTH, HEIGHT))
        cpu.append(time.process_time() - cpu_start)
        if widget is not None:
            fit.append(widget.paint([widget.framebuffer.image.rect()], *FIT_SIZE))
        decode.append(decoded - start)
        assert events[-1] == FrameComplete(), events[-1]
        result = own if widget is None else widget.pixels()
        assert np.array_equal(result, frame), f"{encoding} decoded wrongly"
        client.take_output()
    total = [d + c + p for d, c, p in zip(decode, copy, paint, strict=True)]
    total_fit = [d + c + f for d, c, f in zip(decode, copy, fit, strict=True)]
    ms = 1000
    return {"bytes": statistics.median(len(u) for u in updates),
            "decode": statistics.median(decode) * ms, "apply": statistics.median(copy) * ms,
            "paint": statistics.median(paint) * ms, "fit": statistics.median(fit) * ms,
            "total": statistics.median(total) * ms, "total_fit": statistics.median(total_fit) * ms,
            "cpu": statistics.median(cpu) * ms,
            "p90": statistics.quantiles(total, n=10)[-1] * ms}


def idle_cost(uri: str, name: str, seconds: float) -> None:
    """Print the CPU share of an open console of domain ``name`` (see the docstring)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kvmgui.ui.console.vnc_view import VncView
    from kvmgui.ui.vm_window.rules import ViewState
    from kvmgui.virt.connection import Connection

    app = QApplication.instance() or QApplication([])

    def run_until(done: Callable[[], bool], timeout_s: float) -> None:
        clock = QElapsedTimer()
        clock.start()
        while not done() and clock.elapsed() < timeout_s * 1000:
            app.processEvents()
            time.sleep(0.005)

    connection = Connection(uri)
    connection.open()
    run_until(lambda: connection.inventory is not None, 60)
    assert connection.inventory is not None, connection.message
    domain = next(d for d in connection.inventory.domains if d.name == name)
    view = VncView()
    view.resize(800, 480)
    view.show()
    frames = [0]
    view.updated.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    view.attach(connection, domain)
    run_until(lambda: view.state is ViewState.CONNECTED, 30)
    run_until(lambda: False, 2)  # the first full update and its paint are not idle
    frames[0] = 0
    cpu, wall = time.process_time(), time.monotonic()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()  # the event loop, as the application runs it (it sleeps when idle)
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    print(f"open console of {name} ({view.guest_size().width()}x"
          f"{view.guest_size().height()}), {wall:.0f} s: {cpu / wall * 100:.2f} % of a core, "
          f"{frames[0] / wall:.1f} updates/s")
    view.detach()
    connection.shutdown()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--encodings", default="raw,zlib,tight,zrle")
    parser.add_argument("--no-widget", action="store_true", help="the protocol side only")
    parser.add_argument("--idle", nargs=2, metavar=("URI", "NAME"),
                        help="measure an open console of this running domain instead")
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args(argv)
    if args.idle:
        idle_cost(args.idle[0], args.idle[1], args.seconds)
        return
    widget = None if args.no_widget else WidgetPaint()
    rows: list[tuple[str, Callable[[], dict[str, float]]]] = [
        (name, lambda name=name: measure(name, args.frames, widget))  # type: ignore[misc]
        for name in args.encodings.split(",")]
    print(f"1024x768 full-frame update, {args.frames} frames, median ms "
          f"(fit: painted scaled to {FIT_SIZE[0]}x{FIT_SIZE[1]})")
    print()
    print("| encoding | wire KiB | decode | apply | paint 1:1 | total | p90 total | cpu "
          "| paint fit | total fit |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, run in rows:
        r = run()
        print(f"| {name} | {r['bytes'] / 1024:.0f} | {r['decode']:.2f} | {r['apply']:.2f} | "
              f"{r['paint']:.2f} | {r['total']:.2f} | {r['p90']:.2f} | {r['cpu']:.2f} | "
              f"{r['fit']:.2f} | {r['total_fit']:.2f} |")


if __name__ == "__main__":
    main()
