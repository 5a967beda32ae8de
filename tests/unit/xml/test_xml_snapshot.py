"""kvmgui.xml.snapshot: <domainsnapshot> requests libvirt's schema accepts, what a snapshot
listing reads, a description edit that changes only the description, and validate()."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from kvmgui.xml import canonical, xml_diff
from kvmgui.xml.snapshot import DiskRequest, DomainSnapshot

SCHEMA = Path("/usr/share/libvirt/schemas/domainsnapshot.rng")

# As libvirt 9.0's QEMU driver wrote it for an external snapshot with memory (trimmed domain).
EXTERNAL = """<domainsnapshot>
  <name>ext1</name>
  <description>before the upgrade</description>
  <state>running</state>
  <parent>
    <name>int1</name>
  </parent>
  <creationTime>1796458315</creationTime>
  <memory snapshot='external' file='/var/lib/libvirt/images/ext1.mem'/>
  <disks>
    <disk name='vda' snapshot='external' type='file'>
      <driver type='qcow2'/>
      <source file='/var/lib/libvirt/images/disk.ext1'/>
    </disk>
    <disk name='hdc' snapshot='no'/>
  </disks>
  <domain type='qemu'>
    <name>guest</name>
    <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
    <memory unit='KiB'>131072</memory>
    <os><type arch='x86_64'>hvm</type></os>
  </domain>
