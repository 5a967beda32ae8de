"""The clone plan (pure): which disks are copied, shared or left out, the copies' names and
places, and the new definition's identity (name, UUID, MACs, NVRAM)."""

import random

import pytest

from kvmgui.core.snapshots import DomainInfo, DomainState, PoolInfo, VolumeInfo
from kvmgui.logic.clone_names import copy_name, default_clone_name, new_mac, unique_name
from kvmgui.logic.clone_plan import (
    NVRAM, DiskChoice, DiskPolicy, copy_volume_xml, plan_clone, source_disks,
)
from kvmgui.xml import Domain, Volume, xml_diff

GIB = 1024**3
UUID = "11111111-2222-3333-4444-555555555555"
OLD_UUID = "6695eb01-f6a4-8304-79aa-97f2502e193f"

SOURCE = f"""<domain type='kvm'>
  <name>web01</name>
  <uuid>{OLD_UUID}</uuid>
  <genid>43dc0cf8-809b-4adb-9bea-a9abb5f3d90d</genid>
  <memory unit='KiB'>1048576</memory>
  <vcpu>2</vcpu>
  <sysinfo type='smbios'><system><entry name='uuid'>{OLD_UUID}</entry></system></sysinfo>
  <os>
    <type arch='x86_64'>hvm</type>
    <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>
    <nvram>/nvram/web01_VARS.fd</nvram>
  </os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/images/web01.qcow2'/>
      <backingStore type='file'><format type='qcow2'/><source file='/images/base.qcow2'/>
      </backingStore>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='/images/shared-data.img'/>
      <target dev='vdb' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <source file='/images/debian.iso'/>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='/srv/scratch.img'/>
      <target dev='vdc' bus='virtio'/>
    </disk>
    <disk type='block' device='disk'>
      <source dev='/dev/sdz'/>
      <target dev='vdd' bus='virtio'/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:aa:bb:cc'/>
      <source network='default'/>
    </interface>
    <interface type='bridge'>
      <source bridge='br0'/>
      <target dev='web01-tap'/>
    </interface>
    <interface type='ethernet'>
      <target dev='tap-made-by-user' managed='no'/>
    </interface>
  </devices>
</domain>"""


def vol(name: str, allocation: int = GIB, pool_uuid: str = "p-images",
        folder: str = "/images", fmt: str = "qcow2") -> VolumeInfo:
    return VolumeInfo(key=f"{folder}/{name}", name=name, path=f"{folder}/{name}",
                      pool_uuid=pool_uuid, format=fmt, capacity=10 * GIB, allocation=allocation,
                      xml="")


def pool(name: str = "images", folder: str = "/images", volumes: tuple[VolumeInfo, ...] = (),
         available: int = 100 * GIB, active: bool = True, pool_type: str = "dir") -> PoolInfo:
    return PoolInfo(uuid=f"p-{name}", name=name, pool_type=pool_type, active=active,
                    autostart=False, persistent=True, capacity=200 * GIB, allocation=0,
                    available=available, target_path=folder, source_name="", xml="",
                    volumes=volumes)


IMAGES = pool(volumes=(vol("web01.qcow2", 3 * GIB), vol("shared-data.img", fmt="raw"),
                       vol("debian.iso", fmt="raw"), vol("web01-clone.qcow2")))
NVRAM_POOL = pool("nvram", "/nvram", (vol("web01_VARS.fd", 128 * 1024, "p-nvram", "/nvram",
                                          "raw"),))


def dom(name: str, xml: str = "<domain/>") -> DomainInfo:
    return DomainInfo(uuid=f"u-{name}", name=name, state=DomainState.SHUTOFF, vcpus=1,
                      memory_kib=1024, max_memory_kib=1024, autostart=False, persistent=True,
                      managed_save=False, xml=xml)


def plan(name: str = "web02", choices: dict[int, DiskChoice] | None = None,
         pools: tuple[PoolInfo, ...] = (IMAGES, NVRAM_POOL),
         domains: tuple[DomainInfo, ...] = (), source: str = SOURCE, seed: int = 7):
    return plan_clone(source, name, choices or {}, pools, (dom("web01", source), *domains),
                      uuid=UUID, rng=random.Random(seed))


