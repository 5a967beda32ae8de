"""Version and security negotiation, authentication and ServerInit, byte for byte."""

import struct

import pytest
from rfb_server_helpers import greeting_none, rfb_string, server_init

from kvmgui.rfb.client import RfbClient
from kvmgui.rfb.des import vnc_auth_response
from kvmgui.rfb.events import Connected, Disconnected, NeedPassword
from kvmgui.rfb.pixels import PIXEL_FORMAT

CHALLENGE = bytes(range(100, 116))


def reason_of(events: list[object]) -> str:
    assert events and isinstance(events[-1], Disconnected), events
    return str(events[-1].reason)


@pytest.mark.parametrize(("offered", "answer"), [
    (b"RFB 003.003\n", b"RFB 003.003\n"),
    (b"RFB 003.005\n", b"RFB 003.003\n"),  # 3.5 was a wrongly reported 3.3
    (b"RFB 003.007\n", b"RFB 003.007\n"),
    (b"RFB 003.008\n", b"RFB 003.008\n"),
    (b"RFB 003.889\n", b"RFB 003.008\n"),  # Apple's
    (b"RFB 004.001\n", b"RFB 003.008\n"),  # RealVNC's
])
def test_the_client_answers_the_highest_version_it_speaks(offered: bytes, answer: bytes) -> None:
    client = RfbClient()
    assert client.feed(offered) == []
    assert client.take_output() == answer


@pytest.mark.parametrize("offered", [b"RFB 003.002\n", b"RFB 002.009\n"])
def test_too_old_a_version_disconnects(offered: bytes) -> None:
    client = RfbClient()
    assert "too old" in reason_of(client.feed(offered))
    assert client.closed and client.take_output() == b""


@pytest.mark.parametrize("garbage", [b"SSH-2.0-Open\n", b"RFB 3.8     \n", b"HTTP/1.1 400 "])
def test_something_else_than_rfb_disconnects(garbage: bytes) -> None:
    assert "invalid data" in reason_of(RfbClient().feed(garbage))


def test_security_none_on_3_8_walks_to_connected() -> None:
    client = RfbClient()
    events = client.feed(greeting_none(800, 600, "Bäume".encode()))
    assert events == [Connected(800, 600, "Bäume")]
    assert (client.width, client.height, client.name) == (800, 600, "Bäume")
    encodings = [7, 16, 6, 1, 0, -308, -223, -224, -258, -257, -239]
    assert client.take_output() == (
        b"RFB 003.008\n"
        + b"\x01"  # security type None
        + b"\x01"  # ClientInit: shared
        + b"\x00\x00\x00\x00" + PIXEL_FORMAT
        + struct.pack(f">BxH{len(encodings)}i", 2, len(encodings), *encodings)
        + struct.pack(">BBHHHH", 3, 0, 0, 0, 800, 600))


def test_our_pixel_format_is_32_bit_little_endian_bgrx() -> None:
    assert PIXEL_FORMAT == bytes([32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0])


def test_options_shape_the_encodings_and_the_share_flag() -> None:
    client = RfbClient(encodings=(0,), jpeg_quality=12, compress_level=2, local_cursor=False,
                       shared=False)
    client.feed(greeting_none())
    out = client.take_output()
    assert out[13:14] == b"\x00"  # ClientInit: exclusive
    encodings = [0, -308, -223, -224, -258, -257, -32 + 9, -256 + 2]
    assert struct.pack(f">BxH{len(encodings)}i", 2, len(encodings), *encodings) in out


def test_security_none_on_3_7_needs_no_security_result() -> None:
    client = RfbClient()
    events = client.feed(b"RFB 003.007\n" + b"\x02\x10\x01" + server_init(10, 10))
    assert events == [Connected(10, 10, "QEMU (guest)")]
    assert client.take_output().startswith(b"RFB 003.007\n\x01\x01")


def test_security_none_on_3_3_is_chosen_by_the_server() -> None:
    client = RfbClient()
    events = client.feed(b"RFB 003.003\n" + struct.pack(">I", 1) + server_init(10, 10))
    assert events == [Connected(10, 10, "QEMU (guest)")]
    # 3.3: the client does not answer with a security type.
    assert client.take_output().startswith(b"RFB 003.003\n\x01\x00\x00\x00\x00")


def test_none_is_preferred_over_a_password() -> None:
    client = RfbClient()
    client.feed(b"RFB 003.008\n\x02\x02\x01")
    assert client.take_output() == b"RFB 003.008\n\x01"


def test_vnc_auth_with_a_password_provider() -> None:
    client = RfbClient(password_provider=lambda: "secret")
    events = client.feed(b"RFB 003.008\n\x01\x02" + CHALLENGE)
    assert events == []
    assert client.take_output() == b"RFB 003.008\n\x02" + vnc_auth_response(CHALLENGE, "secret")
    events = client.feed(struct.pack(">I", 0) + server_init(20, 10))
    assert events == [Connected(20, 10, "QEMU (guest)")]


