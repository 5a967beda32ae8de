"""The kvmgui application against the real daemon: events from virsh, daemon restarts, hangs."""

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from app_helpers import find_row
from fixture_helpers import StartApp
from daemon_helpers import URI, DaemonControl, TierDaemon
from object_helpers import connection, owned_name, remove_domain, remove_network, remove_pool
from PySide6.QtCore import QElapsedTimer, QModelIndex, Qt, QTimer
from pytestqt.qtbot import QtBot

from kvmgui.logic.action_rules import DomainAction
from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.roles import Category, Column, Role
from kvmgui.core.snapshots import ConnectionState

EVENT_TIMEOUT_MS = 20000


def row(app: Application, category: Category, name: str) -> QModelIndex:
    """The row of `name` in one category of the qemu:///system connection (invalid if none)."""
    return find_row(app, URI, category, name)


def state(app: Application, category: Category, name: str) -> str | None:
    index = row(app, category, name)
    return index.siblingAtColumn(Column.STATE).data() if index.isValid() else None


@pytest.fixture
def cleanup() -> Iterator[Callable[[Callable[[], None]], None]]:
    """Register removals of objects a test makes through virsh (run even if the test fails)."""
    actions: list[Callable[[], None]] = []
    yield actions.append
    for action in reversed(actions):
        action()


def with_conn(remove: Callable[..., None], name: str) -> Callable[[], None]:
    def run() -> None:
        with connection() as conn:
            remove(conn, name)
    return run


def test_tree_follows_virsh_domain_lifecycle(start_app: StartApp, make_guest, virsh,  # type: ignore[no-untyped-def]
                                             libvirt_tier: TierDaemon, tmp_path: Path,
                                             cleanup, qtbot: QtBot) -> None:
    guest = make_guest("life", running=False)
    app = start_app(URI, timeout_ms=60000)
    assert state(app, Category.DOMAINS, guest) == "Shut off"
    for command, expected in (("start", "Running"), ("suspend", "Paused"), ("resume", "Running"),
                              ("destroy", "Shut off")):
        virsh(command, guest)
        qtbot.waitUntil(lambda e=expected: state(app, Category.DOMAINS, guest) == e,
                        timeout=EVENT_TIMEOUT_MS)
    virsh("undefine", guest)
    qtbot.waitUntil(lambda: not row(app, Category.DOMAINS, guest).isValid(),
                    timeout=EVENT_TIMEOUT_MS)

    name = owned_name("virshdef", libvirt_tier.session_pid)
    xml = tmp_path / "dom.xml"
    xml.write_text(f"<domain type='qemu'><name>{name}</name><memory unit='MiB'>64</memory>"
                   "<vcpu>1</vcpu><os><type arch='x86_64'>hvm</type><boot dev='hd'/></os></domain>")
    cleanup(with_conn(remove_domain, name))
    virsh("define", str(xml))
    qtbot.waitUntil(lambda: state(app, Category.DOMAINS, name) == "Shut off",
                    timeout=EVENT_TIMEOUT_MS)


def test_tree_follows_virsh_networks_and_pools(start_app: StartApp, virsh, libvirt_tier,  # type: ignore[no-untyped-def]
                                               tmp_path: Path, cleanup, qtbot: QtBot) -> None:
    app = start_app(URI, timeout_ms=60000)
    net = owned_name("vnet", libvirt_tier.session_pid)
    net_xml = tmp_path / "net.xml"
    net_xml.write_text(f"<network><name>{net}</name><bridge stp='off' delay='0'/></network>")
    cleanup(with_conn(remove_network, net))
    virsh("net-define", str(net_xml))
    qtbot.waitUntil(lambda: state(app, Category.NETWORKS, net) == "Inactive",
                    timeout=EVENT_TIMEOUT_MS)
    virsh("net-start", net)
    qtbot.waitUntil(lambda: state(app, Category.NETWORKS, net) == "Active",
                    timeout=EVENT_TIMEOUT_MS)
    virsh("net-destroy", net)
    qtbot.waitUntil(lambda: state(app, Category.NETWORKS, net) == "Inactive",
                    timeout=EVENT_TIMEOUT_MS)
    virsh("net-undefine", net)
    qtbot.waitUntil(lambda: not row(app, Category.NETWORKS, net).isValid(),
                    timeout=EVENT_TIMEOUT_MS)

    pool = owned_name("vpool", libvirt_tier.session_pid)
    path = Path("/var/lib/kvmgui-test") / pool
    cleanup(with_conn(remove_pool, pool))
    virsh("pool-define-as", pool, "dir", "--target", str(path))
    qtbot.waitUntil(lambda: state(app, Category.POOLS, pool) == "Inactive",
                    timeout=EVENT_TIMEOUT_MS)
    virsh("pool-build", pool)
    virsh("pool-start", pool)
    qtbot.waitUntil(lambda: state(app, Category.POOLS, pool) == "Active", timeout=EVENT_TIMEOUT_MS)

    def volumes() -> set[str]:
        index = row(app, Category.POOLS, pool)
        return {app.model.index(r, 0, index).data() for r in range(app.model.rowCount(index))}

    virsh("vol-create-as", pool, "kvmgui-test-vol.qcow2", "1M", "--format", "qcow2")
    qtbot.waitUntil(lambda: volumes() == {"kvmgui-test-vol.qcow2"}, timeout=EVENT_TIMEOUT_MS)
    virsh("vol-delete", "kvmgui-test-vol.qcow2", "--pool", pool)
    qtbot.waitUntil(lambda: volumes() == set(), timeout=EVENT_TIMEOUT_MS)
    virsh("pool-destroy", pool)
    qtbot.waitUntil(lambda: state(app, Category.POOLS, pool) == "Inactive",
                    timeout=EVENT_TIMEOUT_MS)
    virsh("pool-undefine", pool)
    qtbot.waitUntil(lambda: not row(app, Category.POOLS, pool).isValid(), timeout=EVENT_TIMEOUT_MS)


