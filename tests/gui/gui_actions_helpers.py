"""Shared helpers of the action tests: scratch objects on test:///default and tree driving."""

from collections.abc import Callable
from typing import Any

import libvirt
import pytest
from app_helpers import (  # noqa: F401 (re-exported)
    find_row, no_dialog, open_dialog, select, wait_batch,
)
from PySide6.QtCore import QModelIndex

from kvmgui.ui.app import Application
from kvmgui.ui.roles import Category, Column

DEFAULT = "test:///default"
POOL = "default-pool"  # the test driver's own dir pool, /default-pool
PREFIX = "kvmgui-test-"
StartApp = Callable[..., Application]  # the start_app fixture of conftest.py


def domain_xml(name: str, disks: tuple[str, ...] = (), networks: tuple[str, ...] = ()) -> str:
    disk_xml = "".join(f"<disk type='file' device='disk'><source file='{path}'/>"
                       f"<target dev='vd{chr(97 + i)}'/></disk>" for i, path in enumerate(disks))
    nic_xml = "".join(f"<interface type='network'><source network='{n}'/></interface>"
                      for n in networks)
    return (f"<domain type='test'><name>{name}</name><memory>65536</memory><vcpu>1</vcpu>"
            f"<os><type>hvm</type></os><devices>{disk_xml}{nic_xml}</devices></domain>")


class Scratch:
    """Creates kvmgui-test-* objects on test:///default through another client."""

    def __init__(self, conn: libvirt.virConnect) -> None:
        self.conn = conn

    def domain(self, name: str, running: bool = False, disks: tuple[str, ...] = (),
               networks: tuple[str, ...] = ()) -> libvirt.virDomain:
        dom = self.conn.defineXML(domain_xml(PREFIX + name, disks, networks))
        if running:
            dom.create()
        return dom

    def volume(self, name: str) -> libvirt.virStorageVol:
        pool = self.conn.storagePoolLookupByName(POOL)
        return pool.createXML(f"<volume><name>{PREFIX}{name}</name><capacity>1048576</capacity>"
                              "</volume>", 0)

    def volume_names(self) -> set[str]:
        pool = self.conn.storagePoolLookupByName(POOL)
        return {v.name() for v in pool.listAllVolumes(0) if v.name().startswith(PREFIX)}

    def network(self, name: str, active: bool = True) -> libvirt.virNetwork:
        net = self.conn.networkDefineXML(
            f"<network><name>{PREFIX}{name}</name><bridge name='kvmgt{name[:6]}'/></network>")
        if active:
            net.create()
        return net

    def pool(self, name: str, active: bool = True) -> libvirt.virStoragePool:
        pool = self.conn.storagePoolDefineXML(
            f"<pool type='dir'><name>{PREFIX}{name}</name><target><path>/{PREFIX}{name}</path>"
            "</target></pool>")
        if active:
            pool.create(0)
        return pool


@pytest.fixture(name="scratch")
def scratch_fixture(default_conn: libvirt.virConnect) -> Scratch:
    """Import this into a test module to get the `scratch` fixture; `default_conn` (in
    tests/conftest.py) removes the scratch objects afterwards."""
    return Scratch(default_conn)


def find(app: Application, category: Category, name: str, uri: str = DEFAULT) -> QModelIndex:
    """The source index of `name` in one category of connection `uri` (invalid if absent)."""
    return find_row(app, uri, category, name)


def find_volume(app: Application, pool: str, name: str, uri: str = DEFAULT) -> QModelIndex:
    pool_index = find(app, Category.POOLS, pool, uri)
    for r in range(app.model.rowCount(pool_index)):
        if app.model.index(r, 0, pool_index).data() == name:
            return app.model.index(r, 0, pool_index)
    return QModelIndex()


def domain(app: Application, short: str, uri: str = DEFAULT) -> QModelIndex:
    return find(app, Category.DOMAINS, PREFIX + short if uri == DEFAULT else short, uri)


def cell(index: QModelIndex, column: Column) -> Any:
    return index.siblingAtColumn(column).data() if index.isValid() else None
