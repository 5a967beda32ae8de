"""DES and VNC Authentication against published vectors and an independent implementation."""

import pytest

from kvmgui.rfb.des import encrypt_block, vnc_auth_response, vnc_key


@pytest.mark.parametrize(("key", "plain", "cipher"), [
    # The worked example of FIPS 46 tutorials (J. Orlin Grabbe, "The DES Algorithm Illustrated").
    ("133457799BBCDFF1", "0123456789ABCDEF", "85E813540F0AB405"),
    # "Now is t" under 0123456789ABCDEF (FIPS 81 appendix, ECB example).
    ("0123456789ABCDEF", "4E6F772069732074", "3FA40E8A984D4815"),
    # NBS Special Publication 500-20, variable plaintext known answers.
    ("0101010101010101", "8000000000000000", "95F8A5E5DD31D900"),
    ("0101010101010101", "0000000000000001", "166B40B44ABA4BD6"),
    # ... and variable key.
    ("8001010101010101", "0000000000000000", "95A8D72813DAA94D"),
])
def test_des_matches_the_published_vectors(key: str, plain: str, cipher: str) -> None:
    assert encrypt_block(bytes.fromhex(key), bytes.fromhex(plain)).hex().upper() == cipher


def test_des_ignores_the_parity_bits_of_the_key() -> None:
    block = bytes.fromhex("0123456789ABCDEF")
    key = bytes.fromhex("133457799BBCDFF1")
    flipped = bytes(byte ^ 1 for byte in key)
    assert encrypt_block(flipped, block) == encrypt_block(key, block)


def test_des_refuses_wrong_sizes() -> None:
    with pytest.raises(ValueError):
        encrypt_block(b"short", bytes(8))


def test_vnc_key_reverses_the_bits_of_each_password_byte() -> None:
    # vncpasswd's fixed obfuscation key 23,82,107,6,35,78,88,7 is known bit-reversed as
    # e84ad660c4721ae0 in DES libraries that use the usual bit order.
    assert vnc_key("".join(map(chr, (23, 82, 107, 6, 35, 78, 88, 7)))).hex() == \
        "e84ad660c4721ae0"


def test_vnc_key_pads_with_zeros_and_cuts_at_eight_bytes() -> None:
    assert vnc_key("") == bytes(8)
    assert vnc_key("ab") == bytes([0x86, 0x46, 0, 0, 0, 0, 0, 0])
    assert vnc_key("12345678-and-more") == vnc_key("12345678")


@pytest.mark.parametrize(("challenge", "password", "response"), [
    # Computed with OpenSSL's DES (openssl enc -des-ecb -provider legacy -nopad) and the
    # bit-reversed key: an implementation independent of ours.
    ("000102030405060708090a0b0c0d0e0f", "password", "b866924125c8eebb9debc1db61c538e2"),
    ("a1b2c3d4e5f60718293a4b5c6d7e8f90", "s3cr3t-longer-than-8",
     "15c009d5f8aa295bf5ba8c817c59e4cb"),
])
def test_vnc_auth_response_matches_an_independent_des(challenge: str, password: str,
                                                       response: str) -> None:
    assert vnc_auth_response(bytes.fromhex(challenge), password).hex() == response


def test_vnc_auth_response_encrypts_each_half_on_its_own() -> None:
    challenge = bytes(range(16))
    doubled = vnc_auth_response(challenge[:8] * 2, "pw")
    assert doubled[:8] == doubled[8:]
    with pytest.raises(ValueError):
        vnc_auth_response(bytes(15), "pw")
