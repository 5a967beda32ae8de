"""Every validation rule, each with a rejected and an accepted example."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from kvmgui.xml import (
    Disk,
    Domain,
    DomainInterface,
    HostInterface,
    Network,
    Pool,
    Problem,
    Volume,
)

HOST_MEMORY_KIB = 8 * 1024**2


def domain() -> Domain:
    """A valid domain with one disk and one NIC, for rules to break."""
    dom = Domain.new("guest", 1024**2, 2)
    dom.add_device(Disk.new("vda", source="/var/lib/libvirt/images/guest.qcow2"))
    dom.add_device(DomainInterface.new("network", source="default", mac="52:54:00:00:00:01"))
    return dom


def network() -> Network:
    """A valid NAT network with DHCP, a static host and a portgroup."""
    net = Network.new("lab", bridge_name="virbr5", ipv4="192.168.50.1/24",
                      dhcp_range=("192.168.50.100", "192.168.50.200"))
    net.ips[0].add_dhcp_host(mac="52:54:00:00:00:01", name="a", ip="192.168.50.10")
    net.add_portgroup("pg", default=True)
    return net


def nic_vlan(tags: list[int]) -> Callable[[Domain], None]:
    def apply(dom: Domain) -> None:
        dom.interfaces[0].vlan.tags = tags
    return apply


def add_disk(target: str) -> Callable[[Domain], None]:
    def apply(dom: Domain) -> None:
        dom.add_device(Disk.new(target, source="/b.img"))
    return apply


def set_many(**values: Any) -> Callable[[Any], None]:
    def apply(obj: Any) -> None:
        for key, value in values.items():
            setattr(obj, key, value)
    return apply


def on_nic(**values: Any) -> Callable[[Domain], None]:
    return lambda dom: set_many(**values)(dom.interfaces[0])


def on_ip(edit: Callable[[Any], None]) -> Callable[[Network], None]:
    return lambda net: edit(net.ips[0])


def range_(start: str, end: str) -> Callable[[Network], None]:
    def apply(net: Network) -> None:
        dhcp_range = net.ips[0].dhcp_ranges[0]
        dhcp_range.start, dhcp_range.end = start, end
    return apply


def extra_host(**attrs: str) -> Callable[[Network], None]:
    def apply(net: Network) -> None:
        net.ips[0].add_dhcp_host(**attrs)
    return apply


def portgroup(name: str, default: bool = False) -> Callable[[Network], None]:
    def apply(net: Network) -> None:
        net.add_portgroup(name, default=default)
    return apply


def per_device_boot(first: int, second: int, os_boot: bool = False) -> Callable[[Domain], None]:
    def apply(dom: Domain) -> None:
        dom.disks[0].boot_order = first
        dom.interfaces[0].boot_order = second
        if os_boot:
            dom.boot_devices = ["hd"]
    return apply


@dataclass(frozen=True)
class Rule:
    """Applying ``bad`` must yield ``field``/``severity``; applying ``good`` must not."""

    label: str
    make: Callable[[], Any]
    bad: Callable[[Any], None]
    good: Callable[[Any], None]
    field: str
    severity: str = "error"
    words: tuple[str, ...] = ()  # the message must name the field in these words


RULES = [
    Rule("domain name empty", domain, set_many(name=""), set_many(name="ok"), "name",
         words=("name",)),
    Rule("domain name slash", domain, set_many(name="a/b"), set_many(name="a-b"), "name",
         words=("name", "/")),
    Rule("memory zero", domain, set_many(memory=0), set_many(memory=1024**2 + 1), "memory",
         words=("Memory",)),
    Rule("memory above host", domain, set_many(memory=HOST_MEMORY_KIB + 1),
         set_many(memory=HOST_MEMORY_KIB), "memory", "warning", ("Memory", "host")),
    Rule("current memory above memory", domain, set_many(current_memory=2 * 1024**2),
         set_many(current_memory=1024**2), "current_memory", "warning", ("Current memory",)),
    Rule("vcpus zero", domain, set_many(vcpu_max=0), set_many(vcpu_max=1), "vcpu",
         words=("vCPUs",)),
    Rule("current vcpus above max", domain, set_many(vcpu_current=3),
         set_many(vcpu_current=2), "vcpu.current", words=("current", "vCPUs")),
    Rule("current vcpus zero", domain, set_many(vcpu_current=0), set_many(vcpu_current=1),
         "vcpu.current", words=("current", "vCPUs")),
    Rule("topology mismatch", domain, set_many(cpu_sockets=2, cpu_cores=2, cpu_threads=1),
         set_many(cpu_sockets=1, cpu_cores=2, cpu_threads=1), "cpu.topology",
         words=("topology",)),
    Rule("topology incomplete", domain, set_many(cpu_sockets=2),
         set_many(cpu_sockets=2, cpu_cores=1, cpu_threads=1, vcpu_max=2), "cpu.topology",
         words=("topology",)),
    Rule("mac malformed", domain, on_nic(mac="52:54:00:00:01"), on_nic(mac="52:54:00:00:00:02"),
         "interface[0].mac", words=("MAC", "interface 1")),
    Rule("mac multicast", domain, on_nic(mac="01:00:5e:00:00:01"), on_nic(mac="02:00:5e:00:00:01"),
         "interface[0].mac", words=("MAC", "multicast")),
    Rule("duplicate disk target", domain, add_disk("vda"), add_disk("vdb"), "disk[1].target",
         words=("Disk 2", "vda")),
    Rule("nic vlan zero", domain, nic_vlan([0]), nic_vlan([1]), "interface[0].vlan.tag[0]",
         words=("VLAN",)),
    Rule("nic vlan above 4094", domain, nic_vlan([10, 4095]), nic_vlan([10, 4094]),
         "interface[0].vlan.tag[1]", words=("VLAN", "4095")),
    Rule("boot order mixed with os boot", domain, per_device_boot(1, 2, os_boot=True),
         per_device_boot(1, 2), "boot", words=("boot",)),
    Rule("boot order duplicated", domain, per_device_boot(1, 1), per_device_boot(1, 2),
         "disk[0].boot_order", words=("Boot order",)),
    Rule("network name slash", network, set_many(name="x/y"), set_many(name="xy"), "name",
         words=("network name",)),
    Rule("network vlan", network, lambda n: setattr(n.vlan, "tags", [5000]),
         lambda n: setattr(n.vlan, "tags", [500]), "vlan.tag[0]", words=("VLAN",)),
    Rule("portgroup vlan", network, lambda n: setattr(n.portgroups[0].vlan, "tags", [0]),
         lambda n: setattr(n.portgroups[0].vlan, "tags", [7]), "portgroup[0].vlan.tag[0]",
         words=("VLAN", "portgroup pg")),
    Rule("nat without address", lambda: Network.new("n"), lambda n: None,
         lambda n: n.add_ip("10.0.0.1", prefix=8), "forward", words=("nat", "IP address")),
    Rule("stp on a host bridge", lambda: Network.new("h", forward_mode="bridge", bridge_name="br0"),
         set_many(bridge_stp=True), set_many(bridge_stp=None), "bridge",
         words=("STP", "bridge")),
    Rule("portgroup duplicate", network, portgroup("pg"), portgroup("pg2"), "portgroup[1].name",
         words=("portgroup", "pg")),
    Rule("portgroup second default", network, portgroup("b", default=True), portgroup("b"),
         "portgroup[1].default", words=("default",)),
    Rule("ip address", network, on_ip(set_many(address="192.168.50.300")),
         on_ip(set_many(address="192.168.50.2")), "ip[0].address", words=("IP address",)),
    Rule("ip prefix", network, on_ip(set_many(prefix=33)), on_ip(set_many(prefix=16)),
         "ip[0].prefix", words=("prefix",)),
    Rule("ip netmask", network, on_ip(set_many(prefix=None, netmask="255.0.255.0")),
         on_ip(set_many(prefix=None, netmask="255.255.255.0")), "ip[0].netmask",
         words=("netmask",)),
    Rule("ip netmask and prefix", network, on_ip(set_many(netmask="255.255.255.0")),
         on_ip(set_many(netmask=None)), "ip[0]", words=("netmask", "prefix")),
    Rule("ip family", network, on_ip(set_many(family="ipv6")), on_ip(set_many(family="ipv4")),
         "ip[0].family", words=("family",)),
    Rule("dhcp range outside subnet", network, range_("192.168.50.100", "192.168.51.10"),
         range_("192.168.50.100", "192.168.50.110"), "ip[0].dhcp.range[0]",
         words=("DHCP range", "outside")),
    Rule("dhcp range reversed", network, range_("192.168.50.200", "192.168.50.100"),
         range_("192.168.50.100", "192.168.50.200"), "ip[0].dhcp.range[0]",
         words=("DHCP range", "starts after")),
    Rule("dhcp range not an address", network, range_("192.168.50.x", "192.168.50.100"),
         range_("192.168.50.10", "192.168.50.100"), "ip[0].dhcp.range[0]",
         words=("DHCP range",)),
    Rule("static host outside subnet", network, extra_host(mac="52:54:00:00:00:02", ip="10.0.0.2"),
         extra_host(mac="52:54:00:00:00:02", ip="192.168.50.11"), "ip[0].dhcp.host[1].ip",
         words=("IP address", "outside")),
    Rule("static host duplicate ip", network,
         extra_host(mac="52:54:00:00:00:02", ip="192.168.50.10"),
         extra_host(mac="52:54:00:00:00:02", ip="192.168.50.12"), "ip[0].dhcp.host[1].ip",
         words=("IP address", "already used")),
    Rule("static host duplicate mac", network,
         extra_host(mac="52:54:00:00:00:01", ip="192.168.50.12"),
         extra_host(mac="52:54:00:00:00:03", ip="192.168.50.12"), "ip[0].dhcp.host[1].mac",
         words=("MAC", "already used")),
    Rule("static host mac malformed", network, extra_host(mac="52:54:00:00:00:0g"),
         extra_host(mac="52:54:00:00:00:0f"), "ip[0].dhcp.host[1].mac", words=("MAC",)),
    Rule("pool name", lambda: Pool.new("dir", "p", target_path="/p"), set_many(name=""),
         set_many(name="p2"), "name", words=("pool name",)),
    Rule("volume name slash", lambda: Volume.new("v", 1024), set_many(name="../v"),
         set_many(name="v.img"), "name", words=("volume name",)),
    Rule("volume capacity zero", lambda: Volume.new("v", 1024), set_many(capacity=0),
         set_many(capacity=1), "capacity", words=("capacity",)),
    Rule("raw allocation above capacity", lambda: Volume.new("v", 1024, "raw"),
         set_many(allocation=2048), set_many(allocation=1024), "allocation",
         words=("allocation", "capacity")),
]


def _problems(rule: Rule, edit: Callable[[Any], None]) -> list[Problem]:
    document = rule.make()
    edit(document)
    if isinstance(document, Domain):
        return document.validate(host_memory_kib=HOST_MEMORY_KIB)
    return list(document.validate())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.label)
def test_rule_rejects(rule: Rule) -> None:
    matching = [p for p in _problems(rule, rule.bad) if p.field == rule.field]
    assert [p.severity for p in matching] == [rule.severity]
    for word in rule.words:
        assert word in matching[0].message


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.label)
def test_rule_accepts(rule: Rule) -> None:
    assert _problems(rule, rule.good) == []


@pytest.mark.parametrize("make", [domain, network], ids=["domain", "network"])
def test_starting_points_are_valid(make: Callable[[], Domain | Network]) -> None:
    assert make().validate() == []


def test_qcow2_allocation_may_exceed_capacity() -> None:
    volume = Volume.new("v.qcow2", 1024, "qcow2", allocation=4096)
    assert volume.validate() == []


def test_memory_warning_needs_host_memory() -> None:
    big = domain()
    big.memory = 10**12
    big.current_memory = None
    assert big.validate() == []
    assert [p.severity for p in big.validate(host_memory_kib=HOST_MEMORY_KIB)] == ["warning"]


def test_host_interface_rules() -> None:
    good = HostInterface.from_xml("<interface type='vlan' name='eth0.7'><vlan tag='7'>"
                                  "<interface name='eth0'/></vlan></interface>")
    bad = HostInterface.from_xml("<interface type='vlan' name=''><mac address='ff:ff:ff:ff:ff:ff'/>"
                                 "<vlan tag='4095'><interface name='eth0'/></vlan></interface>")
    assert good.validate() == []
    assert sorted(p.field for p in bad.validate()) == ["mac", "name", "vlan.tag[0]"]


def test_problem_carries_template_and_arguments_for_translation() -> None:
    dom = domain()
    dom.vcpu_current = 5
    (problem,) = dom.validate()
    assert problem.template.format(**dict(problem.args)) == problem.message
    assert "{current}" in problem.template and ("current", "5") in problem.args


def test_setters_do_not_check_ranges() -> None:
    """The documented policy: values are stored as given; validate() reports them."""
    dom = domain()
    dom.interfaces[0].vlan.tags = [9999]
    dom.interfaces[0].mac = "not a mac"
    dom.memory = 0
    assert dom.interfaces[0].vlan.tags == [9999]
    assert {p.field for p in dom.validate()} == {
        "memory", "interface[0].mac", "interface[0].vlan.tag[0]"}


def test_impossible_operations_raise_value_error() -> None:
    dom = domain()
    other = domain()
    with pytest.raises(ValueError, match="not a device of this domain"):
        dom.remove_device(other.disks[0])
    with pytest.raises(ValueError, match="not one of the tags"):
        dom.interfaces[0].vlan.set_native(10)
    with pytest.raises(ValueError, match="already belongs"):
        dom.add_device(other.disks[0])
