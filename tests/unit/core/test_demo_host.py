"""resources/demo-host.xml loads in libvirt's test driver and shows what it promises.

Everything is checked through what libvirt reports, not by reading the file, except the few
properties libvirt cannot report (fixed UUIDs, which it would otherwise invent).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path

import libvirt
import pytest
from lxml import etree

DEMO_HOST = Path(__file__).resolve().parents[3] / "resources" / "demo-host.xml"

# name -> (state, vCPUs, max memory MiB, has managed save image)
EXPECTED_DOMAINS: dict[str, tuple[int, int, int, bool]] = {
    "web01": (libvirt.VIR_DOMAIN_RUNNING, 2, 2048, False),
    "web02": (libvirt.VIR_DOMAIN_RUNNING, 2, 2048, False),
    "db01": (libvirt.VIR_DOMAIN_RUNNING, 6, 8192, False),
    "ceph01": (libvirt.VIR_DOMAIN_RUNNING, 2, 4096, False),
    "nfs01": (libvirt.VIR_DOMAIN_RUNNING, 1, 1024, False),
    "router01": (libvirt.VIR_DOMAIN_RUNNING, 2, 1024, False),
    "build01": (libvirt.VIR_DOMAIN_PAUSED, 2, 2048, False),
    "db02": (libvirt.VIR_DOMAIN_SHUTOFF, 4, 8192, False),
    "win10": (libvirt.VIR_DOMAIN_SHUTOFF, 4, 8192, False),
    "saved01": (libvirt.VIR_DOMAIN_SHUTOFF, 2, 2048, True),
    "legacy01": (libvirt.VIR_DOMAIN_CRASHED, 1, 1024, False),
}

# name -> (forward mode or None, bridge, gateway address or None)
EXPECTED_NETWORKS: dict[str, tuple[str | None, str, str | None]] = {
    "default": ("nat", "virbr0", "192.168.122.1"),
    "isolated": (None, "virbr1", "10.10.0.1"),
    "routed": ("route", "virbr2", "10.20.0.1"),
    "lan-vlan10": ("bridge", "brvlan10", None),
    "ovs-trunk": ("bridge", "ovsbr0", None),
}

EXPECTED_POOL_TYPES = {
    "default": "dir",
    "vg_guests": "logical",
    "nfs-images": "netfs",
    "iscsi-san": "iscsi",
    "ceph-rbd": "rbd",
}

# (pool, volume, format reported by libvirt; None where the pool type has no volume format)
EXPECTED_VOLUMES = [
    ("default", "web01.qcow2", "qcow2"),
    ("default", "web02.img", "raw"),
    ("default", "build01.vmdk", "vmdk"),
    ("default", "debian-12.iso", "raw"),
    ("default", "shared-data.qcow2", "qcow2"),
    ("default", "win10.qcow2", "qcow2"),
    ("default", "saved01.qcow2", "qcow2"),
    ("default", "router01.qcow2", "qcow2"),
    ("vg_guests", "db01-root", None),
    ("vg_guests", "db01-data", None),
    ("nfs-images", "nfs01.qcow2", "qcow2"),
    ("iscsi-san", "unit:0:0:1", None),
    ("ceph-rbd", "ceph01-root", "raw"),
]

EXPECTED_INTERFACE_TYPES = {
    "eth0": "ethernet",
    "eth1": "ethernet",
    "eth2": "ethernet",
    "bond0": "bond",
    "eth0.10": "vlan",
    "eth0.20": "vlan",
    "brvlan10": "bridge",
    "brvlan20": "bridge",
    "br0": "bridge",
}

# domain -> its NICs in order as (interface type, source, portgroup)
EXPECTED_NICS: dict[str, list[tuple[str, str, str | None]]] = {
    "web01": [("network", "default", None), ("network", "ovs-trunk", "vlan10")],
    "web02": [("network", "lan-vlan10", None)],
    "db01": [("network", "ovs-trunk", "vlan20"), ("bridge", "brvlan20", None)],
    "db02": [("network", "ovs-trunk", "trunk")],
    "build01": [("network", "isolated", None)],
    "nfs01": [("network", "isolated", None), ("network", "routed", None)],
    "ceph01": [("direct", "eth0", None)],
    "router01": [("network", "ovs-trunk", None), ("network", "default", None)],
    "win10": [("network", "default", None)],
    "saved01": [("network", "routed", None)],
    "legacy01": [],
}

NIC_SOURCE_ATTRIBUTE = {"network": "network", "bridge": "bridge", "direct": "dev"}


@pytest.fixture(scope="module")
def conn() -> Iterator[libvirt.virConnect]:
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    connection = libvirt.open("test://" + str(DEMO_HOST))
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def domain_xml(conn: libvirt.virConnect) -> dict[str, etree._Element]:
    return {dom.name(): etree.fromstring(dom.XMLDesc()) for dom in conn.listAllDomains()}


def _xml(obj: object) -> etree._Element:
    return etree.fromstring(obj.XMLDesc(0))  # type: ignore[attr-defined]


# ----------------------------------------------------------------- host


def test_host_is_one_socket_of_four_cores_with_two_threads(conn: libvirt.virConnect) -> None:
    _model, memory_mib, cpus, mhz, nodes, sockets, cores, threads = conn.getInfo()
    assert (cpus, mhz, nodes, sockets, cores, threads) == (8, 2400, 1, 1, 4, 2)
    assert memory_mib == 32 * 1024


# ----------------------------------------------------------------- domains


def test_domain_count(conn: libvirt.virConnect) -> None:
    assert sorted(d.name() for d in conn.listAllDomains()) == sorted(EXPECTED_DOMAINS)


@pytest.mark.parametrize("name", sorted(EXPECTED_DOMAINS))
def test_domain_state_size_and_managed_save(conn: libvirt.virConnect, name: str) -> None:
    state, vcpus, memory_mib, managed_save = EXPECTED_DOMAINS[name]
    dom = conn.lookupByName(name)
    info_state, max_memory_kib, _mem, info_vcpus, _cpu_time = dom.info()
    assert dom.state()[0] == info_state == state
    assert info_vcpus == vcpus
    assert max_memory_kib == memory_mib * 1024
    assert bool(dom.hasManagedSaveImage()) is managed_save


def test_running_vcpus_overcommit_host_cpus(conn: libvirt.virConnect) -> None:
    running = conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_RUNNING)
    running_vcpus = sum(dom.info()[3] for dom in running)
    host_cpus = conn.getInfo()[2]
    assert running_vcpus == 15
    assert running_vcpus > host_cpus


def test_every_domain_has_a_virtio_balloon(domain_xml: dict[str, etree._Element]) -> None:
    balloon = "devices/memballoon[@model='virtio']"
    missing = [n for n, x in domain_xml.items() if x.find(balloon) is None]
    assert missing == []


def test_most_domains_have_graphics_and_some_a_serial_console(
    domain_xml: dict[str, etree._Element],
) -> None:
    with_graphics = [n for n, x in domain_xml.items() if x.find("devices/graphics") is not None]
    with_console = [n for n, x in domain_xml.items() if x.find("devices/console") is not None]
    assert len(with_graphics) > len(domain_xml) / 2
    assert {g.get("type") for x in domain_xml.values() for g in x.iterfind("devices/graphics")} == {
        "vnc",
        "spice",
    }
    assert with_console


@pytest.mark.parametrize("name", sorted(EXPECTED_NICS))
def test_domain_nics(domain_xml: dict[str, etree._Element], name: str) -> None:
    nics = domain_xml[name].findall("devices/interface")
    found = [
        (
            nic.get("type"),
            nic.find("source").get(NIC_SOURCE_ATTRIBUTE[nic.get("type")]),
            nic.find("source").get("portgroup"),
        )
        for nic in nics
    ]
    assert found == EXPECTED_NICS[name]
    for nic in nics:
        assert nic.find("mac").get("address").startswith("52:54:00:")
        assert nic.find("model").get("type") in {"virtio", "e1000"}


def test_nic_macs_are_unique(domain_xml: dict[str, etree._Element]) -> None:
    macs = [
        m.get("address") for x in domain_xml.values() for m in x.iterfind("devices/interface/mac")
    ]
    assert len(macs) == len(set(macs))


def test_active_domains_have_distinct_host_tap_devices(conn: libvirt.virConnect) -> None:
    # The test driver renames targets it considers auto-generated to testnetN, which repeats
    # across domains; the demo's own names must survive so the topology can tell taps apart.
    targets = [
        t.get("dev")
        for dom in conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)
        for t in _xml(dom).iterfind("devices/interface/target")
    ]
    assert targets
    assert len(targets) == len(set(targets))
    assert not [t for t in targets if t.startswith("testnet")]


def test_macvtap_nic_is_in_bridge_mode(domain_xml: dict[str, etree._Element]) -> None:
    source = domain_xml["ceph01"].find("devices/interface[@type='direct']/source")
    assert (source.get("dev"), source.get("mode")) == ("eth0", "bridge")


@pytest.mark.parametrize(
    ("name", "trunk", "tags"),
    [("router01", "yes", [10, 20]), ("win10", None, [30])],
)
def test_interface_level_vlans(
    domain_xml: dict[str, etree._Element], name: str, trunk: str | None, tags: list[int]
) -> None:
    vlans = domain_xml[name].findall("devices/interface/vlan")
    assert len(vlans) == 1
    assert vlans[0].get("trunk") == trunk
    assert [int(t.get("id")) for t in vlans[0].iterfind("tag")] == tags


# ----------------------------------------------------------------- networks


@pytest.mark.parametrize("name", sorted(EXPECTED_NETWORKS))
def test_network_is_active_with_forward_mode_and_bridge(
    conn: libvirt.virConnect, name: str
) -> None:
    forward_mode, bridge, address = EXPECTED_NETWORKS[name]
    network = conn.networkLookupByName(name)
    xml = _xml(network)
    forward = xml.find("forward")
    assert network.isActive()
    assert (forward.get("mode") if forward is not None else None) == forward_mode
    assert network.bridgeName() == xml.find("bridge").get("name") == bridge
    ip = xml.find("ip")
    assert (ip.get("address") if ip is not None else None) == address


def test_all_networks_listed(conn: libvirt.virConnect) -> None:
    assert sorted(n.name() for n in conn.listAllNetworks()) == sorted(EXPECTED_NETWORKS)


@pytest.mark.parametrize("name", ["default", "isolated"])
def test_network_has_dhcp_range(conn: libvirt.virConnect, name: str) -> None:
    assert _xml(conn.networkLookupByName(name)).find("ip/dhcp/range") is not None


@pytest.mark.parametrize(
    ("domain", "ip"), [("web01", "192.168.122.10"), ("win10", "192.168.122.20")]
)
def test_default_network_static_lease_matches_domain_nic(
    conn: libvirt.virConnect, domain_xml: dict[str, etree._Element], domain: str, ip: str
) -> None:
    nic = domain_xml[domain].find("devices/interface/source[@network='default']/..")
    nic_mac = nic.find("mac").get("address")
    hosts = _xml(conn.networkLookupByName("default")).iterfind("ip/dhcp/host")
    assert {h.get("mac"): h.get("ip") for h in hosts}.get(nic_mac) == ip


def test_ovs_trunk_portgroups(conn: libvirt.virConnect) -> None:
    xml = _xml(conn.networkLookupByName("ovs-trunk"))
    assert xml.find("virtualport").get("type") == "openvswitch"
    groups = {
        pg.get("name"): (
            pg.get("default"),
            pg.find("vlan").get("trunk"),
            [(int(t.get("id")), t.get("nativeMode")) for t in pg.iterfind("vlan/tag")],
        )
        for pg in xml.iterfind("portgroup")
    }
    assert groups == {
        "vlan10": ("yes", None, [(10, None)]),
        "vlan20": (None, None, [(20, None)]),
        "trunk": (None, "yes", [(10, "untagged"), (20, None)]),
    }


def test_every_network_is_used_by_a_domain_nic(
    conn: libvirt.virConnect, domain_xml: dict[str, etree._Element]
) -> None:
    sources = [s for x in domain_xml.values() for s in x.iterfind("devices/interface/source")]
    used = {s.get("network") for s in sources}
    assert {n.name() for n in conn.listAllNetworks()} - used == set()


# ----------------------------------------------------------------- host interfaces


@pytest.mark.parametrize("name", sorted(EXPECTED_INTERFACE_TYPES))
def test_host_interface_type(conn: libvirt.virConnect, name: str) -> None:
    iface = conn.interfaceLookupByName(name)
    assert iface.isActive()
    assert _xml(iface).get("type") == EXPECTED_INTERFACE_TYPES[name]


@pytest.mark.parametrize(("name", "tag"), [("eth0.10", "10"), ("eth0.20", "20")])
def test_vlan_interface_sits_on_eth0(conn: libvirt.virConnect, name: str, tag: str) -> None:
    vlan = _xml(conn.interfaceLookupByName(name)).find("vlan")
    assert (vlan.get("tag"), vlan.find("interface").get("name")) == (tag, "eth0")


@pytest.mark.parametrize(
    ("bridge", "member"), [("brvlan10", "eth0.10"), ("brvlan20", "eth0.20"), ("br0", "bond0")]
)
def test_bridge_members(conn: libvirt.virConnect, bridge: str, member: str) -> None:
    xml = _xml(conn.interfaceLookupByName(bridge))
    assert [i.get("name") for i in xml.iterfind("bridge/interface")] == [member]


def test_brvlan10_has_host_address(conn: libvirt.virConnect) -> None:
    ip = _xml(conn.interfaceLookupByName("brvlan10")).find("protocol[@family='ipv4']/ip")
    assert (ip.get("address"), ip.get("prefix")) == ("10.0.10.2", "24")


def test_bond_is_active_backup_over_eth1_and_eth2(conn: libvirt.virConnect) -> None:
    bond = _xml(conn.interfaceLookupByName("bond0")).find("bond")
    assert bond.get("mode") == "active-backup"
    assert [i.get("name") for i in bond.iterfind("interface")] == ["eth1", "eth2"]


# ----------------------------------------------------------------- storage


@pytest.mark.parametrize("name", sorted(EXPECTED_POOL_TYPES))
def test_pool_type_and_volumes(conn: libvirt.virConnect, name: str) -> None:
    pool = conn.storagePoolLookupByName(name)
    assert pool.isActive()
    assert _xml(pool).get("type") == EXPECTED_POOL_TYPES[name]
    volumes = pool.listAllVolumes()
    assert len(volumes) >= 1
    _state, capacity, allocation, available = pool.info()
    assert capacity == allocation + available
    assert allocation == sum(v.info()[2] for v in volumes)


@pytest.mark.parametrize(("pool", "volume", "fmt"), EXPECTED_VOLUMES)
def test_volume_format_and_size(
    conn: libvirt.virConnect, pool: str, volume: str, fmt: str | None
) -> None:
    vol = conn.storagePoolLookupByName(pool).storageVolLookupByName(volume)
    format_element = _xml(vol).find("target/format")
    assert (format_element.get("type") if format_element is not None else None) == fmt
    _type, capacity, allocation = vol.info()
    assert 0 < allocation <= capacity


def test_pool_sources_point_at_the_demo_remote_hosts(conn: libvirt.virConnect) -> None:
    sources = {p.name(): _xml(p).find("source") for p in conn.listAllStoragePools()}
    assert sources["nfs-images"].find("dir").get("path") == "/export/vms"
    assert sources["iscsi-san"].find("device").get("path") == "iqn.2026-01.invalid.demo:san.lun1"
    assert sources["vg_guests"].find("device").get("path") == "/dev/sdb"
    assert sources["ceph-rbd"].find("name").text == "vms"
    assert sources["ceph-rbd"].find("auth").get("username") == "libvirt"
    assert sources["ceph-rbd"].find("auth/secret").get("usage") == "ceph-client"
    hosts = [h.get("name") for s in sources.values() for h in s.iterfind("host")]
    assert sorted(hosts) == ["mon1.demo.invalid", "nas.demo.invalid", "san.demo.invalid"]


def _resolve_disk(conn: libvirt.virConnect, disk: etree._Element) -> libvirt.virStorageVol | None:
    """The pool volume a domain disk refers to, or None if it names one that does not exist."""
    source = disk.find("source")
    try:
        if disk.get("type") == "volume":
            pool = conn.storagePoolLookupByName(source.get("pool"))
            return pool.storageVolLookupByName(source.get("volume"))
        if disk.get("type") == "network" and source.get("protocol") == "rbd":
            rbd_pool, image = source.get("name").split("/", 1)
            for pool in conn.listAllStoragePools():
                pool_xml = _xml(pool)
                if pool_xml.get("type") == "rbd" and pool_xml.findtext("source/name") == rbd_pool:
                    return pool.storageVolLookupByName(image)
            return None
        return conn.storageVolLookupByPath(source.get("file") or source.get("dev"))
    except libvirt.libvirtError:
        return None


def test_every_domain_disk_refers_to_an_existing_volume(
    conn: libvirt.virConnect, domain_xml: dict[str, etree._Element]
) -> None:
    pool_dirs = {_xml(p).findtext("target/path") for p in conn.listAllStoragePools()}
    checked = 0
    unresolved = []
    for name, xml in domain_xml.items():
        for disk in xml.iterfind("devices/disk"):
            path = disk.find("source").get("file") or disk.find("source").get("dev")
            by_name = disk.get("type") in {"volume", "network"}
            in_a_pool = by_name or posixpath.dirname(path) in pool_dirs
            # A demo disk outside every pool would be invisible in the storage view.
            assert in_a_pool, f"{name}: {path} is in no pool"
            checked += 1
            if _resolve_disk(conn, disk) is None:
                unresolved.append((name, disk.find("target").get("dev")))
    assert checked >= 12
    assert unresolved == []


def test_shared_volume_is_attached_to_web01_and_web02(
    domain_xml: dict[str, etree._Element],
) -> None:
    shared = "/var/lib/libvirt/images/shared-data.qcow2"
    on_shared = f"devices/disk/source[@file='{shared}']"
    users = sorted(n for n, x in domain_xml.items() if x.find(on_shared) is not None)
    assert users == ["web01", "web02"]


def test_build01_boots_the_debian_iso_as_cdrom(domain_xml: dict[str, etree._Element]) -> None:
    cdrom = domain_xml["build01"].find("devices/disk[@device='cdrom']/source")
    assert cdrom.get("file") == "/var/lib/libvirt/images/debian-12.iso"


# ----------------------------------------------------------------- the file itself


def test_every_object_has_a_fixed_uuid_in_the_file() -> None:
    # libvirt invents a random UUID for objects without one, so only the file can show this.
    root = etree.parse(str(DEMO_HOST)).getroot()
    objects = root.findall("domain") + root.findall("network") + root.findall("pool")
    assert [o.findtext("name") for o in objects if not o.findtext("uuid")] == []
    uuids = [o.findtext("uuid") for o in objects]
    assert len(uuids) == len(set(uuids))
