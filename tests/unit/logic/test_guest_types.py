"""kvmgui.logic.guest_types: which <domain type> a new guest gets, and what the editors warn
about (issue 14 item 2: no 'kvm' where the host cannot run it)."""

import libvirt

from kvmgui.logic.guest_types import (
    GuestTarget,
    choose_target,
    domain_type_problems,
    offered_domain_types,
)
from kvmgui.xml import Domain

CAPS = """<capabilities>
  <host><cpu><arch>x86_64</arch></cpu></host>
  <guest><os_type>hvm</os_type><arch name='i686'><domain type='qemu'/></arch></guest>
  <guest><os_type>hvm</os_type><arch name='x86_64'><domain type='qemu'/>{kvm}</arch></guest>
</capabilities>"""
WITH_KVM = CAPS.format(kvm="<domain type='kvm'/>")
TCG_ONLY = CAPS.format(kvm="")


def test_kvm_only_where_the_capabilities_offer_it() -> None:
    assert choose_target("QEMU", WITH_KVM) == GuestTarget("kvm", "x86_64")
    assert choose_target("QEMU", TCG_ONLY) == GuestTarget("qemu", "x86_64")


def test_no_kvm_when_this_machine_has_no_hardware_virtualization() -> None:
    # /dev/kvm exists (so libvirt offers kvm) but the CPU shows no vmx/svm: the first-hour
    # report's guest paused at once with "KVM internal error"
    assert choose_target("QEMU", WITH_KVM, hardware_virt=False) == GuestTarget("qemu", "x86_64")
    assert choose_target("QEMU", WITH_KVM, hardware_virt=True) == GuestTarget("kvm", "x86_64")


def test_offered_types_per_arch() -> None:
    assert offered_domain_types(WITH_KVM, "x86_64") == ["kvm", "qemu"]
    assert offered_domain_types(WITH_KVM, "i686") == ["qemu"]
    assert offered_domain_types(WITH_KVM, "x86_64", os_type="xen") == []
    # an arch the capabilities do not list: what any guest of that OS type offers
    assert offered_domain_types(WITH_KVM, "riscv64") == ["kvm", "qemu"]
    assert offered_domain_types("", "x86_64") == []


def test_editor_warnings_for_a_type_the_host_does_not_run() -> None:
    domain = Domain.new("g", 1024, 1, domain_type="kvm", arch="x86_64")
    assert domain_type_problems(domain, WITH_KVM, hardware_virt=None) == []
    problems = domain_type_problems(domain, TCG_ONLY, hardware_virt=None)
    assert [(p.field, p.severity) for p in problems] == [("type", "warning")]
    assert "qemu" in problems[0].message
    problems = domain_type_problems(domain, WITH_KVM, hardware_virt=False)
    assert [(p.field, p.severity) for p in problems] == [("type", "warning")]
    assert "hardware virtualization" in problems[0].message
    domain.type = "qemu"
    assert domain_type_problems(domain, TCG_ONLY, hardware_virt=False) == []
    assert domain_type_problems(domain, "", hardware_virt=False) == []  # nothing known


def test_the_test_driver_offers_its_own_type(default_conn: libvirt.virConnect) -> None:
    caps = default_conn.getCapabilities()
    target = choose_target(default_conn.getType(), caps)
    assert target.domain_type == "test"
    assert offered_domain_types(caps, target.arch) == ["test"]
