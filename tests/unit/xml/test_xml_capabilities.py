"""The host's capabilities document: host architecture and CPU model, guests it can run."""

from __future__ import annotations

import libvirt
import pytest

from kvmgui.xml import Capabilities

CAPS = """<capabilities>
  <host><cpu><arch> x86_64 </arch><model>Skylake-Client-IBRS</model></cpu></host>
  <guest><os_type>hvm</os_type>
    <arch name='x86_64'><domain type='qemu'/><domain/><domain type='kvm'/></arch></guest>
  <guest><os_type>exe</os_type><arch name='aarch64'/></guest>
  <guest><os_type>hvm</os_type></guest>
</capabilities>"""


def test_host_and_guests_read_as_written() -> None:
    caps = Capabilities.from_xml(CAPS)
    assert caps.host_arch == " x86_64 "  # as written: callers strip what they compare
    assert caps.host_cpu_model == "Skylake-Client-IBRS"
    assert [(g.os_type, g.arch, g.domain_types) for g in caps.guests] == [
        ("hvm", "x86_64", ["qemu", "kvm"]),  # a <domain> without type is left out
        ("exe", "aarch64", []),
        ("hvm", None, []),
    ]


def test_missing_parts_read_as_none_and_nothing_is_writable() -> None:
    caps = Capabilities.from_xml("<capabilities><host/></capabilities>")
    assert caps.host_arch is None and caps.host_cpu_model is None and caps.guests == []
    assert caps.validate() == []
    with pytest.raises(AttributeError):
        caps.host_cpu_model = "qemu64"
    guest = Capabilities.from_xml(CAPS).guests[0]
    with pytest.raises(AttributeError):
        guest.domain_types = ["xen"]
    assert guest.domain_types == ["qemu", "kvm"]


def test_other_documents_and_entities_are_refused() -> None:
    with pytest.raises(ValueError):
        Capabilities.from_xml("<domain/>")
    hostile = ("<!DOCTYPE c [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
               "<capabilities><host><cpu><model>&x;</model></cpu></host></capabilities>")
    assert "root:" not in (Capabilities.from_xml(hostile).host_cpu_model or "")


def test_reads_the_test_driver_capabilities(default_conn: libvirt.virConnect) -> None:
    caps = Capabilities.from_xml(default_conn.getCapabilities())
    assert (caps.host_arch or "").strip() == "i686"
    assert any(g.os_type == "hvm" and "test" in g.domain_types for g in caps.guests)
