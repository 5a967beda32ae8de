"""vCPU pinning rules: cpuset strings (against libvirt's own parser too), the host's CPUs and
their grouping, pinnings from CPU maps and definitions, and what a change may do."""

from __future__ import annotations

import re

import libvirt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kvmgui.logic.pinning_rules import (
    EMULATOR,
    CpusetError,
    HostCpus,
    PinChange,
    Pinning,
    PinningFacts,
    change_text,
    changes,
    cpu_groups,
    cpumap,
    format_cpuset,
    parse_cpuset,
    pin_refusal,
    pinned_xml,
    pinning_from_domain,
    pinning_from_maps,
    plan,
    target_refusal,
)
from kvmgui.xml import Capabilities, Domain

FUZZ = settings(max_examples=300, deadline=None, derandomize=True, database=None)

# Two NUMA nodes, SMT siblings 0+4, 1+5 (node 0) and 2+6, 3+7 (node 1), CPU 7 offline.
CAPS = "<capabilities><host><topology><cells num='2'>" + "".join(
    f"<cell id='{node}'><cpus num='4'>" + "".join(
        f"<cpu id='{cpu}' socket_id='{node}' die_id='0' core_id='{cpu % 4}'/>"
        for cpu in (2 * node, 2 * node + 1, 2 * node + 4, 2 * node + 5)) + "</cpus></cell>"
    for node in (0, 1)) + "</cells></topology></host></capabilities>"
HOST = HostCpus.from_host([True] * 7 + [False], Capabilities.from_xml(CAPS))


def domain_xml(cputune: str = "", vcpus: int = 2) -> str:
    return (f"<domain type='test'><name>kvmgui-test-pinrules</name><memory>65536</memory>"
            f"<vcpu>{vcpus}</vcpu>{cputune}<os><type>hvm</type></os></domain>")


# ---- cpusets ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,cpus", [
    ("0", {0}), ("0-3", {0, 1, 2, 3}), ("0-3,^2", {0, 1, 3}), (" 1 , 2 - 3 ", {1, 2, 3}),
    ("^1,1", {1}), ("1,^1", set()), ("1,", {1}), ("", set()), ("4,0-1", {0, 1, 4}),
])
def test_cpusets_read_as_libvirt_reads_them(text: str, cpus: set[int]) -> None:
    assert parse_cpuset(text) == cpus


@pytest.mark.parametrize("text,says", [
    ("3-1", "runs backwards"), ("^1-2", "Only single CPUs"), ("^ 1", "not a CPU number"),
    (",1", "comma"), ("1,,2", "comma"), ("x", "not a CPU number"), ("\u0663", "not a CPU number"),
    ("0-99999999", "beyond any host"), ("9" * 5000, "not a CPU number"), ("1 2", "not a CPU"),
])
def test_bad_cpusets_say_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(CpusetError) as caught:
        parse_cpuset(text)
    assert says in str(caught.value.message)


def test_cpusets_are_written_as_libvirt_writes_them() -> None:
    assert format_cpuset([5, 0, 1, 2, 7, 8, 1]) == "0-2,5,7-8"
    assert format_cpuset([]) == "" and format_cpuset([3]) == "3"


@FUZZ
@given(st.frozensets(st.integers(0, 300)))
def test_any_set_round_trips(cpus: frozenset[int]) -> None:
    assert parse_cpuset(format_cpuset(cpus)) == cpus


items = st.one_of(
    st.integers(0, 40).map(str),
    st.tuples(st.integers(0, 40), st.integers(0, 40)).map(lambda t: f"{t[0]}-{t[1]}"),
    st.integers(0, 40).map(lambda n: f"^{n}"),
    st.sampled_from(["", " ", "x", "^", "-", " 3 ", "2 - 5", "^1-2"]),
)


@settings(FUZZ, suppress_health_check=[HealthCheck.function_scoped_fixture])  # one connection
@given(st.lists(items, min_size=1, max_size=6).map(",".join))
def test_we_read_every_cpuset_as_libvirt_does(default_conn: libvirt.virConnect,
                                              text: str) -> None:
    """The test driver parses the same string with libvirt's own code and writes back the set it
    understood; both readings must agree, and we write that set as libvirt does."""
    try:
        ours: frozenset[int] | None = parse_cpuset(text)
    except CpusetError:
        ours = None
    try:
        dom = default_conn.defineXML(domain_xml(f"<cputune><vcpupin vcpu='0' cpuset='{text}'/>"
                                                "</cputune>"))
    except libvirt.libvirtError:
        assert not ours  # libvirt refuses what we refuse, and an empty set
        return
    try:
        match = re.search(r"<vcpupin vcpu='0' cpuset='([^']*)'", dom.XMLDesc(0))
        assert match is not None
        assert ours == parse_cpuset(match[1])
        assert format_cpuset(ours) == match[1]
    finally:
        dom.undefine()


