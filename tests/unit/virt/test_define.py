"""The editors' worker jobs (kvmgui.virt.define) run directly on a test:///default client."""

import libvirt
import pytest
from lxml import etree

from kvmgui.virt.define import (
    DefineConflict,
    DefineRefused,
    DomainChange,
    NewVolumeRequest,
    create_volume,
    define_domain,
    define_network,
    define_pool,
    read_for_edit,
    with_validate,
)
from kvmgui.xml import Disk, Domain, MemBalloon, Volume

POOL = "default-pool"
PREFIX = "kvmgui-test-"  # removed by the default_conn fixture


def guest_xml(name: str, *, memory_kib: int = 65536) -> str:
    domain = Domain.new(name, memory_kib, 1, domain_type="test", arch="i686")
    domain.add_device(MemBalloon.new())
    return domain.to_xml()


def test_with_validate_falls_back_only_for_an_unsupported_flag(
        default_conn: libvirt.virConnect) -> None:
    calls: list[str] = []

    def validating() -> str:
        calls.append("flag")
        return default_conn.storagePoolLookupByName(POOL).createXML(
            Volume.new(PREFIX + "v", 1024).to_xml(), libvirt.VIR_STORAGE_VOL_CREATE_VALIDATE)

    volume = with_validate(validating, lambda: calls.append("plain") or "plain")
    assert calls == ["flag", "plain"] and volume == "plain"  # the test driver lacks the flag
    with pytest.raises(libvirt.libvirtError):
        with_validate(lambda: default_conn.defineXMLFlags("<domain/>",
                                                          libvirt.VIR_DOMAIN_DEFINE_VALIDATE),
                      lambda: pytest.fail("a real error must not fall back"))


def test_new_domain_gets_its_volume_bound_to_a_path(default_conn: libvirt.virConnect) -> None:
    name = PREFIX + "bind"
    domain = Domain.from_xml(guest_xml(name))
    disk = Disk.new("vda", disk_type="volume", bus="virtio", driver_type="qcow2")
    disk.source_pool, disk.source_volume = POOL, f"{name}.qcow2"
    domain.add_device(disk)
    request = NewVolumeRequest(POOL, Volume.new(f"{name}.qcow2", 1024**2).to_xml())
    result = define_domain(DomainChange(domain.to_xml(), new_volumes=(request,),
                                        autostart=True))(default_conn)
    defined = default_conn.lookupByUUIDString(result.uuid)
    assert result.created_volumes == (f"{name}.qcow2",) and defined.autostart()
    volume = default_conn.storagePoolLookupByName(POOL).storageVolLookupByName(f"{name}.qcow2")
    source = etree.fromstring(defined.XMLDesc(0)).find("devices/disk/source")
    assert source is not None and source.attrib == {"file": volume.path()}


def test_failed_define_removes_the_volumes_it_created(default_conn: libvirt.virConnect) -> None:
    name = PREFIX + "rollback"
    default_conn.defineXML(guest_xml(name))  # the name is taken: the second define fails
    request = NewVolumeRequest(POOL, Volume.new(f"{name}.qcow2", 1024**2).to_xml())
    with pytest.raises(libvirt.libvirtError):
        define_domain(DomainChange(guest_xml(name), new_volumes=(request,)))(default_conn)
    assert f"{name}.qcow2" not in default_conn.storagePoolLookupByName(POOL).listVolumes()


def test_conflict_is_detected_canonically_and_nothing_is_defined(
        default_conn: libvirt.virConnect) -> None:
    name = PREFIX + "conflict"
    dom = default_conn.defineXML(guest_xml(name))
    original = read_for_edit("domain", dom.UUIDString())(default_conn).xml
    # Layout alone is no conflict:
    reformatted = original.replace("\n  ", "\n    ")
    edited = original.replace(">65536<", ">131072<")
    define_domain(DomainChange(edited, original=reformatted, uuid=dom.UUIDString()))(default_conn)
    assert "131072" in dom.XMLDesc(0)
    # Another client's change is:
    default_conn.defineXML(dom.XMLDesc(0).replace("</name>", "</name><title>theirs</title>"))
    with pytest.raises(DefineConflict) as caught:
        define_domain(DomainChange(original.replace(">65536<", ">262144<"), original=original,
                                   uuid=dom.UUIDString()))(default_conn)
    assert "<title>theirs</title>" in caught.value.current_xml
    assert "131072" in dom.XMLDesc(0) and "theirs" in dom.XMLDesc(0)


def test_rename_of_shut_off_domain_and_refusal_while_running(
        default_conn: libvirt.virConnect) -> None:
    dom = default_conn.defineXML(guest_xml(PREFIX + "old"))
    original = read_for_edit("domain", dom.UUIDString())(default_conn).xml
    renamed = original.replace(PREFIX + "old", PREFIX + "new")
    define_domain(DomainChange(renamed, original=original, uuid=dom.UUIDString()))(default_conn)
    assert default_conn.lookupByUUIDString(dom.UUIDString()).name() == PREFIX + "new"
    running = default_conn.lookupByName(PREFIX + "new")
    running.create()
    current = read_for_edit("domain", running.UUIDString())(default_conn).xml
    with pytest.raises(DefineRefused):
        define_domain(DomainChange(current.replace(PREFIX + "new", PREFIX + "other"),
                                   original=current, uuid=running.UUIDString()))(default_conn)
    assert running.name() == PREFIX + "new"


def test_network_and_pool_jobs(default_conn: libvirt.virConnect) -> None:
    network_xml = f"<network><name>{PREFIX}net</name><forward mode='nat'/>" \
                  "<ip address='10.254.3.1' prefix='24'/></network>"
    result = define_network(network_xml, start=True, autostart=True)(default_conn)
    network = default_conn.networkLookupByUUIDString(result.uuid)
    assert network.isActive() and network.autostart() and result.warning == ""
    source = read_for_edit("network", result.uuid)(default_conn)  # INACTIVE flag falls back here
    assert source.active and source.autostart and f"{PREFIX}net" in source.xml
    pool_xml = f"<pool type='dir'><name>{PREFIX}pool</name><target><path>/kvmgui-test</path>" \
               "</target></pool>"
    pool_result = define_pool(pool_xml, build=True, start=False, autostart=False)(default_conn)
    pool = default_conn.storagePoolLookupByUUIDString(pool_result.uuid)
    assert not pool.isActive() and not pool.autostart()


def test_volume_clone_job(default_conn: libvirt.virConnect) -> None:
    pool = default_conn.storagePoolLookupByName(POOL)
    pool.createXML(Volume.new(PREFIX + "a.img", 4096, "raw").to_xml(), 0)
    key = create_volume(NewVolumeRequest(POOL, Volume.new(PREFIX + "b.img", 4096, "raw").to_xml(),
                                         clone_from=PREFIX + "a.img"))(default_conn)
    assert default_conn.storageVolLookupByKey(key).name() == PREFIX + "b.img"
