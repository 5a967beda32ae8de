"""vCPU pinning, said before libvirt is asked (pure): cpuset strings, the host's CPUs, and what
a pinning change may do.

* A cpuset is libvirt's list syntax (virBitmapParse): "N", "N-M" and "^N" (take N out again),
  comma-separated, read left to right; blanks around numbers are allowed.
* The CPUs a pin may name are the ones libvirt's CPU maps cover (``virNodeGetCPUMap``); the
  capabilities' ``<topology>`` only says how they are grouped (NUMA node, socket, core).
* A pin to every host CPU is no pin at all (that is what libvirt reports for an unpinned vCPU),
  so it is written as no ``<vcpupin>``.
* Live pins (``VIR_DOMAIN_AFFECT_LIVE``) need a running or paused domain, saved ones a
  persistent definition; a live pin must leave the vCPU an online CPU to run on.

Reasons are ``Message`` templates (English; the UI translates them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from kvmgui.core.message import Message, MessageError
from kvmgui.xml import Capabilities, Domain

EMULATOR = -1  # the row of the emulator threads, beside vCPU rows 0, 1, ...
# Larger CPU numbers are refused before a range such as "0-999999999" could fill the memory;
# libvirt's own CPU maps stop far below.
MAX_CPU = 65535
# ASCII digits only (a regex \d also takes other scripts' digits), few enough for int().
_ITEM = re.compile(r"\s*(\^)?([0-9]{1,12})\s*(?:-\s*([0-9]{1,12})\s*)?")

Cpus = frozenset[int]


class CpusetError(MessageError, ValueError):
    """Text that is not a cpuset; ``message`` says what is wrong, for people."""


def parse_cpuset(text: str) -> Cpus:
    """The CPUs of a cpuset such as "0-3,^2,8" (see the module docstring); "" is no CPU."""
    cpus: set[int] = set()
    if not text.strip():
        return frozenset()
    items = text.split(",")
    if len(items) > 1 and not items[-1].strip():
        items.pop()  # "1," is "1" to libvirt too
    for item in items:
        match = _ITEM.fullmatch(item)
        if not item.strip():
            raise CpusetError(Message.of("A comma needs a CPU on each side (write e.g. 0-3,^2,8)."))
        if match is None:
            raise CpusetError(Message.of(
                "“{item}” is not a CPU number or range (write e.g. 0-3,^2,8).", item=item.strip()))
        exclude, first, last = match[1], int(match[2]), match[3]
        end = first if last is None else int(last)
        if exclude and last is not None:
            raise CpusetError(Message.of("Only single CPUs can be taken out (^{first}, not "
                                         "^{first}-{last}).", first=first, last=end))
        if end < first:
            raise CpusetError(Message.of("The range {first}-{last} runs backwards.",
                                         first=first, last=end))
        if end > MAX_CPU:
            raise CpusetError(Message.of("CPU {cpu} is beyond any host (at most {max}).",
                                         cpu=end, max=MAX_CPU))
        if exclude:
            cpus.discard(first)
        else:
            cpus.update(range(first, end + 1))
    return frozenset(cpus)


def format_cpuset(cpus: Iterable[int]) -> str:
    """A plain cpuset as libvirt writes one: runs of CPUs as "first-last" ("0-1,4")."""
    ordered = sorted(set(cpus))
    parts: list[str] = []
    start = 0
    for i in range(1, len(ordered) + 1):
        if i < len(ordered) and ordered[i] == ordered[i - 1] + 1:
            continue
        run = ordered[start:i]
        parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
        start = i
    return ",".join(parts)


# ---- the host ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HostCpu:
    """One host CPU; node/socket/die/core are None where the capabilities do not say."""

    id: int
    online: bool = True
    node: int | None = None
    socket: int | None = None
    die: int | None = None
    core: int | None = None


@dataclass(frozen=True)
class HostCpus:
    """The CPUs a pin may name, by id (0 … count-1)."""

    cpus: tuple[HostCpu, ...]

    @classmethod
    def from_host(cls, online: Sequence[bool], capabilities: Capabilities | None) -> HostCpus:
        """From ``virNodeGetCPUMap``'s online flags and the capabilities' topology."""
        where: dict[int, tuple[int | None, int | None, int | None, int | None]] = {}
        for cell in capabilities.cells if capabilities is not None else []:
            for cpu in cell.cpus:
                if cpu.id is not None:
                    where.setdefault(cpu.id, (cell.id, cpu.socket_id, cpu.die_id, cpu.core_id))
        return cls(tuple(HostCpu(i, bool(up), *where.get(i, (None, None, None, None)))
                         for i, up in enumerate(online)))

    @property
    def count(self) -> int:
        return len(self.cpus)

    @property
    def ids(self) -> Cpus:
        return frozenset(range(len(self.cpus)))

    @property
    def online(self) -> Cpus:
        return frozenset(cpu.id for cpu in self.cpus if cpu.online)


@dataclass(frozen=True)
class CpuGroup:
    """Columns that belong together: the CPUs of one socket of one NUMA node, siblings of a
    core side by side."""

    node: int | None
    socket: int | None
    cpus: tuple[int, ...]


def cpu_groups(host: HostCpus) -> list[CpuGroup]:
    def rank(value: int | None) -> tuple[bool, int]:
        return (value is None, value or 0)

    groups: dict[tuple[int | None, int | None], list[HostCpu]] = {}
    for cpu in host.cpus:
        groups.setdefault((cpu.node, cpu.socket), []).append(cpu)
    ordered = sorted(groups.items(), key=lambda item: (rank(item[0][0]), rank(item[0][1])))
    return [CpuGroup(node, socket, tuple(c.id for c in sorted(
        cpus, key=lambda c: (rank(c.die), rank(c.core), c.id))))
        for (node, socket), cpus in ordered]


# ---- pinnings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pinning:
    """Where each vCPU (by index) and the emulator threads may run; None: not pinned."""

    vcpus: tuple[Cpus | None, ...]
    emulator: Cpus | None = None

    def of(self, row: int) -> Cpus | None:
        return self.emulator if row == EMULATOR else self.vcpus[row]

    def with_pin(self, row: int, cpus: Cpus | None) -> Pinning:
        if row == EMULATOR:
            return replace(self, emulator=cpus)
        vcpus = list(self.vcpus)
        vcpus[row] = cpus
        return replace(self, vcpus=tuple(vcpus))

    @property
    def rows(self) -> tuple[int, ...]:
        return (*range(len(self.vcpus)), EMULATOR)


def no_pin_if_all(cpus: Cpus | None, host: HostCpus) -> Cpus | None:
    """None for a set that holds every host CPU (no pin), else the set."""
    return None if cpus is None or cpus >= host.ids else cpus


def pinning_from_maps(vcpu_maps: Sequence[Sequence[bool]], emulator_map: Sequence[bool] | None,
                      host: HostCpus) -> Pinning:
    """A pinning from libvirt's CPU maps (``vcpuPinInfo``, ``emulatorPinInfo``)."""
    def cpus(cpumap: Sequence[bool]) -> Cpus | None:
        return no_pin_if_all(frozenset(i for i, on in enumerate(cpumap) if on), host)

    return Pinning(tuple(cpus(m) for m in vcpu_maps),
                   cpus(emulator_map) if emulator_map is not None else None)