def messages(result, severity: str) -> list[str]:
    return [p.message for p in result.problems if p.severity == severity]


def test_disks_default_to_copy_when_libvirt_can_and_to_share_when_read_only() -> None:
    disks = {d.target: d for d in source_disks(SOURCE, [IMAGES])}
    assert disks["vda"].default_policy is DiskPolicy.CLONE and disks["vda"].volume is not None
    assert disks["sda"].default_policy is DiskPolicy.SHARE, "CD-ROMs are shared"
    assert disks["vdc"].in_folder and disks["vdc"].default_policy is DiskPolicy.CLONE
    assert not disks["vdd"].copyable and disks["vdd"].default_policy is DiskPolicy.SKIP, \
        "a writable disk libvirt cannot copy is left out, never shared by default"


def test_read_only_and_empty_drives_are_shared() -> None:
    xml = ("<domain><name>d</name><devices>"
           "<disk type='file' device='disk'><source file='/images/shared-data.img'/>"
           "<target dev='vda'/><readonly/></disk>"
           "<disk type='file' device='cdrom'><target dev='hdc'/></disk></devices></domain>")
    assert [d.default_policy for d in source_disks(xml, [IMAGES])] == [DiskPolicy.SHARE] * 2


def test_clone_gets_new_identity_and_keeps_everything_else() -> None:
    result = plan(choices={1: DiskChoice(DiskPolicy.SHARE), 4: DiskChoice(DiskPolicy.SHARE)})
    doc = Domain.from_xml(result.xml)
    assert (doc.name, doc.uuid) == ("web02", UUID)
    assert doc.find_element("sysinfo/system/entry").text == UUID
    assert not doc.find_element("genid").text, "an empty genid makes libvirt generate one"
    macs = [n.mac for n in doc.interfaces]
    assert macs[0] != "52:54:00:aa:bb:cc" and macs[0].startswith("52:54:00:")
    assert macs[1] is None, "a NIC without an address gets one from libvirt"
    targets = [n.target_dev for n in doc.interfaces]
    assert targets == [None, None, "tap-made-by-user"], "two guests cannot share a tap name"
    assert result.macs == (("52:54:00:aa:bb:cc", macs[0]),)
    changed = {line[1:].strip() for line in xml_diff(SOURCE, result.xml).splitlines()
               if line[:1] in "+-" and line[:3] not in ("+++", "---")}
    expected_tags = ("<name>", "<uuid>", "<genid", "<entry", "<nvram>", "<source file=",
                     "<mac ", "<backingStore", "<format", "</backingStore>",
                     '<target dev="web01-tap"')
    assert all(line.startswith(expected_tags) for line in changed), changed


def test_copies_go_where_the_originals_are_with_the_new_name() -> None:
    result = plan(choices={1: DiskChoice(DiskPolicy.SHARE), 4: DiskChoice(DiskPolicy.SKIP)})
    copies = {c.what: c for c in result.copies}
    assert set(copies) == {"vda", "vdc", NVRAM}
    vda = copies["vda"]
    assert (vda.source_pool, vda.source_name, vda.pool, vda.name, vda.path, vda.format) == (
        "images", "web01.qcow2", "images", "web02.qcow2", "/images/web02.qcow2", "qcow2")
    assert vda.expected_bytes == 3 * GIB and vda.pool_uuid == "p-images"
    scratch = copies["vdc"]
    assert (scratch.source_pool, scratch.folder, scratch.pool, scratch.path) == (
        "", "/srv", "", "/srv/scratch-clone.img"), "a file outside any pool is copied beside it"
    nvram = copies[NVRAM]
    assert (nvram.pool, nvram.name) == ("nvram", "web02_VARS.fd")
    doc = Domain.from_xml(result.xml)
    sources = {d.target_dev: d.source_path for d in doc.disks}
    assert sources == {"vda": "/images/web02.qcow2", "vdb": "/images/shared-data.img",
                       "sda": "/images/debian.iso", "vdc": "/srv/scratch-clone.img"}
    assert doc.find_element("os/nvram").text == "/nvram/web02_VARS.fd"
    assert doc.disks[0].find_element("backingStore") is None, "a copy is a standalone image"
    assert (result.shared, result.skipped) == (("vdb", "sda"), ("vdd",))