def test_daemon_restart_reconnects_and_keeps_selection(start_app: StartApp, make_guest, virsh,  # type: ignore[no-untyped-def]
                                                       daemon: DaemonControl, qtbot: QtBot) -> None:
    guest = make_guest("survivor", running=True)
    app = start_app(URI, demo_host_uri(), timeout_ms=60000)
    conn = app.model.connection(URI)
    assert conn is not None
    app.window.select(row(app, Category.DOMAINS, guest))
    app.window.details.tabs.setCurrentWidget(app.performance.performance_page)
    sampler = app.performance.sampler(URI)
    assert sampler is not None
    uuid = row(app, Category.DOMAINS, guest).data(Role.KEY)
    qtbot.waitUntil(lambda: len(sampler.history(uuid) or ()) >= 2, timeout=20000)
    history = sampler.history(uuid)
    samples_before = len(history)  # type: ignore[arg-type]

    app.actions.update_enabled()
    assert app.actions.domain.actions[DomainAction.FORCE_OFF].isEnabled()
    daemon.kill()
    qtbot.waitUntil(lambda: conn.state == ConnectionState.DISCONNECTED, timeout=30000)
    uri_row = next(app.model.index(r, 0) for r in range(app.model.rowCount())
                   if app.model.index(r, 0).data(Role.KEY) == URI)
    # One word in the cell, the reason in its tooltip (issue 14 item 3).
    assert uri_row.siblingAtColumn(Column.STATE).data() == "Disconnected"
    assert conn.message and conn.message in uri_row.data(Qt.ItemDataRole.ToolTipRole)
    # The guest is not said to be running any more, and nothing can be asked of it.
    assert state(app, Category.DOMAINS, guest) == "Unknown"
    assert row(app, Category.DOMAINS, guest).data(Qt.ItemDataRole.ForegroundRole) is not None
    app.actions.update_enabled()
    assert not any(a.isEnabled() for a in app.actions.domain.actions.values())
    demo = app.model.connection(demo_host_uri())
    assert demo is not None and demo.state == ConnectionState.CONNECTED  # the rest keeps working

    daemon.restart()
    qtbot.waitUntil(lambda: conn.state == ConnectionState.CONNECTED, timeout=60000)
    listed = set(virsh("list", "--all", "--name").split())
    qtbot.waitUntil(lambda: {d.name for d in app.model.domains(URI)} == listed, timeout=30000)
    assert app.window.tree.currentIndex().data() == guest  # the selection survived
    qtbot.waitUntil(lambda: state(app, Category.DOMAINS, guest) == "Running", timeout=30000)
    app.actions.update_enabled()
    assert app.actions.domain.actions[DomainAction.FORCE_OFF].isEnabled()  # back, and usable
    assert sampler.history(uuid) is history  # and so did its chart history
    qtbot.waitUntil(lambda: len(history) > samples_before, timeout=20000)  # type: ignore[arg-type]

    virsh("suspend", guest)  # an event after the restart still reaches the tree
    qtbot.waitUntil(lambda: state(app, Category.DOMAINS, guest) == "Paused",
                    timeout=EVENT_TIMEOUT_MS)


def test_hung_daemon_never_freezes_the_window(start_app: StartApp, make_guest,  # type: ignore[no-untyped-def]
                                              daemon: DaemonControl, qtbot: QtBot) -> None:
    make_guest("hang", running=False)
    app = start_app(URI, demo_host_uri(), timeout_ms=60000)
    conn = app.model.connection(URI)
    assert conn is not None
    daemon.stop()
    try:
        conn.refresh()  # its worker now blocks inside libvirt on the stopped daemon
        lateness: list[int] = []
        for _ in range(5):
            clock = QElapsedTimer()
            clock.start()
            fired = _single_shot(200, lambda c=clock: lateness.append(c.elapsed() - 200))
            with qtbot.waitSignal(fired):
                pass
            app.window.filter_bar.text.setText("web")  # the other connection stays usable
            app.window.filter_bar.text.setText("")
        assert max(lateness) < 500, lateness
        assert app.model.connection(demo_host_uri()).state == ConnectionState.CONNECTED  # type: ignore[union-attr]
    finally:
        daemon.cont()
    qtbot.waitUntil(lambda: conn.state == ConnectionState.CONNECTED, timeout=60000)


def _single_shot(ms: int, callback: Callable[[], None]) -> object:
    timer = QTimer(singleShot=True, interval=ms)
    timer.timeout.connect(callback)
    timer.start()
    _single_shot.keep = timer  # type: ignore[attr-defined]  # keep it alive until it fires
    return timer.timeout


del os, time
