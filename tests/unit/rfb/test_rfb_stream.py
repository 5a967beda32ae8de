"""Streaming: any split of the server's bytes gives the same events, and hostile or broken
streams end in one clean Disconnected (never an exception, a hang or a huge allocation)."""

import struct
import tracemalloc
import zlib
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rfb_server_helpers import (
    compact_length, connected_client, copy_rect, cursor_rect, desktop_size_rect,
    extended_desktop_size_rect, greeting_none, random_image, raw_rect, rect_header, server_init,
    tight_copy, tight_fill, tight_gradient, tight_jpeg, tight_palette, update, zlib_rect, zrle_rect)

from kvmgui.rfb.client import RfbClient
from kvmgui.rfb.events import Bell, Disconnected, FrameComplete, ServerCutText

INTERNAL_FAILURE = "The console client failed to decode the screen ({error})."
FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


def session_bytes() -> bytes:
    """A server's side of a session that uses every message and encoding."""
    zlib_stream, zrle_stream = zlib.compressobj(), zlib.compressobj()
    tight: dict[int, Any] = {}
    mask = np.ones((4, 5), bool)
    mask[0, 0] = False
    return b"".join([
        greeting_none(96, 80),
        update(extended_desktop_size_rect(96, 80), rect_header(0, 0, 96, 80, -258)),
        update(raw_rect(1, 2, random_image(20, 10, 1)),
               zlib_rect(zlib_stream, 0, 0, random_image(96, 80, 2)),
               copy_rect(0, 0, 10, 10, 50, 50),
               cursor_rect(2, 2, random_image(5, 4, 3), mask)),
        b"\x02",  # Bell
        struct.pack(">BxxxI", 3, 5) + b"h\xe9llo",  # ServerCutText, Latin-1
        struct.pack(">BxHH", 1, 0, 2) + bytes(12),  # SetColourMapEntries, ignored
        update(tight_fill(0, 0, 96, 80, np.array([1, 2, 3, 255], np.uint8)),
               tight_copy(tight, 3, 3, random_image(40, 30, 4), stream=1),
               tight_palette(tight, 0, 40, random_image(96, 40, 5, colours=2), stream=2),
               tight_palette(tight, 10, 10, random_image(9, 9, 6, colours=9), stream=2),
               tight_gradient(tight, 50, 0, random_image(16, 12, 7), stream=3),
               tight_jpeg(0, 0, 8, 8, b"\xff\xd8jpeg\xff\xd9"),
               zlib_rect(zlib_stream, 90, 70, random_image(6, 10, 8))),
        update(zrle_rect(zrle_stream, 0, 0, random_image(96, 80, 9, colours=5),
                         ("raw", "packed", "plain_rle", "palette_rle", "solid")),
               rect_header(1, 0, 96, 80, -257)),
        update(desktop_size_rect(100, 100), raw_rect(0, 90, random_image(100, 10, 10))),
        update(zrle_rect(zrle_stream, 4, 4, random_image(70, 66, 11, colours=3),
                         ("palette_rle",)), rect_header(0, 0, 0, 0, -224), count=50),
    ])


SESSION = session_bytes()


def comparable(events: list[Any]) -> list[Any]:
    """Events as plain values (numpy arrays as bytes) so lists can be compared."""
    out = []
    for event in events:
        fields = {name: getattr(event, name) for name in event.__slots__}
        out.append((type(event).__name__, {
            name: (value.shape, value.tobytes()) if isinstance(value, np.ndarray) else value
            for name, value in fields.items()}))
    return out


def run(chunks: list[bytes]) -> tuple[list[Any], bytes]:
    client = RfbClient()
    events: list[Any] = []
    output = b""
    for chunk in chunks:
        events += client.feed(chunk)
        output += client.take_output()
    return comparable(events), output


REFERENCE = run([SESSION])


