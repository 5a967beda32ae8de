"""The domain Performance page on the demo host and on test:///default (pytest-qt, offscreen)."""

import csv
from collections.abc import Iterator
from pathlib import Path

import libvirt
import numpy as np
import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kvmgui.core import units
from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.stats.export import export_columns
from kvmgui.ui.performance.install import PerformanceFeature
from kvmgui.ui.performance.performance_page import DomainPerformancePage
from kvmgui.ui.roles import Role
from kvmgui.virt.sampler import StatsSampler
from kvmgui.core.snapshots import DomainInfo, DomainState

INTERVAL = 0.5
TEST_DOMAIN = "kvmgui-test-perf"
TEST_DOMAIN_XML = f"""<domain type='test'><name>{TEST_DOMAIN}</name>
  <memory>262144</memory><currentMemory>196608</currentMemory><vcpu>3</vcpu>
  <os><type>hvm</type></os>
  <devices><memballoon model='virtio'/></devices></domain>"""


def open_page(app: Application, qtbot: QtBot, name: str) -> tuple[PerformanceFeature,
                                                                 DomainPerformancePage]:
    feature = app.performance
    feature.set_interval(INTERVAL)
    index = app.model.find_by_name(name)
    assert index.isValid()
    app.window.select(index)
    app.window.details.tabs.setCurrentWidget(feature.performance_page)
    page = feature.performance_page
    qtbot.waitUntil(lambda: page.isVisible() and page.charts is not None)
    return feature, page


def sampler_of(feature: PerformanceFeature, app: Application) -> StatsSampler:
    sampler = feature.sampler(app.model.connections()[0].uri)
    assert sampler is not None
    return sampler


def snapshot(app: Application, name: str) -> DomainInfo:
    info = app.model.find_by_name(name).data(Role.SNAPSHOT)
    assert isinstance(info, DomainInfo)
    return info


@pytest.fixture
def perf_domain(default_conn: libvirt.virConnect) -> Iterator[libvirt.virDomain]:
    """A running domain of our own on test:///default (removed by default_conn's teardown)."""
    dom = default_conn.defineXML(TEST_DOMAIN_XML)
    dom.create()
    yield dom


def test_charts_show_a_running_domain_and_new_points_arrive(demo_app: Application,
                                                            qtbot: QtBot) -> None:
    feature, page = open_page(demo_app, qtbot, "db01")
    info = snapshot(demo_app, "db01")
    assert page.charts is not None
    cpu, memory, disk, net = page.charts.plots
    qtbot.waitUntil(lambda: len(cpu.curve_data("cpu_pct")[0]) >= 3, timeout=10000)
    assert cpu.curve_keys == ["cpu_pct"] + [f"vcpu{i}_pct" for i in range(info.vcpus)]
    assert "mem_current_kib" in memory.curve_keys and "mem_maximum_kib" in memory.curve_keys
    assert disk.curve_keys == ["disk_rd_bps", "disk_wr_bps"]
    assert net.curve_keys == ["net_rx_bps", "net_tx_bps"]
    _x, current = memory.curve_data("mem_current_kib")
    assert memory.fmt(float(current[-1])) == units.format_kib(info.memory_kib)
    before = len(cpu.curve_data("cpu_pct")[0])
    redraws = page.redraws
    qtbot.waitUntil(lambda: len(cpu.curve_data("cpu_pct")[0]) > before, timeout=5000)
    assert page.redraws > redraws
    x, y = cpu.curve_data("cpu_pct")
    assert np.all(np.diff(x) > 0)
    assert np.isfinite(y[-1]) and y[-1] >= 0
    assert page.status.text().startswith("Sampled")
    # The test driver knows where vCPUs run (asked here directly) but not their host threads.
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    conn = libvirt.open(demo_host_uri())
    try:
        placed = conn.lookupByName("db01").vcpus()[0]
    finally:
        conn.close()
    expected = [f"vCPU {v[0]} → thread unknown on CPU {v[3]}" for v in placed]
    assert page.placement.toolTip().split("\n") == expected
    shown = page.placement.text().replace("\u00a0", " ").split(" · ")
    assert shown == expected[:4] + [f"{len(expected) - 4} more"]  # db01 has 6 vCPUs
    assert sampler_of(feature, demo_app).watched() == {info.uuid}


def test_charts_stop_when_the_domain_stops(start_app, perf_domain: libvirt.virDomain,  # type: ignore[no-untyped-def]
                                           qtbot: QtBot) -> None:
    app = start_app("test:///default")
    feature, page = open_page(app, qtbot, TEST_DOMAIN)
    sampler = sampler_of(feature, app)
    uuid = perf_domain.UUIDString()
    qtbot.waitUntil(lambda: (h := sampler.history(uuid)) is not None and len(h) >= 3,
                    timeout=10000)
    perf_domain.destroy()  # "another program" stops it; the event reaches the app
    qtbot.waitUntil(lambda: snapshot(app, TEST_DOMAIN).state == DomainState.SHUTOFF)
    qtbot.waitUntil(lambda: page.status.text() == "Shut off: no new samples.")
    history = sampler.history(uuid)
    assert history is not None
    samples, redraws = len(history), page.redraws
    for _ in range(3):
        with qtbot.waitSignal(sampler.sampled, timeout=5000) as blocker:
            pass
        assert uuid not in blocker.args[0]
    assert len(history) == samples
    assert page.redraws == redraws


