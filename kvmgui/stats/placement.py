"""Where each vCPU runs: last physical CPU (libvirt) and host thread id (QEMU monitor) (pure)."""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class VcpuPlacement:
    vcpu: int
    cpu: int | None  # physical CPU the vCPU last ran on; None when unknown
    thread_id: int | None = None  # host thread (TID) of the vCPU, local QEMU only


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
    vcpu_cpus: Iterable[tuple[int, int]], threads: Mapping[int, int] | None
) -> list[VcpuPlacement]:
    """Join (vcpu, physical cpu) pairs with thread ids; a negative cpu (not running) is None."""
    known = threads or {}
    return [
        VcpuPlacement(vcpu=vcpu, cpu=cpu if cpu >= 0 else None, thread_id=known.get(vcpu))
        for vcpu, cpu in vcpu_cpus
    ]