def test_the_reference_session_decodes_completely() -> None:
    events, output = REFERENCE
    names = [name for name, _ in events]
    assert "Disconnected" not in names
    assert names.count("FrameComplete") == 6
    for kind in ("Connected", "Rect", "CopyRect", "CursorShape", "Bell", "ServerCutText",
                 "JpegRect", "PointerModeChanged", "DesktopResized"):
        assert kind in names, kind
    assert ("ServerCutText", {"text": "héllo"}) in events
    # One request per completed update; a full one after the legacy DesktopSize.
    assert output.count(struct.pack(">BBHHHH", 3, 1, 0, 0, 96, 80)) == 4
    assert output.count(struct.pack(">BBHHHH", 3, 0, 0, 0, 100, 100)) == 1
    assert output.endswith(struct.pack(">BBHHHH", 3, 1, 0, 0, 100, 100))


def test_byte_by_byte_gives_the_same_result() -> None:
    assert run([SESSION[i:i + 1] for i in range(len(SESSION))]) == REFERENCE


@FUZZ
@given(st.lists(st.integers(0, len(SESSION)), max_size=40))
def test_any_split_gives_the_same_result(cuts: list[int]) -> None:
    points = [0, *sorted(cuts), len(SESSION)]
    assert run([SESSION[a:b] for a, b in zip(points, points[1:], strict=False)]) == REFERENCE


def assert_clean_end(client: RfbClient, events: list[Any]) -> None:
    disconnects = [event for event in events if isinstance(event, Disconnected)]
    assert len(disconnects) <= 1
    if disconnects:
        assert events[-1] is disconnects[0] and client.closed
        assert disconnects[0].reason.template != INTERNAL_FAILURE, disconnects[0]


@FUZZ
@given(st.integers(0, len(SESSION) - 1))
def test_a_truncated_stream_ends_with_one_disconnect(length: int) -> None:
    client = RfbClient()
    events = client.feed(SESSION[:length])
    events += client.connection_lost()
    assert_clean_end(client, events)
    assert isinstance(events[-1], Disconnected)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(SESSION) - 1), st.integers(0, 255)),
                min_size=1, max_size=8))
def test_corrupted_streams_never_crash(changes: list[tuple[int, int]]) -> None:
    data = bytearray(SESSION)
    for position, value in changes:
        data[position] = value
    client = RfbClient(max_size=(2048, 2048))
    assert_clean_end(client, client.feed(bytes(data)))


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes_after_the_handshake_never_crash(noise: bytes) -> None:
    client = connected_client(max_size=(1024, 1024))
    assert_clean_end(client, client.feed(noise))


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_as_a_handshake_never_crash(noise: bytes) -> None:
    client = RfbClient()
    assert_clean_end(client, client.feed(b"RFB 003.008\n" + noise))


def allocated_peak(action: Any) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_zlib_bomb_is_stopped_at_the_rectangle_size() -> None:
    bomb = zlib.compressobj()
    # Small enough to pass the compressed-size check, 10000 times the rectangle inflated.
    data = bomb.compress(bytes(4_000_000)) + bomb.flush(zlib.Z_SYNC_FLUSH)
    assert len(data) < 4500
    client = connected_client()
    rect = rect_header(0, 0, 10, 10, 6) + struct.pack(">I", len(data)) + data
    events: list[Any] = []
    peak = allocated_peak(lambda: events.extend(client.feed(update(rect))))
    assert "inflates beyond 400 bytes" in str(events[-1].reason)
    assert peak < 5_000_000


def test_an_over_long_clipboard_is_dropped_as_it_streams() -> None:
    client = connected_client(max_cut_text=1000)
    events: list[Any] = client.feed(struct.pack(">BxxxI", 3, 50_000_000))

    def stream() -> None:
        for _ in range(50):
            events.extend(client.feed(bytes(1_000_000)))

    assert allocated_peak(stream) < 8_000_000
    events += client.feed(b"\x02" + struct.pack(">BxxxI", 3, 2) + b"ok")
    assert events == [Bell(), ServerCutText("ok")]


