"""Device keys: the same device in a running guest's live XML and in its definition."""

from __future__ import annotations

from kvmgui.xml import Domain
from kvmgui.xml.device_identity import device_keys
from xml_helpers import DATA, read

# base.xml as libvirt shows it while the guest runs: aliases, a port, a VNC port, a tablet
# added live only; the second keyboard of the definition is missing (removed live).
LIVE = """<domain type='kvm' id='3'><name>hw01</name><devices>
  <emulator>/usr/bin/qemu-system-x86_64</emulator>
  <disk type='file' device='disk'><source file='/var/lib/libvirt/images/hw01.qcow2' index='2'/>
    <target dev='vda' bus='virtio'/><alias name='virtio-disk0'/></disk>
  <disk type='file' device='cdrom'><target dev='sda' bus='sata'/><alias name='sata0-0-0'/></disk>
  <controller type='usb' index='0' model='qemu-xhci' ports='15'><alias name='usb'/></controller>
  <controller type='sata' index='0'><alias name='ide'/></controller>
  <controller type='pci' index='0' model='pcie-root'><alias name='pcie.0'/></controller>
  <controller type='virtio-serial' index='0'><alias name='virtio-serial0'/></controller>
  <interface type='network'><mac address='52:54:00:6b:3c:58'/><source network='default'/>
    <target dev='vnet2'/><model type='virtio'/><alias name='net0'/></interface>
  <serial type='pty'><source path='/dev/pts/3'/><target type='isa-serial' port='0'/>
    <alias name='serial0'/></serial>
  <console type='pty' tty='/dev/pts/3'><target type='serial' port='0'/><alias name='serial0'/>
  </console>
  <input type='tablet' bus='usb'><alias name='input2'/></input>
  <input type='mouse' bus='ps2'><alias name='input0'/></input>
  <graphics type='vnc' port='5900' autoport='yes'><listen type='address'/></graphics>
  <video><model type='virtio' heads='1' primary='yes'/><alias name='video0'/></video>
  <memballoon model='virtio'><alias name='balloon0'/></memballoon>
</devices></domain>"""


def test_live_devices_match_their_definition() -> None:
    config = Domain.from_xml(read(DATA / "devices" / "base.xml"))
    live = Domain.from_xml(LIVE)
    config_keys = dict(zip(device_keys(config.devices), config.devices, strict=True))
    live_keys = dict(zip(device_keys(live.devices), live.devices, strict=True))
    only_config = [config_keys[k].tag + ":" + (config_keys[k].element.get("type") or "")
                   for k in config_keys.keys() - live_keys.keys()]
    only_live = [live_keys[k].tag + ":" + (live_keys[k].element.get("type") or "")
                 for k in live_keys.keys() - config_keys.keys()]
    assert only_config == ["input:keyboard"]
    assert only_live == ["input:tablet"]


def test_look_alikes_get_their_position() -> None:
    domain = Domain.from_xml("<domain><name>x</name><devices><sound model='ich9'/>"
                             "<sound model='ich9'/><rng model='virtio'/></devices></domain>")
    assert device_keys(domain.devices) == ["sound#0", "sound#1", "rng#0"]
