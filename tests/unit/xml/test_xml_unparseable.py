"""Values that do not parse stay as they are until someone really changes them (issue 16.5).

They read as None; writing None back keeps them, a real value replaces them, and ``del``
(what an editor uses when the user clears a field) removes them.  ``validate()`` says what
is wrong with them in words of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from kvmgui.xml import Domain, HostInterface, Network, Pool, Volume, canonical
from kvmgui.xml.node import XmlDocument
from kvmgui.xml.units import MAX_MEMORY_BYTES, MAX_STORAGE_BYTES, parse_int, size_fault
from xml_helpers import assert_same_xml


@dataclass(frozen=True)
class Field:
    """One field of ``xml`` whose stored text does not parse."""

    label: str
    cls: type[XmlDocument]
    xml: str
    node: Callable[[Any], Any]  # the document -> the object that has the property
    name: str
    new_value: object
    replaced: str  # the document after assigning ``new_value``
    cleared: str  # the document after ``del``


def itself(document: Any) -> Any:
    return document


FIELDS = [
    Field("memory with an unknown unit", Domain,
          "<domain><memory unit='bogus'>1024</memory></domain>", itself, "memory", 2048,
          "<domain><memory unit='KiB'>2048</memory></domain>", "<domain/>"),
    Field("memory that is not a number", Domain,
          "<domain><memory unit='MiB'>lots</memory></domain>", itself, "memory", 1024,
          "<domain><memory unit='KiB'>1024</memory></domain>", "<domain/>"),
    Field("current memory with an unknown unit", Domain,
          "<domain><currentMemory unit='parsec'>5</currentMemory></domain>", itself,
          "current_memory", 512, "<domain><currentMemory unit='KiB'>512</currentMemory></domain>",
          "<domain/>"),
    Field("vCPUs in words", Domain, "<domain><vcpu placement='static'>two</vcpu></domain>", itself,
          "vcpu_max", 2, "<domain><vcpu placement='static'>2</vcpu></domain>",
          "<domain><vcpu placement='static'/></domain>"),
    Field("vCPUs with an underscore", Domain, "<domain><vcpu>1_0</vcpu></domain>", itself,
          "vcpu_max", 10, "<domain><vcpu>10</vcpu></domain>", "<domain/>"),
    Field("boot order", Domain,
          "<domain><devices><disk><boot order='first'/></disk></devices></domain>",
          lambda d: d.disks[0], "boot_order", 1,
          "<domain><devices><disk><boot order='1'/></disk></devices></domain>",
          "<domain><devices><disk><boot/></disk></devices></domain>"),
    Field("trunk", Domain,
          "<domain><devices><interface type='network'><vlan trunk='maybe'><tag id='5'/></vlan>"
          "</interface></devices></domain>",
          lambda d: d.interfaces[0].vlan, "trunk", True,
          "<domain><devices><interface type='network'><vlan trunk='yes'><tag id='5'/></vlan>"
          "</interface></devices></domain>",
          "<domain><devices><interface type='network'><vlan><tag id='5'/></vlan>"
          "</interface></devices></domain>"),
    Field("bridge STP", Network, "<network><bridge name='br0' stp='maybe'/></network>", itself,
          "bridge_stp", False, "<network><bridge name='br0' stp='off'/></network>",
          "<network><bridge name='br0'/></network>"),
    Field("portgroup default", Network, "<network><portgroup name='a' default='si'/></network>",
          lambda n: n.portgroups[0], "default", True,
          "<network><portgroup name='a' default='yes'/></network>",
          "<network><portgroup name='a'/></network>"),
    Field("volume capacity", Volume, "<volume><capacity unit='bogus'>1</capacity></volume>",
          itself, "capacity", 4096, "<volume><capacity unit='bytes'>4096</capacity></volume>",
          "<volume/>"),
    Field("volume allocation", Volume, "<volume><allocation>-5</allocation></volume>", itself,
          "allocation", 0, "<volume><allocation unit='bytes'>0</allocation></volume>",
          "<volume/>"),
    Field("pool capacity", Pool, "<pool type='dir'><capacity unit='x'>9</capacity></pool>",
          itself, "capacity", 9, "<pool type='dir'><capacity unit='bytes'>9</capacity></pool>",
          "<pool type='dir'/>"),
]


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.label)
def test_unparseable_value_reads_as_none_and_survives_writing_none_back(field: Field) -> None:
    document = field.cls.from_xml(field.xml)
    node = field.node(document)
    assert getattr(node, field.name) is None
    setattr(node, field.name, None)
    assert_same_xml(document.to_xml(), field.xml)


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.label)
def test_a_real_value_replaces_the_unparseable_one(field: Field) -> None:
    document = field.cls.from_xml(field.xml)
    setattr(field.node(document), field.name, field.new_value)
    assert_same_xml(document.to_xml(), field.replaced)
    assert getattr(field.node(document), field.name) == field.new_value


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.label)
def test_del_clears_the_unparseable_value(field: Field) -> None:
    document = field.cls.from_xml(field.xml)
    delattr(field.node(document), field.name)
    assert_same_xml(document.to_xml(), field.cleared)


def test_none_still_removes_a_value_that_parses() -> None:
    dom = Domain.from_xml("<domain><vcpu current='1'>2</vcpu></domain>")
    dom.vcpu_current = None
    assert_same_xml(dom.to_xml(), "<domain><vcpu>2</vcpu></domain>")


def test_read_only_values_cannot_be_deleted() -> None:
    iface = HostInterface.from_xml("<interface name='eth0'><mtu size='big'/></interface>")
    with pytest.raises(AttributeError):
        del iface.mtu
    mtu = iface.element.find("mtu")
    assert mtu is not None and mtu.get("size") == "big"


@pytest.mark.parametrize("text", ["1_0", "\u0663", "0x10", "1e3", "1.0", "", " ", "--1"])
def test_numbers_libvirt_refuses_do_not_parse(text: str) -> None:
    assert parse_int(text) is None


@pytest.mark.parametrize(("text", "value"), [("7", 7), (" 7 ", 7), ("+7", 7), ("-7", -7)])
def test_numbers_libvirt_reads(text: str, value: int) -> None:
    assert parse_int(text) == value


def test_a_digit_string_too_long_for_python_does_not_parse() -> None:
    assert parse_int("9" * 5000) is None


# ---- what validate() says ---------------------------------------------------------------

def messages(document: Any, field: str) -> list[str]:
    return [p.message for p in document.validate() if p.field == field]


def test_unknown_memory_unit_is_named() -> None:
    dom = Domain.from_xml("<domain><name>g</name><memory unit='bogus'>1024</memory>"
                          "<vcpu>1</vcpu></domain>")
    [problem] = [p for p in dom.validate() if p.field == "memory"]
    assert problem.severity == "error"
    assert "unknown unit 'bogus'" in problem.message
    assert "greater than 0" not in problem.message
    assert problem.template == "The {what} has an unknown unit '{unit}'."


def test_memory_past_64_bits_is_an_error() -> None:
    dom = Domain.from_xml("<domain><name>g</name><memory unit='EiB'>99999999</memory>"
                          "<vcpu>1</vcpu></domain>")
    [message] = messages(dom, "memory")
    assert "99999999 EiB" in message and "more than libvirt can store" in message


def test_memory_at_libvirts_limit_is_not_refused() -> None:
    kib = MAX_MEMORY_BYTES // 1024
    dom = Domain.from_xml(f"<domain><name>g</name><memory>{kib}</memory><vcpu>1</vcpu></domain>")
    assert messages(dom, "memory") == []
    dom.memory = kib + 1
    assert len(messages(dom, "memory")) == 1


def test_memory_text_that_is_not_a_number_is_quoted() -> None:
    dom = Domain.from_xml("<domain><name>g</name><memory>lots</memory><vcpu>1</vcpu></domain>")
    assert messages(dom, "memory") == ["The memory is not a whole number of at least 0: 'lots'"]


def test_missing_or_empty_memory_keeps_the_old_message() -> None:
    for xml in ("<domain><name>g</name><vcpu>1</vcpu></domain>",
                "<domain><name>g</name><memory unit='KiB'/><vcpu>1</vcpu></domain>"):
        assert messages(Domain.from_xml(xml), "memory") == ["Memory must be greater than 0 KiB."]


def test_broken_current_memory_is_reported_without_a_comparison() -> None:
    dom = Domain.from_xml("<domain><name>g</name><memory>1024</memory>"
                          "<currentMemory unit='EiB'>99</currentMemory><vcpu>1</vcpu></domain>")
    [message] = messages(dom, "current_memory")
    assert "current memory" in message and "more than libvirt can store" in message


def test_volume_sizes() -> None:
    volume = Volume.from_xml("<volume><name>v</name><capacity unit='bogus'>1</capacity>"
                             "<allocation unit='EiB'>16</allocation></volume>")
    assert messages(volume, "capacity") == [
        "The volume capacity has an unknown unit 'bogus'."]
    assert "more than libvirt can store" in messages(volume, "allocation")[0]
    largest = Volume.from_xml(f"<volume><name>v</name><capacity>{MAX_STORAGE_BYTES}</capacity>"
                              "</volume>")
    assert largest.validate() == []


@pytest.mark.parametrize(("text", "unit", "fault"), [
    ("1", "bogus", "unit"), ("1", "KiBB", "unit"), ("x", "KiB", "number"),
    ("-1", None, "number"), ("8", "EiB", "too large"), ("7", "EiB", None), ("1", " k ", None),
])
def test_size_faults(text: str, unit: str | None, fault: str | None) -> None:
    assert size_fault(text, unit, "KiB", MAX_MEMORY_BYTES) == fault


# ---- lists and VLANs ----------------------------------------------------------------------

def test_boot_entries_without_a_device_are_left_alone() -> None:
    xml = "<domain><os><boot/><boot dev='hd'/><boot dev='cdrom'/></os></domain>"
    dom = Domain.from_xml(xml)
    assert dom.boot_devices == ["hd", "cdrom"]
    dom.boot_devices = dom.boot_devices
    assert_same_xml(dom.to_xml(), xml)
    dom.boot_devices = ["network"]
    assert_same_xml(dom.to_xml(), "<domain><os><boot/><boot dev='network'/></os></domain>")


VLAN_NIC = ("<domain><devices><interface type='network'><vlan trunk='yes'>{tags}</vlan>"
            "</interface></devices></domain>")


def test_vlan_tags_written_back_keep_bad_and_repeated_ids() -> None:
    xml = VLAN_NIC.format(tags="<tag id='x'/><tag id='5'/><tag id='5' nativeMode='tagged'/>")
    dom = Domain.from_xml(xml)
    vlan = dom.interfaces[0].vlan
    assert vlan.tags == [None, 5, 5]
    vlan.tags = vlan.tags
    assert_same_xml(dom.to_xml(), xml)
    vlan.tags = [5, 7, 7]  # a user's list: the bad id goes, new ids come once
    assert_same_xml(dom.to_xml(), VLAN_NIC.format(tags="<tag id='5'/><tag id='7'/>"))


def test_a_vlan_without_tags_stays_until_deleted_and_is_an_error() -> None:
    xml = VLAN_NIC.format(tags="")
    dom = Domain.from_xml("<domain><name>g</name><memory>1024</memory><vcpu>1</vcpu>"
                          + xml.removeprefix("<domain>"))
    vlan = dom.interfaces[0].vlan
    assert vlan.tags == []
    assert messages(dom, "interface[0].vlan") == [
        "The VLAN settings of interface 1 have no VLAN id."]
    vlan.tags = []
    assert dom.element.find("devices/interface/vlan") is not None
    del vlan.tags
    assert dom.element.find("devices/interface/vlan") is None
    assert messages(dom, "interface[0].vlan") == []


def test_listen_address_element_without_an_address_stays() -> None:
    xml = ("<domain><devices><graphics type='spice'><listen type='address'/></graphics>"
           "</devices></domain>")
    dom = Domain.from_xml(xml)
    dom.graphics[0].listen = dom.graphics[0].listen
    assert canonical(dom.to_xml()) == canonical(xml)