# ---- the host -----------------------------------------------------------------------------------


def test_host_cpus_come_from_the_cpu_map_grouped_by_the_topology() -> None:
    assert HOST.count == 8 and HOST.ids == frozenset(range(8))
    assert HOST.online == frozenset(range(7))
    groups = cpu_groups(HOST)
    assert [(g.node, g.socket, g.cpus) for g in groups] == [
        (0, 0, (0, 4, 1, 5)), (1, 1, (2, 6, 3, 7))]  # siblings of a core side by side


def test_cpus_the_topology_does_not_describe_form_a_group_of_their_own() -> None:
    host = HostCpus.from_host([True] * 3, Capabilities.from_xml(
        "<capabilities><host><topology><cells><cell id='0'><cpus>"
        "<cpu id='1' socket_id='0' core_id='0'/><cpu id='9' socket_id='0'/></cpus>"
        "</cell></cells></topology></host></capabilities>"))
    assert [(g.node, g.socket, g.cpus) for g in cpu_groups(host)] == [
        (0, 0, (1,)), (None, None, (0, 2))]  # CPU 9: beyond the CPU map, not pinnable
    assert [g.cpus for g in cpu_groups(HostCpus.from_host([True, True], None))] == [(0, 1)]


def test_the_test_driver_host(default_conn: libvirt.virConnect) -> None:
    count, online, _ = default_conn.getCPUMap(0)
    host = HostCpus.from_host(online, Capabilities.from_xml(default_conn.getCapabilities()))
    assert host.count == count
    assert {(g.node, g.socket) for g in cpu_groups(host)} <= {(0, 0), (None, None)}


# ---- pinnings -----------------------------------------------------------------------------------


def test_a_pin_to_every_cpu_is_no_pin() -> None:
    pinning = pinning_from_maps([[True] * 8, [False, True] + [False] * 6], [True] * 8, HOST)
    assert pinning == Pinning((None, frozenset({1})), None)
    assert cpumap(None, HOST) == (True,) * 8
    assert cpumap(frozenset({1, 2}), HOST) == (False, True, True) + (False,) * 5


def test_saved_pins_come_from_the_definition_and_odd_ones_are_noted() -> None:
    domain = Domain.from_xml(domain_xml(
        "<cputune><vcpupin vcpu='0' cpuset='0-7'/><vcpupin vcpu='1' cpuset='1-x'/>"
        "<vcpupin vcpu='2' cpuset='3'/><emulatorpin cpuset='^1,0'/></cputune>", vcpus=3))
    pinning, notes = pinning_from_domain(domain, 3, HOST)
    assert pinning == Pinning((None, None, frozenset({3})), frozenset({0}))
    assert len(notes) == 1 and "vCPU {vcpu}" in str(notes[0].args)


def test_pinned_xml_changes_only_the_rows_that_differ() -> None:
    original = domain_xml("<cputune><shares>10</shares><vcpupin vcpu='0' cpuset='1-x'/>"
                          "<vcpupin vcpu='1' cpuset='2,3'/></cputune>")
    wanted = Pinning((None, frozenset({2, 3})), frozenset({0, 1, 2}))
    tune = Domain.from_xml(pinned_xml(original, wanted, HOST)).cputune
    assert tune.vcpu_pin(0) == "1-x"  # not understood, not changed: as written
    assert tune.vcpu_pin(1) == "2,3"  # means the same: as written
    assert tune.emulator_pin == "0-2"
    tune = Domain.from_xml(pinned_xml(original, Pinning((frozenset({4}), None)), HOST)).cputune
    assert (tune.vcpu_pin(0), tune.vcpu_pin(1), tune.emulator_pin) == ("4", None, None)


def test_changes_read_for_people() -> None:
    old = Pinning((None, frozenset({1})), None)
    new = Pinning((frozenset({1}), frozenset({1})), frozenset({0, 1, 2}))
    assert [str(change_text(c)) for c in changes(old, new)] == [
        "vCPU 0: any CPU → CPU 1", "The emulator threads: any CPU → CPUs 0-2"]
    assert changes(new, new) == []


# ---- rules --------------------------------------------------------------------------------------


