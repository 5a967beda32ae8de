"""``<cputune>`` pins: vcpupin and emulatorpin read and written through Domain.cputune, and the
host topology of the capabilities that a pinning grid is laid out by."""

from __future__ import annotations

import libvirt
from hypothesis import given, settings
from hypothesis import strategies as st

from kvmgui.xml import Capabilities, Domain, canonical
from xml_helpers import assert_same_xml, schema_errors

PLAIN = """<domain type='kvm'>
  <name>pinned</name>
  <memory unit='KiB'>65536</memory>
  <vcpu placement='static'>4</vcpu>
  <os>
    <type arch='x86_64'>hvm</type>
  </os>
  <devices/>
</domain>"""

TUNED = """<domain type='kvm'>
  <name>pinned</name>
  <memory unit='KiB'>65536</memory>
  <vcpu placement='static'>4</vcpu>
  <cputune>
    <shares>2048</shares>
    <vcpupin vcpu='0' cpuset='1-3,^2'/>
    <vcpupin vcpu='2' cpuset='4'/>
    <emulatorpin cpuset='0'/>
    <vcpusched vcpus='0' scheduler='fifo' priority='1'/>
  </cputune>
  <os>
    <type arch='x86_64'>hvm</type>
  </os>
  <devices/>
</domain>"""


def test_pins_read_as_written() -> None:
    tune = Domain.from_xml(TUNED).cputune
    assert [(p.vcpu, p.cpuset) for p in tune.vcpu_pins] == [(0, "1-3,^2"), (2, "4")]
    assert tune.vcpu_pin(0) == "1-3,^2" and tune.vcpu_pin(1) is None
    assert tune.emulator_pin == "0"
    plain = Domain.from_xml(PLAIN)
    assert plain.cputune.vcpu_pins == [] and plain.cputune.emulator_pin is None
    assert canonical(plain.to_xml()) == canonical(PLAIN)  # reading creates nothing


def test_new_pins_go_where_libvirt_writes_them() -> None:
    domain = Domain.from_xml(PLAIN)
    domain.cputune.set_vcpu_pin(3, "0-1")
    domain.cputune.emulator_pin = "2"
    domain.cputune.set_vcpu_pin(1, "1")  # before vCPU 3's pin, not after it
    expected = PLAIN.replace("  <os>", """  <cputune>
    <vcpupin vcpu='1' cpuset='1'/>
    <vcpupin vcpu='3' cpuset='0-1'/>
    <emulatorpin cpuset='2'/>
  </cputune>
  <os>""")
    assert domain.to_xml() == expected.replace("'", '"')  # laid out line by line, in place
    assert schema_errors(domain.to_xml(), "domain") is None


def test_changing_and_removing_pins_keeps_the_rest_of_cputune() -> None:
    domain = Domain.from_xml(TUNED)
    tune = domain.cputune
    tune.set_vcpu_pin(0, "5")
    tune.set_vcpu_pin(2, None)
    tune.set_vcpu_pin(1, "6-7")
    del tune.emulator_pin
    assert_same_xml(domain.to_xml(), TUNED.replace("1-3,^2", "5").replace(
        "<vcpupin vcpu='2' cpuset='4'/>", "<vcpupin vcpu='1' cpuset='6-7'/>").replace(
        "<emulatorpin cpuset='0'/>", ""))
    assert schema_errors(domain.to_xml(), "domain") is None


def test_a_cputune_the_setters_created_goes_when_its_last_pin_goes() -> None:
    domain = Domain.from_xml(PLAIN)
    domain.cputune.set_vcpu_pin(0, "1")
    domain.cputune.emulator_pin = "1"
    domain.cputune.set_vcpu_pin(0, None)
    domain.cputune.emulator_pin = None
    assert domain.to_xml() == Domain.from_xml(PLAIN).to_xml()
    loaded = Domain.from_xml(TUNED.replace("<shares>2048</shares>", "").replace(
        "<vcpusched vcpus='0' scheduler='fifo' priority='1'/>", ""))
    for pin in loaded.cputune.vcpu_pins:
        loaded.cputune.set_vcpu_pin(pin.vcpu or 0, None)
    loaded.cputune.emulator_pin = None
    assert loaded.find_element("cputune") is not None  # it came with the XML: it stays