def pinning_from_domain(domain: Domain, vcpu_count: int,
                        host: HostCpus) -> tuple[Pinning, list[Message]]:
    """The pins saved in a definition, and a note for each one that does not parse (it reads
    as not pinned and stays as written unless that row is changed)."""
    notes: list[Message] = []

    def read(text: str | None, row: int) -> Cpus | None:
        if text is None:
            return None
        try:
            return no_pin_if_all(parse_cpuset(text), host)
        except CpusetError as err:
            notes.append(Message.of("{row}: the saved pin is not understood: {reason}",
                                    row=row_name(row), reason=err.message))
            return None

    tune = domain.cputune
    return Pinning(tuple(read(tune.vcpu_pin(v), v) for v in range(vcpu_count)),
                   read(tune.emulator_pin, EMULATOR)), notes


def cpumap(cpus: Cpus | None, host: HostCpus) -> tuple[bool, ...]:
    """libvirt's CPU map of a pin: one flag per host CPU; no pin is every CPU."""
    chosen = host.ids if cpus is None else cpus
    return tuple(i in chosen for i in range(host.count))


def pinned_xml(domain_xml: str, pinning: Pinning, host: HostCpus) -> str:
    """The definition with ``pinning`` in its ``<cputune>``; rows whose saved pin already
    means the same (or does not parse and is not changed) are left exactly as written."""
    domain = Domain.from_xml(domain_xml)
    saved, _notes = pinning_from_domain(domain, len(pinning.vcpus), host)
    tune = domain.cputune
    for row in pinning.rows:
        wanted = pinning.of(row)
        if saved.of(row) == wanted:
            continue
        text = None if wanted is None else format_cpuset(wanted)
        if row == EMULATOR:
            tune.emulator_pin = text
        else:
            tune.set_vcpu_pin(row, text)
    return domain.to_xml()


# ---- changes and their rules ------------------------------------------------------------------


@dataclass(frozen=True)
class PinChange:
    row: int
    old: Cpus | None
    new: Cpus | None


def changes(old: Pinning, new: Pinning) -> list[PinChange]:
    """The rows where ``new`` differs from ``old`` (rows only one of them has count as
    not pinned in the other)."""
    def pin(pinning: Pinning, row: int) -> Cpus | None:
        return pinning.of(row) if row == EMULATOR or row < len(pinning.vcpus) else None

    rows = (*range(max(len(old.vcpus), len(new.vcpus))), EMULATOR)
    return [PinChange(row, pin(old, row), pin(new, row)) for row in rows
            if pin(old, row) != pin(new, row)]


def row_name(row: int) -> Message:
    if row == EMULATOR:
        return Message.of("The emulator threads")  # (a row name starts its sentence)
    return Message.of("vCPU {vcpu}", vcpu=row)


