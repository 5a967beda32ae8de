"""Read-only domain properties the action rules and the console read: a display's UNIX
socket and whether the domain keeps UEFI variables (NVRAM)."""

from __future__ import annotations

import pytest

from kvmgui.xml import Domain


def _graphics(inner: str) -> Domain:
    return Domain.from_xml(f"<domain><name>d</name><devices>{inner}</devices></domain>")


def test_socket_from_a_socket_listen_or_the_attribute() -> None:
    listen = _graphics("<graphics type='vnc' socket='/old.sock'>"
                       "<listen type='address' address='::1'/>"
                       "<listen type='socket' socket='/run/vnc.sock'/></graphics>")
    assert listen.graphics[0].socket == "/run/vnc.sock"
    attribute = _graphics("<graphics type='vnc' socket='/run/a.sock'>"
                          "<listen type='socket'/></graphics>")
    assert attribute.graphics[0].socket == "/run/a.sock"  # a socket listen without a path


def test_socket_is_none_for_tcp_displays_and_cannot_be_set() -> None:
    tcp = _graphics("<graphics type='spice' port='5930'><listen type='address' "
                    "address='0.0.0.0'/></graphics>").graphics[0]
    assert tcp.socket is None
    with pytest.raises(AttributeError):
        tcp.socket = "/tmp/x.sock"  # type: ignore[misc]
    assert tcp.socket is None


def test_has_nvram_follows_the_element() -> None:
    uefi = Domain.from_xml("<domain><os><type>hvm</type><nvram>/var/lib/libvirt/qemu/nvram/"
                           "d_VARS.fd</nvram></os></domain>")
    assert uefi.has_nvram
    assert Domain.from_xml("<domain><os><nvram type='file'><source file='/v.fd'/></nvram>"
                           "</os></domain>").has_nvram  # newer form: no text
    bios = Domain.from_xml("<domain><os><type>hvm</type></os></domain>")
    assert not bios.has_nvram
    with pytest.raises(AttributeError):
        bios.has_nvram = True
    assert not bios.has_nvram
