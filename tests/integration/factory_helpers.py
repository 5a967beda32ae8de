"""Factories behind the `make_guest` and `make_network` fixtures.

Each created object registers its own removal right after it is defined, through
`add_cleanup` (the test item's finalizer stack, run last-in first-out): a guest is therefore
removed before the pool and network it uses, also when the test fails half way.
"""

from __future__ import annotations

from collections.abc import Callable

from object_helpers import (
    connection,
    define_and_start_network,
    guest_xml,
    owned_name,
    remove_domain,
    remove_network,
    volume_xml,
)

Cleanup = Callable[[], None]
DISK_CAPACITY_MIB = 16


class ObjectFactory:
    """The base of the makers: each object it defines is removed when the test ends
    (`remove_later`, registered right after the object is defined)."""

    def __init__(self, owner_pid: int, add_cleanup: Callable[[Cleanup], None],
                 before_cleanup: Cleanup) -> None:
        self._owner_pid = owner_pid
        self._add_cleanup = add_cleanup
        # Called before each removal: brings back a daemon a fault test killed or stopped.
        self._before_cleanup = before_cleanup

    def remove_later(self, remove: Callable[..., None], name: str) -> None:
        """`remove(conn, name)` when the test ends (the last registered goes first)."""
        def cleanup() -> None:
            self._before_cleanup()
            with connection() as conn:
                remove(conn, name)
        self._add_cleanup(cleanup)


class NetworkMaker(ObjectFactory):
    """make_network(name_suffix) -> name of an isolated network, defined and started."""

    def __call__(self, name_suffix: str = "net") -> str:
        name = owned_name(name_suffix, self._owner_pid)
        with connection() as conn:
            define_and_start_network(conn, name, lambda: self.remove_later(remove_network, name))
        return name


class GuestMaker(ObjectFactory):
    """make_guest(name_suffix, running=True, with_disk=False) -> the guest's name."""

    def __init__(self, owner_pid: int, add_cleanup: Callable[[Cleanup], None],
                 before_cleanup: Cleanup, network: str, pool: Callable[[], str]) -> None:
        super().__init__(owner_pid, add_cleanup, before_cleanup)
        self._network = network
        self._pool = pool  # created on first use only: most guests need no disk

    def __call__(self, name_suffix: str, running: bool = True, with_disk: bool = False, *,
                 vcpus: int = 1, memory_mib: int = 64) -> str:
        name = owned_name(name_suffix, self._owner_pid)
        pool_name = self._pool() if with_disk else None
        with connection() as conn:
            disk_path = None
            if pool_name is not None:
                pool = conn.storagePoolLookupByName(pool_name)
                volume = pool.createXML(volume_xml(f"{name}.qcow2", DISK_CAPACITY_MIB), 0)
                disk_path = volume.path()
            xml = guest_xml(name, network=self._network, disk_path=disk_path, vcpus=vcpus,
                            memory_mib=memory_mib)
            domain = conn.defineXML(xml)
            self.remove_later(remove_domain, name)
            if running:
                domain.create()
        return name
