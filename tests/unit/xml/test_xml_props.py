"""Property semantics: typed reads, no-op writes, None removes only what setters created."""

from __future__ import annotations

import pytest
from lxml import etree

from kvmgui.xml import Disk, Domain, DomainInterface, Network, Pool, SourceHost, pretty_xml
from kvmgui.xml.node import XmlNode
from kvmgui.xml.props import Str
from kvmgui.xml.tree import parse_xml
from xml_helpers import ROUNDTRIP, assert_same_xml

MINIMAL = """<domain type='kvm'>
  <name>m</name>
  <memory>1024</memory>
  <vcpu>1</vcpu>
  <os>
    <type>hvm</type>
  </os>
</domain>"""


def test_unparseable_numbers_read_as_none() -> None:
    dom = Domain.from_xml("<domain><name>x</name><memory unit='parsec'>5</memory>"
                          "<vcpu>two</vcpu><cpu><topology sockets='-'/></cpu></domain>")
    assert (dom.memory, dom.vcpu_max, dom.cpu_sockets) == (None, None, None)


def test_missing_fields_read_as_none_and_empty_text_as_empty_string() -> None:
    dom = Domain.from_xml("<domain><name/></domain>")
    assert (dom.name, dom.title, dom.memory, dom.cpu_mode) == ("", None, None, None)
    assert dom.boot_devices == [] and dom.disks == [] and dom.memballoon is None


@pytest.mark.parametrize(
    ("unit", "text", "kib"),
    [
        (None, "1024", 1024), ("KiB", "1024", 1024), ("k", "3", 3), ("b", "2048", 2),
        ("bytes", "1", 1), ("KB", "1024", 1000), ("MiB", "2", 2048), ("M", "2", 2048),
        ("MB", "1", 977), ("GiB", "1", 1048576), ("G", "1", 1048576), ("gb", "1", 976563),
        ("TiB", "1", 1073741824), ("T", "1", 1073741824),
    ],
)
def test_memory_honours_libvirt_units(unit: str | None, text: str, kib: int) -> None:
    attr = f" unit='{unit}'" if unit else ""
    dom = Domain.from_xml(f"<domain><memory{attr}>{text}</memory></domain>")
    assert dom.memory == kib


@pytest.mark.parametrize(
    ("unit", "text", "size"),
    [(None, "512", 512), ("KiB", "1", 1024), ("KB", "1", 1000), ("G", "1", 1024**3),
     ("PiB", "1", 1024**5), ("EiB", "1", 1024**6), ("PB", "2", 2 * 1000**5)],
)
def test_storage_sizes_are_bytes(unit: str | None, text: str, size: int) -> None:
    attr = f" unit='{unit}'" if unit else ""
    pool = Pool.from_xml(f"<pool type='dir'><capacity{attr}>{text}</capacity></pool>")
    assert pool.capacity == size


def test_memory_is_written_in_kib() -> None:
    dom = Domain.from_xml("<domain><memory unit='GiB'>1</memory></domain>")
    dom.memory = 1536 * 1024
    assert_same_xml(dom.to_xml(), "<domain><memory unit='KiB'>1572864</memory></domain>")


def test_created_elements_follow_libvirt_order() -> None:
    dom = Domain.from_xml(MINIMAL)
    dom.description = "d"
    dom.title = "t"
    dom.uuid = "00000000-0000-0000-0000-000000000001"
    dom.current_memory = 512
    dom.cpu_threads = 1
    dom.boot_devices = ["hd"]
    children = [child.tag for child in dom.element]
    assert children == ["name", "uuid", "title", "description", "memory", "currentMemory", "vcpu",
                        "os", "cpu"]
    assert [child.tag for child in dom.element.iterfind("os/*")] == ["type", "boot"]


def test_unset_removes_created_parents_only() -> None:
    dom = Domain.from_xml(MINIMAL)
    dom.cpu_cores = 2
    assert dom.element.find("cpu/topology") is not None
    dom.cpu_cores = None
    assert_same_xml(dom.to_xml(), MINIMAL)

    loaded = Domain.from_xml("<domain><cpu><topology cores='2'/></cpu></domain>")
    loaded.cpu_cores = None
    assert_same_xml(loaded.to_xml(), "<domain><cpu><topology/></cpu></domain>")


def test_parent_shared_by_two_created_values_stays_while_one_is_set() -> None:
    dom = Domain.from_xml(MINIMAL)
    dom.cpu_sockets = 1
    dom.cpu_cores = 2
    dom.cpu_sockets = None
    assert_same_xml(dom.to_xml(), MINIMAL.replace(
        "</os>", "</os><cpu><topology cores='2'/></cpu>"))


def test_unsetting_a_text_value_keeps_an_element_with_other_fields() -> None:
    dom = Domain.from_xml("<domain><vcpu placement='static' current='1'>2</vcpu></domain>")
    dom.vcpu_max = None
    assert_same_xml(dom.to_xml(), "<domain><vcpu placement='static' current='1'/></domain>")
    dom = Domain.from_xml("<domain><cpu><model fallback='allow'>Haswell</model></cpu></domain>")
    dom.cpu_model = None  # the model's attributes qualify the model: they go with it
    assert_same_xml(dom.to_xml(), "<domain><cpu/></domain>")


def test_equal_value_is_not_rewritten() -> None:
    source = "<domain><memory unit='MiB'>2</memory><vcpu> 2 </vcpu></domain>"
    dom = Domain.from_xml(source)
    dom.memory = 2048
    dom.vcpu_max = 2
    assert dom.to_xml() == source.replace("'", '"')