def test_hidden_page_does_not_redraw_but_keeps_sampling(demo_app: Application,
                                                        qtbot: QtBot) -> None:
    feature, page = open_page(demo_app, qtbot, "web01")
    sampler = sampler_of(feature, demo_app)
    uuid = snapshot(demo_app, "web01").uuid
    assert page.charts is not None
    cpu = page.charts.plots[0]
    qtbot.waitUntil(lambda: len(cpu.curve_data("cpu_pct")[0]) >= 2, timeout=10000)
    demo_app.window.details.tabs.setCurrentIndex(0)  # Summary in front: the page is hidden
    assert not page.isVisible()
    redraws = page.redraws
    shown_x = cpu.curve_data("cpu_pct")[0].copy()
    history = sampler.history(uuid)
    assert history is not None
    samples = len(history)
    for _ in range(3):
        with qtbot.waitSignal(sampler.sampled, timeout=5000):
            pass
    assert len(history) > samples  # still sampled …
    assert page.redraws == redraws  # … but not drawn
    assert np.array_equal(cpu.curve_data("cpu_pct")[0], shown_x)
    demo_app.window.details.tabs.setCurrentWidget(page)
    assert page.redraws > redraws
    assert len(cpu.curve_data("cpu_pct")[0]) > len(shown_x)


def test_pause_freezes_the_charts_and_selecting_a_network_stops_sampling(
        demo_app: Application, qtbot: QtBot) -> None:
    feature, page = open_page(demo_app, qtbot, "web02")
    sampler = sampler_of(feature, demo_app)
    qtbot.waitUntil(lambda: page.redraws >= 2, timeout=10000)
    page.pause_button.click()
    assert page.paused
    redraws = page.redraws
    for _ in range(2):
        with qtbot.waitSignal(sampler.sampled, timeout=5000):
            pass
    assert page.redraws == redraws
    assert page.status.text().startswith("Paused")
    page.pause_button.click()
    assert page.redraws == redraws + 1
    demo_app.window.select(demo_app.model.find_by_name("isolated"))
    assert sampler.watched() == frozenset()


def test_time_window_and_hover_read_out(demo_app: Application, qtbot: QtBot) -> None:
    _feature, page = open_page(demo_app, qtbot, "web01")
    assert page.charts is not None
    cpu = page.charts.plots[0]
    qtbot.waitUntil(lambda: len(cpu.curve_data("cpu_pct")[0]) >= 3, timeout=10000)
    page.window_box.setCurrentIndex(page.window_box.findData(60))
    (left, right), _ = cpu.item.viewRange()
    assert right - left == pytest.approx(60)
    assert right == pytest.approx(cpu.curve_data("cpu_pct")[0][-1])
    view = page.charts.view
    point = view.mapFromScene(cpu.item.vb.mapViewToScene(cpu.item.vb.viewRect().center()))
    QTest.mouseMove(view.viewport(), point)
    qtbot.waitUntil(lambda: cpu.readout.isVisible())
    text = cpu.readout.toPlainText()
    assert "Total: " in text and "vCPU 1" in text
    assert page.charts.plots[1].crosshair.isVisible()  # the other plots show the same moment


def test_export_writes_the_visible_samples_as_csv(demo_app: Application, qtbot: QtBot,
                                                  tmp_path: Path) -> None:
    _feature, page = open_page(demo_app, qtbot, "db01")
    info = snapshot(demo_app, "db01")
    assert page.charts is not None
    cpu = page.charts.plots[0]
    qtbot.waitUntil(lambda: len(cpu.curve_data("cpu_pct")[0]) >= 3, timeout=10000)
    page.set_paused(True)  # the rows must match what is on screen
    shown = len(cpu.curve_data("cpu_pct")[0])
    path = tmp_path / "db01.csv"
    assert page.export_csv(str(path)) == shown
    with path.open(newline="") as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
    assert reader.fieldnames == export_columns(info.vcpus)
    assert len(rows) == shown
    assert {row["domain"] for row in rows} == {"db01"}
    assert int(rows[-1]["mem_current_kib"]) == info.memory_kib
    assert rows[0]["cpu_pct"] == ""  # the first sample has no rate yet
    assert float(rows[-1]["cpu_pct"]) >= 0


def test_a_removed_connection_takes_its_sampler_along(start_app, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    app = start_app(demo_host_uri(), "test:///default")
    feature, page = open_page(app, qtbot, "web01")
    qtbot.waitUntil(lambda: page.redraws >= 1, timeout=10000)
    app.connections.remove(demo_host_uri())  # as the Remove action does; shuts its workers
    assert feature.sampler(demo_host_uri()) is None
    assert page.uuid == ""  # the current row went away with its connection
    app.window.select(app.model.find_by_name("test"))  # a domain of the other connection
    app.window.details.tabs.setCurrentWidget(page)
    redraws = page.redraws
    qtbot.waitUntil(lambda: page.redraws > redraws + 1, timeout=10000)
    other = feature.sampler("test:///default")
    assert other is not None and other.watched() == {page.uuid}


def test_export_neutralises_a_domain_name_a_spreadsheet_would_run(  # type: ignore[no-untyped-def]
        start_app, default_conn: libvirt.virConnect, qtbot: QtBot, tmp_path: Path) -> None:
    name = "@SUM(kvmgui-test-csv)"  # not named kvmgui-test-*: removed here, not by the fixture
    dom = default_conn.defineXML(TEST_DOMAIN_XML.replace(TEST_DOMAIN, name))
    try:
        dom.create()
        app = start_app("test:///default")
        feature, page = open_page(app, qtbot, name)
        sampler = sampler_of(feature, app)
        qtbot.waitUntil(lambda: len(sampler.history(dom.UUIDString()) or ()) >= 2,
                        timeout=10000)
        path = tmp_path / "export.csv"
        assert page.export_csv(str(path)) >= 2
    finally:
        if dom.isActive():
            dom.destroy()
        dom.undefine()
    with path.open(newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert {row["domain"] for row in rows} == {"'" + name}
    assert int(rows[-1]["mem_current_kib"]) == 196608  # numbers stay numbers
