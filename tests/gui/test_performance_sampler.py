"""StatsSampler: never piles up ticks behind a hung connection; history memory is tiered."""

import threading
import time

import libvirt
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.stats.config import SamplingConfig
from kvmgui.virt.connection import Connection
from kvmgui.stats.sparklines import SPARKLINE_HISTORY_S
from kvmgui.virt.sampler import RECENT_FULL_HISTORIES, StatsSampler

INTERVAL = 0.5
ACTIVE = (1, 2, 3, 4, 7)


def demo_connection(app: Application) -> Connection:
    conn = app.model.connection(demo_host_uri())
    assert conn is not None
    return conn


def running_uuids() -> list[str]:
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    conn = libvirt.open(demo_host_uri())
    try:
        return sorted(d.UUIDString() for d in conn.listAllDomains() if d.info()[0] in ACTIVE)
    finally:
        conn.close()


def new_sampler(app: Application, sample_all: bool = False) -> StatsSampler:
    return StatsSampler(demo_connection(app), SamplingConfig.create(INTERVAL),
                        sample_all=sample_all, parent=app.window)


def wait_for_samples(qtbot: QtBot, sampler: StatsSampler, uuid: str, count: int = 1) -> None:
    qtbot.waitUntil(lambda: (h := sampler.history(uuid)) is not None and len(h) >= count,
                    timeout=10000)


def test_a_hung_connection_skips_ticks_instead_of_queueing_them(demo_app: Application,
                                                                qtbot: QtBot) -> None:
    conn = demo_connection(demo_app)
    gate = threading.Event()
    conn.run(lambda _c: gate.wait(20))  # the connection's worker hangs
    sampler = new_sampler(demo_app)
    sampler.watch(running_uuids()[0])
    qtbot.waitUntil(lambda: sampler.skipped_ticks >= 3, timeout=10000)
    assert sampler.busy and sampler.ticks == 0
    gate.set()
    with qtbot.waitSignal(sampler.sampled, timeout=5000):
        pass
    released = time.monotonic()
    assert sampler.ticks == 1  # the one tick that waited; the skipped ones were never queued
    with qtbot.waitSignal(sampler.sampled, timeout=5000):
        pass
    assert time.monotonic() - released > INTERVAL * 0.5  # the next one comes on the timer
    sampler.stop()


def test_closed_charts_keep_full_history_for_a_few_then_drop_it(demo_app: Application,
                                                                qtbot: QtBot) -> None:
    sampler = new_sampler(demo_app)
    first, *others = running_uuids()
    assert len(others) > RECENT_FULL_HISTORIES
    sampler.watch(first)
    wait_for_samples(qtbot, sampler, first)
    full = sampler.config.capacity
    assert full == round(3600 / INTERVAL)
    assert sampler.history(first).capacity == full  # type: ignore[union-attr]
    sampler.unwatch(first)
    assert sampler.history(first).capacity == full  # type: ignore[union-attr]
    for uuid in others[:RECENT_FULL_HISTORIES]:
        sampler.watch(uuid)
        wait_for_samples(qtbot, sampler, uuid)
        sampler.unwatch(uuid)
    assert sampler.history(first) is None  # the oldest closed chart gave its memory back
    assert sampler.history(others[0]) is not None
    sampler.set_interval(2.0)
    assert sampler.history(others[0]).capacity == 1800  # type: ignore[union-attr]
    sampler.stop()


def test_sparklines_keep_a_short_light_series_for_every_running_domain(
        demo_app: Application, qtbot: QtBot) -> None:
    sampler = new_sampler(demo_app, sample_all=True)
    uuids = running_uuids()
    short = round(SPARKLINE_HISTORY_S / INTERVAL)
    qtbot.waitUntil(lambda: all((s := sampler.sparkline(u, short)) is not None and s.shape[1] >= 3
                                for u in uuids), timeout=10000)
    assert all(sampler.history(u) is None for u in uuids)  # no full history without a chart
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    conn = libvirt.open(demo_host_uri())
    try:
        for uuid in uuids:
            memory = conn.lookupByUUIDString(uuid).memoryStats()
            cpu, used, total = sampler.sparkline(uuid, short)[:, -1]  # type: ignore[index]
            assert used == memory["actual"] - memory["unused"]
            assert total == memory["actual"]
            assert cpu >= 0  # a rate: the first tick had none
    finally:
        conn.close()
    assert sampler.sparkline(uuids[0], short).shape[1] <= short  # type: ignore[union-attr]
    sampler.set_sample_all(False)
    assert sampler.sparkline(uuids[0], short) is None
    assert sampler.memory_bytes() == 0
    sampler.stop()


def test_an_undefined_domain_loses_its_history(start_app, default_conn: libvirt.virConnect,  # type: ignore[no-untyped-def]
                                               qtbot: QtBot) -> None:
    app = start_app("test:///default")
    dom = default_conn.defineXML(
        "<domain type='test'><name>kvmgui-test-sampler</name><memory>65536</memory>"
        "<vcpu>1</vcpu><os><type>hvm</type></os></domain>")
    dom.create()
    conn = app.model.connection("test:///default")
    assert conn is not None
    sampler = StatsSampler(conn, SamplingConfig.create(INTERVAL), parent=app.window)
    uuid = dom.UUIDString()
    sampler.watch(uuid)
    wait_for_samples(qtbot, sampler, uuid, 2)
    with qtbot.waitSignal(conn.domainRemoved, timeout=5000):
        dom.destroy()
        dom.undefine()
    assert sampler.history(uuid) is None
    sampler.stop()
