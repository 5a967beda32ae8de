"""Small builders for topology tests: inline libvirt XML and the demo host loader."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from kvmgui.topology import build_topology
from kvmgui.topology.inputs import DomainSource, HostSource, LibvirtVersion, NetworkSource
from kvmgui.topology.model import TopologyGraph

DEMO_HOST = Path(__file__).resolve().parents[3] / "resources" / "demo-host.xml"
TEST_NS = "http://libvirt.org/schemas/domain/test/1.0"
RUNNING, PAUSED, SHUTOFF, CRASHED = 1, 3, 5, 6
_STATE_WORDS = {RUNNING: "running", PAUSED: "paused", SHUTOFF: "shut off", CRASHED: "crashed"}

NAT_NETWORK = """<network><name>default</name><forward mode='nat'/>
  <bridge name='virbr0'/><ip address='192.168.122.1' prefix='24'/></network>"""
ISOLATED_NETWORK = "<network><name>isolated</name><bridge name='virbr1'/></network>"


def domain(name: str, *nics: str, active: bool = True, state: str = "") -> DomainSource:
    devices = "".join(nics)
    xml = f"<domain type='kvm'><name>{escape(name)}</name><devices>{devices}</devices></domain>"
    return DomainSource(name, f"uuid-{name}", active, xml,
                        state or ("running" if active else "shut off"))


def nic_network(
    network: str, *, portgroup: str | None = None, vlan: str = "", target: str | None = None,
    extra: str = "",
) -> str:
    group = f" portgroup='{portgroup}'" if portgroup else ""
    tap = f"<target dev='{target}'/>" if target else ""
    return (f"<interface type='network'><source network='{network}'{group}/>{vlan}{tap}{extra}"
            "</interface>")


def nic_bridge(bridge: str, *, vlan: str = "", ovs: bool = False, target: str | None = None) -> str:
    port = "<virtualport type='openvswitch'/>" if ovs else ""
    tap = f"<target dev='{target}'/>" if target else ""
    return f"<interface type='bridge'><source bridge='{bridge}'/>{port}{vlan}{tap}</interface>"


def nic_direct(dev: str, mode: str, *, vlan: str = "") -> str:
    return f"<interface type='direct'><source dev='{dev}' mode='{mode}'/>{vlan}</interface>"


def vlan(*tags: int, trunk: bool = False, native: tuple[int, str] | None = None) -> str:
    parts = []
    for tag in tags:
        mode = f" nativeMode='{native[1]}'" if native and native[0] == tag else ""
        parts.append(f"<tag id='{tag}'{mode}/>")
    trunk_attribute = " trunk='yes'" if trunk else ""
    return f"<vlan{trunk_attribute}>{''.join(parts)}</vlan>"


def ethernet(name: str) -> str:
    return f"<interface type='ethernet' name='{name}'/>"


def vlan_device(name: str, parent: str, tag: int) -> str:
    return (f"<interface type='vlan' name='{name}'><vlan tag='{tag}'>"
            f"<interface name='{parent}'/></vlan></interface>")


def host_bridge(name: str, *members: str) -> str:
    inner = "".join(f"<interface type='ethernet' name='{m}'/>" for m in members)
    return f"<interface type='bridge' name='{name}'><bridge>{inner}</bridge></interface>"


def bridge_network(name: str, bridge: str, body: str = "") -> str:
    return (f"<network><name>{name}</name><forward mode='bridge'/><bridge name='{bridge}'/>"
            f"{body}</network>")


def build(
    *,
    interfaces: list[str] | None = None,
    networks: list[str | tuple[str, bool]] | None = None,
    domains: list[DomainSource] | None = None,
    version: LibvirtVersion = (9, 0, 0),
) -> TopologyGraph:
    network_sources = [
        NetworkSource(item, True) if isinstance(item, str) else NetworkSource(*item)
        for item in networks or []
    ]
    return build_topology(
        HostSource(interfaces or [], network_sources, domains or [], version)
    )


def load_test_driver_file(path: Path, version: LibvirtVersion = (9, 0, 0)) -> HostSource:
    """Split a libvirt test-driver <node> file the way the test driver sees it: every network
    is active, a domain without <test:runstate> is running."""
    root = etree.parse(str(path)).getroot()
    domains = []
    for element in root.findall("domain"):
        runstate = element.findtext(f"{{{TEST_NS}}}runstate")
        state = int(runstate) if runstate else RUNNING
        domains.append(
            DomainSource(
                name=element.findtext("name") or "",
                uuid=element.findtext("uuid") or "",
                active=state in (RUNNING, PAUSED),
                xml=etree.tostring(element, encoding="unicode"),
                state=_STATE_WORDS.get(state, str(state)),
            )
        )
    networks = [
        NetworkSource(etree.tostring(element, encoding="unicode"), True)
        for element in root.findall("network")
    ]
    interfaces = [
        etree.tostring(element, encoding="unicode") for element in root.findall("interface")
    ]
    return HostSource(interfaces, networks, domains, version)