def test_copy_names_are_unique_in_their_pool_and_follow_the_clone_name() -> None:
    result = plan("web01-clone", choices={4: DiskChoice(DiskPolicy.SKIP)})
    assert next(c for c in result.copies if c.what == "vda").name == "web01-clone-2.qcow2", \
        "web01-clone.qcow2 exists in the pool"
    assert not result.blocked


def test_chosen_pool_and_name_are_used() -> None:
    other = pool("fast", "/fast")
    result = plan(choices={0: DiskChoice(DiskPolicy.CLONE, "fast", "root.qcow2"),
                           4: DiskChoice(DiskPolicy.SKIP)}, pools=(IMAGES, NVRAM_POOL, other))
    vda = next(c for c in result.copies if c.what == "vda")
    assert (vda.pool, vda.name, vda.path, vda.pool_uuid) == ("fast", "root.qcow2",
                                                             "/fast/root.qcow2", "p-fast")
    assert not [p for p in result.problems if p.field.startswith("space")]


@pytest.mark.parametrize("name,expected", [
    ("", "The virtual machine name must not be empty."),
    ("a/b", "The virtual machine name must not contain '/': a/b"),
    ("web01", "A virtual machine named web01 already exists."),
    ("other", "A virtual machine named other already exists."),
])
def test_a_bad_or_taken_name_blocks(name: str, expected: str) -> None:
    result = plan(name, domains=(dom("other"),), choices={4: DiskChoice(DiskPolicy.SKIP)})
    assert result.blocked and expected in messages(result, "error")


def test_bad_copy_choices_block_with_the_disk_named() -> None:
    taken = plan(choices={0: DiskChoice(DiskPolicy.CLONE, "", "debian.iso"),
                          4: DiskChoice(DiskPolicy.SKIP)})
    assert "A volume named debian.iso already exists in images." in messages(taken, "error")
    twice = plan(choices={0: DiskChoice(DiskPolicy.CLONE, "", "same.qcow2"),
                          1: DiskChoice(DiskPolicy.CLONE, "", "same.qcow2"),
                          4: DiskChoice(DiskPolicy.SKIP)})
    assert "Two copies would both be named same.qcow2 in images." in messages(twice, "error")
    block = plan(choices={4: DiskChoice(DiskPolicy.CLONE)})
    assert any(m.startswith("vdd cannot be copied") for m in messages(block, "error"))
    stopped = plan(choices={0: DiskChoice(DiskPolicy.CLONE, "off"), 4: DiskChoice(DiskPolicy.SKIP)},
                   pools=(IMAGES, NVRAM_POOL, pool("off", "/off", active=False)))
    assert "Choose an active storage pool." in messages(stopped, "error")
    assert all(r.blocked for r in (taken, twice, block, stopped))


def test_sharing_a_writable_disk_and_a_full_pool_are_warnings() -> None:
    result = plan(choices={1: DiskChoice(DiskPolicy.SHARE), 4: DiskChoice(DiskPolicy.SKIP)},
                  pools=(pool(volumes=IMAGES.volumes, available=2 * GIB), NVRAM_POOL))
    warnings = messages(result, "warning")
    assert any(w.startswith("Both virtual machines would write to vdb") for w in warnings)
    assert "The copies to images may need up to 3 GiB; it has 2 GiB free." in warnings
    assert not any("sda" in w for w in warnings), "sharing a CD-ROM is safe"
    assert not result.blocked


def test_a_fixed_display_port_is_a_warning() -> None:
    source = SOURCE.replace("</devices>", "<graphics type='vnc' port='5901' autoport='no'/>"
                            "</devices>")
    result = plan(source=source, choices={4: DiskChoice(DiskPolicy.SKIP)})
    assert any("fixed port 5901" in w for w in messages(result, "warning"))


