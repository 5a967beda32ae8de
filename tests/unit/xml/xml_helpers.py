"""Shared helpers for the XML layer tests (data paths, canonical comparison, schemas)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from kvmgui.xml import Domain, HostInterface, Network, canonical, xml_diff
from kvmgui.xml.node import XmlDocument, XmlNode

DATA = Path(__file__).parent / "data"
ROUNDTRIP = DATA / "roundtrip"
GOLDEN = DATA / "golden"
SCHEMA_DIR = Path("/usr/share/libvirt/schemas")

# Our document kinds and the libvirt RelaxNG schema that describes each.
SCHEMA_OF = {
    "domain": "domain",
    "network": "network",
    "pool": "storagepool",
    "volume": "storagevol",
    "interface": "interface",
}


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def every_node(document: XmlDocument) -> list[XmlNode]:
    """The document and every typed view inside it (devices, VLANs, IPs, ports, members)."""
    nodes: list[XmlNode] = [document]
    if isinstance(document, Domain):
        nodes += document.devices
        nodes += [nic.vlan for nic in document.interfaces]
    elif isinstance(document, Network):
        nodes.append(document.vlan)
        for ip in document.ips:
            nodes += [ip, *ip.dhcp_ranges, *ip.dhcp_hosts]
        for portgroup in document.portgroups:
            nodes += [portgroup, portgroup.vlan]
    elif isinstance(document, HostInterface):
        nodes += document.bridge_members + document.bond_slaves
    return nodes


def assert_same_xml(actual: str, expected: str) -> None:
    """Canonical equality, with a readable diff when it fails."""
    if canonical(actual) != canonical(expected):
        pytest.fail("XML differs (expected -> actual):\n" + xml_diff(expected, actual))


@cache
def _schema(name: str) -> etree.RelaxNG | None:
    path = SCHEMA_DIR / f"{name}.rng"
    if not path.exists():
        return None
    return etree.RelaxNG(etree.parse(str(path)))


def schema_errors(xml: str, kind: str) -> str | None:
    """libvirt's schema verdict: None when valid, the error log otherwise.

    Skips the calling test when the schemas are not installed (they ship with libvirt0).
    """
    schema = _schema(SCHEMA_OF[kind])
    if schema is None:
        pytest.skip(f"libvirt schemas not installed in {SCHEMA_DIR}")
    document = etree.fromstring(xml.encode("utf-8"))
    if schema.validate(document):
        return None
    return str(schema.error_log)
