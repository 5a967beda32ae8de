"""Where each vCPU runs: last physical CPU (libvirt) and host thread id (QEMU monitor) (pure)."""

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class VcpuPlacement:
    vcpu: int
    cpu: int | None  # physical CPU the vCPU last ran on; None when unknown
    thread_id: int | None = None  # host thread (TID) of the vCPU, local QEMU only
    pinned: frozenset[int] | None = None  # CPUs it is pinned to; None: not pinned (any CPU)


@dataclass(frozen=True, slots=True)
class DomainPlacement:
    """Where the vCPUs of one running domain are."""

    uuid: str
    name: str
    vcpus: tuple[VcpuPlacement, ...]


def thread_ids_from_query_cpus_fast(reply: str) -> dict[int, int] | None:
    """{vcpu index: host thread id} from QMP `query-cpus-fast`'s JSON reply, None if unusable.

    Reply shape: {"return": [{"cpu-index": 0, "thread-id": 1234, ...}, ...]}.
    """
    try:
        document = json.loads(reply)
    except ValueError:
        return None
    entries = document.get("return") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        return None
    threads: dict[int, int] = {}
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        index, tid = entry.get("cpu-index"), entry.get("thread-id")
        if isinstance(index, int) and isinstance(tid, int):
            threads[index] = tid
    return threads


def merge_placement(
    vcpu_cpus: Iterable[tuple[int, int]], threads: Mapping[int, int] | None,
    cpumaps: Sequence[Sequence[bool]] = (),
) -> list[VcpuPlacement]:
    """Join (vcpu, physical cpu) pairs with thread ids and pins (libvirt's CPU maps of
    ``dom.vcpus()``, one per vCPU; a map of every CPU is no pin); a negative cpu (not
    running) is None."""
    known = threads or {}
    return [
        VcpuPlacement(vcpu=vcpu, cpu=cpu if cpu >= 0 else None, thread_id=known.get(vcpu),
                      pinned=_pinned(cpumaps[vcpu]) if 0 <= vcpu < len(cpumaps) else None)
        for vcpu, cpu in vcpu_cpus
    ]


def _pinned(cpumap: Sequence[bool]) -> frozenset[int] | None:
    return None if all(cpumap) else frozenset(i for i, on in enumerate(cpumap) if on)
