"""Read-only properties the topology reads: all host addresses, the SR-IOV PF, a NIC's PCI
device, and the parse error the layers above catch without importing lxml."""

from __future__ import annotations

import pytest

from kvmgui.xml import Domain, HostInterface, Network, XmlSyntaxError


def test_ip_addresses_cover_every_protocol_in_document_order() -> None:
    interface = HostInterface.from_xml(
        "<interface type='ethernet' name='eth0'>"
        "<protocol family='ipv6'><ip address='2001:db8::5' prefix='64'/></protocol>"
        "<protocol family='ipv4'><ip address='192.0.2.5' prefix='24'/><ip address='192.0.2.6'/>"
        "<ip prefix='24'/></protocol>"
        "<protocol><ip address='198.51.100.1' prefix=''/></protocol>"
        "</interface>")
    assert interface.ip_addresses == [
        "2001:db8::5/64", "192.0.2.5/24", "192.0.2.6", "198.51.100.1"]
    # the per-family lists see only the first <protocol> of their family
    assert interface.ipv4_addresses == ["192.0.2.5/24", "192.0.2.6"]


def test_ip_addresses_empty_without_protocol() -> None:
    assert HostInterface.from_xml("<interface type='ethernet' name='lo'/>").ip_addresses == []


def test_forward_pf_dev_is_read_only() -> None:
    network = Network.from_xml(
        "<network><name>sriov</name><forward mode='hostdev'><pf dev='enp3s0f0'/></forward>"
        "</network>")
    assert network.forward_pf_dev == "enp3s0f0"
    assert Network.from_xml("<network><name>n</name><forward/></network>").forward_pf_dev is None
    with pytest.raises(AttributeError):
        network.forward_pf_dev = "eth9"
    assert network.forward_pf_dev == "enp3s0f0"


def _nic(source: str) -> Domain:
    return Domain.from_xml(
        f"<domain><name>d</name><devices><interface type='hostdev'>{source}</interface>"
        "</devices></domain>")


@pytest.mark.parametrize(("source", "expected"), [
    ("<source><address type='pci' domain='0x0000' bus='0x03' slot='0x10' function='0x2'/>"
     "</source>", "0000:03:10.2"),
    ("<source><address type='pci' bus='0x81' slot='0x00'/></source>", "0000:81:00.0"),
    ("<source><address type='pci' bus='7f' slot='1f' function='7' domain='1'/></source>",
     "0001:7f:1f.7"),
    ("<source><address type='pci' slot='0x10'/></source>", None),  # no bus: not a PCI address
    ("<source><address type='pci' bus='0xzz' slot='0x10'/></source>", None),
    ("<source/>", None),
    ("", None),
])
def test_source_pci_address(source: str, expected: str | None) -> None:
    (nic,) = _nic(source).interfaces
    assert nic.source_pci_address == expected


def test_malformed_text_raises_the_exported_syntax_error() -> None:
    with pytest.raises(XmlSyntaxError):
        Network.from_xml("<network><name>x</name>")
    with pytest.raises(ValueError, match="expected a <network> document"):
        Network.from_xml("<domain/>")