@pytest.mark.parametrize("active,persistent,live,config,says", [
    (True, True, False, False, "Choose where"),
    (False, True, True, True, "not running"),
    (True, False, True, True, "transient"),
    (True, True, True, True, None), (False, True, False, True, None),
    (True, False, True, False, None),
])
def test_where_a_pinning_may_go(active: bool, persistent: bool, live: bool, config: bool,
                                says: str | None) -> None:
    refusal = target_refusal(active, persistent, live, config)
    assert (refusal is None) == (says is None)
    if says is not None:
        assert says in str(refusal)


@pytest.mark.parametrize("change,live,says", [
    (PinChange(0, None, frozenset({8})), False, "CPU 8 does not exist on this host (it has "
                                                "CPUs 0-7)"),
    (PinChange(0, None, frozenset({1, 9, 10})), True, "CPUs 9-10 do not exist"),
    (PinChange(EMULATOR, None, frozenset()), False, "needs at least one host CPU"),
    (PinChange(2, None, frozenset({1})), False, "vCPU 2 does not exist"),
    (PinChange(1, None, frozenset({7})), True, "offline"),
    (PinChange(1, None, frozenset({7})), False, None),  # saved for when it is online
    (PinChange(1, None, frozenset({6, 7})), True, None),
    (PinChange(1, frozenset({3}), None), True, None),
])
def test_what_a_pin_may_name(change: PinChange, live: bool, says: str | None) -> None:
    refusal = pin_refusal(HOST, change, 2, live)
    assert (refusal is None) == (says is None), refusal
    if says is not None:
        assert says in str(refusal)


def facts(active: bool = True, persistent: bool = True) -> PinningFacts:
    xml = domain_xml("<cputune><vcpupin vcpu='1' cpuset='3'/></cputune>")
    saved = Pinning((None, frozenset({3})))
    live = Pinning((frozenset({5}), None)) if active else None
    return PinningFacts(HOST, active, persistent, 2, live, saved if persistent else None,
                        xml if persistent else None)


def test_a_plan_changes_live_and_saved_pins_each_from_what_they_are() -> None:
    wanted = Pinning((frozenset({5}), frozenset({2})), frozenset({0}))
    both = plan(facts(), wanted, live=True, config=True)
    assert both.refusal is None
    assert both.live_changes == (PinChange(1, None, frozenset({2})),
                                 PinChange(EMULATOR, None, frozenset({0})))
    assert both.saved_changes == (PinChange(0, None, frozenset({5})),
                                  PinChange(1, frozenset({3}), frozenset({2})),
                                  PinChange(EMULATOR, None, frozenset({0})))
    assert both.new_xml is not None
    saved = Domain.from_xml(both.new_xml).cputune
    assert (saved.vcpu_pin(0), saved.vcpu_pin(1), saved.emulator_pin) == ("5", "2", "0")
    live_only = plan(facts(), wanted, live=True, config=False)
    assert live_only.new_xml is None and live_only.saved_changes == ()
    assert plan(facts(), facts().current, live=True, config=False).empty


def test_a_refused_plan_changes_nothing() -> None:
    refused = plan(facts(), Pinning((frozenset({8}), None)), live=False, config=True)
    assert refused.refusal is not None and "CPU 8 does not exist" in str(refused.refusal)
    assert refused.empty and refused.new_xml is None
    stopped = plan(facts(active=False), Pinning((frozenset({1}), None)), live=True, config=True)
    assert stopped.refusal is not None and "not running" in str(stopped.refusal)
    assert facts(active=False).current == Pinning((None, frozenset({3})))


def test_vcpus_only_the_definition_has_can_be_saved_but_not_pinned_live() -> None:
    """Two vCPUs run, the definition has three from the next start: the page shows three rows;
    vCPU 2 may be pinned in the definition only."""
    running = facts()
    saved = Pinning((None, frozenset({3}), None))
    three = PinningFacts(HOST, True, True, 3, running.live, saved,
                         domain_xml("<cputune><vcpupin vcpu='1' cpuset='3'/></cputune>", 3))
    assert three.current == Pinning((frozenset({5}), None, None))
    wanted = three.current.with_pin(2, frozenset({6}))
    refused = plan(three, wanted, live=True, config=True)
    assert str(refused.refusal) == ("vCPU 2 is not in the running virtual machine (it runs with "
                                    "2 vCPUs).")
    saved_only = plan(three, wanted, live=False, config=True)
    assert saved_only.refusal is None and saved_only.new_xml is not None
    assert Domain.from_xml(saved_only.new_xml).cputune.vcpu_pin(2) == "6"