def cpus_text(cpus: Cpus | None) -> Message:
    if cpus is None:
        return Message.of("any CPU")
    if len(cpus) == 1:
        return Message.of("CPU {cpus}", cpus=format_cpuset(cpus))
    return Message.of("CPUs {cpus}", cpus=format_cpuset(cpus))


def change_text(change: PinChange) -> Message:
    return Message.of("{row}: {old} → {new}", row=row_name(change.row),
                      old=cpus_text(change.old), new=cpus_text(change.new))


def target_refusal(active: bool, persistent: bool, live: bool, config: bool) -> Message | None:
    """Why the chosen places (running domain, saved definition) cannot take a pinning."""
    if not live and not config:
        return Message.of("Choose where the pinning goes: the running virtual machine, its "
                          "saved definition, or both.")
    if live and not active:
        return Message.of("The virtual machine is not running: the pinning can only be saved "
                          "in its definition.")
    if config and not persistent:
        return Message.of("This virtual machine is transient: it has no definition to save "
                          "the pinning in.")
    return None


def pin_refusal(host: HostCpus, change: PinChange, vcpu_count: int,
                live: bool) -> Message | None:
    """Why one row cannot be pinned so (None: it can); `vcpu_count`: the vCPUs of the running
    domain (`live`) or of the definition."""
    if change.row != EMULATOR and not 0 <= change.row < vcpu_count:
        if live:
            return Message.of("vCPU {vcpu} is not in the running virtual machine (it runs with "
                              "{count} vCPUs).", vcpu=change.row, count=vcpu_count)
        return Message.of("vCPU {vcpu} does not exist: this virtual machine has {count}.",
                          vcpu=change.row, count=vcpu_count)
    cpus = change.new
    if cpus is None:
        return None
    if not cpus:
        return Message.of("{row} needs at least one host CPU.", row=row_name(change.row))
    missing = cpus - host.ids
    if missing:
        template = ("{row}: CPU {cpus} does not exist on this host (it has CPUs {host})."
                    if len(missing) == 1 else
                    "{row}: CPUs {cpus} do not exist on this host (it has CPUs {host}).")
        return Message.of(template, row=row_name(change.row), cpus=format_cpuset(missing),
                          host=format_cpuset(host.ids) or "–")
    if live and not cpus & host.online:
        template = ("{row}: CPU {cpus} is offline, so it would have nowhere to run."
                    if len(cpus) == 1 else
                    "{row}: CPUs {cpus} are offline, so it would have nowhere to run.")
        return Message.of(template, row=row_name(change.row), cpus=format_cpuset(cpus))
    return None


@dataclass(frozen=True)
class PinningFacts:
    """What the host says about one domain's pinning (read on the worker)."""

    host: HostCpus
    active: bool
    persistent: bool
    vcpu_count: int  # rows on show: the most vCPUs of the running domain and its definition
    live: Pinning | None  # one row per vCPU of the running domain; None: not running
    saved: Pinning | None  # one row per vCPU of the definition; None: transient
    saved_xml: str | None  # the inactive definition the saved pins come from
    notes: tuple[Message, ...] = ()  # saved pins that do not parse

    @property
    def current(self) -> Pinning:
        """What the page starts from: the running pins, else the saved ones (vCPUs only the
        other one has: not pinned)."""
        pinning = self.live or self.saved or Pinning(())
        missing = self.vcpu_count - len(pinning.vcpus)
        return Pinning(pinning.vcpus + (None,) * max(0, missing), pinning.emulator)


@dataclass(frozen=True)
class PinPlan:
    """What applying a pinning does: live changes, the new definition (None: not saved), or
    why nothing may happen."""

    live_changes: tuple[PinChange, ...] = ()
    saved_changes: tuple[PinChange, ...] = ()
    new_xml: str | None = None
    refusal: Message | None = None

    @property
    def empty(self) -> bool:
        return not self.live_changes and not self.saved_changes


def plan(facts: PinningFacts, wanted: Pinning, live: bool, config: bool) -> PinPlan:
    """The changes that make the running domain (``live``) and/or the saved definition
    (``config``) pinned as ``wanted``, or a refusal when a rule says no."""
    refusal = target_refusal(facts.active, facts.persistent, live, config)
    if refusal is not None:
        return PinPlan(refusal=refusal)
    live_changes = changes(facts.live, wanted) if live and facts.live is not None else []
    saved_changes = changes(facts.saved, wanted) if config and facts.saved is not None else []
    checks = [(c, True, facts.live) for c in live_changes] + \
        [(c, False, facts.saved) for c in saved_changes]
    for change, is_live, has in checks:
        count = len(has.vcpus) if has is not None else 0
        reason = pin_refusal(facts.host, change, count, is_live)
        if reason is not None:
            return PinPlan(refusal=reason)
    new_xml = None
    if saved_changes and facts.saved_xml is not None:
        new_xml = pinned_xml(facts.saved_xml, wanted, facts.host)
    return PinPlan(tuple(live_changes), tuple(saved_changes), new_xml)