def test_vnc_auth_asks_for_the_password_and_waits() -> None:
    client = RfbClient()
    assert client.feed(b"RFB 003.008\n\x01\x02" + CHALLENGE) == [NeedPassword()]
    client.take_output()
    # Nothing else happens until the password comes.
    assert client.feed(b"") == [] and client.take_output() == b""
    assert client.provide_password("pw") == []
    assert client.take_output() == vnc_auth_response(CHALLENGE, "pw")
    assert client.feed(struct.pack(">I", 0) + server_init(20, 10))[0] == Connected(
        20, 10, "QEMU (guest)")


def test_a_provider_without_an_answer_falls_back_to_asking() -> None:
    client = RfbClient(password_provider=lambda: None)
    assert client.feed(b"RFB 003.008\n\x01\x02" + CHALLENGE) == [NeedPassword()]


def test_no_password_gives_up() -> None:
    client = RfbClient()
    client.feed(b"RFB 003.008\n\x01\x02" + CHALLENGE)
    assert "No password" in reason_of(client.provide_password(None))
    assert client.provide_password("late") == []


def test_a_wrong_password_on_3_8_shows_the_servers_reason() -> None:
    client = RfbClient(password_provider=lambda: "wrong")
    client.feed(b"RFB 003.008\n\x01\x02" + CHALLENGE)
    # QEMU's reason ends with a NUL.
    reason = reason_of(client.feed(struct.pack(">I", 1) + rfb_string(b"Authentication failed\0")))
    assert reason == "The console server refused the login: Authentication failed"
    assert client.closed


@pytest.mark.parametrize("version", [b"RFB 003.007\n", b"RFB 003.003\n"])
def test_a_wrong_password_before_3_8_has_no_reason_from_the_server(version: bytes) -> None:
    client = RfbClient(password_provider=lambda: "wrong")
    security = b"\x01\x02" if version.endswith(b"7\n") else struct.pack(">I", 2)
    client.feed(version + security + CHALLENGE)
    assert reason_of(client.feed(struct.pack(">I", 1))) == \
        "The console server did not accept the password."


def test_a_refusal_with_no_security_types_gives_the_servers_reason() -> None:
    events = RfbClient().feed(b"RFB 003.008\n\x00" + rfb_string(b"Too many connections"))
    assert reason_of(events) == "The console server refused the connection: Too many connections"


def test_a_refusal_on_3_3_gives_the_servers_reason() -> None:
    events = RfbClient().feed(b"RFB 003.003\n" + struct.pack(">I", 0) + rfb_string(b"busy"))
    assert reason_of(events) == "The console server refused the connection: busy"


def test_unsupported_security_types_are_named() -> None:
    reason = reason_of(RfbClient().feed(b"RFB 003.008\n\x02\x13\x14"))
    assert reason == ("The console server asks for a kind of security this client does not "
                      "support (VeNCrypt, SASL).")


def test_unsupported_security_on_3_3() -> None:
    reason = reason_of(RfbClient().feed(b"RFB 003.003\n" + struct.pack(">I", 16)))
    assert reason.endswith("support (Tight).")


def test_a_framebuffer_beyond_the_limit_is_refused() -> None:
    client = RfbClient(max_size=(1024, 768))
    reason = reason_of(client.feed(greeting_none(1025, 768)))
    assert reason == "The remote screen is too large (1025×768; the limit is 1024×768)."


def test_an_absurd_name_length_is_refused_without_waiting_for_it() -> None:
    head = b"RFB 003.008\n\x01\x01" + struct.pack(">I", 0) + server_init(10, 10)[:20]
    events = RfbClient().feed(head + struct.pack(">I", 0xFFFFFFF0))
    assert "invalid data" in reason_of(events)


def test_an_undecodable_name_is_replaced_not_fatal() -> None:
    events = RfbClient().feed(greeting_none(10, 10, b"bad \xff name"))
    assert events == [Connected(10, 10, "bad \ufffd name")]


def test_eof_during_the_handshake_and_after() -> None:
    client = RfbClient()
    client.feed(b"RFB 003.008\n")
    assert "during the handshake" in reason_of(client.connection_lost())
    assert client.connection_lost() == []
    connected = RfbClient()
    connected.feed(greeting_none())
    assert reason_of(connected.connection_lost()) == "The console server closed the connection."
    assert connected.feed(b"\x02") == []


@pytest.mark.parametrize("encodings", [(5,), (), (0, -239)])
def test_only_decodable_encodings_can_be_asked_for(encodings: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match="cannot decode"):
        RfbClient(encodings=encodings)
