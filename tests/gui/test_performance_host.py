"""The Host CPU page: per-CPU rows with the vCPUs placed on them, overcommit over time."""

from collections import defaultdict

import libvirt
import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from kvmgui.logic.pinning_rules import format_cpuset
from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.ui.performance.host_history import CPU_RATIO, MEMORY_RATIO
from kvmgui.ui.performance.host_page import HostCpuPage
from kvmgui.ui.performance.install import PerformanceFeature

RUNNING, BLOCKED, SHUTDOWN, PAUSED = 1, 2, 4, 3


def open_host_page(app: Application, qtbot: QtBot) -> tuple[PerformanceFeature, HostCpuPage]:
    feature = app.performance
    feature.set_interval(0.5)
    app.window.select(app.model.find_by_name(demo_host_uri()))
    app.window.details.tabs.setCurrentWidget(feature.host_page)
    page = feature.host_page
    qtbot.waitUntil(lambda: page.isVisible() and bool(page.cpu_rows()), timeout=10000)
    return feature, page


@pytest.fixture
def demo() -> libvirt.virConnect:
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    return libvirt.open(demo_host_uri())  # a private copy of the same demo host


def test_rows_per_cpu_list_the_vcpus_placed_there(demo_app: Application, qtbot: QtBot,
                                                  demo: libvirt.virConnect) -> None:
    _feature, page = open_host_page(demo_app, qtbot)
    expected: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for dom in demo.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE):
        info, cpumaps = dom.vcpus()
        for vcpu, _state, _time, cpu in info:
            pins = [c for c, on in enumerate(cpumaps[vcpu]) if on]  # a pinned vCPU is marked
            pin = "" if all(cpumaps[vcpu]) else \
                f" · pinned to CPU{'s' if len(pins) > 1 else ''} {format_cpuset(pins)}"
            expected[cpu].append((dom.name(), f"vCPU {vcpu} → thread unknown on CPU {cpu}{pin}"))
    cpu_count, online, _ = demo.getCPUMap()
    demo.close()
    rows = {text: lines for text, lines in page.cpu_rows()}
    for cpu in range(cpu_count):
        label = f"CPU {cpu}" if online[cpu] else f"CPU {cpu} (offline)"
        assert label in rows, label
        assert sorted(rows[label]) == sorted(line for _name, line in expected.get(cpu, []))
    tree = page.cpu_tree
    domains = sorted(tree.topLevelItem(i).child(j).text(2)  # type: ignore[union-attr]
                     for i in range(tree.topLevelItemCount())
                     for j in range(tree.topLevelItem(i).childCount()))  # type: ignore[union-attr]
    assert domains == sorted(name for lines in expected.values() for name, _line in lines)
    assert "host memory: not reported by this driver" in page.summary.text()


def test_overcommit_is_recorded_over_time(demo_app: Application, qtbot: QtBot,
                                          demo: libvirt.virConnect) -> None:
    _feature, page = open_host_page(demo_app, qtbot)
    history = page.histories[demo_host_uri()]
    qtbot.waitUntil(lambda: len(history) >= 3, timeout=10000)
    assert page.redraws >= 3
    _model, memory_kib, cpus = demo.getInfo()[:3]
    states = [d.info() for d in demo.listAllDomains()]
    demo.close()
    scheduled_vcpus = sum(i[3] for i in states if i[0] in (RUNNING, BLOCKED, SHUTDOWN))
    assert history.view(CPU_RATIO)[-1] == pytest.approx(scheduled_vcpus / cpus)
    assert np.isfinite(history.view(MEMORY_RATIO)).all()
    assert page.charts is not None
    over = page.charts.plots[1]
    assert len(over.curve_data(CPU_RATIO)[1]) == len(history)


def test_host_is_sampled_only_while_the_page_is_on_screen(demo_app: Application,
                                                          qtbot: QtBot) -> None:
    feature, page = open_host_page(demo_app, qtbot)
    sampler = feature.sampler(demo_host_uri())
    assert sampler is not None and sampler.host_watched
    demo_app.window.details.tabs.setCurrentIndex(0)  # Summary in front
    assert not sampler.host_watched
    redraws = page.redraws
    with qtbot.assertNotEmitted(sampler.hostSampled, wait=1500):
        pass
    assert page.redraws == redraws
    demo_app.window.details.tabs.setCurrentWidget(page)
    assert sampler.host_watched
    qtbot.waitUntil(lambda: page.redraws > redraws + 1, timeout=5000)
