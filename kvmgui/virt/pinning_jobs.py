"""Jobs of the VM window's Pinning page, for `Connection.run` (reading) and `run_action`.

    connection.run(read_pinning(uuid), on_done=lambda state: ...)        # a PinningState
    connection.run_action(apply_pinning(uuid, PinRequest(wanted, True, True, saved_xml)))

`apply_pinning` reads the host's facts again and plans with kvmgui.logic.pinning_rules: a
refusal raises `PinningRefused` before libvirt is called, a definition another client changed
meanwhile raises `DefineConflict`. Live pins go one by one and are put back as they were when a
later step fails, so a failed apply changes nothing. libvirt sends no event for pins: callers
read the pinning again afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

import libvirt

from kvmgui.core import log
from kvmgui.core.message import MessageError
from kvmgui.logic.pinning_rules import (
    EMULATOR,
    HostCpus,
    Pinning,
    PinningFacts,
    cpumap,
    pinning_from_domain,
    pinning_from_maps,
    plan,
)
from kvmgui.stats.placement import VcpuPlacement, merge_placement
from kvmgui.virt.actions import Job
from kvmgui.virt.define import DefineConflict, read_for_edit, with_validate
from kvmgui.xml import Capabilities, Domain, XmlSyntaxError, canonical

LIVE = libvirt.VIR_DOMAIN_AFFECT_LIVE


class PinningRefused(MessageError):
    """The rules say no; nothing was changed. `message` says why."""


@dataclass(frozen=True)
class PinningState:
    """The facts the page plans with, and where the vCPUs ran when they were read."""

    facts: PinningFacts
    placement: tuple[VcpuPlacement, ...]


@dataclass(frozen=True)
class PinRequest:
    wanted: Pinning
    live: bool  # pin the running domain now
    config: bool  # save the pins in its definition
    saved_xml: str | None  # the definition the page planned with (conflict check)


@dataclass(frozen=True)
class PinResult:
    live_changes: int
    saved_changes: int


def host_cpus(conn: libvirt.virConnect) -> HostCpus:
    """The CPUs libvirt's CPU maps cover, grouped by the capabilities' topology."""
    _count, online, _online_count = conn.getCPUMap(0)
    try:
        capabilities: Capabilities | None = Capabilities.from_xml(conn.getCapabilities())
    except (libvirt.libvirtError, ValueError, XmlSyntaxError):
        capabilities = None  # still pinnable, only not grouped
    return HostCpus.from_host(online, capabilities)


def read_facts(conn: libvirt.virConnect, dom: libvirt.virDomain) -> PinningFacts:
    host = host_cpus(conn)
    active, persistent = bool(dom.isActive()), bool(dom.isPersistent())
    saved_xml = read_for_edit("domain", dom.UUIDString())(conn).xml if persistent else None
    definition = Domain.from_xml(saved_xml if saved_xml is not None else dom.XMLDesc(0))
    live = None
    if active:
        try:
            emulator: list[bool] | None = dom.emulatorPinInfo(LIVE)
        except libvirt.libvirtError:
            emulator = None  # a driver without emulator threads
        live = pinning_from_maps(dom.vcpuPinInfo(LIVE), emulator, host)
    saved_vcpus = definition.vcpu_max or 0
    saved, notes = pinning_from_domain(definition, saved_vcpus, host) \
        if saved_xml is not None else (None, [])
    vcpu_count = max(saved_vcpus, len(live.vcpus) if live else 0)
    return PinningFacts(host, active, persistent, vcpu_count, live, saved, saved_xml,
                        tuple(notes))


def read_pinning(uuid: str) -> Job:
    """A job returning the `PinningState` of domain `uuid`."""
    def job(conn: libvirt.virConnect) -> PinningState:
        dom = conn.lookupByUUIDString(uuid)
        facts = read_facts(conn, dom)
        placement: tuple[VcpuPlacement, ...] = ()
        if facts.active:
            pairs = [(int(v[0]), int(v[3])) for v in dom.vcpus()[0]]
            placement = tuple(merge_placement(pairs, None))
        return PinningState(facts, placement)
    return job


def apply_pinning(uuid: str, request: PinRequest) -> Job:
    """A job making the domain pinned as `request.wanted` (see the module docstring);
    returns a `PinResult`."""
    def job(conn: libvirt.virConnect) -> PinResult:
        dom = conn.lookupByUUIDString(uuid)
        facts = read_facts(conn, dom)
        the_plan = plan(facts, request.wanted, request.live, request.config)
        if the_plan.refusal is not None:
            raise PinningRefused(the_plan.refusal)
        xml = the_plan.new_xml
        if xml is not None and request.saved_xml is not None and facts.saved_xml is not None \
                and canonical(facts.saved_xml) != canonical(request.saved_xml):
            raise DefineConflict(facts.saved_xml)
        undo: list[tuple[int, tuple[bool, ...]]] = []
        try:
            for change in the_plan.live_changes:
                _pin_live(dom, change.row, cpumap(change.new, facts.host))
                undo.append((change.row, cpumap(change.old, facts.host)))
            if xml is not None:
                with_validate(
                    lambda: conn.defineXMLFlags(xml, libvirt.VIR_DOMAIN_DEFINE_VALIDATE),
                    lambda: conn.defineXML(xml))
        except Exception:
            for row, old in reversed(undo):
                try:
                    _pin_live(dom, row, old)
                except libvirt.libvirtError as err:
                    log.virt.warning("could not put the pin of row %d back: %s", row, err)
            raise
        return PinResult(len(the_plan.live_changes), len(the_plan.saved_changes))
    return job


def _pin_live(dom: libvirt.virDomain, row: int, cpus: tuple[bool, ...]) -> None:
    if row == EMULATOR:
        dom.pinEmulator(cpus, LIVE)
        return
    try:
        dom.pinVcpuFlags(row, cpus, LIVE)
    except libvirt.libvirtError as err:
        # The test driver knows only the flagless call, which pins a running domain live.
        if "unsupported flags" not in (err.get_error_message() or ""):
            raise
        dom.pinVcpu(row, cpus)