</domainsnapshot>"""


@cache
def _schema() -> etree.RelaxNG | None:
    return etree.RelaxNG(etree.parse(str(SCHEMA))) if SCHEMA.exists() else None


def schema_errors(xml: str) -> str | None:
    schema = _schema()
    if schema is None:
        pytest.skip(f"libvirt schemas not installed ({SCHEMA})")
    if schema.validate(etree.fromstring(xml.encode())):
        return None
    return str(schema.error_log)


def test_internal_request_is_just_name_and_description() -> None:
    request = DomainSnapshot.new("before upgrade", "kernel 6.1 -> 6.6")
    assert canonical(request.to_xml()) == canonical(
        "<domainsnapshot><name>before upgrade</name>"
        "<description>kernel 6.1 -&gt; 6.6</description></domainsnapshot>")
    assert schema_errors(request.to_xml()) is None
    assert request.validate() == []
    assert DomainSnapshot.new("bare").description is None  # an empty description: no element


def test_external_request_with_memory_and_named_overlay() -> None:
    request = DomainSnapshot.new(
        "s1", memory="external", memory_file="/var/lib/libvirt/images/s1.mem",
        disks=[DiskRequest("vda", "external", "/var/lib/libvirt/images/vda.s1"),
               DiskRequest("vdb", "external"), DiskRequest("vdc", "no")])
    expected = """<domainsnapshot>
      <name>s1</name>
      <memory snapshot='external' file='/var/lib/libvirt/images/s1.mem'/>
      <disks>
        <disk name='vda' snapshot='external' type='file'>
          <source file='/var/lib/libvirt/images/vda.s1'/>
        </disk>
        <disk name='vdb' snapshot='external'/>
        <disk name='vdc' snapshot='no'/>
      </disks>
    </domainsnapshot>"""
    assert canonical(request.to_xml()) == canonical(expected)
    assert schema_errors(request.to_xml()) is None
    assert request.is_external and request.validate() == []


def test_reads_what_a_listing_shows() -> None:
    snapshot = DomainSnapshot.from_xml(EXTERNAL)
    assert (snapshot.name, snapshot.description, snapshot.state) == \
        ("ext1", "before the upgrade", "running")
    assert snapshot.parent_name == "int1"
    assert snapshot.creation_time == 1796458315
    assert (snapshot.memory, snapshot.memory_file) == \
        ("external", "/var/lib/libvirt/images/ext1.mem")
    assert [(d.name, d.location, d.source_file, d.driver_type) for d in snapshot.disks] == [
        ("vda", "external", "/var/lib/libvirt/images/disk.ext1", "qcow2"),
        ("hdc", "no", None, None)]
    assert snapshot.is_external and not snapshot.is_disk_only
    domain = snapshot.domain()
    assert domain is not None and domain.name == "guest"
    assert schema_errors(EXTERNAL) is None
    assert DomainSnapshot.new("x").domain() is None


def test_internal_and_disk_only_are_told_apart() -> None:
    internal = DomainSnapshot.from_xml(
        "<domainsnapshot><name>i</name><state>shutoff</state><memory snapshot='no'/>"
        "<disks><disk name='vda' snapshot='internal'/></disks></domainsnapshot>")
    assert not internal.is_external and not internal.is_disk_only
    disk_only = DomainSnapshot.from_xml(
        "<domainsnapshot><name>d</name><state>disk-snapshot</state><memory snapshot='no'/>"
        "<disks><disk name='vda' snapshot='external'/></disks></domainsnapshot>")
    assert disk_only.is_external and disk_only.is_disk_only


def test_loading_and_writing_back_changes_nothing() -> None:
    snapshot = DomainSnapshot.from_xml(EXTERNAL)
    for name in ("name", "description", "state", "parent_name", "creation_time", "memory",
                 "memory_file"):
        setattr(snapshot, name, getattr(snapshot, name))
    assert canonical(snapshot.to_xml()) == canonical(EXTERNAL)


def test_a_description_edit_changes_only_the_description() -> None:
    snapshot = DomainSnapshot.from_xml(EXTERNAL)
    snapshot.description = "<script>not markup</script>"
    diff = xml_diff(EXTERNAL, snapshot.to_xml())
    changed = [line for line in diff.splitlines()
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-  <description>before the upgrade</description>",
                       "+  <description>&lt;script&gt;not markup&lt;/script&gt;</description>"]
    snapshot.description = None
    assert "<description" not in snapshot.to_xml()
    added = DomainSnapshot.from_xml("<domainsnapshot><name>n</name><state>shutoff</state>"
                                    "</domainsnapshot>")
    added.description = "new"
    assert canonical(added.to_xml()) == canonical(
        "<domainsnapshot><name>n</name><description>new</description><state>shutoff</state>"
        "</domainsnapshot>")  # where libvirt writes it: after the name


@pytest.mark.parametrize(("xml", "field", "words"), [
    ("<domainsnapshot><name>a/b</name></domainsnapshot>", "name", "'/'"),
    ("<domainsnapshot><name> </name></domainsnapshot>", "name", "must not be empty"),
    ("<domainsnapshot/>", "name", "must not be empty"),
    ("<domainsnapshot><name>m</name><memory snapshot='external' file='rel.mem'/>"
     "</domainsnapshot>", "memory.file", "absolute path"),
    ("<domainsnapshot><name>m</name><memory snapshot='external'/></domainsnapshot>",
     "memory.file", "absolute path"),
    ("<domainsnapshot><name>m</name><memory snapshot='elsewhere'/></domainsnapshot>",
     "memory", "Unknown memory snapshot location"),
    ("<domainsnapshot><name>m</name><disks><disk name='vda' snapshot='sideways'/></disks>"
     "</domainsnapshot>", "disk[0].snapshot", "disk vda"),
    ("<domainsnapshot><name>m</name><disks><disk name='vda' snapshot='external' type='file'>"
     "<source file='overlay.qcow2'/></disk></disks></domainsnapshot>", "disk[0].source",
     "absolute path"),
    ("<domainsnapshot><name>m</name><state>dreaming</state></domainsnapshot>", "state",
     "Unknown snapshot state"),
])
def test_validate_says_what_is_wrong(xml: str, field: str, words: str) -> None:
    problems = DomainSnapshot.from_xml(xml).validate()
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message and problems[0].severity == "error"


def test_other_documents_are_refused() -> None:
    with pytest.raises(ValueError, match="domainsnapshot"):
        DomainSnapshot.from_xml("<domain/>")
