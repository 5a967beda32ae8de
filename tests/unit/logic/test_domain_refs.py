"""What the rules read from a definition: disks, NICs, displays, serial; parsed once per XML."""

import dataclasses
import uuid

import pytest

from kvmgui.core.snapshots import DomainInfo, DomainState, NetworkInfo
from kvmgui.logic import usage
from kvmgui.logic.action_rules import network_users
from kvmgui.logic.domain_refs import (
    DiskRef, DomainRefs, GraphicsListen, NO_REFS, NicSource, domain_refs,
)
from kvmgui.xml import Domain, XmlSyntaxError

GUEST = """<domain type='kvm'><name>{name}</name><devices>
  <disk type='volume' device='disk'><source pool='default' volume='a.qcow2'/>
    <target dev='vda'/></disk>
  <disk type='file' device='cdrom'><source file='/iso/install.iso'/><target dev='sda'/>
    <readonly/></disk>
  <disk type='block'><source dev='/dev/vg/b'/><target dev='vdb'/></disk>
  <disk type='network' device='disk'><source protocol='rbd' name='vms/c'/></disk>
  <interface type='network'><source network='default'/></interface>
  <interface type='bridge'><source bridge='br0'/></interface>
  <interface type='user'/>
  <graphics type='vnc' port='5901' listen='127.0.0.1'/>
  <graphics type='spice' autoport='yes'><listen type='socket' socket='/run/s.sock'/></graphics>
  <console type='pty'/>
</devices></domain>"""


def unique_guest() -> str:
    """A definition no other test has asked about, so the cache has not seen it."""
    return GUEST.format(name=f"facts-{uuid.uuid4()}")


def test_facts_of_a_definition() -> None:
    facts = domain_refs(unique_guest())
    assert facts.disks == (
        DiskRef("vda", "", "default", "a.qcow2", ""),
        DiskRef("sda", "/iso/install.iso", "", "", "", device="cdrom", read_only=True),
        DiskRef("vdb", "/dev/vg/b", "", "", ""),
        DiskRef("", "", "", "", "vms/c"),
    )
    assert facts.nics == (NicSource("network", "default", ""), NicSource("bridge", "", "br0"),
                          NicSource("user", "", ""))
    assert facts.graphics == (GraphicsListen("vnc", 5901, "127.0.0.1", ""),
                              GraphicsListen("spice", -1, "", "/run/s.sock"))
    assert facts.serial


def test_empty_definition_has_no_facts() -> None:
    assert domain_refs("<domain/>") == DomainRefs((), (), (), serial=False)


def test_same_text_is_parsed_once_and_shared() -> None:
    xml = unique_guest()
    misses = domain_refs.cache_info().misses
    first = domain_refs(xml)
    assert domain_refs(xml) is first
    assert domain_refs.cache_info().misses == misses + 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.serial = False  # type: ignore[misc]


def test_asking_again_about_the_same_snapshots_parses_nothing() -> None:
    doms = [DomainInfo(uuid=str(i), name=f"d{i}", state=DomainState.RUNNING, vcpus=1,
                       memory_kib=1, max_memory_kib=1, autostart=False, persistent=True,
                       managed_save=False, xml=unique_guest()) for i in range(3)]
    net = NetworkInfo(uuid="n", name="default", active=True, autostart=False, persistent=True,
                      forward_mode="nat", bridge="virbr0", vlans=(), xml="")
    misses = domain_refs.cache_info().misses
    assert len(usage.volume_users(doms, "default", "a.qcow2", "")) == 3
    assert domain_refs.cache_info().misses == misses + 3
    assert len(usage.volume_users(doms, "default", "a.qcow2", "")) == 3
    assert len(network_users(net, doms)) == 3
    assert domain_refs.cache_info().misses == misses + 3


def test_bad_definitions_have_no_facts_and_entities_stay_unresolved() -> None:
    # A broken or hostile host's definition uses no volume or network and offers no console;
    # asking about it never raises into the GUI.
    assert domain_refs("<domain><devices>") is NO_REFS
    assert domain_refs("<network/>") is NO_REFS
    hostile = ("<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/hostname'>]><domain><devices>"
               "<disk><source file='&x;'/></disk></devices></domain>")
    with pytest.raises(XmlSyntaxError, match="external entity"):
        Domain.from_xml(hostile)  # the hardened parser refuses rather than read the file
    assert domain_refs(hostile) is NO_REFS