def test_yes_no_and_on_off_booleans() -> None:
    net = Network.from_xml("<network><bridge stp='on'/><portgroup name='a' default='yes'/>"
                           "</network>")
    assert net.bridge_stp is True and net.portgroups[0].default is True
    net.bridge_stp = False
    net.portgroups[0].default = False
    assert_same_xml(net.to_xml(), "<network><bridge stp='off'/><portgroup name='a' default='no'/>"
                                  "</network>")


def test_string_lists_update_in_place() -> None:
    dom = Domain.from_xml("<domain><os><type>hvm</type><boot dev='hd' x='1'/><boot dev='cdrom'/>"
                          "</os></domain>")
    dom.boot_devices = ["hd", "network", "fd"]
    assert_same_xml(dom.to_xml(), "<domain><os><type>hvm</type><boot dev='hd' x='1'/>"
                                  "<boot dev='network'/><boot dev='fd'/></os></domain>")
    dom.boot_devices = []
    assert_same_xml(dom.to_xml(), "<domain><os><type>hvm</type></os></domain>")


def test_host_lists() -> None:
    pool = Pool.from_xml("<pool type='netfs'><source><dir path='/x'/></source></pool>")
    pool.source_hosts = [SourceHost("a.example.invalid"), SourceHost("b.example.invalid", 2049)]
    assert pool.source_hosts == [SourceHost("a.example.invalid"),
                                 SourceHost("b.example.invalid", 2049)]
    assert_same_xml(pool.to_xml(), "<pool type='netfs'><source><host name='a.example.invalid'/>"
                                   "<host name='b.example.invalid' port='2049'/><dir path='/x'/>"
                                   "</source></pool>")
    pool.source_hosts = []
    assert_same_xml(pool.to_xml(), "<pool type='netfs'><source><dir path='/x'/></source></pool>")


def test_vlan_tags_keep_native_mode_of_kept_ids() -> None:
    nic = DomainInterface.from_xml("<interface type='bridge'><vlan trunk='yes'><tag id='1'/>"
                                   "<tag id='2' nativeMode='untagged'/></vlan></interface>")
    assert isinstance(nic, DomainInterface)
    assert (nic.vlan.native_tag, nic.vlan.native_mode) == (2, "untagged")
    nic.vlan.tags = [2, 3]
    assert nic.vlan.tags == [2, 3]
    assert (nic.vlan.native_tag, nic.vlan.native_mode) == (2, "untagged")
    nic.vlan.tags = []
    assert_same_xml(nic.to_xml(), "<interface type='bridge'/>")


def test_graphics_listen_attribute_and_child_agree() -> None:
    dom = Domain.from_xml((ROUNDTRIP / "domain-kvm-all-devices.xml").read_bytes())
    vnc = dom.graphics[1]
    vnc.listen = "::1"
    assert vnc.element.get("listen") == "::1"
    assert vnc.element.xpath("string(listen/@address)") == "::1"
    vnc.listen = None
    assert vnc.listen is None and vnc.element.find("listen") is None


def test_device_lists_are_views_of_the_same_elements() -> None:
    dom = Domain.from_xml((ROUNDTRIP / "domain-kvm-all-devices.xml").read_bytes())
    assert dom.disks[0] == dom.disks[0] and dom.disks[0] != dom.disks[1]
    assert dom.disks[0] in dom.devices
    dom.disks[0].target_dev = "vdq"
    assert dom.devices[0].element.xpath("string(target/@dev)") == "vdq"


def test_inserted_elements_are_indented_like_libvirt() -> None:
    dom = Domain.from_xml((ROUNDTRIP / "domain-disk-sources.xml").read_bytes())
    dom.title = "Indented"
    dom.cpu_sockets = 1
    dom.add_device(Disk.new("vdz", source="/z.qcow2", bus="virtio", driver_type="qcow2"))
    nic = dom.add_device(DomainInterface.new("bridge", source="br0", mac="52:54:00:00:00:09"))
    nic.vlan.tags = [3]
    dom.remove_device(dom.disks[1])
    dom.remove_device(dom.devices[-1])  # the last child holds the closing indentation
    dom.boot_devices = ["hd"]
    xml = dom.to_xml()
    assert xml + "\n" == pretty_xml(xml)


def test_new_device_from_xml_is_typed() -> None:
    disk = Disk.from_xml("<disk type='block' device='disk'><source dev='/dev/sdb'/>"
                         "<target dev='vdb'/></disk>")
    assert isinstance(disk, Disk) and disk.source_path == "/dev/sdb"



class _Listeners(XmlNode):
    socket = Str("listen[@type='socket']@socket")
    address = Str("listen[@type='address']@address")


def test_paths_with_attribute_predicates() -> None:
    node = _Listeners(parse_xml("<graphics><listen type='address' address='::'/></graphics>"))
    assert (node.address, node.socket) == ("::", None)
    node.socket = "/run/vnc.sock"
    node.address = None
    assert_same_xml(etree.tostring(node.element, encoding="unicode"),
                    "<graphics><listen type='address'/>"
                    "<listen type='socket' socket='/run/vnc.sock'/></graphics>")
    node.socket = None  # the <listen type='socket'> was created by us: it goes
    assert_same_xml(etree.tostring(node.element, encoding="unicode"),
                    "<graphics><listen type='address'/></graphics>")
