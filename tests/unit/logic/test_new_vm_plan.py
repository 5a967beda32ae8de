"""kvmgui.logic.new_vm_plan: wizard answers → Domain (and Volume), checked by the test driver."""

import libvirt
import pytest

from kvmgui.logic.new_vm_plan import (
    LIBOSINFO_NS,
    DiskMode,
    GuestTarget,
    InstallMethod,
    NewVmPlan,
    NicMode,
    boot_devices,
    build_domain,
    choose_target,
    new_volume,
    next_target_dev,
    plan_problems,
)
from kvmgui.logic.osinfo import GIB, OsEntry, Resources
from kvmgui.xml import Domain

TEST_TARGET = GuestTarget("test", "i686")
DEBIAN = OsEntry(id="http://debian.org/debian/11", short_id="debian11", name="Debian 11",
                 family="linux", distro="debian", recommended=Resources(GIB, 1, 20 * GIB))
WINDOWS = OsEntry(id="http://microsoft.com/win/11", short_id="win11", name="Windows 11",
                  family="winnt", distro="win", recommended=Resources(4 * GIB, 2, 64 * GIB))

QEMU_CAPS = """<capabilities>
  <host><cpu><arch>x86_64</arch></cpu></host>
  <guest><os_type>hvm</os_type><arch name='i686'><domain type='qemu'/><domain type='kvm'/></arch>
  </guest>
  <guest><os_type>hvm</os_type>
    <arch name='x86_64'><domain type='qemu'/>{kvm}</arch></guest>
</capabilities>"""


def plan(**answers: object) -> NewVmPlan:
    result = NewVmPlan.for_os(DEBIAN, "kvmgui-test-plan", TEST_TARGET)
    result.iso_path = "/isos/debian.iso"
    result.disk_pool = "default-pool"
    result.nic_source = "default"
    for key, value in answers.items():
        setattr(result, key, value)
    return result


def test_plan_takes_the_os_recommendations() -> None:
    result = NewVmPlan.for_os(WINDOWS, "w", TEST_TARGET)
    assert (result.memory_mib, result.vcpus, result.disk_capacity) == (4096, 2, 64 * GIB)


def test_iso_install_with_new_disk() -> None:
    domain = build_domain(plan())
    assert domain.type == "test" and domain.os_arch == "i686"
    assert domain.memory == 1024 * 1024 and domain.vcpu_max == 1
    disk, cdrom = domain.disks
    assert (disk.type, disk.source_pool, disk.source_volume, disk.target_dev,
            disk.driver_type) == ("volume", "default-pool", "kvmgui-test-plan.qcow2", "vda",
                                  "qcow2")
    assert (cdrom.device, cdrom.source_file, cdrom.target_bus, cdrom.readonly) == (
        "cdrom", "/isos/debian.iso", "sata", True)
    assert domain.boot_devices == ["cdrom", "hd"]
    nic = domain.interfaces[0]
    assert (nic.type, nic.source_network, nic.model) == ("network", "default", "virtio")
    assert domain.graphics[0].listen == "127.0.0.1"
    assert domain.element.find(f"metadata/{{{LIBOSINFO_NS}}}libosinfo/{{{LIBOSINFO_NS}}}os"
                               ).get("id") == DEBIAN.id
    volume = new_volume(plan())
    assert volume is not None
    assert (volume.name, volume.capacity, volume.format) == ("kvmgui-test-plan.qcow2",
                                                            20 * GIB, "qcow2")


def test_import_uses_the_image_as_boot_disk_and_creates_no_volume() -> None:
    answers = plan(install=InstallMethod.IMPORT, disk_path="/dev/vg/guest")
    domain = build_domain(answers)
    assert [(d.type, d.source_dev, d.driver_type) for d in domain.disks] == [
        ("block", "/dev/vg/guest", "raw")]
    assert domain.boot_devices == ["hd"] and new_volume(answers) is None


def test_url_install_attaches_a_network_cdrom() -> None:
    domain = build_domain(plan(install=InstallMethod.URL,
                               install_url="https://mirror.invalid/debian/netinst.iso"))
    cdrom = domain.disks[1]
    assert (cdrom.type, cdrom.source_protocol, cdrom.source_name) == (
        "network", "https", "/debian/netinst.iso")
    assert [(h.name, h.port) for h in cdrom.source_hosts] == [("mirror.invalid", 443)]


