"""Round trips over a corpus of libvirt XML: nothing we do not edit may change."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvmgui.xml import (
    CharDevice,
    Device,
    Disk,
    Domain,
    DomainInterface,
    Graphics,
    HostInterface,
    MemBalloon,
    Network,
    Pool,
    Vlan,
    Volume,
    canonical,
)
from kvmgui.xml.hosts import HostList
from kvmgui.xml.node import XmlDocument, XmlNode
from kvmgui.xml.props import Flag, StrList, XmlProperty
from xml_helpers import ROUNDTRIP, assert_same_xml, every_node, schema_errors

DOCUMENT_CLASSES: dict[str, type[XmlDocument]] = {
    "domain": Domain,
    "network": Network,
    "pool": Pool,
    "volume": Volume,
    "interface": HostInterface,
}

# Every device element in libvirt's formatdomain documentation.
FORMATDOMAIN_DEVICES = {
    "emulator", "disk", "filesystem", "controller", "lease", "hostdev", "redirdev",
    "redirfilter", "smartcard", "interface", "input", "hub", "graphics", "video", "console",
    "serial", "parallel", "channel", "sound", "audio", "watchdog", "memballoon", "rng", "tpm",
    "nvram", "panic", "shmem", "memory", "iommu", "vsock", "crypto", "pstore",
}

# Devices the libvirt 9.0 schemas on the build machine do not know yet.
NEWER_THAN_SCHEMA = {"domain-newer-devices.xml"}

CORPUS = sorted(ROUNDTRIP.glob("*.xml"))
SCHEMA_CHECKED = [p for p in CORPUS if p.name not in NEWER_THAN_SCHEMA]


def _kind(path: Path) -> str:
    return path.name.split("-")[0]


def _load(path: Path) -> XmlDocument:
    return DOCUMENT_CLASSES[_kind(path)].from_xml(path.read_bytes())


def _rewrite_every_property(node: XmlNode) -> int:
    """Assign each typed, writable property its own current value; returns how many."""
    count = 0
    for cls in type(node).__mro__:
        for name, descriptor in vars(cls).items():
            writable = isinstance(descriptor, HostList) or (
                isinstance(descriptor, (XmlProperty, Flag, StrList)) and not descriptor.read_only
            )
            if writable:
                setattr(node, name, getattr(node, name))
                count += 1
    return count


def test_corpus_is_broad() -> None:
    assert {_kind(p) for p in CORPUS} == set(DOCUMENT_CLASSES)
    assert len(CORPUS) >= 30


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_load_save_is_canonically_identical(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    assert canonical(_load(path).to_xml()) == canonical(original)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_writing_back_unchanged_values_changes_nothing(path: Path) -> None:
    document = _load(path)
    rewritten = 0
    for node in every_node(document):
        rewritten += _rewrite_every_property(node)
        if isinstance(node, Vlan):
            node.tags = [t for t in node.tags if t is not None]
    assert rewritten > 0 or isinstance(document, HostInterface)
    assert_same_xml(document.to_xml(), path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SCHEMA_CHECKED, ids=lambda p: p.name)
def test_corpus_matches_libvirt_schema(path: Path) -> None:
    assert schema_errors(path.read_text(encoding="utf-8"), _kind(path)) is None


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_has_no_validation_errors(path: Path) -> None:
    errors = [p for p in _load(path).validate() if p.severity == "error"]
    assert errors == []


def test_domain_corpus_covers_every_formatdomain_device() -> None:
    seen: set[str] = set()
    for path in ROUNDTRIP.glob("domain-*.xml"):
        document = Domain.from_xml(path.read_bytes())
        seen |= {device.tag for device in document.devices}
        if document.emulator is not None:
            seen.add("emulator")
    assert FORMATDOMAIN_DEVICES - seen == set()


def test_devices_are_typed_by_tag() -> None:
    domain = Domain.from_xml((ROUNDTRIP / "domain-kvm-all-devices.xml").read_bytes())
    expected = {
        "disk": Disk, "interface": DomainInterface, "graphics": Graphics, "serial": CharDevice,
        "console": CharDevice, "parallel": CharDevice, "channel": CharDevice,
        "memballoon": MemBalloon,
    }
    for device in domain.devices:
        assert type(device) is expected.get(device.tag, Device)
    elements = [e for e in domain.element.iterfind("devices/*") if e.tag != "emulator"]
    assert [d.element for d in domain.devices] == elements


def test_corpus_values_are_read() -> None:
    domain = Domain.from_xml((ROUNDTRIP / "domain-kvm-all-devices.xml").read_bytes())
    assert (domain.name, domain.memory, domain.current_memory) == ("all-devices", 4194304, 3145728)
    assert (domain.vcpu_max, domain.vcpu_current, domain.vcpus_effective) == (4, 2, 2)
    assert (domain.cpu_mode, domain.cpu_model) == ("custom", "Skylake-Client-IBRS")
    assert (domain.cpu_sockets, domain.cpu_cores, domain.cpu_threads) == (1, 2, 2)
    assert (domain.os_type, domain.os_arch, domain.os_machine) == ("hvm", "x86_64", "pc-q35-7.2")
    assert [d.tag for d in domain.boot_order()] == ["disk", "disk", "interface", "hostdev"]
    cdrom = domain.disks[1]
    assert (cdrom.device, cdrom.readonly, cdrom.target_bus, cdrom.boot_order) == (
        "cdrom", True, "sata", 2)
    assert [g.listen for g in domain.graphics] == [None, "127.0.0.1"]
    assert [(c.tag, c.target_port) for c in domain.serials + domain.consoles] == [
        ("serial", 0), ("console", 0)]
    assert [c.target_name for c in domain.channels] == [
        "org.qemu.guest_agent.0", "com.redhat.spice.0"]
    assert domain.parallels[0].source_path == "/var/log/guest-parallel.log"
    balloon = domain.memballoon
    assert balloon is not None
    assert (balloon.model, balloon.stats_period, balloon.autodeflate) == ("virtio", 10, True)
