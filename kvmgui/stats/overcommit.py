"""The seed's overcommit ratios (pure).

CPU: vCPUs of domains whose vCPU threads are scheduled (running, not paused) ÷ host logical CPUs.
Memory: current memory of every active domain (a paused guest still holds its pages) ÷ host memory.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


class DomainLike(Protocol):
    @property
    def vcpus(self) -> int: ...
    @property
    def memory_kib(self) -> int: ...
    @property
    def scheduled(self) -> bool: ...
    @property
    def active(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Overcommit:
    running_vcpus: int
    host_cpus: int
    active_memory_kib: int
    host_memory_kib: int

    @property
    def cpu_ratio(self) -> float | None:
        return self.running_vcpus / self.host_cpus if self.host_cpus > 0 else None

    @property
    def memory_ratio(self) -> float | None:
        return self.active_memory_kib / self.host_memory_kib if self.host_memory_kib > 0 else None


def overcommit(domains: Iterable[DomainLike], host_cpus: int, host_memory_kib: int) -> Overcommit:
    vcpus = 0
    memory = 0
    for dom in domains:
        if dom.scheduled:
            vcpus += dom.vcpus
        if dom.active:
            memory += dom.memory_kib
    return Overcommit(vcpus, host_cpus, memory, host_memory_kib)