def test_pxe_boots_the_network_first_and_needs_a_nic() -> None:
    assert build_domain(plan(install=InstallMethod.PXE)).boot_devices == ["network", "hd"]
    assert build_domain(plan(install=InstallMethod.PXE, disk=DiskMode.NONE)).boot_devices == [
        "network"]
    problems = plan_problems(plan(install=InstallMethod.PXE, nic=NicMode.NONE))
    assert [p.field for p in problems] == ["nic.source"]


def test_windows_gets_sata_disk_e1000e_and_local_time() -> None:
    result = plan(os=WINDOWS, nic=NicMode.BRIDGE, nic_source="br0")
    domain = build_domain(result)
    assert domain.disks[0].target_bus == "sata" and domain.disks[0].target_dev == "sda"
    assert domain.disks[1].target_dev == "sdb"  # the CD-ROM after the disk
    nic = domain.interfaces[0]
    assert (nic.type, nic.source_bridge, nic.model) == ("bridge", "br0", "e1000e")
    assert domain.find_element("clock").get("offset") == "localtime"  # type: ignore[union-attr]


@pytest.mark.parametrize(("answers", "fields"), [
    ({"name": ""}, ["name"]),
    ({"name": "a/b"}, ["name"]),
    ({"existing_names": {"kvmgui-test-plan"}}, ["name"]),
    ({"memory_mib": 0, "vcpus": 0}, ["memory", "vcpus"]),
    ({"iso_path": " "}, ["install.iso"]),
    ({"install": InstallMethod.URL, "install_url": "file:///etc/passwd"}, ["install.url"]),
    ({"install": InstallMethod.URL, "install_url": "https://h.invalid/a.iso?x=1"},
     ["install.url"]),
    ({"install": InstallMethod.IMPORT}, ["disk.path"]),
    ({"disk": DiskMode.EXISTING}, ["disk.path"]),
    ({"disk_pool": "", "disk_capacity": 0}, ["disk.pool", "disk.size"]),
    ({"pool_volumes": {"kvmgui-test-plan.qcow2"}}, ["disk.pool"]),
    ({"nic_source": ""}, ["nic.source"]),
])
def test_problems_name_the_field(answers: dict[str, object], fields: list[str]) -> None:
    assert plan_problems(plan()) == []
    assert [p.field for p in plan_problems(plan(**answers))] == fields


def test_boot_devices_without_install_medium_or_disk() -> None:
    assert boot_devices(plan(disk=DiskMode.NONE)) == ["cdrom"]


def test_next_target_dev() -> None:
    assert next_target_dev("virtio", ["vda", "vdb"]) == "vdc"
    assert next_target_dev("sata", []) == "sda"
    assert next_target_dev("ide", ["hda"]) == "hdb"
    assert next_target_dev("scsi", [f"sd{chr(97 + i)}" for i in range(26)]) == "sdaa"


@pytest.mark.parametrize("install", list(InstallMethod))
def test_the_test_driver_accepts_every_variant(default_conn: libvirt.virConnect,
                                               install: InstallMethod) -> None:
    answers = plan(install=install, name=f"kvmgui-test-{install.value}",
                   install_url="https://mirror.invalid/x.iso", disk_path="/images/x.qcow2")
    xml = build_domain(answers).to_xml()
    domain = default_conn.defineXMLFlags(xml, libvirt.VIR_DOMAIN_DEFINE_VALIDATE)
    defined = Domain.from_xml(domain.XMLDesc(0))
    assert defined.name == answers.name
    assert defined.boot_devices == boot_devices(answers)


def test_choose_target() -> None:
    with_kvm = QEMU_CAPS.format(kvm="<domain type='kvm'/>")
    assert choose_target("QEMU", with_kvm) == GuestTarget("kvm", "x86_64")
    assert choose_target("QEMU", QEMU_CAPS.format(kvm="")) == GuestTarget("qemu", "x86_64")
    assert choose_target("Test", with_kvm) == GuestTarget("test", "x86_64")


def test_choose_target_on_the_test_driver(default_conn: libvirt.virConnect) -> None:
    target = choose_target(default_conn.getType(), default_conn.getCapabilities())
    assert target.domain_type == "test" and target.os_type == "hvm"
    assert f"<arch name='{target.arch}'>" in default_conn.getCapabilities()