def test_writing_back_damaged_pins_changes_nothing_and_a_new_value_repairs() -> None:
    damaged = TUNED.replace("<vcpupin vcpu='2' cpuset='4'/>",
                            "<vcpupin vcpu='2' cpuset='4'/><vcpupin vcpu='2' cpuset='5'/>"
                            "<vcpupin vcpu='x' cpuset='1'/><vcpupin vcpu='3'/>").replace(
        "<emulatorpin cpuset='0'/>", "<emulatorpin/>")
    domain = Domain.from_xml(damaged)
    tune = domain.cputune
    assert [p.vcpu for p in tune.vcpu_pins] == [0, 2, 2, None, 3]
    assert tune.vcpu_pin(3) is None and tune.emulator_pin is None
    for vcpu in range(5):
        tune.set_vcpu_pin(vcpu, tune.vcpu_pin(vcpu))
    tune.emulator_pin = tune.emulator_pin
    assert canonical(domain.to_xml()) == canonical(damaged)
    tune.set_vcpu_pin(2, "6")  # one pin per vCPU again
    assert [(p.vcpu, p.cpuset) for p in tune.vcpu_pins if p.vcpu == 2] == [(2, "6")]
    tune.emulator_pin = "1"
    assert tune.emulator_pin == "1"
    del tune.emulator_pin
    assert domain.find_element("cputune/emulatorpin") is None


def test_the_test_driver_keeps_what_we_wrote(default_conn: libvirt.virConnect) -> None:
    domain = Domain.from_xml(PLAIN.replace("kvm", "test").replace("pinned", "kvmgui-test-pins")
                             .replace(" arch='x86_64'", ""))
    domain.cputune.set_vcpu_pin(1, "0-2,^1")
    domain.cputune.emulator_pin = "3"
    dom = default_conn.defineXML(domain.to_xml())
    stored = Domain.from_xml(dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)).cputune
    assert stored.vcpu_pin(1) == "0,2"  # libvirt writes the set it understood
    assert stored.emulator_pin == "3"
    assert dom.vcpuPinInfo(libvirt.VIR_DOMAIN_AFFECT_CONFIG)[1][:4] == (True, False, True, False)



@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.one_of(st.none(), st.sampled_from(
    ["0", "1-2", "0,3", "2-3,^3"]))), max_size=12), st.sampled_from([PLAIN, TUNED]))
def test_any_sequence_of_pins_reads_back_and_stays_valid(
        edits: list[tuple[int, str | None]], start: str) -> None:
    domain = Domain.from_xml(start)
    expected = {p.vcpu: p.cpuset for p in domain.cputune.vcpu_pins}
    for vcpu, cpuset in edits:
        domain.cputune.set_vcpu_pin(vcpu, cpuset)
        if cpuset is None:
            expected.pop(vcpu, None)
        else:
            expected[vcpu] = cpuset
    reloaded = Domain.from_xml(domain.to_xml()).cputune
    assert {p.vcpu: p.cpuset for p in reloaded.vcpu_pins} == expected
    added = [p.vcpu or 0 for p in reloaded.vcpu_pins]
    assert added == sorted(added)  # pins in vCPU order, as libvirt lists them
    assert schema_errors(domain.to_xml(), "domain") is None


# ---- the host topology the grid is laid out by ------------------------------------------------

CAPS = """<capabilities><host><cpu><arch>x86_64</arch></cpu><topology><cells num='2'>
  <cell id='0'><memory unit='KiB'>1024</memory><cpus num='2'>
    <cpu id='0' socket_id='0' die_id='0' core_id='0' siblings='0,2'/>
    <cpu id='2' socket_id='0' die_id='0' core_id='0' siblings='0,2'/></cpus></cell>
  <cell id='1'><cpus num='2'><cpu id='1' socket_id='1' core_id='x'/><cpu/></cpus></cell>
</cells></topology></host></capabilities>"""


def test_capabilities_topology_reads_cells_and_cpus() -> None:
    cells = Capabilities.from_xml(CAPS).cells
    assert [c.id for c in cells] == [0, 1]
    assert [(c.id, c.socket_id, c.die_id, c.core_id, c.siblings) for c in cells[0].cpus] == [
        (0, 0, 0, 0, "0,2"), (2, 0, 0, 0, "0,2")]
    assert [(c.id, c.socket_id, c.core_id) for c in cells[1].cpus] == [
        (1, 1, None), (None, None, None)]  # what is missing or not a number reads as None
    assert Capabilities.from_xml("<capabilities><host/></capabilities>").cells == []


def test_capabilities_topology_of_the_test_driver(default_conn: libvirt.virConnect) -> None:
    cells = Capabilities.from_xml(default_conn.getCapabilities()).cells
    assert [len(c.cpus) for c in cells] == [8, 8]
    assert {cpu.socket_id for cpu in cells[1].cpus} == {1}
