"""Every decoder on byte streams built from the protocol's definitions."""

import struct
import zlib

import numpy as np
import pytest
from rfb_server_helpers import (
    connected_client, copy_rect, cursor_rect, desktop_size_rect, extended_desktop_size_rect,
    random_image, raw_rect, rect_header, tight_copy, tight_fill, tight_gradient, tight_jpeg,
    tight_palette, update, zlib_rect, zrle_rect)

from kvmgui.rfb.events import (
    CopyRect, CursorShape, DesktopResized, Disconnected, FrameComplete, JpegRect,
    PointerModeChanged, Rect)
from kvmgui.rfb.tight import undo_gradient

FULL_INCREMENTAL = struct.pack(">BBHHHH", 3, 1, 0, 0, 64, 48)


def only_rects(events: list[object]) -> list[Rect]:
    assert events[-1] == FrameComplete(), events
    rects = [event for event in events if isinstance(event, Rect)]
    assert len(rects) == len(events) - 1, events
    return rects


def assert_rect(rect: Rect, x: int, y: int, image: np.ndarray) -> None:
    assert (rect.x, rect.y, rect.width, rect.height) == (x, y, image.shape[1], image.shape[0])
    assert rect.pixels.dtype == np.uint8 and rect.pixels.shape == image.shape
    np.testing.assert_array_equal(rect.pixels, image)


def test_raw_gives_opaque_bgrx_and_asks_for_the_next_update() -> None:
    client = connected_client()
    image = random_image(13, 7)
    [rect] = only_rects(client.feed(update(raw_rect(3, 4, image))))
    assert_rect(rect, 3, 4, image)
    assert client.take_output() == FULL_INCREMENTAL


def test_an_empty_update_completes_a_frame() -> None:
    client = connected_client()
    assert client.feed(update()) == [FrameComplete()]


def test_the_widget_can_stop_the_automatic_requests() -> None:
    client = connected_client()
    client.auto_update = False
    client.feed(update())
    assert client.take_output() == b""
    client.request_update(incremental=False)
    assert client.take_output() == struct.pack(">BBHHHH", 3, 0, 0, 0, 64, 48)


def test_copyrect() -> None:
    events = connected_client().feed(update(copy_rect(10, 20, 30, 5, 0, 1)))
    assert events == [CopyRect(10, 20, 30, 5, 0, 1), FrameComplete()]


def test_zlib_keeps_one_stream_across_rects_and_updates() -> None:
    client = connected_client()
    stream = zlib.compressobj()
    first, second, third = random_image(20, 10, 1), random_image(64, 48, 2), random_image(5, 5, 3)
    rects = only_rects(client.feed(update(zlib_rect(stream, 0, 0, first),
                                          zlib_rect(stream, 1, 2, second[:46, :63]))))
    assert_rect(rects[0], 0, 0, first)
    assert_rect(rects[1], 1, 2, second[:46, :63])
    [rect] = only_rects(client.feed(update(zlib_rect(stream, 59, 43, third))))
    assert_rect(rect, 59, 43, third)


def test_tight_fill_is_a_solid_read_only_rect() -> None:
    colour = np.array([10, 20, 30, 255], np.uint8)
    [rect] = only_rects(connected_client().feed(update(tight_fill(1, 1, 40, 30, colour))))
    assert_rect(rect, 1, 1, np.broadcast_to(colour, (30, 40, 4)))
    assert not rect.pixels.flags.writeable


def test_tight_jpeg_is_handed_over_as_is() -> None:
    jpeg = b"\xff\xd8" + bytes(range(256)) * 70 + b"\xff\xd9"  # longer than 16383: 3-byte size
    events = connected_client().feed(update(tight_jpeg(0, 0, 64, 48, jpeg)))
    assert events == [JpegRect(0, 0, 64, 48, jpeg), FrameComplete()]


@pytest.mark.parametrize("size", [(1, 1), (2, 2), (17, 9)])  # 3 and 12 bytes go uncompressed
def test_tight_copy_filter(size: tuple[int, int]) -> None:
    streams: dict[int, zlib._Compress] = {}
    image = random_image(*size)
    [rect] = only_rects(connected_client().feed(update(tight_copy(streams, 2, 3, image))))
    assert_rect(rect, 2, 3, image)


def test_tight_streams_continue_and_reset() -> None:
    client = connected_client()
    streams: dict[int, zlib._Compress] = {}
    images = [random_image(30, 20, seed) for seed in range(4)]
    data = update(tight_copy(streams, 0, 0, images[0], stream=0),
                  tight_copy(streams, 0, 0, images[1], stream=3),
                  tight_copy(streams, 0, 0, images[2], stream=0))
    for rect, image in zip(only_rects(client.feed(data)), images, strict=False):
        assert_rect(rect, 0, 0, image)
    # The server starts stream 3 afresh and says so in the control byte.
    streams[3] = zlib.compressobj()
    [rect] = only_rects(client.feed(update(
        tight_copy(streams, 0, 0, images[3], stream=3, reset=0b1000))))
    assert_rect(rect, 0, 0, images[3])


