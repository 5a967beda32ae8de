"""Sparkline columns in the main list: off by default, sample every running domain when on, keep
only a short history for domains nobody charts."""

import libvirt
from pytestqt.qtbot import QtBot

from kvmgui.ui.app import Application
from kvmgui.core.resource_paths import demo_host_uri
from kvmgui.stats.history import history_bytes
from kvmgui.ui.performance.install import install_performance
from kvmgui.ui.roles import Column, Role
from kvmgui.stats.sparklines import SPARKLINE_HISTORY_S

ACTIVE = (1, 2, 3, 4, 7)  # states with a process, as libvirt numbers them


def running_uuids() -> set[str]:
    libvirt.registerErrorHandler(lambda _ctx, _err: None, None)
    conn = libvirt.open(demo_host_uri())
    try:
        return {d.UUIDString() for d in conn.listAllDomains() if d.info()[0] in ACTIVE}
    finally:
        conn.close()


def test_sparklines_are_off_by_default(demo_app: Application, qtbot: QtBot) -> None:
    feature = demo_app.performance
    header = demo_app.window.tree.header()
    assert not feature.sparklines_action.isChecked()
    assert header.isSectionHidden(Column.CPU_USAGE) and header.isSectionHidden(Column.MEMORY_USAGE)
    sampler = feature.sampler(demo_host_uri())
    assert sampler is not None and not sampler.sample_all
    with qtbot.assertNotEmitted(sampler.sampled, wait=1500):
        pass  # nothing on screen needs stats: no sampling at all
    assert sampler.ticks == 0


def test_sparklines_sample_every_running_domain_and_paint(demo_app: Application,
                                                          qtbot: QtBot) -> None:
    feature = demo_app.performance
    feature.set_interval(0.5)
    sampler = feature.sampler(demo_host_uri())
    assert sampler is not None
    feature.sparklines_action.trigger()
    header = demo_app.window.tree.header()
    assert not header.isSectionHidden(Column.CPU_USAGE)
    assert not header.isSectionHidden(Column.MEMORY_USAGE)
    # Next to the memory column, where a domain row has something to show.
    assert header.visualIndex(Column.CPU_USAGE) == header.visualIndex(Column.MEMORY) + 1
    expected = running_uuids()
    qtbot.waitUntil(lambda: all((s := sampler.sparkline(u, 100)) is not None and s.shape[1] >= 2
                                for u in expected), timeout=10000)
    paints = feature.sparkline_delegate.paints
    qtbot.waitUntil(lambda: feature.sparkline_delegate.paints > paints, timeout=5000)
    full_hour = sum(history_bytes(sampler.config.capacity, 2) for _ in expected)
    assert sampler.memory_bytes() * 20 < full_hour  # 2 minutes of 3 numbers, not 1 h of 19+

    feature.sparklines_action.trigger()
    assert header.isSectionHidden(Column.CPU_USAGE)
    assert not sampler.sample_all
    assert all(sampler.sparkline(u, 10) is None for u in expected)  # memory released
    assert sampler.memory_bytes() == 0


def test_a_charted_domain_keeps_the_full_hour(demo_app: Application, qtbot: QtBot) -> None:
    feature = demo_app.performance
    feature.set_interval(0.5)
    feature.set_sparklines(True)
    sampler = feature.sampler(demo_host_uri())
    assert sampler is not None
    web01 = demo_app.model.find_by_name("web01")
    demo_app.window.select(web01)
    uuid = web01.data(Role.KEY)
    qtbot.waitUntil(lambda: (h := sampler.history(uuid)) is not None and len(h) >= 2,
                    timeout=10000)
    history = sampler.history(uuid)
    assert history is not None and history.capacity == sampler.config.capacity == 7200
    others = running_uuids() - {uuid}
    assert all(sampler.history(u) is None for u in others)  # only charted domains keep an hour
    short = round(SPARKLINE_HISTORY_S / 0.5)
    assert all(sampler.sparkline(u, 10 * short).shape[1] <= short  # type: ignore[union-attr]
               for u in others)


def test_choices_are_preferences_and_follow_them(demo_app: Application, qtbot: QtBot) -> None:
    feature = demo_app.performance
    sampler = feature.sampler(demo_host_uri())
    assert sampler is not None
    feature.set_sparklines(True)
    feature.set_interval(0.2)  # below the minimum: clamped
    assert feature.interval_s == 0.5 and sampler.config.interval_s == 0.5
    prefs = demo_app.window.preferences
    assert prefs.sparklines and prefs.stats_interval_s == 0.5  # saved as preferences
    # Changed elsewhere (the preferences dialog): applied here.
    prefs.update(stats_interval_s=2.0, history_s=600.0, sparklines=False)
    assert sampler.config.interval_s == 2.0 and sampler.config.capacity == 300
    assert not feature.sparklines_action.isChecked() and not sampler.sample_all
    assert demo_app.window.tree.header().isSectionHidden(Column.CPU_USAGE)
    assert feature.performance_page.interval_box.currentData() == 2.0
    again = install_performance(demo_app.window, demo_app.model)
    assert again.interval_s == 2.0 and not again.sparklines
    feature.shutdown()
    again.shutdown()
