"""Samples domain and host counters from one libvirt connection (no Qt).

Per tick one bulk call: `getAllDomainStats` for every active domain, or `domainListGetStats` for a
chosen few, reading only the StatsGroups asked for. Drivers whose bulk call reports only `state.*`
(the test driver) are detected here, and only here, on the first conclusive answer, logged once,
and from then on sampled with the per-domain calls that replace the groups asked for.

Errors: a domain that vanishes or stops between listing and sampling is left out of the batch; a
per-domain call the driver does not support leaves its fields None and is not tried again. Errors
of the connection as a whole (daemon gone) propagate as libvirt.libvirtError for the caller's
reconnect logic. Not thread-safe: call from one worker thread.
"""

import json
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

import libvirt

from kvmgui.core import log
from kvmgui.core.uris import is_local
from kvmgui.stats.host import CpuTimes, HostMemory
from kvmgui.stats.placement import thread_ids_from_query_cpus_fast
from kvmgui.stats.samples import (
    ACTIVE_STATES,
    DomainCounters,
    StatsGroup,
    from_bulk_stats,
    from_fallback_calls,
    is_state_only,
)
from kvmgui.xml import Domain

# The bulk-stats flag of each group (STATE is always read: it tells which domains are active).
_BULK_FLAGS = {
    StatsGroup.STATE: libvirt.VIR_DOMAIN_STATS_STATE,
    StatsGroup.CPU: libvirt.VIR_DOMAIN_STATS_CPU_TOTAL,
    StatsGroup.BALLOON: libvirt.VIR_DOMAIN_STATS_BALLOON,
    StatsGroup.VCPU: libvirt.VIR_DOMAIN_STATS_VCPU,
    StatsGroup.BLOCK: libvirt.VIR_DOMAIN_STATS_BLOCK,
    StatsGroup.NET: libvirt.VIR_DOMAIN_STATS_INTERFACE,
}
# NOWAIT: a domain whose job lock is busy (migration, hung monitor) reports what it can at once
# instead of stalling the whole batch.
_NOWAIT = libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT
_ALL_ACTIVE = libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE | _NOWAIT
_GONE = frozenset({libvirt.VIR_ERR_NO_DOMAIN, libvirt.VIR_ERR_OPERATION_INVALID})
_UNSUPPORTED = frozenset({
    libvirt.VIR_ERR_NO_SUPPORT, libvirt.VIR_ERR_OPERATION_UNSUPPORTED,
    libvirt.VIR_ERR_ARGUMENT_UNSUPPORTED,
})
_QUERY_CPUS_FAST = json.dumps({"execute": "query-cpus-fast"})
_DEVICE_CACHE_S = 30.0  # re-read device targets this often in fallback mode (hot-plug)

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class _Calls:
    """The per-domain calls that replace bulk stats for some groups (decided once per collect:
    Flag arithmetic per domain would cost more than the calls)."""

    devices: bool
    block: bool
    net: bool
    vcpus: bool
    memory: bool

    @classmethod
    def of(cls, groups: StatsGroup) -> "_Calls":
        block, net = StatsGroup.BLOCK in groups, StatsGroup.NET in groups
        return cls(block or net, block, net, StatsGroup.VCPU in groups,
                   StatsGroup.BALLOON in groups)


@dataclass(frozen=True, slots=True)
class _Devices:
    domain_id: int
    read_at: float
    disks: tuple[str, ...]
    nics: tuple[str, ...]


def bulk_flags(groups: StatsGroup) -> int:
    """The `VIR_DOMAIN_STATS_*` flags that read `groups` (and the state) in one bulk call."""
    flags: int = libvirt.VIR_DOMAIN_STATS_STATE
    for group, flag in _BULK_FLAGS.items():
        if group in groups:
            flags |= flag
    return flags


