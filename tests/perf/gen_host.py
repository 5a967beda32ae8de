"""Write a libvirt test-driver host with N running domains (for the benchmarks)."""

import sys

HOST = ("<cpu><nodes>1</nodes><sockets>4</sockets><cores>4</cores><threads>1</threads>"
        "<active>16</active><mhz>4000</mhz><model>x86_64</model></cpu><memory>67108864</memory>")

DOMAIN = """<domain type='test'>
  <name>vm{i:04d}</name>
  <memory>1048576</memory><currentMemory>1048576</currentMemory>
  <vcpu>2</vcpu>
  <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/guest/disk{i}.img'/><target dev='vda' bus='virtio'/>
    </disk>
    <interface type='network'>
      <source network='default'/><mac address='52:54:00:{hi:02x}:{lo:02x}:01'/>
      <model type='virtio'/>
    </interface>
    <memballoon model='virtio'/>
    <graphics type='vnc' port='-1'/>
  </devices>
</domain>"""

NETWORK = ("<network><name>default</name><bridge name='virbr0'/><forward/>"
           "<ip address='192.168.122.1' netmask='255.255.255.0'><dhcp>"
           "<range start='192.168.122.2' end='192.168.122.254'/></dhcp></ip></network>")
POOL = ("<pool type='dir'><name>default-pool</name>"
        "<target><path>/default-pool</path></target></pool>")


def host_xml(count: int) -> str:
    domains = (DOMAIN.format(i=i, hi=(i >> 8) & 0xFF, lo=i & 0xFF) for i in range(count))
    return "\n".join(["<node>", HOST, *domains, NETWORK, POOL, "</node>"])


if __name__ == "__main__":
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write(host_xml(int(sys.argv[1])))
