"""What is wrong with a device about to join a domain."""

from __future__ import annotations

import pytest

from kvmgui.xml import Device, Domain, DomainInterface, Graphics
from kvmgui.xml.device_char import guest_agent_channel, spice_agent_channel
from kvmgui.xml.device_checks import add_problems
from kvmgui.xml.device_display import Sound
from kvmgui.xml.device_filesystem import Filesystem
from kvmgui.xml.device_hostdev import HostDevice
from kvmgui.xml.device_platform import Rng, Tpm, Watchdog
from kvmgui.xml.device_storage import new_drive

DOMAIN = Domain.from_xml("""<domain><name>c</name><devices>
  <disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>
  <filesystem type='mount'><driver type='virtiofs'/><source dir='/srv'/><target dir='srv'/>
  </filesystem>
  <interface type='network'><mac address='52:54:00:00:00:01'/><source network='default'/>
  </interface>
  <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
  <graphics type='vnc' port='-1'/>
  <hostdev mode='subsystem' type='usb'><source><vendor id='0x1d6b'/><product id='0x0002'/>
  </source></hostdev>
  <tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>
</devices></domain>""")


@pytest.mark.parametrize(("device", "expected"), [
    (new_drive("vdb", source="/b.img"), []),
    (new_drive("vda", source="/b.img"), ["Another drive already uses the target vda."]),
    (new_drive("vdb", source="b.img"), ["The path b.img is not absolute: start it with /."]),
    (new_drive("", device="cdrom"), ["The drive has no target device name."]),
    (DomainInterface.new(source="default"), []),
    (DomainInterface.new("bridge"), ["Choose the network, bridge or host device to connect to."]),
    (DomainInterface.new(source="x", mac="52:54:00:00:00:01"),
     ["Another NIC of the guest already has the MAC address 52:54:00:00:00:01."]),
    (DomainInterface.new(source="x", mac="52:54:00:00:01"),
     ["52:54:00:00:01 is not a MAC address (six hex pairs, e.g. 52:54:00:12:34:56)."]),
    (DomainInterface.new(source="x", mac="01:00:5e:00:00:01"),
     ["01:00:5e:00:00:01 is a multicast address; a NIC needs a unicast one."]),
    (Graphics.new("vnc"), ["The guest already has a vnc display."]),
    (Graphics.new("spice"), []),
    (guest_agent_channel(), ["The guest already has a channel for the QEMU guest agent."]),
    (spice_agent_channel(), []),
    (HostDevice.new_usb("0x1D6B", "0x2"), ["The host device 1d6b:0002 is already passed to "
                                           "this guest."]),
    (HostDevice.new_usb("0x1d6b", "0x3"), []),
    (Filesystem.new_virtiofs("srv2", "srv"),
     ["Enter the host folder to share as an absolute path.",
      "Another shared folder already uses the tag srv."]),
    (Filesystem.new_virtiofs("/data", " "), ["Enter the tag the guest mounts the folder by."]),
    (Rng.new("random.bin"), ["The random number source must be a host device such as "
                             "/dev/urandom."]),
    (Tpm.new_emulated("tpm-tis"), ["The guest already has a TPM."]),
    (Watchdog.new(), []),
    (Sound.new(), []),
])
def test_add_problems(device: Device, expected: list[str]) -> None:
    assert [str(m) for m in add_problems(DOMAIN, device)] == expected


def test_a_second_watchdog() -> None:
    domain = Domain.from_xml("<domain><name>w</name><devices><watchdog model='itco'/>"
                             "</devices></domain>")
    assert [str(m) for m in add_problems(domain, Watchdog.new())] == [
        "The guest already has a watchdog."]