def device_targets(domain_xml: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(disk target devs, NIC target devs or MACs) of a live domain XML, for per-device calls."""
    domain = Domain.from_xml(domain_xml)
    disks = tuple(dev for dev in (disk.target_dev for disk in domain.disks) if dev)
    nics = tuple(name for name in (nic.target_dev or nic.mac for nic in domain.interfaces)
                 if name)
    return disks, nics


class StatsCollector:
    """Counters of a connection's domains and of its host, one call per tick where possible."""

    def __init__(self, conn: libvirt.virConnect) -> None:
        self._conn = conn
        self._bulk_supported: bool | None = None  # None until a conclusive answer
        self._unsupported: set[str] = set()
        self._devices: dict[str, _Devices] = {}
        self._threads: dict[tuple[str, int], dict[int, int] | None] = {}
        self._local_qemu: bool | None = None  # asked once: it costs two calls

    @property
    def uses_fallback(self) -> bool:
        return self._bulk_supported is False

    # -- domains ---------------------------------------------------------------------------------

    def collect(self, uuids: Sequence[str] | None = None, groups: StatsGroup = StatsGroup.ALL,
                skip: Collection[str] = ()) -> list[DomainCounters]:
        """Counters of the active domains among `uuids` (None: every active domain but those in
        `skip`), with the fields of `groups` filled (others stay None or empty)."""
        flags = libvirt.VIR_DOMAIN_STATS_STATE if self.uses_fallback else bulk_flags(groups)
        records = self._records(uuids, flags)
        timestamp, wall_time = time.monotonic(), time.time()
        active = [(dom, dom.UUIDString(), rec) for dom, rec in records
                  if rec.get("state.state") in ACTIVE_STATES]
        if self._bulk_supported is None and active:
            self._bulk_supported = not all(is_state_only(rec) for _, _, rec in active)
            if not self._bulk_supported:
                log.stats.info(
                    "%s reports only domain state in bulk stats; sampling with per-domain calls",
                    self._conn.getURI(),
                )
        if uuids is None:
            seen = {uuid for _, uuid, _ in active}
            self._devices = {u: d for u, d in self._devices.items() if u in seen}
        if skip:
            active = [(dom, uuid, rec) for dom, uuid, rec in active if uuid not in skip]
        if self.uses_fallback:
            calls = _Calls.of(groups)
            return [c for dom, uuid, _ in active
                    if (c := self._fallback(dom, uuid, calls)) is not None]
        return [
            from_bulk_stats(
                rec, uuid=uuid, name=dom.name(), domain_id=_domain_id(dom),
                timestamp=timestamp, wall_time=wall_time,
            )
            for dom, uuid, rec in active
        ]

    def _records(
        self, uuids: Sequence[str] | None, groups: int
    ) -> list[tuple[libvirt.virDomain, dict[str, Any]]]:
        if uuids is None:
            return list(self._conn.getAllDomainStats(groups, _ALL_ACTIVE))
        doms = [dom for dom in (self._lookup(u) for u in uuids) if dom is not None]
        if not doms:
            return []
        try:
            return list(self._conn.domainListGetStats(doms, groups, _NOWAIT))
        except libvirt.libvirtError as err:
            if err.get_error_code() not in _GONE:
                raise
        # One of them vanished after the lookup and the driver refused the whole list.
        records = []
        for dom in doms:
            try:
                records.extend(self._conn.domainListGetStats([dom], groups, _NOWAIT))
            except libvirt.libvirtError as err:
                if err.get_error_code() not in _GONE:
                    raise
        return records

    def _lookup(self, uuid: str) -> libvirt.virDomain | None:
        try:
            return self._conn.lookupByUUIDString(uuid)
        except libvirt.libvirtError as err:
            if err.get_error_code() in _GONE:
                return None
            raise

    def _fallback(self, dom: libvirt.virDomain, uuid: str,
                  calls: _Calls) -> DomainCounters | None:
        timestamp, wall_time = time.monotonic(), time.time()
        try:
            info = dom.info()  # state, CPU time and memory sizes: every group needs it
        except libvirt.libvirtError as err:
            if err.get_error_code() in _GONE:
                return None
            raise
        if info[0] not in ACTIVE_STATES:
            return None  # stopped between the listing and this call
        devices = self._device_targets(dom, uuid) if calls.devices else None
        block = {}
        nics = {}
        if devices is not None and calls.block:
            for disk in devices.disks:
                stats = self._optional("blockStats", partial(dom.blockStats, disk))
                if stats is not None:
                    block[disk] = stats
        if devices is not None and calls.net:
            for nic in devices.nics:
                stats = self._optional("interfaceStats", partial(dom.interfaceStats, nic))
                if stats is not None:
                    nics[nic] = stats
        vcpus = self._optional("vcpus", lambda: dom.vcpus()[0]) if calls.vcpus else None
        memory = self._optional("memoryStats", dom.memoryStats) if calls.memory else None
        return from_fallback_calls(
            uuid=uuid, name=dom.name(), domain_id=_domain_id(dom),
            timestamp=timestamp, wall_time=wall_time, info=info, vcpu_info=vcpus,
            memory_stats=memory, block_stats=block, interface_stats=nics,
        )

    def _device_targets(self, dom: libvirt.virDomain, uuid: str) -> _Devices | None:
        domain_id, now = dom.ID(), time.monotonic()
        cached = self._devices.get(uuid)
        if cached and cached.domain_id == domain_id and now - cached.read_at < _DEVICE_CACHE_S:
            return cached
        xml = self._optional("XMLDesc", lambda: dom.XMLDesc(0))
        if xml is None:
            return None
        disks, nics = device_targets(xml)
        self._devices[uuid] = _Devices(domain_id, now, disks, nics)
        return self._devices[uuid]

    def _optional(self, call: str, func: Callable[[], _T]) -> _T | None:
        """Run one per-domain call whose failure only leaves fields empty."""
        if call in self._unsupported:
            return None
        try:
            return func()
        except libvirt.libvirtError as err:
            if err.get_error_code() in _UNSUPPORTED:
                self._unsupported.add(call)
                log.stats.debug("%s: %s unsupported, not trying again", self._conn.getURI(), call)
            return None

    # -- host and placement ----------------------------------------------------------------------

    def host_cpu_count(self) -> int:
        """Active logical CPUs of the host (libvirt's nodeinfo)."""
        return int(self._conn.getInfo()[2])

    def host_cpu_times(self) -> list[CpuTimes | None] | None:
        """Cumulative times of each host CPU (None for offline ones); None if unsupported."""
        try:
            count, online, _ = self._conn.getCPUMap()
        except libvirt.libvirtError:
            count = self.host_cpu_count()
            online = [True] * count
        result: list[CpuTimes | None] = []
        for cpu in range(count):
            if not online[cpu]:
                result.append(None)
                continue
            try:
                result.append(CpuTimes.from_libvirt(self._conn.getCPUStats(cpu)))
            except libvirt.libvirtError as err:
                if err.get_error_code() in _UNSUPPORTED:
                    return None
                result.append(None)  # went offline between the map and this call
        return result

    def host_memory(self) -> HostMemory | None:
        """Host memory totals, or None when the driver does not provide them (test driver)."""
        try:
            stats = self._conn.getMemoryStats(libvirt.VIR_NODE_MEMORY_STATS_ALL_CELLS)
        except libvirt.libvirtError:
            return None
        return HostMemory.from_libvirt(stats)

    def vcpu_placement(self, uuid: str) -> list[tuple[int, int]]:
        """(vcpu, physical CPU it last ran on) per vCPU; [] when unknown or not running."""
        try:
            dom = self._lookup(uuid)
            if dom is None:
                return []
            return [(int(v[0]), int(v[3])) for v in dom.vcpus()[0]]
        except libvirt.libvirtError:
            return []

    def vcpu_threads(self, uuid: str) -> dict[int, int] | None:
        """{vcpu: host thread id} for a domain of a local QEMU connection, else None.

        Asks QEMU's monitor (`query-cpus-fast`); libvirt marks the domain "custom-monitor" tainted
        the first time, so the answer is cached for the domain's run.
        """
        if not self._is_local_qemu():
            return None
        try:
            import libvirt_qemu
        except ImportError:
            return None
        dom = self._lookup(uuid)
        if dom is None:
            return None
        key = (uuid, dom.ID())
        if key not in self._threads:
            try:
                reply = libvirt_qemu.qemuMonitorCommand(dom, _QUERY_CPUS_FAST, 0)
            except libvirt.libvirtError:
                return None
            self._threads = {k: v for k, v in self._threads.items() if k[0] != uuid}
            self._threads[key] = thread_ids_from_query_cpus_fast(reply)
        return self._threads[key]

    def _is_local_qemu(self) -> bool:
        if self._local_qemu is None:
            try:
                self._local_qemu = (self._conn.getType() == "QEMU"
                                    and is_local(self._conn.getURI()))
            except libvirt.libvirtError:
                return False  # ask again next time
        return self._local_qemu


def _domain_id(dom: libvirt.virDomain) -> int | None:
    domain_id = dom.ID()
    return domain_id if domain_id >= 0 else None
