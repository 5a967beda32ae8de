"""What kind of guest a host runs: ``<domain type>`` (kvm, qemu, ...) per architecture.

Pure: read from the host's capabilities XML.  libvirt offers ``kvm`` whenever ``/dev/kvm``
opens, which is also the case on machines whose CPU reports no hardware virtualization (no
vmx/svm); a ``kvm`` guest there may pause at once ("KVM internal error"), or run (some
nested set-ups hide the flag).  So a new guest gets ``kvm`` only where the capabilities offer
it and this machine's CPU does not contradict them; the user can still choose ``kvm``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kvmgui.xml import Capabilities, Domain, Problem

KVM = "kvm"
QEMU = "qemu"  # QEMU's own emulator (TCG): runs anywhere, several times slower


@dataclass(frozen=True)
class GuestTarget:
    """What kind of guest the host runs: ``<domain type>``, ``<os><type arch>``."""

    domain_type: str
    arch: str
    os_type: str = "hvm"


def _guests(capabilities_xml: str, os_type: str) -> list[tuple[str, list[str]]]:
    """(arch, domain types) of each guest of ``os_type`` the host lists."""
    if not capabilities_xml.strip():
        return []
    guests = []
    for guest in Capabilities.from_xml(capabilities_xml).guests:
        if guest.arch is not None and (guest.os_type or "").strip() == os_type:
            guests.append((guest.arch, [t for t in guest.domain_types if t]))
    return guests


def offered_domain_types(capabilities_xml: str, arch: str, *, os_type: str = "hvm") -> list[str]:
    """The domain types the host offers for ``arch`` (sorted); for an arch it does not list
    (the test driver accepts more than it lists), those of any guest of ``os_type``."""
    guests = _guests(capabilities_xml, os_type)
    listed = [types for guest_arch, types in guests if guest_arch == arch]
    pool = listed or [types for _arch, types in guests]
    return sorted({t for types in pool for t in types})


def choose_target(driver: str, capabilities_xml: str, *, os_type: str = "hvm",
                  hardware_virt: bool | None = None) -> GuestTarget:
    """The domain type and architecture for a new guest on this host.

    The host's own architecture when it has a guest of ``os_type`` for it, else the first
    such guest; ``kvm`` when offered for it and ``hardware_virt`` (this machine's CPU check,
    None when unknown, e.g. a remote host) is not False, else ``qemu``, else what the
    capabilities list first.  The test driver always gets ``test`` (it accepts nothing else).
    """
    host_arch = ""
    if capabilities_xml.strip():
        host_arch = (Capabilities.from_xml(capabilities_xml).host_arch or "").strip()
    guests = _guests(capabilities_xml, os_type)
    chosen = next((g for g in guests if g[0] == host_arch), guests[0] if guests else None)
    arch = chosen[0] if chosen else (host_arch or "x86_64")
    types = chosen[1] if chosen else []
    if driver.lower() == "test":
        return GuestTarget("test", arch, os_type)
    return GuestTarget(preferred_domain_type(types, hardware_virt) or QEMU, arch, os_type)


def preferred_domain_type(offered: Sequence[str], hardware_virt: bool | None) -> str | None:
    """``kvm`` when offered and ``hardware_virt`` is not False, else ``qemu``, else the first
    offered type (None when nothing is offered)."""
    preferred = (KVM, QEMU) if hardware_virt is not False else (QEMU, KVM)
    return next((t for t in preferred if t in offered), offered[0] if offered else None)


def domain_type_problems(domain: Domain, capabilities_xml: str, *,
                         hardware_virt: bool | None) -> list[Problem]:
    """Warnings about ``domain``'s type on this host (libvirt itself has the last word)."""
    domain_type = domain.type or ""
    arch = domain.os_arch or ""
    offered = offered_domain_types(capabilities_xml, arch, os_type=domain.os_type or "hvm")
    if offered and domain_type not in offered:
        return [Problem.warning("type", "This host does not offer {type} guests for {arch}; "
                                "it offers {offered}.", type=domain_type, arch=arch or "?",
                                offered=", ".join(offered))]
    if domain_type == KVM and hardware_virt is False:
        return [Problem.warning("type", "This machine's CPU does not report hardware "
                                "virtualization (vmx/svm): a kvm guest may pause at once "
                                "(\"KVM internal error\"). Choose qemu (emulation) if it "
                                "does.")]
    return []
