"""Benchmark (not a test): decoding one full 1024x768 framebuffer update with kvmgui.rfb.

Each encoding's update is built by the test-side encoder (tests/unit/rfb/rfb_server_helpers.py)
from a desktop-like frame (smooth background, flat windows, a noisy photo area), then fed to a
connected RfbClient in 64 KiB chunks as a socket would deliver it.  Timed per frame:

    decode   RfbClient.feed over the whole update, until FrameComplete
    apply    copying the decoded rectangles into a numpy framebuffer (what the widget does)
    cpu      process CPU time of decode + apply: steadier than wall time on a busy machine

The target is <= 10 ms median for decode + paint.  The Qt paint (QImage over the framebuffer,
an offscreen repaint) belongs to the console widget: its helper adds it in ``paint_time``
below; until then the table shows the protocol side only.

Usage: python tests/perf/bench_console.py [--frames N] [--encodings raw,zlib,...]
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
    for event in events:
        if isinstance(event, Rect):
            framebuffer[event.y:event.y + event.height, event.x:event.x + event.width] = \
                event.pixels
        elif isinstance(event, CopyRect):
            source = framebuffer[event.src_y:event.src_y + event.height,
                                 event.src_x:event.src_x + event.width].copy()
            framebuffer[event.y:event.y + event.height,
                        event.x:event.x + event.width] = source


def paint_time(framebuffer: np.ndarray) -> float:
    """Seconds to paint the framebuffer in the console widget: the widget helper fills this
    in (QImage over ``framebuffer``, an offscreen repaint); 0 until then."""
    return 0.0


def measure(encoding: str, count: int) -> dict[str, float]:
    frames = [desktop_frame(seed) for seed in range(count)]
    updates = encode(encoding, frames)
    client = connected_client(WIDTH, HEIGHT, max_size=(WIDTH, HEIGHT))
    framebuffer = np.zeros((HEIGHT, WIDTH, 4), np.uint8)
    decode, copy, paint, cpu = [], [], [], []
    for frame, data in zip(frames, updates, strict=True):
        events: list[object] = []
        cpu_start = time.process_time()
        start = time.perf_counter()
        for offset in range(0, len(data), CHUNK):
            events += client.feed(data[offset:offset + CHUNK])
        decoded = time.perf_counter()
        apply(framebuffer, events)
        cpu.append(time.process_time() - cpu_start)
        decode.append(decoded - start)
        copy.append(time.perf_counter() - decoded)
        paint.append(paint_time(framebuffer))
        assert events[-1] == FrameComplete(), events[-1]
        assert np.array_equal(framebuffer, frame), f"{encoding} decoded wrongly"
        client.take_output()
    total = [d + c + p for d, c, p in zip(decode, copy, paint, strict=True)]
    return {"bytes": statistics.median(len(u) for u in updates),
            "decode": statistics.median(decode) * 1000, "apply": statistics.median(copy) * 1000,
            "paint": statistics.median(paint) * 1000, "total": statistics.median(total) * 1000,
            "cpu": statistics.median(cpu) * 1000,
            "p90": statistics.quantiles(total, n=10)[-1] * 1000}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--encodings", default="raw,zlib,tight,zrle")
    args = parser.parse_args(argv)
    rows: list[tuple[str, Callable[[], dict[str, float]]]] = [
        (name, lambda name=name: measure(name, args.frames))  # type: ignore[misc]
        for name in args.encodings.split(",")]
    print(f"1024x768 full-frame update, {args.frames} frames, median ms (paint: widget's part)")
    print()
    print("| encoding | wire KiB | decode | apply | paint | total | p90 total | cpu |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, run in rows:
        r = run()
        print(f"| {name} | {r['bytes'] / 1024:.0f} | {r['decode']:.2f} | {r['apply']:.2f} | "
              f"{r['paint']:.2f} | {r['total']:.2f} | {r['p90']:.2f} | {r['cpu']:.2f} |")


if __name__ == "__main__":
    main()