def test_a_tight_stream_reset_the_client_is_not_told_about_breaks_the_stream() -> None:
    client = connected_client()
    streams: dict[int, zlib._Compress] = {}
    client.feed(update(tight_copy(streams, 0, 0, random_image(30, 20))))
    streams[0] = zlib.compressobj()
    events = client.feed(update(tight_copy(streams, 0, 0, random_image(30, 20))))
    assert isinstance(events[-1], Disconnected)


@pytest.mark.parametrize(("colours", "size"), [(2, (19, 11)), (2, (64, 48)), (5, (33, 17)),
                                              (200, (40, 40)), (2, (3, 2))])
def test_tight_palette_filter(colours: int, size: tuple[int, int]) -> None:
    image = random_image(*size, seed=colours, colours=colours)
    streams: dict[int, zlib._Compress] = {}
    [rect] = only_rects(connected_client().feed(update(tight_palette(streams, 0, 0, image))))
    assert_rect(rect, 0, 0, image)


@pytest.mark.parametrize("size", [(1, 1), (13, 1), (1, 9), (23, 17)])
def test_tight_gradient_filter(size: tuple[int, int]) -> None:
    streams: dict[int, zlib._Compress] = {}
    image = random_image(*size, seed=7)
    [rect] = only_rects(connected_client().feed(update(tight_gradient(streams, 0, 0, image))))
    assert_rect(rect, 0, 0, image)


def test_undo_gradient_of_a_smooth_image() -> None:
    # A smooth ramp: predictions are exact inside it, so the diffs are mostly zero.
    ramp = np.add.outer(np.arange(20), np.arange(30)).astype(np.uint8)
    image = np.stack([ramp, ramp * 2, 255 - ramp], axis=2)
    from rfb_server_helpers import gradient_diffs
    bgra = np.full((20, 30, 4), 255, np.uint8)
    bgra[:, :, :3] = image[:, :, ::-1]
    np.testing.assert_array_equal(undo_gradient(gradient_diffs(bgra), 30, 20), image)


@pytest.mark.parametrize("modes", [("raw",), ("solid",), ("packed",), ("plain_rle",),
                                   ("palette_rle",), ("raw", "packed", "palette_rle")])
@pytest.mark.parametrize("colours", [2, 3, 11, 100])
def test_zrle_subencodings(modes: tuple[str, ...], colours: int) -> None:
    if "packed" in modes and colours > 16 or "solid" in modes:
        colours = 1 if "solid" in modes else 16
    # Runs of equal pixels make the RLE modes do real work.
    image = np.repeat(random_image(50, 48, seed=colours, colours=colours), 2, axis=1)[:, :100]
    if colours == 1:
        image = np.broadcast_to(image[:1, :1], image.shape).copy()
    client = connected_client(width=100, height=48)
    [rect] = only_rects(client.feed(update(zrle_rect(zlib.compressobj(), 0, 0, image, modes))))
    assert_rect(rect, 0, 0, image)


def test_zrle_partial_tiles_and_a_continuing_stream() -> None:
    client = connected_client(width=200, height=150)
    stream = zlib.compressobj()
    first, second = random_image(130, 70, 1, colours=6), random_image(65, 129, 2, colours=3)
    [rect] = only_rects(client.feed(update(zrle_rect(stream, 5, 6, first, ("packed", "raw")))))
    assert_rect(rect, 5, 6, first)
    [rect] = only_rects(client.feed(update(zrle_rect(stream, 0, 0, second, ("palette_rle",)))))
    assert_rect(rect, 0, 0, second)


def test_long_zrle_runs_use_several_length_bytes() -> None:
    image = np.zeros((64, 64, 4), np.uint8)
    image[:, :, 3] = 255
    image[40:, :, 1] = 200  # two runs: 2560 and 1536 pixels
    client = connected_client(width=64, height=64)
    for mode in ("plain_rle", "palette_rle"):
        [rect] = only_rects(client.feed(update(zrle_rect(zlib.compressobj(), 0, 0, image,
                                                         (mode,)))))
        assert_rect(rect, 0, 0, image)
        client = connected_client(width=64, height=64)


def test_desktop_size_asks_for_a_full_update_next() -> None:
    client = connected_client()
    events = client.feed(update(desktop_size_rect(320, 200)))
    assert events == [DesktopResized(320, 200), FrameComplete()]
    assert (client.width, client.height) == (320, 200)
    assert client.take_output() == struct.pack(">BBHHHH", 3, 0, 0, 0, 320, 200)
    client.feed(update())
    assert client.take_output() == struct.pack(">BBHHHH", 3, 1, 0, 0, 320, 200)


