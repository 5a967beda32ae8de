"""Pure helpers: units, filter queries, overcommit, hardware-virtualization probe, volume users."""

from pathlib import Path

import pytest
from lxml import etree

from kvmgui.core import units
from kvmgui.logic import usage
from kvmgui.logic.filtering import StateFilter, parse_query
from kvmgui.stats.overcommit import overcommit
from kvmgui.virt import hostcheck
from kvmgui.core.snapshots import DomainInfo, DomainState, NetworkInfo

DEMO = Path(__file__).parents[3] / "resources" / "demo-host.xml"


def domain(name: str, state: DomainState, vcpus: int = 2, mem: int = 1024, saved: bool = False,
           xml: str = "<domain/>") -> DomainInfo:
    return DomainInfo(uuid=name, name=name, state=state, vcpus=vcpus, memory_kib=mem,
                      max_memory_kib=mem, autostart=False, persistent=True, managed_save=saved,
                      xml=xml)


@pytest.mark.parametrize("value,text", [(0, "0 B"), (1023, "1023 B"), (1536, "1.5 KiB"),
                                        (2 * 1024**3, "2 GiB"), (int(1.25 * 1024**4), "1.2 TiB")])
def test_format_bytes(value: int, text: str) -> None:
    assert units.format_bytes(value) == text


def test_format_ratio() -> None:
    assert units.format_ratio(1.875) == "1.88×"
    assert units.format_ratio(None) == "–"


def test_overcommit_counts_scheduled_vcpus_and_active_memory() -> None:
    doms = [domain("a", DomainState.RUNNING, 4, 1000), domain("b", DomainState.PAUSED, 8, 500),
            domain("c", DomainState.SHUTOFF, 16, 9999), domain("d", DomainState.BLOCKED, 2, 100)]
    result = overcommit(doms, host_cpus=4, host_memory_kib=800)
    assert result.running_vcpus == 6  # paused vCPU threads are not scheduled
    assert result.active_memory_kib == 1600  # a paused guest still holds its memory
    assert result.cpu_ratio == pytest.approx(1.5)
    assert result.memory_ratio == pytest.approx(2.0)
    assert overcommit([], 0, 0).cpu_ratio is None


def test_filter_words_must_all_match_name_or_columns() -> None:
    web = domain("web01", DomainState.RUNNING)
    query = parse_query("WEB run")
    assert query.matches(web, ["web01", "Running"])
    assert not query.matches(web, ["web01", "Paused"])


@pytest.mark.parametrize("state,wanted,ok", [
    (DomainState.RUNNING, StateFilter.RUNNING, True),
    (DomainState.PAUSED, StateFilter.RUNNING, False),
    (DomainState.PAUSED, StateFilter.ACTIVE, True),
    (DomainState.SHUTOFF, StateFilter.INACTIVE, True),
    (DomainState.SHUTOFF, StateFilter.SHUTOFF, True),
])
def test_state_filter(state: DomainState, wanted: StateFilter, ok: bool) -> None:
    assert parse_query("", wanted).matches(domain("x", state), ["x"]) is ok


def test_saved_domain_is_saved_not_shut_off() -> None:
    saved = domain("s", DomainState.SHUTOFF, saved=True)
    assert parse_query("state:saved").matches(saved, ["s"])
    assert not parse_query("state:shutoff").matches(saved, ["s"])


def test_vlan_and_bad_words() -> None:
    net = NetworkInfo(uuid="u", name="trunk", active=True, autostart=False, persistent=True,
                      forward_mode="bridge", bridge="ovsbr0", vlans=(10, 20), xml="<network/>")
    assert parse_query("vlan:20").matches(net, ["trunk"])
    assert not parse_query("vlan:30").matches(net, ["trunk"])
    query = parse_query("state:sleepy vlan:0 web")
    assert query.problems == (("state", "sleepy"), ("vlan", "0"))
    assert query.words == ("web",)


def test_cpu_virt_flag_and_probe(tmp_path: Path) -> None:
    assert hostcheck.cpu_virt_flag("processor : 0\nflags : fpu vme svm sse\n") == "svm"
    assert hostcheck.cpu_virt_flag("flags : fpu sse\n") == ""
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("flags\t\t: fpu vmx\n")
    probe = hostcheck.probe_local(str(cpuinfo), str(tmp_path / "no-kvm"))
    assert probe.cpu_flag == "vmx" and not probe.kvm_device and not probe.usable
    kvm = tmp_path / "kvm"
    kvm.write_text("")
    assert hostcheck.probe_local(str(cpuinfo), str(kvm)).usable


def demo_domains() -> list[DomainInfo]:
    root = etree.parse(str(DEMO)).getroot()
    return [domain(d.findtext("name") or "", DomainState.RUNNING, xml=etree.tostring(d).decode())
            for d in root.iterfind("domain")]


def test_volume_users_by_path_pool_volume_and_rbd_name() -> None:
    doms = demo_domains()
    names = lambda found: sorted(d.name for d in found)  # noqa: E731
    by_path = usage.volume_users(doms, "default", "shared-data.qcow2",
                                 "/var/lib/libvirt/images/shared-data.qcow2")
    assert names(by_path) == ["web01", "web02"]
    assert names(usage.volume_users(doms, "ceph-rbd", "ceph01-root", "", "vms")) == ["ceph01"]
    assert names(usage.volume_users(doms, "default", "nobody.img",
                                    "/var/lib/libvirt/images/nobody.img")) == []
