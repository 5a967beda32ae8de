"""Shared test set-up: Qt offscreen, libvirt's event loop independent of Qt (as in the app), and
the one client of libvirt's shared test driver, test:///default."""

import os
from collections.abc import Iterator
from typing import Any

import pytest

# Both must be set before the QApplication exists (see kvmgui/app.py and LIBVIRT-NOTES.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_NO_GLIB"] = "1"

DEFAULT_URI = "test:///default"
TEST_PREFIX = "kvmgui-test-"  # tests name what they create on test:///default like this


@pytest.fixture
def default_conn() -> Iterator[Any]:
    """Another client of test:///default, whose state every client of this process shares.

    Removes the kvmgui-test-* domains, networks, pools and volumes before the test (a crashed
    earlier run may have left some) and afterwards, together with anything else the test
    defined there, so the next test sees the driver's own objects only."""
    libvirt = pytest.importorskip("libvirt")  # the xml tests also run without the binding
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)  # errors arrive as exceptions
    conn = libvirt.open(DEFAULT_URI)
    remove_test_objects(conn)
    before = object_names(conn)
    yield conn
    remove_test_objects(conn, keep=before)
    conn.close()


def object_names(conn: Any) -> set[tuple[str, str]]:
    """(kind, name) of every domain, network, pool and volume of an active pool."""
    names = {("domain", d.name()) for d in conn.listAllDomains(0)}
    names |= {("network", n.name()) for n in conn.listAllNetworks(0)}
    for pool in conn.listAllStoragePools(0):
        names.add(("pool", pool.name()))
        if pool.isActive():
            names |= {("volume", f"{pool.name()}/{v.name()}") for v in pool.listAllVolumes(0)}
    return names


def remove_test_objects(conn: Any, keep: set[tuple[str, str]] | None = None) -> None:
    """Remove the kvmgui-test-* objects, and (given `keep`) every object not in `keep`."""
    import libvirt

    def ours(kind: str, name: str) -> bool:
        short = name.rpartition("/")[2]
        return short.startswith(TEST_PREFIX) or (keep is not None and (kind, name) not in keep)

    for dom in conn.listAllDomains(0):
        if ours("domain", dom.name()):
            persistent = dom.isPersistent()  # a transient domain is gone once destroyed
            if dom.isActive():
                dom.destroy()
            if persistent:
                dom.undefineFlags(libvirt.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE
                                  | libvirt.VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA)
    for net in conn.listAllNetworks(0):
        if ours("network", net.name()):
            if net.isActive():
                net.destroy()
            if net.isPersistent():
                net.undefine()
    for pool in conn.listAllStoragePools(0):
        if ours("pool", pool.name()):
            if pool.isActive():
                pool.destroy()
            if pool.isPersistent():
                pool.undefine()
        elif pool.isActive():
            for volume in pool.listAllVolumes(0):
                if ours("volume", f"{pool.name()}/{volume.name()}"):
                    volume.delete(0)