def test_a_widget_that_requests_itself_gets_the_full_update_after_a_resize() -> None:
    client = connected_client()
    client.auto_update = False
    client.feed(update(desktop_size_rect(320, 200)))
    client.request_update(incremental=True)
    client.request_update(incremental=True)
    assert client.take_output() == struct.pack(">BBHHHH", 3, 0, 0, 0, 320, 200) + \
        struct.pack(">BBHHHH", 3, 1, 0, 0, 320, 200)


def test_extended_desktop_size() -> None:
    client = connected_client()
    # The answer to the first full request: same size, nothing to do but note the support.
    assert client.feed(update(extended_desktop_size_rect(64, 48))) == [FrameComplete()]
    assert client.can_resize
    assert client.set_desktop_size(1024, 768)
    out = client.take_output()
    assert out.endswith(struct.pack(">BxHHBx", 251, 1024, 768, 1)
                        + struct.pack(">IHHHHI", 0, 0, 0, 1024, 768, 0))
    # A refused request (status 1) changes nothing; a done one resizes.
    assert client.feed(update(extended_desktop_size_rect(1024, 768, 1, 1))) == [FrameComplete()]
    events = client.feed(update(extended_desktop_size_rect(1024, 768, 1, 0)))
    assert events == [DesktopResized(1024, 768), FrameComplete()]
    assert client.take_output().endswith(struct.pack(">BBHHHH", 3, 1, 0, 0, 1024, 768))


def test_set_desktop_size_needs_the_servers_support_and_sane_sizes() -> None:
    client = connected_client()
    assert not client.set_desktop_size(800, 600)
    client.feed(update(extended_desktop_size_rect(64, 48)))
    assert not client.set_desktop_size(0, 600)
    assert not client.set_desktop_size(9000, 600)


def test_rects_after_a_resize_are_checked_against_the_new_size() -> None:
    client = connected_client()
    image = random_image(100, 10)
    events = client.feed(update(desktop_size_rect(100, 10), raw_rect(0, 0, image)))
    assert_rect(only_rects(events[1:])[0], 0, 0, image)


def test_cursor_shape_carries_alpha_from_its_mask() -> None:
    image = random_image(10, 3)
    mask = np.zeros((3, 10), bool)
    mask[1, 2:9] = True
    [event, done] = connected_client().feed(update(cursor_rect(4, 1, image, mask)))
    assert done == FrameComplete() and isinstance(event, CursorShape)
    assert (event.hotspot_x, event.hotspot_y, event.width, event.height) == (4, 1, 10, 3)
    expected = image.copy()
    expected[:, :, 3] = np.where(mask, 255, 0)
    np.testing.assert_array_equal(event.pixels, expected)


def test_an_empty_cursor_hides_the_pointer() -> None:
    events = connected_client().feed(update(cursor_rect(0, 0, random_image(0, 0),
                                                        np.zeros((0, 0), bool))))
    assert isinstance(events[0], CursorShape) and events[0].pixels.shape == (0, 0, 4)


def test_qemu_pointer_motion_change_and_extended_key_event() -> None:
    client = connected_client()
    assert not client.extended_keys and client.absolute_pointer
    events = client.feed(update(rect_header(0, 0, 64, 48, -257), rect_header(0, 0, 64, 48, -258)))
    assert events == [PointerModeChanged(False), FrameComplete()]
    assert client.extended_keys and not client.absolute_pointer
    assert client.feed(update(rect_header(1, 0, 64, 48, -257)))[0] == PointerModeChanged(True)


def test_last_rect_ends_an_update_early() -> None:
    client = connected_client()
    image = random_image(4, 4)
    events = client.feed(update(raw_rect(0, 0, image), rect_header(0, 0, 0, 0, -224),
                                count=0xFFFF))
    assert_rect(only_rects(events)[0], 0, 0, image)
    assert client.feed(b"\x02") != []  # back to reading messages: a Bell


@pytest.mark.parametrize("rect", [
    raw_rect(60, 0, random_image(5, 1)),
    raw_rect(0, 48, random_image(1, 1)),
    copy_rect(0, 0, 10, 10, 60, 0),
    rect_header(0, 0, 1, 1, 5),  # hextile: not asked for
    rect_header(0, 0, 1, 1, -260),  # Tight PNG: not asked for
    rect_header(0, 0, 4, 4, 7) + b"\xa0",  # a Tight PNG rect inside Tight
    rect_header(0, 0, 4, 4, 7) + b"\x43",  # Tight filter 3
    rect_header(0, 0, 4, 4, 16) + b"\x00\x00\x00\x00",  # ZRLE without tiles
    rect_header(0, 0, 4, 4, -239)[:8] + struct.pack(">HHi", 300, 2, -239),  # huge cursor
])
def test_bad_rects_disconnect(rect: bytes) -> None:
    events = connected_client().feed(update(rect) + bytes(64))
    assert isinstance(events[-1], Disconnected), events
    assert "invalid data" in str(events[-1].reason)