def test_pool_volume_and_logical_disks_point_at_their_copies() -> None:
    lvm = pool("vg", "/dev/vg", (vol("web01-root", folder="/dev/vg", pool_uuid="p-vg",
                                     fmt=""),), pool_type="logical")
    source = ("<domain><name>web01</name><devices>"
              "<disk type='volume' device='disk'><source pool='images' volume='web01.qcow2'/>"
              "<target dev='vda'/></disk>"
              "<disk type='block' device='disk'><source dev='/dev/vg/web01-root'/>"
              "<target dev='vdb'/></disk></devices></domain>")
    result = plan(source=source, pools=(IMAGES, lvm))
    disks = Domain.from_xml(result.xml).disks
    assert (disks[0].source_pool, disks[0].source_volume) == ("images", "web02.qcow2")
    assert disks[1].source_dev == "/dev/vg/web02-root"


def test_macs_are_new_and_avoid_every_address_on_the_host() -> None:
    first = plan(seed=3).macs[0][1]
    neighbour = dom("neighbour", f"<domain><devices><interface type='network'>"
                                 f"<mac address='{first}'/></interface></devices></domain>")
    assert plan(seed=3, domains=(neighbour,)).macs[0][1] != first


def test_volume_xml_is_sparse_in_the_original_format() -> None:
    copy = next(c for c in plan().copies if c.what == "vda")
    volume = Volume.from_xml(copy_volume_xml(copy, 10 * GIB))
    assert (volume.name, volume.capacity, volume.allocation, volume.format) == (
        "web02.qcow2", 10 * GIB, 0, "qcow2")


@pytest.mark.parametrize("name,old,new,expected", [
    ("web01.qcow2", "web01", "web02", "web02.qcow2"),
    ("web01_VARS.fd", "web01", "web01-clone", "web01-clone_VARS.fd"),
    ("disk.qcow2", "web01", "web02", "disk-clone.qcow2"),
    ("data", "web01", "web02", "data-clone"),
])
def test_copy_name(name: str, old: str, new: str, expected: str) -> None:
    assert copy_name(name, old, new) == expected


def test_default_names_count_up_past_taken_ones() -> None:
    assert default_clone_name("web01", {"web01"}) == "web01-clone"
    assert default_clone_name("web01", {"web01-clone", "web01-clone-2"}) == "web01-clone-3"
    assert unique_name("a.qcow2", {"a.qcow2"}) == "a-2.qcow2"


def test_new_mac_keeps_the_vendor_prefix_and_skips_used_addresses() -> None:
    candidate = new_mac("00:16:3e:01:02:03", set(), random.Random(1))
    assert candidate.startswith("00:16:3e:")
    assert new_mac("00:16:3e:01:02:03", {candidate}, random.Random(1)) != candidate
    assert new_mac("ff:ff:ff:ff:ff:ff", set(), random.Random(1)).startswith("52:54:00:"), \
        "a multicast address is no prefix to keep"


def test_a_paused_source_qcow2_disk_cannot_be_copied_but_raw_can() -> None:
    result = plan(choices={4: DiskChoice(DiskPolicy.SKIP)})
    paused = plan_clone(SOURCE, "web02", {4: DiskChoice(DiskPolicy.SKIP)}, (IMAGES, NVRAM_POOL),
                        (dom("web01", SOURCE),), uuid=UUID, source_paused=True)
    assert not result.blocked and paused.blocked
    assert messages(paused, "error") == [
        "vda cannot be copied while web01 is paused: QEMU locks its qcow2 image. Shut web01 "
        "down first, or share or skip the disk."]
    assert {c.what for c in paused.copies} == {"vdb", "vdc", NVRAM}, "raw copies still planned"


def test_a_qcow2_copy_keeps_the_original_compat_level() -> None:
    copy = next(c for c in plan().copies if c.what == "vda")
    original = ("<volume><name>web01.qcow2</name><capacity>1</capacity><target>"
                "<format type='qcow2'/><compat>1.1</compat></target></volume>")
    volume = Volume.from_xml(copy_volume_xml(copy, GIB, original))
    compat = volume.find_element("target/compat")
    assert compat is not None and compat.text == "1.1"
    unknown = Volume.from_xml(copy_volume_xml(copy, GIB)).find_element("target/compat")
    assert unknown is not None and unknown.text == "1.1", "not libvirt 9.0's default 0.10"
    raw = next(c for c in plan().copies if c.what == "vdc")
    assert Volume.from_xml(copy_volume_xml(raw, GIB)).find_element("target/compat") is None
