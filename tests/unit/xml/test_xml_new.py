"""New-object constructors give minimal XML that libvirt's schemas and test driver accept."""

from __future__ import annotations

from typing import Any

import pytest

from kvmgui.xml import Domain, Network, Pool, Volume, canonical
from xml_helpers import schema_errors


def test_domain_new() -> None:
    dom = Domain.new("vm1", 2 * 1024**2, 2, machine="q35",
                     uuid="6c4d1a2e-0b5f-4c3d-9e8f-1a2b3c4d5e6f")
    expected = """<domain type='kvm'>
      <name>vm1</name>
      <uuid>6c4d1a2e-0b5f-4c3d-9e8f-1a2b3c4d5e6f</uuid>
      <memory unit='KiB'>2097152</memory>
      <currentMemory unit='KiB'>2097152</currentMemory>
      <vcpu>2</vcpu>
      <os><type arch='x86_64' machine='q35'>hvm</type></os>
      <devices/>
    </domain>"""
    assert canonical(dom.to_xml()) == canonical(expected)
    assert schema_errors(dom.to_xml(), "domain") is None
    assert dom.validate() == []


def test_network_new() -> None:
    net = Network.new("n1", bridge_name="virbr7", ipv4="10.7.0.1/24",
                      dhcp_range=("10.7.0.100", "10.7.0.200"))
    expected = """<network>
      <name>n1</name>
      <forward mode='nat'/>
      <bridge name='virbr7' stp='on' delay='0'/>
      <ip address='10.7.0.1' prefix='24'>
        <dhcp><range start='10.7.0.100' end='10.7.0.200'/></dhcp>
      </ip>
    </network>"""
    assert canonical(net.to_xml()) == canonical(expected)
    assert schema_errors(net.to_xml(), "network") is None
    assert net.validate() == []


def test_isolated_network_new_without_addresses() -> None:
    net = Network.new("iso", forward_mode=None)
    assert canonical(net.to_xml()) == canonical("<network><name>iso</name></network>")
    assert net.forward_mode is None
    with pytest.raises(ValueError):
        Network.new("x", dhcp_range=("10.0.0.2", "10.0.0.9"))


def test_pool_new() -> None:
    pool = Pool.new("dir", "images", target_path="/var/lib/libvirt/images")
    expected = ("<pool type='dir'><name>images</name><target><path>/var/lib/libvirt/images"
                "</path></target></pool>")
    assert canonical(pool.to_xml()) == canonical(expected)
    assert schema_errors(pool.to_xml(), "pool") is None


def test_volume_new() -> None:
    volume = Volume.new("disk.qcow2", 10 * 1024**3, "qcow2")
    expected = ("<volume><name>disk.qcow2</name><capacity unit='bytes'>10737418240</capacity>"
                "<target><format type='qcow2'/></target></volume>")
    assert canonical(volume.to_xml()) == canonical(expected)
    assert schema_errors(volume.to_xml(), "volume") is None
    assert Volume.new("raw.img", 1024, None, allocation=0).allocation == 0


def test_new_objects_define_on_test_driver(default_conn: Any) -> None:
    dom = default_conn.defineXML(Domain.new("kvmgui-new-vm", 1024**2, 1).to_xml())
    assert Domain.from_xml(dom.XMLDesc(0)).memory == 1024**2
    dom.undefine()
    net = default_conn.networkDefineXML(Network.new("kvmgui-new-net", ipv4="10.8.0.1/24").to_xml())
    assert Network.from_xml(net.XMLDesc(0)).ips[0].address == "10.8.0.1"
    net.undefine()
    bridged = Network.new("kvmgui-new-br", forward_mode="bridge", bridge_name="br0")
    assert bridged.validate() == []
    default_conn.networkDefineXML(bridged.to_xml()).undefine()
    pool = default_conn.storagePoolDefineXML(Pool.new("dir", "kvmgui-new-pool",
                                                      target_path="/kvmgui-new-pool").to_xml())
    assert Pool.from_xml(pool.XMLDesc(0)).target_path == "/kvmgui-new-pool"
    pool.undefine()
    default_pool = default_conn.storagePoolLookupByName("default-pool")
    vol = default_pool.createXML(Volume.new("kvmgui-new.qcow2", 1024**3).to_xml(), 0)
    assert Volume.from_xml(vol.XMLDesc(0)).format == "qcow2"
    vol.delete(0)
