"""A host object whose XML does not parse shows by name; it does not fail the whole inventory.

libvirt 9.0 writes a portgroup name into the network XML without escaping it, so anyone who can
define a network on a host can make its XML unreadable (real test driver)."""

import logging

import libvirt
import pytest

from kvmgui.virt import fetch

HOSTILE = ("<network><name>kvmgui-test-hostile-pg</name><bridge name='virbrkt0'/>"
           "<portgroup name='&lt;b&gt;pg&amp;'/></network>")


def test_unreadable_network_xml_keeps_the_inventory(
        default_conn: libvirt.virConnect, caplog: pytest.LogCaptureFixture) -> None:
    net = default_conn.networkDefineXML(HOSTILE)
    try:
        assert "<b>pg" in net.XMLDesc(0)  # the premise: libvirt really wrote it unescaped
        with caplog.at_level(logging.WARNING, logger="kvmgui.virt"):
            inventory = fetch.inventory(default_conn, "test:///default")
        names = {n.name: n for n in inventory.networks}
        assert "default" in names  # the rest of the host still loads
        bad = names["kvmgui-test-hostile-pg"]
        assert (bad.bridge, bad.vlans, bad.xml) == ("", (), net.XMLDesc(0))
        assert any("unreadable XML of network 'kvmgui-test-hostile-pg'" in r.getMessage()
                   for r in caplog.records)
    finally:
        net.undefine()