def test_announced_lengths_beyond_any_sane_size_disconnect_at_once() -> None:
    for rect in (rect_header(0, 0, 10, 10, 6) + struct.pack(">I", 0xFFFFFFFF),
                 rect_header(0, 0, 10, 10, 16) + struct.pack(">I", 0x7FFFFFFF),
                 rect_header(0, 0, 2, 2, 7) + b"\x00\xff\xff\xff"):
        events = connected_client().feed(update(rect))
        assert isinstance(events[-1], Disconnected), rect


def test_an_extended_clipboard_message_is_refused() -> None:
    events = connected_client().feed(struct.pack(">BxxxI", 3, 0xFFFFFFF0))
    assert "extended clipboard" in str(events[-1].reason)


def test_unknown_message_types_disconnect() -> None:
    events = connected_client().feed(b"\xfe" + bytes(10))
    assert str(events[-1].reason) == "The console server sent invalid data (message type 254)."


def test_nothing_is_decoded_after_a_disconnect() -> None:
    client = connected_client()
    assert isinstance(client.feed(b"\xfe")[-1], Disconnected)
    assert client.feed(update()) == [] and client.take_output() == b""
    client.key_event(True, 0x61)
    assert client.take_output() == b""


def test_updates_keep_flowing_after_many_frames() -> None:
    client = connected_client()
    for _ in range(100):
        assert client.feed(update()) == [FrameComplete()]
    assert client.take_output() == struct.pack(">BBHHHH", 3, 1, 0, 0, 64, 48) * 100


@FUZZ
@given(st.sampled_from([0, 1, 6, 7, 16, -223, -224, -239, -257, -258, -308]),
       st.tuples(st.integers(0, 80), st.integers(0, 80), st.integers(0, 80), st.integers(0, 80)),
       st.binary(max_size=3000))
def test_random_rect_payloads_never_crash(encoding: int, box: tuple[int, int, int, int],
                                          payload: bytes) -> None:
    client = connected_client(width=64, height=64, max_size=(256, 256))
    assert_clean_end(client, client.feed(update(rect_header(*box, encoding) + payload)))


@FUZZ
@given(st.integers(0, 130), st.integers(0, 130), st.binary(min_size=1, max_size=5000))
def test_hostile_zrle_tiles_never_crash(width: int, height: int, tiles: bytes) -> None:
    # Valid zlib around nonsense: the tile parser itself meets the hostile bytes.
    data = zlib.compress(tiles)
    client = connected_client(width=256, height=256, max_size=(256, 256))
    rect = rect_header(0, 0, width, height, 16) + struct.pack(">I", len(data)) + data
    assert_clean_end(client, client.feed(update(rect)))


@FUZZ
@given(st.integers(0, 70), st.integers(0, 70), st.integers(0, 0x3F), st.integers(0, 3),
       st.binary(max_size=40), st.binary(max_size=5000))
def test_hostile_tight_filters_never_crash(width: int, height: int, control: int,
                                           filter_id: int, head: bytes, body: bytes) -> None:
    stream = zlib.compressobj()
    data = stream.compress(body) + stream.flush(zlib.Z_SYNC_FLUSH)
    rect = rect_header(0, 0, width, height, 7) + bytes([0x40 | control, filter_id]) + head
    client = connected_client(width=256, height=256, max_size=(256, 256))
    assert_clean_end(client, client.feed(update(rect + compact_length(len(data)) + data)))


def test_a_password_handshake_byte_by_byte_gives_the_same_result() -> None:
    greeting = (b"RFB 003.008\n\x01\x02" + bytes(range(16)) + struct.pack(">I", 0)
                + server_init(32, 16))

    def run_with_password(chunks: list[bytes]) -> tuple[list[Any], bytes]:
        client = RfbClient(password_provider=lambda: "pw")
        events = [event for chunk in chunks for event in client.feed(chunk)]
        return comparable(events), client.take_output()

    whole = run_with_password([greeting])
    assert whole[0] == [("Connected", {"width": 32, "height": 16, "name": "QEMU (guest)"})]
    assert run_with_password([greeting[i:i + 1] for i in range(len(greeting))]) == whole
