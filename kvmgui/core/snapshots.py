"""Plain-data snapshots of libvirt objects.

Workers build these from libvirt calls; the GUI only ever sees these frozen values, never a libvirt
object. Every snapshot carries the XML it was built from so pages and editors need no extra call.
"""

from dataclasses import dataclass, field
from enum import IntEnum


@dataclass(frozen=True, slots=True)
class HwVirt:
    """Whether hardware virtualization is usable on the local machine."""

    cpu_flag: str  # "vmx", "svm" or ""
    kvm_device: bool
    kvm_accessible: bool

    @property
    def usable(self) -> bool:
        return bool(self.cpu_flag) and self.kvm_device and self.kvm_accessible


class DomainState(IntEnum):
    """libvirt's virDomainState values (stable ABI), without importing libvirt in the GUI."""

    NOSTATE = 0
    RUNNING = 1
    BLOCKED = 2
    PAUSED = 3
    SHUTDOWN = 4
    SHUTOFF = 5
    CRASHED = 6
    PMSUSPENDED = 7

    @property
    def is_active(self) -> bool:
        """A qemu process exists: the domain holds host memory (a crashed domain is preserved)."""
        return self not in (DomainState.SHUTOFF, DomainState.NOSTATE)

    @property
    def is_scheduled(self) -> bool:
        """Its vCPU threads compete for host CPUs (a paused domain's do not)."""
        return self in (DomainState.RUNNING, DomainState.BLOCKED, DomainState.SHUTDOWN)


class PausedReason(IntEnum):
    """libvirt's virDomainPausedReason values (stable ABI): why a paused domain is paused."""

    UNKNOWN = 0  # QEMU stopped by itself (e.g. "KVM internal error"); its log says why
    USER = 1
    MIGRATION = 2
    SAVE = 3
    DUMP = 4
    IOERROR = 5
    WATCHDOG = 6
    FROM_SNAPSHOT = 7
    SHUTTING_DOWN = 8
    SNAPSHOT = 9
    CRASHED = 10
    STARTING_UP = 11
    POSTCOPY = 12
    POSTCOPY_FAILED = 13
    API_ERROR = 14


class ConnectionState(IntEnum):
    CONNECTING = 0
    CONNECTED = 1
    DISCONNECTED = 2
    ERROR = 3


@dataclass(frozen=True, slots=True)
class DomainInfo:
    uuid: str
    name: str
    state: DomainState
    vcpus: int
    memory_kib: int
    max_memory_kib: int
    autostart: bool
    persistent: bool
    managed_save: bool
    xml: str
    # Why a PAUSED domain is paused (from dom.state() on the worker); None in other states
    paused_reason: PausedReason | None = None

    @property
    def active(self) -> bool:
        return self.state.is_active

    @property
    def scheduled(self) -> bool:
        return self.state.is_scheduled


@dataclass(frozen=True, slots=True)
class VolumeInfo:
    key: str
    name: str
    path: str
    pool_uuid: str
    format: str
    capacity: int
    allocation: int
    xml: str


@dataclass(frozen=True, slots=True)
class PoolInfo:
    uuid: str
    name: str
    pool_type: str
    active: bool
    autostart: bool
    persistent: bool
    capacity: int
    allocation: int
    available: int
    target_path: str
    source_name: str  # e.g. the Ceph pool or LVM volume group behind the libvirt pool
    xml: str
    volumes: tuple[VolumeInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class NetworkInfo:
    uuid: str
    name: str
    active: bool
    autostart: bool
    persistent: bool
    forward_mode: str  # "" for an isolated network
    bridge: str
    vlans: tuple[int, ...]  # network-level and portgroup tags, sorted
    xml: str


@dataclass(frozen=True, slots=True)
class InterfaceInfo:
    name: str
    iface_type: str
    active: bool
    mac: str
    vlan: int | None
    parent: str  # VLAN parent device
    members: tuple[str, ...]  # bridge ports or bond slaves
    xml: str


@dataclass(frozen=True, slots=True)
class HostInfo:
    uri: str
    hostname: str
    driver: str
    hypervisor_version: str
    library_version: str
    daemon_version: str
    cpu_model: str
    cpu_mhz: int
    numa_nodes: int
    sockets: int
    cores: int
    threads: int
    logical_cpus: int
    memory_kib: int
    is_local: bool
    hw_virt: HwVirt | None  # None: not a local connection, so this machine's CPU says nothing
    capabilities_xml: str = ""  # the guests it runs (arch, domain types), for the editors


@dataclass(frozen=True, slots=True)
class Inventory:
    """Everything one connection holds, fetched in one worker job."""

    host: HostInfo
    domains: tuple[DomainInfo, ...]
    pools: tuple[PoolInfo, ...]
    networks: tuple[NetworkInfo, ...]
    interfaces: tuple[InterfaceInfo, ...]
    errors: tuple[str, ...] = field(default=())

    def counts(self) -> str:
        volumes = sum(len(p.volumes) for p in self.pools)
        return (f"domains={len(self.domains)} pools={len(self.pools)} volumes={volumes} "
                f"networks={len(self.networks)} interfaces={len(self.interfaces)}")
