"""What an editor needs to know about the host, taken from the inventory (no libvirt call)."""

from dataclasses import dataclass
from typing import Any

from kvmgui.topology.inputs import LibvirtVersion
from kvmgui.ui.inventory_model import InventoryModel
from kvmgui.ui.roles import Category, Role
from kvmgui.core.snapshots import (
    DomainInfo,
    HostInfo,
    InterfaceInfo,
    NetworkInfo,
    PoolInfo,
)
from kvmgui.logic.vlan_support import parse_version

# When the daemon does not say, assume the oldest libvirt we support (strictest VLAN rules).
FALLBACK_VERSION: LibvirtVersion = (9, 0, 0)


@dataclass(frozen=True)
class EditorContext:
    """A snapshot of one connection's objects, as the inventory shows them right now."""

    uri: str
    host: HostInfo | None
    domains: tuple[DomainInfo, ...] = ()
    pools: tuple[PoolInfo, ...] = ()
    networks: tuple[NetworkInfo, ...] = ()
    interfaces: tuple[InterfaceInfo, ...] = ()

    @classmethod
    def of(cls, model: InventoryModel, uri: str) -> "EditorContext":
        conn = model.connection(uri)
        inventory = conn.inventory if conn is not None else None
        return cls(
            uri=uri,
            host=inventory.host if inventory is not None else None,
            domains=tuple(model.domains(uri)),
            pools=tuple(model.pools(uri)),
            networks=tuple(_snapshots(model, uri, Category.NETWORKS)),
            interfaces=tuple(_snapshots(model, uri, Category.INTERFACES)),
        )

    @property
    def version(self) -> LibvirtVersion:
        if self.host is None:
            return FALLBACK_VERSION
        return (parse_version(self.host.daemon_version)
                or parse_version(self.host.library_version) or FALLBACK_VERSION)

    @property
    def capabilities_xml(self) -> str:
        """The host's capabilities ("" when not known yet)."""
        return self.host.capabilities_xml if self.host is not None else ""

    @property
    def hardware_virt(self) -> bool | None:
        """Whether this machine's CPU and /dev/kvm can run kvm guests; None for a remote host
        (this machine's CPU says nothing about it) or the test driver."""
        if self.host is None or self.host.hw_virt is None:
            return None
        return self.host.hw_virt.usable

    @property
    def host_memory_kib(self) -> int | None:
        return self.host.memory_kib if self.host is not None else None

    @property
    def host_cpus(self) -> int:
        return self.host.logical_cpus if self.host is not None and self.host.logical_cpus else 1

    @property
    def network_xml(self) -> dict[str, str]:
        return {n.name: n.xml for n in self.networks}

    def network(self, name: str) -> NetworkInfo | None:
        return next((n for n in self.networks if n.name == name), None)

    def pool(self, name: str) -> PoolInfo | None:
        return next((p for p in self.pools if p.name == name), None)

    def domain_names(self) -> set[str]:
        return {d.name for d in self.domains}

    def host_bridges(self) -> list[str]:
        """Bridges on the host, plus those libvirt networks put guests on."""
        names = {i.name for i in self.interfaces if i.iface_type == "bridge"}
        names |= {n.bridge for n in self.networks if n.bridge}
        return sorted(names)

    def host_devices(self) -> list[str]:
        """Host NICs a macvtap interface can sit on (physical, VLAN and bond devices)."""
        return sorted(i.name for i in self.interfaces
                      if i.iface_type in ("ethernet", "vlan", "bond"))

    def active_pools(self) -> list[PoolInfo]:
        return [p for p in self.pools if p.active]


def _snapshots(model: InventoryModel, uri: str, category: Category) -> list[Any]:
    for row in range(model.rowCount()):
        conn_index = model.index(row, 0)
        if conn_index.data(Role.KEY) != uri:
            continue
        cat_index = model.index(int(category), 0, conn_index)
        return [model.index(r, 0, cat_index).data(Role.SNAPSHOT)
                for r in range(model.rowCount(cat_index))]
    return []
